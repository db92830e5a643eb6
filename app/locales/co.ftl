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
