# Wegwijs: texts that newcomers read. One file per language: locales/<lang>/main.ftl.
# Keep the message ids identical in every language; `cargo test` fails when one is missing.

## Names of the languages, written in this file's language.
lang-nl = Nederlands
lang-en = Engels
lang-ar = Arabisch
lang-tr = Turks
lang-pl = Pools
lang-uk = Oekraïens
lang-ru = Russisch
lang-fa = Perzisch
lang-ti = Tigrinya
lang-so = Somalisch
lang-es = Spaans
lang-fr = Frans
lang-de = Duits
lang-zh = Chinees
lang-pt = Portugees
lang-ro = Roemeens
lang-it = Italiaans

## The name of this language in its own script, shown in the language menu.
lang-self = Nederlands

welcome =
    Hallo! Ik ben Wegwijs, een hulp voor nieuwkomers in { $municipality }.
    Stel me een vraag in je eigen taal, bijvoorbeeld over inschrijven op je adres, je zorgverzekering of Nederlands leren.
    Ik antwoord met links naar de officiële pagina's. Als ik je niet kan helpen, kan ik een mens vragen om je te helpen.
help =
    Stel me een vraag in een paar woorden, in je eigen taal.
    /language: kies je taal
    /advisor: praat met een mens
    /forget: wis alles wat over jou is opgeslagen
    /help: laat deze hulp zien
unknown-command = Die opdracht ken ik niet. Typ /help om te zien wat ik kan.
empty-question = Typ je vraag in een paar woorden.
dont-know = Sorry, het antwoord op die vraag weet ik niet. Je kunt het anders vragen, of met een mens praten.
choose-topic = Ik weet niet zeker wat je bedoelt. Welke past het best bij je vraag?
answer-language-note = Dit antwoord is er nog niet in het { $wanted }. Hier is het in het { $shown }.
draft-note = Deze vertaling is nog niet gecontroleerd. Is iets niet duidelijk? Vraag het dan aan een mens.
links-heading = Officiële pagina's:
related-heading = Verwante onderwerpen:
button-helped = Dit hielp
button-not-helped = Dit hielp niet
button-advisor = Praat met een mens
button-language = Taal
feedback-thanks = Bedankt dat je het laat weten!
feedback-sorry = Jammer dat dit niet hielp. Je kunt je vraag anders stellen, of met een mens praten.
advisor-requested = Ik vraag een adviseur om je te helpen. Een adviseur is een mens die jouw taal spreekt. Wacht hier op het antwoord.
language-menu = Kies je taal:
language-set = Vanaf nu antwoord ik in het { $language }.
forget-done = Ik heb alles gewist wat ik over jou had opgeslagen.
