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
    您好！我是 Wegwijs，为 { $municipality } 的新居民提供帮助。
    请用您的语言向我提问，例如关于登记地址、医疗保险或学习荷兰语。
    我会附上官方网页的链接来回答。如果我帮不了您，我可以请一位工作人员来帮助您。
help =
    请用您的语言，用几个词向我提问。
    /language：选择语言
    /advisor：与真人交谈
    /forget：删除我保存的关于您的所有信息
    /help：显示此帮助
unknown-command = 我不认识这个命令。输入 /help 查看我能做什么。
empty-question = 请用几个词写下您的问题。
dont-know = 抱歉，我不知道这个问题的答案。您可以换一种说法提问，或者与真人交谈。
choose-topic = 我不太确定您的意思。以下哪一项最符合您的问题？
answer-language-note = 这个回答还没有{ $wanted }版本。下面是{ $shown }版本。
draft-note = 这个翻译还没有经过检查。如有不清楚的地方，请询问工作人员。
links-heading = 官方网页：
related-heading = 相关主题：
button-helped = 有帮助
button-not-helped = 没有帮助
button-advisor = 与真人交谈
button-language = 语言
feedback-thanks = 谢谢您的反馈！
feedback-sorry = 很抱歉没有帮到您。您可以换一种说法提问，或者与真人交谈。
language-menu = 请选择语言：
language-set = 从现在起我将用{ $language }回答。
forget-done = 我已删除了我保存的关于您的所有信息。

## Talking to a person (advisors), danger, days.
advisor-unavailable = 目前在这个聊天中还不能和真人交谈。您可以直接联系 { $municipality } 的 gemeente（市政府）。
ticket-created = 我已把您的问题转给一位顾问（编号 { $ticket }）。会有真人在这里回答您。您现在写的所有内容都会发给顾问。
ticket-created-urgent = 我也已请一位顾问尽快在这里给您写信（编号 { $ticket }）。您现在写的所有内容都会发给顾问。
ticket-created-closed = 我已把您的问题转给一位顾问（编号 { $ticket }）。顾问现在不在工作时间。他们将从 { $day } { $time } 开始回答。您现在写的所有内容都会发给顾问。
ticket-still-open = 您与顾问的对话（编号 { $ticket }）仍然开着。请在这里写您的消息，顾问会看到。
ticket-waiting = 抱歉，还没有人接手您的问题。我们预计在 { $day } { $time } 之前回答。您可以继续在这里写。
ticket-waiting-soon = 抱歉，还没有人接手您的问题。顾问会尽快回答。您可以继续在这里写。
ticket-claimed = 现在由 { $name } 帮助您。{ $name } 是真人，不是机器人。
advisor-says = { $name }（顾问）：
ticket-closed = 顾问已结束这次对话。有新问题吗？直接问我吧。在 { $hours } 小时内，您可以重新打开与顾问的对话。
ticket-reopened = 您与顾问的对话已重新打开（编号 { $ticket }）。请在这里写您的消息。
ticket-reopen-expired = 这次对话已不能再打开。请重新提问，或要求和真人交谈。
back-to-bot = 好的，我会再次回答您的问题。顾问仍然可以在这里给您写信。
relay-resumed = 您现在写的所有内容会再次发给顾问。
button-back-to-bot = 回到机器人
button-write-advisor = 给顾问写信
button-reopen = 重新打开对话
day-today = 今天
day-tomorrow = 明天
day-mon = 星期一
day-tue = 星期二
day-wed = 星期三
day-thu = 星期四
day-fri = 星期五
day-sat = 星期六
day-sun = 星期日

## Command menu.
command-start = 开始并选择语言
command-help = 我能做什么
command-language = 选择语言
command-advisor = 和真人交谈
command-forget = 删除关于您的所有记录

# Matrix: a message arrived that the bot could not decrypt.
matrix-undecryptable = 我无法读取您的上一条消息：它是加密的，而我没有收到密钥。请再发送一次。如果经常这样，请在您的 Matrix 应用中退出后重新登录，或与我开始一个新的聊天。

## Next to a link whose page is in another language than the reader's.
link-language = 网页语言：{ $language }

## A photo, document or voice message arrived while no advisor is reading along.
media-received = 我只能阅读文字消息，无法阅读照片、文件或语音消息。如果您有看不懂的信件，顾问可以和您一起看。

## Queue, leaving a question, partners, rating.
ticket-created-later = 我已把您的问题转给顾问们（编号 { $ticket }）。一有顾问空闲，就会在这里回答您。您现在写的所有内容都会发给顾问。
ticket-created-urgent-closed = 我也已请一位顾问在这里给您写信（编号 { $ticket }）。顾问现在不在工作时间，将于 { $day } { $time } 重新开始工作。如果您现在有危险，请拨打 112。
button-queue = 我在队列中排第几？
queue-position = 您在队列中排第 { $position } 位。
queue-wait-minutes = 预计等待时间：{ $low } 到 { $high } 分钟。
queue-wait-hours = 预计等待时间：{ $low } 到 { $high } 小时。
queue-wait-closing = 顾问今天 { $closes } 下班。如果在那之前没有人空闲，您将从 { $day } { $time } 起得到回答。
queue-opens = 顾问将于 { $day } { $time } 重新开始工作。
queue-none = 您现在没有在等待顾问。
person-closed = 我们的顾问现在不在工作时间。他们将于 { $day } { $time } 重新开始工作。
person-all-away = 现在没有可以提供帮助的顾问。
person-no-language = 现在没有会说{ $language }的顾问可以提供帮助。我们的顾问会说：{ $languages }。
person-leave-offer = 您可以把问题留在这里。稍后会有顾问在这个对话中回答您；您不需要在这里等待。
button-leave = 留下我的问题
partner-says = { $name }（与市政府合作）：
ticket-partner = 从现在起由 { $name } 为您提供帮助。这个组织与 gemeente（市政府）合作。他们会在这里阅读您的消息，但看不到您的账户名和电话号码。
rating-question = 这次与顾问的对话对您有帮助吗？
rating-yes = 有帮助
rating-partly = 有一点
rating-no = 没有
rating-thanks = 感谢您的回答！这能帮助我们做得更好。

# Offers of a person when none can come now (outside office hours, everyone away, or nobody who speaks
# the language): the question can be left, and an advisor answers here later.
dont-know-later = 抱歉，我不知道这个问题的答案。您可以换一种说法提问，或者把问题留给顾问，顾问稍后会在这里回答您。
feedback-sorry-later = 很抱歉没有帮到您。您可以换一种说法提问，或者把问题留给顾问，顾问稍后会在这里回答您。
media-received-later = 我只能阅读文字消息，无法阅读照片、文件或语音消息。如果您有看不懂的信件，请留下您的问题：顾问稍后可以和您一起看这封信。
# The advisor or partner who was helping cannot go on; the question waits for the next advisor.
ticket-back-in-queue = 之前帮助您的人无法继续处理您的问题。您的问题已回到其他顾问那里：您不需要重新提问。
