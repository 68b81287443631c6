# See locales/en/safety.ftl.
safeguarding-now = ¿Usted u otra persona está en peligro ahora mismo? Llame al 112.
safeguarding-112 = 112: número de emergencias para policía, ambulancia y bomberos (gratis, de día y de noche).
safeguarding-113 = 113 Zelfmoordpreventie (prevención del suicidio): llame al 113 o al 0800 0113 (gratis y anónimo, de día y de noche), o escriba por chat en 113.nl.
safeguarding-veilig-thuis = Veilig Thuis (violencia en casa, maltrato infantil): llame al 0800 2000 (gratis, de día y de noche).
safeguarding-csg = Centrum Seksueel Geweld (violación, violencia sexual): llame al 0800 0188 (gratis, de día y de noche).
safeguarding-police = Policía cuando no es una emergencia: 0900 8844.
safeguarding-exploitation = Explotación laboral (le quitaron el pasaporte, no le pagan, no le dejan irse): llame a la Nederlandse Arbeidsinspectie al 0800 5151 (puede ser anónimo), o a CoMensha al 033 448 11 86 para ayuda y alojamiento.
safeguarding-more = No tiene que dar su nombre. Un asesor también le escribirá aquí.
