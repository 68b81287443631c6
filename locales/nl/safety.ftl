# See locales/en/safety.ftl.
safeguarding-now = Ben je nu in gevaar, of is iemand anders in gevaar? Bel 112.
safeguarding-112 = 112: alarmnummer voor politie, ambulance en brandweer (gratis, dag en nacht).
safeguarding-113 = 113 Zelfmoordpreventie: bel 113 of 0800 0113 (gratis en anoniem, dag en nacht), of chat op 113.nl.
safeguarding-veilig-thuis = Veilig Thuis (geweld thuis, kindermishandeling): bel 0800 2000 (gratis, dag en nacht).
safeguarding-csg = Centrum Seksueel Geweld (verkrachting, seksueel geweld): bel 0800 0188 (gratis, dag en nacht).
safeguarding-police = Politie als het geen spoed heeft: 0900 8844.
safeguarding-exploitation = Uitbuiting op het werk (je paspoort is afgepakt, je krijgt geen loon, je mag niet weg): bel de Nederlandse Arbeidsinspectie op 0800 5151 (dat kan anoniem), of CoMensha op 033 448 11 86 voor hulp en opvang.
safeguarding-more = Je hoeft je naam niet te noemen. Een adviseur stuurt je hier ook een bericht.
