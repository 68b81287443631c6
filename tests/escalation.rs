//! Escalation to human advisors, end to end through the in-process transport: newcomers on one
//! platform, advisors in rooms on two platforms, a real SQLite file, and restarts at every step.

mod common;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use wegwijs::bot::BotConfig;
use wegwijs::conversation::{load_snapshot, Engine};
use wegwijs::escalation::TicketState;
use wegwijs::message::{Action, ChatRef, Delivery, Incoming, Kind, TicketOp};
use wegwijs::store::{GapReason, SqliteStore, Store};
use wegwijs::transport::memory::{find_action, plain, Hub, Seen};

/// Monday 2026-11-23 10:00 in Amsterdam (office hours are mon-fri 09:00-17:00).
const MONDAY_10: i64 = 1_795_424_400;

struct World {
    dir: tempfile::TempDir,
    clock: Arc<AtomicI64>,
    hub: Hub,
    engine: Engine,
}

fn engine(data: &Path, clock: &Arc<AtomicI64>) -> Engine {
    let cfg = BotConfig::load(&common::root().join("tests/fixtures/bots/escalation.toml")).unwrap().with_data_dir(Some(data.to_path_buf()));
    let (snap, _) = load_snapshot(&cfg, &|_| {}).unwrap();
    let store = SqliteStore::open(&data.join("wegwijs.sqlite")).unwrap();
    let c = clock.clone();
    Engine::new(cfg, snap, Arc::new(store)).with_clock(Arc::new(move || c.load(Ordering::SeqCst)))
}

impl World {
    fn new() -> World {
        let dir = tempfile::tempdir().unwrap();
        let clock = Arc::new(AtomicI64::new(MONDAY_10));
        let engine = engine(dir.path(), &clock);
        World { dir, clock, hub: Hub::new(&["telegram", "matrix"]), engine }
    }

    /// A crash: the engine (and everything it held in memory) is gone; a new one opens the same file.
    fn restart(&mut self) {
        let fresh = engine(self.dir.path(), &self.clock);
        self.engine = fresh;
    }

    fn advance(&self, secs: i64) {
        self.clock.fetch_add(secs, Ordering::SeqCst);
    }

    fn say(&mut self, chat: &ChatRef, user: &str, text: &str) {
        self.hub.say(&self.engine, chat, user, text);
    }

    fn press(&mut self, chat: &ChatRef, user: &str, a: Action) {
        self.hub.press(&self.engine, chat, user, a);
    }

    fn reply(&mut self, chat: &ChatRef, user: &str, to: &str, text: &str) {
        self.hub.reply(&self.engine, chat, user, to, text);
    }

    fn tick(&mut self) {
        self.engine.tick();
        self.hub.pump(&self.engine);
    }

    fn store(&self) -> &Arc<dyn Store> {
        self.engine.store()
    }
}

fn newcomer() -> ChatRef {
    ChatRef::new("telegram", "tg-chat-501")
}
const NEWCOMER: &str = "tg-user-501";
fn matrix_room() -> ChatRef {
    ChatRef::new("matrix", "!advisors:test")
}
fn telegram_room() -> ChatRef {
    ChatRef::new("telegram", "-100200")
}
const FATIMA: &str = "@fatima:test";
const PIOTR: &str = "@piotr:test";
const ANNA_TG: &str = "9003";

fn mentions(seen: &[Seen]) -> Vec<String> {
    use wegwijs::message::{Block, Inline};
    let mut out = Vec::new();
    for s in seen {
        for b in &s.msg.text.blocks {
            let inl: Vec<&Inline> = match b {
                Block::Heading(i) | Block::Paragraph(i) | Block::Note(i) => i.iter().collect(),
                Block::List(items) => items.iter().flatten().collect(),
            };
            for i in inl {
                if let Inline::Mention { user, .. } = i {
                    out.push(user.clone());
                }
            }
        }
    }
    out
}

/// The newcomer asks in Arabic and asks for a person; returns the ticket number.
fn arabic_ticket(w: &mut World) -> u64 {
    w.say(&newcomer(), NEWCOMER, "كيف أحصل على رقم المواطن BSN");
    w.press(&newcomer(), NEWCOMER, Action::Advisor);
    let t = w.store().active_ticket(&newcomer()).unwrap().expect("a ticket");
    t.id
}

