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
draft-note = Cette traduction n'a pas encore été vérifiée. Si quelque chose n'est pas clair, demandez à une personne.
links-heading = Pages officielles :
related-heading = Sujets liés :
button-helped = Cela m'a aidé
button-not-helped = Cela ne m'a pas aidé
button-advisor = Parler à une personne
button-language = Langue
feedback-thanks = Merci de votre retour !
feedback-sorry = Désolé que cela ne vous ait pas aidé. Vous pouvez poser votre question autrement ou parler à une personne.
advisor-requested = Je vais demander à un conseiller de vous aider. Un conseiller est une personne qui parle votre langue. Attendez sa réponse ici.
language-menu = Choisissez votre langue :
language-set = Désormais, je réponds en { $language }.
forget-done = J'ai effacé tout ce que j'avais enregistré sur vous.
