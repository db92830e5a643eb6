# The usage charter a person accepts.

charter-title = Charte d’utilisation
charter-must-accept = Avant d’utiliser Scola, lisez et acceptez la charte d’utilisation.
charter-agree = J’ai lu la charte et je l’accepte.
charter-accept = Accepter et continuer
charter-none = Aucune charte n’a encore été publiée.
