# Wegwijs: texts that newcomers read. One file per language: locales/<lang>/main.ftl.
# Keep the message ids identical in every language; `cargo test` fails when one is missing.

## Names of the languages, written in this file's language.
lang-nl = neerlandés
lang-en = inglés
lang-ar = árabe
lang-tr = turco
lang-pl = polaco
lang-uk = ucraniano
lang-ru = ruso
lang-fa = persa
lang-ti = tigriña
lang-so = somalí
lang-es = español
lang-fr = francés
lang-de = alemán
lang-zh = chino
lang-pt = portugués
lang-ro = rumano
lang-it = italiano

## The name of this language in its own script, shown in the language menu.
lang-self = Español

welcome =
    ¡Hola! Soy Wegwijs, una ayuda para personas recién llegadas a { $municipality }.
    Hágame una pregunta en su idioma, por ejemplo sobre cómo registrar su dirección, el seguro médico o aprender neerlandés.
    Respondo con enlaces a las páginas oficiales. Si no puedo ayudarle, puedo pedir a una persona que le ayude.
help =
    Hágame una pregunta con pocas palabras, en su idioma.
    /language: elegir su idioma
    /advisor: hablar con una persona
    /forget: borrar todo lo que está guardado sobre usted
    /help: ver esta ayuda
unknown-command = No conozco ese comando. Escriba /help para ver lo que puedo hacer.
empty-question = Escriba su pregunta con pocas palabras, por favor.
dont-know = Lo siento, no sé la respuesta a esa pregunta. Puede preguntarla de otra forma o hablar con una persona.
choose-topic = No estoy seguro de lo que quiere decir. ¿Cuál de estos temas se ajusta mejor a su pregunta?
answer-language-note = Esta respuesta todavía no está en { $wanted }. Aquí la tiene en { $shown }.
draft-note = Esta traducción todavía no se ha revisado. Si algo no está claro, pregunte a una persona.
links-heading = Páginas oficiales:
related-heading = Temas relacionados:
button-helped = Esto me ayudó
button-not-helped = Esto no me ayudó
button-advisor = Hablar con una persona
button-language = Idioma
feedback-thanks = ¡Gracias por decírmelo!
feedback-sorry = Siento que esto no le haya ayudado. Puede hacer su pregunta de otra forma o hablar con una persona.
language-menu = Elija su idioma:
language-set = A partir de ahora respondo en { $language }.
forget-done = He borrado todo lo que tenía guardado sobre usted.

## Talking to a person (advisors), danger, days.
advisor-unavailable = En este chat todavía no se puede hablar con una persona. Puede contactar directamente con la gemeente (ayuntamiento) de { $municipality }.
ticket-created = He pasado su pregunta a un asesor (número { $ticket }). Una persona le responderá aquí. Todo lo que escriba ahora va al asesor.
ticket-created-urgent = También he pedido a un asesor que le escriba aquí lo antes posible (número { $ticket }). Todo lo que escriba ahora va al asesor.
ticket-created-closed = He pasado su pregunta a un asesor (número { $ticket }). Ahora los asesores no están trabajando. Responderán { $day } a partir de las { $time }. Todo lo que escriba ahora va al asesor.
ticket-still-open = Su conversación con un asesor (número { $ticket }) sigue abierta. Escriba su mensaje aquí; el asesor lo leerá.
ticket-waiting = Lo sentimos, nadie ha atendido todavía su pregunta. Esperamos una respuesta { $day } antes de las { $time }. Puede seguir escribiendo aquí.
ticket-waiting-soon = Lo sentimos, nadie ha atendido todavía su pregunta. Un asesor responderá lo antes posible. Puede seguir escribiendo aquí.
ticket-claimed = { $name } le está ayudando ahora. { $name } es una persona, no el bot.
advisor-says = { $name } (asesor):
ticket-closed = El asesor ha cerrado esta conversación. ¿Tiene una nueva pregunta? Pregúnteme sin más. Durante { $hours } horas puede volver a abrir la conversación con el asesor.
ticket-reopened = Su conversación con los asesores está abierta de nuevo (número { $ticket }). Escriba su mensaje aquí.
ticket-reopen-expired = Esta conversación ya no se puede volver a abrir. Haga su pregunta de nuevo o pida hablar con una persona.
back-to-bot = De acuerdo, vuelvo a responder sus preguntas. El asesor todavía puede escribirle aquí.
relay-resumed = Todo lo que escriba ahora va de nuevo al asesor.
button-back-to-bot = Volver al bot
button-write-advisor = Escribir al asesor
button-reopen = Volver a abrir la conversación
day-today = hoy
day-tomorrow = mañana
day-mon = el lunes
day-tue = el martes
day-wed = el miércoles
day-thu = el jueves
day-fri = el viernes
day-sat = el sábado
day-sun = el domingo

