# Wegwijs: ready replies advisors send with "/reply-canned N id" (see locales/en/replies.ftl).

reply-photo = Pode enviar uma foto da carta? Verifique se todo o texto se consegue ler. Você pode tapar o seu BSN e os seus dados bancários.
reply-moment = Obrigado. Estou a ver a sua pergunta agora; espere um momento, por favor.
reply-later = Vou ver isto e amanhã respondo aqui.
reply-desk = Por favor, venha ao balcão do International Centre. Traga a carta e o seu documento de identificação.
reply-call = Por favor, ligue para a gemeente (o município) sobre isto. Eles podem ver o seu processo. O número de telefone está na carta do município ou no site.
reply-elsewhere = Não podemos ajudar com isto, mas { $who } pode. Por favor, entre em contacto com eles.
reply-thanks = Obrigado pela sua mensagem. Fico contente por ter ajudado. Boa sorte!
