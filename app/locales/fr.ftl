# Scola — interface en français.

skip-to-content = Aller au contenu
loading = Chargement…
sign-out = Se déconnecter
lang-switch-label = Langue de l’interface
back-home = Retour à l’accueil
not-found-title = Page introuvable

## Connexion
login-title = Connexion à Scola
login-intro = Saisissez l’identifiant et le mot de passe donnés par votre établissement.
login-username = Identifiant
login-password = Mot de passe
login-submit = Se connecter

## Mot de passe
password-title = Changer de mot de passe
password-forced = Votre mot de passe est provisoire : choisissez-en un nouveau pour continuer.
password-advice = Une phrase de plusieurs mots, facile à retenir pour vous et difficile à deviner pour les autres, est un excellent mot de passe.
password-current = Mot de passe actuel
password-new = Nouveau mot de passe
password-confirm = Confirmez le nouveau mot de passe
password-hint = Au moins 8 caractères ; évitez votre nom, une date ou un mot seul.
password-submit = Enregistrer le mot de passe
password-done = Votre mot de passe a été changé. Vos autres sessions ont été fermées.
password-too-short = Le mot de passe doit compter au moins { $min } caractères.
password-too-long = Le mot de passe ne doit pas dépasser { $max } caractères.
password-unchanged = Le nouveau mot de passe doit être différent de l’actuel.
password-weak-common = Ce mot de passe fait partie des plus utilisés : il serait deviné en quelques secondes.
password-weak-pattern = Les suites de touches, de lettres ou de chiffres (azerty, 1234, aaaa) se devinent facilement.
password-weak-date = Les dates et les années se devinent facilement.
password-weak-personal = Le mot de passe ne doit pas contenir votre nom ni votre identifiant.
password-weak-guessable = Ce mot de passe est trop facile à deviner : ajoutez des mots ou allongez-le.

## Charte
charter-title = Charte d’utilisation
charter-must-accept = Avant d’utiliser Scola, lisez et acceptez la charte d’utilisation.
charter-agree = J’ai lu la charte et je l’accepte.
charter-accept = Accepter et continuer
charter-none = Aucune charte n’a encore été publiée.

## Accueil
home-hello = Bonjour { $name } !
home-schools = Mes établissements
home-no-school = Vous n’êtes rattaché à aucun établissement.
home-groups = Classes et groupes
home-children = Mes enfants
home-services = Mes services
service-school-admin = Administration de l’établissement
service-platform-admin = Administration de la plateforme
service-my-account = Mon compte
service-charter = Charte d’utilisation

## Compte
account-title = Mon compte
account-username = Identifiant :
account-language = Langue

## Plateforme
platform-charter = Charte d’utilisation
platform-charter-help = Publier une nouvelle version demandera à chaque utilisateur de l’accepter de nouveau.
platform-charter-fr = Texte en français
platform-charter-co = Texte en corse
platform-charter-publish = Publier une nouvelle version
platform-charter-published = Version { $version } publiée.
platform-schools = Établissements
platform-school-name = Nom
platform-school-kind = Type
platform-school-people = Personnes
platform-school-new = Nouvel établissement
platform-school-uai = Code UAI
platform-school-uai-hint = Sept chiffres et une lettre, comme 6200001G.
platform-school-create = Créer l’établissement
platform-school-created = { $name } a été créé. Créez maintenant son administrateur depuis l’administration de l’établissement.

## Profils
profile-pupil = Élève
profile-teacher = Enseignant
profile-parent = Parent
profile-staff = Personnel
profile-school-admin = Administrateur d’établissement
profile-guest = Invité

## Établissements
school-kind-ecole = École
school-kind-college = Collège
school-kind-lycee = Lycée
school-kind-lycee-pro = Lycée professionnel
school-kind-lycee-agricole = Lycée agricole
school-kind-lycee-maritime = Lycée maritime
school-kind-prive = Établissement privé
group-kind-class = Classe
group-kind-group = Groupe

## Erreurs
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
problem-required = Ce champ est obligatoire.
problem-taken = Cet identifiant est déjà utilisé.
problem-too-long = Ce texte est trop long.
problem-mismatch = Les mots de passe ne correspondent pas.
problem-username = Un identifiant compte de 2 à 64 caractères : lettres minuscules sans accent, chiffres, point, tiret ; il commence par une lettre.
problem-bad-name = Ce nom est trop long ou contient des caractères non autorisés.
problem-uai = Un code UAI compte sept chiffres suivis d’une lettre (ex. 6200001G).
problem-choice = Choisissez une valeur dans la liste.

