# Wegwijs: texts of the web chat (the page and the widget). Same message ids in every language.

web-title = Wegwijs: { $municipality } için yeni gelenlere yardım
web-open = Sorunuz mu var? Wegwijs ile yazışın
web-close = Sohbeti kapat
web-conversation = Wegwijs ile sohbet
web-you = Siz
web-bot = Wegwijs
web-question-label = Sorunuz
web-placeholder = Sorunuzu buraya yazın
web-send = Gönder
web-typing = Wegwijs yazıyor…
web-forget = Beni unut
web-forget-confirm = Bu sohbet ve hakkınızda kaydedilen her şey silinsin mi?
web-forget-yes = Evet, sil
web-forget-no = Vazgeç
web-slow-down = Çok hızlı mesaj gönderiyorsunuz. Lütfen biraz bekleyip tekrar deneyin.
web-too-long = Bu mesaj çok uzun. Lütfen { $max } karakterden kısa tutun.
web-offline = Bağlantı kesildi. Yeniden bağlanılıyor…
web-new-tab = (yeni sekmede açılır)
web-noscript = Bu sohbet için JavaScript gerekir. { $municipality } belediyesiyle doğrudan da iletişime geçebilirsiniz.
web-privacy = Bu sohbet bu tarayıcıda saklanır. “Beni unut” onu hem burada hem de belediyede siler.
web-error = Bir şeyler ters gitti. Lütfen biraz sonra tekrar deneyin.
