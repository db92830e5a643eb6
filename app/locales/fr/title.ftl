# Screen titles, shown as headings and in the browser tab (components/title.rs): kept apart so
# the first visit does not carry every area’s messages to name them.

title-account = Mon compte
title-second-factor = Connexion en deux étapes
title-profile = Profil
title-password = Changer de mot de passe
title-exercise = Exercice
title-sequence = Parcours
