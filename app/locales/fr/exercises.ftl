# Interactive exercises: what a teacher or a pupil is told when something cannot be done.

exercises-closed-not-yet-open = Cet exercice n’est pas encore ouvert.
exercises-closed-past-due = La date limite de cet exercice est passée.
exercises-closed-no-attempts-left = Vous avez utilisé tous vos essais pour cet exercice.
exercises-closed-handed-in = Cet essai a déjà été rendu.
exercises-problems = L’exercice est incomplet : vérifiez chaque question.
exercises-due-before-opening = La date limite doit suivre l’ouverture.
exercises-attempts = Entre 1 et { NUMBER($max) } essais.
exercises-after-due-without-due = Pour montrer les réponses après la date limite, fixez une date limite.
exercises-answer-unreadable = Une réponse n’a pas pu être lue : rechargez la page.
exercises-already-given = Cet exercice a déjà été donné à ce groupe pour cette date.
exercises-files-not-yours = { $count ->
    [one] Un fichier nommé dans l’exercice n’est pas l’un des vôtres dans cet établissement : retirez-le ou déposez-le à nouveau.
   *[other] { $count } fichiers nommés dans l’exercice ne sont pas des vôtres dans cet établissement : retirez-les ou déposez-les à nouveau.
}

# The pupils' list, a parent's view of their children's, a teacher's own exercises.
exercises-to-do = À faire
exercises-nothing = Aucun exercice pour le moment.
exercises-of-child = Exercices de { $name }
exercises-mine = Mes exercices
exercises-mine-in = Mes exercices · { $school }
exercises-none-written = Vous n’avez pas encore écrit d’exercice dans cet établissement.
exercises-due = À rendre avant le { DATETIME($due, dateStyle: "short", timeStyle: "short") }
exercises-no-due = Sans date limite
exercises-state-new = À commencer
exercises-state-in-progress = En cours
exercises-state-handed-in = { $count ->
    [one] Rendu
   *[other] Rendu { $count } fois
}
exercises-score = { $earned } sur { $max }
exercises-do = Faire l’exercice
exercises-see-work = Voir la copie rendue
exercises-questions = { $count ->
    [one] { $count } question
   *[other] { $count } questions
}
exercises-given-to = { $count ->
    [0] Donné à aucun groupe
    [one] Donné à { $count } groupe
   *[other] Donné à { $count } groupes
}
exercises-back = Tous mes exercices

# Doing an exercise.
exercises-attempt = Essai n° { NUMBER($number) }
exercises-question = Question { NUMBER($number) }
exercises-points = { $points } pt
exercises-true = Vrai
exercises-false = Faux
exercises-choose = — choisir —
exercises-answer = Votre réponse
exercises-gap = Réponse { NUMBER($number) }
exercises-move-up = Monter « { $card } »
exercises-move-down = Descendre « { $card } »
exercises-moved = « { $card } » est maintenant en position { NUMBER($position) }.
exercises-match-with = Associer « { $card } » à
exercises-place = Ranger « { $card } » dans
exercises-dictation = Écoutez l’enregistrement puis écrivez ce que vous entendez.
exercises-characters = Caractères à insérer
exercises-insert = Insérer { $char }
exercises-saving = Enregistrement…
exercises-saved = Réponses enregistrées.
exercises-saved-here = Hors connexion : vos réponses sont gardées sur cet appareil et partiront dès le retour du réseau.
exercises-offline = Pas de réseau : Scola fonctionne avec ce que cet appareil a gardé. Vos réponses y restent et partiront dès le retour du réseau.
exercises-opened-here = Cet exercice s’ouvre tel que cet appareil l’a gardé : vous pouvez continuer, et le rendre au retour du réseau.
exercises-unanswered = { $count ->
    [0] Toutes les questions ont une réponse.
    [one] { $count } question sans réponse.
   *[other] { $count } questions sans réponse.
}
exercises-hand-in = Rendre l’exercice
exercises-hand-in-offline = Pas de réseau : l’exercice n’est pas encore rendu. Vos réponses sont gardées ; réessayez au retour du réseau.
exercises-handed-in-at = Rendu le { DATETIME($at, dateStyle: "short", timeStyle: "short") }.
exercises-your-score = Votre note : { $earned } sur { $max }
exercises-awaiting-teacher = { $points } pt restent à noter par votre professeur.
exercises-score-later = Votre note sera visible après la date limite.
exercises-check = Vérifier mes réponses
exercises-provisional = Vérification sur cet appareil : { $earned } sur { $max }. La note qui compte est celle donnée quand vous rendez l’exercice.
exercises-status-correct = Juste
exercises-status-partial = En partie juste
exercises-status-wrong = Faux
exercises-status-unanswered = Sans réponse
exercises-status-awaiting-teacher = À corriger par le professeur

