# Wegwijs: texts that newcomers read. One file per language: locales/<lang>/main.ftl.
# Keep the message ids identical in every language; `cargo test` fails when one is missing.

## Names of the languages, written in this file's language.
lang-nl = هلندی
lang-en = انگلیسی
lang-ar = عربی
lang-tr = ترکی
lang-pl = لهستانی
lang-uk = اوکراینی
lang-ru = روسی
lang-fa = فارسی
lang-ti = تیگرینیا
lang-so = سومالیایی
lang-es = اسپانیایی
lang-fr = فرانسوی
lang-de = آلمانی
lang-zh = چینی
lang-pt = پرتغالی
lang-ro = رومانیایی
lang-it = ایتالیایی

## The name of this language in its own script, shown in the language menu.
lang-self = فارسی

welcome =
    سلام! من Wegwijs هستم، راهنمایی برای تازه‌واردها در { $municipality }.
    سؤالتان را به زبان خودتان بپرسید، مثلاً دربارهٔ ثبت نشانی، بیمهٔ درمانی یا یادگیری زبان هلندی.
    با پیوند به صفحه‌های رسمی جواب می‌دهم. اگر نتوانم کمک کنم، از یک نفر می‌خواهم که به شما کمک کند.
help =
    سؤالتان را در چند کلمه و به زبان خودتان بپرسید.
    /language: زبانتان را انتخاب کنید
    /advisor: با یک نفر صحبت کنید
    /forget: همهٔ اطلاعاتی را که دربارهٔ شما ذخیره شده پاک کنید
    /help: این راهنما را ببینید
unknown-command = این دستور را نمی‌شناسم. برای دیدن کارهایی که می‌توانم بکنم، /help را بنویسید.
empty-question = لطفاً سؤالتان را در چند کلمه بنویسید.
dont-know = متأسفم، جواب این سؤال را نمی‌دانم. می‌توانید آن را طور دیگری بپرسید یا با یک نفر صحبت کنید.
choose-topic = مطمئن نیستم منظورتان چیست. کدام‌یک از این‌ها به سؤالتان نزدیک‌تر است؟
answer-language-note = این جواب هنوز به زبان { $wanted } نیست. این جواب به زبان { $shown } است.
draft-note = این ترجمه هنوز بررسی نشده است. اگر چیزی روشن نیست، از یک نفر بپرسید.
links-heading = صفحه‌های رسمی:
related-heading = موضوع‌های مرتبط:
button-helped = کمک کرد
button-not-helped = کمک نکرد
button-advisor = صحبت با یک نفر
button-language = زبان
feedback-thanks = ممنون که خبر دادید!
feedback-sorry = متأسفم که کمک نکرد. می‌توانید سؤالتان را طور دیگری بپرسید یا با یک نفر صحبت کنید.
language-menu = زبانتان را انتخاب کنید:
language-set = از این به بعد به زبان { $language } جواب می‌دهم.
forget-done = همهٔ اطلاعاتی را که دربارهٔ شما ذخیره کرده بودم پاک کردم.

## Talking to a person (advisors), danger, days.
advisor-unavailable = در این گفتگو هنوز نمی‌توانید با یک انسان صحبت کنید. می‌توانید مستقیم با شهرداری { $municipality } تماس بگیرید.
ticket-created = سؤال شما را به یک مشاور دادم (شماره { $ticket }). یک انسان همین‌جا به شما جواب می‌دهد. هر چه الان بنویسید به مشاور می‌رسد.
ticket-created-urgent = از یک مشاور هم خواستم هر چه زودتر همین‌جا به شما بنویسد (شماره { $ticket }). هر چه الان بنویسید به مشاور می‌رسد.
ticket-created-closed = سؤال شما را به یک مشاور دادم (شماره { $ticket }). مشاوران الان کار نمی‌کنند. از { $day } ساعت { $time } جواب می‌دهند. هر چه الان بنویسید به مشاور می‌رسد.
ticket-still-open = گفتگوی شما با مشاور (شماره { $ticket }) هنوز باز است. پیامتان را همین‌جا بنویسید؛ مشاور آن را می‌خواند.
ticket-waiting = متأسفیم، هنوز کسی سؤال شما را برنداشته است. انتظار داریم تا { $day } ساعت { $time } جواب بدهیم. می‌توانید همین‌جا به نوشتن ادامه دهید.
ticket-waiting-soon = متأسفیم، هنوز کسی سؤال شما را برنداشته است. یک مشاور هر چه زودتر جواب می‌دهد. می‌توانید همین‌جا به نوشتن ادامه دهید.
ticket-claimed = الان { $name } به شما کمک می‌کند. { $name } یک انسان است، نه ربات.
advisor-says = { $name } (مشاور):
ticket-closed = مشاور این گفتگو را بست. سؤال تازه‌ای دارید؟ از من بپرسید. تا { $hours } ساعت می‌توانید گفتگو با مشاور را دوباره باز کنید.
ticket-reopened = گفتگوی شما با مشاوران دوباره باز است (شماره { $ticket }). پیامتان را همین‌جا بنویسید.
ticket-reopen-expired = این گفتگو دیگر باز نمی‌شود. سؤالتان را دوباره بپرسید یا درخواست صحبت با یک انسان کنید.
back-to-bot = باشد، دوباره به سؤال‌های شما جواب می‌دهم. مشاور هنوز می‌تواند همین‌جا به شما بنویسد.
relay-resumed = هر چه الان بنویسید دوباره به مشاور می‌رسد.
button-back-to-bot = بازگشت به ربات
button-write-advisor = نوشتن به مشاور
button-reopen = باز کردن دوباره گفتگو
day-today = امروز
day-tomorrow = فردا
day-mon = دوشنبه
day-tue = سه‌شنبه
day-wed = چهارشنبه
day-thu = پنجشنبه
day-fri = جمعه
day-sat = شنبه
day-sun = یکشنبه

