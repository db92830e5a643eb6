# Pedagogical sequences (parcours): lists, going through one, writing one, the library.

sequences-to-follow = Mes parcours
sequences-nothing = Aucun parcours pour le moment.
sequences-of-child = Parcours de { $name }
sequences-mine = Mes parcours
sequences-mine-in = Mes parcours · { $school }
sequences-none-written = Vous n’avez pas encore créé de parcours dans cet établissement.
sequences-new = Nouveau parcours
sequences-library = Bibliothèque partagée
sequences-due = À terminer avant le { DATETIME($due, dateStyle: "short", timeStyle: "short") }
sequences-opens = Ouvre le { DATETIME($opens, dateStyle: "short", timeStyle: "short") }
sequences-no-due = Sans date limite
sequences-progress = { $done ->
    [one] { NUMBER($done) } étape sur { NUMBER($steps) }
   *[other] { NUMBER($done) } étapes sur { NUMBER($steps) }
}
sequences-go = Continuer
sequences-see = Voir son avancement
sequences-steps = { $count ->
    [one] { $count } étape
   *[other] { $count } étapes
}
sequences-given-to = { $count ->
    [0] Donné à aucun groupe
    [one] Donné à { $count } groupe
   *[other] Donné à { $count } groupes
}
sequences-published = Dans la bibliothèque
sequences-private = Privé
sequences-delete = Supprimer
sequences-deleted = « { $title } » a été supprimé.
sequences-undo = Annuler
sequences-back = Tous les parcours

# Going through a sequence.
sequences-step-list = Étapes
sequences-step-number = Étape { NUMBER($number) } sur { NUMBER($count) }
sequences-state-done = Terminée
sequences-state-started = Commencée
sequences-state-to-do = À faire
sequences-mark-done = J’ai terminé cette étape
sequences-marked-done = Étape terminée.
sequences-download-document = Télécharger le document
sequences-open-link = Ouvrir la ressource (nouvel onglet)
sequences-do-exercise = Faire l’exercice
sequences-exercise-score = Note : { $earned } sur { $max }
sequences-previous = Étape précédente
sequences-next = Étape suivante
sequences-finished = Bravo, vous avez terminé ce parcours !
sequences-credit = D’après « { $title } » de { $author } ({ $school })
sequences-credit-unknown = D’après « { $title } » ({ $school })
sequences-licence-cc-by = Licence Creative Commons Attribution 4.0 (CC BY)
sequences-licence-cc-by-sa = Licence Creative Commons Attribution – Partage dans les mêmes conditions 4.0 (CC BY-SA)
sequences-licence-all-rights-reserved = Tous droits réservés
sequences-read-only = Vous consultez l’avancement de votre enfant : seul l’élève peut terminer les étapes.

