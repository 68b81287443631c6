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
    Dzień dobry! Tu Wegwijs, pomocnik dla nowych mieszkańców w { $municipality }.
    Można zadać mi pytanie we własnym języku, na przykład o meldunek, ubezpieczenie zdrowotne albo naukę niderlandzkiego.
    Odpowiadam z linkami do oficjalnych stron. Jeśli nie mogę pomóc, mogę poprosić o pomoc człowieka.
help =
    Wystarczy zadać pytanie w kilku słowach, we własnym języku.
    /language: wybór języka
    /advisor: rozmowa z człowiekiem
    /forget: usunięcie wszystkich zapisanych danych
    /help: ta pomoc
unknown-command = Nie znam tego polecenia. Po wpisaniu /help pojawi się lista moich możliwości.
empty-question = Prosimy o pytanie w kilku słowach.
dont-know = Przepraszam, nie znam odpowiedzi na to pytanie. Można zapytać innymi słowami albo porozmawiać z człowiekiem.
choose-topic = Nie wiem na pewno, o co chodzi. Który z tych tematów najlepiej pasuje do pytania?
answer-language-note = Ta odpowiedź nie jest jeszcze dostępna w języku: { $wanted }. Oto ona w języku: { $shown }.
draft-note = To tłumaczenie nie zostało jeszcze sprawdzone. Jeśli coś jest niejasne, można zapytać człowieka.
links-heading = Oficjalne strony:
related-heading = Powiązane tematy:
button-helped = To pomogło
button-not-helped = To nie pomogło
button-advisor = Rozmowa z człowiekiem
button-language = Język
feedback-thanks = Dziękuję za informację!
feedback-sorry = Przykro mi, że to nie pomogło. Można zadać pytanie innymi słowami albo porozmawiać z człowiekiem.
language-menu = Wybór języka:
language-set = Od teraz odpowiadam w języku: { $language }.
forget-done = Wszystkie zapisane dane zostały usunięte.

## Talking to a person (advisors), danger, days.
advisor-unavailable = W tym czacie nie można jeszcze porozmawiać z człowiekiem. Można skontaktować się bezpośrednio z gminą (gemeente) { $municipality }.
ticket-created = Państwa pytanie trafiło do doradcy (numer { $ticket }). Odpowie tutaj człowiek. Wszystko, co Państwo teraz napiszą, trafi do doradcy.
ticket-created-urgent = Doradca dostał też prośbę, aby jak najszybciej napisać tutaj do Państwa (numer { $ticket }). Wszystko, co Państwo teraz napiszą, trafi do doradcy.
ticket-created-closed = Państwa pytanie trafiło do doradcy (numer { $ticket }). Doradcy teraz nie pracują. Odpowiedzą od: { $day }, godz. { $time }. Wszystko, co Państwo teraz napiszą, trafi do doradcy.
ticket-still-open = Rozmowa z doradcą (numer { $ticket }) jest nadal otwarta. Wiadomość można napisać tutaj; doradca ją przeczyta.
ticket-waiting = Przepraszamy, nikt jeszcze nie zajął się Państwa pytaniem. Spodziewamy się odpowiedzi do: { $day }, godz. { $time }. Można dalej pisać tutaj.
ticket-waiting-soon = Przepraszamy, nikt jeszcze nie zajął się Państwa pytaniem. Doradca odpowie jak najszybciej. Można dalej pisać tutaj.
ticket-claimed = Teraz pomaga Państwu { $name }. { $name } to człowiek, nie bot.
advisor-says = { $name } (doradca):
ticket-closed = Rozmowa została zamknięta przez doradcę. Nowe pytanie? Wystarczy mnie zapytać. Przez { $hours } godz. można ponownie otworzyć rozmowę z doradcą.
ticket-reopened = Rozmowa z doradcami jest znowu otwarta (numer { $ticket }). Wiadomość można napisać tutaj.
ticket-reopen-expired = Tej rozmowy nie można już otworzyć. Można zadać pytanie jeszcze raz albo poprosić o rozmowę z człowiekiem.
back-to-bot = Dobrze, znowu odpowiadam na pytania. Doradca nadal może tutaj do Państwa pisać.
relay-resumed = Wszystko, co Państwo teraz napiszą, znowu trafi do doradcy.
button-back-to-bot = Powrót do bota
button-write-advisor = Wiadomość do doradcy
button-reopen = Wznowienie rozmowy
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
command-start = Start i wybór języka
command-help = Co potrafię
command-language = Wybór języka
command-advisor = Rozmowa z człowiekiem
command-forget = Usunięcie zapisanych danych