## Administration
admin-school = Établissement
admin-parts = Partie de l’administration
admin-accounts = Comptes
admin-groups = Classes et groupes
admin-search = Rechercher
admin-search-label = Nom ou identifiant
admin-profile-filter = Profil
admin-profile-any = Tous les profils
admin-results = { $count ->
    [one] { $count } compte trouvé
   *[other] { $count } comptes trouvés
}
admin-col-name = Nom
admin-col-username = Identifiant
admin-col-profiles = Profils
admin-col-class = Classe
admin-col-actions = Actions
admin-col-members = Élèves
admin-col-teachers = Enseignants
admin-manage = Gérer
admin-manage-account = Gérer le compte de { $name }
admin-manage-group = Gérer { $name }
admin-pending-password = mot de passe provisoire
admin-pages = Pages de résultats
admin-page = Page { $page } sur { $pages }
admin-previous = Page précédente
admin-next = Page suivante
admin-no-account = Aucun compte ne correspond à cette recherche.
admin-create-account = Créer un compte
admin-first-name = Prénom
admin-last-name = Nom
admin-profile = Profil
admin-username = Identifiant (facultatif)
admin-username-hint = Laissez vide pour qu’il soit formé à partir du prénom et du nom (prenom.nom).
admin-create = Créer le compte
admin-created = Le compte { $username } a été créé.
admin-one-time-title = Mot de passe provisoire
admin-one-time-username = Identifiant
admin-one-time-password = Mot de passe provisoire
admin-one-time-note = Notez-le maintenant et remettez-le à la personne : il ne sera plus jamais affiché. Elle devra le remplacer à sa première connexion.
admin-one-time-done = J’ai noté le mot de passe
admin-close = Fermer
admin-account-title = Compte de { $name }
admin-edit-names = Prénom et nom
admin-save = Enregistrer
admin-saved = Modifications enregistrées.
admin-password = Mot de passe
admin-reset = Réinitialiser le mot de passe
admin-reset-confirm = Donner un nouveau mot de passe provisoire à { $name } ? Ses sessions ouvertes seront fermées et l’ancien mot de passe ne fonctionnera plus.
admin-reset-confirm-yes = Oui, réinitialiser
admin-reset-done = Mot de passe réinitialisé.
admin-cancel = Annuler
admin-roles = Profils dans l’établissement
admin-add-role = Profil à ajouter
admin-add = Ajouter
admin-remove = Retirer
admin-remove-role = Retirer le profil { $profile }
admin-role-added = Profil ajouté.
admin-role-removed = Profil retiré.
admin-account-groups = Classes et groupes cette année
admin-none = Aucun pour l’instant.
admin-parents = Parents
admin-children = Enfants
admin-link-parent = Lier un parent
admin-link-child = Lier un enfant
admin-linked = Lien enregistré.
admin-unlink = Délier
admin-unlink-person = Délier { $name }
admin-unlinked = Lien supprimé.
admin-pick-placeholder = Nom ou identifiant
admin-pick-button = Choisir
admin-pick = Choisir { $name }
admin-pick-none = Personne ne correspond à cette recherche.
admin-groups-caption = Classes et groupes de l’année en cours
admin-no-group = Aucune classe ni aucun groupe cette année.
admin-create-group = Créer une classe ou un groupe
admin-group-kind = Type
admin-group-name = Nom
admin-group-create = Créer
admin-group-created = « { $name } » figure désormais dans la liste.
admin-rename-label = Nom
admin-rename = Renommer
admin-delete-group = Supprimer
admin-delete-confirm = Supprimer « { $name } » ? Ses élèves et ses enseignants restent dans l’établissement.
admin-delete-confirm-yes = Oui, supprimer
admin-deleted = « { $name } » ne figure plus dans la liste.
admin-members = Élèves
admin-add-member = Ajouter un élève
admin-member-added = { $name } fait désormais partie de ce groupe.
admin-member-moved = { $name } fait désormais partie de ce groupe et a quitté { $left }.
admin-remove-person = Retirer { $name }
admin-removed = { $name } ne fait plus partie de ce groupe.
admin-teachers = Enseignants
admin-add-teacher = Ajouter un enseignant
admin-subject = Matière enseignée
admin-subject-none = Sans matière précise
admin-teacher-added = { $name } enseigne désormais dans ce groupe.
admin-teacher-removed = { $name } n’enseigne plus dans ce groupe.
problem-place = Cette personne n’a pas le profil « { $profile } » dans l’établissement.
problem-name-taken = Ce nom est déjà utilisé cette année dans l’établissement.
problem-no-school-year = Aucune année scolaire n’est ouverte : l’administration de la plateforme doit d’abord en ouvrir une.
problem-same-person = Une personne ne peut pas être liée à elle-même.

