# My account: language, open sessions, two-step sign-in.

account-username = Identificadore :
account-language = Lingua
sessions-title = E vostre sessioni aperte
sessions-device = Apparechju
sessions-address = Indirizzu
sessions-created = Aperta u
sessions-last-seen = Ultima attività
sessions-this-device = (st’apparechju)
sessions-unknown-device = Apparechju scunnisciutu
sessions-end = Chjode
sessions-end-others = Chjode tutte l’altre sessioni
second-factor-forced = L’amministratori di st’istanza devenu prutege u so contu cù un codice d’una sola volta nanzu di cuntinuà.
second-factor-off = Dopu à a vostra parolla d’intrata, vi serà dumandatu un codice di a vostra appiecazione d’autenticazione (nant’à u telefuninu).
second-factor-begin = Attivà a cunnessione in duie tappe
second-factor-scan = Scanate stu codice QR cù a vostra appiecazione d’autenticazione, po scrivite u codice di sei cifre ch’ella mostra.
second-factor-qr-alt = Codice QR à scanà cù l’appiecazione d’autenticazione
second-factor-secret = O scrivite sta chjave in l’appiecazione :
second-factor-code = Codice di sei cifre (o codice di succorsu)
second-factor-confirm = Cunfirmà
second-factor-enabled = A cunnessione in duie tappe hè attivata.
second-factor-recovery-intro = Nutate sti codici di succorsu è guardateli in un locu sicuru : ognunu permette una cunnessione s’è vo ùn avete più u vostru telefuninu. Ùn seranu più mustrati.
second-factor-recovery-noted = Aghju nutatu i mo codici
second-factor-on = A cunnessione in duie tappe hè attivata. Per disattivalla, scrivite un codice attuale.
second-factor-disable = Disattivà
