# Wegwijs: ready replies advisors send with "/reply-canned N id" (see locales/en/replies.ftl).

reply-photo = Pouvez-vous envoyer une photo de la lettre ? Vérifiez que tout le texte est lisible. Vous pouvez cacher votre BSN et vos coordonnées bancaires.
reply-moment = Merci. Je regarde votre question maintenant ; attendez un instant, s'il vous plaît.
reply-later = Je vais regarder cela et je vous réponds ici demain.
reply-desk = Venez au guichet de l'International Centre, s'il vous plaît. Apportez la lettre et votre pièce d'identité.
reply-call = Appelez la gemeente (la commune) à ce sujet, s'il vous plaît. Elle peut consulter votre dossier. Vous trouvez son numéro de téléphone sur la lettre de la commune ou sur son site internet.
reply-elsewhere = Nous ne pouvons pas vous aider pour cela, mais { $who } peut le faire. Contactez-les, s'il vous plaît.
reply-thanks = Merci pour votre message. Je suis content d'avoir pu vous aider. Bonne chance !
