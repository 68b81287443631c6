# Wegwijs: ready replies advisors send with "/reply-canned N id" (see locales/en/replies.ftl).

reply-photo = Puteți trimite o fotografie a scrisorii? Vă rugăm să verificați că tot textul se poate citi. Puteți acoperi BSN-ul și datele bancare.
reply-moment = Vă mulțumesc. Mă uit acum la întrebarea dumneavoastră; vă rog să așteptați puțin.
reply-later = Mă voi uita la asta și vă răspund aici mâine.
reply-desk = Vă rugăm să veniți la ghișeul International Centre. Aduceți scrisoarea și actul de identitate.
reply-call = Vă rugăm să sunați la gemeente (primărie) pentru asta. Ei vă pot vedea dosarul. Numărul de telefon este pe scrisoarea primăriei sau pe site-ul ei.
reply-elsewhere = Nu vă putem ajuta cu asta, dar { $who } poate. Vă rugăm să îi contactați.
reply-thanks = Vă mulțumesc pentru mesaj. Mă bucur că v-am putut ajuta. Mult succes!
