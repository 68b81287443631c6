# Wegwijs: texts of the web chat (the page and the widget). Same message ids in every language.

web-title = Wegwijs : aide aux nouveaux arrivants à { $municipality }
web-open = Des questions ? Discutez avec Wegwijs
web-close = Fermer la discussion
web-conversation = Discussion avec Wegwijs
web-you = Vous
web-bot = Wegwijs
web-question-label = Votre question
web-placeholder = Écrivez votre question ici
web-send = Envoyer
web-typing = Wegwijs écrit…
web-forget = Oubliez-moi
web-forget-confirm = Effacer cette discussion et tout ce qui est enregistré sur vous ?
web-forget-yes = Oui, effacer
web-forget-no = Annuler
web-slow-down = Vous envoyez des messages très vite. Veuillez patienter un instant, puis réessayer.
web-too-long = Ce message est trop long. Veuillez rester sous { $max } caractères.
web-offline = La connexion a été perdue. Reconnexion en cours…
web-new-tab = (s’ouvre dans un nouvel onglet)
web-noscript = Cette discussion a besoin de JavaScript. Vous pouvez aussi contacter directement la commune de { $municipality }.
web-privacy = Cette discussion est enregistrée dans ce navigateur. « Oubliez-moi » l’efface, ici et à la commune.
web-error = Un problème est survenu. Veuillez réessayer dans un instant.
