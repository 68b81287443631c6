# Wegwijs: texts that newcomers read. One file per language: locales/<lang>/main.ftl.
# Keep the message ids identical in every language; `cargo test` fails when one is missing.

## Names of the languages, written in this file's language.
lang-nl = الهولندية
lang-en = الإنجليزية
lang-ar = العربية
lang-tr = التركية
lang-pl = البولندية
lang-uk = الأوكرانية
lang-ru = الروسية
lang-fa = الفارسية
lang-ti = التغرينية
lang-so = الصومالية
lang-es = الإسبانية
lang-fr = الفرنسية
lang-de = الألمانية
lang-zh = الصينية
lang-pt = البرتغالية
lang-ro = الرومانية
lang-it = الإيطالية

## The name of this language in its own script, shown in the language menu.
lang-self = العربية

welcome =
    مرحبًا! أنا Wegwijs، مساعد للقادمين الجدد في { $municipality }.
    اطرح عليّ سؤالًا بلغتك، مثلًا عن تسجيل عنوانك أو التأمين الصحي أو تعلّم اللغة الهولندية.
    أجيب مع روابط إلى الصفحات الرسمية. وإذا لم أستطع المساعدة، يمكنني أن أطلب من شخص أن يساعدك.
help =
    اطرح سؤالك بكلمات قليلة وبلغتك.
    /language: اختر لغتك
    /advisor: تحدّث مع شخص
    /forget: احذف كل ما هو محفوظ عنك
    /help: اعرض هذه المساعدة
unknown-command = لا أعرف هذا الأمر. اكتب /help لترى ما يمكنني فعله.
empty-question = من فضلك اكتب سؤالك بكلمات قليلة.
dont-know = عذرًا، لا أعرف الجواب عن هذا السؤال. يمكنك أن تسأل بطريقة أخرى أو أن تتحدث مع شخص.
choose-topic = لست متأكدًا مما تقصد. أيّ من هذه يناسب سؤالك أكثر؟
answer-language-note = هذا الجواب غير متوفر بعد باللغة { $wanted }. إليك الجواب باللغة { $shown }.
draft-note = هذه الترجمة لم تُراجَع بعد. إذا كان شيء غير واضح، اسأل شخصًا.
links-heading = الصفحات الرسمية:
related-heading = مواضيع ذات صلة:
button-helped = هذا ساعدني
button-not-helped = هذا لم يساعدني
button-advisor = تحدّث مع شخص
button-language = اللغة
feedback-thanks = شكرًا لأنك أخبرتني!
feedback-sorry = آسف لأن هذا لم يساعدك. يمكنك أن تطرح سؤالك بطريقة أخرى أو أن تتحدث مع شخص.
language-menu = اختر لغتك:
language-set = من الآن سأجيب باللغة { $language }.
forget-done = لقد حذفت كل ما حفظته عنك.

## Talking to a person (advisors), danger, days.
advisor-unavailable = لا يمكن التحدث مع شخص في هذه المحادثة بعد. يمكنك التواصل مباشرة مع gemeente (البلدية) في { $municipality }.
ticket-created = أرسلت سؤالك إلى مستشار (رقم { $ticket }). سيرد عليك شخص هنا. كل ما تكتبه الآن يصل إلى المستشار.
ticket-created-urgent = طلبت أيضًا من مستشار أن يكتب لك هنا في أسرع وقت (رقم { $ticket }). كل ما تكتبه الآن يصل إلى المستشار.
ticket-created-closed = أرسلت سؤالك إلى مستشار (رقم { $ticket }). المستشارون لا يعملون الآن. سيردون { $day } ابتداءً من الساعة { $time }. كل ما تكتبه الآن يصل إلى المستشار.
ticket-still-open = محادثتك مع المستشار (رقم { $ticket }) ما زالت مفتوحة. اكتب رسالتك هنا وسيقرؤها المستشار.
ticket-waiting = نعتذر، لم يستلم أحد سؤالك بعد. نتوقع ردًا { $day } بحلول الساعة { $time }. يمكنك متابعة الكتابة هنا.
ticket-waiting-soon = نعتذر، لم يستلم أحد سؤالك بعد. سيرد مستشار في أسرع وقت ممكن. يمكنك متابعة الكتابة هنا.
ticket-claimed = { $name } يساعدك الآن. { $name } شخص حقيقي وليس البوت.
advisor-says = { $name } (مستشار):
ticket-closed = أغلق المستشار هذه المحادثة. هل لديك سؤال جديد؟ اسألني. يمكنك إعادة فتح المحادثة مع المستشار خلال { $hours } ساعة.
ticket-reopened = محادثتك مع المستشارين مفتوحة من جديد (رقم { $ticket }). اكتب رسالتك هنا.
ticket-reopen-expired = لا يمكن إعادة فتح هذه المحادثة بعد الآن. اطرح سؤالك من جديد أو اطلب التحدث مع شخص.
back-to-bot = حسنًا، سأجيب عن أسئلتك من جديد. ما زال بإمكان المستشار أن يكتب لك هنا.
relay-resumed = كل ما تكتبه الآن يصل إلى المستشار من جديد.
button-back-to-bot = العودة إلى البوت
button-write-advisor = اكتب إلى المستشار
button-reopen = إعادة فتح المحادثة
day-today = اليوم
day-tomorrow = غدًا
day-mon = يوم الاثنين
day-tue = يوم الثلاثاء
day-wed = يوم الأربعاء
day-thu = يوم الخميس
day-fri = يوم الجمعة
day-sat = يوم السبت
day-sun = يوم الأحد

