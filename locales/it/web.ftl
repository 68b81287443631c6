# Wegwijs: texts of the web chat (the page and the widget). Same message ids in every language.

web-title = Wegwijs: aiuto per chi è appena arrivato a { $municipality }
web-open = Domande? Scriva a Wegwijs
web-close = Chiudi la chat
web-conversation = Conversazione con Wegwijs
web-you = Lei
web-bot = Wegwijs
web-question-label = La Sua domanda
web-placeholder = Scriva qui la Sua domanda
web-send = Invia
web-typing = Wegwijs sta scrivendo…
web-forget = Dimenticami
web-forget-confirm = Cancellare questa conversazione e tutto ciò che è stato salvato su di Lei?
web-forget-yes = Sì, cancella
web-forget-no = Annulla
web-slow-down = Sta inviando messaggi molto velocemente. Attenda un momento e poi riprovi.
web-too-long = Questo messaggio è troppo lungo. Non superi i { $max } caratteri.
web-offline = La connessione si è interrotta. Nuovo tentativo di connessione…
web-new-tab = (si apre in una nuova scheda)
web-noscript = Questa chat ha bisogno di JavaScript. Può anche contattare direttamente il comune di { $municipality }.
web-privacy = Questa conversazione è salvata in questo browser. «Dimenticami» la cancella, qui e presso il comune.
web-error = Qualcosa è andato storto. Riprovi tra un momento.
