# See locales/en/safety.ftl.
safeguarding-now = Czy Ty lub ktoś inny jest teraz w niebezpieczeństwie? Zadzwoń pod 112.
safeguarding-112 = 112: numer alarmowy policji, pogotowia i straży pożarnej (bezpłatny, całą dobę).
safeguarding-113 = 113 Zelfmoordpreventie (zapobieganie samobójstwom): zadzwoń pod 113 lub 0800 0113 (bezpłatnie i anonimowo, całą dobę) albo napisz na czacie na 113.nl.
safeguarding-veilig-thuis = Veilig Thuis (przemoc w domu, krzywdzenie dzieci): zadzwoń pod 0800 2000 (bezpłatnie, całą dobę).
safeguarding-csg = Centrum Seksueel Geweld (gwałt, przemoc seksualna): zadzwoń pod 0800 0188 (bezpłatnie, całą dobę).
safeguarding-police = Policja, gdy sprawa nie jest nagła: 0900 8844.
safeguarding-exploitation = Wyzysk w pracy (zabrany paszport, brak wypłaty, zakaz wychodzenia): zadzwoń do Nederlandse Arbeidsinspectie pod 0800 5151 (można anonimowo) albo do CoMensha pod 033 448 11 86 po pomoc i schronienie.
safeguarding-more = Nie trzeba podawać nazwiska. Doradca też tu napisze.
