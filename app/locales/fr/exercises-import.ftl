# Importing questions from another platform's file, and exporting an exercise as GIFT.

exercises-import-title = Importer des questions d’un fichier
exercises-import-explain = Un fichier GIFT (.txt, .gift), Moodle XML ou QTI 2.1 (.xml). Vous verrez ce que devient chaque question avant que rien ne soit enregistré.
exercises-import-file = Fichier
exercises-import-format = Format
exercises-import-format-auto = Reconnu d’après le fichier
exercises-import-format-gift = GIFT (Moodle)
exercises-import-format-moodle-xml = Moodle XML
exercises-import-format-qti = QTI 2.1
exercises-import-read = Lire le fichier
exercises-import-reading = Lecture du fichier…
exercises-import-choose-file = Choisissez un fichier.
exercises-import-unreadable-file = Le fichier n’a pas pu être lu sur cet appareil.
exercises-import-too-large = Ce fichier fait { $size } Mo : un import se limite à { $max } Mo.
exercises-import-report = Ce que donne le fichier
exercises-import-read-as = Lu comme { $format }.
exercises-import-summary = { $taken ->
    [0] Aucune question reprise
    [one] { $taken } question reprise
   *[other] { $taken } questions reprises
}, { $refused ->
    [0] aucune refusée.
    [one] { $refused } refusée.
   *[other] { $refused } refusées.
}
exercises-import-nothing-written = Rien n’est encore enregistré.
exercises-import-position = N°
exercises-import-line = Ligne
exercises-import-name = Nom dans le fichier
exercises-import-outcome = Devient
exercises-import-notes = À vérifier
exercises-import-taken = Reprise : { $kind }
exercises-import-statement = Consigne de l’exercice
exercises-import-refused = Refusée : { $reason }
exercises-import-create = { $count ->
    [one] Créer l’exercice avec { $count } question
   *[other] Créer l’exercice avec { $count } questions
}
exercises-import-creating = Création…
exercises-import-nothing-taken = Aucune question du fichier ne peut être reprise : rien n’est créé.
exercises-import-upload-unreadable = Le fichier n’est pas arrivé entier : rechargez la page et recommencez.

# Why a question is refused.
exercises-import-reason-description = un texte sans question ne peut venir qu’avant la première question (il devient la consigne).
exercises-import-reason-problems = { $problems }
exercises-import-reason-unsupported-question-type = le type de question Moodle « { $name } » n’existe pas ici.
exercises-import-reason-unsupported-interaction = l’interaction QTI « { $name } » n’existe pas ici.
exercises-import-reason-unsupported-content = la question contient « { $element } », qui n’est pas pris en charge.
exercises-import-reason-no-interaction = la question ne demande aucune réponse.
exercises-import-reason-several-interactions = plusieurs réponses dans une question ne sont reprises que comme trous d’un même texte.
exercises-import-reason-adaptive = les questions adaptatives (qui changent d’un essai à l’autre) ne sont pas prises en charge.
exercises-import-reason-template = les questions à valeurs tirées au hasard ne sont pas prises en charge.
exercises-import-reason-custom-response-processing = le calcul de la note n’est pas l’un des modèles standard.
exercises-import-reason-unknown-template = le modèle de notation « { $uri } » n’est pas pris en charge.
exercises-import-reason-no-scoring = rien ne dit quelle réponse est juste.
exercises-import-reason-response-mismatch = la réponse est déclarée « { $declared } », ce qui ne va pas avec la question.
exercises-import-reason-unknown-identifier = la réponse juste nomme « { $identifier } », que la question ne contient pas.
exercises-import-reason-invalid-grade = la note { $grade } n’est pas l’une de celles de Moodle.
exercises-import-reason-not-a-number = « { $text } » n’est pas un nombre.
exercises-import-reason-wildcard = la réponse « { $answer } » contient le joker *, que Scola ne sait pas comparer.
exercises-import-reason-catch-all-with-credit = une réponse qui accepte tout (*) donne des points.
exercises-import-reason-brace-not-closed = une accolade { "{" } ouvre des réponses sans être fermée.
exercises-import-reason-brace-not-opened = une accolade { "}" } ne ferme rien.
exercises-import-reason-several-answer-blocks = plusieurs blocs de réponses dans une question.
exercises-import-reason-matching-without-arrow = la réponse d’appariement « { $answer } » n’a pas de ->.
exercises-import-reason-malformed-gap = le trou « { $text } » est mal écrit.
exercises-import-reason-gap-not-alone = les trous { $kind } ne sont repris que seuls dans leur question.
exercises-import-reason-unsupported-gap = les trous { $kind } ne sont pas pris en charge.
exercises-import-reason-gap-out-of-range = le trou [[{ NUMBER($gap) }]] ne correspond à aucun choix.
exercises-import-reason-unit-conversion = les unités converties par un facteur ne sont pas prises en charge.
exercises-import-reason-many-to-many-matching = une étiquette va avec plusieurs autres : ici, on associe une à une, ou on classe dans des catégories.
exercises-import-reason-unmatched-card = l’étiquette « { $card } » ne va avec rien.
exercises-import-reason-too-many-parts = { NUMBER($count) } éléments, plus que { NUMBER($max) }.
exercises-import-reason-missing = l’élément { $element } manque.

