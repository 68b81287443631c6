# Wegwijs: texts that advisors read, in the advisors' room or a direct chat with the bot.
# Arabic version of locales/en/staff.ftl: the same ids and the same placeables. Choose the language per
# room (`[[escalation.rooms]] language = "ar"`), per advisor (`language`), or for the bot (`advisor_language`).

staff-ticket = التذكرة #{ $ticket } · { $language } · { $age }
staff-urgent-mark = عاجل
staff-urgent = خطر محتمل (عنف أو إساءة أو انتحار أو خطر حاد). حصل الشخص بالفعل على أرقام الطوارئ (112، 113، Veilig Thuis). يُرجى الرد أولًا.
staff-now-urgent = التذكرة #{ $ticket } عاجلة الآن: كتب الشخص عن خطر.
staff-reopened = أعاد الشخص فتح التذكرة #{ $ticket }.
staff-reason-asked = طلب الشخص التحدث مع مستشار.
staff-reason-misses = لم يستطع البوت أن يجيب مرتين متتاليتين.
staff-reason-safeguarding = كتب الشخص كلمات تدل على خطر.
staff-question = السؤال:
staff-transcript = المحادثة الأخيرة:
staff-from-person = الشخص
staff-from-bot = البوت
staff-bot-answered = أجاب بـ«{ $topic }»
staff-bot-offered = اقترح: { $topics }
staff-bot-dont-know = لم يعرف الجواب
staff-for = إلى:
staff-how-to-answer = للرد، أجب على هذه الرسالة (أو اكتب «#{ $ticket } جوابك»). يرى الشخص اسمك الأول فقط. استلم التذكرة أولًا، وإلا فإن ردك الأول يستلمها.
staff-age-now = الآن
staff-age-minutes = قبل { $n } دقيقة
staff-age-hours = قبل { $n } ساعة
staff-age-days = قبل { $n } يوم
staff-claimed = استلم { $name } التذكرة #{ $ticket }.
staff-released = أعاد { $name } التذكرة #{ $ticket } إلى قائمة الانتظار. من يستطيع أن يستلمها؟
staff-handed = نُقلت التذكرة #{ $ticket } من { $from } إلى { $to }.
staff-closed = أغلق { $name } التذكرة #{ $ticket }.
staff-person-says = التذكرة #{ $ticket } · يكتب الشخص:
staff-advisor-wrote = التذكرة #{ $ticket } · أجاب { $name }:
staff-person-left = التذكرة #{ $ticket }: عاد الشخص إلى البوت. ما زالت ردودك تصل إليه.
staff-forgotten = حُذفت التذكرة #{ $ticket } بطلب من الشخص (/forget).
staff-reminder = { $ticket }: لم يستلم أحد هذه التذكرة بعد.
staff-list = التذاكر غير المغلقة:
staff-list-empty = لا توجد تذاكر مفتوحة.
staff-state-open = في الانتظار
staff-state-claimed = استلمها { $name }
staff-state-answered = أجاب عنها { $name }
staff-claimed-by-other = التذكرة #{ $ticket } استلمها { $name }. اطلب من { $name } أن ينقلها إليك (/handover { $ticket } اسمك).
staff-already-yours = التذكرة #{ $ticket } لك بالفعل.
staff-not-claimed = لم يستلم أحد التذكرة #{ $ticket }.
staff-ticket-closed = التذكرة #{ $ticket } مغلقة. يستطيع الشخص أن يعيد فتحها.
staff-no-such-ticket = لا توجد تذكرة #{ $ticket }.
staff-unknown-advisor = لا يوجد مستشار باسم «{ $name }».
staff-not-advisor = يستطيع مستشارو هذا البوت فقط القيام بذلك.
staff-suggested = شكرًا، { $name }: الجواب على التذكرة #{ $ticket } موجود الآن في تقرير المحررين كاقتراح لقاعدة المعرفة.
staff-nothing-to-suggest = لا يوجد بعد جواب من مستشار على التذكرة #{ $ticket }. اكتب «/suggest { $ticket } نصك» لتقترح نصًا.
staff-help =
    أوامر المستشارين (N رقم التذكرة):
    /tickets: قائمة التذاكر غير المغلقة
    /claim N: استلم التذكرة N (أو اضغط «استلام»)
    /release N: أعد التذكرة N إلى قائمة الانتظار
    /handover N الاسم: انقل التذكرة N إلى مستشار آخر، أو إلى منظمة شريكة (partner:الاسم)
    /reply N النص: أجب عن التذكرة N (أو أجب على رسالتها)
    /send N الموضوع: أرسل جواب قاعدة المعرفة عن موضوع (bsn, digid, ...) بلغة الشخص
    /reply-canned N الرد: أرسل ردًا جاهزًا بلغة الشخص (/replies يعرضها)
    /note N النص: ملاحظة للمستشارين الآخرين، لا تُرسل أبدًا إلى الشخص (أو «!النص» في سلسلة رسائل التذكرة)
    /close N: أغلق التذكرة N
    /suggest N [النص]: اقترح جوابك لقاعدة المعرفة
    /keep N السبب: احتفظ بتذكرة عن خطر مدة أطول بعد إغلاقها
    /away و /back: لا تُعرض عليك تذاكر جديدة ما دمت غائبًا
staff-help-partner =
    أوامر المنظمات الشريكة (N رقم التذكرة):
    /tickets: التذاكر التي نُقلت إليكم
    /reply N النص: أجب عن التذكرة N (أو أجب على رسالتها)
    /send N الموضوع: أرسل جواب قاعدة المعرفة عن موضوع بلغة الشخص
    /reply-canned N الرد: أرسل ردًا جاهزًا بلغة الشخص (/replies يعرضها)
    /note N النص: ملاحظة للمستشارين، لا تُرسل أبدًا إلى الشخص (أو «!النص» في سلسلة رسائل التذكرة)
    /release N: أعد التذكرة N إلى مستشاري البلدية
    /close N: أغلق التذكرة N
staff-button-claim = استلام
staff-button-release = إرجاع
staff-button-close = إغلاق
staff-button-suggest = اقتراح لقاعدة المعرفة

## A file from the newcomer in a ticket ({ $kind } is one of the staff-media-* words).
staff-person-sent = التذكرة #{ $ticket } · وصل من الشخص { $kind }:
staff-media-photo = صورة
staff-media-document = مستند
staff-media-audio = رسالة صوتية
staff-media-video = فيديو
staff-media-other = شيء ليس ملفًا

## Offers in turn, limits, away.
staff-offered-to = عُرضت بالتناوب على:
staff-busy-for = كل مستشار يستطيع أن يستلمها لديه الحد الأقصى من التذاكر المسموح له. إلى:
staff-all-away = كل المستشارين غائبون (/away).
staff-state-offered = في الانتظار، عُرضت على { $name }
staff-at-limit = لديك بالفعل { $max } تذكرة، وهذا هو الحد الأقصى لك. أغلق تذكرة أو انقلها أولًا، ثم استلم التذكرة #{ $ticket }.
staff-target-at-limit = لدى { $name } بالفعل { $max } تذكرة، وهذا هو الحد الأقصى له: تبقى التذكرة #{ $ticket } حيث هي.
staff-lapsed = استلم { $name } التذكرة #{ $ticket } لكنه لم يرد خلال { $minutes } دقيقة من وقت العمل: عادت التذكرة إلى قائمة الانتظار.
staff-away = { $name }، أنت غائب: لن تُعرض عليك تذاكر جديدة حتى تكتب /back.
staff-away-holding = ما زالت لديك التذاكر { $tickets }. انقلها (/handover N الاسم) أو أعدها (/release N) إذا كان يجب أن يرد عليها شخص آخر.
staff-back = أهلًا بعودتك، { $name }: ستُعرض عليك التذاكر الجديدة من جديد.

## Notes and keeping.
staff-notes = ملاحظات للمستشارين (لا يراها الشخص):
staff-note-line = { $name } ({ $age }): { $text }
staff-note-by = التذكرة #{ $ticket } · ملاحظة من { $name } (لم تُرسل إلى الشخص):
staff-note-saved = حُفظت الملاحظة في التذكرة #{ $ticket }. لم تُرسل إلى الشخص.
staff-keep-usage = اكتب لماذا يجب الاحتفاظ بالتذكرة مدة أطول: /keep { $ticket } السبب
staff-keep-not-safeguarding = التذكرة #{ $ticket } ليست عن خطر. يمكن الاحتفاظ مدة أطول بالتذاكر المتعلقة بالخطر (safeguarding) فقط.
staff-kept = يحتفظ { $name } بالتذكرة #{ $ticket } مدة { $days } يوم بعد إغلاقها. السبب: { $reason }
staff-kept-line = احتفظ بها { $name } مدة أطول في { $date }: { $reason }

## Ready answers.
staff-replies = ردود جاهزة (تُرسل بلغة الشخص):
staff-replies-how = أرسل ردًا منها بالأمر /reply-canned N id، أو بزره على التذكرة. الرد «elsewhere» يحتاج إلى اسم: /reply-canned N elsewhere Juridisch Loket.
staff-unknown-reply = لا يوجد رد جاهز باسم «{ $reply }». الردود الجاهزة: { $replies }.
staff-reply-needs-who = هذا الرد يذكر من يستطيع المساعدة. اكتب: /reply-canned { $ticket } { $reply } الاسم
staff-sent-reply = التذكرة #{ $ticket } · أرسل { $name } الرد الجاهز «{ $reply }» باللغة { $language }:
staff-line-reply = رد جاهز «{ $reply }»: { $text }
staff-unknown-topic = لا يوجد موضوع واحد يطابق «{ $topic }». مواضيع قريبة: { $options }.
staff-sent-topic = التذكرة #{ $ticket } · أرسل { $name } الجواب «{ $topic }» من قاعدة المعرفة، باللغة { $language }.
staff-sent-topic-fallback = التذكرة #{ $ticket } · أرسل { $name } الجواب «{ $topic }» من قاعدة المعرفة. لا توجد له بعد ترجمة باللغة { $wanted }، لذلك وصل إلى الشخص باللغة { $language }.
staff-line-sent = أرسل الجواب «{ $topic }»

## Partner organisations.
staff-partner-cannot = يستطيع مستشارو البلدية فقط القيام بذلك.
staff-held-by-partner = التذكرة #{ $ticket } عند الشريك { $name }. استرجعها أولًا (/release { $ticket } أو /handover { $ticket } الاسم).
staff-handed-partner = نُقلت التذكرة #{ $ticket } من { $from } إلى المنظمة الشريكة { $partner }. غرفتهم ترى ما تراه أنت هنا، ولا ترى أبدًا حساب الشخص.
staff-partner-received = ينقل { $from } التذكرة #{ $ticket } إلى { $partner }. أجب على هذه الرسالة لترد على الشخص؛ «!النص» ملاحظة للمستشارين.
staff-already-with-partner = التذكرة #{ $ticket } موجودة بالفعل عند { $partner }.
staff-with-partner = عند المنظمة الشريكة { $partner }.
staff-state-partner = عند { $partner }

## Matrix: options in the advisors' room are reactions on the ticket's messages ({ $actions } lists them).
staff-matrix-react = أضف تفاعلًا على هذه الرسالة: { $actions }
staff-matrix-number = الرقم وحده لا يُرسل إلى الشخص. لتنفيذ إجراء على التذكرة #{ $ticket }، أضف تفاعلًا على رسالتها ({ $actions }). لإرسال الرقم إلى الشخص، اكتب: /reply { $ticket } { $number }
