# Emergency numbers and helplines, shown first when a message is about danger.
# Keep every number exactly as written here; `cargo test` checks them in every language.
safeguarding-now = Are you or someone else in danger right now? Call 112.
safeguarding-112 = 112: emergency number for police, ambulance and fire brigade (free, day and night).
safeguarding-113 = 113 Suicide Prevention: call 113 or 0800 0113 (free and anonymous, day and night), or chat at 113.nl.
safeguarding-veilig-thuis = Veilig Thuis (violence at home, child abuse): call 0800 2000 (free, day and night).
safeguarding-csg = Centrum Seksueel Geweld (rape, sexual violence): call 0800 0188 (free, day and night).
safeguarding-police = Police when it is not an emergency: 0900 8844.
safeguarding-exploitation = Exploitation at work (your passport taken, no pay, not allowed to leave): call the Nederlandse Arbeidsinspectie on 0800 5151 (you may stay anonymous), or CoMensha on 033 448 11 86 for help and shelter.
safeguarding-more = You do not have to give your name. An advisor will also write to you here.
