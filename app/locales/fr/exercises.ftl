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
