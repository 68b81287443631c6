# Wegwijs: texts that newcomers read. One file per language: locales/<lang>/main.ftl.
# Keep the message ids identical in every language; `cargo test` fails when one is missing.

## Names of the languages, written in this file's language.
lang-nl = Niederländisch
lang-en = Englisch
lang-ar = Arabisch
lang-tr = Türkisch
lang-pl = Polnisch
lang-uk = Ukrainisch
lang-ru = Russisch
lang-fa = Persisch
lang-ti = Tigrinya
lang-so = Somali
lang-es = Spanisch
lang-fr = Französisch
lang-de = Deutsch
lang-zh = Chinesisch
lang-pt = Portugiesisch
lang-ro = Rumänisch
lang-it = Italienisch

## The name of this language in its own script, shown in the language menu.
lang-self = Deutsch

welcome =
    Hallo! Ich bin Wegwijs, eine Hilfe für Neuankömmlinge in { $municipality }.
    Stell mir eine Frage in deiner Sprache, zum Beispiel zur Anmeldung deiner Adresse, zur Krankenversicherung oder zum Niederländischlernen.
    Ich antworte mit Links zu den offiziellen Seiten. Wenn ich nicht helfen kann, bitte ich einen Menschen, dir zu helfen.
help =
    Stell mir eine Frage in wenigen Worten, in deiner Sprache.
    /language: wähle deine Sprache
    /advisor: mit einem Menschen sprechen
    /forget: alles löschen, was über dich gespeichert ist
    /help: diese Hilfe zeigen
unknown-command = Diesen Befehl kenne ich nicht. Schreib /help, um zu sehen, was ich kann.
empty-question = Bitte schreib deine Frage in wenigen Worten.
dont-know = Entschuldigung, die Antwort auf diese Frage weiß ich nicht. Du kannst sie anders stellen oder mit einem Menschen sprechen.
choose-topic = Ich bin nicht sicher, was du meinst. Was passt am besten zu deiner Frage?
answer-language-note = Diese Antwort gibt es noch nicht auf { $wanted }. Hier ist sie auf { $shown }.
draft-note = Diese Übersetzung wurde noch nicht geprüft. Wenn etwas unklar ist, frag einen Menschen.
links-heading = Offizielle Seiten:
related-heading = Verwandte Themen:
button-helped = Das hat geholfen
button-not-helped = Das hat nicht geholfen
button-advisor = Mit einem Menschen sprechen
button-language = Sprache
feedback-thanks = Danke für deine Rückmeldung!
feedback-sorry = Schade, dass das nicht geholfen hat. Du kannst deine Frage anders stellen oder mit einem Menschen sprechen.
advisor-requested = Ich bitte eine Beraterin oder einen Berater, dir zu helfen. Das ist ein Mensch, der deine Sprache spricht. Bitte warte hier auf die Antwort.
language-menu = Wähle deine Sprache:
language-set = Ab jetzt antworte ich auf { $language }.
forget-done = Ich habe alles gelöscht, was ich über dich gespeichert hatte.
