//! The local console: chat with a bot in the terminal, no accounts needed. Buttons are numbered;
//! typing the number presses the button.

use crate::conversation::Engine;
use crate::message::{Action, ChatRef, Incoming, Outgoing};
use std::io::{BufRead, Write};

/// A message with its numbered buttons; returns the actions in number order.
pub fn render(msg: &Outgoing, first_number: usize) -> (String, Vec<Action>) {
    let mut out = msg.text.plain();
    let mut actions = Vec::new();
    for row in &msg.buttons {
        out.push('\n');
        let cells: Vec<String> = row
            .iter()
            .map(|b| {
                actions.push(b.action.clone());
                format!("[{}] {}", first_number + actions.len() - 1, b.label)
            })
            .collect();
        out.push_str(&cells.join("   "));
    }
    (out, actions)
}

/// Runs a console conversation on `input`/`output` until end of input or `/quit`.
pub fn run(engine: &Engine, input: impl BufRead, mut output: impl Write, interface_lang: Option<String>) -> std::io::Result<()> {
    let chat = ChatRef::new("console", "local");
    let mut actions: Vec<Action> = Vec::new();
    let start = Incoming::text(chat.clone(), "local", "/start");
    let start = Incoming { interface_lang: interface_lang.clone(), ..start };
    print_all(engine, &mut output, &engine.handle(&start), &mut actions)?;
    write!(output, "\n> ")?;
    output.flush()?;
    for line in input.lines() {
        let line = line?;
        let trimmed = line.trim();
        if trimmed == "/quit" || trimmed == "/exit" {
            break;
        }
        let msg = match trimmed.parse::<usize>() {
            Ok(n) if n >= 1 && n <= actions.len() => Incoming::action(chat.clone(), "local", actions[n - 1].clone()),
            _ => Incoming::text(chat.clone(), "local", line.clone()),
        };
        let msg = Incoming { interface_lang: interface_lang.clone(), ..msg };
        print_all(engine, &mut output, &engine.handle(&msg), &mut actions)?;
        write!(output, "\n> ")?;
        output.flush()?;
    }
    writeln!(output)?;
    Ok(())
}

fn print_all(engine: &Engine, output: &mut impl Write, msgs: &[Outgoing], actions: &mut Vec<Action>) -> std::io::Result<()> {
    actions.clear();
    for m in msgs.iter().filter(|m| m.chat.platform == "console") {
        engine.sent(m.id, Some(&m.id.to_string()));
        let (text, acts) = render(m, actions.len() + 1);
        actions.extend(acts);
        writeln!(output, "\n{text}")?;
    }
    Ok(())
}
