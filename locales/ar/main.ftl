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
advisor-requested = سأطلب من مستشار أن يساعدك. المستشار شخص يتحدث لغتك. من فضلك انتظر جوابه هنا.
language-menu = اختر لغتك:
language-set = من الآن سأجيب باللغة { $language }.
forget-done = لقد حذفت كل ما حفظته عنك.
