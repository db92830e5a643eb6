# Errors shown at the top of a form or page (app::error::AppError).

error-sign-in-required = Votre session a expiré : reconnectez-vous.
error-password-change-required = Changez d’abord votre mot de passe provisoire.
error-charter-required = Acceptez d’abord la charte d’utilisation.
error-forbidden = Vous n’avez pas accès à cette information.
error-not-found = Cette page ou cette fiche n’existe pas.
error-bad-credentials = Identifiant ou mot de passe incorrect.
error-locked = Trop d’essais infructueux. Réessayez dans { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}.
error-invalid = Certains champs sont à corriger.
error-busy = Le service est très sollicité. Réessayez dans quelques instants.
error-internal = Une erreur est survenue de notre côté. Réessayez ; si elle persiste, prévenez votre établissement.
error-communication = Le serveur ne répond pas. Vérifiez votre connexion et réessayez.
error-one-time-password-expired = Votre mot de passe provisoire a expiré. Demandez-en un nouveau à votre établissement.
error-second-factor-enrolment = Les administrateurs doivent d’abord activer la connexion en deux étapes.
error-second-factor-required = Saisissez le code de votre application d’authentification.
