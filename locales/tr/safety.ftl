# See locales/en/safety.ftl.
safeguarding-now = Siz ya da başka biri şu anda tehlikedeyse 112'yi arayın.
safeguarding-112 = 112: polis, ambulans ve itfaiye için acil durum numarası (ücretsiz, gece gündüz).
safeguarding-113 = 113 Zelfmoordpreventie (intiharı önleme hattı): 113'ü ya da 0800 0113'ü arayın (ücretsiz, adınızı vermeden, gece gündüz) veya 113.nl üzerinden yazışın.
safeguarding-veilig-thuis = Veilig Thuis (aile içi şiddet, çocuk istismarı): 0800 2000'i arayın (ücretsiz, gece gündüz).
safeguarding-csg = Centrum Seksueel Geweld (tecavüz, cinsel şiddet): 0800 0188'i arayın (ücretsiz, gece gündüz).
safeguarding-police = Acil olmayan durumlarda polis: 0900 8844.
safeguarding-exploitation = İşyerinde sömürü (pasaportunuz elinizden alındıysa, size ücret ödenmiyorsa ya da ayrılmanıza izin verilmiyorsa): Nederlandse Arbeidsinspectie'yi 0800 5151'den arayın (adınızı vermeniz gerekmez) ya da yardım ve barınma için CoMensha'yı 033 448 11 86'dan arayın.
safeguarding-more = Adınızı söylemeniz gerekmez. Bir danışman da size buradan yazacak.
