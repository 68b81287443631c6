# Wegwijs: texts that newcomers read. One file per language: locales/<lang>/main.ftl.
# Keep the message ids identical in every language; `cargo test` fails when one is missing.

## Names of the languages, written in this file's language.
lang-nl = neerlandeză
lang-en = engleză
lang-ar = arabă
lang-tr = turcă
lang-pl = poloneză
lang-uk = ucraineană
lang-ru = rusă
lang-fa = persană
lang-ti = tigrină
lang-so = somaleză
lang-es = spaniolă
lang-fr = franceză
lang-de = germană
lang-zh = chineză
lang-pt = portugheză
lang-ro = română
lang-it = italiană

## The name of this language in its own script, shown in the language menu.
lang-self = Română

welcome =
    Bună ziua! Sunt Wegwijs, un ajutor pentru nou-veniții din { $municipality }.
    Puneți-mi o întrebare în limba dumneavoastră, de exemplu despre înregistrarea adresei, asigurarea de sănătate sau învățarea limbii neerlandeze.
    Răspund cu linkuri către paginile oficiale. Dacă nu vă pot ajuta, pot ruga o persoană să vă ajute.
help =
    Puneți-mi o întrebare în câteva cuvinte, în limba dumneavoastră.
    /language: alegeți limba
    /advisor: vorbiți cu o persoană
    /forget: ștergeți tot ce este salvat despre dumneavoastră
    /help: afișați acest ajutor
unknown-command = Nu cunosc această comandă. Scrieți /help ca să vedeți ce pot face.
empty-question = Vă rog să scrieți întrebarea în câteva cuvinte.
dont-know = Îmi pare rău, nu știu răspunsul la această întrebare. O puteți pune altfel sau puteți vorbi cu o persoană.
choose-topic = Nu sunt sigur ce vreți să spuneți. Care dintre acestea se potrivește cel mai bine întrebării dumneavoastră?
answer-language-note = Acest răspuns nu există încă în { $wanted }. Iată-l în { $shown }.
draft-note = Această traducere nu a fost încă verificată. Dacă ceva nu este clar, întrebați o persoană.
links-heading = Pagini oficiale:
related-heading = Subiecte legate:
button-helped = M-a ajutat
button-not-helped = Nu m-a ajutat
button-advisor = Vorbește cu o persoană
button-language = Limba
feedback-thanks = Vă mulțumesc că mi-ați spus!
feedback-sorry = Îmi pare rău că nu v-a ajutat. Puteți pune întrebarea altfel sau puteți vorbi cu o persoană.
language-menu = Alegeți limba:
language-set = De acum înainte răspund în { $language }.
forget-done = Am șters tot ce salvasem despre dumneavoastră.

## Talking to a person (advisors), danger, days.
advisor-unavailable = În acest chat nu puteți vorbi încă cu o persoană. Puteți contacta direct gemeente (primăria) { $municipality }.
ticket-created = Am trimis întrebarea dumneavoastră unui consilier (numărul { $ticket }). O persoană vă va răspunde aici. Tot ce scrieți acum ajunge la consilier.
ticket-created-urgent = Am rugat și un consilier să vă scrie aici cât mai repede (numărul { $ticket }). Tot ce scrieți acum ajunge la consilier.
ticket-created-closed = Am trimis întrebarea dumneavoastră unui consilier (numărul { $ticket }). Acum consilierii nu lucrează. Vor răspunde începând de { $day }, de la ora { $time }. Tot ce scrieți acum ajunge la consilier.
ticket-still-open = Conversația cu un consilier (numărul { $ticket }) este încă deschisă. Scrieți mesajul aici; consilierul îl va citi.
ticket-waiting = Ne pare rău, nimeni nu a preluat încă întrebarea dumneavoastră. Așteptăm un răspuns până { $day }, la ora { $time }. Puteți continua să scrieți aici.
ticket-waiting-soon = Ne pare rău, nimeni nu a preluat încă întrebarea dumneavoastră. Un consilier va răspunde cât mai repede. Puteți continua să scrieți aici.
ticket-claimed = { $name } vă ajută acum. { $name } este o persoană, nu botul.
advisor-says = { $name } (consilier):
ticket-closed = Consilierul a închis această conversație. Aveți o întrebare nouă? Întrebați-mă. Timp de { $hours } ore puteți redeschide conversația cu consilierul.
ticket-reopened = Conversația cu consilierii este din nou deschisă (numărul { $ticket }). Scrieți mesajul aici.
ticket-reopen-expired = Această conversație nu mai poate fi redeschisă. Puneți din nou întrebarea sau cereți o persoană.
back-to-bot = Bine, vă răspund din nou la întrebări. Consilierul vă poate scrie în continuare aici.
relay-resumed = Tot ce scrieți acum ajunge din nou la consilier.
button-back-to-bot = Înapoi la bot
button-write-advisor = Scrieți consilierului
button-reopen = Redeschideți conversația
day-today = astăzi
day-tomorrow = mâine
day-mon = luni
day-tue = marți
day-wed = miercuri
day-thu = joi
day-fri = vineri
day-sat = sâmbătă
day-sun = duminică

