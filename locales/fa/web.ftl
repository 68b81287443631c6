# Wegwijs: texts of the web chat (the page and the widget). Same message ids in every language.

web-title = Wegwijs: راهنمای تازه‌واردها در { $municipality }
web-open = سؤالی دارید؟ با Wegwijs گفت‌وگو کنید
web-close = بستن گفت‌وگو
web-conversation = گفت‌وگو با Wegwijs
web-you = شما
web-bot = Wegwijs
web-question-label = سؤال شما
web-placeholder = سؤالتان را اینجا بنویسید
web-send = ارسال
web-typing = Wegwijs در حال نوشتن است…
web-forget = مرا فراموش کن
web-forget-confirm = این گفت‌وگو و همهٔ اطلاعاتی که دربارهٔ شما ذخیره شده پاک شود؟
web-forget-yes = بله، پاک شود
web-forget-no = انصراف
web-slow-down = شما خیلی سریع پیام می‌فرستید. لطفاً کمی صبر کنید و دوباره امتحان کنید.
web-too-long = این پیام خیلی طولانی است. لطفاً آن را کوتاه‌تر از { $max } نویسه بنویسید.
web-offline = اتصال قطع شد. در حال اتصال دوباره…
web-new-tab = (در زبانهٔ تازه باز می‌شود)
web-noscript = این گفت‌وگو به JavaScript نیاز دارد. می‌توانید مستقیماً هم با شهرداری { $municipality } تماس بگیرید.
web-privacy = این گفت‌وگو در همین مرورگر ذخیره می‌شود. «مرا فراموش کن» آن را اینجا و نزد شهرداری پاک می‌کند.
web-error = مشکلی پیش آمد. لطفاً کمی بعد دوباره امتحان کنید.