#[test]
fn a_ticket_is_routed_claimed_answered_across_platforms_and_closed() {
    let mut w = World::new();
    let n = arabic_ticket(&mut w);
    let person = plain(&w.hub.take(&newcomer()));
    assert!(person.contains(&n.to_string()), "the newcomer learns the ticket number: {person}");
    assert!(find_action(&w.hub.visible(&newcomer()), |a| *a == Action::BackToBot).is_some());

    // Both rooms get the ticket, in their own language, with the words and the bot's answer.
    let mx = w.hub.take(&matrix_room());
    let tg = w.hub.take(&telegram_room());
    assert_eq!((mx.len(), tg.len()), (1, 1));
    let mx_text = plain(&mx);
    assert!(mx_text.contains(&format!("Ticket #{n} · Arabic · just now")), "{mx_text}");
    assert!(mx_text.contains("كيف أحصل على رقم المواطن BSN"), "{mx_text}");
    assert!(mx_text.contains("answered with"), "the transcript shows what the bot did: {mx_text}");
    assert!(plain(&tg).contains(&format!("Ticket #{n} · Arabisch · zojuist")), "the Telegram room reads Dutch: {}", plain(&tg));
    // Routed by language: Fatima speaks Arabic; the others are not mentioned.
    assert_eq!(mentions(&mx), vec![FATIMA.to_string()]);
    assert_eq!(mentions(&tg), vec!["9001".to_string()]);
    assert_eq!(mx[0].msg.kind, Kind::Ticket);

    // Fatima claims it with the button in the Matrix room; everyone sees it.
    let claim = find_action(&mx, |a| matches!(a, Action::Ticket { op: TicketOp::Claim, .. })).unwrap();
    w.press(&matrix_room(), FATIMA, claim);
    assert!(plain(&w.hub.take(&matrix_room())).contains(&format!("Ticket #{n} is claimed by Fatima El Amrani")));
    assert!(plain(&w.hub.take(&telegram_room())).contains("genomen door Fatima El Amrani"));
    let told = plain(&w.hub.take(&newcomer()));
    assert!(told.contains("Fatima") && !told.contains("El Amrani"), "first name only: {told}");
    // The claim notice is threaded under the ticket in each room.
    let root = mx[0].message_id.clone();
    assert!(w.hub.visible(&matrix_room()).iter().skip(1).all(|s| s.msg.thread.as_deref() == Some(root.as_str())));

    // Fatima answers in the thread on Matrix; the newcomer on Telegram reads it, marked as a person.
    w.reply(&matrix_room(), FATIMA, &root, "مرحبا، سأساعدك. متى وصلت إلى ليدن؟");
    let got = w.hub.take(&newcomer());
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].msg.kind, Kind::Relay);
    let text = got[0].msg.text.plain();
    assert!(text.contains("Fatima") && text.contains("متى وصلت إلى ليدن"), "{text}");
    // The other room sees the answer too; the room it was written in does not get a copy.
    assert!(plain(&w.hub.take(&telegram_room())).contains("متى وصلت إلى ليدن"));
    assert!(w.hub.take(&matrix_room()).is_empty());
    assert_eq!(w.store().ticket(n).unwrap().unwrap().state, TicketState::Answered);

    // The newcomer writes back: it goes to the rooms, not to the search.
    w.say(&newcomer(), NEWCOMER, "وصلت الأسبوع الماضي");
    assert!(w.hub.take(&newcomer()).is_empty(), "no bot answer while talking to an advisor");
    let mx = plain(&w.hub.take(&matrix_room()));
    assert!(mx.contains("the person writes") && mx.contains("وصلت الأسبوع الماضي"), "{mx}");

    // Telegram-room advisors can answer too (Anna is not the holder, so she is refused).
    let tg_root = tg[0].message_id.clone();
    w.reply(&telegram_room(), ANNA_TG, &tg_root, "Ik neem het over");
    assert!(plain(&w.hub.take(&telegram_room())).contains("genomen door Fatima El Amrani"));
    assert!(w.hub.take(&newcomer()).is_empty(), "a refused answer is not relayed");

    // Fatima closes; the newcomer is told and can reopen within the configured time.
    w.say(&matrix_room(), FATIMA, &format!("/close {n}"));
    assert!(plain(&w.hub.take(&matrix_room())).contains(&format!("Fatima El Amrani closed ticket #{n}")));
    let closed = w.hub.take(&newcomer());
    assert!(plain(&closed).contains("72"), "{}", plain(&closed));
    w.say(&newcomer(), NEWCOMER, "كيف أحصل على رقم المواطن BSN");
    assert_eq!(w.hub.take(&newcomer())[0].msg.kind, Kind::Answer, "after closing, the bot answers again");
    w.advance(3600);
    w.press(&newcomer(), NEWCOMER, Action::Reopen);
    let t = w.store().ticket(n).unwrap().unwrap();
    assert_eq!((t.state, t.advisor.as_deref()), (TicketState::Open, None));
    let mx = w.hub.take(&matrix_room());
    assert!(plain(&mx).contains(&format!("The person reopened ticket #{n}")));
    assert!(mentions(&mx).contains(&FATIMA.to_string()), "the previous advisor is mentioned");
}

