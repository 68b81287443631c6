# Wegwijs: teksten voor adviseurs, in de adviseursruimte of een directe chat met de bot.

staff-ticket = Ticket #{ $ticket } · { $language } · { $age }
staff-urgent-mark = URGENT
staff-urgent = Mogelijk gevaar (geweld, mishandeling, zelfmoord of acuut gevaar). De persoon heeft de noodnummers al gekregen (112, 113, Veilig Thuis). Beantwoord dit eerst.
staff-now-urgent = Ticket #{ $ticket } is nu urgent: de persoon schreef over gevaar.
staff-reopened = De persoon heeft ticket #{ $ticket } weer geopend.
staff-reason-asked = De persoon vroeg om een adviseur.
staff-reason-misses = De bot kon twee keer achter elkaar geen antwoord geven.
staff-reason-safeguarding = De persoon schreef woorden over gevaar.
staff-question = Vraag:
staff-transcript = Gesprek tot nu toe:
staff-from-person = Persoon
staff-from-bot = Bot
staff-bot-answered = antwoordde met "{ $topic }"
staff-bot-offered = bood aan: { $topics }
staff-bot-dont-know = wist het antwoord niet
staff-for = Voor:
staff-how-to-answer = Antwoord op dit bericht (of schrijf "#{ $ticket } je antwoord") om te antwoorden. De persoon ziet alleen je voornaam. Neem het ticket eerst, of je eerste antwoord neemt het.
staff-age-now = zojuist
staff-age-minutes = { $n } min geleden
staff-age-hours = { $n } uur geleden
staff-age-days = { $n } dagen geleden
staff-claimed = Ticket #{ $ticket } is genomen door { $name }.
staff-released = { $name } heeft ticket #{ $ticket } teruggegeven. Wie neemt het?
staff-handed = Ticket #{ $ticket } is overgedragen van { $from } aan { $to }.
staff-closed = { $name } heeft ticket #{ $ticket } gesloten.
staff-person-says = Ticket #{ $ticket } · de persoon schrijft:
staff-advisor-wrote = Ticket #{ $ticket } · { $name } antwoordde:
staff-person-left = Ticket #{ $ticket }: de persoon is terug naar de bot. Je antwoorden komen nog steeds aan.
staff-forgotten = Ticket #{ $ticket } is op verzoek van de persoon verwijderd (/forget).
staff-reminder = { $ticket }: niemand heeft dit ticket nog genomen.
staff-list = Tickets die niet gesloten zijn:
staff-list-empty = Er zijn geen open tickets.
staff-state-open = wacht
staff-state-claimed = genomen door { $name }
staff-state-answered = beantwoord door { $name }
staff-claimed-by-other = Ticket #{ $ticket } is genomen door { $name }. Vraag { $name } het over te dragen (/handover { $ticket } uw-naam).
staff-already-yours = Ticket #{ $ticket } is al van u.
staff-not-claimed = Ticket #{ $ticket } is door niemand genomen.
staff-ticket-closed = Ticket #{ $ticket } is gesloten. De persoon kan het weer openen.
staff-no-such-ticket = Er is geen ticket #{ $ticket }.
staff-unknown-advisor = Er is geen adviseur met de naam "{ $name }".
staff-not-advisor = Alleen de adviseurs van deze bot kunnen dat doen.
staff-suggested = Dank u, { $name }: het antwoord op ticket #{ $ticket } staat nu als voorstel voor de kennisbank in het overzicht voor redacteuren.
staff-nothing-to-suggest = Ticket #{ $ticket } heeft nog geen antwoord van een adviseur. Schrijf "/suggest { $ticket } je tekst" om een tekst voor te stellen.
staff-help =
    Commando's voor adviseurs (N is een ticketnummer):
    /tickets: de tickets die niet gesloten zijn
    /claim N: neem ticket N (of druk op Nemen)
    /release N: geef ticket N terug aan de wachtrij
    /handover N naam: draag ticket N over aan een andere adviseur, of aan een partnerorganisatie (partner:naam)
    /reply N tekst: beantwoord ticket N (of antwoord op het bericht)
    /send N onderwerp: stuur het antwoord uit de kennisbank over een onderwerp (bsn, digid, ...) in de taal van de persoon
    /reply-canned N antwoord: stuur een kant-en-klaar antwoord in de taal van de persoon (/replies toont ze)
    /note N tekst: een notitie voor de andere adviseurs, nooit naar de persoon (of "!tekst" in de draad van het ticket)
    /close N: sluit ticket N
    /suggest N [tekst]: stel je antwoord voor voor de kennisbank
    /keep N reden: bewaar een ticket over gevaar langer nadat het gesloten is
    /away en /back: zolang je weg bent, krijg je geen nieuwe tickets aangeboden
staff-help-partner =
    Commando's voor partnerorganisaties (N is een ticketnummer):
    /tickets: de tickets die aan jullie zijn overgedragen
    /reply N tekst: beantwoord ticket N (of antwoord op het bericht)
    /send N onderwerp: stuur het antwoord uit de kennisbank over een onderwerp in de taal van de persoon
    /reply-canned N antwoord: stuur een kant-en-klaar antwoord in de taal van de persoon (/replies toont ze)
    /note N tekst: een notitie voor de adviseurs, nooit naar de persoon (of "!tekst" in de draad van het ticket)
    /release N: geef ticket N terug aan de adviseurs van de gemeente
    /close N: sluit ticket N
