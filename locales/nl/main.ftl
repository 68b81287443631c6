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
language-menu = Kies je taal:
language-set = Vanaf nu antwoord ik in het { $language }.
forget-done = Ik heb alles gewist wat ik over jou had opgeslagen.

## Met een mens praten (adviseurs).
advisor-unavailable = Met een mens praten kan in deze chat nog niet. Je kunt zelf contact opnemen met de gemeente { $municipality }.
ticket-created = Ik heb je vraag doorgegeven aan een adviseur (nummer { $ticket }). Een mens antwoordt je hier. Alles wat je nu schrijft, gaat naar de adviseur.
ticket-created-urgent = Ik heb ook een adviseur gevraagd je hier zo snel mogelijk te schrijven (nummer { $ticket }). Alles wat je nu schrijft, gaat naar de adviseur.
ticket-created-closed = Ik heb je vraag doorgegeven aan een adviseur (nummer { $ticket }). De adviseurs werken nu niet. Zij antwoorden vanaf { $day } { $time }. Alles wat je nu schrijft, gaat naar de adviseur.
ticket-still-open = Je gesprek met een adviseur (nummer { $ticket }) is nog open. Schrijf je bericht hier; de adviseur leest het.
ticket-waiting = Sorry, nog niemand heeft je vraag opgepakt. We verwachten een antwoord uiterlijk { $day } { $time }. Je kunt hier blijven schrijven.
ticket-waiting-soon = Sorry, nog niemand heeft je vraag opgepakt. Een adviseur antwoordt zo snel mogelijk. Je kunt hier blijven schrijven.
ticket-claimed = { $name } helpt je nu. { $name } is een mens, niet de bot.
advisor-says = { $name } (adviseur):
ticket-closed = De adviseur heeft dit gesprek gesloten. Heb je een nieuwe vraag? Stel hem gerust aan mij. Binnen { $hours } uur kun je het gesprek met de adviseur weer openen.
ticket-reopened = Je gesprek met de adviseurs is weer open (nummer { $ticket }). Schrijf je bericht hier.
ticket-reopen-expired = Dit gesprek kan niet meer worden geopend. Stel je vraag opnieuw, of vraag om een mens.
back-to-bot = Goed, ik beantwoord je vragen weer. De adviseur kan je hier nog steeds schrijven.
relay-resumed = Alles wat je nu schrijft, gaat weer naar de adviseur.
button-back-to-bot = Terug naar de bot
button-write-advisor = Schrijf de adviseur
button-reopen = Gesprek weer openen

## Dagen, voor "vanaf maandag 09:00".
day-today = vandaag
day-tomorrow = morgen
day-mon = maandag
day-tue = dinsdag
day-wed = woensdag
day-thu = donderdag
day-fri = vrijdag
day-sat = zaterdag
day-sun = zondag

## Command menu.
command-start = Beginnen en je taal kiezen
command-help = Wat ik kan doen
command-language = Je taal kiezen
command-advisor = Met een mens praten
command-forget = Alles wissen wat over jou is opgeslagen

# Matrix: a message arrived that the bot could not decrypt.
matrix-undecryptable = Ik kon je laatste bericht niet lezen: het kwam versleuteld binnen en ik kreeg de sleutel niet. Stuur het alsjeblieft opnieuw. Gebeurt dit vaker? Log dan uit en opnieuw in in je Matrix-app, of begin een nieuwe chat met mij.

## Next to a link whose page is in another language than the reader's.
link-language = pagina in het { $language }

## A photo, document or voice message arrived while no advisor is reading along.
media-received = Ik kan alleen tekst lezen, geen foto's, documenten of spraakberichten. Heb je een brief die je niet kunt lezen? Een adviseur kan er met je naar kijken.

## Waar de nieuwkomer staat, als niemand kan komen, partners, en een beoordeling na een gesprek.
ticket-created-later = Ik heb je vraag doorgegeven aan de adviseurs (nummer { $ticket }). Een adviseur antwoordt je hier zodra er iemand vrij is. Alles wat je nu schrijft, gaat naar de adviseur.
ticket-created-urgent-closed = Ik heb ook een adviseur gevraagd je hier te schrijven (nummer { $ticket }). De adviseurs werken nu niet; ze beginnen weer { $day } om { $time }. Ben je nu in gevaar? Bel dan 112.
button-queue = Waar sta ik in de wachtrij?
queue-position = Je bent nummer { $position } in de wachtrij.
queue-wait-minutes = Verwachte wachttijd: { $low } tot { $high } minuten.
queue-wait-hours = Verwachte wachttijd: { $low } tot { $high } uur.
queue-wait-closing = De adviseurs stoppen vandaag om { $closes }. Is er voor die tijd niemand vrij, dan krijg je antwoord vanaf { $day } { $time }.
queue-opens = De adviseurs beginnen weer { $day } om { $time }.
queue-none = Je wacht nu niet op een adviseur.
person-closed = Onze adviseurs werken nu niet. Ze beginnen weer { $day } om { $time }.
person-all-away = Er is nu geen adviseur beschikbaar.
person-no-language = Er is nu geen adviseur beschikbaar die { $language } spreekt. Onze adviseurs spreken { $languages }.
person-leave-offer = Je kunt je vraag hier achterlaten. Een adviseur antwoordt je later in deze chat; je hoeft hier niet te wachten.
button-leave = Mijn vraag achterlaten
partner-says = { $name } (werkt samen met de gemeente):
ticket-partner = Vanaf nu helpt { $name } je. Deze organisatie werkt samen met de gemeente. Ze lezen je berichten hier, maar zien je accountnaam en telefoonnummer niet.
rating-question = Heeft dit gesprek met de adviseur je geholpen?
rating-yes = Ja
rating-partly = Een beetje
rating-no = Nee
rating-thanks = Bedankt voor je antwoord! Zo kunnen we het beter doen.

# Offers of a person when none can come now (outside office hours, everyone away, or nobody who speaks
# the language): the question can be left, and an advisor answers here later.
dont-know-later = Sorry, het antwoord op die vraag weet ik niet. Je kunt het anders vragen, of je vraag achterlaten voor een adviseur. Die antwoordt je later hier.
feedback-sorry-later = Jammer dat dit niet hielp. Je kunt je vraag anders stellen, of hem achterlaten voor een adviseur. Die antwoordt je later hier.
media-received-later = Ik kan alleen tekst lezen, geen foto's, documenten of spraakberichten. Heb je een brief die je niet kunt lezen? Laat je vraag achter: een adviseur kan er later met je naar kijken.
# The advisor or partner who was helping cannot go on; the question waits for the next advisor.
ticket-back-in-queue = De persoon die je hielp kan niet verder met je vraag. Je vraag is terug bij de andere adviseurs: je hoeft hem niet opnieuw te stellen.
