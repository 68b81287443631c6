# Wegwijs: texts that newcomers read. One file per language: locales/<lang>/main.ftl.
# Keep the message ids identical in every language; `cargo test` fails when one is missing.

## Names of the languages, written in this file's language.
lang-nl = Dutch
lang-en = English
lang-ar = Arabic
lang-tr = Turkish
lang-pl = Polish
lang-uk = Ukrainian
lang-ru = Russian
lang-fa = Persian
lang-ti = Tigrinya
lang-so = Somali
lang-es = Spanish
lang-fr = French
lang-de = German
lang-zh = Chinese
lang-pt = Portuguese
lang-ro = Romanian
lang-it = Italian

## The name of this language in its own script, shown in the language menu.
lang-self = English

welcome =
    Hello! I am Wegwijs, a helper for newcomers in { $municipality }.
    Ask me a question in your own language, for example about registering your address, health insurance or learning Dutch.
    I answer with links to the official pages. When I cannot help, I can ask a person to help you.
help =
    Ask me a question in a few words, in your own language.
    /language: choose your language
    /advisor: talk to a person
    /forget: delete everything stored about you
    /help: show this help
unknown-command = I do not know that command. Type /help to see what I can do.
empty-question = Please type your question in a few words.
dont-know = Sorry, I do not know the answer to that question. You can ask it in other words, or talk to a person.
choose-topic = I am not sure what you mean. Which of these fits your question best?
answer-language-note = This answer is not available in { $wanted } yet. Here it is in { $shown }.
draft-note = This translation has not been checked yet. If something is unclear, ask a person.
links-heading = Official pages:
related-heading = Related topics:
button-helped = This helped
button-not-helped = This did not help
button-advisor = Talk to a person
button-language = Language
feedback-thanks = Thank you for letting me know!
feedback-sorry = Sorry that this did not help. You can ask your question in other words, or talk to a person.
language-menu = Choose your language:
language-set = From now on I will answer in { $language }.
forget-done = I have deleted everything I stored about you.

## Talking to a person (advisors).
advisor-unavailable = Talking to a person is not possible in this chat yet. You can contact the municipality of { $municipality } directly.
ticket-created = I have passed your question to an advisor (number { $ticket }). A person will answer you here. Everything you write now goes to the advisor.
ticket-created-urgent = I have also asked an advisor to write to you here as soon as possible (number { $ticket }). Everything you write now goes to the advisor.
ticket-created-closed = I have passed your question to an advisor (number { $ticket }). Advisors are not working right now. They will answer from { $day } { $time }. Everything you write now goes to the advisor.
ticket-still-open = Your conversation with an advisor (number { $ticket }) is still open. Write your message here; the advisor will read it.
ticket-waiting = Nobody has picked up your question yet, sorry. We expect an answer by { $day } { $time }. You can keep writing here.
ticket-waiting-soon = Nobody has picked up your question yet, sorry. An advisor will answer as soon as possible. You can keep writing here.
ticket-claimed = { $name } is now helping you. { $name } is a person, not the bot.
advisor-says = { $name } (advisor):
ticket-closed = The advisor has closed this conversation. Do you have a new question? Just ask me. Within { $hours } hours you can reopen the conversation with the advisor.
ticket-reopened = Your conversation with the advisors is open again (number { $ticket }). Write your message here.
ticket-reopen-expired = This conversation cannot be reopened any more. Ask your question again, or ask for a person.
back-to-bot = OK, I will answer your questions again. The advisor can still write to you here.
relay-resumed = Everything you write now goes to the advisor again.
button-back-to-bot = Back to the bot
button-write-advisor = Write to the advisor
button-reopen = Reopen the conversation

## Days, for "from Monday 09:00".
day-today = today
day-tomorrow = tomorrow
day-mon = Monday
day-tue = Tuesday
day-wed = Wednesday
day-thu = Thursday
day-fri = Friday
day-sat = Saturday
day-sun = Sunday

## The command menu (Telegram shows it in the person's app language).
command-start = Start and choose your language
command-help = What I can do
command-language = Choose your language
command-advisor = Talk to a person
command-forget = Delete everything stored about you

# Matrix: a message arrived that the bot could not decrypt.
matrix-undecryptable = I could not read your last message: it arrived encrypted and I did not get the key. Please send it again. If this keeps happening, sign out and in again in your Matrix app, or start a new chat with me.

## Next to a link whose page is in another language than the reader's.
link-language = page in { $language }

## A photo, document or voice message arrived while no advisor is reading along.
media-received = I can only read text messages, not photos, documents or voice messages. If you have a letter you cannot read, an advisor can look at it with you.

## Where the newcomer stands, when nobody can come, partners, and a rating after a conversation.
ticket-created-later = I have passed your question to the advisors (number { $ticket }). An advisor will answer you here as soon as one is free. Everything you write now goes to the advisor.
ticket-created-urgent-closed = I have also asked an advisor to write to you here (number { $ticket }). Advisors are not working right now; they start again { $day } at { $time }. If you are in danger now, call 112.
button-queue = Where am I in the queue?
queue-position = You are number { $position } in the queue.
queue-wait-minutes = Expected wait: { $low } to { $high } minutes.
queue-wait-hours = Expected wait: { $low } to { $high } hours.
queue-wait-closing = Advisors stop at { $closes } today. If nobody is free before then, you will get an answer from { $day } { $time }.
queue-opens = Advisors start again { $day } at { $time }.
queue-none = You are not waiting for an advisor right now.
person-closed = Our advisors are not working right now. They start again { $day } at { $time }.
person-all-away = No advisor is available right now.
person-no-language = No advisor who speaks { $language } is available right now. Our advisors speak { $languages }.
person-leave-offer = You can leave your question here. An advisor will answer you in this chat later; you do not need to wait here.
button-leave = Leave my question
partner-says = { $name } (works with the municipality):
ticket-partner = From now on { $name } helps you. This organisation works with the municipality. They read your messages here, but they do not see your account name or phone number.
rating-question = Did this conversation with the advisor help you?
rating-yes = Yes
rating-partly = Partly
rating-no = No
rating-thanks = Thank you for your answer! It helps us do better.

# Offers of a person when none can come now (outside office hours, everyone away, or nobody who speaks
# the language): the question can be left, and an advisor answers here later.
dont-know-later = Sorry, I do not know the answer to that question. You can ask it in other words, or leave your question for an advisor, who will answer you here later.
feedback-sorry-later = Sorry that this did not help. You can ask your question in other words, or leave it for an advisor, who will answer you here later.
media-received-later = I can only read text messages, not photos, documents or voice messages. If you have a letter you cannot read, leave your question: an advisor can look at it with you later.
# The advisor or partner who was helping cannot go on; the question waits for the next advisor.
ticket-back-in-queue = The person who was helping you cannot go on with your question. It is back with the other advisors: you do not have to ask again.