#[test]
fn routing_offers_speakers_of_the_language_first_then_anyone() {
    let mut w = World::new();
    let pl = ChatRef::new("matrix", "!dm-pl:test");
    w.say(&pl, "@ola:test", "Chcę rozmawiać z człowiekiem");
    assert!(w.store().active_ticket(&pl).unwrap().is_some(), "plain words in Polish ask for a person");
    let mx = w.hub.take(&matrix_room());
    assert!(plain(&mx).contains("Polish"), "{}", plain(&mx));
    assert_eq!(mentions(&mx), vec![PIOTR.to_string()]);

    let so = ChatRef::new("telegram", "so-1");
    w.say(&so, "so-user", "Waxaan rabaa inaan la hadlo qof");
    w.press(&so, "so-user", Action::Advisor);
    // Nobody speaks Somali: the person hears so and may leave the question.
    assert!(w.store().active_ticket(&so).unwrap().is_none());
    let leave = find_action(&w.hub.take(&so), |a| *a == Action::Leave).expect("an offer to leave the question");
    assert!(w.hub.take(&matrix_room()).is_empty());
    w.press(&so, "so-user", leave);
    assert!(w.store().active_ticket(&so).unwrap().is_some());
    let mx = w.hub.take(&matrix_room());
    let tg = w.hub.take(&telegram_room());
    // Then it is offered in turn to an advisor with room (Piotr just had his turn): Fatima, on both platforms.
    assert_eq!(mentions(&mx), vec![FATIMA.to_string()]);
    assert_eq!(mentions(&tg), vec!["9001".to_string()]);
}

#[test]
fn only_advisors_act_on_tickets_whatever_they_craft() {
    let mut w = World::new();
    let n = arabic_ticket(&mut w);
    w.hub.take(&newcomer());
    w.hub.take(&matrix_room());
    let before = w.hub.count(&matrix_room());

    // A newcomer presses crafted ticket buttons and types advisor commands.
    for op in [TicketOp::Claim, TicketOp::Close, TicketOp::Release, TicketOp::Suggest] {
        w.press(&newcomer(), NEWCOMER, Action::Ticket { op, ticket: n });
    }
    for cmd in [format!("/claim {n}"), format!("/close {n}"), "/tickets".into(), format!("/reply {n} hi"), format!("#{n} hello")] {
        w.say(&newcomer(), NEWCOMER, &cmd);
    }
    let t = w.store().ticket(n).unwrap().unwrap();
    assert_eq!((t.state, t.advisor.clone()), (TicketState::Open, None), "nothing changed");
    let seen = plain(&w.hub.take(&newcomer()));
    assert!(!seen.contains("Ticket #") && !seen.contains("claimed"), "no ticket data leaks to a newcomer: {seen}");
    // "#N hello" from the newcomer is their own message to the advisors, not a command.
    assert!(w.hub.count(&matrix_room()) > before);
    let relayed = plain(&w.hub.take(&matrix_room()));
    assert!(!relayed.contains("claimed by"), "{relayed}");

    // The same from someone in the room who is not a configured advisor.
    w.press(&matrix_room(), "@intruder:test", Action::Ticket { op: TicketOp::Claim, ticket: n });
    w.say(&matrix_room(), "@intruder:test", "/tickets");
    let root = w.hub.visible(&matrix_room())[0].message_id.clone();
    w.reply(&matrix_room(), "@intruder:test", &root, "give me your address");
    let room = plain(&w.hub.take(&matrix_room()));
    assert_eq!(room.matches("Only the advisors of this bot can do that.").count(), 2, "{room}");
    assert!(w.hub.take(&newcomer()).is_empty(), "nothing from a non-advisor reaches the newcomer");
    assert_eq!(w.store().ticket(n).unwrap().unwrap().state, TicketState::Open);
    // Chatter between advisors in the room is left alone.
    w.say(&matrix_room(), FATIMA, "coffee anyone?");
    assert!(w.hub.take(&matrix_room()).is_empty() && w.hub.take(&newcomer()).is_empty());
}

