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

## Queue, leaving a question, partners, rating.
ticket-created-later = Sorunuzu danışmanlara ilettim (numara { $ticket }). Bir danışman boşalır boşalmaz size burada cevap verecek. Şimdi yazdığınız her şey danışmana gider.
ticket-created-urgent-closed = Bir danışmandan da size burada yazmasını istedim (numara { $ticket }). Danışmanlar şu anda çalışmıyor; { $day } saat { $time } itibarıyla tekrar başlıyorlar. Şu anda tehlikedeyseniz 112'yi arayın.
button-queue = Sırada kaçıncıyım?
queue-position = Sırada { $position }. sıradasınız.
queue-wait-minutes = Tahmini bekleme süresi: { $low } ile { $high } dakika arası.
queue-wait-hours = Tahmini bekleme süresi: { $low } ile { $high } saat arası.
queue-wait-closing = Danışmanlar bugün saat { $closes } itibarıyla çalışmayı bırakıyor. O zamana kadar kimse boşalmazsa, cevabınızı { $day } { $time } itibarıyla alırsınız.
queue-opens = Danışmanlar { $day } saat { $time } itibarıyla tekrar başlıyor.
queue-none = Şu anda bir danışman beklemiyorsunuz.
person-closed = Danışmanlarımız şu anda çalışmıyor. { $day } saat { $time } itibarıyla tekrar başlıyorlar.
person-all-away = Şu anda müsait bir danışman yok.
person-no-language = Şu anda { $language } konuşan müsait bir danışman yok. Danışmanlarımızın konuştuğu diller: { $languages }.
person-leave-offer = Sorunuzu buraya bırakabilirsiniz. Bir danışman size daha sonra bu sohbette cevap verecek; burada beklemenize gerek yok.
button-leave = Sorumu bırakayım
partner-says = { $name } (belediyeyle birlikte çalışır):
ticket-partner = Bundan sonra size { $name } yardım ediyor. Bu kuruluş belediyeyle (gemeente) birlikte çalışır. Mesajlarınızı burada okurlar, ama hesap adınızı ve telefon numaranızı görmezler.
rating-question = Danışmanla yaptığınız bu görüşme size yardımcı oldu mu?
rating-yes = Evet
rating-partly = Kısmen
rating-no = Hayır
rating-thanks = Cevabınız için teşekkürler! Daha iyi çalışmamıza yardımcı oluyor.

# Offers of a person when none can come now (outside office hours, everyone away, or nobody who speaks
# the language): the question can be left, and an advisor answers here later.
dont-know-later = Üzgünüm, bu sorunun cevabını bilmiyorum. Başka kelimelerle sorabilir ya da sorunuzu bir danışmana bırakabilirsiniz. Danışman size daha sonra burada cevap verecek.
feedback-sorry-later = Bunun yardımcı olmadığına üzüldüm. Sorunuzu başka kelimelerle sorabilir ya da bir danışmana bırakabilirsiniz. Danışman size daha sonra burada cevap verecek.
media-received-later = Yalnızca yazılı mesajları okuyabilirim; fotoğraf, belge veya sesli mesajları okuyamam. Okuyamadığınız bir mektubunuz varsa sorunuzu bırakın: bir danışman onu daha sonra sizinle birlikte inceleyebilir.
# The advisor or partner who was helping cannot go on; the question waits for the next advisor.
ticket-back-in-queue = Size yardım eden kişi sorunuzla devam edemiyor. Sorunuz diğer danışmanlara geri döndü: yeniden sormanıza gerek yok.