# Writing an exercise.
exercises-new = Nouvel exercice
exercises-edit = Modifier
exercises-title-label = Titre
exercises-language-label = Langue de l’exercice
exercises-statement-label = Consigne (Markdown ; formules entre $…$)
exercises-prompt-label = Énoncé (Markdown ; formules entre $…$)
exercises-points-label = Points
exercises-add-item = Ajouter
exercises-item-type = Nouvelle question
exercises-type-single-choice = Choix unique
exercises-type-multiple-choice = Choix multiple
exercises-type-true-false = Vrai ou faux
exercises-type-short-text = Réponse courte
exercises-type-cloze = Texte à trous
exercises-type-numeric = Nombre
exercises-type-matching = Associations
exercises-type-ordering = Remise en ordre
exercises-type-categorising = Classement
exercises-type-dictation = Dictée
exercises-type-free-text = Réponse libre
exercises-item-up = Monter la question { NUMBER($number) }
exercises-item-down = Descendre la question { NUMBER($number) }
exercises-item-duplicate = Dupliquer la question { NUMBER($number) }
exercises-item-delete = Supprimer la question { NUMBER($number) }
exercises-item-deleted = Question supprimée.
exercises-undo = Annuler
exercises-choice = Choix { NUMBER($number) }
exercises-right = Juste
exercises-right-answer = Bonne réponse
exercises-add-choice = Ajouter un choix
exercises-remove = Retirer
exercises-shuffle = Mélanger pour chaque élève
exercises-accepted = Réponse acceptée { NUMBER($number) }
exercises-variants = Autres graphies acceptées, séparées par « / »
exercises-case-sensitive = Majuscules exigées
exercises-accent-sensitive = Accents exigés
exercises-typos = Une faute de frappe tolérée
exercises-add-answer = Ajouter une réponse
exercises-value = Valeur attendue
exercises-margin = Écart accepté
exercises-unit = Unité (facultative)
exercises-cloze-text = Texte : [mot] pour un trou à écrire, { "{" }faux|*juste{ "}" } pour une liste déroulante
exercises-card = Étiquette { NUMBER($number) }
exercises-add-card = Ajouter une étiquette
exercises-order-hint = Écrivez les étiquettes dans le bon ordre : chaque élève les reçoit mélangées.
exercises-left = À gauche { NUMBER($number) }
exercises-right-side = À droite { NUMBER($number) }
exercises-add-pair = Ajouter une paire
exercises-category = Catégorie { NUMBER($number) }
exercises-category-cards = Ses étiquettes, une par ligne
exercises-add-category = Ajouter une catégorie
exercises-dictation-text = Texte de la dictée
exercises-guidance = Indications pour corriger (vues de vous seul)
exercises-accepts = L’élève répond
exercises-accepts-text = par écrit
exercises-accepts-audio = à l’oral (enregistrement)
exercises-accepts-text-or-audio = par écrit ou à l’oral
exercises-mark-recording = Réponse orale de { $name }
exercises-feedback = Commentaire montré après correction
exercises-save = Enregistrer
exercises-saved-version = Enregistré (version { NUMBER($version) }).
exercises-preview = Aperçu, comme l’élève le verra
exercises-problems-title = À corriger avant d’enregistrer
exercises-problem-no-title = L’exercice n’a pas de titre.
exercises-problem-no-items = L’exercice n’a aucune question.
exercises-problem-duplicate-item = Deux questions portent le même nom.
exercises-problem-item = Question { NUMBER($number) } : { $problem }
exercises-problem-gap = trou { NUMBER($gap) } : { $problem }
exercises-problem-zero-points = elle ne vaut aucun point.
exercises-problem-too-few-choices = il faut au moins deux choix.
exercises-problem-duplicate = deux éléments portent le même nom.
exercises-problem-empty = un élément est vide.
exercises-problem-no-correct = aucun choix n’est juste.
exercises-problem-no-answer = aucune réponse n’est acceptée.
exercises-problem-blank-answer = une réponse acceptée est vide.
exercises-problem-no-full-credit = aucune réponse ne donne tous les points.
exercises-problem-no-gap = le texte n’a aucun trou.
exercises-problem-tolerance = un écart ne peut être négatif, ni en pourcentage autour de zéro.
exercises-problem-empty-unit = une unité est vide.
exercises-problem-too-few-cards = il faut au moins deux étiquettes.
exercises-problem-too-few-categories = il faut au moins deux catégories.
exercises-problem-empty-dictation = la dictée n’a aucun mot.
exercises-problem-dictation-too-long = la dictée a plus de { NUMBER($max) } mots.
exercises-problem-no-recording = la dictée n’a pas d’enregistrement.
exercises-cloze-unclosed = Un trou ouvert n’est pas fermé.
exercises-cloze-empty-gap = Un trou est vide.
exercises-cloze-unopened = Un crochet fermant n’a pas d’ouvrant.
exercises-cloze-no-right-option = Une liste déroulante n’a pas d’option marquée juste (*).
exercises-points-invalid = Des points : un nombre positif, deux décimales au plus.
exercises-number-invalid = Ce n’est pas un nombre.