## Command menu.
command-start = ابدأ واختر لغتك
command-help = ماذا أستطيع أن أفعل
command-language = اختر لغتك
command-advisor = تحدث مع شخص
command-forget = احذف كل ما هو محفوظ عنك

# Matrix: a message arrived that the bot could not decrypt.
matrix-undecryptable = لم أستطع قراءة رسالتك الأخيرة: وصلت مشفرة ولم أحصل على المفتاح. أرسلها مرة أخرى من فضلك. إذا تكرر ذلك، سجّل الخروج ثم الدخول في تطبيق Matrix، أو ابدأ محادثة جديدة معي.

## Next to a link whose page is in another language than the reader's.
link-language = صفحة باللغة { $language }

## A photo, document or voice message arrived while no advisor is reading along.
media-received = أستطيع قراءة الرسائل النصية فقط، وليس الصور أو المستندات أو الرسائل الصوتية. إذا كانت لديك رسالة لا تستطيع قراءتها، يمكن لمستشار أن ينظر فيها معك.

## Queue, leaving a question, partners, rating.
ticket-created-later = أرسلت سؤالك إلى المستشارين (رقم { $ticket }). سيرد عليك مستشار هنا عندما يصبح أحدهم متاحًا. كل ما تكتبه الآن يصل إلى المستشار.
ticket-created-urgent-closed = طلبت أيضًا من مستشار أن يكتب إليك هنا (رقم { $ticket }). المستشارون لا يعملون الآن، ويبدؤون من جديد { $day } الساعة { $time }. إذا كنت في خطر الآن، اتصل بالرقم 112.
button-queue = ما دوري في قائمة الانتظار؟
queue-position = دورك رقم { $position } في قائمة الانتظار.
queue-wait-minutes = وقت الانتظار المتوقع: من { $low } إلى { $high } دقيقة.
queue-wait-hours = وقت الانتظار المتوقع: من { $low } إلى { $high } ساعة.
queue-wait-closing = يتوقف المستشارون اليوم الساعة { $closes }. إذا لم يتفرغ أحد قبل ذلك، ستحصل على رد ابتداءً من { $day } الساعة { $time }.
queue-opens = يبدأ المستشارون من جديد { $day } الساعة { $time }.
queue-none = أنت لا تنتظر مستشارًا الآن.
person-closed = مستشارونا لا يعملون الآن. يبدؤون من جديد { $day } الساعة { $time }.
person-all-away = لا يوجد مستشار متاح الآن.
person-no-language = لا يوجد الآن مستشار متاح يتكلم { $language }. مستشارونا يتكلمون: { $languages }.
person-leave-offer = يمكنك أن تترك سؤالك هنا. سيرد عليك مستشار لاحقًا في هذه المحادثة، ولا حاجة لأن تنتظر هنا.
button-leave = أترك سؤالي
partner-says = { $name } (تعمل مع البلدية):
ticket-partner = من الآن تساعدك { $name }. هذه المنظمة تعمل مع gemeente (البلدية). يقرؤون رسائلك هنا، لكنهم لا يرون اسم حسابك ولا رقم هاتفك.
rating-question = هل ساعدتك هذه المحادثة مع المستشار؟
rating-yes = نعم
rating-partly = قليلًا
rating-no = لا
rating-thanks = شكرًا على إجابتك! هذا يساعدنا على أن نعمل بشكل أفضل.

# Offers of a person when none can come now (outside office hours, everyone away, or nobody who speaks
# the language): the question can be left, and an advisor answers here later.
dont-know-later = عذرًا، لا أعرف الجواب عن هذا السؤال. يمكنك أن تسأل بطريقة أخرى، أو أن تترك سؤالك لمستشار، وسيرد عليك هنا لاحقًا.
feedback-sorry-later = آسف لأن هذا لم يساعدك. يمكنك أن تطرح سؤالك بطريقة أخرى، أو أن تتركه لمستشار، وسيرد عليك هنا لاحقًا.
media-received-later = أستطيع قراءة الرسائل النصية فقط، وليس الصور أو المستندات أو الرسائل الصوتية. إذا كانت لديك رسالة لا تستطيع قراءتها، اترك سؤالك: يمكن لمستشار أن ينظر فيها معك لاحقًا.
# The advisor or partner who was helping cannot go on; the question waits for the next advisor.
ticket-back-in-queue = الشخص الذي كان يساعدك لا يستطيع أن يتابع سؤالك. عاد سؤالك إلى المستشارين الآخرين، ولا حاجة لأن تطرحه من جديد.
