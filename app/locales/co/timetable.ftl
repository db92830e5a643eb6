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

# The private calendar feed of one's week (and each child's).
timetable-feed-title = Abbunamentu à l’agenda
timetable-feed-about = Aghjunghjite l’oriariu à l’agenda di u vostru telefuninu o di a vostra messaghjeria : ci si mette à ghjornu da per ellu, lezzioni annullate comprese.
timetable-feed-is-off = Disattivatu.
timetable-feed-is-on = Attivatu. L’indirizzu hè mustratu una volta sola : dumandatene un novu per vedelu torna (l’anzianu ùn funziunerà più).
timetable-feed-on = Attivà
timetable-feed-off = Disattivà
timetable-feed-renew = Indirizzu novu
timetable-feed-address = Indirizzu di l’agenda
timetable-feed-copy = Cupià l’indirizzu
timetable-feed-copied = Indirizzu cupiatu.
timetable-feed-warning = Chiunque hà st’indirizzu vede st’oriariu : ùn lu sparte micca. S’ellu hà circulatu, dumandate un indirizzu novu.
