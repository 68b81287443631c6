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
advisor-requested = Chiederò a un consulente di aiutarti. Un consulente è una persona che parla la tua lingua. Aspetta qui la sua risposta.
language-menu = Scegli la tua lingua:
language-set = Da ora in poi rispondo in { $language }.
forget-done = Ho cancellato tutto ciò che avevo salvato su di te.
