# Timetables: one's week (a pupil's, a child's, a teacher's), its lessons and what changed.

timetable-mine = Mon emploi du temps
timetable-of-child = Emploi du temps de { $name }
timetable-whose = Emploi du temps de
timetable-week-of = Semaine du { $day }
timetable-previous = Semaine précédente
timetable-next = Semaine suivante
timetable-this-week = Cette semaine
timetable-keys = Flèches gauche et droite : semaine précédente ou suivante.
timetable-no-lesson = Pas de cours
timetable-today = Aujourd’hui
timetable-cancelled = Annulé
timetable-moved-away = Déplacé au { $when }
timetable-moved-from = Déplacé, prévu le { $when }
timetable-room-changed = Changement de salle
timetable-substitute = Remplacement
timetable-extra = Cours supplémentaire
timetable-nothing-to-show = Aucun emploi du temps à afficher pour ce compte.
timetable-changes = Changements cette semaine

# The private calendar feed of one's week (and each child's).
timetable-feed-title = Abonnement à l’agenda
timetable-feed-about = Ajoutez l’emploi du temps à l’agenda de votre téléphone ou de votre messagerie : il s’y met à jour tout seul, cours annulés compris.
timetable-feed-is-off = Désactivé.
timetable-feed-is-on = Activé. L’adresse n’est montrée qu’une fois : demandez-en une nouvelle pour la revoir (l’ancienne cessera de fonctionner).
timetable-feed-on = Activer
timetable-feed-off = Désactiver
timetable-feed-renew = Nouvelle adresse
timetable-feed-address = Adresse de l’agenda
timetable-feed-copy = Copier l’adresse
timetable-feed-copied = Adresse copiée.
timetable-feed-warning = Toute personne qui a cette adresse voit cet emploi du temps : ne la partagez pas. Si elle a circulé, demandez une nouvelle adresse.
