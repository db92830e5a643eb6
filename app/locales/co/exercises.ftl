# Interactive exercises: what a teacher or a pupil is told when something cannot be done.

exercises-closed-not-yet-open = St’eserciziu ùn hè ancu apertu.
exercises-closed-past-due = A data limita di st’eserciziu hè passata.
exercises-closed-no-attempts-left = Avete adupratu tutte e vostre prove per st’eserciziu.
exercises-closed-handed-in = Sta prova hè digià stata resa.
exercises-problems = L’eserciziu ùn hè compiu : verificate ogni quistione.
exercises-due-before-opening = A data limita deve vene dopu à l’apertura.
exercises-attempts = Trà 1 è { NUMBER($max) } prove.
exercises-after-due-without-due = Per mustrà e risposte dopu à a data limita, fissate una data limita.
exercises-answer-unreadable = Una risposta ùn hè stata letta : ricaricate a pagina.
exercises-already-given = St’eserciziu hè digià statu datu à stu gruppu per sta data.

# The pupils' list, a parent's view of their children's, a teacher's own exercises.
exercises-to-do = Da fà
exercises-nothing = Nisun eserciziu per avà.
exercises-of-child = Esercizii di { $name }
exercises-mine = I mo esercizii
exercises-mine-in = I mo esercizii · { $school }
exercises-none-written = Ùn avete ancu scrittu nisun eserciziu in stu stabilimentu.
exercises-due = Da rende nanzu à u { DATETIME($due, dateStyle: "short", timeStyle: "short") }
exercises-no-due = Senza data limita
exercises-state-new = Da principià
exercises-state-in-progress = In corsu
exercises-state-handed-in = { $count ->
    [one] Resu
   *[other] Resu { $count } volte
}
exercises-score = { $earned } nant’à { $max }
exercises-do = Fà l’eserciziu
exercises-questions = { $count ->
    [one] { $count } quistione
   *[other] { $count } quistioni
}
exercises-given-to = { $count ->
    [0] Datu à nisun gruppu
    [one] Datu à { $count } gruppu
   *[other] Datu à { $count } gruppi
}
exercises-back = Tutti i mo esercizii

# Doing an exercise.
exercises-attempt = Prova n° { NUMBER($number) }
exercises-question = Quistione { NUMBER($number) }
exercises-points = { $points } pt
exercises-true = Veru
exercises-false = Falsu
exercises-choose = — sceglie —
exercises-answer = A vostra risposta
exercises-gap = Risposta { NUMBER($number) }
exercises-move-up = Cullà « { $card } »
exercises-move-down = Falà « { $card } »
exercises-moved = « { $card } » hè avà in pusizione { NUMBER($position) }.
exercises-match-with = Associà « { $card } » à
exercises-place = Mette « { $card } » in
exercises-dictation = Stete à sente l’arregistramentu è scrivite ciò chì sentite.
exercises-characters = Caratteri da inserisce
exercises-insert = Inserisce { $char }
exercises-saving = Arregistramentu…
exercises-saved = Risposte arregistrate.
exercises-saved-here = Fora di cunnessione : e vostre risposte sò tenute nant’à st’apparechju è partenu à u ritornu di a reta.
exercises-unanswered = { $count ->
    [0] Tutte e quistioni anu una risposta.
    [one] { $count } quistione senza risposta.
   *[other] { $count } quistioni senza risposta.
}
exercises-hand-in = Rende l’eserciziu
exercises-hand-in-offline = Senza reta : l’eserciziu ùn hè ancu resu. E vostre risposte sò tenute ; pruvate torna à u ritornu di a reta.
exercises-handed-in-at = Resu u { DATETIME($at, dateStyle: "short", timeStyle: "short") }.
exercises-your-score = A vostra nota : { $earned } nant’à { $max }
exercises-awaiting-teacher = { $points } pt fermanu da esse nutati da u vostru prufessore.
exercises-score-later = A vostra nota sarà visibile dopu à a data limita.
exercises-check = Verificà e mo risposte
exercises-provisional = Verificazione nant’à st’apparechju : { $earned } nant’à { $max }. A nota chì conta hè quella data quandu rendite l’eserciziu.
exercises-status-correct = Ghjustu
exercises-status-partial = Ghjustu in parte
exercises-status-wrong = Sbagliatu
exercises-status-unanswered = Senza risposta
exercises-status-awaiting-teacher = Da currege da u prufessore
