# Wegwijs: texts that newcomers read. One file per language: locales/<lang>/main.ftl.
# Keep the message ids identical in every language; `cargo test` fails when one is missing.

## Names of the languages, written in this file's language.
lang-nl = Felemenkçe
lang-en = İngilizce
lang-ar = Arapça
lang-tr = Türkçe
lang-pl = Lehçe
lang-uk = Ukraynaca
lang-ru = Rusça
lang-fa = Farsça
lang-ti = Tigrinyaca
lang-so = Somalice
lang-es = İspanyolca
lang-fr = Fransızca
lang-de = Almanca
lang-zh = Çince
lang-pt = Portekizce
lang-ro = Rumence
lang-it = İtalyanca

## The name of this language in its own script, shown in the language menu.
lang-self = Türkçe

welcome =
    Merhaba! Ben Wegwijs, { $municipality } için yeni gelenlere yardımcı olan bir asistanım.
    Bana kendi dilinizde bir soru sorun; örneğin adres kaydı, sağlık sigortası ya da Hollandaca öğrenmek hakkında.
    Resmî sayfaların bağlantılarıyla cevap veririm. Yardım edemezsem, size yardım etmesi için bir kişiye sorabilirim.
help =
    Bana kendi dilinizde, birkaç kelimeyle bir soru sorun.
    /language: dilinizi seçin
    /advisor: bir kişiyle konuşun
    /forget: hakkınızda kayıtlı her şeyi silin
    /help: bu yardımı yeniden görün
unknown-command = Bu komutu bilmiyorum. Neler yapabildiğimi görmek için /help yazın.
empty-question = Lütfen sorunuzu birkaç kelimeyle yazın.
dont-know = Üzgünüm, bu sorunun cevabını bilmiyorum. Başka kelimelerle sorabilir ya da bir kişiyle konuşabilirsiniz.
choose-topic = Ne demek istediğinizden emin değilim. Sorunuza en çok hangisi uyuyor?
answer-language-note = Bu cevap henüz { $wanted } dilinde yok. İşte { $shown } dilinde.
draft-note = Bu çeviri henüz kontrol edilmedi. Bir şey anlaşılmıyorsa bir kişiye sorun.
links-heading = Resmî sayfalar:
related-heading = İlgili konular:
button-helped = Bu yardımcı oldu
button-not-helped = Bu yardımcı olmadı
button-advisor = Bir kişiyle konuşun
button-language = Dil
feedback-thanks = Bildirdiğiniz için teşekkürler!
feedback-sorry = Bunun yardımcı olmadığına üzüldüm. Sorunuzu başka kelimelerle sorabilir ya da bir kişiyle konuşabilirsiniz.
language-menu = Dilinizi seçin:
language-set = Bundan sonra { $language } cevap vereceğim.
forget-done = Hakkınızda kaydettiğim her şeyi sildim.

## Talking to a person (advisors), danger, days.
advisor-unavailable = Bu sohbette henüz bir insanla konuşamazsınız. { $municipality } belediyesiyle (gemeente) doğrudan iletişime geçebilirsiniz.
ticket-created = Sorunuzu bir danışmana ilettim (numara { $ticket }). Size burada bir insan cevap verecek. Şimdi yazdığınız her şey danışmana gider.
ticket-created-urgent = Bir danışmandan size burada en kısa sürede yazmasını da istedim (numara { $ticket }). Şimdi yazdığınız her şey danışmana gider.
ticket-created-closed = Sorunuzu bir danışmana ilettim (numara { $ticket }). Danışmanlar şu anda çalışmıyor ve { $day } saat { $time } itibarıyla cevap verecekler. Şimdi yazdığınız her şey danışmana gider.
ticket-still-open = Bir danışmanla konuşmanız (numara { $ticket }) hâlâ açık. Mesajınızı buraya yazın; danışman okuyacak.
ticket-waiting = Üzgünüz, sorunuzu henüz kimse almadı. Cevabı en geç şu zamanda bekliyoruz: { $day }, saat { $time }. Buraya yazmaya devam edebilirsiniz.
ticket-waiting-soon = Üzgünüz, sorunuzu henüz kimse almadı. Bir danışman en kısa sürede cevap verecek. Buraya yazmaya devam edebilirsiniz.
ticket-claimed = Şimdi size { $name } yardım ediyor. { $name } bir insandır, bot değildir.
advisor-says = { $name } (danışman):
ticket-closed = Danışman bu konuşmayı kapattı. Yeni bir sorunuz mu var? Bana sorun. { $hours } saat içinde danışmanla konuşmayı yeniden açabilirsiniz.
ticket-reopened = Danışmanlarla konuşmanız yeniden açık (numara { $ticket }). Mesajınızı buraya yazın.
ticket-reopen-expired = Bu konuşma artık yeniden açılamaz. Sorunuzu tekrar sorun veya bir insan isteyin.
back-to-bot = Tamam, sorularınızı yine ben cevaplıyorum. Danışman size burada yazmaya devam edebilir.
relay-resumed = Şimdi yazdığınız her şey yine danışmana gider.
button-back-to-bot = Bota dönün
button-write-advisor = Danışmana yazın
button-reopen = Konuşmayı yeniden açın
day-today = bugün
day-tomorrow = yarın
day-mon = pazartesi
day-tue = salı
day-wed = çarşamba
day-thu = perşembe
day-fri = cuma
day-sat = cumartesi
day-sun = pazar

## Command menu.
command-start = Başlayın ve dilinizi seçin
command-help = Neler yapabilirim
command-language = Dilinizi seçin
command-advisor = Bir insanla konuşun
command-forget = Hakkınızda kaydedilen her şeyi silin

# Matrix: a message arrived that the bot could not decrypt.
matrix-undecryptable = Son mesajınızı okuyamadım: şifreli geldi ve anahtarı alamadım. Lütfen tekrar gönderin. Bu sık oluyorsa Matrix uygulamanızdan çıkış yapıp yeniden girin veya benimle yeni bir sohbet başlatın.

## Next to a link whose page is in another language than the reader's.
link-language = sayfa { $language } dilinde

## A photo, document or voice message arrived while no advisor is reading along.
media-received = Yalnızca yazılı mesajları okuyabilirim; fotoğraf, belge veya sesli mesajları okuyamam. Okuyamadığınız bir mektubunuz varsa, bir danışman onu sizinle birlikte inceleyebilir.
