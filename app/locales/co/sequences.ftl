# Pedagogical sequences (parcours): lists, going through one, writing one, the library.

sequences-to-follow = I mo percorsi
sequences-nothing = Nisun percorsu per avà.
sequences-of-child = Percorsi di { $name }
sequences-mine = I mo percorsi
sequences-mine-in = I mo percorsi · { $school }
sequences-none-written = Ùn avete ancu creatu nisun percorsu in stu stabilimentu.
sequences-new = Novu percorsu
sequences-library = Biblioteca sparta
sequences-due = Da compie nanzu à u { DATETIME($due, dateStyle: "short", timeStyle: "short") }
sequences-opens = S’apre u { DATETIME($opens, dateStyle: "short", timeStyle: "short") }
sequences-no-due = Senza data limita
sequences-progress = { $done ->
    [one] { NUMBER($done) } tappa nant’à { NUMBER($steps) }
   *[other] { NUMBER($done) } tappe nant’à { NUMBER($steps) }
}
sequences-go = Cuntinuà
sequences-see = Vede u so avanzamentu
sequences-steps = { $count ->
    [one] { $count } tappa
   *[other] { $count } tappe
}
sequences-given-to = { $count ->
    [0] Datu à nisun gruppu
    [one] Datu à { $count } gruppu
   *[other] Datu à { $count } gruppi
}
sequences-published = In a biblioteca
sequences-private = Privatu
sequences-delete = Sguassà
sequences-deleted = « { $title } » hè sguassatu.
sequences-undo = Annullà
sequences-back = Tutti i percorsi

# Going through a sequence.
sequences-step-list = Tappe
sequences-step-number = Tappa { NUMBER($number) } nant’à { NUMBER($count) }
sequences-state-done = Compia
sequences-state-started = Principiata
sequences-state-to-do = Da fà
sequences-mark-done = Aghju compiu sta tappa
sequences-marked-done = Tappa compia.
sequences-download-document = Scaricà u ducumentu
sequences-open-link = Apre a risorsa (novu tabbulone)
sequences-do-exercise = Fà l’eserciziu
sequences-exercise-score = Nota : { $earned } nant’à { $max }
sequences-previous = Tappa precedente
sequences-next = Tappa seguente
sequences-finished = Bravu, avete compiu stu percorsu !
sequences-credit = Da « { $title } » di { $author } ({ $school })
sequences-credit-unknown = Da « { $title } » ({ $school })
sequences-licence-cc-by = Licenza Creative Commons Attribuzione 4.0 (CC BY)
sequences-licence-cc-by-sa = Licenza Creative Commons Attribuzione – Spartera à l’identica 4.0 (CC BY-SA)
sequences-licence-all-rights-reserved = Tutti i diritti riservati
sequences-read-only = Fighjate l’avanzamentu di u vostru figliolu : solu u sculare pò compie e tappe.

