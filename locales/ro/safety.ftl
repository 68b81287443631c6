# See locales/en/safety.ftl.
safeguarding-now = Sunteți în pericol chiar acum, dumneavoastră sau altcineva? Sunați la 112.
safeguarding-112 = 112: numărul de urgență pentru poliție, ambulanță și pompieri (gratuit, zi și noapte).
safeguarding-113 = 113 Zelfmoordpreventie (prevenirea sinuciderii): sunați la 113 sau 0800 0113 (gratuit și anonim, zi și noapte) sau scrieți pe chat la 113.nl.
safeguarding-veilig-thuis = Veilig Thuis (violență în familie, abuz asupra copiilor): sunați la 0800 2000 (gratuit, zi și noapte).
safeguarding-csg = Centrum Seksueel Geweld (viol, violență sexuală): sunați la 0800 0188 (gratuit, zi și noapte).
safeguarding-police = Poliția, când nu este o urgență: 0900 8844.
safeguarding-exploitation = Exploatare la muncă (v-a fost luat pașaportul, nu primiți salariu, nu aveți voie să plecați): sunați la Nederlandse Arbeidsinspectie la 0800 5151 (puteți rămâne anonim) sau la CoMensha la 033 448 11 86 pentru ajutor și adăpost.
safeguarding-more = Nu trebuie să vă spuneți numele. Un consilier vă va scrie și aici.
