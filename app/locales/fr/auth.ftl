# The sign-in page and its second-factor step.

auth-title = Connexion à Scola
auth-intro = Saisissez l’identifiant et le mot de passe donnés par votre établissement.
auth-username = Identifiant
auth-password = Mot de passe
auth-submit = Se connecter
auth-code-title = Code de vérification
auth-code-intro = Saisissez le code à six chiffres de votre application d’authentification, ou un code de secours.
auth-code-back = Revenir au mot de passe
