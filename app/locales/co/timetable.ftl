# Timetables: one's week (a pupil's, a child's, a teacher's), its lessons and what changed.

timetable-mine = U mo oriariu
timetable-of-child = Oriariu di { $name }
timetable-whose = Oriariu di
timetable-week-of = Settimana di { $day }
timetable-previous = Settimana scorsa
timetable-next = Settimana chì vene
timetable-this-week = Sta settimana
timetable-keys = Frecce manca è diritta : settimana scorsa o chì vene.
timetable-no-lesson = Nisuna lezzione
timetable-today = Oghje
timetable-cancelled = Annullatu
timetable-moved-away = Spustatu à { $when }
timetable-moved-from = Spustatu, previstu { $when }
timetable-room-changed = Cambiamentu di sala
timetable-substitute = Rimpiazzamentu
timetable-extra = Lezzione in più
timetable-nothing-to-show = Nisun oriariu à affissà per stu contu.
timetable-changes = Cambiamenti sta settimana
