# Wegwijs: kant-en-klare antwoorden die adviseurs sturen met "/reply-canned N id" (of een knop bij het
# ticket), in de taal van de nieuwkomer. .label is de korte naam die adviseurs zien.

reply-photo = Kun je een foto van de brief sturen? Let erop dat alle tekst goed te lezen is. Je mag je BSN en bankgegevens afdekken.
    .label = Foto van de brief
reply-moment = Dank je. Ik zoek je vraag nu uit; wacht even alsjeblieft.
    .label = Even geduld
reply-later = Ik zoek dit uit en kom er morgen hier bij je op terug.
    .label = Morgen terug
reply-desk = Kom alsjeblieft naar de balie van het International Centre. Neem de brief en je identiteitsbewijs mee.
    .label = Kom naar de balie
reply-call = Bel hierover alsjeblieft de gemeente. Zij kunnen in je dossier kijken. Het telefoonnummer staat op de brief of op de website van de gemeente.
    .label = Bel de gemeente
reply-elsewhere = Hiermee kunnen wij je niet helpen, maar { $who } wel. Neem alsjeblieft contact met hen op.
    .label = Iemand anders helpt
reply-thanks = Bedankt voor je bericht. Fijn dat ik je kon helpen. Veel succes!
    .label = Bedankt
