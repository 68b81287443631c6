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
