# Scola — interfaccia in lingua corsa.

skip-to-content = Andà à u cuntenutu
loading = Caricamentu…
sign-out = Esce
lang-switch-label = Lingua di l’interfaccia
back-home = Vultà à l’accolta
not-found-title = Pagina micca trova

## Cunnessione
login-title = Cunnessione à Scola
login-intro = Scrivite l’identificadore è a parolla d’intrata date da u vostru stabilimentu.
login-username = Identificadore
login-password = Parolla d’intrata
login-submit = Cunnettesi

## Parolla d’intrata
password-title = Cambià di parolla d’intrata
password-forced = A vostra parolla d’intrata hè pruvisoria : sceglitene una nova per cuntinuà.
password-advice = Una frasa di parechje parolle, faciule à ramintà per voi è difficiule à induvinà per l’altri, hè una bellissima parolla d’intrata.
password-current = Parolla d’intrata attuale
password-new = Parolla d’intrata nova
password-confirm = Cunfirmate a parolla d’intrata nova
password-hint = Almenu 8 caratteri ; scanzate u vostru nome, una data o una parolla sola.
password-submit = Arregistrà a parolla d’intrata
password-done = A vostra parolla d’intrata hè stata cambiata. L’altre sessioni sò state chjose.
password-too-short = A parolla d’intrata deve cuntà almenu { $min } caratteri.
password-too-long = A parolla d’intrata ùn deve passà { $max } caratteri.
password-unchanged = A parolla d’intrata nova deve esse sfarente di quella attuale.
password-weak-common = Sta parolla d’intrata hè trà e più aduprate : saria induvinata in qualchì seconda.
password-weak-pattern = E seguite di tasti, di lettere o di cifre (azerty, 1234, aaaa) s’induvinanu faciule.
password-weak-date = E date è l’annate s’induvinanu faciule.
password-weak-personal = A parolla d’intrata ùn deve cuntene u vostru nome nè u vostru identificadore.
password-weak-guessable = Sta parolla d’intrata hè troppu faciule à induvinà : aghjunghjite parolle o allungatela.

## Carta
charter-title = Carta d’utilizazione
charter-must-accept = Nanzu d’aduprà Scola, leghjite è accettate a carta d’utilizazione.
charter-agree = Aghju lettu a carta è l’accettu.
charter-accept = Accettà è cuntinuà
charter-none = Ùn hè stata publicata ancu nisuna carta.

## Accolta
home-hello = Bonghjornu { $name } !
home-schools = I mo stabilimenti
home-no-school = Ùn site ligatu à nisun stabilimentu.
home-groups = Classe è gruppi
home-children = I mo figlioli
home-services = I mo servizii
service-school-admin = Amministrazione di u stabilimentu
service-platform-admin = Amministrazione di a piattaforma
service-my-account = U mo contu
service-charter = Carta d’utilizazione

## Contu
account-title = U mo contu
account-username = Identificadore :
account-language = Lingua

## Piattaforma
platform-charter = Carta d’utilizazione
platform-charter-help = Publicà una versione nova dumanderà à ogni utilizatore di accettalla torna.
platform-charter-fr = Testu in francese
platform-charter-co = Testu in corsu
platform-charter-publish = Publicà una versione nova
platform-charter-published = Versione { $version } publicata.
platform-schools = Stabilimenti
platform-school-name = Nome
platform-school-kind = Tipu
platform-school-people = Persone
platform-school-new = Stabilimentu novu
platform-school-uai = Codice UAI
platform-school-uai-hint = Sette cifre è una lettera, cum’è 6200001G.
platform-school-create = Creà u stabilimentu
platform-school-created = { $name } hè statu creatu. Create avà u so amministratore da l’amministrazione di u stabilimentu.

## Prufili
profile-pupil = Sculare
profile-teacher = Insegnante
profile-parent = Parente
profile-staff = Persunale
profile-school-admin = Amministratore di stabilimentu
profile-guest = Invitatu

## Stabilimenti
school-kind-ecole = Scola
school-kind-college = Cullegiu
school-kind-lycee = Liceu
school-kind-lycee-pro = Liceu prufessiunale
school-kind-lycee-agricole = Liceu agriculu
school-kind-lycee-maritime = Liceu marittimu
school-kind-prive = Stabilimentu privatu
group-kind-class = Classa
group-kind-group = Gruppu