## Command menu.
command-start = Începeți și alegeți limba
command-help = Ce pot face
command-language = Alegeți limba
command-advisor = Vorbiți cu o persoană
command-forget = Ștergeți tot ce este salvat despre dumneavoastră

# Matrix: a message arrived that the bot could not decrypt.
matrix-undecryptable = Nu am putut citi ultimul dumneavoastră mesaj: a sosit criptat și nu am primit cheia. Vă rog să-l trimiteți din nou. Dacă se repetă, deconectați-vă și reconectați-vă în aplicația Matrix sau începeți o conversație nouă cu mine.

## Next to a link whose page is in another language than the reader's.
link-language = pagină în { $language }

## A photo, document or voice message arrived while no advisor is reading along.
media-received = Pot citi doar mesaje text, nu fotografii, documente sau mesaje vocale. Dacă aveți o scrisoare pe care nu o puteți citi, un consilier o poate citi împreună cu dumneavoastră.

## Queue, leaving a question, partners, rating.
ticket-created-later = Am trimis întrebarea dumneavoastră consilierilor (numărul { $ticket }). Un consilier vă va răspunde aici imediat ce este liber. Tot ce scrieți acum ajunge la consilier.
ticket-created-urgent-closed = Am rugat și un consilier să vă scrie aici (numărul { $ticket }). Acum consilierii nu lucrează; încep din nou { $day }, la ora { $time }. Dacă sunteți acum în pericol, sunați la 112.
button-queue = Al câtelea sunt la rând?
queue-position = Sunteți numărul { $position } la rând.
queue-wait-minutes = Timp de așteptare estimat: între { $low } și { $high } minute.
queue-wait-hours = Timp de așteptare estimat: între { $low } și { $high } ore.
queue-wait-closing = Astăzi consilierii termină la ora { $closes }. Dacă nimeni nu este liber până atunci, veți primi un răspuns începând de { $day }, de la ora { $time }.
queue-opens = Consilierii încep din nou { $day }, la ora { $time }.
queue-none = Acum nu așteptați un consilier.
person-closed = Consilierii noștri nu lucrează acum. Încep din nou { $day }, la ora { $time }.
person-all-away = Acum nu este disponibil niciun consilier.
person-no-language = Acum nu este disponibil niciun consilier care vorbește { $language }. Consilierii noștri vorbesc: { $languages }.
person-leave-offer = Puteți lăsa întrebarea aici. Un consilier vă va răspunde mai târziu în această conversație; nu trebuie să așteptați aici.
button-leave = Las întrebarea
partner-says = { $name } (lucrează cu primăria):
ticket-partner = De acum vă ajută { $name }. Această organizație lucrează cu gemeente (primăria). Ei vă citesc mesajele aici, dar nu văd numele contului și nici numărul de telefon.
rating-question = V-a ajutat această conversație cu consilierul?
rating-yes = Da
rating-partly = Parțial
rating-no = Nu
rating-thanks = Vă mulțumim pentru răspuns! Ne ajută să lucrăm mai bine.

# Offers of a person when none can come now (outside office hours, everyone away, or nobody who speaks
# the language): the question can be left, and an advisor answers here later.
dont-know-later = Îmi pare rău, nu știu răspunsul la această întrebare. O puteți pune altfel sau puteți lăsa întrebarea pentru un consilier, care vă va răspunde aici mai târziu.
feedback-sorry-later = Îmi pare rău că nu v-a ajutat. Puteți pune întrebarea altfel sau o puteți lăsa pentru un consilier, care vă va răspunde aici mai târziu.
media-received-later = Pot citi doar mesaje text, nu fotografii, documente sau mesaje vocale. Dacă aveți o scrisoare pe care nu o puteți citi, lăsați întrebarea: un consilier poate citi scrisoarea împreună cu dumneavoastră mai târziu.
# The advisor or partner who was helping cannot go on; the question waits for the next advisor.
ticket-back-in-queue = Persoana care vă ajuta nu poate continua cu întrebarea dumneavoastră. Întrebarea a revenit la ceilalți consilieri: nu trebuie să o puneți din nou.