# Writing a sequence.
sequences-editor-new = Novu percorsu
sequences-editor-edit = Mudificà u percorsu
sequences-title = Titulu
sequences-language = Lingua
sequences-discipline = Disciplina
sequences-level = Livellu
sequences-licence = Licenza
sequences-licence-help = Una licenza Creative Commons permette di sparte u percorsu in a biblioteca ; i vostri cullegi u puderanu cupià citenduvi.
sequences-summary = Presentazione (Markdown, facultativa)
sequences-add-lesson = Aghjunghje una lezzione
sequences-add-link = Aghjunghje un ligame
sequences-add-exercise = Aghjunghje un eserciziu
sequences-kind-lesson = Lezzione
sequences-kind-link = Ligame
sequences-kind-exercise = Eserciziu
sequences-step-title = Titulu di a tappa
sequences-lesson-text = Testu di a lezzione (Markdown)
sequences-link-url = Indirizzu (https://…)
sequences-exercise-choice = Eserciziu da fà
sequences-choose = — sceglie —
sequences-no-exercise = Scrivite prima un eserciziu in a pagina Esercizii.
sequences-move-up = Cullà a tappa « { $title } »
sequences-move-down = Falà a tappa « { $title } »
sequences-remove-step = Caccià a tappa « { $title } »
sequences-step-removed = Tappa « { $title } » cacciata.
sequences-save = Arregistrà
sequences-saving = Arregistramentu…
sequences-saved = Percorsu arregistratu.
sequences-publish = Sparte in a biblioteca
sequences-unpublish = Caccià da a biblioteca
sequences-is-published = Stu percorsu hè in a biblioteca sparta : l’insignanti di tutti i stabilimenti u ponu leghje è cupià.
sequences-given = Datu à
sequences-follow = Seguità l’avanzamentu
sequences-preview = Anteprima

# What cannot be saved or done.
sequences-problems = U percorsu ùn pò esse arregistratu :
sequences-problem-no-title = Date un titulu à u percorsu.
sequences-problem-title-too-long = U titulu hè troppu longu.
sequences-problem-summary-too-long = A presentazione hè troppu longa.
sequences-problem-no-steps = Aghjunghjite almenu una tappa.
sequences-problem-too-many-steps = Un percorsu conta al più { NUMBER($max) } tappe.
sequences-problem-duplicate-step = Duie tappe portanu u numeru { NUMBER($step) } : ricaricate a pagina.
sequences-problem-step-without-title = Tappa { NUMBER($number) } : dateli un titulu.
sequences-problem-step-title-too-long = Tappa { NUMBER($number) } : u titulu hè troppu longu.
sequences-problem-empty-lesson = Tappa { NUMBER($number) } : a lezzione hè viota.
sequences-problem-lesson-too-long = Tappa { NUMBER($number) } : a lezzione hè troppu longa.
sequences-problem-not-a-web-address = Tappa { NUMBER($number) } : l’indirizzu deve principià per https:// o http://.
sequences-problem-too-many-credits = Stu percorsu cita troppu autori.
sequences-problem-exercises = Tappa { NUMBER($number) } : sceglite unu di i vostri esercizii di stu stabilimentu.
sequences-problem-licence = A licenza ùn u permette : solu i percorsi in licenza Creative Commons si spartenu, è un percorsu CC BY-SA si copia in a listessa licenza.
sequences-problem-already-given = Stu percorsu hè digià statu datu à stu gruppu per sta data.
sequences-problem-not-yet-open = Stu percorsu ùn hè ancu apertu.
sequences-problem-no-such-step = Sta tappa ùn esiste più : ricaricate a pagina.

# Following a group.
sequences-results = Avanzamentu
sequences-results-of = { $title } · { $group }
sequences-pupil = Sculare
sequences-total = Avanzamentu
sequences-csv-file = avanzamentu.csv
sequences-export-csv = Scaricà (CSV)

# The shared library.
sequences-search = Circà
sequences-search-text = Parolle
sequences-any = Tutte
sequences-results-none = Nisun percorsu ùn currisponde.
sequences-by = da { $author } · { $school }
sequences-by-unknown = { $school }
sequences-copy = Cupià in i mo percorsi
sequences-copy-into = Stabilimentu
sequences-copy-licence = Licenza di a copia
sequences-copied = Copia creata.
sequences-exercise-items = { $title } ({ $count ->
    [one] { $count } quistione
   *[other] { $count } quistioni
})

# Disciplines and levels.
sequences-discipline-french = Francese
sequences-discipline-mathematics = Matematiche
sequences-discipline-corsican = Lingua corsa
sequences-discipline-history-geography = Storia-geografia
sequences-discipline-civics = Insignamentu murale è civicu
sequences-discipline-life-sciences = Scienze di a vita è di a Terra
sequences-discipline-physics-chemistry = Fisica-chimica
sequences-discipline-technology = Tecnulugia
sequences-discipline-english = Inglese
sequences-discipline-italian = Talianu
sequences-discipline-spanish = Spagnolu
sequences-discipline-german = Tedescu
sequences-discipline-classics = Lingue è culture di l’Antichità
sequences-discipline-visual-arts = Arti plastiche
sequences-discipline-music = Educazione musicale
sequences-discipline-physical-education = Educazione fisica è spurtiva
sequences-discipline-economics = Scienze ecunomiche è suciale
sequences-discipline-philosophy = Filusufia
sequences-discipline-computer-science = Numericu è informatica
sequences-discipline-other = Altru
sequences-level-cp = CP
sequences-level-ce1 = CE1
sequences-level-ce2 = CE2
sequences-level-cm1 = CM1
sequences-level-cm2 = CM2
sequences-level-sixieme = 6a
sequences-level-cinquieme = 5a
sequences-level-quatrieme = 4a
sequences-level-troisieme = 3a
sequences-level-seconde = 2a
sequences-level-premiere = 1a
sequences-level-terminale = Terminale
sequences-to-finish = Percorsi da compie
sequences-kind-file = Schedariu
sequences-add-file = Aghjunghje un schedariu (ducumentu PDF, fiura o arregistramentu)
sequences-add-file-help = U schedariu hè mandatu subitu ; diventa una tappa chì pudete intitulà è move.
sequences-replace-file = Rimpiazzà u schedariu
sequences-problem-files = { $count ->
    [one] Un schedariu numinatu in u percorsu ùn hè micca unu di i vostri in stu stabilimentu : cacciatelu o rimandatelu.
   *[other] { $count } schedarii numinati in u percorsu ùn sò micca di i vostri in stu stabilimentu : cacciateli o rimandateli.
}

# The open archive: exporting a sequence, importing one.
sequences-export = Esportà (archiviu .zip)
sequences-exporting = Preparazione di l’archiviu…
sequences-export-ready = Scaricà l’archiviu
sequences-import = Impurtà un archiviu
sequences-importing = Impurtazione di l’archiviu…
sequences-archive-not-zip = Stu schedariu ùn hè micca un archiviu .zip leghjibile.
sequences-archive-too-large = L’archiviu hè troppu grande (à u più 20 Mo, 500 schedarii, è 4 Mo per schedariu JSON).
sequences-archive-no-manifest = St’archiviu ùn cuntene micca schedariu scola-sequence.json : ùn hè micca un percorsu.
sequences-archive-unknown-format = St’archiviu ùn hè micca un percorsu Scola, o vene da una versione più recente.
sequences-archive-unreadable = U schedariu { $file } di l’archiviu manca o ùn si pò leghje.
sequences-archive-missing-exercise = A tappa { NUMBER($step) } di l’archiviu dà un eserciziu chì l’archiviu ùn cuntene micca.
sequences-archive-problems = U percorsu o i so esercizii, cum’è l’archiviu i cuntene, ùn ponu micca esse arregistrati.
sequences-archive-media = U media { $file } di l’archiviu hè ricusatu : { $reason }
