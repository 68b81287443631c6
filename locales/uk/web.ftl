# Wegwijs: texts of the web chat (the page and the widget). Same message ids in every language.

web-title = Wegwijs: допомога для новоприбулих у { $municipality }
web-open = Маєте запитання? Напишіть Wegwijs
web-close = Закрити чат
web-conversation = Розмова з Wegwijs
web-you = Ви
web-bot = Wegwijs
web-question-label = Ваше запитання
web-placeholder = Напишіть тут своє запитання
web-send = Надіслати
web-typing = Wegwijs пише…
web-forget = Забудьте мене
web-forget-confirm = Видалити цю розмову та все, що збережено про вас?
web-forget-yes = Так, видалити
web-forget-no = Скасувати
web-slow-down = Ви надсилаєте повідомлення дуже швидко. Зачекайте трохи й спробуйте ще раз.
web-too-long = Це повідомлення задовге. Будь ласка, не більше ніж { $max } символів.
web-offline = З’єднання втрачено. Підключаємося знову…
web-new-tab = (відкривається в новій вкладці)
web-noscript = Для цього чату потрібен JavaScript. Ви також можете звернутися безпосередньо до муніципалітету { $municipality }.
web-privacy = Ця розмова зберігається в цьому браузері. «Забудьте мене» видаляє її тут і в муніципалітеті.
web-error = Щось пішло не так. Спробуйте ще раз трохи згодом.
