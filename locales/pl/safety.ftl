# See locales/en/safety.ftl.
safeguarding-now = Jeśli Państwu lub komuś innemu grozi teraz niebezpieczeństwo, prosimy dzwonić pod 112.
safeguarding-112 = 112: numer alarmowy policji, pogotowia i straży pożarnej (bezpłatny, całą dobę).
safeguarding-113 = 113 Zelfmoordpreventie (zapobieganie samobójstwom): można zadzwonić pod 113 lub 0800 0113 (bezpłatnie i anonimowo, całą dobę) albo porozmawiać na czacie na 113.nl.
safeguarding-veilig-thuis = Veilig Thuis (przemoc w domu, krzywdzenie dzieci): można dzwonić pod 0800 2000 (bezpłatnie, całą dobę).
safeguarding-csg = Centrum Seksueel Geweld (gwałt, przemoc seksualna): można dzwonić pod 0800 0188 (bezpłatnie, całą dobę).
safeguarding-police = Policja, gdy sprawa nie jest nagła: 0900 8844.
safeguarding-exploitation = Wyzysk w pracy (zabrany paszport, brak wypłaty, zakaz wychodzenia): można zadzwonić do Nederlandse Arbeidsinspectie pod 0800 5151 (także anonimowo) albo do CoMensha pod 033 448 11 86, aby uzyskać pomoc i schronienie.
safeguarding-more = Nie trzeba podawać swojego nazwiska. Doradca odpisze również tutaj.