#[test]
fn advisors_never_see_the_newcomers_account() {
    let mut w = World::new();
    let n = arabic_ticket(&mut w);
    w.say(&newcomer(), NEWCOMER, "شكرا");
    w.say(&matrix_room(), FATIMA, &format!("/tickets"));
    w.say(&matrix_room(), FATIMA, &format!("/claim {n}"));
    for room in [matrix_room(), telegram_room()] {
        for s in w.hub.visible(&room) {
            let dump = format!("{:?}", s.msg);
            assert!(!dump.contains("501"), "the newcomer's chat or user id reached the room: {dump}");
        }
    }
}

#[test]
fn release_handover_and_listing() {
    let mut w = World::new();
    let n = arabic_ticket(&mut w);
    w.say(&matrix_room(), FATIMA, &format!("/claim {n}"));
    w.say(&matrix_room(), FATIMA, &format!("/handover {n} Piotr"));
    let t = w.store().ticket(n).unwrap().unwrap();
    assert_eq!(t.advisor.as_deref(), Some("Piotr Nowak"));
    let room = w.hub.take(&matrix_room());
    assert!(plain(&room).contains(&format!("Ticket #{n} was handed from Fatima El Amrani to Piotr Nowak")));
    assert!(mentions(&room).contains(&PIOTR.to_string()));
    assert!(plain(&w.hub.take(&newcomer())).contains("Piotr"));

    // Fatima no longer holds it; Piotr releases it; the list shows it waiting again.
    w.say(&matrix_room(), FATIMA, &format!("/release {n}"));
    assert!(plain(&w.hub.take(&matrix_room())).contains("is claimed by Piotr Nowak"));
    w.say(&matrix_room(), PIOTR, &format!("/release {n}"));
    assert_eq!(w.store().ticket(n).unwrap().unwrap().state, TicketState::Open);
    w.hub.take(&matrix_room());
    w.say(&matrix_room(), PIOTR, "/tickets");
    let list = plain(&w.hub.take(&matrix_room()));
    assert!(list.contains(&format!("Ticket #{n} · Arabic")) && list.contains("waiting"), "{list}");
    w.say(&matrix_room(), PIOTR, "/handover 999 Fatima");
    assert!(plain(&w.hub.take(&matrix_room())).contains("There is no ticket #999"));
    w.say(&matrix_room(), PIOTR, &format!("/handover {n} Nobody"));
    assert!(plain(&w.hub.take(&matrix_room())).contains("There is no advisor called \"Nobody\""));
}

