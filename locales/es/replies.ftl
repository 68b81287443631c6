# Wegwijs: ready replies advisors send with "/reply-canned N id" (see locales/en/replies.ftl).

reply-photo = ¿Puede enviar una foto de la carta? Compruebe que se pueda leer todo el texto. Puede tapar su BSN y sus datos bancarios.
reply-moment = Gracias. Estoy mirando su pregunta ahora; espere un momento, por favor.
reply-later = Voy a mirar esto y le respondo aquí mañana.
reply-desk = Por favor, venga al mostrador del International Centre. Traiga la carta y su documento de identidad.
reply-call = Por favor, llame a la gemeente (el municipio) por este tema. Pueden ver su expediente. Encontrará su número de teléfono en la carta del municipio o en su página web.
reply-elsewhere = No podemos ayudarle con esto, pero { $who } sí. Por favor, póngase en contacto con ellos.
reply-thanks = Gracias por su mensaje. Me alegra haberle ayudado. ¡Mucha suerte!
