//! The advisors' desk, end to end through the in-process transport and a real SQLite file: where a
//! newcomer stands, when nobody can come, ready answers in the newcomer's language, notes, fair
//! assignment, partner organisations and ratings.

mod common;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use wegwijs::bot::BotConfig;
use wegwijs::conversation::{load_snapshot, Engine};
use wegwijs::escalation::TicketState;
use wegwijs::lang::Lang;
use wegwijs::locale::Locales;
use wegwijs::message::{Action, Block, ChatRef, Incoming, Inline, Kind, TicketOp};
use wegwijs::store::{SqliteStore, Store};
use wegwijs::transport::memory::{find_action, Hub, Seen};

/// Monday 2026-11-23 10:00 in Amsterdam (office hours are mon-fri 09:00-17:00).
const MONDAY_10: i64 = 1_795_424_400;
const MINUTE: i64 = 60;
const DAY: i64 = 86_400;

struct World {
    dir: tempfile::TempDir,
    clock: Arc<AtomicI64>,
    hub: Hub,
    engine: Engine,
    loc: Locales,
}

fn engine(data: &Path, clock: &Arc<AtomicI64>) -> Engine {
    let cfg = BotConfig::load(&common::root().join("tests/fixtures/bots/desk.toml")).unwrap().with_data_dir(Some(data.to_path_buf()));
    let (snap, _) = load_snapshot(&cfg, &|_| {}).unwrap();
    let store = SqliteStore::open(&data.join("wegwijs.sqlite")).unwrap();
    let c = clock.clone();
    Engine::new(cfg, snap, Arc::new(store)).with_clock(Arc::new(move || c.load(Ordering::SeqCst)))
}

impl World {
    fn at(now: i64) -> World {
        let dir = tempfile::tempdir().unwrap();
        let clock = Arc::new(AtomicI64::new(now));
        let engine = engine(dir.path(), &clock);
        let loc = Locales::load(&common::root().join("locales")).unwrap();
        World { dir, clock, hub: Hub::new(&["telegram", "matrix"]), engine, loc }
    }

    fn new() -> World {
        World::at(MONDAY_10)
    }

    /// A message from the locales, as the newcomer or advisor reads it.
    fn msg(&self, lang: Lang, id: &str, args: &[(&str, &str)]) -> String {
        bare(&self.loc.msg(lang, id, args))
    }

