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
    Stellen Sie mir eine Frage in Ihrer Sprache, zum Beispiel zur Anmeldung Ihrer Adresse, zur Krankenversicherung oder zum Niederländischlernen.
    Ich antworte mit Links zu den offiziellen Seiten. Wenn ich nicht helfen kann, kann ich einen Menschen bitten, Ihnen zu helfen.
help =
    Stellen Sie mir eine Frage in wenigen Worten, in Ihrer Sprache.
    /language: Ihre Sprache wählen
    /advisor: mit einem Menschen sprechen
    /forget: alles löschen, was über Sie gespeichert ist
    /help: diese Hilfe zeigen
unknown-command = Diesen Befehl kenne ich nicht. Schreiben Sie /help, um zu sehen, was ich kann.
empty-question = Bitte schreiben Sie Ihre Frage in wenigen Worten.
dont-know = Entschuldigung, die Antwort auf diese Frage weiß ich nicht. Sie können die Frage anders stellen oder mit einem Menschen sprechen.
choose-topic = Ich bin nicht sicher, was Sie meinen. Welches Thema passt am besten zu Ihrer Frage?
answer-language-note = Diese Antwort gibt es noch nicht auf { $wanted }. Hier ist sie auf { $shown }.
draft-note = Diese Übersetzung wurde noch nicht geprüft. Wenn etwas unklar ist, fragen Sie einen Menschen.
links-heading = Offizielle Seiten:
related-heading = Verwandte Themen:
button-helped = Das hat geholfen
button-not-helped = Das hat nicht geholfen
button-advisor = Mit einem Menschen sprechen
button-language = Sprache
feedback-thanks = Danke für Ihre Rückmeldung!
feedback-sorry = Schade, dass das nicht geholfen hat. Sie können Ihre Frage anders stellen oder mit einem Menschen sprechen.
language-menu = Wählen Sie Ihre Sprache:
language-set = Ab jetzt antworte ich auf { $language }.
forget-done = Ich habe alles gelöscht, was ich über Sie gespeichert hatte.

## Talking to a person (advisors), danger, days.
advisor-unavailable = In diesem Chat können Sie noch nicht mit einem Menschen sprechen. Sie können sich direkt an die gemeente (Gemeinde) { $municipality } wenden.
ticket-created = Ich habe Ihre Frage an eine Beraterin oder einen Berater weitergegeben (Nummer { $ticket }). Ein Mensch antwortet Ihnen hier. Alles, was Sie jetzt schreiben, geht an die Beratung.
ticket-created-urgent = Ich habe auch eine Beraterin oder einen Berater gebeten, Ihnen hier so schnell wie möglich zu schreiben (Nummer { $ticket }). Alles, was Sie jetzt schreiben, geht an die Beratung.
ticket-created-closed = Ich habe Ihre Frage an die Beratung weitergegeben (Nummer { $ticket }). Gerade arbeitet niemand in der Beratung. Sie bekommen eine Antwort ab { $day }, { $time } Uhr. Alles, was Sie jetzt schreiben, geht an die Beratung.
ticket-still-open = Ihr Gespräch mit der Beratung (Nummer { $ticket }) ist noch offen. Schreiben Sie Ihre Nachricht hier; die Beratung liest sie.
ticket-waiting = Leider hat noch niemand Ihre Frage übernommen. Wir erwarten eine Antwort bis { $day }, { $time } Uhr. Sie können hier weiter schreiben.
ticket-waiting-soon = Leider hat noch niemand Ihre Frage übernommen. Sie bekommen so schnell wie möglich eine Antwort. Sie können hier weiter schreiben.
ticket-claimed = { $name } hilft Ihnen jetzt. { $name } ist ein Mensch, kein Bot.
advisor-says = { $name } (Beratung):
ticket-closed = Die Beratung hat dieses Gespräch beendet. Haben Sie eine neue Frage? Fragen Sie mich einfach. Innerhalb von { $hours } Stunden können Sie das Gespräch mit der Beratung wieder öffnen.
ticket-reopened = Ihr Gespräch mit der Beratung ist wieder offen (Nummer { $ticket }). Schreiben Sie Ihre Nachricht hier.
ticket-reopen-expired = Dieses Gespräch kann nicht mehr geöffnet werden. Stellen Sie Ihre Frage noch einmal, oder fragen Sie nach einem Menschen.
back-to-bot = Gut, ich beantworte Ihre Fragen wieder. Die Beratung kann Ihnen hier weiterhin schreiben.
relay-resumed = Alles, was Sie jetzt schreiben, geht wieder an die Beratung.
button-back-to-bot = Zurück zum Bot
button-write-advisor = Der Beratung schreiben
button-reopen = Gespräch wieder öffnen
day-today = heute
day-tomorrow = morgen
day-mon = Montag
day-tue = Dienstag
day-wed = Mittwoch
day-thu = Donnerstag
day-fri = Freitag
day-sat = Samstag
day-sun = Sonntag

