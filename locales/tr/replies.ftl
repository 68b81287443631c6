# Wegwijs: ready replies advisors send with "/reply-canned N id" (see locales/en/replies.ftl).

reply-photo = Mektubun bir fotoğrafını gönderebilir misiniz? Lütfen bütün yazının okunabildiğinden emin olun. BSN numaranızı ve banka bilgilerinizi kapatabilirsiniz.
reply-moment = Teşekkürler. Sorunuza şimdi bakıyorum; lütfen biraz bekleyin.
reply-later = Buna bakacağım ve yarın size burada geri döneceğim.
reply-desk = Lütfen International Centre'ın danışma masasına gelin. Mektubu ve kimlik belgenizi getirin.
reply-call = Lütfen bu konuda belediyeyi (gemeente) arayın. Dosyanıza bakabilirler. Telefon numaralarını belediyenin mektubunda veya web sitesinde bulabilirsiniz.
reply-elsewhere = Bu konuda size yardım edemiyoruz, ama { $who } edebilir. Lütfen onlarla iletişime geçin.
reply-thanks = Mesajınız için teşekkürler. Size yardımcı olabildiğime sevindim. Başarılar!