# What changed on the way in, on a question taken all the same.
exercises-import-note-approximate-scoring = notée un peu autrement : les poids du fichier ne correspondent à aucune façon de noter d’ici.
exercises-import-note-credit-rounded = un pourcentage de points a été arrondi.
exercises-import-note-negative-credit-as-zero = un pourcentage négatif est devenu zéro (aucun point n’est retiré).
exercises-import-note-markup-removed = la mise en forme HTML a été retirée, le texte gardé.
exercises-import-note-media-dropped = { $count ->
    [one] { $count } image ou média laissé de côté.
   *[other] { $count } images ou médias laissés de côté.
}
exercises-import-note-unequal-gap-weights = les trous de poids différents pèsent ici autant.
exercises-import-note-shown-as-drop-down = les boutons ou le glisser-déposer deviennent des listes déroulantes.
exercises-import-note-fixed-positions-ignored = des choix fixés à leur place sont mélangés avec les autres, ou tous gardés dans l’ordre.
exercises-import-note-association-as-matching = les paires d’une seule liste sont montrées en deux colonnes à associer.
exercises-import-note-matching-as-categorising = des étiquettes associées à des cibles communes deviennent un classement en catégories.
exercises-import-note-extras-ignored = les précisions de Scola en commentaire ne correspondaient plus à la question et ont été ignorées.
exercises-import-note-hints-dropped = les indices ont été laissés de côté.
exercises-import-note-response-template-dropped = le modèle de réponse a été laissé de côté.
exercises-import-file-note-category-ignored = La catégorie « { $name } » est ignorée : les questions forment un seul exercice.
exercises-import-file-note-header-ignored = L’en-tête d’exercice de Scola n’a pas pu être lu ; il est ignoré.

# Why a file cannot be read at all.
exercises-import-error-too-large = Ce fichier fait { $size } Mo : un import se limite à { $max } Mo.
exercises-import-error-invalid-encoding = Ce fichier n’est pas du texte UTF-8 ou UTF-16 (octet { NUMBER($offset) }) : enregistrez-le en UTF-8 et recommencez.
exercises-import-error-unsupported-encoding = Le fichier se déclare en { $declared } : seuls UTF-8 et UTF-16 sont lus. Enregistrez-le en UTF-8.
exercises-import-error-archive = C’est une archive ZIP : ouvrez-la et importez les fichiers de questions (.xml) qu’elle contient.
exercises-import-error-malformed-xml = Le XML est mal formé ligne { NUMBER($line) }, colonne { NUMBER($column) } : le fichier est peut-être tronqué.
exercises-import-error-dtd = Le fichier contient une déclaration de type de document (DTD), refusée par sécurité.
exercises-import-error-too-many-nodes = Le XML contient plus de { NUMBER($max) } éléments.
exercises-import-error-too-deep = Le XML imbrique des éléments sur plus de { NUMBER($max) } niveaux.
exercises-import-error-too-many-questions = Le fichier contient { NUMBER($count) } questions, plus que { NUMBER($max) }.
exercises-import-error-wrong-root = Ce n’est pas le format choisi : l’élément principal est « { $found } » au lieu de « { $expected } ».
exercises-import-error-no-questions = Le fichier ne contient aucune question.

# Exporting as GIFT.
exercises-import-export = Exporter en GIFT (Moodle)
exercises-import-exporting = Préparation du fichier…
exercises-import-download = Télécharger { $name }
exercises-import-all-exported = Toutes les questions sont dans le fichier.
exercises-import-left-out = { $count ->
    [one] Une question n’est pas dans le fichier, GIFT ne sait pas l’écrire :
   *[other] { $count } questions ne sont pas dans le fichier, GIFT ne sait pas les écrire :
}
exercises-import-left-out-item = Question { NUMBER($number) } : { $reason }
exercises-import-unexpressible-kind = GIFT n’a pas de question de type « { $kind } ».
exercises-import-unexpressible-gaps = GIFT n’écrit qu’un trou par question, ce texte en a { NUMBER($gaps) }.
exercises-import-unexpressible-gap-at-end = en GIFT, un trou doit être suivi de texte.
exercises-import-unexpressible-arrow = GIFT lirait le -> de ce texte comme une flèche d’association.
exercises-import-unexpressible-tolerance = l’écart accepté est trop grand pour être écrit.
exercises-import-unexpressible-spoken = GIFT n’a pas de réponse orale : la question demande un enregistrement.