    fn restart(&mut self) {
        self.engine = engine(self.dir.path(), &self.clock);
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

    fn ticket(&self, id: u64) -> wegwijs::escalation::Ticket {
        self.store().ticket(id).unwrap().expect("the ticket exists")
    }

    /// Newcomer `n` (a Telegram chat of their own) asks for a person; returns their ticket, if one opened.
    fn ask_person(&mut self, n: u32) -> Option<u64> {
        self.press(&person(n), &user(n), Action::Advisor);
        self.store().active_ticket(&person(n)).unwrap().map(|t| t.id)
    }

    /// Newcomer `n` chooses a language, then asks for a person.
    fn ask_person_in(&mut self, n: u32, lang: Lang) -> Option<u64> {
        self.press(&person(n), &user(n), Action::SetLanguage(lang));
        self.hub.take(&person(n));
        self.ask_person(n)
    }

    /// The ticket's post in a room (the first message of the ticket there).
    fn post(&self, room: &ChatRef, ticket: u64) -> Seen {
        self.hub.visible(room).into_iter().find(|s| s.msg.ticket == Some(ticket) && s.msg.kind == Kind::Ticket).expect("the ticket's post")
    }
}

fn person(n: u32) -> ChatRef {
    ChatRef::new("telegram", &format!("tg-chat-{n}"))
}
fn user(n: u32) -> String {
    format!("tg-user-{n}")
}
fn matrix_room() -> ChatRef {
    ChatRef::new("matrix", "!advisors:test")
}
fn telegram_room() -> ChatRef {
    ChatRef::new("telegram", "-100200")
}
fn partner_room() -> ChatRef {
    ChatRef::new("matrix", "!vwn:test")
}
const FATIMA: &str = "@fatima:test";
const PIOTR: &str = "@piotr:test";
const ANNA_TG: &str = "9003";
const JOOST: &str = "@joost:test";

fn mentions(seen: &[Seen]) -> Vec<String> {
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

/// Text without direction isolation marks (the renderer isolates left-to-right words in right-to-left
/// text, and the locales isolate placeables there).
fn bare(s: &str) -> String {
    s.chars().filter(|c| !matches!(c, '\u{2066}'..='\u{2069}')).collect()
}

fn plain(seen: &[Seen]) -> String {
    bare(&wegwijs::transport::memory::plain(seen))
}

fn wait_text(loc: &Locales, lang: Lang, low: i64, high: i64) -> String {
    bare(&loc.msg_num(lang, "queue-wait-minutes", &[], &[("low", low), ("high", high)]))
}

fn position_text(loc: &Locales, lang: Lang, position: i64) -> String {
    bare(&loc.msg_num(lang, "queue-position", &[], &[("position", position)]))
}

#[test]
fn the_newcomer_hears_their_place_and_a_wait_range_from_recent_claims() {
    let mut w = World::new();
    let nl = Lang::Nl;
    // No history yet: a cautious range up to claim_within_minutes (30) per place in the queue.
    let t1 = w.ask_person(1).unwrap();
    let told = plain(&w.hub.take(&person(1)));
    assert!(told.contains(&position_text(&w.loc, nl, 1)), "{told}");
    assert!(told.contains(&wait_text(&w.loc, nl, 5, 30)), "{told}");
    let t2 = w.ask_person(2).unwrap();
    let told = plain(&w.hub.take(&person(2)));
    assert!(told.contains(&position_text(&w.loc, nl, 2)), "{told}");
    assert!(told.contains(&wait_text(&w.loc, nl, 5, 60)), "{told}");
    let t3 = w.ask_person(3).unwrap();
    w.hub.take(&person(3));

    // Claims after 10, 20 and 30 minutes.
    w.advance(10 * MINUTE);
    w.say(&matrix_room(), FATIMA, &format!("/claim {t1}"));
    // The second newcomer asks where they stand: number 1 now.
    w.press(&person(2), &user(2), Action::Queue);
    let told = plain(&w.hub.take(&person(2)));
    assert!(told.contains(&position_text(&w.loc, nl, 1)), "{told}");
    w.advance(10 * MINUTE);
    w.say(&telegram_room(), ANNA_TG, &format!("/claim {t2}"));
    w.advance(10 * MINUTE);
    w.say(&matrix_room(), FATIMA, &format!("/claim {t3}"));
    let mut waits = w.store().claim_waits(0).unwrap();
    waits.sort();
    assert_eq!(waits, vec![600, 1200, 1800]);

    // Now the range is the middle of those waits (20 to 30 minutes) ...
    w.restart();
    w.ask_person(4).unwrap();
    let told = plain(&w.hub.take(&person(4)));
    assert!(told.contains(&position_text(&w.loc, nl, 1)), "{told}");
    assert!(told.contains(&wait_text(&w.loc, nl, 20, 30)), "{told}");
    // ... and for number 2 a median wait more, shared by the Dutch speakers with room: Fatima holds
    // her limit of two tickets, so only Anna: 40 to 50 minutes.
    w.ask_person(5).unwrap();
    let told = plain(&w.hub.take(&person(5)));
    assert!(told.contains(&position_text(&w.loc, nl, 2)), "{told}");
    assert!(told.contains(&wait_text(&w.loc, nl, 40, 50)), "{told}");

    // Someone with no ticket who presses the old button is told so.
    w.press(&person(9), &user(9), Action::Queue);
    assert!(plain(&w.hub.take(&person(9))).contains(&w.msg(nl, "queue-none", &[])));
}

#[test]
fn late_in_the_day_the_newcomer_hears_when_it_goes_on() {
    // Monday 16:45: a wait of up to 30 minutes runs past 17:00.
    let mut w = World::at(MONDAY_10 + 6 * 3600 + 45 * MINUTE);
    w.ask_person(1).unwrap();
    let told = plain(&w.hub.take(&person(1)));
    let nl = Lang::Nl;
    let expected = w.msg(nl, "queue-wait-closing", &[("closes", "17:00"), ("day", &w.msg(nl, "day-tomorrow", &[])), ("time", "09:00")]);
    assert!(told.contains(&expected), "{told}");
}

#[test]
fn outside_office_hours_the_newcomer_may_leave_the_question_and_the_wait_counts_office_time() {
    // Saturday 12:00.
    let mut w = World::at(MONDAY_10 + 5 * DAY + 2 * 3600);
    let nl = Lang::Nl;
    assert_eq!(w.ask_person(1), None, "nobody can come: no ticket unless the person chooses to leave the question");
    let told = w.hub.take(&person(1));
    let text = plain(&told);
    let monday = w.msg(nl, "day-mon", &[]);
    assert!(text.contains(&w.msg(nl, "person-closed", &[("day", &monday), ("time", "09:00")])), "{text}");
    assert!(text.contains(&w.msg(nl, "person-leave-offer", &[])), "{text}");
    assert!(w.hub.take(&matrix_room()).is_empty() && w.hub.take(&telegram_room()).is_empty(), "nobody is called");
    assert!(find_action(&told, |a| *a == Action::Advisor).is_none(), "no person is suggested when none can come");

    // The person leaves the question.
    let leave = find_action(&told, |a| *a == Action::Leave).expect("a button to leave the question");
    w.press(&person(1), &user(1), leave);
    let t = w.store().active_ticket(&person(1)).unwrap().expect("the question is left as a ticket").id;
    let text = plain(&w.hub.take(&person(1)));
    assert!(text.contains(&w.msg(nl, "ticket-created-closed", &[("ticket", &t.to_string()), ("day", &monday), ("time", "09:00")])), "{text}");
    assert_eq!(w.hub.take(&matrix_room()).len(), 1, "the rooms get the ticket to answer later");

    // Monday 09:15 Anna claims and answers: the answer arrives in the same chat.
    w.restart();
    w.advance(2 * DAY - 3 * 3600 + 15 * MINUTE);
    w.say(&telegram_room(), ANNA_TG, &format!("#{t} Goedemorgen, ik help je graag."));
    assert!(plain(&w.hub.take(&person(1))).contains("Goedemorgen, ik help je graag."));
    assert_eq!(w.store().claim_waits(0).unwrap(), vec![15 * MINUTE], "only office time counts as waiting");
}

#[test]
fn when_no_advisor_speaks_the_language_the_newcomer_hears_it_in_their_own() {
    let mut w = World::new();
    let ti = Lang::Ti;
    assert_eq!(w.ask_person_in(1, ti), None);
    let told = w.hub.take(&person(1));
    let text = plain(&told);
    assert!(told.iter().all(|s| s.msg.lang == ti));
    assert!(text.contains(&bare(&w.loc.lang_name(ti, ti))), "names their language: {text}");
    for spoken in [Lang::Nl, Lang::En, Lang::Ar, Lang::Pl] {
        assert!(text.contains(&bare(&w.loc.lang_name(ti, spoken))), "names the languages advisors speak: {text}");
    }
    assert!(text.contains(&w.msg(ti, "person-leave-offer", &[])), "{text}");
    let leave = find_action(&told, |a| *a == Action::Leave).unwrap();
    w.press(&person(1), &user(1), leave);
    let t = w.store().active_ticket(&person(1)).unwrap().expect("a ticket");
    assert_eq!(t.lang, ti);
    assert!(plain(&w.hub.take(&person(1))).contains(&w.msg(ti, "ticket-created-later", &[("ticket", &t.id.to_string())])));

    // Everyone away: the same honesty.
    for (room, who) in [(matrix_room(), FATIMA), (matrix_room(), PIOTR), (telegram_room(), ANNA_TG)] {
        w.say(&room, who, "/away");
    }
    assert_eq!(w.ask_person(2), None);
    let text = plain(&w.hub.take(&person(2)));
    assert!(text.contains(&w.msg(Lang::Nl, "person-all-away", &[])), "{text}");
    w.say(&telegram_room(), ANNA_TG, "/back");
    assert!(w.ask_person(2).is_some(), "with Anna back a ticket opens at once");
}

#[test]
fn ready_answers_reach_the_newcomer_in_their_language() {
    let mut w = World::new();
    let ar = Lang::Ar;
    let t = w.ask_person_in(1, ar).unwrap();
    w.hub.take(&person(1));

    // Fatima reads English and sends the knowledge base's BSN answer to a Dutch newcomer: it comes in Dutch.
    let d = w.ask_person(2).unwrap();
    w.hub.take(&person(2));
    w.say(&matrix_room(), FATIMA, &format!("/send {d} bsn"));
    let got: Vec<Seen> = w.hub.take(&person(2)).into_iter().filter(|s| s.msg.kind == Kind::Answer).collect();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].msg.lang, Lang::Nl);
    let text = plain(&got);
    let snap = w.engine.snapshot();
    let bsn = snap.kb.get_str("bsn").unwrap();
    assert!(text.contains(&w.msg(Lang::Nl, "advisor-says", &[("name", "Fatima")])), "{text}");
    assert!(text.contains(bsn.title(Lang::Nl, &[])), "{text}");
    assert!(find_action(&got, |a| *a == Action::Advisor).is_none(), "no 'talk to a person' in a talk with a person");
    assert_eq!(w.ticket(d).advisor.as_deref(), Some("Fatima El Amrani"), "sending an answer claims the ticket");
    let room = plain(&w.hub.take(&telegram_room()));
    assert!(room.contains(&format!("#{d}")) && room.contains(bsn.title(Lang::Nl, &[])), "the other room sees what was sent: {room}");

