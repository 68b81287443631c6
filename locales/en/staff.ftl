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
    Advisors' commands (N is a ticket number):
    /tickets: list the tickets that are not closed
    /claim N: take ticket N (or press Claim)
    /release N: give ticket N back to the queue
    /handover N name: hand ticket N to another advisor, or to a partner organisation (partner:name)
    /reply N text: answer ticket N (or reply to its message)
    /send N topic: send the knowledge base's answer on a topic (bsn, digid, ...) in the person's language
    /reply-canned N reply: send a ready reply in the person's language (/replies lists them)
    /note N text: a note for the other advisors, never sent to the person (or "!text" in the ticket's thread)
    /close N: close ticket N
    /suggest N [text]: suggest your answer for the knowledge base
    /keep N reason: keep a ticket about danger longer after it closes
    /away and /back: no new tickets are offered to you while you are away
staff-help-partner =
    Commands for partner organisations (N is a ticket number):
    /tickets: the tickets handed to you
    /reply N text: answer ticket N (or reply to its message)
    /send N topic: send the knowledge base's answer on a topic in the person's language
    /reply-canned N reply: send a ready reply in the person's language (/replies lists them)
    /note N text: a note for the advisors, never sent to the person (or "!text" in the ticket's thread)
    /release N: give ticket N back to the municipality's advisors
    /close N: close ticket N
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

## Offers in turn, limits, away.
staff-offered-to = Offered in turn to:
staff-busy-for = Every advisor who could take it holds as many tickets as they may. For:
staff-all-away = All advisors are away (/away).
staff-state-offered = waiting, offered to { $name }
staff-at-limit = You already hold { $max } tickets, your limit. Close or hand over one first, then take ticket #{ $ticket }.
staff-target-at-limit = { $name } already holds { $max } tickets, their limit: ticket #{ $ticket } stays where it is.
staff-lapsed = { $name } claimed ticket #{ $ticket } but did not answer within { $minutes } minutes of office time: it is back in the queue.
staff-away = { $name }, you are away: no new tickets are offered to you until you write /back.
staff-away-holding = You still hold { $tickets }. Hand them over (/handover N name) or release them (/release N) if someone else should answer.
staff-back = Welcome back, { $name }: new tickets are offered to you again.

## Notes and keeping.
staff-notes = Notes for advisors (the person does not see these):
staff-note-line = { $name } ({ $age }): { $text }
staff-note-by = Ticket #{ $ticket } · note by { $name } (not sent to the person):
staff-note-saved = Note saved on ticket #{ $ticket }. It was not sent to the person.
staff-keep-usage = Write why the ticket must be kept longer: /keep { $ticket } reason
staff-keep-not-safeguarding = Ticket #{ $ticket } is not about danger. Only tickets about danger (safeguarding) can be kept longer.
staff-kept = { $name } keeps ticket #{ $ticket } for { $days } days after it closes. Reason: { $reason }
staff-kept-line = Kept longer by { $name } on { $date }: { $reason }

## Ready answers.
staff-replies = Ready replies (sent in the person's language):
staff-replies-how = Send one with /reply-canned N id, or with its button on the ticket. "elsewhere" needs a name: /reply-canned N elsewhere Juridisch Loket.
staff-unknown-reply = There is no ready reply "{ $reply }". Ready replies: { $replies }.
staff-reply-needs-who = This reply names who can help. Write: /reply-canned { $ticket } { $reply } name
staff-sent-reply = Ticket #{ $ticket } · { $name } sent the ready reply "{ $reply }" in { $language }:
staff-line-reply = ready reply "{ $reply }": { $text }
staff-unknown-topic = No single topic matches "{ $topic }". Topics that come close: { $options }.
staff-sent-topic = Ticket #{ $ticket } · { $name } sent the answer "{ $topic }" from the knowledge base, in { $language }.
staff-sent-topic-fallback = Ticket #{ $ticket } · { $name } sent the answer "{ $topic }" from the knowledge base. It has no { $wanted } translation yet, so the person got it in { $language }.
staff-line-sent = sent the answer "{ $topic }"

## Partner organisations.
staff-partner-cannot = Only the municipality's advisors can do that.
staff-held-by-partner = Ticket #{ $ticket } is with the partner { $name }. Take it back first (/release { $ticket } or /handover { $ticket } name).
staff-handed-partner = Ticket #{ $ticket } was handed from { $from } to the partner organisation { $partner }. Their room sees what you see here, never the person's account.
staff-partner-received = { $from } hands ticket #{ $ticket } to { $partner }. Reply to this message to answer the person; "!text" is a note for the advisors.
staff-already-with-partner = Ticket #{ $ticket } is already with { $partner }.
staff-with-partner = With the partner organisation { $partner }.
staff-state-partner = with { $partner }

## Matrix: options in the advisors' room are reactions on the ticket's messages ({ $actions } lists them).
staff-matrix-react = React to this message: { $actions }
staff-matrix-number = A number alone is not sent to the person. To act on ticket #{ $ticket }, react to its message ({ $actions }). To send the number to the person, write: /reply { $ticket } { $number }
