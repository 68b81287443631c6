# Wegwijs: texts of the web chat (the page and the widget). Same message ids in every language.

web-title = Wegwijs: pomoc dla nowych mieszkańców w { $municipality }
web-open = Pytania? Napisz do Wegwijs
web-close = Zamknij czat
web-conversation = Rozmowa z Wegwijs
web-you = Ty
web-bot = Wegwijs
web-question-label = Pytanie
web-placeholder = Wpisz tutaj pytanie
web-send = Wyślij
web-typing = Wegwijs pisze…
web-forget = Zapomnij mnie
web-forget-confirm = Usunąć tę rozmowę i wszystkie zapisane dane?
web-forget-yes = Tak, usuń
web-forget-no = Anuluj
web-slow-down = Wiadomości przychodzą bardzo szybko. Proszę chwilę poczekać i spróbować ponownie.
web-too-long = Ta wiadomość jest za długa. Maksymalna długość to { $max } znaków.
web-offline = Połączenie zostało przerwane. Trwa ponowne łączenie…
web-new-tab = (otwiera się w nowej karcie)
web-noscript = Ten czat wymaga JavaScriptu. Można też skontaktować się bezpośrednio z gminą { $municipality }.
web-privacy = Ta rozmowa jest zapisana w tej przeglądarce. „Zapomnij mnie” usuwa ją tutaj i w gminie.
web-error = Coś poszło nie tak. Proszę spróbować ponownie za chwilę.
