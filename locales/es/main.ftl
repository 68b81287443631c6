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
    Hazme una pregunta en tu idioma, por ejemplo sobre cómo registrar tu dirección, el seguro médico o aprender neerlandés.
    Respondo con enlaces a las páginas oficiales. Si no puedo ayudarte, puedo pedir a una persona que te ayude.
help =
    Hazme una pregunta con pocas palabras, en tu idioma.
    /language: elige tu idioma
    /advisor: habla con una persona
    /forget: borra todo lo que está guardado sobre ti
    /help: muestra esta ayuda
unknown-command = No conozco ese comando. Escribe /help para ver lo que puedo hacer.
empty-question = Escribe tu pregunta con pocas palabras, por favor.
dont-know = Lo siento, no sé la respuesta a esa pregunta. Puedes preguntarla de otra forma o hablar con una persona.
choose-topic = No estoy seguro de lo que quieres decir. ¿Cuál de estos temas se ajusta mejor a tu pregunta?
answer-language-note = Esta respuesta todavía no está en { $wanted }. Aquí la tienes en { $shown }.
draft-note = Esta traducción todavía no se ha revisado. Si algo no está claro, pregunta a una persona.
links-heading = Páginas oficiales:
related-heading = Temas relacionados:
button-helped = Esto me ayudó
button-not-helped = Esto no me ayudó
button-advisor = Hablar con una persona
button-language = Idioma
feedback-thanks = ¡Gracias por decírmelo!
feedback-sorry = Siento que esto no te haya ayudado. Puedes hacer tu pregunta de otra forma o hablar con una persona.
advisor-requested = Voy a pedir a un asesor que te ayude. Un asesor es una persona que habla tu idioma. Espera aquí su respuesta.
language-menu = Elige tu idioma:
language-set = A partir de ahora respondo en { $language }.
forget-done = He borrado todo lo que tenía guardado sobre ti.
