# Problems with one field, shown next to it (app::error::Problem).

problem-required = Ce champ est obligatoire.
problem-taken = Cet identifiant est déjà utilisé.
problem-too-long = Ce texte est trop long.
problem-mismatch = Les mots de passe ne correspondent pas.
problem-username = Un identifiant compte de 2 à 64 caractères : lettres minuscules sans accent, chiffres, point, tiret ; il commence par une lettre.
problem-bad-name = Ce nom est trop long ou contient des caractères non autorisés.
problem-uai = Un code UAI compte sept chiffres suivis d’une lettre (ex. 6200001G).
problem-choice = Choisissez une valeur dans la liste.
problem-place = Cette personne n’a pas le profil « { $profile } » dans l’établissement.
problem-name-taken = Ce nom est déjà utilisé cette année dans l’établissement.
problem-same-person = Une personne ne peut pas être liée à elle-même.
problem-own-child = Vous ne pouvez pas vous lier vous-même à un élève : un autre administrateur doit créer ce lien.
problem-wrong-code = Ce code n’est pas le bon, ou il a déjà servi.
problem-already-enrolled = La connexion en deux étapes est déjà activée.

problem-password-too-short = Le mot de passe doit compter au moins { NUMBER($min) } caractères.
problem-password-too-long = Le mot de passe ne doit pas dépasser { NUMBER($max) } caractères.
problem-password-unchanged = Le nouveau mot de passe doit être différent de l’actuel.
problem-password-weak-common = Ce mot de passe fait partie des plus utilisés : il serait deviné en quelques secondes.
problem-password-weak-pattern = Les suites de touches, de lettres ou de chiffres (azerty, 1234, aaaa) se devinent facilement.
problem-password-weak-date = Les dates et les années se devinent facilement.
problem-password-weak-personal = Le mot de passe ne doit pas contenir votre nom ni votre identifiant.
problem-password-weak-guessable = Ce mot de passe est trop facile à deviner : ajoutez des mots ou allongez-le.
