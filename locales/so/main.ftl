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
language-menu = Dooro luqaddaada:
language-set = Hadda wixii ka dambeeya waxaan ku jawaabi doonaa { $language }.
forget-done = Waxaan tirtiray wax kasta oo aan adiga kaa kaydiyay.

## Talking to a person (advisors), danger, days.
advisor-unavailable = Sheekadan weli lagama hadli karo qof. Si toos ah ayaad ula xiriiri kartaa dowladda hoose ee { $municipality }.
ticket-created = Su'aashaada waxaan u gudbiyay lataliye (lambar { $ticket }). Qof ayaa halkan kaaga jawaabi doona. Wax kasta oo aad hadda qorto waxay gaarayaan lataliyaha.
ticket-created-urgent = Waxaan sidoo kale ka codsaday lataliye inuu halkan kuugu soo qoro sida ugu dhakhsaha badan (lambar { $ticket }). Wax kasta oo aad hadda qorto waxay gaarayaan lataliyaha.
ticket-created-closed = Su'aashaada waxaan u gudbiyay lataliye (lambar { $ticket }). Lataliyayaashu hadda ma shaqeynayaan. Waxay ka jawaabi doonaan { $day } { $time }. Wax kasta oo aad hadda qorto waxay gaarayaan lataliyaha.
ticket-still-open = Wadahadalkaaga lataliyaha (lambar { $ticket }) weli waa furan yahay. Halkan ku qor fariintaada; lataliyaha ayaa akhrin doona.
ticket-waiting = Waan ka xunnahay, weli qofna ma qaadan su'aashaada. Waxaan filaynaa jawaab ka hor { $day } { $time }. Halkan waad sii qori kartaa.
ticket-waiting-soon = Waan ka xunnahay, weli qofna ma qaadan su'aashaada. Lataliye ayaa kaaga jawaabi doona sida ugu dhakhsaha badan. Halkan waad sii qori kartaa.
ticket-claimed = Hadda { $name } ayaa ku caawinaya. { $name } waa qof, ma aha bot.
advisor-says = { $name } (lataliye):
ticket-closed = Lataliyaha ayaa xiray wadahadalkan. Su'aal cusub ma qabtaa? I weydii. { $hours } saacadood gudahood waad dib u furi kartaa wadahadalka lataliyaha.
ticket-reopened = Wadahadalkaaga lataliyayaasha mar kale waa furan yahay (lambar { $ticket }). Halkan ku qor fariintaada.
ticket-reopen-expired = Wadahadalkan dib looma furi karo. Su'aashaada mar kale weydii, ama codso qof.
back-to-bot = Hagaag, mar kale ayaan ka jawaabayaa su'aalahaaga. Lataliyaha weli halkan ayuu kuugu soo qori karaa.
relay-resumed = Wax kasta oo aad hadda qorto mar kale waxay gaarayaan lataliyaha.
button-back-to-bot = Ku noqo bot-ka
button-write-advisor = U qor lataliyaha
button-reopen = Dib u fur wadahadalka
day-today = maanta
day-tomorrow = berri
day-mon = Isniin
day-tue = Talaado
day-wed = Arbaco
day-thu = Khamiis
day-fri = Jimce
day-sat = Sabti
day-sun = Axad

## Command menu.
command-start = Bilow oo dooro luqaddaada
command-help = Waxa aan qaban karo
command-language = Dooro luqaddaada
command-advisor = La hadal qof
command-forget = Tirtir wax kasta oo lagu kaydiyay adiga

# Matrix: a message arrived that the bot could not decrypt.
matrix-undecryptable = Ma akhrin karin fariintaadii ugu dambeysay: waxay timid iyadoo qarsoon, furihiina ma helin. Fadlan mar kale soo dir. Haddii ay sii socoto, ka bax oo dib ugu gal app-kaaga Matrix, ama wada sheekaysi cusub ila bilow.

## Next to a link whose page is in another language than the reader's.
link-language = bogga waa { $language }
