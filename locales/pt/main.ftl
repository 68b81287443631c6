# Wegwijs: texts that newcomers read. One file per language: locales/<lang>/main.ftl.
# Keep the message ids identical in every language; `cargo test` fails when one is missing.

## Names of the languages, written in this file's language.
lang-nl = neerlandês
lang-en = inglês
lang-ar = árabe
lang-tr = turco
lang-pl = polaco
lang-uk = ucraniano
lang-ru = russo
lang-fa = persa
lang-ti = tigrínia
lang-so = somali
lang-es = espanhol
lang-fr = francês
lang-de = alemão
lang-zh = chinês
lang-pt = português
lang-ro = romeno
lang-it = italiano

## The name of this language in its own script, shown in the language menu.
lang-self = Português

welcome =
    Olá! Eu sou o Wegwijs, uma ajuda para quem acabou de chegar a { $municipality }.
    Faça-me uma pergunta na sua língua, por exemplo sobre o registo da sua morada, o seguro de saúde ou aprender neerlandês.
    Respondo com links para as páginas oficiais. Se eu não puder ajudar, posso pedir a uma pessoa que o ajude.
help =
    Faça-me uma pergunta em poucas palavras, na sua língua.
    /language: escolher a sua língua
    /advisor: falar com uma pessoa
    /forget: apagar tudo o que está guardado sobre si
    /help: mostrar esta ajuda
unknown-command = Não conheço esse comando. Escreva /help para ver o que posso fazer.
empty-question = Escreva a sua pergunta em poucas palavras, por favor.
dont-know = Desculpe, não sei a resposta a essa pergunta. Pode perguntar de outra forma ou falar com uma pessoa.
choose-topic = Não tenho a certeza do que quer dizer. Qual destes temas corresponde melhor à sua pergunta?
answer-language-note = Esta resposta ainda não existe em { $wanted }. Aqui está em { $shown }.
draft-note = Esta tradução ainda não foi verificada. Se algo não estiver claro, pergunte a uma pessoa.
links-heading = Páginas oficiais:
related-heading = Temas relacionados:
button-helped = Isto ajudou
button-not-helped = Isto não ajudou
button-advisor = Falar com uma pessoa
button-language = Língua
feedback-thanks = Obrigado por me dizer!
feedback-sorry = Lamento que isto não tenha ajudado. Pode fazer a pergunta de outra forma ou falar com uma pessoa.
advisor-requested = Vou pedir a um conselheiro que o ajude. Um conselheiro é uma pessoa que fala a sua língua. Aguarde aqui pela resposta.
language-menu = Escolha a sua língua:
language-set = A partir de agora respondo em { $language }.
forget-done = Apaguei tudo o que tinha guardado sobre si.
