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
exercises-files-not-yours = { $count ->
    [one] Un schedariu numinatu in l’esercíziu ùn hè micca unu di i vostri in stu stabilimentu : cacciatelu o dipunitelu torna.
   *[other] { $count } schedarii numinati in l’esercíziu ùn sò micca di i vostri in stu stabilimentu : cacciateli o dipuniteli torna.
}

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
exercises-see-work = Vede a copia resa
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
exercises-offline = Senza reta : Scola funziona cù ciò ch’ellu hà tenutu st’apparechju. E vostre risposte ci fermanu è partenu à u ritornu di a reta.
exercises-opened-here = St’eserciziu s’apre cum’ellu l’hà tenutu st’apparechju : pudete cuntinuà, è rende lu à u ritornu di a reta.
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

# Writing an exercise.
exercises-new = Novu eserciziu
exercises-edit = Mudificà
exercises-title-label = Titulu
exercises-language-label = Lingua di l’eserciziu
exercises-statement-label = Cunsegna (Markdown ; formule trà $…$)
exercises-prompt-label = Enunciatu (Markdown ; formule trà $…$)
exercises-points-label = Punti
exercises-add-item = Aghjunghje
exercises-item-type = Nova quistione
exercises-type-single-choice = Scelta unica
exercises-type-multiple-choice = Scelta multiplice
exercises-type-true-false = Veru o falsu
exercises-type-short-text = Risposta corta
exercises-type-cloze = Testu à buchi
exercises-type-numeric = Numeru
exercises-type-matching = Associazioni
exercises-type-ordering = Rimessa in ordine
exercises-type-categorising = Classificazione
exercises-type-dictation = Dittatu
exercises-type-free-text = Risposta libera
exercises-item-up = Cullà a quistione { NUMBER($number) }
exercises-item-down = Falà a quistione { NUMBER($number) }
exercises-item-duplicate = Duplicà a quistione { NUMBER($number) }
exercises-item-delete = Sguassà a quistione { NUMBER($number) }
exercises-item-deleted = Quistione sguassata.
exercises-undo = Annullà
exercises-choice = Scelta { NUMBER($number) }
exercises-right = Ghjustu
exercises-right-answer = Risposta ghjusta
exercises-add-choice = Aghjunghje una scelta
exercises-remove = Caccià
exercises-shuffle = Mischjà per ogni sculare
exercises-accepted = Risposta accettata { NUMBER($number) }
exercises-variants = Altre grafie accettate, spartute da « / »
exercises-case-sensitive = Maiuscule richieste
exercises-accent-sensitive = Accenti richiesti
exercises-typos = Un sbagliu di battitura tullaratu
exercises-add-answer = Aghjunghje una risposta
exercises-value = Valore aspettatu
exercises-margin = Scartu accettatu
exercises-unit = Unità (facultativa)
exercises-cloze-text = Testu : [parolla] per un biotu da scrive, { "{" }falsu|*ghjustu{ "}" } per una lista
exercises-card = Etichetta { NUMBER($number) }
exercises-add-card = Aghjunghje un’etichetta
exercises-order-hint = Scrivite l’etichette in l’ordine ghjustu : ogni sculare l’averà mischjate.
exercises-left = À manca { NUMBER($number) }
exercises-right-side = À diritta { NUMBER($number) }
exercises-add-pair = Aghjunghje un paru
exercises-category = Categuria { NUMBER($number) }
exercises-category-cards = E so etichette, una per linea
exercises-add-category = Aghjunghje una categuria
exercises-dictation-text = Testu di u dittatu
exercises-guidance = Indicazioni per currege (viste da voi solu)
exercises-accepts = U sculare risponde
exercises-accepts-text = per scrittu
exercises-accepts-audio = à voce (arregistramentu)
exercises-accepts-text-or-audio = per scrittu o à voce
exercises-mark-recording = Risposta orale di { $name }
exercises-feedback = Cummentu mustratu dopu à a currezzione
exercises-save = Arregistrà
exercises-saved-version = Arregistratu (versione { NUMBER($version) }).
exercises-preview = Antivista, cum’è u sculare a vederà
exercises-problems-title = Da currege nanzu d’arregistrà
exercises-problem-no-title = L’eserciziu ùn hà micca titulu.
exercises-problem-no-items = L’eserciziu ùn hà nisuna quistione.
exercises-problem-duplicate-item = Duie quistioni portanu u listessu nome.
exercises-problem-item = Quistione { NUMBER($number) } : { $problem }
exercises-problem-gap = biotu { NUMBER($gap) } : { $problem }
exercises-problem-zero-points = ùn vale nisun puntu.
exercises-problem-too-few-choices = ci volenu almenu duie scelte.
exercises-problem-duplicate = dui elementi portanu u listessu nome.
exercises-problem-empty = un elementu hè viotu.
exercises-problem-no-correct = nisuna scelta hè ghjusta.
exercises-problem-no-answer = nisuna risposta hè accettata.
exercises-problem-blank-answer = una risposta accettata hè viota.
exercises-problem-no-full-credit = nisuna risposta ùn dà tutti i punti.
exercises-problem-no-gap = u testu ùn hà nisun biotu.
exercises-problem-tolerance = un scartu ùn pò esse negativu, nè in percentuale intornu à zeru.
exercises-problem-empty-unit = un’unità hè viota.
exercises-problem-too-few-cards = ci volenu almenu duie etichette.
exercises-problem-too-few-categories = ci volenu almenu duie categurie.
exercises-problem-empty-dictation = u dittatu ùn hà nisuna parolla.
exercises-problem-dictation-too-long = u dittatu hà più di { NUMBER($max) } parolle.
exercises-problem-no-recording = u dittatu ùn hà nisunu arregistramentu.
exercises-cloze-unclosed = Un biotu apertu ùn hè chjosu.
exercises-cloze-empty-gap = Un biotu hè viotu.
exercises-cloze-unopened = Una parentesi chì chjode ùn hà parentesi chì apre.
exercises-cloze-no-right-option = Una lista ùn hà opzione marcata ghjusta (*).
exercises-points-invalid = Punti : un numeru pusitivu, duie decimali à u più.
exercises-number-invalid = Ùn hè micca un numeru.

