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
advisor-requested = I will ask an advisor to help you. An advisor is a person who speaks your language. Please wait here for their answer.
language-menu = Choose your language:
language-set = From now on I will answer in { $language }.
forget-done = I have deleted everything I stored about you.