#[test]
fn safeguarding_words_get_help_at_once_and_an_urgent_ticket_first_in_line() {
    let mut w = World::new();
    // An ordinary ticket first.
    let other = ChatRef::new("telegram", "tg-chat-777");
    w.say(&other, "777", "I want to talk to a human");
    let ordinary = w.store().active_ticket(&other).unwrap().unwrap().id;

    w.say(&newcomer(), NEWCOMER, "My husband hits me and I am afraid");
    let got = w.hub.take(&newcomer());
    assert_eq!(got[0].msg.kind, Kind::Urgent, "help comes first");
    let help = got[0].msg.text.plain();
    // Violence at home: Veilig Thuis, and 112 for acute danger.
    for number in ["112", "Veilig Thuis", "0800 2000"] {
        assert!(help.contains(number), "{help}");
    }
    let t = w.store().active_ticket(&newcomer()).unwrap().unwrap();
    assert!(t.urgent);
    let room = plain(&w.hub.take(&matrix_room()));
    assert!(room.contains("URGENT") && room.contains("Possible danger"), "{room}");
    w.say(&matrix_room(), FATIMA, "/tickets");
    let list = plain(&w.hub.take(&matrix_room()));
    let (u, o) = (list.find(&format!("#{} ", t.id)).unwrap(), list.find(&format!("#{ordinary} ")).unwrap());
    assert!(u < o, "the urgent ticket is listed first: {list}");

    // In other languages too, and an open ticket becomes urgent.
    for (chat, text) in [("tr-1", "kocam beni dövüyor"), ("uk-1", "я хочу вбити себе"), ("ar-1", "زوجي يضربني"), ("nl-1", "mijn vriend slaat me")] {
        let c = ChatRef::new("telegram", chat);
        w.say(&c, "u", text);
        let got = w.hub.take(&c);
        assert_eq!(got.first().map(|s| s.msg.kind), Some(Kind::Urgent), "{text}");
        assert!(w.store().active_ticket(&c).unwrap().unwrap().urgent, "{text}");
    }
    // Two kinds of danger in one message: the help for both.
    let c = ChatRef::new("telegram", "en-2");
    w.say(&c, "u", "my husband beats me and the boss at the farm keeps my passport");
    let help = w.hub.take(&c)[0].msg.text.plain();
    for number in ["0800 2000", "0800 5151", "112"] {
        assert!(help.contains(number), "{help}");
    }
    w.say(&other, "777", "I think about suicide");
    assert!(w.store().ticket(ordinary).unwrap().unwrap().urgent);
    assert!(plain(&w.hub.take(&matrix_room())).contains(&format!("Ticket #{ordinary} is now urgent")));
}

#[test]
fn two_unanswered_questions_open_a_ticket() {
    let mut w = World::new();
    let c = ChatRef::new("telegram", "tg-miss");
    w.say(&c, "u", "what is the weather on the moon");
    assert!(w.store().active_ticket(&c).unwrap().is_none());
    w.say(&c, "u", "recipe for apple pie with cinnamon");
    let t = w.store().active_ticket(&c).unwrap().expect("ticket after two misses");
    assert_eq!(t.reason, wegwijs::escalation::Reason::Misses);
    let room = plain(&w.hub.take(&matrix_room()));
    assert!(room.contains("could not answer twice") && room.contains("did not know the answer"), "{room}");
    // The newcomer can go back to the bot; the advisor's answer still reaches them.
    w.press(&c, "u", Action::BackToBot);
    assert!(plain(&w.hub.take(&matrix_room())).contains("went back to the bot"));
    w.say(&c, "u", "Hoe krijg ik een burgerservicenummer?");
    assert!(w.hub.take(&c).iter().any(|s| s.msg.kind == Kind::Answer));
    w.say(&matrix_room(), FATIMA, &format!("/reply {} We do not know recipes, sorry!", t.id));
    let got = w.hub.take(&c);
    assert!(plain(&got).contains("recipes"));
    assert!(find_action(&got, |a| *a == Action::Resume).is_some(), "a button to write to the advisor again");
}