## Command menu.
command-start = Empezar y elegir su idioma
command-help = Lo que puedo hacer
command-language = Elegir su idioma
command-advisor = Hablar con una persona
command-forget = Borrar todo lo guardado sobre usted

# Matrix: a message arrived that the bot could not decrypt.
matrix-undecryptable = No pude leer su último mensaje: llegó cifrado y no recibí la clave. Envíelo de nuevo, por favor. Si vuelve a pasar, cierre la sesión y vuelva a entrar en su aplicación de Matrix, o empiece un chat nuevo conmigo.

## Next to a link whose page is in another language than the reader's.
link-language = página en { $language }

## A photo, document or voice message arrived while no advisor is reading along.
media-received = Solo puedo leer mensajes de texto, no fotos, documentos ni mensajes de voz. Si tiene una carta que no puede leer, un asesor puede revisarla con usted.

## Queue, leaving a question, partners, rating.
ticket-created-later = He pasado su pregunta a los asesores (número { $ticket }). Un asesor le responderá aquí en cuanto esté libre. Todo lo que escriba ahora va al asesor.
ticket-created-urgent-closed = También he pedido a un asesor que le escriba aquí (número { $ticket }). Ahora los asesores no están trabajando; empiezan de nuevo { $day } a las { $time }. Si ahora está en peligro, llame al 112.
button-queue = ¿Qué lugar tengo en la cola?
queue-position = Usted tiene el número { $position } en la cola.
queue-wait-minutes = Espera prevista: de { $low } a { $high } minutos.
queue-wait-hours = Espera prevista: de { $low } a { $high } horas.
queue-wait-closing = Hoy los asesores terminan a las { $closes }. Si nadie está libre antes, recibirá una respuesta a partir de { $day } a las { $time }.
queue-opens = Los asesores empiezan de nuevo { $day } a las { $time }.
queue-none = Ahora usted no está esperando a un asesor.
person-closed = Nuestros asesores no están trabajando ahora. Empiezan de nuevo { $day } a las { $time }.
person-all-away = Ahora no hay ningún asesor disponible.
person-no-language = Ahora no hay ningún asesor disponible que hable { $language }. Nuestros asesores hablan: { $languages }.
person-leave-offer = Puede dejar su pregunta aquí. Un asesor le responderá más tarde en este chat; no necesita esperar aquí.
button-leave = Dejar mi pregunta
partner-says = { $name } (colabora con el municipio):
ticket-partner = A partir de ahora le ayuda { $name }. Esta organización colabora con la gemeente (el municipio). Leen sus mensajes aquí, pero no ven el nombre de su cuenta ni su número de teléfono.
rating-question = ¿Le ha ayudado esta conversación con el asesor?
rating-yes = Sí
rating-partly = En parte
rating-no = No
rating-thanks = ¡Gracias por su respuesta! Nos ayuda a hacerlo mejor.

# Offers of a person when none can come now (outside office hours, everyone away, or nobody who speaks
# the language): the question can be left, and an advisor answers here later.
dont-know-later = Lo siento, no sé la respuesta a esa pregunta. Puede preguntarla de otra forma o dejar su pregunta para un asesor, que le responderá aquí más tarde.
feedback-sorry-later = Siento que esto no le haya ayudado. Puede hacer su pregunta de otra forma o dejarla para un asesor, que le responderá aquí más tarde.
media-received-later = Solo puedo leer mensajes de texto, no fotos, documentos ni mensajes de voz. Si tiene una carta que no puede leer, deje su pregunta: un asesor puede revisar la carta con usted más tarde.
# The advisor or partner who was helping cannot go on; the question waits for the next advisor.
ticket-back-in-queue = La persona que le estaba ayudando no puede seguir con su pregunta. Su pregunta ha vuelto a los demás asesores: no tiene que preguntar de nuevo.