    // Anna sends it to the Arabic newcomer; the Arabic text is not checked yet (a draft), so it goes
    // out in a fallback language, and the room is told so.
    w.say(&telegram_room(), ANNA_TG, &format!("/send {t} bsn"));
    let got: Vec<Seen> = w.hub.take(&person(1)).into_iter().filter(|s| s.msg.kind == Kind::Answer).collect();
    assert_eq!(got.len(), 1);
    assert!(plain(&got).contains(&w.msg(ar, "advisor-says", &[("name", "Anna")])));
    let room = plain(&w.hub.take(&telegram_room()));
    let (title, arabic, english) = (bsn.title(Lang::Nl, &[]), w.loc.lang_name(Lang::Nl, ar), w.loc.lang_name(Lang::Nl, Lang::En));
    let told = w.msg(Lang::Nl, "staff-sent-topic-fallback", &[("ticket", &t.to_string()), ("name", "Anna de Vries"), ("topic", title), ("wanted", &arabic), ("language", &english)]);
    assert!(room.contains(&told), "{room}");
    w.say(&telegram_room(), ANNA_TG, &format!("/send {t} no-such-thing-at-all"));
    assert!(plain(&w.hub.take(&telegram_room())).contains(&w.msg(Lang::Nl, "staff-unknown-topic", &[("topic", "no-such-thing-at-all"), ("options", "-")])));

