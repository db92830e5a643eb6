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
