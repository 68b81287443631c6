# Wegwijs: texts that advisors read, in the advisors' room or a direct chat with the bot.
# Complete in English and Dutch; other languages fall back to English. Choose the language per room
# (`[[escalation.rooms]] language = "nl"`), per advisor (`language`), or for the bot (`advisor_language`).

staff-ticket = Ticket #{ $ticket } · { $language } · { $age }
staff-urgent-mark = URGENT
staff-urgent = Possible danger (violence, abuse, suicide or acute danger). The person has already received the emergency numbers (112, 113, Veilig Thuis). Please answer first.
staff-now-urgent = Ticket #{ $ticket } is now urgent: the person wrote about danger.
staff-reopened = The person reopened ticket #{ $ticket }.
staff-reason-asked = The person asked for an advisor.
staff-reason-misses = The bot could not answer twice in a row.
staff-reason-safeguarding = The person wrote words about danger.
staff-question = Question:
staff-transcript = Recent conversation:
staff-from-person = Person
staff-from-bot = Bot
staff-bot-answered = answered with "{ $topic }"
staff-bot-offered = offered: { $topics }
staff-bot-dont-know = did not know the answer
staff-for = For:
staff-how-to-answer = Reply to this message (or write "#{ $ticket } your answer") to answer. The person sees your first name only. Claim the ticket first, or your first answer claims it.
staff-age-now = just now
staff-age-minutes = { $n } min ago
staff-age-hours = { $n } h ago
staff-age-days = { $n } days ago
staff-claimed = Ticket #{ $ticket } is claimed by { $name }.
staff-released = { $name } released ticket #{ $ticket }. Who can take it?
staff-handed = Ticket #{ $ticket } was handed from { $from } to { $to }.
staff-closed = { $name } closed ticket #{ $ticket }.
staff-person-says = Ticket #{ $ticket } · the person writes:
staff-advisor-wrote = Ticket #{ $ticket } · { $name } answered:
staff-person-left = Ticket #{ $ticket }: the person went back to the bot. Your answers still reach them.
staff-forgotten = Ticket #{ $ticket } was deleted at the person's request (/forget).
staff-reminder = { $ticket }: nobody has claimed this ticket yet.
staff-list = Tickets that are not closed:
staff-list-empty = There are no open tickets.
staff-state-open = waiting
staff-state-claimed = claimed by { $name }
staff-state-answered = answered by { $name }
staff-claimed-by-other = Ticket #{ $ticket } is claimed by { $name }. Ask { $name } to hand it over (/handover { $ticket } your-name).
staff-already-yours = Ticket #{ $ticket } is already yours.
staff-not-claimed = Ticket #{ $ticket } is not claimed.
staff-ticket-closed = Ticket #{ $ticket } is closed. The person can reopen it.
staff-no-such-ticket = There is no ticket #{ $ticket }.
staff-unknown-advisor = There is no advisor called "{ $name }".
staff-not-advisor = Only the advisors of this bot can do that.
staff-suggested = Thank you, { $name }: the answer to ticket #{ $ticket } is now in the editors' report as a suggestion for the knowledge base.
staff-nothing-to-suggest = Ticket #{ $ticket } has no answer from an advisor yet. Write "/suggest { $ticket } your text" to suggest a text.
staff-help =
    Advisors' commands:
    /tickets: list the tickets that are not closed
    /claim N: take ticket N (or press Claim)
    /release N: give ticket N back to the group
    /handover N name: hand ticket N to another advisor
    /reply N text: answer ticket N (or reply to its message)
    /close N: close ticket N
    /suggest N [text]: suggest your answer for the knowledge base
staff-button-claim = Claim
staff-button-release = Release
staff-button-close = Close
staff-button-suggest = Suggest for the knowledge base

## A file from the newcomer in a ticket ({ $kind } is one of the staff-media-* words).
staff-person-sent = Ticket #{ $ticket } · the person sent a { $kind }:
staff-media-photo = photo
staff-media-document = document
staff-media-audio = voice message
staff-media-video = video
staff-media-other = something that is not a file
