# Wegwijs: texts of the web chat (the page and the widget). Same message ids in every language.

web-title = Wegwijs: Hilfe für Neuankömmlinge in { $municipality }
web-open = Fragen? Chatten Sie mit Wegwijs
web-close = Chat schließen
web-conversation = Gespräch mit Wegwijs
web-you = Sie
web-bot = Wegwijs
web-question-label = Ihre Frage
web-placeholder = Schreiben Sie hier Ihre Frage
web-send = Senden
web-typing = Wegwijs schreibt…
web-forget = Vergessen Sie mich
web-forget-confirm = Dieses Gespräch und alles, was über Sie gespeichert ist, löschen?
web-forget-yes = Ja, löschen
web-forget-no = Abbrechen
web-slow-down = Sie senden sehr schnell Nachrichten. Bitte warten Sie einen Moment und versuchen Sie es dann noch einmal.
web-too-long = Diese Nachricht ist zu lang. Bitte bleiben Sie unter { $max } Zeichen.
web-offline = Die Verbindung wurde unterbrochen. Neue Verbindung wird aufgebaut…
web-new-tab = (öffnet sich in einem neuen Tab)
web-noscript = Dieser Chat braucht JavaScript. Sie können sich auch direkt an die Gemeinde { $municipality } wenden.
web-privacy = Dieses Gespräch wird in diesem Browser gespeichert. „Vergessen Sie mich“ löscht es, hier und bei der Gemeinde.
web-error = Etwas ist schiefgelaufen. Bitte versuchen Sie es gleich noch einmal.
