# Problems with one field, shown next to it (app::error::Problem).

problem-required = Stu campu hè ubligatoriu.
problem-taken = St’identificadore hè digià adupratu.
problem-too-long = Stu testu hè troppu longu.
problem-mismatch = E parolle d’intrata ùn currispondenu micca.
problem-username = Un identificadore conta da 2 à 64 caratteri : lettere minuscule senza accentu, cifre, puntu, trattinu ; principia cù una lettera.
problem-bad-name = Stu nome hè troppu longu o cuntene caratteri micca permessi.
problem-uai = Un codice UAI conta sette cifre seguitate da una lettera (per esempiu 6200001G).
problem-choice = Sceglite un valore in a lista.
problem-place = Sta persona ùn hà micca u prufilu « { $profile } » in u stabilimentu.
problem-name-taken = Stu nome hè digià adupratu quist’annu in u stabilimentu.
problem-same-person = Una persona ùn pò micca esse ligata à sè stessa.
problem-own-child = Ùn vi pudete micca ligà voi stessu à un sculare : un altru amministratore deve creà stu ligame.
problem-wrong-code = Stu codice ùn hè micca u bonu, o hè digià statu adupratu.
problem-already-enrolled = A cunnessione in duie tappe hè digià attivata.

problem-password-too-short = A parolla d’intrata deve cuntà almenu { NUMBER($min) } caratteri.
problem-password-too-long = A parolla d’intrata ùn deve passà { NUMBER($max) } caratteri.
problem-password-unchanged = A parolla d’intrata nova deve esse sfarente di quella attuale.
problem-password-weak-common = Sta parolla d’intrata hè trà e più aduprate : saria induvinata in qualchì seconda.
problem-password-weak-pattern = E seguite di tasti, di lettere o di cifre (azerty, 1234, aaaa) s’induvinanu faciule.
problem-password-weak-date = E date è l’anni s’induvinanu faciule.
problem-password-weak-personal = A parolla d’intrata ùn deve cuntene u vostru nome nè u vostru identificadore.
problem-password-weak-guessable = Sta parolla d’intrata hè troppu faciule à induvinà : aghjunghjite parolle o allungatela.
