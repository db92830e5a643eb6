# Importing questions from another platform's file, and exporting an exercise as GIFT.

exercises-import-title = Impurtà quistioni da un schedariu
exercises-import-explain = Un schedariu GIFT (.txt, .gift), Moodle XML o QTI 2.1 (.xml). Viderete ciò chì diventa ogni quistione nanzu chì nunda sia arregistratu.
exercises-import-file = Schedariu
exercises-import-format = Furmatu
exercises-import-format-auto = Ricunnisciutu da u schedariu
exercises-import-format-gift = GIFT (Moodle)
exercises-import-format-moodle-xml = Moodle XML
exercises-import-format-qti = QTI 2.1
exercises-import-read = Leghje u schedariu
exercises-import-reading = Lettura di u schedariu…
exercises-import-choose-file = Sceglite un schedariu.
exercises-import-unreadable-file = U schedariu ùn hè statu lettu nant’à st’apparechju.
exercises-import-too-large = Stu schedariu face { $size } Mo : un’impurtazione ùn pò passà { $max } Mo.
exercises-import-report = Ciò chì dà u schedariu
exercises-import-read-as = Lettu cum’è { $format }.
exercises-import-summary = { $taken ->
    [0] Nisuna quistione ripresa
    [one] { $taken } quistione ripresa
   *[other] { $taken } quistioni riprese
}, { $refused ->
    [0] nisuna ricusata.
    [one] { $refused } ricusata.
   *[other] { $refused } ricusate.
}
exercises-import-nothing-written = Nunda hè ancu arregistratu.
exercises-import-position = N°
exercises-import-line = Linea
exercises-import-name = Nome in u schedariu
exercises-import-outcome = Diventa
exercises-import-notes = Da verificà
exercises-import-taken = Ripresa : { $kind }
exercises-import-statement = Cunsegna di l’eserciziu
exercises-import-refused = Ricusata : { $reason }
exercises-import-create = { $count ->
    [one] Creà l’eserciziu cù { $count } quistione
   *[other] Creà l’eserciziu cù { $count } quistioni
}
exercises-import-creating = Creazione…
exercises-import-nothing-taken = Nisuna quistione di u schedariu pò esse ripresa : nunda hè creatu.
exercises-import-upload-unreadable = U schedariu ùn hè ghjuntu sanu : ricaricate a pagina è ricuminciate.

# Why a question is refused.
exercises-import-reason-description = un testu senza quistione ùn pò vene chè nanzu à a prima quistione (diventa a cunsegna).
exercises-import-reason-problems = { $problems }
exercises-import-reason-unsupported-question-type = u tipu di quistione Moodle « { $name } » ùn esiste micca quì.
exercises-import-reason-unsupported-interaction = l’interazzione QTI « { $name } » ùn esiste micca quì.
exercises-import-reason-unsupported-content = a quistione cuntene « { $element } », chì ùn hè micca trattatu.
exercises-import-reason-no-interaction = a quistione ùn dumanda nisuna risposta.
exercises-import-reason-several-interactions = parechje risposte in una quistione sò riprese solu cum’è buchi d’un listessu testu.
exercises-import-reason-adaptive = e quistioni adattative (chì cambianu d’una prova à l’altra) ùn sò micca trattate.
exercises-import-reason-template = e quistioni cù valori tirati à a sorte ùn sò micca trattate.
exercises-import-reason-custom-response-processing = u calculu di a nota ùn hè unu di i mudelli standard.
exercises-import-reason-unknown-template = u mudellu di nutazione « { $uri } » ùn hè micca trattatu.
exercises-import-reason-no-scoring = nunda ùn dice quale risposta hè ghjusta.
exercises-import-reason-response-mismatch = a risposta hè dichjarata « { $declared } », ciò chì ùn và cù a quistione.
exercises-import-reason-unknown-identifier = a risposta ghjusta nomina « { $identifier } », chì a quistione ùn cuntene micca.
exercises-import-reason-invalid-grade = a nota { $grade } ùn hè una di quelle di Moodle.
exercises-import-reason-not-a-number = « { $text } » ùn hè un numeru.
exercises-import-reason-wildcard = a risposta « { $answer } » cuntene u jolly *, chì Scola ùn sà paragunà.
exercises-import-reason-catch-all-with-credit = una risposta chì accetta tuttu (*) dà punti.
exercises-import-reason-brace-not-closed = una graffa { "{" } apre risposte senza esse chjosa.
exercises-import-reason-brace-not-opened = una graffa { "}" } ùn chjode nunda.
exercises-import-reason-several-answer-blocks = parechji blocchi di risposte in una quistione.
exercises-import-reason-matching-without-arrow = a risposta d’associazione « { $answer } » ùn hà micca ->.
exercises-import-reason-malformed-gap = u biotu « { $text } » hè mal scrittu.
exercises-import-reason-gap-not-alone = i buchi { $kind } sò ripresi solu s’elli sò soli in a so quistione.
exercises-import-reason-unsupported-gap = i buchi { $kind } ùn sò micca trattati.
exercises-import-reason-gap-out-of-range = u biotu [[{ NUMBER($gap) }]] ùn currisponde à nisuna scelta.
exercises-import-reason-unit-conversion = l’unità cunvertite da un fattore ùn sò micca trattate.
exercises-import-reason-many-to-many-matching = un’etichetta và cù parechje altre : quì s’associa una à una, o si classificheghja in categurie.
exercises-import-reason-unmatched-card = l’etichetta « { $card } » ùn và cù nunda.
exercises-import-reason-too-many-parts = { NUMBER($count) } elementi, più chè { NUMBER($max) }.
exercises-import-reason-missing = l’elementu { $element } manca.