    // /replies lists the ready replies with their short names, in the room's language.
    w.say(&matrix_room(), FATIMA, "/replies");
    let list = plain(&w.hub.take(&matrix_room()));
    for id in ["photo", "desk", "elsewhere"] {
        assert!(list.contains(id), "{list}");
        assert!(list.contains(&w.loc.attr(Lang::En, &format!("reply-{id}"), "label").unwrap()), "{list}");
    }

    // A ready reply goes out in Arabic, whatever the advisor reads.
    w.say(&telegram_room(), ANNA_TG, &format!("/reply-canned {t} photo"));
    let text = plain(&w.hub.take(&person(1)));
    assert!(text.contains(&w.msg(ar, "reply-photo", &[])), "{text}");
    let room = plain(&w.hub.take(&telegram_room()));
    assert!(room.contains(&w.msg(Lang::Nl, "reply-photo", &[])), "the room sees what went out, in its own language: {room}");

    // The ticket's post offers the most used replies as buttons; photo was used, so it comes first.
    let post = w.post(&telegram_room(), t);
    let canned: Vec<Action> = w.hub.buttons_now(&post).into_iter().flatten().map(|b| b.action).filter(|a| matches!(a, Action::Canned { .. })).collect();
    assert_eq!(canned.first(), Some(&Action::Canned { ticket: t, reply: "photo".into() }), "{canned:?}");
    let other = canned.into_iter().find(|a| !matches!(a, Action::Canned { reply, .. } if reply == "photo")).unwrap();
    let Action::Canned { reply, .. } = &other else { unreachable!() };
    let expected = w.msg(ar, &format!("reply-{reply}"), &[]);
    w.press(&telegram_room(), ANNA_TG, other.clone());
    assert!(plain(&w.hub.take(&person(1))).contains(&expected));
    // The button is an advisor's: anyone else is refused, and nothing goes out.
    w.press(&telegram_room(), "4444", other);
    assert!(w.hub.take(&person(1)).is_empty());

    // A reply that names who can help needs the name.
    w.say(&telegram_room(), ANNA_TG, &format!("/reply-canned {t} elsewhere"));
    assert!(w.hub.take(&person(1)).is_empty());
    assert!(plain(&w.hub.take(&telegram_room())).contains(&w.msg(Lang::Nl, "staff-reply-needs-who", &[("ticket", &t.to_string()), ("reply", "elsewhere")])));
    w.say(&telegram_room(), ANNA_TG, &format!("/reply-canned {t} elsewhere Juridisch Loket"));
    assert!(plain(&w.hub.take(&person(1))).contains(&w.msg(ar, "reply-elsewhere", &[("who", "Juridisch Loket")])));
    w.say(&telegram_room(), ANNA_TG, &format!("/reply-canned {t} nonsense"));
    assert!(w.hub.take(&person(1)).is_empty());
    assert!(plain(&w.hub.take(&telegram_room())).contains("nonsense"));
}

#[test]
fn every_ready_reply_exists_in_every_language() {
    let loc = Locales::load(&common::root().join("locales")).unwrap();
    let ids = loc.ids_with_prefix(Lang::En, "reply-");
    assert!(ids.len() >= 5, "{ids:?}");
    for lang in Lang::ALL {
        for id in &ids {
            let s = loc.try_msg(lang, id, &[("who", "WHO-NAME")]).unwrap_or_else(|| panic!("{lang} lacks {id}"));
            assert!(!s.trim().is_empty(), "{lang} {id}");
            if id == "reply-elsewhere" {
                assert!(s.contains("WHO-NAME"), "{lang} {id}: {s}");
            }
        }
    }
}

#[test]
fn notes_stay_with_the_advisors_and_go_with_the_ticket() {
    let mut w = World::new();
    let t = w.ask_person(1).unwrap();
    w.hub.take(&person(1));
    w.say(&matrix_room(), FATIMA, &format!("/note {t} Letter from the landlord, ask for a photo"));
    assert!(w.hub.take(&person(1)).is_empty(), "a note is never relayed");
    assert!(plain(&w.hub.take(&telegram_room())).contains("Letter from the landlord, ask for a photo"), "the other room sees it");
    // "!text" in the ticket's thread is a note too.
    let post = w.post(&telegram_room(), t);
    w.reply(&telegram_room(), ANNA_TG, &post.message_id, "!Called her, no answer");
    assert!(w.hub.take(&person(1)).is_empty());
    assert!(plain(&w.hub.take(&matrix_room())).contains("Called her, no answer"));
    assert_eq!(w.ticket(t).state, TicketState::Open, "a note does not claim the ticket");

    // The next advisor sees the notes: in the list, and when the ticket is posted again.
    w.say(&matrix_room(), PIOTR, "/tickets");
    assert!(plain(&w.hub.take(&matrix_room())).contains("Called her, no answer"));
    w.say(&matrix_room(), FATIMA, &format!("/handover {t} partner:Vluchtelingenwerk"));
    let partner = plain(&w.hub.take(&partner_room()));
    assert!(partner.contains("Letter from the landlord") && partner.contains("Called her, no answer"), "{partner}");
    assert!(w.store().entries(t).unwrap().iter().any(|e| e.text.contains("Called her")));

    // Deleted with the ticket.
    w.say(&person(1), &user(1), "/forget");
    assert!(w.store().ticket(t).unwrap().is_none());
    assert!(w.store().entries(t).unwrap().is_empty(), "notes go with the ticket");
}

