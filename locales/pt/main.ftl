# Wegwijs: texts that newcomers read. One file per language: locales/<lang>/main.ftl.
# Keep the message ids identical in every language; `cargo test` fails when one is missing.

## Names of the languages, written in this file's language.
lang-nl = holandês
lang-en = inglês
lang-ar = árabe
lang-tr = turco
lang-pl = polonês
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
    Faça uma pergunta na sua língua, por exemplo sobre a inscrição do seu endereço, o seguro de saúde ou aprender holandês.
    Respondo com links para as páginas oficiais. Se eu não puder ajudar, posso pedir a uma pessoa que ajude você.
help =
    Faça uma pergunta em poucas palavras, na sua língua.
    /language: escolher a sua língua
    /advisor: falar com uma pessoa
    /forget: apagar tudo o que está guardado sobre você
    /help: mostrar esta ajuda
unknown-command = Não conheço esse comando. Escreva /help para ver o que posso fazer.
empty-question = Escreva a sua pergunta em poucas palavras, por favor.
dont-know = Desculpe, não sei a resposta a essa pergunta. Você pode perguntar de outra forma ou falar com uma pessoa.
choose-topic = Não sei bem o que você quer dizer. Qual destes temas corresponde melhor à sua pergunta?
answer-language-note = Esta resposta ainda não existe em { $wanted }. Aqui está em { $shown }.
draft-note = Esta tradução ainda não foi verificada. Se algo não estiver claro, pergunte a uma pessoa.
links-heading = Páginas oficiais:
related-heading = Temas relacionados:
button-helped = Isto ajudou
button-not-helped = Isto não ajudou
button-advisor = Falar com uma pessoa
button-language = Língua
feedback-thanks = Obrigado por me dizer!
feedback-sorry = Lamento que isto não tenha ajudado. Você pode fazer a pergunta de outra forma ou falar com uma pessoa.
language-menu = Escolha a sua língua:
language-set = A partir de agora respondo em { $language }.
forget-done = Apaguei tudo o que tinha guardado sobre você.

## Talking to a person (advisors), danger, days.
advisor-unavailable = Ainda não é possível falar com uma pessoa neste chat. Você pode falar diretamente com a gemeente (o município) de { $municipality }.
ticket-created = Passei a sua pergunta a um conselheiro (número { $ticket }). Uma pessoa vai responder aqui. Tudo o que você escrever agora vai para o conselheiro.
ticket-created-urgent = Também pedi a um conselheiro que responda aqui o mais rápido possível (número { $ticket }). Tudo o que você escrever agora vai para o conselheiro.
ticket-created-closed = Passei a sua pergunta a um conselheiro (número { $ticket }). Neste momento não há conselheiros de serviço. Vão responder a partir de { $day }, às { $time }. Tudo o que você escrever agora vai para o conselheiro.
ticket-still-open = A sua conversa com um conselheiro (número { $ticket }) ainda está aberta. Escreva a sua mensagem aqui; o conselheiro vai ler.
ticket-waiting = Desculpe, a sua pergunta ainda não foi atendida. Esperamos uma resposta até { $day }, às { $time }. Você pode continuar a escrever aqui.
ticket-waiting-soon = Desculpe, a sua pergunta ainda não foi atendida. Um conselheiro vai responder o mais rápido possível. Você pode continuar a escrever aqui.
ticket-claimed = { $name } vai agora tratar da sua pergunta. { $name } é uma pessoa, não o bot.
advisor-says = { $name } (conselheiro):
ticket-closed = O conselheiro fechou esta conversa. Tem uma nova pergunta? É só perguntar. Nas próximas { $hours } horas, você pode reabrir a conversa com o conselheiro.
ticket-reopened = A sua conversa com os conselheiros está aberta outra vez (número { $ticket }). Escreva a sua mensagem aqui.
ticket-reopen-expired = Esta conversa já não pode ser reaberta. Faça a sua pergunta outra vez, ou peça para falar com uma pessoa.
back-to-bot = Está bem, volto a responder às suas perguntas. O conselheiro também pode continuar a escrever aqui.
relay-resumed = Tudo o que você escrever agora vai outra vez para o conselheiro.
button-back-to-bot = Voltar ao bot
button-write-advisor = Escrever ao conselheiro
button-reopen = Reabrir a conversa
day-today = hoje
day-tomorrow = amanhã
day-mon = segunda-feira
day-tue = terça-feira
day-wed = quarta-feira
day-thu = quinta-feira
day-fri = sexta-feira
day-sat = sábado
day-sun = domingo