#[test]
fn outside_office_hours_the_newcomer_hears_when_and_the_room_is_reminded_in_hours() {
    let mut w = World::new();
    // Saturday 2026-11-28 11:00.
    w.clock.store(MONDAY_10 + 5 * 86_400 + 3600, Ordering::SeqCst);
    w.say(&newcomer(), NEWCOMER, "I want to talk to a person");
    let told = w.hub.take(&newcomer());
    assert!(plain(&told).contains("Monday at 09:00"), "{}", plain(&told));
    // The person leaves the question for Monday.
    w.press(&newcomer(), NEWCOMER, find_action(&told, |a| *a == Action::Leave).expect("an offer to leave the question"));
    let told = plain(&w.hub.take(&newcomer()));
    assert!(told.contains("Monday 09:00"), "{told}");
    w.hub.take(&matrix_room());
    w.advance(31 * 60);
    w.tick();
    assert!(w.hub.take(&matrix_room()).is_empty(), "no reminders outside office hours");
    let waiting = plain(&w.hub.take(&newcomer()));
    assert!(waiting.contains("Monday 09:00"), "{waiting}");
    w.tick();
    assert!(w.hub.take(&newcomer()).is_empty(), "told once");

    // Monday 09:05: a reminder with mentions; an hour later another; none after a claim.
    w.clock.store(MONDAY_10 + 7 * 86_400 - 3300, Ordering::SeqCst);
    w.tick();
    let r = w.hub.take(&matrix_room());
    assert!(plain(&r).contains("nobody has claimed this ticket yet"), "{}", plain(&r));
    assert!(!mentions(&r).is_empty());
    w.advance(30 * 60);
    w.tick();
    assert!(w.hub.take(&matrix_room()).is_empty());
    w.advance(31 * 60);
    w.tick();
    assert_eq!(w.hub.take(&matrix_room()).len(), 1);
    let n = w.store().active_ticket(&newcomer()).unwrap().unwrap().id;
    w.say(&matrix_room(), FATIMA, &format!("/claim {n}"));
    w.hub.take(&matrix_room());
    w.advance(3 * 3600);
    w.tick();
    assert!(w.hub.take(&matrix_room()).is_empty());
}

#[test]
fn in_office_hours_a_waiting_newcomer_hears_the_expected_time() {
    let mut w = World::new();
    w.say(&newcomer(), NEWCOMER, "/advisor");
    assert!(w.store().active_ticket(&newcomer()).unwrap().is_some());
    w.hub.take(&newcomer());
    w.advance(31 * 60);
    w.tick();
    let told = plain(&w.hub.take(&newcomer()));
    assert!(told.contains("vandaag 17:00"), "Dutch (the bot's default) and today's closing time: {told}");
}

#[test]
fn advisors_suggestion_reaches_the_gaps_report_without_identity() {
    let mut w = World::new();
    let n = arabic_ticket(&mut w);
    w.say(&matrix_room(), FATIMA, &format!("/reply {n} You get a BSN when you register at the municipality."));
    let root = w.hub.visible(&matrix_room())[0].message_id.clone();
    let _ = root;
    w.press(&matrix_room(), FATIMA, Action::Ticket { op: TicketOp::Suggest, ticket: n });
    assert!(plain(&w.hub.take(&matrix_room())).contains("suggestion for the knowledge base"));
    let gaps = w.store().gaps().unwrap();
    let s = gaps.iter().find(|g| g.reason == GapReason::Suggestion).expect("a suggestion");
    assert_eq!(s.answer.as_deref(), Some("You get a BSN when you register at the municipality."));
    assert!(s.question.contains("BSN"));
    let report = wegwijs::gaps::report(&gaps).text();
    assert!(report.contains("You get a BSN when you register"), "{report}");
}

#[test]
fn forget_deletes_tickets_transcripts_and_room_messages() {
    let mut w = World::new();
    let n = arabic_ticket(&mut w);
    w.say(&matrix_room(), FATIMA, &format!("/reply {n} hello"));
    w.say(&newcomer(), NEWCOMER, "my secret details");
    assert!(!w.hub.visible(&matrix_room()).is_empty());
    w.say(&newcomer(), NEWCOMER, "/forget");
    assert!(plain(&w.hub.take(&newcomer())).contains("deleted"), "the person is told");
    assert!(w.store().tickets_of(&newcomer()).unwrap().is_empty());
    assert!(w.store().entries(n).unwrap().is_empty());
    assert!(w.store().gaps().unwrap().is_empty(), "gaps linked to the person are gone too");
    // The room keeps only the notice that the ticket was deleted.
    let left = plain(&w.hub.visible(&matrix_room()));
    assert!(!left.contains("رقم المواطن") && !left.contains("my secret details"), "{left}");
    assert!(left.contains(&format!("Ticket #{n} was deleted at the person's request")), "{left}");
    // A new ticket gets a new number, never a reused one.
    let m = arabic_ticket(&mut w);
    assert!(m > n);
}

