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
    Salve! Sono Wegwijs, un aiuto per chi è appena arrivato a { $municipality }.
    Mi faccia una domanda nella Sua lingua, per esempio sulla registrazione dell'indirizzo, sull'assicurazione sanitaria o su come imparare l'olandese.
    Rispondo con link alle pagine ufficiali. Se non posso aiutarLa io, posso chiedere a una persona di aiutarLa.
help =
    Mi faccia una domanda con poche parole, nella Sua lingua.
    /language: scegliere la lingua
    /advisor: parlare con una persona
    /forget: cancellare tutto ciò che è salvato su di Lei
    /help: mostrare questo aiuto
unknown-command = Non conosco questo comando. Scriva /help per vedere cosa posso fare.
empty-question = Scriva la Sua domanda con poche parole, per favore.
dont-know = Mi dispiace, non conosco la risposta a questa domanda. Può chiederla in un altro modo o parlare con una persona.
choose-topic = Non sono sicuro di cosa intende. Quale di questi argomenti corrisponde meglio alla Sua domanda?
answer-language-note = Questa risposta non è ancora disponibile in { $wanted }. Eccola in { $shown }.
draft-note = Questa traduzione non è ancora stata controllata. Se qualcosa non è chiaro, chieda a una persona.
links-heading = Pagine ufficiali:
related-heading = Argomenti collegati:
button-helped = Mi è stato utile
button-not-helped = Non mi è stato utile
button-advisor = Parlare con una persona
button-language = Lingua
feedback-thanks = Grazie per avermelo detto!
feedback-sorry = Mi dispiace che non sia stato utile. Può fare la domanda in un altro modo o parlare con una persona.
language-menu = Scelga la Sua lingua:
language-set = Da ora in poi rispondo in { $language }.
forget-done = Ho cancellato tutto ciò che avevo salvato su di Lei.

## Talking to a person (advisors), danger, days.
advisor-unavailable = In questa chat non è ancora possibile parlare con una persona. Può contattare direttamente la gemeente (il comune) di { $municipality }.
ticket-created = Ho passato la Sua domanda a un consulente (numero { $ticket }). Una persona Le risponderà qui. Tutto ciò che scrive ora va al consulente.
ticket-created-urgent = Ho anche chiesto a un consulente di scriverLe qui il prima possibile (numero { $ticket }). Tutto ciò che scrive ora va al consulente.
ticket-created-closed = Ho passato la Sua domanda a un consulente (numero { $ticket }). In questo momento i consulenti non lavorano. Risponderanno { $day } a partire dalle { $time }. Tutto ciò che scrive ora va al consulente.
ticket-still-open = La Sua conversazione con un consulente (numero { $ticket }) è ancora aperta. Scriva qui il Suo messaggio; il consulente lo leggerà.
ticket-waiting = Ci dispiace, nessuno ha ancora preso in carico la Sua domanda. Ci aspettiamo una risposta entro { $day } alle { $time }. Può continuare a scrivere qui.
ticket-waiting-soon = Ci dispiace, nessuno ha ancora preso in carico la Sua domanda. Un consulente risponderà il prima possibile. Può continuare a scrivere qui.
ticket-claimed = Ora La aiuta { $name }. { $name } è una persona, non il bot.
advisor-says = { $name } (consulente):
ticket-closed = Il consulente ha chiuso questa conversazione. Ha una nuova domanda? La chieda a me. Entro { $hours } ore può riaprire la conversazione con il consulente.
ticket-reopened = La Sua conversazione con i consulenti è di nuovo aperta (numero { $ticket }). Scriva qui il Suo messaggio.
ticket-reopen-expired = Questa conversazione non può più essere riaperta. Faccia di nuovo la Sua domanda, o chieda di parlare con una persona.
back-to-bot = Va bene, rispondo di nuovo alle Sue domande. Il consulente può ancora scriverLe qui.
relay-resumed = Tutto ciò che scrive ora va di nuovo al consulente.
button-back-to-bot = Tornare al bot
button-write-advisor = Scrivere al consulente
button-reopen = Riaprire la conversazione
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
command-start = Iniziare e scegliere la lingua
command-help = Cosa posso fare
command-language = Scegliere la lingua
command-advisor = Parlare con una persona
command-forget = Cancellare tutto ciò che è salvato su di Lei

