# The usage charter a person accepts.

charter-title = Carta d’utilizazione
charter-must-accept = Nanzu d’aduprà Scola, leghjite è accettate a carta d’utilizazione.
charter-agree = Aghju lettu a carta è l’accettu.
charter-accept = Accettà è cuntinuà
charter-none = Ùn hè stata publicata ancu nisuna carta.
