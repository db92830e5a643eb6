# Platform administration: schools and the charter.

platform-charter = Charte d’utilisation
platform-charter-help = Publier une nouvelle version demandera à chaque utilisateur de l’accepter de nouveau.
platform-charter-fr = Texte en français
platform-charter-co = Texte en corse
platform-charter-publish = Publier une nouvelle version
platform-charter-published = Version { NUMBER($version) } publiée.
platform-schools = Établissements
platform-school-name = Nom
platform-school-kind = Type
platform-school-people = Personnes
platform-school-new = Nouvel établissement
platform-school-uai = Code UAI
platform-school-uai-hint = Sept chiffres et une lettre, comme 6200001G.
platform-school-create = Créer l’établissement
platform-school-created = { $name } a été créé. Créez maintenant son administrateur depuis l’administration de l’établissement.