# Matrix: a message arrived that the bot could not decrypt.
matrix-undecryptable = Nie udało się odczytać ostatniej wiadomości: przyszła zaszyfrowana, a klucz nie dotarł. Prosimy wysłać ją jeszcze raz. Jeśli to się powtarza, warto wylogować się i zalogować ponownie w aplikacji Matrix albo zacząć ze mną nowy czat.

## Next to a link whose page is in another language than the reader's.
link-language = strona w języku: { $language }

## A photo, document or voice message arrived while no advisor is reading along.
media-received = Mogę czytać tylko wiadomości tekstowe, nie zdjęcia, dokumenty ani wiadomości głosowe. Jeśli jest list, którego nie da się przeczytać, doradca może go przejrzeć razem z Państwem.

## Queue, leaving a question, partners, rating.
ticket-created-later = Państwa pytanie trafiło do doradców (numer { $ticket }). Doradca odpowie tutaj, gdy tylko ktoś będzie wolny. Wszystko, co Państwo teraz napiszą, trafi do doradcy.
ticket-created-urgent-closed = Poprosiłem też doradcę, aby napisał tutaj (numer { $ticket }). Doradcy teraz nie pracują; zaczynają znowu: { $day }, godz. { $time }. W razie zagrożenia teraz należy dzwonić pod 112.
button-queue = Które miejsce w kolejce?
queue-position = Miejsce w kolejce: { $position }.
queue-wait-minutes = Przewidywany czas oczekiwania: od { $low } do { $high } min.
queue-wait-hours = Przewidywany czas oczekiwania: od { $low } do { $high } godz.
queue-wait-closing = Doradcy kończą dziś pracę o { $closes }. Jeśli do tego czasu nikt nie będzie wolny, odpowiedź przyjdzie od: { $day }, godz. { $time }.
queue-opens = Doradcy zaczynają znowu: { $day }, godz. { $time }.
queue-none = Obecnie nie ma oczekiwania na doradcę.
person-closed = Nasi doradcy teraz nie pracują. Zaczynają znowu: { $day }, godz. { $time }.
person-all-away = Obecnie żaden doradca nie jest dostępny.
person-no-language = Obecnie nie jest dostępny żaden doradca, który mówi w języku: { $language }. Nasi doradcy mówią w językach: { $languages }.
person-leave-offer = Można zostawić tutaj pytanie. Doradca odpowie później w tym czacie; nie trzeba tu czekać.
button-leave = Zostaw pytanie
partner-says = { $name } (współpracuje z gminą):
ticket-partner = Od teraz pomaga { $name }. Ta organizacja współpracuje z gminą (gemeente). Czyta tutaj Państwa wiadomości, ale nie widzi nazwy konta ani numeru telefonu.
rating-question = Czy ta rozmowa z doradcą pomogła?
rating-yes = Tak
rating-partly = Częściowo
rating-no = Nie
rating-thanks = Dziękujemy za odpowiedź! Dzięki temu możemy działać lepiej.

# Offers of a person when none can come now (outside office hours, everyone away, or nobody who speaks
# the language): the question can be left, and an advisor answers here later.
dont-know-later = Przepraszam, nie znam odpowiedzi na to pytanie. Można zapytać innymi słowami albo zostawić pytanie dla doradcy. Doradca odpowie później tutaj.
feedback-sorry-later = Przykro mi, że to nie pomogło. Można zadać pytanie innymi słowami albo zostawić je dla doradcy. Doradca odpowie później tutaj.
media-received-later = Mogę czytać tylko wiadomości tekstowe, nie zdjęcia, dokumenty ani wiadomości głosowe. Jeśli jest list, którego nie da się przeczytać, można zostawić pytanie: doradca może później przejrzeć list razem z Państwem.
# The advisor or partner who was helping cannot go on; the question waits for the next advisor.
ticket-back-in-queue = Osoba, która Państwu pomagała, nie może dalej zajmować się pytaniem. Pytanie wróciło do innych doradców: nie trzeba zadawać go jeszcze raz.
