# See locales/en/safety.ftl.
safeguarding-now = Você ou outra pessoa está em perigo agora? Ligue para o 112.
safeguarding-112 = 112: número de emergência para polícia, ambulância e bombeiros (grátis, dia e noite).
safeguarding-113 = 113 Zelfmoordpreventie (prevenção do suicídio): ligue para o 113 ou 0800 0113 (grátis e anónimo, dia e noite), ou converse pelo chat em 113.nl.
safeguarding-veilig-thuis = Veilig Thuis (violência em casa, maus-tratos a crianças): ligue para o 0800 2000 (grátis, dia e noite).
safeguarding-csg = Centrum Seksueel Geweld (violação ou estupro, violência sexual): ligue para o 0800 0188 (grátis, dia e noite).
safeguarding-police = Polícia, quando não é urgente: 0900 8844.
safeguarding-exploitation = Exploração no trabalho (passaporte retido, sem salário, proibido de sair): ligue para a Nederlandse Arbeidsinspectie pelo 0800 5151 (pode ser anónimo), ou para a CoMensha pelo 033 448 11 86 para ajuda e abrigo.
safeguarding-more = Você não precisa dizer o seu nome. Um conselheiro também vai escrever para você aqui.