# Matrix: a message arrived that the bot could not decrypt.
matrix-undecryptable = Non sono riuscito a leggere il Suo ultimo messaggio: è arrivato cifrato e non ho ricevuto la chiave. Lo invii di nuovo, per favore. Se succede ancora, esca e rientri nella Sua app Matrix, oppure inizi una nuova chat con me.

## Next to a link whose page is in another language than the reader's.
link-language = pagina in { $language }

## A photo, document or voice message arrived while no advisor is reading along.
media-received = Posso leggere solo messaggi di testo, non foto, documenti o messaggi vocali. Se ha una lettera che non riesce a leggere, un consulente può guardarla insieme a Lei.

## Queue, leaving a question, partners, rating.
ticket-created-later = Ho passato la Sua domanda ai consulenti (numero { $ticket }). Un consulente Le risponderà qui appena è libero. Tutto ciò che scrive ora va al consulente.
ticket-created-urgent-closed = Ho anche chiesto a un consulente di scriverLe qui (numero { $ticket }). In questo momento i consulenti non lavorano; ricominciano { $day } alle { $time }. Se ora è in pericolo, chiami il 112.
button-queue = A che punto sono in coda?
queue-position = Lei è il numero { $position } in coda.
queue-wait-minutes = Attesa prevista: da { $low } a { $high } minuti.
queue-wait-hours = Attesa prevista: da { $low } a { $high } ore.
queue-wait-closing = Oggi i consulenti finiscono alle { $closes }. Se nessuno è libero prima, riceverà una risposta a partire da { $day } alle { $time }.
queue-opens = I consulenti ricominciano { $day } alle { $time }.
queue-none = In questo momento non sta aspettando un consulente.
person-closed = I nostri consulenti in questo momento non lavorano. Ricominciano { $day } alle { $time }.
person-all-away = In questo momento non c'è nessun consulente disponibile.
person-no-language = In questo momento non c'è nessun consulente disponibile che parla { $language }. I nostri consulenti parlano: { $languages }.
person-leave-offer = Può lasciare qui la Sua domanda. Un consulente Le risponderà più tardi in questa chat; non deve aspettare qui.
button-leave = Lascio la mia domanda
partner-says = { $name } (collabora con il comune):
ticket-partner = Da ora La aiuta { $name }. Questa organizzazione collabora con la gemeente (il comune). Leggono i Suoi messaggi qui, ma non vedono il nome del Suo account né il Suo numero di telefono.
rating-question = Questa conversazione con il consulente Le è stata utile?
rating-yes = Sì
rating-partly = In parte
rating-no = No
rating-thanks = Grazie per la Sua risposta! Ci aiuta a fare meglio.

# Offers of a person when none can come now (outside office hours, everyone away, or nobody who speaks
# the language): the question can be left, and an advisor answers here later.
dont-know-later = Mi dispiace, non conosco la risposta a questa domanda. Può chiederla in un altro modo o lasciare la Sua domanda a un consulente, che Le risponderà qui più tardi.
feedback-sorry-later = Mi dispiace che non sia stato utile. Può fare la domanda in un altro modo o lasciarla a un consulente, che Le risponderà qui più tardi.
media-received-later = Posso leggere solo messaggi di testo, non foto, documenti o messaggi vocali. Se ha una lettera che non riesce a leggere, lasci la Sua domanda: un consulente può guardare la lettera insieme a Lei più tardi.
# The advisor or partner who was helping cannot go on; the question waits for the next advisor.
ticket-back-in-queue = La persona che La stava aiutando non può continuare con la Sua domanda. La domanda è tornata agli altri consulenti: non deve chiedere di nuovo.
