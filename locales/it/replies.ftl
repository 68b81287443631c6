# Wegwijs: ready replies advisors send with "/reply-canned N id" (see locales/en/replies.ftl).

reply-photo = Può mandare una foto della lettera? Controlli che tutto il testo si possa leggere. Può coprire il Suo BSN e i Suoi dati bancari.
reply-moment = Grazie. Sto guardando ora la Sua domanda; attenda un momento, per favore.
reply-later = Guardo questa cosa e domani Le rispondo qui.
reply-desk = Venga allo sportello dell'International Centre, per favore. Porti la lettera e il Suo documento d'identità.
reply-call = Per questo chiami la gemeente (il comune), per favore. Possono vedere la Sua pratica. Trova il numero di telefono sulla lettera del comune o sul sito.
reply-elsewhere = Non possiamo aiutarLa con questo, ma { $who } sì. La prego di contattarli.
reply-thanks = Grazie per il Suo messaggio. Sono contento di averLa aiutata. In bocca al lupo!
