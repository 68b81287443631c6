# Wegwijs: texts that newcomers read. One file per language: locales/<lang>/main.ftl.
# Keep the message ids identical in every language; `cargo test` fails when one is missing.

## Names of the languages, written in this file's language.
lang-nl = niderlandzki
lang-en = angielski
lang-ar = arabski
lang-tr = turecki
lang-pl = polski
lang-uk = ukraiński
lang-ru = rosyjski
lang-fa = perski
lang-ti = tigrinia
lang-so = somalijski
lang-es = hiszpański
lang-fr = francuski
lang-de = niemiecki
lang-zh = chiński
lang-pt = portugalski
lang-ro = rumuński
lang-it = włoski

## The name of this language in its own script, shown in the language menu.
lang-self = Polski

welcome =
    Cześć! Jestem Wegwijs, pomocnik dla nowych mieszkańców w { $municipality }.
    Zadaj mi pytanie w swoim języku, na przykład o meldunek, ubezpieczenie zdrowotne albo naukę niderlandzkiego.
    Odpowiadam z linkami do oficjalnych stron. Jeśli nie mogę pomóc, mogę poprosić człowieka o pomoc.
help =
    Zadaj mi pytanie w kilku słowach, w swoim języku.
    /language: wybierz język
    /advisor: porozmawiaj z człowiekiem
    /forget: usuń wszystko, co jest o tobie zapisane
    /help: pokaż tę pomoc
unknown-command = Nie znam tego polecenia. Wpisz /help, aby zobaczyć, co potrafię.
empty-question = Wpisz swoje pytanie w kilku słowach.
dont-know = Przepraszam, nie znam odpowiedzi na to pytanie. Możesz zapytać inaczej albo porozmawiać z człowiekiem.
choose-topic = Nie jestem pewien, o co chodzi. Który z tych tematów najlepiej pasuje do twojego pytania?
answer-language-note = Ta odpowiedź nie jest jeszcze dostępna w języku: { $wanted }. Oto ona w języku: { $shown }.
draft-note = To tłumaczenie nie zostało jeszcze sprawdzone. Jeśli coś jest niejasne, zapytaj człowieka.
links-heading = Oficjalne strony:
related-heading = Powiązane tematy:
button-helped = To pomogło
button-not-helped = To nie pomogło
button-advisor = Porozmawiaj z człowiekiem
button-language = Język
feedback-thanks = Dziękuję za informację!
feedback-sorry = Przykro mi, że to nie pomogło. Możesz zadać pytanie inaczej albo porozmawiać z człowiekiem.
language-menu = Wybierz język:
language-set = Od teraz odpowiadam w języku: { $language }.
forget-done = Usunąłem wszystko, co o tobie zapisałem.

## Talking to a person (advisors), danger, days.
advisor-unavailable = W tym czacie nie można jeszcze porozmawiać z człowiekiem. Możesz skontaktować się bezpośrednio z gminą { $municipality }.
ticket-created = Przekazałem Twoje pytanie doradcy (numer { $ticket }). Odpowie Ci tutaj człowiek. Wszystko, co teraz napiszesz, trafi do doradcy.
ticket-created-urgent = Poprosiłem też doradcę, żeby napisał do Ciebie tutaj jak najszybciej (numer { $ticket }). Wszystko, co teraz napiszesz, trafi do doradcy.
ticket-created-closed = Przekazałem Twoje pytanie doradcy (numer { $ticket }). Doradcy teraz nie pracują. Odpowiedzą od { $day } { $time }. Wszystko, co teraz napiszesz, trafi do doradcy.
ticket-still-open = Twoja rozmowa z doradcą (numer { $ticket }) jest nadal otwarta. Napisz tutaj wiadomość; doradca ją przeczyta.
ticket-waiting = Przepraszamy, nikt jeszcze nie zajął się Twoim pytaniem. Spodziewamy się odpowiedzi do { $day } { $time }. Możesz dalej pisać tutaj.
ticket-waiting-soon = Przepraszamy, nikt jeszcze nie zajął się Twoim pytaniem. Doradca odpowie jak najszybciej. Możesz dalej pisać tutaj.
ticket-claimed = Teraz pomaga Ci { $name }. { $name } to człowiek, nie bot.
advisor-says = { $name } (doradca):
ticket-closed = Doradca zamknął tę rozmowę. Masz nowe pytanie? Po prostu mnie zapytaj. Przez { $hours } godz. możesz ponownie otworzyć rozmowę z doradcą.
ticket-reopened = Twoja rozmowa z doradcami jest znowu otwarta (numer { $ticket }). Napisz tutaj wiadomość.
ticket-reopen-expired = Tej rozmowy nie można już otworzyć. Zadaj pytanie jeszcze raz albo poproś o człowieka.
back-to-bot = Dobrze, znowu odpowiadam na Twoje pytania. Doradca nadal może do Ciebie tutaj pisać.
relay-resumed = Wszystko, co teraz napiszesz, znowu trafi do doradcy.
button-back-to-bot = Wróć do bota
button-write-advisor = Napisz do doradcy
button-reopen = Otwórz rozmowę ponownie
day-today = dziś
day-tomorrow = jutro
day-mon = poniedziałek
day-tue = wtorek
day-wed = środa
day-thu = czwartek
day-fri = piątek
day-sat = sobota
day-sun = niedziela

## Command menu.
command-start = Zacznij i wybierz język
command-help = Co potrafię
command-language = Wybierz język
command-advisor = Porozmawiaj z człowiekiem
command-forget = Usuń wszystko, co o Tobie zapisano

# Matrix: a message arrived that the bot could not decrypt.
matrix-undecryptable = Nie mogłem odczytać Twojej ostatniej wiadomości: przyszła zaszyfrowana, a nie dostałem klucza. Wyślij ją jeszcze raz. Jeśli to się powtarza, wyloguj się i zaloguj ponownie w aplikacji Matrix albo zacznij ze mną nowy czat.

## Next to a link whose page is in another language than the reader's.
link-language = strona w języku: { $language }