#[test]
fn notes_are_deleted_with_the_ticket_at_the_end_of_its_retention() {
    let mut w = World::new();
    let t = w.ask_person(1).unwrap();
    w.say(&matrix_room(), FATIMA, &format!("/note {t} Private remark"));
    w.say(&matrix_room(), FATIMA, &format!("/close {t}"));
    w.advance(29 * DAY);
    w.tick();
    assert!(w.store().entries(t).unwrap().iter().any(|e| e.text.contains("Private remark")));
    w.advance(2 * DAY);
    w.tick();
    assert!(w.store().ticket(t).unwrap().is_none());
    assert!(w.store().entries(t).unwrap().is_empty());
}

#[test]
fn tickets_are_offered_in_turn_to_speakers_with_room() {
    let mut w = World::new();
    // Dutch tickets go to Fatima and Anna in turn; Piotr does not speak Dutch.
    let a = w.ask_person(1).unwrap();
    let b = w.ask_person(2).unwrap();
    let c = w.ask_person(3).unwrap();
    let offered = |w: &World, t| w.ticket(t).offered_to;
    assert_eq!(offered(&w, a).as_deref(), Some("Fatima El Amrani"));
    assert_eq!(offered(&w, b).as_deref(), Some("Anna de Vries"));
    assert_eq!(offered(&w, c).as_deref(), Some("Fatima El Amrani"));
    // The post calls the one whose turn it is, and nobody else.
    assert_eq!(mentions(&[w.post(&matrix_room(), b)]), Vec::<String>::new(), "Anna has no Matrix account");
    assert_eq!(mentions(&[w.post(&telegram_room(), b)]), vec![ANNA_TG.to_string()]);
    assert_eq!(mentions(&[w.post(&matrix_room(), a)]), vec![FATIMA.to_string()]);
    // A Polish ticket goes to Piotr.
    let p = w.ask_person_in(4, Lang::Pl).unwrap();
    assert_eq!(offered(&w, p).as_deref(), Some("Piotr Nowak"));

    // Unclaimed for claim_within_minutes: offered to the next in turn, and the room is reminded.
    w.hub.take(&telegram_room());
    w.advance(31 * MINUTE);
    w.tick();
    assert_eq!(offered(&w, a).as_deref(), Some("Anna de Vries"), "re-offered after the timeout");
    let reminders = w.hub.take(&telegram_room());
    let for_a: Vec<Seen> = reminders.into_iter().filter(|s| s.msg.ticket == Some(a)).collect();
    assert_eq!(mentions(&for_a), vec![ANNA_TG.to_string()]);

    // Piotr may hold one ticket: a second one is refused and a new Polish ticket goes elsewhere.
    w.say(&matrix_room(), PIOTR, &format!("/claim {p}"));
    assert_eq!(w.ticket(p).advisor.as_deref(), Some("Piotr Nowak"));
    w.say(&matrix_room(), PIOTR, &format!("/claim {a}"));
    assert!(plain(&w.hub.take(&matrix_room())).contains(&w.msg(Lang::En, "staff-at-limit", &[("ticket", &a.to_string()), ("max", "1")])));
    assert_eq!(w.ticket(a).state, TicketState::Open);
    let p2 = w.ask_person_in(5, Lang::Pl).unwrap();
    assert_ne!(offered(&w, p2).as_deref(), Some("Piotr Nowak"));
    assert!(offered(&w, p2).is_some(), "someone without Polish but with room is asked");

    // /away: no new offers for Anna until /back.
    w.say(&telegram_room(), ANNA_TG, "/away");
    for n in 6..9 {
        let t = w.ask_person(n).unwrap();
        assert_ne!(offered(&w, t).as_deref(), Some("Anna de Vries"));
    }
    w.say(&telegram_room(), ANNA_TG, "/back");
    let mut later = Vec::new();
    for n in 9..11 {
        let t = w.ask_person(n).unwrap();
        later.push(offered(&w, t));
    }
    assert!(later.contains(&Some("Anna de Vries".into())), "{later:?}");
}