# Writing a sequence.
sequences-editor-new = Nouveau parcours
sequences-editor-edit = Modifier le parcours
sequences-title = Titre
sequences-language = Langue
sequences-discipline = Discipline
sequences-level = Niveau
sequences-licence = Licence
sequences-licence-help = Une licence Creative Commons permet de partager le parcours dans la bibliothèque ; vos collègues pourront le copier en vous citant.
sequences-summary = Présentation (Markdown, facultative)
sequences-add-lesson = Ajouter une leçon
sequences-add-link = Ajouter un lien
sequences-add-exercise = Ajouter un exercice
sequences-kind-lesson = Leçon
sequences-kind-link = Lien
sequences-kind-exercise = Exercice
sequences-step-title = Titre de l’étape
sequences-lesson-text = Texte de la leçon (Markdown)
sequences-link-url = Adresse (https://…)
sequences-exercise-choice = Exercice à faire
sequences-choose = — choisir —
sequences-no-exercise = Écrivez d’abord un exercice dans la page Exercices.
sequences-move-up = Monter l’étape « { $title } »
sequences-move-down = Descendre l’étape « { $title } »
sequences-remove-step = Retirer l’étape « { $title } »
sequences-step-removed = Étape « { $title } » retirée.
sequences-save = Enregistrer
sequences-saving = Enregistrement…
sequences-saved = Parcours enregistré.
sequences-publish = Partager dans la bibliothèque
sequences-unpublish = Retirer de la bibliothèque
sequences-is-published = Ce parcours est dans la bibliothèque partagée : les enseignants de tous les établissements peuvent le lire et le copier.
sequences-given = Donné à
sequences-follow = Suivre l’avancement
sequences-preview = Aperçu

# What cannot be saved or done.
sequences-problems = Le parcours ne peut pas être enregistré :
sequences-problem-no-title = Donnez un titre au parcours.
sequences-problem-title-too-long = Le titre est trop long.
sequences-problem-summary-too-long = La présentation est trop longue.
sequences-problem-no-steps = Ajoutez au moins une étape.
sequences-problem-too-many-steps = Un parcours compte au plus { NUMBER($max) } étapes.
sequences-problem-duplicate-step = Deux étapes portent le numéro { NUMBER($step) } : rechargez la page.
sequences-problem-step-without-title = Étape { NUMBER($number) } : donnez-lui un titre.
sequences-problem-step-title-too-long = Étape { NUMBER($number) } : le titre est trop long.
sequences-problem-empty-lesson = Étape { NUMBER($number) } : la leçon est vide.
sequences-problem-lesson-too-long = Étape { NUMBER($number) } : la leçon est trop longue.
sequences-problem-not-a-web-address = Étape { NUMBER($number) } : l’adresse doit commencer par https:// ou http://.
sequences-problem-too-many-credits = Ce parcours cite trop d’auteurs.
sequences-problem-exercises = Étape { NUMBER($number) } : choisissez un de vos exercices de cet établissement.
sequences-problem-licence = La licence ne le permet pas : seuls les parcours sous licence Creative Commons se partagent, et un parcours CC BY-SA se copie sous la même licence.
sequences-problem-already-given = Ce parcours a déjà été donné à ce groupe pour cette date.
sequences-problem-not-yet-open = Ce parcours n’est pas encore ouvert.
sequences-problem-no-such-step = Cette étape n’existe plus : rechargez la page.

# Following a group.
sequences-results = Avancement
sequences-results-of = { $title } · { $group }
sequences-pupil = Élève
sequences-total = Avancement
sequences-csv-file = avancement.csv
sequences-export-csv = Télécharger (CSV)

# The shared library.
sequences-search = Rechercher
sequences-search-text = Mots
sequences-any = Toutes
sequences-results-none = Aucun parcours ne correspond.
sequences-by = par { $author } · { $school }
sequences-by-unknown = { $school }
sequences-copy = Copier dans mes parcours
sequences-copy-into = Établissement
sequences-copy-licence = Licence de la copie
sequences-copied = Copie créée.
sequences-exercise-items = { $title } ({ $count ->
    [one] { $count } question
   *[other] { $count } questions
})

# Disciplines and levels.
sequences-discipline-french = Français
sequences-discipline-mathematics = Mathématiques
sequences-discipline-corsican = Langue corse
sequences-discipline-history-geography = Histoire-géographie
sequences-discipline-civics = Enseignement moral et civique
sequences-discipline-life-sciences = Sciences de la vie et de la Terre
sequences-discipline-physics-chemistry = Physique-chimie
sequences-discipline-technology = Technologie
sequences-discipline-english = Anglais
sequences-discipline-italian = Italien
sequences-discipline-spanish = Espagnol
sequences-discipline-german = Allemand
sequences-discipline-classics = Langues et cultures de l’Antiquité
sequences-discipline-visual-arts = Arts plastiques
sequences-discipline-music = Éducation musicale
sequences-discipline-physical-education = Éducation physique et sportive
sequences-discipline-economics = Sciences économiques et sociales
sequences-discipline-philosophy = Philosophie
sequences-discipline-computer-science = Numérique et informatique
sequences-discipline-other = Autre
sequences-level-cp = CP
sequences-level-ce1 = CE1
sequences-level-ce2 = CE2
sequences-level-cm1 = CM1
sequences-level-cm2 = CM2
sequences-level-sixieme = 6e
sequences-level-cinquieme = 5e
sequences-level-quatrieme = 4e
sequences-level-troisieme = 3e
sequences-level-seconde = 2de
sequences-level-premiere = 1re
sequences-level-terminale = Terminale
sequences-to-finish = Parcours à terminer
sequences-kind-file = Fichier
sequences-add-file = Ajouter un fichier (document PDF, image ou enregistrement)
sequences-add-file-help = Le fichier est envoyé tout de suite ; il devient une étape que vous pouvez titrer et déplacer.
sequences-replace-file = Remplacer le fichier
sequences-problem-files = { $count ->
    [one] Un fichier nommé dans le parcours n’est pas l’un des vôtres dans cet établissement : retirez-le ou déposez-le à nouveau.
   *[other] { $count } fichiers nommés dans le parcours ne sont pas des vôtres dans cet établissement : retirez-les ou déposez-les à nouveau.
}

# The open archive: exporting a sequence, importing one.
sequences-export = Exporter (archive .zip)
sequences-exporting = Préparation de l’archive…
sequences-export-ready = Télécharger l’archive
sequences-import = Importer une archive
sequences-importing = Import de l’archive…
sequences-archive-not-zip = Ce fichier n’est pas une archive .zip lisible.
sequences-archive-too-large = L’archive est trop grande (au plus 20 Mo, 500 fichiers, et 4 Mo par fichier JSON).
sequences-archive-no-manifest = Cette archive ne contient pas de fichier scola-sequence.json : ce n’est pas un parcours.
sequences-archive-unknown-format = Cette archive n’est pas un parcours Scola, ou vient d’une version plus récente.
sequences-archive-unreadable = Le fichier { $file } de l’archive est absent ou illisible.
sequences-archive-missing-exercise = L’étape { NUMBER($step) } de l’archive donne un exercice que l’archive ne contient pas.
sequences-archive-problems = Le parcours ou ses exercices, tels que l’archive les contient, ne peuvent pas être enregistrés.
sequences-archive-media = Le média { $file } de l’archive est refusé : { $reason }