#[test]
fn closed_tickets_are_deleted_after_the_retention_period() {
    let mut w = World::new();
    let n = arabic_ticket(&mut w);
    let other = ChatRef::new("telegram", "still-open");
    w.say(&other, "x", "/advisor");
    let open = w.store().active_ticket(&other).unwrap().unwrap().id;
    w.say(&matrix_room(), FATIMA, &format!("/close {n}"));
    w.advance(29 * 86_400);
    w.tick();
    assert!(w.store().ticket(n).unwrap().is_some(), "kept within 30 days");
    w.advance(2 * 86_400);
    w.tick();
    assert!(w.store().ticket(n).unwrap().is_none(), "deleted after 30 days");
    assert!(w.store().entries(n).unwrap().is_empty());
    assert!(w.store().ticket(open).unwrap().is_some(), "open tickets are never deleted by retention");
}

/// Kills the engine at every point of a conversation with an advisor and continues: nothing is
/// lost, nothing is shown twice.
#[test]
fn a_crash_at_any_step_loses_nothing_and_sends_nothing_twice() {
    let mut w = World::new();
    let steps: Vec<(ChatRef, &str, Incoming)> = vec![
        (newcomer(), NEWCOMER, Incoming::text(newcomer(), NEWCOMER, "كيف أحصل على رقم المواطن BSN")),
        (newcomer(), NEWCOMER, Incoming::action(newcomer(), NEWCOMER, Action::Advisor)),
        (matrix_room(), FATIMA, Incoming::text(matrix_room(), FATIMA, "/claim 1")),
        (matrix_room(), FATIMA, Incoming::text(matrix_room(), FATIMA, "#1 first answer from Fatima")),
        (newcomer(), NEWCOMER, Incoming::text(newcomer(), NEWCOMER, "reply from the newcomer")),
        (matrix_room(), FATIMA, Incoming::text(matrix_room(), FATIMA, "#1 second answer")),
        (matrix_room(), FATIMA, Incoming::text(matrix_room(), FATIMA, "/close 1")),
    ];
    for (i, (_, _, msg)) in steps.into_iter().enumerate() {
        let ev = format!("crash-ev-{i}");
        let msg = msg.with_event_id(&ev);
        // Crash 1: the engine handled the event (and stored its effects) but nothing was delivered.
        let out = w.engine.handle(&msg);
        assert!(!out.is_empty(), "step {i} produces messages");
        w.restart();
        // The platform redelivers the event (its offset was never confirmed): it is recognised.
        assert!(w.engine.handle(&msg).is_empty(), "step {i}: a redelivered event is not handled twice");
        // Crash 2: the first pending message reached the platform, but the engine died before it
        // heard so. After the restart it is sent again with the same id, and the platform drops it.
        let pending: Vec<Delivery> = ["telegram", "matrix"].iter().flat_map(|p| w.engine.pending(p)).collect();
        assert!(!pending.is_empty(), "step {i}: nothing lost");
        if let Some(Delivery::Send(o)) = pending.first() {
            w.hub.show(o);
        }
        w.restart();
        w.hub.pump(&w.engine);
        w.restart();
        w.hub.pump(&w.engine);
        assert!(["telegram", "matrix"].iter().all(|p| w.engine.pending(p).is_empty()), "step {i}: all delivered");
    }
    // Every message arrived exactly once.
    let person = w.hub.visible(&newcomer());
    let texts: Vec<String> = person.iter().map(|s| s.msg.text.plain()).collect();
    assert_eq!(texts.iter().filter(|t| t.contains("first answer from Fatima")).count(), 1, "{texts:#?}");
    assert_eq!(texts.iter().filter(|t| t.contains("second answer")).count(), 1);
    let room: Vec<String> = w.hub.visible(&matrix_room()).iter().map(|s| s.msg.text.plain()).collect();
    // The conversation's language survived the crash after step 0.
    assert_eq!(room.iter().filter(|t| t.starts_with("== Ticket #1 · Arabic")).count(), 1, "{room:#?}");
    assert_eq!(room.iter().filter(|t| t.contains("reply from the newcomer")).count(), 1, "{room:#?}");
    assert_eq!(room.iter().filter(|t| t.contains("is claimed by Fatima")).count(), 1);
    let t = w.store().ticket(1).unwrap().unwrap();
    assert_eq!(t.state, TicketState::Closed);
    let words: Vec<String> = w.store().entries(1).unwrap().into_iter().map(|e| e.text).collect();
    assert!(words.contains(&"reply from the newcomer".to_string()) && words.contains(&"second answer".to_string()), "{words:?}");
}

