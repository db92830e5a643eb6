# My account: language, open sessions, two-step sign-in.

account-username = Identifiant :
account-language = Langue
sessions-title = Vos sessions ouvertes
sessions-device = Appareil
sessions-address = Adresse
sessions-created = Ouverte le
sessions-last-seen = Dernière activité
sessions-this-device = (cet appareil)
sessions-unknown-device = Appareil inconnu
sessions-end = Fermer
sessions-end-others = Fermer toutes les autres sessions
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
