# Wegwijs: texts of the web chat (the page and the widget). Same message ids in every language.

web-title = Wegwijs: ajutor pentru nou-veniții din { $municipality }
web-open = Aveți întrebări? Scrieți-i lui Wegwijs
web-close = Închideți conversația
web-conversation = Conversație cu Wegwijs
web-you = Dumneavoastră
web-bot = Wegwijs
web-question-label = Întrebarea dumneavoastră
web-placeholder = Scrieți aici întrebarea
web-send = Trimiteți
web-typing = Wegwijs scrie…
web-forget = Uitați-mă
web-forget-confirm = Ștergeți această conversație și tot ce s-a salvat despre dumneavoastră?
web-forget-yes = Da, ștergeți
web-forget-no = Anulați
web-slow-down = Trimiteți mesaje foarte repede. Vă rugăm să așteptați puțin și să încercați din nou.
web-too-long = Acest mesaj este prea lung. Vă rugăm să nu depășiți { $max } de caractere.
web-offline = Conexiunea s-a întrerupt. Se reconectează…
web-new-tab = (se deschide într-o filă nouă)
web-noscript = Această conversație are nevoie de JavaScript. Puteți contacta și direct primăria din { $municipality }.
web-privacy = Această conversație este salvată în acest browser. „Uitați-mă” o șterge, aici și la primărie.
web-error = Ceva nu a funcționat. Vă rugăm să încercați din nou peste puțin timp.
