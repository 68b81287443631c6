# See locales/en/safety.ftl.
safeguarding-now = Ma adiga ama qof kale ayaa hadda khatar ku jira? Wac 112.
safeguarding-112 = 112: lambarka degdegga ee booliska, ambalaaska iyo dab-damiska (bilaash, habeen iyo maalin).
safeguarding-113 = 113 Zelfmoordpreventie (ka hortagga isdilka): wac 113 ama 0800 0113 (bilaash, magacaaga looma baahna, habeen iyo maalin), ama kula xiriir qoraal (chat) 113.nl.
safeguarding-veilig-thuis = Veilig Thuis (rabshadda guriga, xadgudubka carruurta): wac 0800 2000 (bilaash, habeen iyo maalin).
safeguarding-csg = Centrum Seksueel Geweld (kufsi, xadgudub galmo): wac 0800 0188 (bilaash, habeen iyo maalin).
safeguarding-police = Booliska marka aanay arrintu degdeg ahayn: 0900 8844.
safeguarding-exploitation = Ka faa'iideysiga shaqada (baasaboorkaaga waa lagaa qaaday, mushahar laguma siiyo, laguuma oggola inaad baxdo): wac Nederlandse Arbeidsinspectie 0800 5151 (magacaaga looma baahna), ama wac CoMensha 033 448 11 86 si aad u hesho caawimo iyo hoy.
safeguarding-more = Looma baahna inaad magacaaga sheegto. La-taliye ayaa sidoo kale halkan kuugu soo qori doona.