#[test]
fn a_claim_without_an_answer_lapses_and_the_ticket_is_offered_again() {
    let mut w = World::new();
    let t = w.ask_person(1).unwrap();
    w.say(&matrix_room(), FATIMA, &format!("/claim {t}"));
    w.hub.take(&telegram_room());
    w.advance(19 * MINUTE);
    w.tick();
    assert_eq!(w.ticket(t).state, TicketState::Claimed);
    w.advance(2 * MINUTE);
    w.restart();
    w.tick();
    let t2 = w.ticket(t);
    assert_eq!((t2.state, t2.advisor.as_deref(), t2.offered_to.as_deref()), (TicketState::Open, None, Some("Anna de Vries")));
    let room = w.hub.take(&telegram_room());
    assert!(plain(&room).contains(&w.msg(Lang::Nl, "staff-lapsed", &[("name", "Fatima El Amrani"), ("ticket", &t.to_string()), ("minutes", "20")])));
    assert_eq!(mentions(&room), vec![ANNA_TG.to_string()]);
}

#[test]
fn two_advisors_claiming_at_once_exactly_one_wins_and_the_other_is_told() {
    for round in 0..5 {
        let mut w = World::new();
        let t = w.ask_person(1).unwrap();
        w.hub.take(&matrix_room());
        w.hub.take(&telegram_room());
        let claim = Action::Ticket { op: TicketOp::Claim, ticket: t };
        let engine = &w.engine;
        let (mx, tg) = std::thread::scope(|s| {
            let a = s.spawn(|| engine.handle(&Incoming::action(matrix_room(), FATIMA, claim.clone()).with_event_id(format!("a{round}"))));
            let b = s.spawn(|| engine.handle(&Incoming::action(telegram_room(), ANNA_TG, claim.clone()).with_event_id(format!("b{round}"))));
            (a.join().unwrap(), b.join().unwrap())
        });
        // Each platform shows what the engine answered its event, then everything pending.
        for (out, platform) in [(mx, "matrix"), (tg, "telegram")] {
            for o in out.into_iter().filter(|o| o.chat.platform == platform) {
                let id = w.hub.show(&o);
                w.engine.sent(o.id, Some(&id));
            }
        }
        w.hub.pump(&w.engine);
        let winner = w.ticket(t).advisor.expect("claimed");
        let (loser_room, loser_lang) = if winner == "Fatima El Amrani" { (telegram_room(), Lang::Nl) } else { (matrix_room(), Lang::En) };
        let told = plain(&w.hub.take(&loser_room));
        assert!(told.contains(&w.msg(loser_lang, "staff-claimed-by-other", &[("ticket", &t.to_string()), ("name", &winner)])), "{told}");
        let claimed_news = w.msg(Lang::En, "staff-claimed", &[("ticket", &t.to_string()), ("name", &winner)]);
        let mx_all = plain(&w.hub.visible(&matrix_room()));
        // Counted as whole lines: the loser's "claimed by ... Ask ... to hand it over" starts the same way.
        assert_eq!(mx_all.lines().filter(|l| l.trim() == claimed_news).count(), 1, "one claim, told once: {mx_all}");
        let person_told = plain(&w.hub.take(&person(1)));
        let first = winner.split_whitespace().next().unwrap();
        assert_eq!(person_told.matches(&w.msg(Lang::Nl, "ticket-claimed", &[("name", first)])).count(), 1, "{person_told}");
    }
}

#[test]
fn a_partner_organisation_helps_without_seeing_who_the_person_is() {
    let mut w = World::new();
    let ar = Lang::Ar;
    let t = w.ask_person_in(1, ar).unwrap();
    w.say(&person(1), &user(1), "عندي رسالة من IND");
    w.say(&matrix_room(), FATIMA, &format!("/claim {t}"));
    w.hub.take(&person(1));
    w.say(&matrix_room(), FATIMA, &format!("/handover {t} partner:Vluchtelingenwerk Leiden"));
    assert_eq!(w.ticket(t).partner.as_deref(), Some("Vluchtelingenwerk Leiden"));

    // The partner's room gets the case, never the person's account.
    let got = w.hub.take(&partner_room());
    assert!(!got.is_empty());
    let text = plain(&got);
    assert!(text.contains("عندي رسالة من IND"), "{text}");
    for s in &got {
        let dump = format!("{:?}", s.msg);
        assert!(!dump.contains("tg-chat-1") && !dump.contains("tg-user-1"), "{dump}");
    }
    // The person is told who helps now.
    let told = plain(&w.hub.take(&person(1)));
    assert!(told.contains(&w.msg(ar, "ticket-partner", &[("name", "Vluchtelingenwerk Leiden")])), "{told}");

    // A member answers in the ticket's thread; the person reads it under the organisation's name.
    let post = w.post(&partner_room(), t);
    w.reply(&partner_room(), JOOST, &post.message_id, "We can help you with the IND letter on Tuesday.");
    let told = plain(&w.hub.take(&person(1)));
    assert!(told.contains(&w.msg(ar, "partner-says", &[("name", "Vluchtelingenwerk Leiden")])) && told.contains("IND letter on Tuesday"), "{told}");
    assert!(plain(&w.hub.take(&matrix_room())).contains("IND letter on Tuesday"), "the advisors follow along");
    // Someone in the room who is not a member cannot answer.
    w.reply(&partner_room(), "@stranger:test", &post.message_id, "hello");
    assert!(w.hub.take(&person(1)).is_empty());
    // The partner sees only the tickets handed to it.
    let other = w.ask_person(2).unwrap();
    w.say(&partner_room(), JOOST, &format!("/claim {other}"));
    assert!(plain(&w.hub.take(&partner_room())).contains(&w.msg(Lang::Nl, "staff-no-such-ticket", &[("ticket", &other.to_string())])));
    w.say(&partner_room(), JOOST, "/tickets");
    let list = plain(&w.hub.take(&partner_room()));
    assert!(list.contains(&format!("#{t}")) && !list.contains(&format!("#{other}")), "{list}");

    // The partner closes; the person is asked for a rating.
    w.say(&partner_room(), JOOST, &format!("/close {t}"));
    let told = w.hub.take(&person(1));
    assert!(plain(&told).contains(&w.msg(ar, "rating-question", &[])));
}