staff-button-claim = Nemen
staff-button-release = Teruggeven
staff-button-close = Sluiten
staff-button-suggest = Voorstel voor kennisbank

## A file from the newcomer in a ticket ({ $kind } is one of the staff-media-* words).
staff-person-sent = Ticket #{ $ticket } · de persoon stuurde een { $kind }:
staff-media-photo = foto
staff-media-document = document
staff-media-audio = spraakbericht
staff-media-video = video
staff-media-other = iets dat geen bestand is

## Om de beurt aanbieden, grenzen, afwezig.
staff-offered-to = Om de beurt aangeboden aan:
staff-busy-for = Iedere adviseur die het kan nemen, heeft al zoveel tickets als mag. Voor:
staff-all-away = Alle adviseurs zijn afwezig (/away).
staff-state-offered = wacht, aangeboden aan { $name }
staff-at-limit = Je hebt al { $max } tickets, je maximum. Sluit er eerst een of draag er een over, en neem dan ticket #{ $ticket }.
staff-target-at-limit = { $name } heeft al { $max } tickets, het maximum: ticket #{ $ticket } blijft waar het is.
staff-lapsed = { $name } nam ticket #{ $ticket } maar antwoordde niet binnen { $minutes } minuten kantoortijd: het staat weer in de wachtrij.
staff-away = { $name }, je bent afwezig: je krijgt geen nieuwe tickets aangeboden tot je /back schrijft.
staff-away-holding = Je hebt nog { $tickets }. Draag ze over (/handover N naam) of geef ze terug (/release N) als iemand anders moet antwoorden.
staff-back = Welkom terug, { $name }: je krijgt weer nieuwe tickets aangeboden.

## Notities en bewaren.
staff-notes = Notities voor adviseurs (de persoon ziet deze niet):
staff-note-line = { $name } ({ $age }): { $text }
staff-note-by = Ticket #{ $ticket } · notitie van { $name } (niet naar de persoon gestuurd):
staff-note-saved = Notitie bewaard bij ticket #{ $ticket }. Die is niet naar de persoon gestuurd.
staff-keep-usage = Schrijf waarom het ticket langer bewaard moet worden: /keep { $ticket } reden
staff-keep-not-safeguarding = Ticket #{ $ticket } gaat niet over gevaar. Alleen tickets over gevaar (veiligheid) kunnen langer bewaard worden.
staff-kept = { $name } bewaart ticket #{ $ticket } nog { $days } dagen nadat het gesloten is. Reden: { $reason }
staff-kept-line = Langer bewaard door { $name } op { $date }: { $reason }

## Kant-en-klare antwoorden.
staff-replies = Kant-en-klare antwoorden (in de taal van de persoon):
staff-replies-how = Stuur er een met /reply-canned N id, of met de knop bij het ticket. "elsewhere" heeft een naam nodig: /reply-canned N elsewhere Juridisch Loket.
staff-unknown-reply = Er is geen kant-en-klaar antwoord "{ $reply }". Wel: { $replies }.
staff-reply-needs-who = Dit antwoord noemt wie kan helpen. Schrijf: /reply-canned { $ticket } { $reply } naam
staff-sent-reply = Ticket #{ $ticket } · { $name } stuurde het kant-en-klare antwoord "{ $reply }" in het { $language }:
staff-line-reply = kant-en-klaar antwoord "{ $reply }": { $text }
staff-unknown-topic = Geen enkel onderwerp past precies bij "{ $topic }". Onderwerpen die in de buurt komen: { $options }.
staff-sent-topic = Ticket #{ $ticket } · { $name } stuurde het antwoord "{ $topic }" uit de kennisbank, in het { $language }.
staff-sent-topic-fallback = Ticket #{ $ticket } · { $name } stuurde het antwoord "{ $topic }" uit de kennisbank. Er is nog geen vertaling in het { $wanted }, dus de persoon kreeg het in het { $language }.
staff-line-sent = stuurde het antwoord "{ $topic }"

## Partnerorganisaties.
staff-partner-cannot = Alleen de adviseurs van de gemeente kunnen dat doen.
staff-held-by-partner = Ticket #{ $ticket } ligt bij de partner { $name }. Neem het eerst terug (/release { $ticket } of /handover { $ticket } naam).
staff-handed-partner = Ticket #{ $ticket } is overgedragen van { $from } aan de partnerorganisatie { $partner }. Hun ruimte ziet wat jij hier ziet, nooit het account van de persoon.
staff-partner-received = { $from } draagt ticket #{ $ticket } over aan { $partner }. Antwoord op dit bericht om de persoon te antwoorden; "!tekst" is een notitie voor de adviseurs.
staff-already-with-partner = Ticket #{ $ticket } ligt al bij { $partner }.
staff-with-partner = Bij de partnerorganisatie { $partner }.
staff-state-partner = bij { $partner }

## Matrix: opties in de adviseurskamer zijn reacties op de berichten van het ticket ({ $actions } noemt ze).
staff-matrix-react = Reageer op dit bericht: { $actions }
staff-matrix-number = Een los getal wordt niet naar de persoon gestuurd. Reageer op het bericht van ticket #{ $ticket } om iets te doen ({ $actions }). Wil je het getal naar de persoon sturen, schrijf dan: /reply { $ticket } { $number }