## Sbagli
error-sign-in-required = A vostra sessione hè finita : cunnettitevi torna.
error-password-change-required = Cambiate prima a vostra parolla d’intrata pruvisoria.
error-charter-required = Accettate prima a carta d’utilizazione.
error-forbidden = Ùn avete micca accessu à st’infurmazione.
error-not-found = Sta pagina o sta scheda ùn esiste micca.
error-bad-credentials = Identificadore o parolla d’intrata sbagliati.
error-locked = Troppu prove falate. Pruvate torna trà { $minutes ->
    [one] { $minutes } minutu
   *[other] { $minutes } minuti
}.
error-invalid = Certi campi sò da currege.
error-busy = U serviziu hè assai cercu. Pruvate torna trà un mumentu.
error-internal = Un sbagliu hè accadutu da a nostra parte. Pruvate torna ; s’ellu cuntinueghja, avvisate u vostru stabilimentu.
error-communication = U servitore ùn risponde micca. Verificate a vostra cunnessione è pruvate torna.
problem-required = Stu campu hè ubligatoriu.
problem-taken = St’identificadore hè digià adupratu.
problem-too-long = Stu testu hè troppu longu.
problem-mismatch = E parolle d’intrata ùn currispondenu micca.
problem-username = Un identificadore conta da 2 à 64 caratteri : lettere minuscule senza accentu, cifre, puntu, trattinu ; principia cù una lettera.
problem-bad-name = Stu nome hè troppu longu o cuntene caratteri micca permessi.
problem-uai = Un codice UAI conta sette cifre seguitate da una lettera (per esempiu 6200001G).
problem-choice = Sceglite un valore in a lista.

## Amministrazione
admin-school = Stabilimentu
admin-parts = Parte di l’amministrazione
admin-accounts = Conti
admin-groups = Classe è gruppi
admin-search = Cercà
admin-search-label = Nome o identificadore
admin-profile-filter = Prufilu
admin-profile-any = Tutti i prufili
admin-results = { $count ->
    [one] { $count } contu trovu
   *[other] { $count } conti trovi
}
admin-col-name = Nome
admin-col-username = Identificadore
admin-col-profiles = Prufili
admin-col-class = Classa
admin-col-actions = Azzioni
admin-col-members = Sculari
admin-col-teachers = Insegnanti
admin-manage = Amministrà
admin-manage-account = Amministrà u contu di { $name }
admin-manage-group = Amministrà { $name }
admin-pending-password = parolla d’intrata pruvisoria
admin-pages = Pagine di i risultati
admin-page = Pagina { $page } di { $pages }
admin-previous = Pagina precedente
admin-next = Pagina seguente
admin-no-account = Nisun contu currisponde à sta ricerca.
admin-create-account = Creà un contu
admin-first-name = Nome
admin-last-name = Casata
admin-profile = Prufilu
admin-username = Identificadore (facultativu)
admin-username-hint = Lasciatelu biotu : serà fattu cù u nome è a casata (nome.casata).
admin-create = Creà u contu
admin-created = U contu { $username } hè statu creatu.
admin-one-time-title = Parolla d’intrata pruvisoria
admin-one-time-username = Identificadore
admin-one-time-password = Parolla d’intrata pruvisoria
admin-one-time-note = Nutatela avà è datela à a persona : ùn serà mai più affissata. A persona a duverà cambià à a so prima cunnessione.
admin-one-time-done = Aghju nutatu a parolla d’intrata
admin-close = Chjode
admin-account-title = Contu di { $name }
admin-edit-names = Nome è casata
admin-save = Arregistrà
admin-saved = Mudifiche arregistrate.
admin-password = Parolla d’intrata
admin-reset = Rimette à zeru a parolla d’intrata
admin-reset-confirm = Dà una parolla d’intrata pruvisoria nova à { $name } ? E so sessioni aperte saranu chjose è a parolla d’intrata vechja ùn funziunerà più.
admin-reset-confirm-yes = Iè, rimette à zeru
admin-reset-done = Parolla d’intrata rimessa à zeru.
admin-cancel = Annullà
admin-roles = Prufili in u stabilimentu
admin-add-role = Prufilu à aghjunghje
admin-add = Aghjunghje
admin-remove = Caccià
admin-remove-role = Caccià u prufilu { $profile }
admin-role-added = Prufilu aghjuntu.
admin-role-removed = Prufilu cacciatu.
admin-account-groups = Classe è gruppi di quist’annu
admin-none = Nisunu per avà.
admin-parents = Parenti
admin-children = Figlioli
admin-link-parent = Ligà un parente
admin-link-child = Ligà un figliolu
admin-linked = Ligame arregistratu.
admin-unlink = Scioglie
admin-unlink-person = Scioglie u ligame cù { $name }
admin-unlinked = Ligame cacciatu.
admin-pick-placeholder = Nome o identificadore
admin-pick-button = Sceglie
admin-pick = Sceglie { $name }
admin-pick-none = Ùn ci hè nimu chì currisponda à sta ricerca.
admin-groups-caption = Classe è gruppi di l’annu in corsu
admin-no-group = Nisuna classa è nisun gruppu quist’annu.
admin-create-group = Creà una classa o un gruppu
admin-group-kind = Tipu
admin-group-name = Nome
admin-group-create = Creà
admin-group-created = « { $name } » hè avà in a lista.
admin-rename-label = Nome
admin-rename = Cambià u nome
admin-delete-group = Squassà
admin-delete-confirm = Squassà « { $name } » ? I so sculari è i so insegnanti fermanu in u stabilimentu.
admin-delete-confirm-yes = Iè, squassà
admin-deleted = « { $name } » ùn hè più in a lista.
admin-members = Sculari
admin-add-member = Aghjunghje un sculare
admin-member-added = { $name } face avà parte di stu gruppu.
admin-member-moved = { $name } face avà parte di stu gruppu è hà lasciatu { $left }.
admin-remove-person = Caccià { $name }
admin-removed = { $name } ùn face più parte di stu gruppu.
admin-teachers = Insegnanti
admin-add-teacher = Aghjunghje un insegnante
admin-subject = Materia insignata
admin-subject-none = Senza materia precisa
admin-teacher-added = { $name } insegna avà in stu gruppu.
admin-teacher-removed = { $name } ùn insegna più in stu gruppu.
problem-place = Sta persona ùn hà micca u prufilu « { $profile } » in u stabilimentu.
problem-name-taken = Stu nome hè digià adupratu quist’annu in u stabilimentu.
problem-no-school-year = Nisun annu sculare hè apertu : l’amministrazione di a piattaforma ne deve apre unu prima.
problem-same-person = Una persona ùn pò micca esse ligata à sè stessa.

