# Wegwijs: texts of the web chat (the page and the widget). Same message ids in every language.

web-title = Wegwijs: ajuda para quem acabou de chegar a { $municipality }
web-open = Tem perguntas? Converse com o Wegwijs
web-close = Fechar a conversa
web-conversation = Conversa com o Wegwijs
web-you = Você
web-bot = Wegwijs
web-question-label = Sua pergunta
web-placeholder = Escreva aqui a sua pergunta
web-send = Enviar
web-typing = O Wegwijs está escrevendo…
web-forget = Esqueça-me
web-forget-confirm = Apagar esta conversa e tudo o que foi guardado sobre você?
web-forget-yes = Sim, apagar
web-forget-no = Cancelar
web-slow-down = Você está enviando mensagens muito rápido. Aguarde um momento e tente de novo.
web-too-long = Esta mensagem é longa demais. Escreva menos de { $max } caracteres.
web-offline = A ligação caiu. Tentando conectar de novo…
web-new-tab = (abre em uma nova aba)
web-noscript = Este chat precisa de JavaScript. Você também pode entrar em contato diretamente com o município de { $municipality }.
web-privacy = Esta conversa fica guardada neste navegador. “Esqueça-me” apaga-a, aqui e no município.
web-error = Algo deu errado. Tente de novo daqui a pouco.
