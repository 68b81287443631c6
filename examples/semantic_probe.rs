//! Quality probe for semantic search on the shipped Leiden bot: long questions worded the way
//! people write them, each with the topic that answers it, and questions the bot should not answer.
//! Shows the three closest topics per question and the similarity of the best topic for questions
//! in and out of scope, to choose how to weigh semantic scores against lexical ones.
//!
//! cargo run --release --example semantic_probe -- [MODEL_DIR]     (default .model/multilingual-e5-small)
//!
//! Exits with 1 when an in-scope question does not have its topic among the first three.

use std::path::PathBuf;
use wegwijs::bot::BotConfig;
use wegwijs::conversation::load_snapshot;

/// Written for this probe (not taken from any evaluation set).
const IN_SCOPE: &[(&str, &str)] = &[
    ("register-address", "Hi, I arrived in Leiden two weeks ago and I'm renting a room from a friend, what do I have to do at the town hall so that I'm officially living here?"),
    ("bsn", "My employer keeps asking for some personal number for the payroll and I don't have one yet, where do I get it and how long does it take?"),
    ("health-insurance", "I'm from India and started a job here last month, somebody told me that I have to pay for insurance for doctors myself, is that really mandatory?"),
    ("gp-registration", "We have two small kids and nobody to call when they get sick during the day, how do we sign up with a family doctor in our neighbourhood?"),
    ("after-hours-care", "It's Saturday night and my daughter has a high temperature and our doctor's office is closed, who can I call that is not the emergency number?"),
    ("learn-dutch", "I really want to speak the language better so I can talk to my neighbours, are there cheap or free lessons somewhere in the city?"),
    ("bank-account", "Which documents do I need to bring to get a debit card and an account at a Dutch bank when I just moved here?"),
    ("driving-licence", "I have a car licence from Brazil, can I keep driving with it here or do I have to do the whole exam again?"),
    ("rent-allowance", "Our rent is very high compared to what I earn, is there some money from the government that helps pay it?"),
    ("waste-collection", "Where do I leave an old sofa and a broken fridge, and which day do they empty the green bins in my street?"),
    ("digid", "Every website of the government asks me to log in with some code, how do I get that login and why does it need a letter?"),
    ("school-enrolment", "Mijn dochter is vijf jaar en we zijn net verhuisd vanuit Polen, hoe vind ik een school voor haar en moet ze verplicht naar school?"),
    ("social-assistance", "Ik ben mijn baan kwijt en heb geen geld meer voor de huur en boodschappen, kan de gemeente mij helpen met een uitkering?"),
    ("health-insurance", "Ich bin seit einem Monat in den Niederlanden und arbeite in einem Lager, muss ich mich selbst krankenversichern oder macht das mein Arbeitgeber?"),
    ("register-address", "Je viens d'emménager à Leiden avec ma famille, comment est-ce qu'on s'inscrit à la commune et quels papiers faut-il apporter ?"),
    ("learn-dutch", "Quiero aprender neerlandés para encontrar un trabajo mejor, ¿hay cursos en Leiden que no sean muy caros?"),
    ("child-benefit", "Tenho dois filhos pequenos e ouvi dizer que o governo dá dinheiro às famílias com crianças, como é que eu peço isso?"),
    ("gp-registration", "Sono arrivata da poco a Leiden e non ho ancora un medico, come faccio a trovarne uno che accetti nuovi pazienti?"),
    ("diploma-recognition", "Am terminat facultatea de medicină în România, cum pot să-mi echivalez diploma ca să lucrez aici?"),
    ("bsn", "Nie mam jeszcze tego numeru obywatelskiego, a pracodawca go potrzebuje. Gdzie i jak mogę go dostać?"),
    ("health-insurance", "Я приехал работать в Нидерланды на полгода, нужно ли мне оформлять медицинскую страховку и сколько она стоит?"),
    ("civic-integration", "Мені дали дозвіл на проживання, і хтось сказав, що тепер я маю скласти якийсь іспит з мови та культури. Що це і чи це обов'язково?"),
    ("bank-account", "لقد وصلت حديثاً إلى هولندا وأريد أن أفتح حساباً في البنك، ما هي الأوراق التي أحتاجها؟"),
    ("refugee-support", "Benim oturma iznim var ve eşimle çocuklarımı Türkiye'den buraya getirmek istiyorum, bunun için nereye başvurmalıyım?"),
    ("dentist", "دندانم خیلی درد می‌کند و هنوز دندانپزشک ندارم، چطور یکی پیدا کنم و آیا بیمه هزینه را می‌پردازد؟"),
    ("childcare", "我和我丈夫都全职工作，孩子两岁，我们可以把孩子送到哪里照看？政府会补贴费用吗？"),
    ("register-address", "Waxaan hadda u soo guuray Leiden, sidee baan isu diiwaan geliyaa dowladda hoose oo maxaan keenaa?"),
];