# Giving an exercise.
exercises-assign = Dà à una classa o un gruppu
exercises-assign-group = Classa o gruppu
exercises-assign-opens = Apertu da u
exercises-assign-due = Da rende à u più tardi u (facultativu)
exercises-assign-feedback = I sculari vedenu e risposte
exercises-feedback-instant = rispundendu (verificazione immediata)
exercises-feedback-after-submission = una volta resu l’eserciziu
exercises-feedback-after-due = dopu à a data limita
exercises-assign-attempts = Numeru di prove (viotu : senza limita)
exercises-assign-button = Dà l’eserciziu
exercises-assigned-to = Eserciziu datu à { $group }.
exercises-day-invalid = Sceglite una data.

# Results of an assignment.
exercises-given-title = Datu à
exercises-handed-in-count = { $count ->
    [0] nimu hà ancu resu
    [one] { $count } sculare hà resu
   *[other] { $count } sculari anu resu
}
exercises-results = Risultati
exercises-last-name = Casata
exercises-first-name = Nome
exercises-handed-in-times = Resi
exercises-last-score = Ultima nota
exercises-out-of = Nant’à
exercises-last-handed-in = Resu u
exercises-not-handed-in = ùn hè ancu resu
exercises-export-csv = Scaricà i risultati (CSV)
exercises-csv-file = risultati.csv
exercises-delete = Sguassà
exercises-deleted = « { $title } » hè sguassatu : i sculari ùn u vedenu più.
exercises-import-questions = Impurtà quistioni
exercises-results-of = Risultati : { $title } · { $group }
exercises-item-column = Q{ NUMBER($number) }
exercises-class-average = Media
exercises-by-item = Quistione per quistione
exercises-item-average = Media : { $average } nant’à { $max }
exercises-item-no-average = Ancu nisuna nota.
exercises-item-awaiting = { $count ->
    [one] { $count } risposta libera da nutà.
   *[other] { $count } risposte libere da nutà.
}
exercises-most-wrong = Risposte sbagliate più frequente (tutte e prove rese)
exercises-wrong-times = { $count ->
    [one] { $count } volta
   *[other] { $count } volte
}
exercises-no-wrong = Nisuna risposta sbagliata.
exercises-to-mark = Risposte libere da nutà
exercises-nothing-to-mark = Nisuna risposta libera resa.
exercises-mark-who = { $name } · prova { NUMBER($attempt) } · quistione { NUMBER($number) }
exercises-mark-points = Punti (nant’à { $max })
exercises-mark-save = Nutà
exercises-mark-given = Nutatu { $points } nant’à { $max }.
exercises-mark-awaiting = Ancu micca nutatu.
exercises-mark-done = Nota arregistrata : a nota di u sculare ne tene contu.
exercises-mark-undone = Nota annullata : a precedente hè rimessa.
exercises-mark-not-handed-in = Sta prova ùn hè resa.
exercises-mark-no-item = Sta quistione ùn hè in a prova.
exercises-mark-not-free = Solu e risposte libere sò nutate à manu.
exercises-mark-unanswered = U sculare ùn hà rispostu nunda à sta quistione.
exercises-mark-too-many = À u più { $max } punti.
exercises-marked-by-teacher = Nutatu da u vostru prufessore.
exercises-import-failed = U schedariu ùn hè statu impurtatu.