## Command menu.
command-start = Começar e escolher a sua língua
command-help = O que posso fazer
command-language = Escolher a sua língua
command-advisor = Falar com uma pessoa
command-forget = Apagar tudo o que está guardado sobre você

# Matrix: a message arrived that the bot could not decrypt.
matrix-undecryptable = Não consegui ler a sua última mensagem: chegou encriptada e não recebi a chave. Envie a mensagem outra vez, por favor. Se isto se repetir, saia e volte a entrar no seu app Matrix, ou comece uma nova conversa comigo.

## Next to a link whose page is in another language than the reader's.
link-language = página em { $language }

## A photo, document or voice message arrived while no advisor is reading along.
media-received = Só consigo ler mensagens de texto, não fotos, documentos ou mensagens de voz. Se você tem uma carta que não consegue ler, um conselheiro pode ver a carta com você.

## Queue, leaving a question, partners, rating.
ticket-created-later = Passei a sua pergunta aos conselheiros (número { $ticket }). Um conselheiro vai responder aqui assim que estiver livre. Tudo o que você escrever agora vai para o conselheiro.
ticket-created-urgent-closed = Também pedi a um conselheiro que lhe escreva aqui (número { $ticket }). Neste momento os conselheiros não estão a trabalhar; recomeçam { $day }, às { $time }. Se você está em perigo agora, ligue para o 112.
button-queue = Qual é o meu lugar na fila?
queue-position = Você é o número { $position } na fila.
queue-wait-minutes = Espera prevista: de { $low } a { $high } minutos.
queue-wait-hours = Espera prevista: de { $low } a { $high } horas.
queue-wait-closing = Hoje os conselheiros terminam às { $closes }. Se ninguém estiver livre antes disso, você recebe uma resposta a partir de { $day }, às { $time }.
queue-opens = Os conselheiros recomeçam { $day }, às { $time }.
queue-none = Neste momento você não está à espera de um conselheiro.
person-closed = Os nossos conselheiros não estão a trabalhar agora. Recomeçam { $day }, às { $time }.
person-all-away = Neste momento não há nenhum conselheiro disponível.
person-no-language = Neste momento não há nenhum conselheiro disponível que fale { $language }. Os nossos conselheiros falam: { $languages }.
person-leave-offer = Você pode deixar a sua pergunta aqui. Um conselheiro vai responder mais tarde nesta conversa; não precisa de esperar aqui.
button-leave = Deixar a minha pergunta
partner-says = { $name } (trabalha com o município):
ticket-partner = A partir de agora, { $name } ajuda você. Esta organização trabalha com a gemeente (o município). Eles leem as suas mensagens aqui, mas não veem o nome da sua conta nem o seu número de telefone.
rating-question = Esta conversa com o conselheiro ajudou você?
rating-yes = Sim
rating-partly = Em parte
rating-no = Não
rating-thanks = Obrigado pela sua resposta! Ajuda-nos a fazer melhor.

# Offers of a person when none can come now (outside office hours, everyone away, or nobody who speaks
# the language): the question can be left, and an advisor answers here later.
dont-know-later = Desculpe, não sei a resposta a essa pergunta. Você pode perguntar de outra forma ou deixar a sua pergunta para um conselheiro, que vai responder aqui mais tarde.
feedback-sorry-later = Lamento que isto não tenha ajudado. Você pode fazer a pergunta de outra forma ou deixá-la para um conselheiro, que vai responder aqui mais tarde.
media-received-later = Só consigo ler mensagens de texto, não fotos, documentos ou mensagens de voz. Se você tem uma carta que não consegue ler, deixe a sua pergunta: um conselheiro pode ver a carta com você mais tarde.
# The advisor or partner who was helping cannot go on; the question waits for the next advisor.
ticket-back-in-queue = A pessoa que ajudava você não pode continuar com a sua pergunta. A sua pergunta voltou para os outros conselheiros: você não precisa de perguntar outra vez.
