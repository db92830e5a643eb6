# Platform administration: schools and the charter.

platform-charter = Carta d’utilizazione
platform-charter-help = Publicà una versione nova dumanderà à ogni utilizatore d’accettalla torna.
platform-charter-fr = Testu in francese
platform-charter-co = Testu in corsu
platform-charter-publish = Publicà una versione nova
platform-charter-published = Versione { NUMBER($version) } publicata.
platform-schools = Stabilimenti
platform-school-name = Nome
platform-school-kind = Tipu
platform-school-people = Persone
platform-school-new = Stabilimentu novu
platform-school-uai = Codice UAI
platform-school-uai-hint = Sette cifre è una lettera, cum’è 6200001G.
platform-school-create = Creà u stabilimentu
platform-school-created = { $name } hè statu creatu. Create avà u so amministratore da l’amministrazione di u stabilimentu.