# Giving an exercise.
exercises-assign = Donner à une classe ou un groupe
exercises-assign-group = Classe ou groupe
exercises-assign-opens = Ouvert à partir du
exercises-assign-due = À rendre au plus tard le (facultatif)
exercises-assign-feedback = Les élèves voient les réponses
exercises-feedback-instant = en répondant (vérification immédiate)
exercises-feedback-after-submission = une fois l’exercice rendu
exercises-feedback-after-due = après la date limite
exercises-assign-attempts = Nombre d’essais (vide : sans limite)
exercises-assign-button = Donner l’exercice
exercises-assigned-to = Exercice donné à { $group }.
exercises-day-invalid = Choisissez une date.

# Results of an assignment.
exercises-given-title = Donné à
exercises-handed-in-count = { $count ->
    [0] personne n’a encore rendu
    [one] { $count } élève a rendu
   *[other] { $count } élèves ont rendu
}
exercises-results = Résultats
exercises-last-name = Nom
exercises-first-name = Prénom
exercises-handed-in-times = Rendus
exercises-last-score = Dernière note
exercises-out-of = Sur
exercises-last-handed-in = Rendu le
exercises-not-handed-in = pas encore rendu
exercises-export-csv = Télécharger les résultats (CSV)
exercises-csv-file = resultats.csv
exercises-delete = Supprimer
exercises-deleted = « { $title } » est supprimé : les élèves ne le voient plus.
exercises-import-questions = Importer des questions
exercises-results-of = Résultats : { $title } · { $group }
exercises-item-column = Q{ NUMBER($number) }
exercises-class-average = Moyenne
exercises-by-item = Question par question
exercises-item-average = Moyenne : { $average } sur { $max }
exercises-item-no-average = Pas encore de note.
exercises-item-awaiting = { $count ->
    [one] { $count } réponse libre à noter.
   *[other] { $count } réponses libres à noter.
}
exercises-most-wrong = Réponses fausses les plus fréquentes (tous les essais rendus)
exercises-wrong-times = { $count ->
    [one] { $count } fois
   *[other] { $count } fois
}
exercises-no-wrong = Aucune réponse fausse.
exercises-to-mark = Réponses libres à noter
exercises-nothing-to-mark = Aucune réponse libre rendue.
exercises-mark-who = { $name } · essai { NUMBER($attempt) } · question { NUMBER($number) }
exercises-mark-points = Points (sur { $max })
exercises-mark-save = Noter
exercises-mark-given = Noté { $points } sur { $max }.
exercises-mark-awaiting = Pas encore noté.
exercises-mark-done = Note enregistrée : la note de l’élève en tient compte.
exercises-mark-undone = Note annulée : la précédente est rétablie.
exercises-mark-not-handed-in = Cet essai n’est pas rendu.
exercises-mark-no-item = Cette question n’est pas dans l’essai.
exercises-mark-not-free = Seules les réponses libres sont notées à la main.
exercises-mark-unanswered = L’élève n’a rien répondu à cette question.
exercises-mark-too-many = Au plus { $max } points.
exercises-marked-by-teacher = Noté par votre professeur.
exercises-import-failed = Le fichier n’a pas pu être importé.
