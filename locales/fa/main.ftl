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
    سلام! من Wegwijs هستم، یک راهنما برای تازه‌واردها در { $municipality }.
    سؤالت را به زبان خودت بپرس، مثلاً دربارهٔ ثبت نشانی، بیمهٔ درمانی یا یادگیری زبان هلندی.
    با پیوند به صفحه‌های رسمی جواب می‌دهم. اگر نتوانم کمک کنم، از یک نفر می‌خواهم که به تو کمک کند.
help =
    سؤالت را در چند کلمه و به زبان خودت بپرس.
    /language: زبانت را انتخاب کن
    /advisor: با یک نفر صحبت کن
    /forget: همهٔ اطلاعاتی را که دربارهٔ تو ذخیره شده پاک کن
    /help: این راهنما را نشان بده
unknown-command = این دستور را نمی‌شناسم. برای دیدن کارهایی که می‌توانم بکنم /help را بنویس.
empty-question = لطفاً سؤالت را در چند کلمه بنویس.
dont-know = متأسفم، جواب این سؤال را نمی‌دانم. می‌توانی آن را طور دیگری بپرسی یا با یک نفر صحبت کنی.
choose-topic = مطمئن نیستم منظورت چیست. کدام‌یک از این‌ها به سؤالت نزدیک‌تر است؟
answer-language-note = این جواب هنوز به زبان { $wanted } نیست. این جواب به زبان { $shown } است.
draft-note = این ترجمه هنوز بررسی نشده است. اگر چیزی روشن نیست، از یک نفر بپرس.
links-heading = صفحه‌های رسمی:
related-heading = موضوع‌های مرتبط:
button-helped = کمک کرد
button-not-helped = کمک نکرد
button-advisor = با یک نفر صحبت کن
button-language = زبان
feedback-thanks = ممنون که خبر دادی!
feedback-sorry = متأسفم که کمک نکرد. می‌توانی سؤالت را طور دیگری بپرسی یا با یک نفر صحبت کنی.
advisor-requested = از یک مشاور می‌خواهم که به تو کمک کند. مشاور کسی است که به زبان تو صحبت می‌کند. لطفاً همین‌جا منتظر جوابش بمان.
language-menu = زبانت را انتخاب کن:
language-set = از این به بعد به زبان { $language } جواب می‌دهم.
forget-done = همهٔ اطلاعاتی را که دربارهٔ تو ذخیره کرده بودم پاک کردم.
