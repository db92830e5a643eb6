# Screen titles, shown as headings and in the browser tab (components/title.rs): kept apart so
# the first visit does not carry every area’s messages to name them.

title-account = U mo contu
title-second-factor = Cunnessione in duie tappe
title-profile = Prufilu
title-password = Cambià a parolla d’intrata
title-exercise = Eserciziu
title-sequence = Percorsu
