# Wegwijs: ready replies advisors send with "/reply-canned N id" (see locales/en/replies.ftl).

reply-photo = Ma soo diri kartaa sawirka warqadda? Fadlan hubi in qoraalka oo dhan la akhrin karo. Waad dabooli kartaa BSN-kaaga iyo xogta bangigaaga.
reply-moment = Mahadsanid. Hadda ayaan eegayaa su'aashaada; fadlan in yar sug.
reply-later = Waan eegi doonaa arrintan, berrina halkan ayaan kaaga soo jawaabi doonaa.
reply-desk = Fadlan u imow miiska International Centre. Keen warqadda iyo kaarkaaga aqoonsiga.
reply-call = Fadlan arrintan ka wac gemeente (dowladda hoose). Waxay eegi karaan faylkaaga. Lambarka taleefankooda waxaad ka helaysaa warqadda dowladda hoose ama bogga internetka.
reply-elsewhere = Arrintan kuguma caawin karno, laakiin { $who } ayaa ku caawin kara. Fadlan la xiriir.
reply-thanks = Waad ku mahadsan tahay fariintaada. Waan ku faraxsanahay inaan ku caawiyay. Guul!
