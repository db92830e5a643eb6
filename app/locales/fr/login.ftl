# The sign-in page and its second-factor step.

login-title = Connexion à Scola
login-intro = Saisissez l’identifiant et le mot de passe donnés par votre établissement.
login-username = Identifiant
login-password = Mot de passe
login-submit = Se connecter
login-code-title = Code de vérification
login-code-intro = Saisissez le code à six chiffres de votre application d’authentification, ou un code de secours.
login-code-back = Revenir au mot de passe
