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
advisor-requested = Sana yardım etmesi için bir danışmana soracağım. Danışman, senin dilini konuşan bir kişidir. Lütfen cevabı burada bekle.
language-menu = Dilini seç:
language-set = Bundan sonra { $language } cevap vereceğim.
forget-done = Hakkında kaydettiğim her şeyi sildim.
