# The home page and its list of services.

home-hello = Bonjour { $name } !
home-schools = Mes établissements
home-no-school = Vous n’êtes rattaché à aucun établissement.
home-groups = Classes et groupes
home-children = Mes enfants
home-services = Mes services
service-school-admin = Administration de l’établissement
service-platform-admin = Administration de la plateforme
service-my-account = Mon compte
service-charter = Charte d’utilisation
service-exercises = Exercices
service-timetable = Emploi du temps
service-sequences = Parcours
home-school-meta = { $kind } · UAI { $uai }
home-child-place = { $school } · { $class }
home-title = Accueil
