# Wegwijs: texts of the web chat (the page and the widget). Same message ids in every language.

web-title = Wegwijs: ayuda para personas recién llegadas a { $municipality }
web-open = ¿Tiene preguntas? Chatee con Wegwijs
web-close = Cerrar el chat
web-conversation = Conversación con Wegwijs
web-you = Usted
web-bot = Wegwijs
web-question-label = Su pregunta
web-placeholder = Escriba aquí su pregunta
web-send = Enviar
web-typing = Wegwijs está escribiendo…
web-forget = Olvídeme
web-forget-confirm = ¿Borrar esta conversación y todo lo guardado sobre usted?
web-forget-yes = Sí, borrar
web-forget-no = Cancelar
web-slow-down = Está enviando mensajes muy rápido. Espere un momento y vuelva a intentarlo.
web-too-long = Este mensaje es demasiado largo. Escriba menos de { $max } caracteres.
web-offline = Se ha perdido la conexión. Intentando reconectar…
web-new-tab = (se abre en una pestaña nueva)
web-noscript = Este chat necesita JavaScript. También puede ponerse en contacto directamente con el ayuntamiento de { $municipality }.
web-privacy = Esta conversación se guarda en este navegador. «Olvídeme» la borra aquí y en el ayuntamiento.
web-error = Algo ha fallado. Vuelva a intentarlo dentro de un momento.
