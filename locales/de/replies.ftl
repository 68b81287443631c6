# Wegwijs: ready replies advisors send with "/reply-canned N id" (see locales/en/replies.ftl).

reply-photo = Können Sie ein Foto des Briefes schicken? Achten Sie bitte darauf, dass man den ganzen Text lesen kann. Sie dürfen Ihre BSN und Ihre Bankdaten abdecken.
reply-moment = Danke. Ich sehe mir Ihre Frage jetzt an; bitte warten Sie einen Moment.
reply-later = Ich kläre das und melde mich morgen hier bei Ihnen.
reply-desk = Bitte kommen Sie zum Schalter des International Centre. Bringen Sie den Brief und Ihren Ausweis mit.
reply-call = Bitte rufen Sie dazu die gemeente (Gemeinde) an. Dort kann man Ihre Akte ansehen. Die Telefonnummer steht auf dem Brief der Gemeinde oder auf ihrer Website.
reply-elsewhere = Dabei können wir Ihnen nicht helfen, aber { $who } kann es. Bitte nehmen Sie dort Kontakt auf.
reply-thanks = Danke für Ihre Nachricht. Schön, dass ich Ihnen helfen konnte. Viel Erfolg!
