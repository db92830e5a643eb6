# Changing one’s password, and the password rules.

auth-password-forced = Votre mot de passe est provisoire : choisissez-en un nouveau pour continuer.
auth-password-advice = Une phrase de plusieurs mots, facile à retenir pour vous et difficile à deviner pour les autres, est un excellent mot de passe.
auth-password-current = Mot de passe actuel
auth-password-new = Nouveau mot de passe
auth-password-confirm = Confirmez le nouveau mot de passe
auth-password-hint = Au moins { NUMBER($min) } caractères ; évitez votre nom, une date ou un mot seul.
auth-password-submit = Enregistrer le mot de passe
auth-password-done = Votre mot de passe a été changé. Vos autres sessions ont été fermées.
auth-password-one-time-valid-until = Votre mot de passe provisoire est valable jusqu’au { DATETIME($date) }.
