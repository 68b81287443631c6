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
    Bana kendi dilinde bir soru sor; örneğin adres kaydı, sağlık sigortası ya da Hollandaca öğrenmek hakkında.
    Resmî sayfaların bağlantılarıyla cevap veririm. Yardım edemezsem, sana yardım etmesi için bir kişiye sorabilirim.
help =
    Bana kendi dilinde, birkaç kelimeyle bir soru sor.
    /language: dilini seç
    /advisor: bir kişiyle konuş
    /forget: hakkında kayıtlı her şeyi sil
    /help: bu yardımı göster
unknown-command = Bu komutu bilmiyorum. Neler yapabildiğimi görmek için /help yaz.
empty-question = Lütfen sorunu birkaç kelimeyle yaz.
dont-know = Üzgünüm, bu sorunun cevabını bilmiyorum. Başka kelimelerle sorabilir ya da bir kişiyle konuşabilirsin.
choose-topic = Ne demek istediğinden emin değilim. Sorunla en çok hangisi uyuşuyor?
answer-language-note = Bu cevap henüz { $wanted } dilinde yok. İşte { $shown } dilinde.
draft-note = Bu çeviri henüz kontrol edilmedi. Bir şey anlaşılmıyorsa bir kişiye sor.
links-heading = Resmî sayfalar:
related-heading = İlgili konular:
button-helped = Bu yardımcı oldu
button-not-helped = Bu yardımcı olmadı
button-advisor = Bir kişiyle konuş
button-language = Dil
feedback-thanks = Bildirdiğin için teşekkürler!
feedback-sorry = Bunun yardımcı olmadığına üzüldüm. Sorunu başka kelimelerle sorabilir ya da bir kişiyle konuşabilirsin.
language-menu = Dilini seç:
language-set = Bundan sonra { $language } cevap vereceğim.
forget-done = Hakkında kaydettiğim her şeyi sildim.

## Talking to a person (advisors), danger, days.
advisor-unavailable = Bu sohbette henüz bir insanla konuşamazsınız. { $municipality } belediyesiyle doğrudan iletişime geçebilirsiniz.
ticket-created = Sorunuzu bir danışmana ilettim (numara { $ticket }). Size burada bir insan cevap verecek. Şimdi yazdığınız her şey danışmana gider.
ticket-created-urgent = Bir danışmandan size burada en kısa sürede yazmasını da istedim (numara { $ticket }). Şimdi yazdığınız her şey danışmana gider.
ticket-created-closed = Sorunuzu bir danışmana ilettim (numara { $ticket }). Danışmanlar şu anda çalışmıyor. { $day } { $time } itibarıyla cevap verecekler. Şimdi yazdığınız her şey danışmana gider.
ticket-still-open = Bir danışmanla konuşmanız (numara { $ticket }) hâlâ açık. Mesajınızı buraya yazın; danışman okuyacak.
ticket-waiting = Üzgünüz, sorunuzu henüz kimse almadı. { $day } { $time } saatine kadar bir cevap bekliyoruz. Buraya yazmaya devam edebilirsiniz.
ticket-waiting-soon = Üzgünüz, sorunuzu henüz kimse almadı. Bir danışman en kısa sürede cevap verecek. Buraya yazmaya devam edebilirsiniz.
ticket-claimed = Şimdi size { $name } yardım ediyor. { $name } bir insandır, bot değildir.
advisor-says = { $name } (danışman):
ticket-closed = Danışman bu konuşmayı kapattı. Yeni bir sorunuz mu var? Bana sorun. { $hours } saat içinde danışmanla konuşmayı yeniden açabilirsiniz.
ticket-reopened = Danışmanlarla konuşmanız yeniden açık (numara { $ticket }). Mesajınızı buraya yazın.
ticket-reopen-expired = Bu konuşma artık yeniden açılamaz. Sorunuzu tekrar sorun veya bir insan isteyin.
back-to-bot = Tamam, sorularınızı yine ben cevaplıyorum. Danışman size burada yazmaya devam edebilir.
relay-resumed = Şimdi yazdığınız her şey yine danışmana gider.
button-back-to-bot = Bota dön
button-write-advisor = Danışmana yaz
button-reopen = Konuşmayı yeniden aç
day-today = bugün
day-tomorrow = yarın
day-mon = Pazartesi
day-tue = Salı
day-wed = Çarşamba
day-thu = Perşembe
day-fri = Cuma
day-sat = Cumartesi
day-sun = Pazar

## Command menu.
command-start = Başla ve dilini seç
command-help = Neler yapabilirim
command-language = Dilini seç
command-advisor = Bir insanla konuş
command-forget = Hakkında kaydedilen her şeyi sil

# Matrix: a message arrived that the bot could not decrypt.
matrix-undecryptable = Son mesajınızı okuyamadım: şifreli geldi ve anahtarı alamadım. Lütfen tekrar gönderin. Bu sık oluyorsa Matrix uygulamanızdan çıkış yapıp yeniden girin veya benimle yeni bir sohbet başlatın.

## Next to a link whose page is in another language than the reader's.
link-language = sayfa { $language } dilinde