#[test]
fn hostile_text_from_advisors_and_newcomers_is_carried_safely() {
    let mut w = World::new();
    let n = arabic_ticket(&mut w);
    w.hub.take(&newcomer());
    let huge = "<b>&amp;</b>\u{202E}".repeat(5_000);
    w.say(&matrix_room(), FATIMA, &format!("#{n} {huge}"));
    let got: Vec<Seen> = w.hub.take(&newcomer()).into_iter().filter(|s| s.msg.kind == Kind::Relay).collect();
    assert_eq!(got.len(), 1);
    let text = got[0].msg.text.plain();
    assert!(text.chars().count() < 3_200, "capped: {}", text.chars().count());
    w.say(&newcomer(), NEWCOMER, &"\u{0000}x".repeat(10_000));
    assert!(!w.hub.take(&matrix_room()).is_empty());
}

#[test]
fn bad_escalation_settings_are_explained() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(&path, "id = \"x\"\nmunicipality = \"X\"\nlayers = []\n[escalation]\nhours = [\"mon-fri 9-17\"]\n").unwrap();
    let err = BotConfig::load(&path).unwrap_err().to_string();
    assert!(err.contains("bad.toml") && err.contains("9-17"), "{err}");
    std::fs::write(&path, "id = \"x\"\nmunicipality = \"X\"\nlayers = []\n[escalation]\ntimezone = \"Mars/Olympus\"\n").unwrap();
    assert!(BotConfig::load(&path).unwrap_err().to_string().contains("Mars/Olympus"));
}

#[test]
fn ticket_posts_show_their_state_and_refusals_reach_only_the_person_who_pressed() {
    let mut w = World::new();
    let n = arabic_ticket(&mut w);
    let posts = w.hub.take(&matrix_room());
    let post = posts.iter().find(|s| s.msg.kind == Kind::Ticket).expect("the ticket is posted").clone();
    let ops = |w: &World| -> Vec<TicketOp> {
        w.hub.buttons_now(&post).iter().flatten().filter_map(|b| match b.action { Action::Ticket { op, .. } => Some(op), _ => None }).collect()
    };
    assert!(ops(&w).contains(&TicketOp::Claim));

    // Someone who is not an advisor presses Claim: a refusal for them alone, in the ticket's thread.
    w.press(&matrix_room(), "@stranger:test", Action::Ticket { op: TicketOp::Claim, ticket: n });
    let got = w.hub.take(&matrix_room());
    let refusal = got.iter().find(|s| s.msg.kind == Kind::Refusal).expect("a refusal");
    assert_eq!(refusal.msg.to_user.as_deref(), Some("@stranger:test"));
    assert_eq!(refusal.msg.ticket, Some(n));
    assert_eq!(w.store().ticket(n).unwrap().unwrap().state, TicketState::Open);

    // An advisor claims: the post now offers Release and Close instead of Claim.
    w.press(&matrix_room(), FATIMA, Action::Ticket { op: TicketOp::Claim, ticket: n });
    assert!(!ops(&w).contains(&TicketOp::Claim) && ops(&w).contains(&TicketOp::Release), "{:?}", ops(&w));
    w.press(&matrix_room(), FATIMA, Action::Ticket { op: TicketOp::Close, ticket: n });
    assert_eq!(ops(&w), vec![TicketOp::Suggest]);
}
