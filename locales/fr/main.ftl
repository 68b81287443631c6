# Wegwijs: texts that newcomers read. One file per language: locales/<lang>/main.ftl.
# Keep the message ids identical in every language; `cargo test` fails when one is missing.

## Names of the languages, written in this file's language.
lang-nl = néerlandais
lang-en = anglais
lang-ar = arabe
lang-tr = turc
lang-pl = polonais
lang-uk = ukrainien
lang-ru = russe
lang-fa = persan
lang-ti = tigrigna
lang-so = somali
lang-es = espagnol
lang-fr = français
lang-de = allemand
lang-zh = chinois
lang-pt = portugais
lang-ro = roumain
lang-it = italien

## The name of this language in its own script, shown in the language menu.
lang-self = Français

welcome =
    Bonjour ! Je suis Wegwijs, une aide pour les nouveaux arrivants à { $municipality }.
    Posez-moi une question dans votre langue, par exemple sur l'inscription de votre adresse, l'assurance maladie ou l'apprentissage du néerlandais.
    Je réponds avec des liens vers les pages officielles. Si je ne peux pas vous aider, je peux demander à une personne de vous aider.
help =
    Posez-moi une question en quelques mots, dans votre langue.
    /language : choisir votre langue
    /advisor : parler à une personne
    /forget : effacer tout ce qui est enregistré sur vous
    /help : afficher cette aide
unknown-command = Je ne connais pas cette commande. Tapez /help pour voir ce que je peux faire.
empty-question = Tapez votre question en quelques mots, s'il vous plaît.
dont-know = Désolé, je ne connais pas la réponse à cette question. Vous pouvez la poser autrement ou parler à une personne.
choose-topic = Je ne suis pas sûr de comprendre. Laquelle de ces options correspond le mieux à votre question ?
answer-language-note = Cette réponse n'existe pas encore en { $wanted }. La voici en { $shown }.
draft-note = Cette traduction n'a pas encore été vérifiée. Si quelque chose n'est pas clair, parlez à une personne.
links-heading = Pages officielles :
related-heading = Sujets liés :
button-helped = Cela m'a aidé
button-not-helped = Cela ne m'a pas aidé
button-advisor = Parler à une personne
button-language = Langue
feedback-thanks = Merci de votre retour !
feedback-sorry = Désolé que cela ne vous ait pas aidé. Vous pouvez poser votre question autrement ou parler à une personne.
language-menu = Choisissez votre langue :
language-set = Désormais, je réponds en { $language }.
forget-done = J'ai effacé tout ce que j'avais enregistré sur vous.

## Talking to a person (advisors).
advisor-unavailable = Il n'est pas encore possible de parler à une personne dans ce chat. Vous pouvez contacter directement la commune de { $municipality }.
ticket-created = J'ai transmis votre question à un conseiller (numéro { $ticket }). Une personne vous répondra ici. Tout ce que vous écrivez maintenant va au conseiller.
ticket-created-urgent = J'ai aussi demandé à un conseiller de vous écrire ici le plus vite possible (numéro { $ticket }). Tout ce que vous écrivez maintenant va au conseiller.
ticket-created-closed = J'ai transmis votre question à un conseiller (numéro { $ticket }). Les conseillers ne travaillent pas en ce moment. Ils répondront { $day } à partir de { $time }. Tout ce que vous écrivez maintenant va au conseiller.
ticket-still-open = Votre conversation avec un conseiller (numéro { $ticket }) est encore ouverte. Écrivez votre message ici ; le conseiller le lira.
ticket-waiting = Désolé, personne n'a encore pris votre question. Nous attendons une réponse au plus tard { $day } à { $time }. Vous pouvez continuer à écrire ici.
ticket-waiting-soon = Désolé, personne n'a encore pris votre question. Un conseiller répondra dès que possible. Vous pouvez continuer à écrire ici.
ticket-claimed = { $name } vous aide maintenant. { $name } est une personne, pas le bot.
advisor-says = { $name } (conseiller) :
ticket-closed = Le conseiller a fermé cette conversation. Vous avez une nouvelle question ? Posez-la-moi. Pendant { $hours } heures, vous pouvez rouvrir la conversation avec le conseiller.
ticket-reopened = Votre conversation avec les conseillers est de nouveau ouverte (numéro { $ticket }). Écrivez votre message ici.
ticket-reopen-expired = Cette conversation ne peut plus être rouverte. Posez de nouveau votre question, ou demandez à parler à une personne.
back-to-bot = D'accord, je réponds de nouveau à vos questions. Le conseiller peut toujours vous écrire ici.
relay-resumed = Tout ce que vous écrivez maintenant va de nouveau au conseiller.
button-back-to-bot = Retour au bot
button-write-advisor = Écrire au conseiller
button-reopen = Rouvrir la conversation

