# Wegwijs: texts that newcomers read. One file per language: locales/<lang>/main.ftl.
# Keep the message ids identical in every language; `cargo test` fails when one is missing.

## Names of the languages, written in this file's language.
lang-nl = Nederlandiis
lang-en = Ingiriis
lang-ar = Carabi
lang-tr = Turki
lang-pl = Boolish
lang-uk = Yukreeniyaan
lang-ru = Ruush
lang-fa = Faarsi
lang-ti = Tigrinya
lang-so = Soomaali
lang-es = Isbaanish
lang-fr = Faransiis
lang-de = Jarmal
lang-zh = Shiinees
lang-pt = Boortaqiis
lang-ro = Roomaaniyaan
lang-it = Talyaani

## The name of this language in its own script, shown in the language menu.
lang-self = Soomaali

welcome =
    Soo dhawoow! Waxaan ahay Wegwijs, caawiye loogu talagalay dadka cusub ee yimaada { $municipality }.
    Su'aal igu weydii luqaddaada, tusaale ahaan ku saabsan diiwaangelinta cinwaankaaga, caymiska caafimaadka ama barashada luqadda Nederlandiiska.
    Waxaan kugu jawaabaa xiriiriyeyaal bogagga rasmiga ah. Haddii aanan ku caawin karin, waxaan qof ka codsan karaa inuu ku caawiyo.
help =
    Su'aal igu weydii erayo kooban, luqaddaada.
    /language: dooro luqaddaada
    /advisor: la hadal qof
    /forget: tirtir wax kasta oo adiga lagaa kaydiyay
    /help: tus caawintan
unknown-command = Amarkaas ma aqaan. Qor /help si aad u aragto waxa aan qaban karo.
empty-question = Fadlan su'aashaada ku qor erayo kooban.
dont-know = Waan ka xumahay, jawaabta su'aashaas ma aqaan. Si kale ayaad u weydiin kartaa, ama qof ayaad la hadli kartaa.
choose-topic = Ma hubo waxa aad ula jeeddo. Midkee ayaa su'aashaada ugu habboon?
answer-language-note = Jawaabtan weli kuma jirto { $wanted }. Waa tan iyadoo ku qoran { $shown }.
draft-note = Turjumaaddan weli lama hubin. Haddii wax aan caddayn jiraan, qof weydii.
links-heading = Bogagga rasmiga ah:
related-heading = Mawduucyo la xiriira:
button-helped = Tani way i caawisay
button-not-helped = Tani iguma caawin
button-advisor = La hadal qof
button-language = Luqadda
feedback-thanks = Waad ku mahadsan tahay inaad ii sheegtay!
feedback-sorry = Waan ka xumahay inay tani ku caawin weyday. Su'aashaada si kale ayaad u weydiin kartaa, ama qof ayaad la hadli kartaa.
advisor-requested = Waxaan la-taliye ka codsan doonaa inuu ku caawiyo. La-taliyuhu waa qof ku hadla luqaddaada. Fadlan halkan ku sug jawaabtiisa.
language-menu = Dooro luqaddaada:
language-set = Hadda wixii ka dambeeya waxaan ku jawaabi doonaa { $language }.
forget-done = Waxaan tirtiray wax kasta oo aan adiga kaa kaydiyay.
