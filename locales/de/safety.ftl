# See locales/en/safety.ftl.
safeguarding-now = Sind Sie oder ist jemand anderes gerade in Gefahr? Rufen Sie 112 an.
safeguarding-112 = 112: Notruf für Polizei, Rettungsdienst und Feuerwehr (kostenlos, Tag und Nacht).
safeguarding-113 = 113 Zelfmoordpreventie (Suizidprävention): rufen Sie 113 oder 0800 0113 an (kostenlos und anonym, Tag und Nacht) oder chatten Sie auf 113.nl.
safeguarding-veilig-thuis = Veilig Thuis (Gewalt zu Hause, Kindesmisshandlung): rufen Sie 0800 2000 an (kostenlos, Tag und Nacht).
safeguarding-csg = Centrum Seksueel Geweld (Vergewaltigung, sexuelle Gewalt): rufen Sie 0800 0188 an (kostenlos, Tag und Nacht).
safeguarding-police = Polizei, wenn es kein Notfall ist: 0900 8844.
safeguarding-exploitation = Ausbeutung bei der Arbeit (Pass weggenommen, kein Lohn, Sie dürfen nicht gehen): rufen Sie die Nederlandse Arbeidsinspectie unter 0800 5151 an (auch anonym möglich) oder CoMensha unter 033 448 11 86, wenn Sie Hilfe und eine Unterkunft brauchen.
safeguarding-more = Sie müssen Ihren Namen nicht nennen. Eine Beraterin oder ein Berater meldet sich auch hier bei Ihnen.