## Days, for "from Monday 09:00".
day-today = aujourd'hui
day-tomorrow = demain
day-mon = lundi
day-tue = mardi
day-wed = mercredi
day-thu = jeudi
day-fri = vendredi
day-sat = samedi
day-sun = dimanche

## The command menu (Telegram shows it in the person's app language).
command-start = Commencer et choisir votre langue
command-help = Ce que je sais faire
command-language = Choisir votre langue
command-advisor = Parler à une personne
command-forget = Effacer tout ce qui est enregistré sur vous

# Matrix: a message arrived that the bot could not decrypt.
matrix-undecryptable = Je n'ai pas pu lire votre dernier message : il est arrivé chiffré et je n'ai pas reçu la clé. Merci de l'envoyer à nouveau. Si cela se répète, déconnectez-vous puis reconnectez-vous dans votre application Matrix, ou commencez une nouvelle discussion avec moi.

## Next to a link whose page is in another language than the reader's.
link-language = page en { $language }

## A photo, document or voice message arrived while no advisor is reading along.
media-received = Je ne peux lire que des messages écrits, pas les photos, documents ou messages vocaux. Si vous avez une lettre que vous ne comprenez pas, un conseiller peut la regarder avec vous.

## Queue, leaving a question, partners, rating.
ticket-created-later = J'ai transmis votre question aux conseillers (numéro { $ticket }). Un conseiller vous répondra ici dès qu'il sera libre. Tout ce que vous écrivez maintenant va au conseiller.
ticket-created-urgent-closed = J'ai aussi demandé à un conseiller de vous écrire ici (numéro { $ticket }). Les conseillers ne travaillent pas en ce moment ; ils reprennent { $day } à { $time }. Si vous êtes en danger maintenant, appelez le 112.
button-queue = Quelle est ma place dans la file ?
queue-position = Vous êtes numéro { $position } dans la file d'attente.
queue-wait-minutes = Attente prévue : de { $low } à { $high } minutes.
queue-wait-hours = Attente prévue : de { $low } à { $high } heures.
queue-wait-closing = Aujourd'hui, les conseillers s'arrêtent à { $closes }. Si personne n'est libre avant, vous aurez une réponse à partir de { $day } à { $time }.
queue-opens = Les conseillers reprennent { $day } à { $time }.
queue-none = Vous n'attendez pas de conseiller en ce moment.
person-closed = Nos conseillers ne travaillent pas en ce moment. Ils reprennent { $day } à { $time }.
person-all-away = Aucun conseiller n'est disponible en ce moment.
person-no-language = Aucun conseiller qui parle { $language } n'est disponible en ce moment. Nos conseillers parlent : { $languages }.
person-leave-offer = Vous pouvez laisser votre question ici. Un conseiller vous répondra plus tard dans cette conversation ; vous n'avez pas besoin d'attendre ici.
button-leave = Laisser ma question
partner-says = { $name } (travaille avec la commune) :
ticket-partner = À partir de maintenant, { $name } vous aide. Cette organisation travaille avec la gemeente (la commune). Elle lit vos messages ici, mais ne voit ni le nom de votre compte ni votre numéro de téléphone.
rating-question = Cette conversation avec le conseiller vous a-t-elle aidé ?
rating-yes = Oui
rating-partly = En partie
rating-no = Non
rating-thanks = Merci pour votre réponse ! Elle nous aide à faire mieux.

# Offers of a person when none can come now (outside office hours, everyone away, or nobody who speaks
# the language): the question can be left, and an advisor answers here later.
dont-know-later = Désolé, je ne connais pas la réponse à cette question. Vous pouvez la poser autrement ou laisser votre question à un conseiller, qui vous répondra ici plus tard.
feedback-sorry-later = Désolé que cela ne vous ait pas aidé. Vous pouvez poser votre question autrement ou la laisser à un conseiller, qui vous répondra ici plus tard.
media-received-later = Je ne peux lire que des messages écrits, pas les photos, documents ou messages vocaux. Si vous avez une lettre que vous ne comprenez pas, laissez votre question : un conseiller pourra regarder la lettre avec vous plus tard.
# The advisor or partner who was helping cannot go on; the question waits for the next advisor.
ticket-back-in-queue = La personne qui vous aidait ne peut pas continuer à traiter votre question. Votre question revient aux autres conseillers : vous n'avez pas besoin de la poser à nouveau.
