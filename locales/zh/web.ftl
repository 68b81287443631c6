# Wegwijs: texts of the web chat (the page and the widget). Same message ids in every language.

web-title = Wegwijs：为 { $municipality } 的新居民提供帮助
web-open = 有问题？和 Wegwijs 聊聊
web-close = 关闭聊天
web-conversation = 与 Wegwijs 的对话
web-you = 您
web-bot = Wegwijs
web-question-label = 您的问题
web-placeholder = 请在这里输入您的问题
web-send = 发送
web-typing = Wegwijs 正在输入…
web-forget = 忘记我
web-forget-confirm = 要删除这段对话以及保存的关于您的所有信息吗？
web-forget-yes = 是的，删除
web-forget-no = 取消
web-slow-down = 您发送消息的速度太快了。请稍等片刻再试。
web-too-long = 这条消息太长了。请不要超过 { $max } 个字符。
web-offline = 连接已断开，正在重新连接…
web-new-tab = （在新标签页中打开）
web-noscript = 此聊天需要 JavaScript。您也可以直接联系 { $municipality } 市政府。
web-privacy = 这段对话保存在此浏览器中。点击“忘记我”会将其删除，包括这里和市政府那里的记录。
web-error = 出了点问题。请稍后再试。
