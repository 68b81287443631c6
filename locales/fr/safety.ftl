# See locales/en/safety.ftl.
safeguarding-now = Êtes-vous en danger en ce moment, vous ou une autre personne ? Appelez le 112.
safeguarding-112 = 112 : numéro d'urgence pour la police, l'ambulance et les pompiers (gratuit, jour et nuit).
safeguarding-113 = 113 Zelfmoordpreventie (prévention du suicide) : appelez le 113 ou le 0800 0113 (gratuit et anonyme, jour et nuit), ou utilisez le chat sur 113.nl.
safeguarding-veilig-thuis = Veilig Thuis (violence à la maison, maltraitance des enfants) : appelez le 0800 2000 (gratuit, jour et nuit).
safeguarding-csg = Centrum Seksueel Geweld (viol, violences sexuelles) : appelez le 0800 0188 (gratuit, jour et nuit).
safeguarding-police = Police, quand ce n'est pas une urgence : 0900 8844.
safeguarding-exploitation = Exploitation au travail (passeport confisqué, pas de salaire, interdiction de partir) : appelez la Nederlandse Arbeidsinspectie au 0800 5151 (anonymat possible), ou CoMensha au 033 448 11 86 pour de l'aide et un hébergement.
safeguarding-more = Vous n'avez pas besoin de donner votre nom. Un conseiller vous écrira aussi ici.
