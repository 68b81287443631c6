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
    Opdrachten voor adviseurs:
    /tickets: de tickets die niet gesloten zijn
    /claim N: ticket N nemen (of druk op Nemen)
    /release N: ticket N teruggeven aan de groep
    /handover N naam: ticket N overdragen aan een andere adviseur
    /reply N tekst: ticket N beantwoorden (of antwoord op het bericht)
    /close N: ticket N sluiten
    /suggest N [tekst]: je antwoord voorstellen voor de kennisbank
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