## Command menu.
command-start = Starten und Ihre Sprache wählen
command-help = Was ich kann
command-language = Ihre Sprache wählen
command-advisor = Mit einem Menschen sprechen
command-forget = Alles löschen, was über Sie gespeichert ist

# Matrix: a message arrived that the bot could not decrypt.
matrix-undecryptable = Ich konnte Ihre letzte Nachricht nicht lesen: Sie kam verschlüsselt an und ich habe den Schlüssel nicht bekommen. Bitte senden Sie sie noch einmal. Wenn das öfter passiert, melden Sie sich in Ihrer Matrix-App ab und wieder an, oder beginnen Sie einen neuen Chat mit mir.

## Next to a link whose page is in another language than the reader's.
link-language = Seite auf { $language }

## A photo, document or voice message arrived while no advisor is reading along.
media-received = Ich kann nur Textnachrichten lesen, keine Fotos, Dokumente oder Sprachnachrichten. Wenn Sie einen Brief haben, den Sie nicht lesen können, kann ein Berater ihn mit Ihnen ansehen.

## Queue, leaving a question, partners, rating.
ticket-created-later = Ich habe Ihre Frage an die Beratung weitergegeben (Nummer { $ticket }). Jemand aus der Beratung antwortet Ihnen hier, sobald jemand frei ist. Alles, was Sie jetzt schreiben, geht an die Beratung.
ticket-created-urgent-closed = Ich habe auch die Beratung gebeten, Ihnen hier zu schreiben (Nummer { $ticket }). Gerade arbeitet niemand in der Beratung; sie beginnt wieder { $day } um { $time } Uhr. Wenn Sie jetzt in Gefahr sind, rufen Sie 112 an.
button-queue = Wo stehe ich in der Warteschlange?
queue-position = Sie sind Nummer { $position } in der Warteschlange.
queue-wait-minutes = Erwartete Wartezeit: { $low } bis { $high } Minuten.
queue-wait-hours = Erwartete Wartezeit: { $low } bis { $high } Stunden.
queue-wait-closing = Die Beratung endet heute um { $closes } Uhr. Wenn vorher niemand frei ist, bekommen Sie eine Antwort ab { $day }, { $time } Uhr.
queue-opens = Die Beratung beginnt wieder { $day } um { $time } Uhr.
queue-none = Sie warten gerade nicht auf die Beratung.
person-closed = Unsere Beratung arbeitet gerade nicht. Sie beginnt wieder { $day } um { $time } Uhr.
person-all-away = Gerade ist niemand aus der Beratung erreichbar.
person-no-language = Gerade ist niemand aus der Beratung erreichbar, der { $language } spricht. Unsere Beratung spricht: { $languages }.
person-leave-offer = Sie können Ihre Frage hier hinterlassen. Die Beratung antwortet Ihnen später in diesem Chat; Sie müssen hier nicht warten.
button-leave = Frage hinterlassen
partner-says = { $name } (arbeitet mit der Gemeinde zusammen):
ticket-partner = Ab jetzt hilft Ihnen { $name }. Diese Organisation arbeitet mit der gemeente (Gemeinde) zusammen. Sie liest Ihre Nachrichten hier, sieht aber weder Ihren Kontonamen noch Ihre Telefonnummer.
rating-question = Hat Ihnen dieses Gespräch mit der Beratung geholfen?
rating-yes = Ja
rating-partly = Teilweise
rating-no = Nein
rating-thanks = Danke für Ihre Antwort! Sie hilft uns, besser zu werden.

# Offers of a person when none can come now (outside office hours, everyone away, or nobody who speaks
# the language): the question can be left, and an advisor answers here later.
dont-know-later = Entschuldigung, die Antwort auf diese Frage weiß ich nicht. Sie können die Frage anders stellen oder Ihre Frage für die Beratung hinterlassen. Die Beratung antwortet Ihnen später hier.
feedback-sorry-later = Schade, dass das nicht geholfen hat. Sie können Ihre Frage anders stellen oder sie für die Beratung hinterlassen. Die Beratung antwortet Ihnen später hier.
media-received-later = Ich kann nur Textnachrichten lesen, keine Fotos, Dokumente oder Sprachnachrichten. Wenn Sie einen Brief haben, den Sie nicht lesen können, hinterlassen Sie Ihre Frage: Die Beratung kann den Brief später mit Ihnen ansehen.
# The advisor or partner who was helping cannot go on; the question waits for the next advisor.
ticket-back-in-queue = Die Person, die Ihnen geholfen hat, kann Ihre Frage nicht weiter bearbeiten. Ihre Frage geht zurück an die anderen Beraterinnen und Berater: Sie müssen sie nicht noch einmal stellen.
