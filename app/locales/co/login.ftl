# The sign-in page and its second-factor step.

login-title = Cunnessione à Scola
login-intro = Scrivite l’identificadore è a parolla d’intrata dati da u vostru stabilimentu.
login-username = Identificadore
login-password = Parolla d’intrata
login-submit = Cunnettesi
login-code-title = Codice di verificazione
login-code-intro = Scrivite u codice di sei cifre di a vostra appiecazione d’autenticazione, o un codice di succorsu.
login-code-back = Vultà à a parolla d’intrata
