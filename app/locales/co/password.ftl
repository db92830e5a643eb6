# Changing one’s password, and the password rules.

password-title = Cambià a parolla d’intrata
password-forced = A vostra parolla d’intrata hè pruvisoria : sceglitene una nova per cuntinuà.
password-advice = Una frasa di parechje parolle, faciule à ramintà per voi è difficiule à induvinà per l’altri, hè una bellissima parolla d’intrata.
password-current = Parolla d’intrata attuale
password-new = Parolla d’intrata nova
password-confirm = Cunfirmate a parolla d’intrata nova
password-hint = Almenu { NUMBER($min) } caratteri ; scanzate u vostru nome, una data o una parolla sola.
password-submit = Arregistrà a parolla d’intrata
password-done = A vostra parolla d’intrata hè stata cambiata. L’altre sessioni sò state chjose.
password-too-short = A parolla d’intrata deve cuntà almenu { NUMBER($min) } caratteri.
password-too-long = A parolla d’intrata ùn deve passà { NUMBER($max) } caratteri.
password-unchanged = A parolla d’intrata nova deve esse sfarente di quella attuale.
password-weak-common = Sta parolla d’intrata hè trà e più aduprate : saria induvinata in qualchì seconda.
password-weak-pattern = E seguite di tasti, di lettere o di cifre (azerty, 1234, aaaa) s’induvinanu faciule.
password-weak-date = E date è l’anni s’induvinanu faciule.
password-weak-personal = A parolla d’intrata ùn deve cuntene u vostru nome nè u vostru identificadore.
password-weak-guessable = Sta parolla d’intrata hè troppu faciule à induvinà : aghjunghjite parolle o allungatela.
password-one-time-valid-until = A vostra parolla d’intrata pruvisoria vale sin’à u { DATETIME($date) }.