# --- audit ---
audit-title = Ghjurnale di cuntrollu
audit-explain = Cunnessioni, accessi ricusati, cambiamenti è cunsultazioni di dati persunali, i più recenti prima. Una listessa azzione ripetuta in u minutu hè scritta una volta sola, cù u numeru di volte.
audit-scope = Stabilimenti
audit-scope-school = U stabilimentu sceltu
audit-scope-all = Tutti i stabilimenti
audit-kind = Avvenimentu
audit-kind-any = Tutti
audit-kind-sign-in = Cunnessione
audit-kind-sign-in-failed = Cunnessione fallita
audit-kind-sign-in-locked = Cunnessione bluccata
audit-kind-sign-out = Scunnessione
audit-kind-password-changed = Parolla d’intrata cambiata
audit-kind-password-reset = Parolla d’intrata rimessa à nove
audit-kind-access-refused = Accessu ricusatu
audit-kind-charter-accepted = Carta accettata
audit-kind-charter-published = Carta publicata
audit-kind-account-created = Contu creatu
audit-kind-account-updated = Contu mudificatu
audit-kind-group-changed = Classa o gruppu mudificatu
audit-kind-school-created = Stabilimentu creatu
audit-kind-personal-data-read = Cunsultazione di dati persunali
audit-login = Identificadore
audit-from = Da u
audit-until = Finu à u
audit-filter = Filtrà
audit-none = Nisuna entrata ùn currisponde.
audit-col-when = Data
audit-col-who = Quale
audit-col-school = Stabilimentu
audit-col-address = Indirizzu IP
audit-col-detail = Dettagliu
audit-col-count = Volte
audit-newer = Più recenti
audit-older = Più antiche
# --- sign-in ---
error-one-time-password-expired = A vostra parolla d’intrata pruvisoria hè scaduta. Dumandatene una nova à u vostru stabilimentu.
password-one-time-valid-until = A vostra parolla d’intrata pruvisoria vale sin’à u { $date }.
# --- authz ---
problem-own-child = Ùn vi pudete micca ligà voi stessu à un sculare : un altru amministratore deve creà stu ligame.
admin-shared-account = Stu contu appartene dinò à un stabilimentu chì vo ùn amministrate micca : solu l’amministrazione di a piattaforma pò cambià i so nomi o a so parolla d’intrata.
admin-shared-roles = Sta persona amministra un altru stabilimentu o face parte di u so persunale : solu l’amministrazione di a piattaforma pò cambià i so prufili, e so classi è i so gruppi.
# --- sessions ---
error-second-factor-enrolment = L’amministratori devenu prima attivà a cunnessione in duie tappe.
error-second-factor-required = Scrivite u codice di a vostra appiecazione d’autenticazione.
problem-wrong-code = Stu codice ùn hè micca u bonu, o hè digià statu adupratu.
problem-already-enrolled = A cunnessione in duie tappe hè digià attivata.
idle-title = Site sempre quì ?
idle-text = Sarete scunnettutu trà { $seconds } seconde per mancanza d’attività.
idle-stay = Firmà cunnettutu
sessions-title = E vostre sessioni aperte
sessions-device = Apparechju
sessions-address = Indirizzu
sessions-created = Aperta u
sessions-last-seen = Ultima attività
sessions-this-device = (st’apparechju)
sessions-unknown-device = Apparechju scunnisciutu
sessions-end = Chjode
sessions-end-others = Chjode tutte l’altre sessioni
second-factor-title = Cunnessione in duie tappe
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
login-code-title = Codice di verificazione
login-code-intro = Scrivite u codice di sei cifre di a vostra appiecazione d’autenticazione, o un codice di succorsu.
login-code-back = Vultà à a parolla d’intrata
# --- areas loaded on demand ---
area-unavailable-title = Sta parte di Scola ùn hè micca stata caricata
area-unavailable-body = A cunnessione hè forse stata interrotta, o Scola hè appena statu messu à ghjornu. Ricaricate a pagina per pruvà torna.
area-unavailable-reload = Ricaricà a pagina
