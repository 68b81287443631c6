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
    Я отвечаю со ссылками на официальные страницы. Если я не смогу помочь, я могу попросить человека помочь вам.
help =
    Задайте мне вопрос в нескольких словах, на своём языке.
    /language: выбрать язык
    /advisor: поговорить с человеком
    /forget: удалить всё, что сохранено о вас
    /help: показать эту справку
unknown-command = Я не знаю такой команды. Напишите /help, чтобы узнать, что я умею.
empty-question = Пожалуйста, напишите вопрос в нескольких словах.
dont-know = Извините, я не знаю ответа на этот вопрос. Вы можете спросить иначе или поговорить с человеком.
choose-topic = Я не уверен, что вы имеете в виду. Что из этого лучше всего подходит к вашему вопросу?
answer-language-note = Этого ответа пока нет на языке: { $wanted }. Вот он на языке: { $shown }.
draft-note = Этот перевод ещё не проверен. Если что-то непонятно, поговорите с человеком.
links-heading = Официальные страницы:
related-heading = Похожие темы:
button-helped = Это помогло
button-not-helped = Это не помогло
button-advisor = Поговорить с человеком
button-language = Язык
feedback-thanks = Спасибо, что сообщили!
feedback-sorry = Жаль, что это не помогло. Вы можете задать вопрос иначе или поговорить с человеком.
language-menu = Выберите язык:
language-set = Теперь я буду отвечать на языке: { $language }.
forget-done = Я удалил всё, что сохранил о вас.

## Talking to a person (advisors), danger, days.
advisor-unavailable = В этом чате пока нельзя поговорить с человеком. Вы можете обратиться напрямую в муниципалитет { $municipality }.
ticket-created = Я передал ваш вопрос консультанту (номер { $ticket }). Вам ответит человек здесь. Всё, что вы сейчас пишете, получит консультант.
ticket-created-urgent = Я также попросил консультанта написать вам здесь как можно скорее (номер { $ticket }). Всё, что вы сейчас пишете, получит консультант.
ticket-created-closed = Я передал ваш вопрос консультанту (номер { $ticket }). Сейчас консультанты не работают. Они ответят: { $day }, с { $time }. Всё, что вы сейчас пишете, получит консультант.
ticket-still-open = Ваш разговор с консультантом (номер { $ticket }) ещё открыт. Напишите сообщение здесь; консультант его прочитает.
ticket-waiting = Извините, ваш вопрос ещё никто не взял. Ожидаемое время ответа: { $day }, до { $time }. Вы можете продолжать писать здесь.
ticket-waiting-soon = Извините, ваш вопрос ещё никто не взял. Консультант ответит как можно скорее. Вы можете продолжать писать здесь.
ticket-claimed = Сейчас вам помогает { $name }. { $name } — человек, а не бот.
advisor-says = { $name } (консультант):
ticket-closed = Консультант закрыл этот разговор. Есть новый вопрос? Просто спросите меня. В течение { $hours } ч вы можете снова открыть разговор с консультантом.
ticket-reopened = Ваш разговор с консультантами снова открыт (номер { $ticket }). Напишите сообщение здесь.
ticket-reopen-expired = Этот разговор уже нельзя открыть снова. Задайте вопрос ещё раз или попросите связать вас с человеком.
back-to-bot = Хорошо, я снова отвечаю на ваши вопросы. Консультант всё ещё может писать вам здесь.
relay-resumed = Всё, что вы сейчас пишете, снова получит консультант.
button-back-to-bot = Назад к боту
button-write-advisor = Написать консультанту
button-reopen = Снова открыть разговор
day-today = сегодня
day-tomorrow = завтра
day-mon = понедельник
day-tue = вторник
day-wed = среда
day-thu = четверг
day-fri = пятница
day-sat = суббота
day-sun = воскресенье

## Command menu.
command-start = Начать и выбрать язык
command-help = Что я умею
command-language = Выбрать язык
command-advisor = Поговорить с человеком
command-forget = Удалить всё, что о вас сохранено

# Matrix: a message arrived that the bot could not decrypt.
matrix-undecryptable = Я не смог прочитать ваше последнее сообщение: оно пришло зашифрованным, а ключ я не получил. Пожалуйста, отправьте его ещё раз. Если это повторяется, выйдите и снова войдите в приложении Matrix или начните со мной новый чат.

## Next to a link whose page is in another language than the reader's.
link-language = страница на языке: { $language }

## A photo, document or voice message arrived while no advisor is reading along.
media-received = Я могу читать только текстовые сообщения, а не фото, документы или голосовые сообщения. Если у вас есть письмо, которое вы не можете прочитать, консультант может посмотреть его вместе с вами.