# What changed on the way in, on a question taken all the same.
exercises-import-note-approximate-scoring = nutata un pocu altrimente : i pesi di u schedariu ùn currispondenu à nisun modu di nutà di quì.
exercises-import-note-credit-rounded = un percentuale di punti hè statu arrotundatu.
exercises-import-note-negative-credit-as-zero = un percentuale negativu hè diventatu zeru (nisun puntu hè toltu).
exercises-import-note-markup-removed = a messa in forma HTML hè stata cacciata, u testu tenutu.
exercises-import-note-media-dropped = { $count ->
    [one] { $count } fiura o media lasciatu da cantu.
   *[other] { $count } fiure o media lasciati da cantu.
}
exercises-import-note-unequal-gap-weights = i buchi di pesi sfarenti pesanu quì listessu.
exercises-import-note-shown-as-drop-down = i buttoni o u trascinà-lascià diventanu liste à tendina.
exercises-import-note-fixed-positions-ignored = scelte fissate à u so locu sò mischjate cù l’altre, o tutte tenute in ordine.
exercises-import-note-association-as-matching = i pari d’una sola lista sò mustrati in duie culonne da associà.
exercises-import-note-matching-as-categorising = etichette assuciate à destinazioni cumune diventanu una classificazione in categurie.
exercises-import-note-extras-ignored = e precisazioni di Scola in cummentu ùn currispundianu più à a quistione è sò state ignurate.
exercises-import-note-hints-dropped = l’indizii sò stati lasciati da cantu.
exercises-import-note-response-template-dropped = u mudellu di risposta hè statu lasciatu da cantu.
exercises-import-file-note-category-ignored = A categuria « { $name } » hè ignurata : e quistioni facenu un solu eserciziu.
exercises-import-file-note-header-ignored = L’intestatura d’eserciziu di Scola ùn hè stata letta ; hè ignurata.

# Why a file cannot be read at all.
exercises-import-error-too-large = Stu schedariu face { $size } Mo : un’impurtazione ùn pò passà { $max } Mo.
exercises-import-error-invalid-encoding = Stu schedariu ùn hè testu UTF-8 o UTF-16 (ottettu { NUMBER($offset) }) : arregistratelu in UTF-8 è ricuminciate.
exercises-import-error-unsupported-encoding = U schedariu si dichjara in { $declared } : solu UTF-8 è UTF-16 sò letti. Arregistratelu in UTF-8.
exercises-import-error-archive = Hè un archiviu ZIP : apritelu è impurtate i schedarii di quistioni (.xml) ch’ellu cuntene.
exercises-import-error-malformed-xml = U XML hè mal furmatu à a linea { NUMBER($line) }, culonna { NUMBER($column) } : u schedariu hè forse troncu.
exercises-import-error-dtd = U schedariu cuntene una dichjarazione di tipu di ducumentu (DTD), ricusata per sicurezza.
exercises-import-error-too-many-nodes = U XML cuntene più di { NUMBER($max) } elementi.
exercises-import-error-too-deep = U XML incastra elementi nant’à più di { NUMBER($max) } livelli.
exercises-import-error-too-many-questions = U schedariu cuntene { NUMBER($count) } quistioni, più chè { NUMBER($max) }.
exercises-import-error-wrong-root = Ùn hè u furmatu sceltu : l’elementu principale hè « { $found } » invece di « { $expected } ».
exercises-import-error-no-questions = U schedariu ùn cuntene nisuna quistione.

# Exporting as GIFT.
exercises-import-export = Espurtà in GIFT (Moodle)
exercises-import-exporting = Preparazione di u schedariu…
exercises-import-download = Scaricà { $name }
exercises-import-all-exported = Tutte e quistioni sò in u schedariu.
exercises-import-left-out = { $count ->
    [one] Una quistione ùn hè in u schedariu, GIFT ùn la sà scrive :
   *[other] { $count } quistioni ùn sò in u schedariu, GIFT ùn le sà scrive :
}
exercises-import-left-out-item = Quistione { NUMBER($number) } : { $reason }
exercises-import-unexpressible-kind = GIFT ùn hà micca quistioni di tipu « { $kind } ».
exercises-import-unexpressible-gaps = GIFT scrive un biotu solu per quistione, stu testu ne hà { NUMBER($gaps) }.
exercises-import-unexpressible-gap-at-end = in GIFT, un biotu deve esse seguitu da testu.
exercises-import-unexpressible-arrow = GIFT leghjeria u -> di stu testu cum’è una freccia d’associazione.
exercises-import-unexpressible-tolerance = u scartu accettatu hè troppu grande per esse scrittu.
exercises-import-unexpressible-spoken = GIFT ùn hà micca risposta orale : sta quistione dumanda un arregistramentu.
