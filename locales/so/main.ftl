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
    Soo dhawoow! Waxaan ahay Wegwijs, caawiye loogu talagalay dadka cusub ee { $municipality }.
    Su'aal igu weydii luqaddaada, tusaale ahaan diiwaangelinta cinwaankaaga, caymiska caafimaadka ama barashada Nederlandiiska.
    Jawaabahayga waxaa la socda link-yada bogagga rasmiga ah. Haddii aanan ku caawin karin, qof ayaan ka codsan karaa inuu ku caawiyo.
help =
    Su'aal igu weydii erayo kooban, luqaddaada.
    /language: dooro luqaddaada
    /advisor: la hadal qof
    /forget: tirtir wax kasta oo lagaa kaydiyay
    /help: tus caawimadan
unknown-command = Amarkaas ma aqaan. Qor /help si aad u aragto waxa aan qaban karo.
empty-question = Fadlan su'aashaada ku qor erayo kooban.
dont-know = Waan ka xumahay, jawaabta su'aashaas ma aqaan. Si kale ayaad u weydiin kartaa, ama qof ayaad la hadli kartaa.
choose-topic = Ma hubo waxa aad ula jeeddo. Midkee ayaa su'aashaada ugu habboon?
answer-language-note = Jawaabtan weli laguma hayo { $wanted }. Waa tan oo ku qoran { $shown }.
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
language-set = Hadda kadib waxaan kugu jawaabi doonaa { $language }.
forget-done = Waxaan tirtiray wax kasta oo aan adiga kaa kaydiyay.

## Talking to a person (advisors).
advisor-unavailable = Sheekadan dhexdeeda weli ma suurtagal aha inaad qof la hadasho. Si toos ah ula xiriir gemeente { $municipality } (dowladda hoose).
ticket-created = Su'aashaada waxaan u gudbiyay la-taliye (lambar { $ticket }). Qof ayaa halkan kaaga jawaabi doona. Wax kasta oo aad hadda qorto waxay gaarayaan la-taliyaha.
ticket-created-urgent = Waxaan sidoo kale ka codsaday la-taliye inuu halkan kuugu soo qoro sida ugu dhakhsaha badan (lambar { $ticket }). Wax kasta oo aad hadda qorto waxay gaarayaan la-taliyaha.
ticket-created-closed = Su'aashaada waxaan u gudbiyay la-taliye (lambar { $ticket }). La-taliyayaashu hadda ma shaqaynayaan. Waxay jawaabi doonaan laga bilaabo { $day } { $time }. Wax kasta oo aad hadda qorto waxay gaarayaan la-taliyaha.
ticket-still-open = Wadahadalkaaga la-taliyaha (lambar { $ticket }) weli wuu furan yahay. Halkan ku qor fariintaada; la-taliyaha ayaa akhrin doona.
ticket-waiting = Waan ka xumahay, weli qofna ma qaadan su'aashaada. Waxaan filaynaa jawaab ugu dambayn { $day } { $time }. Halkan waad sii qori kartaa.
ticket-waiting-soon = Waan ka xumahay, weli qofna ma qaadan su'aashaada. La-taliye ayaa kaaga jawaabi doona sida ugu dhakhsaha badan. Halkan waad sii qori kartaa.
ticket-claimed = Hadda { $name } ayaa ku caawinaya. { $name } waa qof, ma aha bot-ka.
advisor-says = { $name } (la-taliye):
ticket-closed = La-taliyaha ayaa xiray wadahadalkan. Su'aal cusub ma qabtaa? I weydii. { $hours } saacadood gudahood waad dib u furi kartaa wadahadalka la-taliyaha.
ticket-reopened = Wadahadalkaaga la-taliyayaasha mar kale wuu furan yahay (lambar { $ticket }). Halkan ku qor fariintaada.
ticket-reopen-expired = Wadahadalkan dib looma furi karo. Su'aashaada mar kale weydii, ama codso qof.
back-to-bot = Hagaag, mar kale ayaan ka jawaabayaa su'aalahaaga. La-taliyaha weli halkan ayuu kuugu soo qori karaa.
relay-resumed = Wax kasta oo aad hadda qorto mar kale waxay gaarayaan la-taliyaha.
button-back-to-bot = Ku noqo bot-ka
button-write-advisor = U qor la-taliyaha
button-reopen = Dib u fur wadahadalka

## Days, for "from Monday 09:00".
day-today = maanta
day-tomorrow = berri
day-mon = Isniin
day-tue = Talaado
day-wed = Arbaco
day-thu = Khamiis
day-fri = Jimce
day-sat = Sabti
day-sun = Axad

## The command menu (Telegram shows it in the person's app language).
command-start = Bilow oo dooro luqaddaada
command-help = Waxa aan qaban karo
command-language = Dooro luqaddaada
command-advisor = La hadal qof
command-forget = Tirtir wax kasta oo lagaa kaydiyay

