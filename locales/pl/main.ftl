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
advisor-requested = Poproszę doradcę o pomoc. Doradca to człowiek, który mówi w twoim języku. Poczekaj tutaj na odpowiedź.
language-menu = Wybierz język:
language-set = Od teraz odpowiadam w języku: { $language }.
forget-done = Usunąłem wszystko, co o tobie zapisałem.
