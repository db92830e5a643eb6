# Changing one’s password, and the password rules.

auth-password-forced = A vostra parolla d’intrata hè pruvisoria : sceglitene una nova per cuntinuà.
auth-password-advice = Una frasa di parechje parolle, faciule à ramintà per voi è difficiule à induvinà per l’altri, hè una bellissima parolla d’intrata.
auth-password-current = Parolla d’intrata attuale
auth-password-new = Parolla d’intrata nova
auth-password-confirm = Cunfirmate a parolla d’intrata nova
auth-password-hint = Almenu { NUMBER($min) } caratteri ; scanzate u vostru nome, una data o una parolla sola.
auth-password-submit = Arregistrà a parolla d’intrata
auth-password-done = A vostra parolla d’intrata hè stata cambiata. L’altre sessioni sò state chjose.
auth-password-one-time-valid-until = A vostra parolla d’intrata pruvisoria vale sin’à u { DATETIME($date) }.
