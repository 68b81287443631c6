# Wegwijs: texts that newcomers read. One file per language: locales/<lang>/main.ftl.
# Keep the message ids identical in every language; `cargo test` fails when one is missing.

## Names of the languages, written in this file's language.
lang-nl = 荷兰语
lang-en = 英语
lang-ar = 阿拉伯语
lang-tr = 土耳其语
lang-pl = 波兰语
lang-uk = 乌克兰语
lang-ru = 俄语
lang-fa = 波斯语
lang-ti = 提格利尼亚语
lang-so = 索马里语
lang-es = 西班牙语
lang-fr = 法语
lang-de = 德语
lang-zh = 中文
lang-pt = 葡萄牙语
lang-ro = 罗马尼亚语
lang-it = 意大利语

## The name of this language in its own script, shown in the language menu.
lang-self = 中文

welcome =
    你好！我是 Wegwijs，为 { $municipality } 的新居民提供帮助。
    请用你的语言向我提问，例如关于登记地址、医疗保险或学习荷兰语。
    我会附上官方网页的链接来回答。如果我帮不了你，我可以请一位工作人员来帮助你。
help =
    请用你的语言，用几个词向我提问。
    /language：选择语言
    /advisor：与真人交谈
    /forget：删除关于你保存的所有信息
    /help：显示此帮助
unknown-command = 我不认识这个命令。输入 /help 查看我能做什么。
empty-question = 请用几个词写下你的问题。
dont-know = 抱歉，我不知道这个问题的答案。你可以换一种说法提问，或者与真人交谈。
choose-topic = 我不太确定你的意思。以下哪一项最符合你的问题？
answer-language-note = 这个回答还没有{ $wanted }版本。下面是{ $shown }版本。
draft-note = 这个翻译还没有经过检查。如有不清楚的地方，请询问工作人员。
links-heading = 官方网页：
related-heading = 相关主题：
button-helped = 有帮助
button-not-helped = 没有帮助
button-advisor = 与真人交谈
button-language = 语言
feedback-thanks = 谢谢你的反馈！
feedback-sorry = 很抱歉没有帮到你。你可以换一种说法提问，或者与真人交谈。
advisor-requested = 我会请一位顾问来帮助你。顾问是会说你的语言的人。请在这里等待回复。
language-menu = 请选择语言：
language-set = 从现在起我将用{ $language }回答。
forget-done = 我已删除了关于你保存的所有信息。
