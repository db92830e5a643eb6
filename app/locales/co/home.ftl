# The home page and its list of services.

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
service-exercises = Esercizii
service-timetable = Oriariu
service-sequences = Percorsi
home-school-meta = { $kind } · UAI { $uai }
home-child-place = { $school } · { $class }
home-title = Accolta
