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
    Bună! Sunt Wegwijs, un ajutor pentru nou-veniții din { $municipality }.
    Pune-mi o întrebare în limba ta, de exemplu despre înregistrarea adresei, asigurarea de sănătate sau învățarea limbii neerlandeze.
    Răspund cu linkuri către paginile oficiale. Dacă nu te pot ajuta, pot ruga o persoană să te ajute.
help =
    Pune-mi o întrebare în câteva cuvinte, în limba ta.
    /language: alege limba
    /advisor: vorbește cu o persoană
    /forget: șterge tot ce este salvat despre tine
    /help: arată acest ajutor
unknown-command = Nu cunosc această comandă. Scrie /help ca să vezi ce pot face.
empty-question = Te rog să scrii întrebarea în câteva cuvinte.
dont-know = Îmi pare rău, nu știu răspunsul la această întrebare. O poți pune altfel sau poți vorbi cu o persoană.
choose-topic = Nu sunt sigur ce vrei să spui. Care dintre acestea se potrivește cel mai bine întrebării tale?
answer-language-note = Acest răspuns nu există încă în { $wanted }. Iată-l în { $shown }.
draft-note = Această traducere nu a fost încă verificată. Dacă ceva nu este clar, întreabă o persoană.
links-heading = Pagini oficiale:
related-heading = Subiecte legate:
button-helped = M-a ajutat
button-not-helped = Nu m-a ajutat
button-advisor = Vorbește cu o persoană
button-language = Limba
feedback-thanks = Mulțumesc că mi-ai spus!
feedback-sorry = Îmi pare rău că nu te-a ajutat. Poți pune întrebarea altfel sau poți vorbi cu o persoană.
advisor-requested = Voi ruga un consilier să te ajute. Un consilier este o persoană care vorbește limba ta. Te rog să aștepți aici răspunsul.
language-menu = Alege limba:
language-set = De acum înainte răspund în { $language }.
forget-done = Am șters tot ce salvasem despre tine.