# --- audit ---
audit-title = Journal d’audit
audit-explain = Connexions, refus d’accès, modifications et consultations de données personnelles, les plus récentes d’abord. Une même action répétée dans la minute n’est inscrite qu’une fois, avec le nombre de fois.
audit-scope = Établissements
audit-scope-school = L’établissement choisi
audit-scope-all = Tous les établissements
audit-kind = Événement
audit-kind-any = Tous
audit-kind-sign-in = Connexion
audit-kind-sign-in-failed = Échec de connexion
audit-kind-sign-in-locked = Connexion bloquée
audit-kind-sign-out = Déconnexion
audit-kind-password-changed = Mot de passe changé
audit-kind-password-reset = Mot de passe réinitialisé
audit-kind-access-refused = Accès refusé
audit-kind-charter-accepted = Charte acceptée
audit-kind-charter-published = Charte publiée
audit-kind-account-created = Compte créé
audit-kind-account-updated = Compte modifié
audit-kind-group-changed = Classe ou groupe modifié
audit-kind-school-created = Établissement créé
audit-kind-personal-data-read = Consultation de données personnelles
audit-login = Identifiant
audit-from = Du
audit-until = Au
audit-filter = Filtrer
audit-none = Aucune entrée ne correspond.
audit-col-when = Date
audit-col-who = Qui
audit-col-school = Établissement
audit-col-address = Adresse IP
audit-col-detail = Détail
audit-col-count = Fois
audit-newer = Plus récentes
audit-older = Plus anciennes
# --- sign-in ---
error-one-time-password-expired = Votre mot de passe provisoire a expiré. Demandez-en un nouveau à votre établissement.
password-one-time-valid-until = Votre mot de passe provisoire est valable jusqu’au { $date }.
# --- authz ---
problem-own-child = Vous ne pouvez pas vous lier vous-même à un élève : un autre administrateur doit créer ce lien.
admin-shared-account = Ce compte appartient aussi à un établissement que vous n’administrez pas : seule l’administration de la plateforme peut changer ses noms ou son mot de passe.
admin-shared-roles = Cette personne administre un autre établissement ou y fait partie du personnel : seule l’administration de la plateforme peut changer ses profils, ses classes et ses groupes.
# --- sessions ---
error-second-factor-enrolment = Les administrateurs doivent d’abord activer la connexion en deux étapes.
error-second-factor-required = Saisissez le code de votre application d’authentification.
problem-wrong-code = Ce code n’est pas le bon, ou il a déjà servi.
problem-already-enrolled = La connexion en deux étapes est déjà activée.
idle-title = Êtes-vous toujours là ?
idle-text = Vous allez être déconnecté dans { $seconds } secondes faute d’activité.
idle-stay = Rester connecté
sessions-title = Vos sessions ouvertes
sessions-device = Appareil
sessions-address = Adresse
sessions-created = Ouverte le
sessions-last-seen = Dernière activité
sessions-this-device = (cet appareil)
sessions-unknown-device = Appareil inconnu
sessions-end = Fermer
sessions-end-others = Fermer toutes les autres sessions
second-factor-title = Connexion en deux étapes
second-factor-forced = Les administrateurs de cette instance doivent protéger leur compte par un code à usage unique avant de continuer.
second-factor-off = Après votre mot de passe, un code de votre application d’authentification (sur téléphone) vous sera demandé.
second-factor-begin = Activer la connexion en deux étapes
second-factor-scan = Scannez ce code QR avec votre application d’authentification, puis saisissez le code à six chiffres qu’elle affiche.
second-factor-qr-alt = Code QR à scanner avec l’application d’authentification
second-factor-secret = Ou saisissez cette clé dans l’application :
second-factor-code = Code à six chiffres (ou code de secours)
second-factor-confirm = Confirmer
second-factor-enabled = La connexion en deux étapes est activée.
second-factor-recovery-intro = Notez ces codes de secours et gardez-les en lieu sûr : chacun permet une connexion si vous n’avez plus votre téléphone. Ils ne seront plus affichés.
second-factor-recovery-noted = J’ai noté mes codes
second-factor-on = La connexion en deux étapes est activée. Pour la désactiver, saisissez un code actuel.
second-factor-disable = Désactiver
login-code-title = Code de vérification
login-code-intro = Saisissez le code à six chiffres de votre application d’authentification, ou un code de secours.
login-code-back = Revenir au mot de passe
# --- areas loaded on demand ---
area-unavailable-title = Cette partie de Scola n’a pas pu être chargée
area-unavailable-body = La connexion a peut-être été interrompue, ou Scola vient d’être mis à jour. Rechargez la page pour réessayer.
area-unavailable-reload = Recharger la page
