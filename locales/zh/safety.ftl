# See locales/en/safety.ftl.
safeguarding-now = 您或其他人现在有危险吗？请拨打 112。
safeguarding-112 = 112：报警、叫救护车和消防的紧急电话（免费，全天候）。
safeguarding-113 = 113 Zelfmoordpreventie（自杀预防）：请拨打 113 或 0800 0113（免费、匿名，全天候），或在 113.nl 在线聊天。
safeguarding-veilig-thuis = Veilig Thuis（家庭暴力、虐待儿童）：请拨打 0800 2000（免费，全天候）。
safeguarding-csg = Centrum Seksueel Geweld（强奸、性暴力）：请拨打 0800 0188（免费，全天候）。
safeguarding-police = 非紧急情况的警察电话：0900 8844。
safeguarding-exploitation = 工作中的剥削（护照被扣、拿不到工资、不让离开）：请拨打 Nederlandse Arbeidsinspectie 0800 5151（可以匿名），或拨打 CoMensha 033 448 11 86 寻求帮助和临时住所。
safeguarding-more = 您不必说出自己的名字。顾问也会在这里回复您。