# Matrix: a message arrived that the bot could not decrypt.
matrix-undecryptable = Ma akhrin karin fariintaadii ugu dambaysay: waxay timid iyadoo qarsoon, furihiina ma helin. Fadlan mar kale soo dir. Haddii ay sii socoto, ka bax oo dib ugu gal app-kaaga Matrix, ama wada sheekaysi cusub ila bilow.

## Next to a link whose page is in another language than the reader's.
link-language = boggu waa { $language }

## A photo, document or voice message arrived while no advisor is reading along.
media-received = Waxaan akhriyi karaa oo keliya fariimaha qoraalka ah, ma akhriyi karo sawirro, dukumentiyo ama fariimo cod ah. Haddii aad haysato warqad aadan akhriyi karin, la-taliye ayaa kula eegi kara.

## Queue, leaving a question, partners, rating.
ticket-created-later = Su'aashaada waxaan u gudbiyay la-taliyayaasha (lambar { $ticket }). La-taliye ayaa halkan kaaga jawaabi doona marka mid uu firaaqo helo. Wax kasta oo aad hadda qorto waxay gaarayaan la-taliyaha.
ticket-created-urgent-closed = Waxaan sidoo kale ka codsaday la-taliye inuu halkan kuu soo qoro (lambar { $ticket }). La-taliyayaashu hadda ma shaqaynayaan; waxay dib u bilaabayaan { $day } saacadda { $time }. Haddii aad hadda khatar ku jirto, wac 112.
button-queue = Meeqa ayaan ka ahay safka?
queue-position = Waxaad tahay lambar { $position } safka.
queue-wait-minutes = Waqtiga sugitaanka ee la filayo: { $low } ilaa { $high } daqiiqo.
queue-wait-hours = Waqtiga sugitaanka ee la filayo: { $low } ilaa { $high } saacadood.
queue-wait-closing = La-taliyayaashu maanta waxay joojinayaan saacadda { $closes }. Haddii qofna uusan firaaqo helin ka hor, jawaab waxaad heli doontaa laga bilaabo { $day } { $time }.
queue-opens = La-taliyayaashu waxay dib u bilaabayaan { $day } saacadda { $time }.
queue-none = Hadda ma sugaysid la-taliye.
person-closed = La-taliyayaashayadu hadda ma shaqaynayaan. Waxay dib u bilaabayaan { $day } saacadda { $time }.
person-all-away = Hadda ma jiro la-taliye diyaar ah.
person-no-language = Hadda ma jiro la-taliye diyaar ah oo ku hadla { $language }. La-taliyayaashayadu waxay ku hadlaan: { $languages }.
person-leave-offer = Su'aashaada halkan waad kaga tagi kartaa. La-taliye ayaa goor dambe kaaga jawaabi doona sheekadan; uma baahnid inaad halkan sugto.
button-leave = Su'aashayda ka tag
partner-says = { $name } (wuxuu la shaqeeyaa dowladda hoose):
ticket-partner = Hadda laga bilaabo { $name } ayaa ku caawinaya. Hay'addan waxay la shaqaysaa gemeente (dowladda hoose). Fariimahaaga halkan ayay ku akhriyaan, laakiin ma arkaan magaca akoonkaaga ama lambarka taleefankaaga.
rating-question = Wadahadalkan aad la yeelatay la-taliyaha ma ku caawiyay?
rating-yes = Haa
rating-partly = Qayb ahaan
rating-no = Maya
rating-thanks = Waad ku mahadsan tahay jawaabtaada! Waxay naga caawinaysaa inaan si fiican u shaqayno.

# Offers of a person when none can come now (outside office hours, everyone away, or nobody who speaks
# the language): the question can be left, and an advisor answers here later.
dont-know-later = Waan ka xumahay, jawaabta su'aashaas ma aqaan. Si kale ayaad u weydiin kartaa, ama su'aashaada halkan waad kaga tagi kartaa. La-taliye ayaa goor dambe halkan kaaga jawaabi doona.
feedback-sorry-later = Waan ka xumahay inay tani ku caawin weyday. Su'aashaada si kale ayaad u weydiin kartaa, ama halkan waad kaga tagi kartaa. La-taliye ayaa goor dambe halkan kaaga jawaabi doona.
media-received-later = Waxaan akhriyi karaa oo keliya fariimaha qoraalka ah, ma akhriyi karo sawirro, dukumentiyo ama fariimo cod ah. Haddii aad haysato warqad aadan akhriyi karin, su'aashaada halkan kaga tag: la-taliye ayaa goor dambe kula eegi kara.
# The advisor or partner who was helping cannot go on; the question waits for the next advisor.
ticket-back-in-queue = Qofkii ku caawinayay ma sii wadi karo su'aashaada. Su'aashaadu waxay dib ugu noqotay la-taliyayaasha kale: uma baahnid inaad mar kale weydiiso.
