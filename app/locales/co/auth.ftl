# The sign-in page and its second-factor step.

auth-title = Cunnessione à Scola
auth-intro = Scrivite l’identificadore è a parolla d’intrata dati da u vostru stabilimentu.
auth-username = Identificadore
auth-password = Parolla d’intrata
auth-submit = Cunnettesi
auth-code-title = Codice di verificazione
auth-code-intro = Scrivite u codice di sei cifre di a vostra appiecazione d’autenticazione, o un codice di succorsu.
auth-code-back = Vultà à a parolla d’intrata
