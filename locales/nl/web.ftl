# Wegwijs: texts of the web chat (the page and the widget). Same message ids in every language.

web-title = Wegwijs: hulp voor nieuwkomers in { $municipality }
web-open = Vragen? Chat met Wegwijs
web-close = Chat sluiten
web-conversation = Gesprek met Wegwijs
web-you = Jij
web-bot = Wegwijs
web-question-label = Je vraag
web-placeholder = Typ hier je vraag
web-send = Verstuur
web-typing = Wegwijs schrijft…
web-forget = Vergeet mij
web-forget-confirm = Dit gesprek en alles wat over jou is opgeslagen verwijderen?
web-forget-yes = Ja, verwijderen
web-forget-no = Annuleren
web-slow-down = Je stuurt heel snel berichten. Wacht even en probeer het dan opnieuw.
web-too-long = Dit bericht is te lang. Houd het korter dan { $max } tekens.
web-offline = De verbinding is verbroken. Opnieuw verbinden…
web-new-tab = (opent in een nieuw tabblad)
web-noscript = Deze chat heeft JavaScript nodig. Je kunt ook direct contact opnemen met de gemeente { $municipality }.
web-privacy = Dit gesprek wordt in deze browser bewaard. Met ‘Vergeet mij’ verwijder je het, hier en bij de gemeente.
web-error = Er ging iets mis. Probeer het zo opnieuw.