/// Questions outside what the knowledge base covers, written for this probe.
const OUT_OF_SCOPE: &[&str] = &[
    "What is the best phone to buy for under 300 euros?",
    "Can you recommend a good Italian restaurant near the station for a birthday dinner?",
    "Who won the football match between Ajax and Feyenoord yesterday?",
    "How do I make my sourdough bread rise more, it always comes out flat?",
    "Wat voor weer wordt het dit weekend, kan ik gaan fietsen naar het strand?",
    "Welke film draait er vanavond in de bioscoop in Leiden?",
    "Quelle est la capitale de l'Australie et combien d'habitants y vivent ?",
    "¿Cuál es la mejor manera de aprender a tocar la guitarra en casa?",
    "Wie lange muss ich ein Ei kochen, damit das Eigelb noch weich ist?",
    "Jaki jest najlepszy sposób na naukę programowania w Pythonie?",
    "Какой ноутбук лучше купить для учёбы в университете?",
    "ما هي أفضل طريقة لتعلم الطبخ الإيطالي في المنزل؟",
    "En iyi akıllı telefon hangisi, kamerası güzel olsun?",
    "我想学弹钢琴，有什么好的入门方法吗？",
    "Qual é a melhor praia de Portugal para surfar no verão?",
];

fn main() -> anyhow::Result<()> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let model = std::env::args().nth(1).map(PathBuf::from).unwrap_or_else(|| root.join(".model/multilingual-e5-small"));
    let data = root.join("target/semantic-probe");
    let mut cfg = BotConfig::load(&root.join("bots/leiden.toml"))?.with_data_dir(Some(data));
    cfg.semantic_model = Some(model.clone());
    let (snap, _) = load_snapshot(&cfg, &|_| {})?;
    let index = snap.semantic.as_ref().ok_or_else(|| anyhow::anyhow!("no model in {}: run scripts/model", model.display()))?;

    let (mut top1, mut top3, mut n) = (0, 0, 0);
    let (mut best_in, mut margin_in, mut best_out) = (Vec::new(), Vec::new(), Vec::new());
    println!("in scope: rank of the expected topic, then the three closest topics");
    for (expected, q) in IN_SCOPE {
        let m = index.matches(q);
        let rank = m.iter().position(|x| x.topic.as_str() == *expected).map(|r| r + 1);
        n += 1;
        top1 += usize::from(rank == Some(1));
        top3 += usize::from(rank.is_some_and(|r| r <= 3));
        best_in.push(m[0].similarity);
        if let Some(r) = rank {
            margin_in.push(m[r - 1].similarity - m.iter().find(|x| x.topic.as_str() != *expected).map_or(0.0, |x| x.similarity));
        }
        let shown: Vec<String> = m.iter().take(3).map(|x| format!("{} {:.3}", x.topic, x.similarity)).collect();
        println!("  {:>2}  {expected:<20} {}   <- {}", rank.map_or("-".into(), |r| r.to_string()), shown.join(", "), short(q));
        println!("        closest text: [{}] {}", m[0].lang, m[0].text);
    }
    println!("out of scope: the closest topic");
    for q in OUT_OF_SCOPE {
        let m = index.matches(q);
        best_out.push(m[0].similarity);
        println!("      {} {:.3}, {} {:.3}   <- {}", m[0].topic, m[0].similarity, m[1].topic, m[1].similarity, short(q));
    }
    println!("\nin scope: {top1}/{n} first, {top3}/{n} within the first three");
    println!("best similarity, in scope:     {}", summary(&mut best_in));
    println!("best similarity, out of scope: {}", summary(&mut best_out));
    println!("expected topic minus best other topic (in scope): {}", summary(&mut margin_in));
    std::process::exit(if top3 == n { 0 } else { 1 });
}

fn short(q: &str) -> String {
    let s: String = q.chars().take(70).collect();
    if s.len() < q.len() { format!("{s}…") } else { s }
}

fn summary(v: &mut [f32]) -> String {
    v.sort_by(f32::total_cmp);
    let at = |p: f64| v[((v.len() - 1) as f64 * p).round() as usize];
    format!("min {:.3}  p10 {:.3}  median {:.3}  p90 {:.3}  max {:.3}  (n={})", v[0], at(0.1), at(0.5), at(0.9), v[v.len() - 1], v.len())
}
