# Changing one’s password, and the password rules.

password-title = Changer de mot de passe
password-forced = Votre mot de passe est provisoire : choisissez-en un nouveau pour continuer.
password-advice = Une phrase de plusieurs mots, facile à retenir pour vous et difficile à deviner pour les autres, est un excellent mot de passe.
password-current = Mot de passe actuel
password-new = Nouveau mot de passe
password-confirm = Confirmez le nouveau mot de passe
password-hint = Au moins { NUMBER($min) } caractères ; évitez votre nom, une date ou un mot seul.
password-submit = Enregistrer le mot de passe
password-done = Votre mot de passe a été changé. Vos autres sessions ont été fermées.
password-too-short = Le mot de passe doit compter au moins { NUMBER($min) } caractères.
password-too-long = Le mot de passe ne doit pas dépasser { NUMBER($max) } caractères.
password-unchanged = Le nouveau mot de passe doit être différent de l’actuel.
password-weak-common = Ce mot de passe fait partie des plus utilisés : il serait deviné en quelques secondes.
password-weak-pattern = Les suites de touches, de lettres ou de chiffres (azerty, 1234, aaaa) se devinent facilement.
password-weak-date = Les dates et les années se devinent facilement.
password-weak-personal = Le mot de passe ne doit pas contenir votre nom ni votre identifiant.
password-weak-guessable = Ce mot de passe est trop facile à deviner : ajoutez des mots ou allongez-le.
password-one-time-valid-until = Votre mot de passe provisoire est valable jusqu’au { DATETIME($date) }.
