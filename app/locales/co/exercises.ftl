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
