# Wegwijs: texts that newcomers read. One file per language: locales/<lang>/main.ftl.
# Keep the message ids identical in every language; `cargo test` fails when one is missing.

## Names of the languages, written in this file's language.
lang-nl = нідерландська
lang-en = англійська
lang-ar = арабська
lang-tr = турецька
lang-pl = польська
lang-uk = українська
lang-ru = російська
lang-fa = перська
lang-ti = тигринья
lang-so = сомалі
lang-es = іспанська
lang-fr = французька
lang-de = німецька
lang-zh = китайська
lang-pt = португальська
lang-ro = румунська
lang-it = італійська

## The name of this language in its own script, shown in the language menu.
lang-self = Українська

welcome =
    Вітаю! Я Wegwijs, помічник для новоприбулих у { $municipality }.
    Поставте мені запитання своєю мовою, наприклад про реєстрацію адреси, медичне страхування чи вивчення нідерландської.
    Я відповідаю з посиланнями на офіційні сторінки. Якщо я не зможу допомогти, я попрошу людину допомогти вам.
help =
    Поставте запитання кількома словами, своєю мовою.
    /language: вибрати мову
    /advisor: поговорити з людиною
    /forget: видалити все, що збережено про вас
    /help: показати цю довідку
unknown-command = Я не знаю такої команди. Напишіть /help, щоб побачити, що я вмію.
empty-question = Будь ласка, напишіть запитання кількома словами.
dont-know = Вибачте, я не знаю відповіді на це запитання. Ви можете запитати інакше або поговорити з людиною.
choose-topic = Я не впевнений, що ви маєте на увазі. Що з цього найкраще підходить до вашого запитання?
answer-language-note = Цієї відповіді ще немає мовою: { $wanted }. Ось вона мовою: { $shown }.
draft-note = Цей переклад ще не перевірено. Якщо щось незрозуміло, запитайте людину.
links-heading = Офіційні сторінки:
related-heading = Пов'язані теми:
button-helped = Це допомогло
button-not-helped = Це не допомогло
button-advisor = Поговорити з людиною
button-language = Мова
feedback-thanks = Дякую, що повідомили!
feedback-sorry = Шкода, що це не допомогло. Ви можете поставити запитання інакше або поговорити з людиною.
advisor-requested = Я попрошу консультанта допомогти вам. Консультант — це людина, яка говорить вашою мовою. Будь ласка, чекайте на відповідь тут.
language-menu = Виберіть мову:
language-set = Відтепер я відповідатиму мовою: { $language }.
forget-done = Я видалив усе, що зберіг про вас.
