# Wegwijs: texts that newcomers read. One file per language: locales/<lang>/main.ftl.
# Keep the message ids identical in every language; `cargo test` fails when one is missing.

## Names of the languages, written in this file's language.
lang-nl = нидерландский
lang-en = английский
lang-ar = арабский
lang-tr = турецкий
lang-pl = польский
lang-uk = украинский
lang-ru = русский
lang-fa = персидский
lang-ti = тигринья
lang-so = сомалийский
lang-es = испанский
lang-fr = французский
lang-de = немецкий
lang-zh = китайский
lang-pt = португальский
lang-ro = румынский
lang-it = итальянский

## The name of this language in its own script, shown in the language menu.
lang-self = Русский

welcome =
    Здравствуйте! Я Wegwijs, помощник для новых жителей в { $municipality }.
    Задайте мне вопрос на своём языке, например о регистрации по адресу, медицинской страховке или изучении нидерландского.
    Я отвечаю со ссылками на официальные страницы. Если я не смогу помочь, я попрошу человека помочь вам.
help =
    Задайте вопрос в нескольких словах, на своём языке.
    /language: выбрать язык
    /advisor: поговорить с человеком
    /forget: удалить всё, что сохранено о вас
    /help: показать эту справку
unknown-command = Я не знаю такой команды. Напишите /help, чтобы узнать, что я умею.
empty-question = Пожалуйста, напишите вопрос в нескольких словах.
dont-know = Извините, я не знаю ответа на этот вопрос. Вы можете спросить иначе или поговорить с человеком.
choose-topic = Я не уверен, что вы имеете в виду. Что из этого лучше всего подходит к вашему вопросу?
answer-language-note = Этого ответа пока нет на языке: { $wanted }. Вот он на языке: { $shown }.
draft-note = Этот перевод ещё не проверен. Если что-то непонятно, спросите человека.
links-heading = Официальные страницы:
related-heading = Похожие темы:
button-helped = Это помогло
button-not-helped = Это не помогло
button-advisor = Поговорить с человеком
button-language = Язык
feedback-thanks = Спасибо, что сообщили!
feedback-sorry = Жаль, что это не помогло. Вы можете задать вопрос иначе или поговорить с человеком.
advisor-requested = Я попрошу консультанта помочь вам. Консультант — это человек, который говорит на вашем языке. Пожалуйста, ждите ответа здесь.
language-menu = Выберите язык:
language-set = Теперь я буду отвечать на языке: { $language }.
forget-done = Я удалил всё, что сохранил о вас.
