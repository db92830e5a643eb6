# Errors shown at the top of a form or page (app::error::AppError).

error-sign-in-required = A vostra sessione hè finita : cunnettitevi torna.
error-password-change-required = Cambiate prima a vostra parolla d’intrata pruvisoria.
error-charter-required = Accettate prima a carta d’utilizazione.
error-forbidden = Ùn avete micca accessu à st’infurmazione.
error-not-found = Sta pagina o sta scheda ùn esiste micca.
error-bad-credentials = Identificadore o parolla d’intrata sbagliati.
error-locked = Troppu tentativi sbagliati. Pruvate torna trà { $minutes ->
    [one] { $minutes } minutu
   *[other] { $minutes } minuti
}.
error-invalid = Certi campi sò da currege.
error-busy = U serviziu hè assai cercu. Pruvate torna trà un mumentu.
error-internal = Un sbagliu hè accadutu da a nostra parte. Pruvate torna ; s’ellu cuntinueghja, avvisate u vostru stabilimentu.
error-communication = U servitore ùn risponde micca. Verificate a vostra cunnessione è pruvate torna.
error-one-time-password-expired = A vostra parolla d’intrata pruvisoria hè scaduta. Dumandatene una nova à u vostru stabilimentu.
error-second-factor-enrolment = L’amministratori devenu prima attivà a cunnessione in duie tappe.
error-second-factor-required = Scrivite u codice di a vostra appiecazione d’autenticazione.
