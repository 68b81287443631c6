# Wegwijs: texts of the web chat (the page and the widget). Same message ids in every language.

web-title = Wegwijs: помощь для новых жителей в { $municipality }
web-open = Есть вопросы? Напишите Wegwijs
web-close = Закрыть чат
web-conversation = Разговор с Wegwijs
web-you = Вы
web-bot = Wegwijs
web-question-label = Ваш вопрос
web-placeholder = Напишите здесь свой вопрос
web-send = Отправить
web-typing = Wegwijs пишет…
web-forget = Забудьте меня
web-forget-confirm = Удалить этот разговор и всё, что сохранено о вас?
web-forget-yes = Да, удалить
web-forget-no = Отмена
web-slow-down = Вы отправляете сообщения очень быстро. Подождите немного и попробуйте ещё раз.
web-too-long = Это сообщение слишком длинное. Пожалуйста, не больше { $max } символов.
web-offline = Соединение потеряно. Подключаемся снова…
web-new-tab = (откроется в новой вкладке)
web-noscript = Для этого чата нужен JavaScript. Вы также можете обратиться напрямую в муниципалитет { $municipality }.
web-privacy = Этот разговор сохраняется в этом браузере. «Забудьте меня» удаляет его здесь и в муниципалитете.
web-error = Что-то пошло не так. Попробуйте ещё раз чуть позже.