#[test]
fn after_a_conversation_the_newcomer_rates_it_and_only_the_rating_is_kept() {
    let mut w = World::new();
    let ar = Lang::Ar;
    let t = w.ask_person_in(1, ar).unwrap();
    w.say(&matrix_room(), FATIMA, &format!("/send {t} bsn"));
    w.say(&matrix_room(), FATIMA, &format!("/close {t}"));
    let told = w.hub.take(&person(1));
    let question = told.iter().find(|s| bare(&s.msg.text.plain()).contains(&w.msg(ar, "rating-question", &[]))).expect("asked in Arabic");
    let scores: Vec<Action> = question.msg.all_buttons().map(|b| b.action.clone()).collect();
    assert_eq!(scores, vec![Action::Rate { ticket: t, score: 2 }, Action::Rate { ticket: t, score: 1 }, Action::Rate { ticket: t, score: 0 }]);
    let labels: Vec<String> = question.msg.all_buttons().map(|b| bare(&b.label)).collect();
    assert_eq!(labels, ["rating-yes", "rating-partly", "rating-no"].map(|id| w.msg(ar, id, &[])));

    // Someone else pressing a crafted button stores nothing.
    w.press(&person(2), &user(2), Action::Rate { ticket: t, score: 0 });
    assert!(w.store().ratings().unwrap().is_empty());
    w.press(&person(1), &user(1), Action::Rate { ticket: t, score: 2 });
    assert!(plain(&w.hub.take(&person(1))).contains(&w.msg(ar, "rating-thanks", &[])));
    w.restart();
    w.press(&person(1), &user(1), Action::Rate { ticket: t, score: 0 });
    let ratings = w.store().ratings().unwrap();
    assert_eq!(ratings.len(), 1, "one rating per conversation");
    assert_eq!((ratings[0].lang, ratings[0].rating, ratings[0].topic.as_deref(), ratings[0].day.as_str()), (ar, 2, Some("bsn"), "2026-11-23"));
    // The report's daily aggregate counts it too, by answer.
    let daily = w.store().daily("2026-11-01").unwrap();
    let rated: Vec<_> = daily.iter().filter(|r| r.event == wegwijs::usage::Event::Rating).collect();
    assert_eq!(rated.len(), 1, "{rated:?}");
    assert_eq!((rated[0].bucket.as_str(), rated[0].count, rated[0].total, rated[0].lang), ("2", 1, 2, Some(ar)));

    // Only rating, language, topic and day are stored: no ticket, no person.
    let conn = rusqlite::Connection::open(w.dir.path().join("wegwijs.sqlite")).unwrap();
    let tables: Vec<String> = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%rating%'").unwrap().query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    assert_eq!(tables.len(), 1, "{tables:?}");
    let columns: Vec<String> = conn.prepare(&format!("SELECT name FROM pragma_table_info('{}')", tables[0])).unwrap().query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    for c in &columns {
        assert!(["day", "lang", "topic", "rating"].contains(&c.as_str()), "unexpected column {c}");
    }
    // A rating survives /forget (it holds nothing of the person).
    w.say(&person(1), &user(1), "/forget");
    assert!(w.store().tickets_of(&person(1)).unwrap().is_empty());
    assert_eq!(w.store().ratings().unwrap().len(), 1);

    // The report shows ratings per language.
    let report = wegwijs::gaps::report(&w.store().gaps().unwrap()).with_ratings(&w.store().ratings().unwrap());
    assert_eq!(report.ratings.first().and_then(|r| r.lang), Some(ar));
    assert!(report.text().contains("ar "), "{}", report.text());
}

