# Wegwijs: texts of the web chat (the page and the widget). Same message ids in every language.

web-title = Wegwijs: مساعدة للقادمين الجدد في { $municipality }
web-open = هل لديك أسئلة؟ تحدّث مع Wegwijs
web-close = إغلاق المحادثة
web-conversation = المحادثة مع Wegwijs
web-you = أنت
web-bot = Wegwijs
web-question-label = سؤالك
web-placeholder = اكتب سؤالك هنا
web-send = إرسال
web-typing = Wegwijs يكتب…
web-forget = انسَني
web-forget-confirm = هل تريد حذف هذه المحادثة وكل ما حُفظ عنك؟
web-forget-yes = نعم، احذف
web-forget-no = إلغاء
web-slow-down = أنت ترسل الرسائل بسرعة كبيرة. يُرجى الانتظار قليلًا ثم المحاولة مرة أخرى.
web-too-long = هذه الرسالة طويلة جدًا. يُرجى ألا تتجاوز { $max } حرف.
web-offline = انقطع الاتصال. جارٍ إعادة الاتصال…
web-new-tab = (يُفتح في علامة تبويب جديدة)
web-noscript = تحتاج هذه المحادثة إلى JavaScript. يمكنك أيضًا التواصل مباشرة مع بلدية { $municipality }.
web-privacy = تُحفظ هذه المحادثة في هذا المتصفح. زر «انسَني» يحذفها هنا ولدى البلدية.
web-error = حدث خطأ ما. يُرجى المحاولة مرة أخرى بعد قليل.
