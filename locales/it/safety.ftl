# See locales/en/safety.ftl.
safeguarding-now = È in pericolo in questo momento, Lei o un'altra persona? Chiami il 112.
safeguarding-112 = 112: numero di emergenza per polizia, ambulanza e vigili del fuoco (gratuito, giorno e notte).
safeguarding-113 = 113 Zelfmoordpreventie (prevenzione del suicidio): chiami il 113 o lo 0800 0113 (gratuito e anonimo, giorno e notte), oppure scriva in chat su 113.nl.
safeguarding-veilig-thuis = Veilig Thuis (violenza in casa, maltrattamento di minori): chiami lo 0800 2000 (gratuito, giorno e notte).
safeguarding-csg = Centrum Seksueel Geweld (stupro, violenza sessuale): chiami lo 0800 0188 (gratuito, giorno e notte).
safeguarding-police = Polizia, quando non è un'emergenza: 0900 8844.
safeguarding-exploitation = Sfruttamento sul lavoro (passaporto trattenuto, niente paga, non può andarsene): chiami la Nederlandse Arbeidsinspectie allo 0800 5151 (anche in forma anonima), oppure CoMensha allo 033 448 11 86 per aiuto e alloggio.
safeguarding-more = Non deve dire il Suo nome. Un consulente Le scriverà anche qui.
