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
language-menu = Виберіть мову:
language-set = Відтепер я відповідатиму мовою: { $language }.
forget-done = Я видалив усе, що зберіг про вас.

## Talking to a person (advisors), danger, days.
advisor-unavailable = У цьому чаті поки що не можна поговорити з людиною. Ви можете звернутися напряму до gemeente (муніципалітету) { $municipality }.
ticket-created = Я передав ваше питання консультанту (номер { $ticket }). Вам відповість людина тут. Усе, що ви зараз пишете, отримає консультант.
ticket-created-urgent = Я також попросив консультанта написати вам тут якнайшвидше (номер { $ticket }). Усе, що ви зараз пишете, отримає консультант.
ticket-created-closed = Я передав ваше питання консультанту (номер { $ticket }). Зараз консультанти не працюють. Вони відповідатимуть { $day } з { $time }. Усе, що ви зараз пишете, отримає консультант.
ticket-still-open = Ваша розмова з консультантом (номер { $ticket }) ще відкрита. Напишіть повідомлення тут; консультант його прочитає.
ticket-waiting = Вибачте, ніхто ще не взяв ваше питання. Ми очікуємо відповідь { $day } до { $time }. Ви можете писати далі тут.
ticket-waiting-soon = Вибачте, ніхто ще не взяв ваше питання. Консультант відповість якнайшвидше. Ви можете писати далі тут.
ticket-claimed = Зараз вам допомагає { $name }. { $name } — людина, а не бот.
advisor-says = { $name } (консультант):
ticket-closed = Консультант закрив цю розмову. Маєте нове питання? Просто запитайте мене. Протягом { $hours } год ви можете знову відкрити розмову з консультантом.
ticket-reopened = Ваша розмова з консультантами знову відкрита (номер { $ticket }). Напишіть повідомлення тут.
ticket-reopen-expired = Цю розмову вже не можна відкрити. Поставте питання ще раз або попросіть людину.
back-to-bot = Добре, я знову відповідаю на ваші питання. Консультант усе ще може писати вам тут.
relay-resumed = Усе, що ви зараз пишете, знову отримає консультант.
button-back-to-bot = Назад до бота
button-write-advisor = Написати консультанту
button-reopen = Знову відкрити розмову
day-today = сьогодні
day-tomorrow = завтра
day-mon = у понеділок
day-tue = у вівторок
day-wed = у середу
day-thu = у четвер
day-fri = у п'ятницю
day-sat = у суботу
day-sun = у неділю

## Command menu.
command-start = Почати й вибрати мову
command-help = Що я вмію
command-language = Вибрати мову
command-advisor = Поговорити з людиною
command-forget = Видалити все, що про вас збережено

# Matrix: a message arrived that the bot could not decrypt.
matrix-undecryptable = Я не зміг прочитати ваше останнє повідомлення: воно прийшло зашифрованим, а ключа я не отримав. Надішліть його ще раз. Якщо це повторюється, вийдіть і знову увійдіть у застосунку Matrix або почніть зі мною новий чат.

## Next to a link whose page is in another language than the reader's.
link-language = сторінка мовою: { $language }

## A photo, document or voice message arrived while no advisor is reading along.
media-received = Я можу читати лише текстові повідомлення, а не фото, документи чи голосові повідомлення. Якщо у вас є лист, який ви не можете прочитати, консультант може переглянути його разом з вами.

## Queue, leaving a question, partners, rating.
ticket-created-later = Я передав ваше питання консультантам (номер { $ticket }). Консультант відповість вам тут, щойно хтось звільниться. Усе, що ви зараз пишете, отримає консультант.
ticket-created-urgent-closed = Я також попросив консультанта написати вам тут (номер { $ticket }). Зараз консультанти не працюють; вони почнуть знову { $day } о { $time }. Якщо ви зараз у небезпеці, телефонуйте 112.
button-queue = Яке моє місце в черзі?
queue-position = Ваше місце в черзі: { $position }.
queue-wait-minutes = Очікуваний час очікування: від { $low } до { $high } хв.
queue-wait-hours = Очікуваний час очікування: від { $low } до { $high } год.
queue-wait-closing = Сьогодні консультанти закінчують о { $closes }. Якщо до того часу ніхто не звільниться, ви отримаєте відповідь { $day } з { $time }.
queue-opens = Консультанти почнуть знову { $day } о { $time }.
queue-none = Зараз ви не чекаєте на консультанта.
person-closed = Наші консультанти зараз не працюють. Вони почнуть знову { $day } о { $time }.
person-all-away = Зараз немає вільного консультанта.
person-no-language = Зараз немає вільного консультанта, який говорить мовою: { $language }. Наші консультанти говорять такими мовами: { $languages }.
person-leave-offer = Ви можете залишити своє питання тут. Консультант відповість вам пізніше в цьому чаті; чекати тут не потрібно.
button-leave = Залишити питання
partner-says = { $name } (працює разом з муніципалітетом):
ticket-partner = Відтепер вам допомагає { $name }. Ця організація працює разом з муніципалітетом (gemeente). Вони читають ваші повідомлення тут, але не бачать імені вашого акаунта і номера телефону.
rating-question = Чи допомогла вам ця розмова з консультантом?
rating-yes = Так
rating-partly = Частково
rating-no = Ні
rating-thanks = Дякуємо за відповідь! Це допомагає нам працювати краще.

# Offers of a person when none can come now (outside office hours, everyone away, or nobody who speaks
# the language): the question can be left, and an advisor answers here later.
dont-know-later = Вибачте, я не знаю відповіді на це запитання. Ви можете запитати інакше або залишити своє питання для консультанта. Консультант відповість вам тут пізніше.
feedback-sorry-later = Шкода, що це не допомогло. Ви можете поставити запитання інакше або залишити його для консультанта. Консультант відповість вам тут пізніше.
media-received-later = Я можу читати лише текстові повідомлення, а не фото, документи чи голосові повідомлення. Якщо у вас є лист, який ви не можете прочитати, залиште своє питання: консультант зможе переглянути лист разом з вами пізніше.
# The advisor or partner who was helping cannot go on; the question waits for the next advisor.
ticket-back-in-queue = Людина, яка вам допомагала, не може продовжити роботу з вашим питанням. Питання знову передано іншим консультантам: вам не потрібно питати ще раз.
