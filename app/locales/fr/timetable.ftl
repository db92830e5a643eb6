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