## Command menu.
command-start = شروع و انتخاب زبان
command-help = چه کارهایی می‌توانم بکنم
command-language = انتخاب زبان
command-advisor = صحبت با یک انسان
command-forget = پاک کردن همهٔ اطلاعات ذخیره‌شده دربارهٔ شما

# Matrix: a message arrived that the bot could not decrypt.
matrix-undecryptable = نتوانستم آخرین پیام شما را بخوانم: رمزگذاری‌شده رسید و کلید آن به من نرسید. لطفاً دوباره بفرستید. اگر این تکرار شد، در برنامهٔ Matrix خود خارج و دوباره وارد شوید، یا یک گفتگوی تازه با من شروع کنید.

## Next to a link whose page is in another language than the reader's.
link-language = صفحه به زبان { $language }

## A photo, document or voice message arrived while no advisor is reading along.
media-received = من فقط می‌توانم پیام‌های نوشتاری را بخوانم، نه عکس، سند یا پیام صوتی. اگر نامه‌ای دارید که نمی‌توانید بخوانید، یک مشاور می‌تواند همراه شما آن را ببیند.

## Queue, leaving a question, partners, rating.
ticket-created-later = سؤال شما را به مشاوران دادم (شماره { $ticket }). به محض اینکه یک مشاور وقت داشته باشد، همین‌جا به شما جواب می‌دهد. هر چه الان بنویسید به مشاور می‌رسد.
ticket-created-urgent-closed = از یک مشاور هم خواستم که همین‌جا برای شما بنویسد (شماره { $ticket }). مشاوران الان کار نمی‌کنند؛ از { $day } ساعت { $time } دوباره شروع می‌کنند. اگر الان در خطر هستید، با 112 تماس بگیرید.
button-queue = نوبت من در صف چندم است؟
queue-position = نوبت شما در صف: شماره { $position }.
queue-wait-minutes = زمان انتظار تقریبی: { $low } تا { $high } دقیقه.
queue-wait-hours = زمان انتظار تقریبی: { $low } تا { $high } ساعت.
queue-wait-closing = مشاوران امروز ساعت { $closes } کار را تمام می‌کنند. اگر تا آن موقع کسی وقت نداشته باشد، از { $day } ساعت { $time } جواب می‌گیرید.
queue-opens = مشاوران از { $day } ساعت { $time } دوباره شروع می‌کنند.
queue-none = شما الان منتظر مشاور نیستید.
person-closed = مشاوران ما الان کار نمی‌کنند. از { $day } ساعت { $time } دوباره شروع می‌کنند.
person-all-away = الان هیچ مشاوری در دسترس نیست.
person-no-language = الان هیچ مشاوری که { $language } صحبت کند در دسترس نیست. مشاوران ما این زبان‌ها را صحبت می‌کنند: { $languages }.
person-leave-offer = می‌توانید سؤالتان را اینجا بگذارید. یک مشاور بعداً در همین گفتگو به شما جواب می‌دهد؛ لازم نیست اینجا منتظر بمانید.
button-leave = سؤالم را می‌گذارم
partner-says = { $name } (همکار شهرداری):
ticket-partner = از حالا { $name } به شما کمک می‌کند. این سازمان با gemeente (شهرداری) همکاری می‌کند. آن‌ها پیام‌های شما را اینجا می‌خوانند، اما نام حساب و شماره تلفن شما را نمی‌بینند.
rating-question = آیا این گفتگو با مشاور به شما کمک کرد؟
rating-yes = بله
rating-partly = تا حدی
rating-no = نه
rating-thanks = از پاسخ شما متشکریم! این به ما کمک می‌کند کارمان را بهتر کنیم.

# Offers of a person when none can come now (outside office hours, everyone away, or nobody who speaks
# the language): the question can be left, and an advisor answers here later.
dont-know-later = متأسفم، جواب این سؤال را نمی‌دانم. می‌توانید آن را طور دیگری بپرسید یا سؤالتان را برای یک مشاور بگذارید. مشاور بعداً همین‌جا به شما جواب می‌دهد.
feedback-sorry-later = متأسفم که کمک نکرد. می‌توانید سؤالتان را طور دیگری بپرسید یا آن را برای یک مشاور بگذارید. مشاور بعداً همین‌جا به شما جواب می‌دهد.
media-received-later = من فقط می‌توانم پیام‌های نوشتاری را بخوانم، نه عکس، سند یا پیام صوتی. اگر نامه‌ای دارید که نمی‌توانید بخوانید، سؤالتان را بگذارید: یک مشاور می‌تواند بعداً همراه شما نامه را ببیند.
# The advisor or partner who was helping cannot go on; the question waits for the next advisor.
ticket-back-in-queue = کسی که به شما کمک می‌کرد نمی‌تواند کار روی سؤال شما را ادامه دهد. سؤال شما دوباره پیش مشاوران دیگر است: لازم نیست دوباره بپرسید.