#[test]
fn a_safeguarding_ticket_kept_by_an_advisor_outlives_its_usual_period_and_the_keeping_is_recorded() {
    let mut w = World::new();
    w.say(&person(1), &user(1), "My husband hits me and I am afraid");
    let danger = w.store().active_ticket(&person(1)).unwrap().expect("an urgent ticket").id;
    let ordinary = w.ask_person(2).unwrap();
    // Only tickets about danger can be kept longer, and a reason is required.
    w.say(&matrix_room(), FATIMA, &format!("/keep {ordinary} just in case"));
    assert!(plain(&w.hub.take(&matrix_room())).contains(&w.msg(Lang::En, "staff-keep-not-safeguarding", &[("ticket", &ordinary.to_string())])));
    w.say(&matrix_room(), FATIMA, &format!("/keep {danger}"));
    assert!(w.ticket(danger).kept.is_none());
    w.say(&matrix_room(), FATIMA, &format!("/keep {danger} Police report pending, Veilig Thuis involved"));
    let kept = w.ticket(danger).kept.expect("recorded");
    assert_eq!((kept.by.as_str(), kept.at, kept.reason.as_str()), ("Fatima El Amrani", MONDAY_10, "Police report pending, Veilig Thuis involved"));
    assert!(plain(&w.hub.take(&telegram_room())).contains("Police report pending"), "the other room sees who kept it and why");
    for t in [danger, ordinary] {
        w.say(&matrix_room(), FATIMA, &format!("/close {t}"));
    }
    // After 31 days the ordinary ticket is gone; after 61 a safeguarding ticket would be; the kept one stays a year.
    w.advance(61 * DAY);
    w.tick();
    assert!(w.store().ticket(ordinary).unwrap().is_none());
    assert!(w.store().ticket(danger).unwrap().is_some());
    w.advance(305 * DAY);
    w.tick();
    assert!(w.store().ticket(danger).unwrap().is_none());
    assert!(w.store().entries(danger).unwrap().is_empty());
}

#[test]
fn a_ticket_closed_before_any_advisor_wrote_asks_for_no_rating() {
    let mut w = World::new();
    let t = w.ask_person(1).unwrap();
    w.hub.take(&person(1));
    w.say(&matrix_room(), FATIMA, &format!("/close {t}"));
    let told = w.hub.take(&person(1));
    assert!(plain(&told).contains(&w.msg(Lang::Nl, "ticket-closed", &[("hours", "72")])), "{}", plain(&told));
    assert!(find_action(&told, |a| matches!(a, Action::Rate { .. })).is_none(), "no conversation with a person, no rating: {}", plain(&told));
}

#[test]
fn a_released_ticket_tells_the_newcomer_that_nobody_helps_for_now_and_where_they_stand() {
    let mut w = World::new();
    let nl = Lang::Nl;
    let t = w.ask_person(1).unwrap();
    w.say(&matrix_room(), FATIMA, &format!("/claim {t}"));
    assert!(plain(&w.hub.take(&person(1))).contains(&w.msg(nl, "ticket-claimed", &[("name", "Fatima")])));
    w.say(&matrix_room(), FATIMA, &format!("/release {t}"));
    let text = plain(&w.hub.take(&person(1)));
    assert!(text.contains(&w.msg(nl, "ticket-back-in-queue", &[])), "{text}");
    assert!(text.contains(&position_text(&w.loc, nl, 1)), "{text}");
    // A ticket nobody had claimed says nothing new when it is offered to the next advisor.
    let t2 = w.ask_person(2).unwrap();
    w.hub.take(&person(2));
    w.advance(31 * MINUTE);
    w.tick();
    assert!(w.ticket(t2).state == TicketState::Open);
    assert!(!plain(&w.hub.take(&person(2))).contains(&w.msg(nl, "ticket-back-in-queue", &[])));
}

#[test]
fn when_nobody_can_come_the_bots_replies_offer_to_leave_the_question_instead_of_a_person() {
    let nl = Lang::Nl;
    // Saturday 12:00: nobody works.
    let mut w = World::at(MONDAY_10 + 5 * DAY + 2 * 3600);
    w.say(&person(1), &user(1), "wie wint er vanavond het songfestival denk je");
    let told = w.hub.take(&person(1));
    assert!(plain(&told).contains(&w.msg(nl, "dont-know-later", &[])), "{}", plain(&told));
    assert!(find_action(&told, |a| *a == Action::Advisor).is_none(), "no person is offered when none can come");
    let leave = find_action(&told, |a| *a == Action::Leave).expect("leave the question instead");
    w.press(&person(1), &user(1), leave);
    assert!(w.store().active_ticket(&person(1)).unwrap().is_some(), "the question is left for Monday");
    // Monday 10:00: the same reply offers a person.
    let mut w = World::new();
    w.say(&person(1), &user(1), "wie wint er vanavond het songfestival denk je");
    let told = w.hub.take(&person(1));
    assert!(plain(&told).contains(&w.msg(nl, "dont-know", &[])), "{}", plain(&told));
    assert!(find_action(&told, |a| *a == Action::Advisor).is_some());
}

#[test]
fn a_command_copied_from_right_to_left_text_works() {
    let mut w = World::new();
    let t = w.ask_person(1).unwrap();
    // Arabic advisors' texts isolate the number: copying "/claim 42" from them copies the isolates too.
    w.say(&matrix_room(), FATIMA, &format!("/claim \u{2066}{t}\u{2069}"));
    assert_eq!(w.ticket(t).advisor.as_deref(), Some("Fatima El Amrani"));
}
