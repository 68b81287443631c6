# Wegwijs: texts that newcomers read. One file per language: locales/<lang>/main.ftl.
# Keep the message ids identical in every language; `cargo test` fails when one is missing.

## Names of the languages, written in this file's language.
lang-nl = olandese
lang-en = inglese
lang-ar = arabo
lang-tr = turco
lang-pl = polacco
lang-uk = ucraino
lang-ru = russo
lang-fa = persiano
lang-ti = tigrino
lang-so = somalo
lang-es = spagnolo
lang-fr = francese
lang-de = tedesco
lang-zh = cinese
lang-pt = portoghese
lang-ro = rumeno
lang-it = italiano

## The name of this language in its own script, shown in the language menu.
lang-self = Italiano

welcome =
    Ciao! Sono Wegwijs, un aiuto per chi è appena arrivato a { $municipality }.
    Fammi una domanda nella tua lingua, per esempio sulla registrazione dell'indirizzo, sull'assicurazione sanitaria o su come imparare l'olandese.
    Rispondo con link alle pagine ufficiali. Se non posso aiutarti, posso chiedere a una persona di aiutarti.
help =
    Fammi una domanda con poche parole, nella tua lingua.
    /language: scegli la tua lingua
    /advisor: parla con una persona
    /forget: cancella tutto ciò che è salvato su di te
    /help: mostra questo aiuto
unknown-command = Non conosco questo comando. Scrivi /help per vedere cosa posso fare.
empty-question = Scrivi la tua domanda con poche parole, per favore.
dont-know = Mi dispiace, non conosco la risposta a questa domanda. Puoi chiederla in un altro modo o parlare con una persona.
choose-topic = Non sono sicuro di cosa intendi. Quale di questi argomenti corrisponde meglio alla tua domanda?
answer-language-note = Questa risposta non è ancora disponibile in { $wanted }. Eccola in { $shown }.
draft-note = Questa traduzione non è ancora stata controllata. Se qualcosa non è chiaro, chiedi a una persona.
links-heading = Pagine ufficiali:
related-heading = Argomenti collegati:
button-helped = Mi è stato utile
button-not-helped = Non mi è stato utile
button-advisor = Parla con una persona
button-language = Lingua
feedback-thanks = Grazie per avermelo detto!
feedback-sorry = Mi dispiace che non sia stato utile. Puoi fare la domanda in un altro modo o parlare con una persona.
language-menu = Scegli la tua lingua:
language-set = Da ora in poi rispondo in { $language }.
forget-done = Ho cancellato tutto ciò che avevo salvato su di te.

## Talking to a person (advisors), danger, days.
advisor-unavailable = In questa chat non è ancora possibile parlare con una persona. Può contattare direttamente il comune di { $municipality }.
ticket-created = Ho passato la sua domanda a un consulente (numero { $ticket }). Una persona le risponderà qui. Tutto ciò che scrive ora va al consulente.
ticket-created-urgent = Ho anche chiesto a un consulente di scriverle qui il prima possibile (numero { $ticket }). Tutto ciò che scrive ora va al consulente.
ticket-created-closed = Ho passato la sua domanda a un consulente (numero { $ticket }). In questo momento i consulenti non lavorano. Risponderanno da { $day } { $time }. Tutto ciò che scrive ora va al consulente.
ticket-still-open = La sua conversazione con un consulente (numero { $ticket }) è ancora aperta. Scriva qui il suo messaggio; il consulente lo leggerà.
ticket-waiting = Ci dispiace, nessuno ha ancora preso la sua domanda. Ci aspettiamo una risposta entro { $day } { $time }. Può continuare a scrivere qui.
ticket-waiting-soon = Ci dispiace, nessuno ha ancora preso la sua domanda. Un consulente risponderà il prima possibile. Può continuare a scrivere qui.
ticket-claimed = Ora la aiuta { $name }. { $name } è una persona, non il bot.
advisor-says = { $name } (consulente):
ticket-closed = Il consulente ha chiuso questa conversazione. Ha una nuova domanda? La chieda a me. Entro { $hours } ore può riaprire la conversazione con il consulente.
ticket-reopened = La sua conversazione con i consulenti è di nuovo aperta (numero { $ticket }). Scriva qui il suo messaggio.
ticket-reopen-expired = Questa conversazione non può più essere riaperta. Faccia di nuovo la sua domanda, o chieda una persona.
back-to-bot = Va bene, rispondo di nuovo alle sue domande. Il consulente può ancora scriverle qui.
relay-resumed = Tutto ciò che scrive ora va di nuovo al consulente.
button-back-to-bot = Torna al bot
button-write-advisor = Scrivi al consulente
button-reopen = Riapri la conversazione
day-today = oggi
day-tomorrow = domani
day-mon = lunedì
day-tue = martedì
day-wed = mercoledì
day-thu = giovedì
day-fri = venerdì
day-sat = sabato
day-sun = domenica

## Command menu.
command-start = Inizia e scegli la tua lingua
command-help = Cosa posso fare
command-language = Scegli la tua lingua
command-advisor = Parla con una persona
command-forget = Cancella tutto ciò che è salvato su di te

# Matrix: a message arrived that the bot could not decrypt.
matrix-undecryptable = Non sono riuscito a leggere il tuo ultimo messaggio: è arrivato cifrato e non ho ricevuto la chiave. Invialo di nuovo, per favore. Se succede ancora, esci e rientra nella tua app Matrix, oppure inizia una nuova chat con me.

## Next to a link whose page is in another language than the reader's.
link-language = pagina in { $language }
