# Changing one’s password, and the password rules.

password-forced = Votre mot de passe est provisoire : choisissez-en un nouveau pour continuer.
password-advice = Une phrase de plusieurs mots, facile à retenir pour vous et difficile à deviner pour les autres, est un excellent mot de passe.
password-current = Mot de passe actuel
password-new = Nouveau mot de passe
password-confirm = Confirmez le nouveau mot de passe
password-hint = Au moins { NUMBER($min) } caractères ; évitez votre nom, une date ou un mot seul.
password-submit = Enregistrer le mot de passe
password-done = Votre mot de passe a été changé. Vos autres sessions ont été fermées.
password-one-time-valid-until = Votre mot de passe provisoire est valable jusqu’au { DATETIME($date) }.
