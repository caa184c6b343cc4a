//! `conforma`: check messages for WhatsApp business-messaging compliance from the shell.

mod eval;

use conforma_core::json::{self, FromJson, Object};
use conforma_core::{
    Config, Context, Direction, Engine, ErrorKind, Lang, Locale, Message, Pack, SendLog,
};
use serde_json::{json, Value};
use std::io::{self, BufRead, Write};
use std::process::ExitCode;

const HELP: &str = "\
conforma — keep WhatsApp business messages compliant before they are sent

USAGE:
    conforma check [--config FILE] [--locale L]   check JSON Lines messages from stdin
    conforma eval FILE.jsonl [--config FILE] [--json]
                                                  measure precision/recall on a labelled corpus
    conforma rules [--locale L]                   list the built-in rules
    conforma --help | conforma COMMAND --help
    conforma --version

Everything runs locally; no text leaves the machine.
";

const CHECK_HELP: &str = "\
conforma check — check messages read as JSON Lines from stdin

USAGE:
    conforma check [--config FILE] [--pack FILE]... [--locale L] < messages.jsonl

INPUT (one JSON object per line; blank lines are skipped):
    {\"id\": \"1\", \"text\": \"...\", \"direction\": \"outbound\" | \"inbound\",
     \"lang\": \"pt\" | \"es\" | \"en\" (optional hint),
     \"context\": {\"now\": \"2026-03-13T18:00:00-03:00\",
                 \"contact\": {\"id\": \"+5511987654321\",
                             \"opt_in\": \"granted\" | \"denied\" | \"unknown\",
                             \"opt_in_at\": null, \"opted_out_at\": null,
                             \"last_inbound_at\": \"2026-03-13T17:00:00-03:00\"}}}
    `direction` defaults to outbound. `labels` and `note` fields (eval corpora) are ignored.
    Outbound lines whose context has `now` and `contact.id` also go through the
    bulk-send guard, with one log for the whole run (in input order).

OUTPUT (one JSON line per input line, in order):
    {\"id\": \"1\", \"findings\": [{\"rule\": \"pii.cpf\", \"category\": \"pii.cpf\",
      \"severity\": \"block\", \"start\": 4, \"end\": 18, \"spans\": [...],
      \"message\": \"...\", \"suggestion\": \"...\"}]}
    Offsets are UTF-8 byte offsets into `text`. A malformed line gives
    {\"id\": ..., \"error\": \"line N: ...\"}; processing continues and the exit code is 1.

OPTIONS:
    --config FILE   engine configuration (JSON): locale, rules, packs, timezone, hours,
                    holidays, surface, bulk. See README.md.
    --pack FILE     a custom policy pack (.json or .toml); repeatable. Example (TOML):
                        name = \"acme\"
                        disable = [\"gambling\"]
                        enable = [\"style\"]            # brand voice, off by default
                        allow = [\"cerveja de gengibre\"]
                        [severity]
                        alcohol = \"block\"
                        [terms]
                        alcohol = [\"rabo de galo\"]
                        [[topics]]
                        id = \"politics\"
                        terms = [\"eleição\", \"partido*\"]   # '*': any word ending
                        severity = \"warn\"
                        message = { \"pt-BR\" = \"Não falamos de política.\" }
    --locale L      language of messages: pt-BR (default), es, en.
";

const EVAL_HELP: &str = "\
conforma eval — measure the engine on a labelled JSON Lines corpus

USAGE:
    conforma eval FILE.jsonl [--config FILE] [--pack FILE]... [--json]

Each line: {\"id\", \"text\", \"direction\", \"lang\", \"context\", \"labels\": [category ids]}.
Prints per-label precision, recall and F1 (micro averages too), and the false-positive
rate on unlabelled (clean) messages. --json prints the same as one JSON object.
";

const RULES_HELP: &str = "\
conforma rules — list the built-in rules as JSON Lines (id, category, severity, texts)

USAGE:
    conforma rules [--locale L]
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("conforma: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let Some(cmd) = args.first() else {
        print!("{HELP}");
        return Ok(ExitCode::from(2));
    };
    let rest = &args[1..];
    let wants_help = rest.iter().any(|a| a == "--help" || a == "-h");
    match cmd.as_str() {
        "--help" | "-h" | "help" => print!("{HELP}"),
        "--version" | "-V" => println!("conforma {}", conforma_core::VERSION),
        "check" if wants_help => print!("{CHECK_HELP}"),
        "eval" if wants_help => print!("{EVAL_HELP}"),
        "rules" if wants_help => print!("{RULES_HELP}"),
        "check" => return check(rest),
        "eval" => return eval::run(rest),
        "rules" => return rules(rest),
        other => return Err(format!("unknown command '{other}'. Run 'conforma --help'.")),
    }
    Ok(ExitCode::SUCCESS)
}

/// Parsed `--config`, `--locale`, `--json` and positional arguments.
pub(crate) struct Opts {
    pub config: Config,
    /// Files given with `--pack`, and the index of their pack in `config.packs`.
    pub pack_files: Vec<(usize, String)>,
    pub locale: Option<Locale>,
    pub json: bool,
    pub positional: Vec<String>,
}

pub(crate) fn parse_opts(args: &[String]) -> Result<Opts, String> {
    let mut opts = Opts {
        config: Config::default(),
        pack_files: Vec::new(),
        locale: None,
        json: false,
        positional: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--config" => {
                let path = it.next().ok_or("--config needs a file path")?;
                opts.config = load_config(path)?;
            }
            "--pack" => {
                let path = it
                    .next()
                    .ok_or("--pack needs a file path (.json or .toml)")?;
                opts.pack_files.push((usize::MAX, path.clone()));
            }
            "--locale" => {
                let tag = it.next().ok_or("--locale needs a value: pt-BR, es or en")?;
                opts.locale = Some(
                    Locale::parse(tag)
                        .ok_or_else(|| format!("unknown locale '{tag}'. Use pt-BR, es or en."))?,
                );
            }
            "--json" => opts.json = true,
            flag if flag.starts_with('-') => {
                return Err(format!("unknown option '{flag}'. Run 'conforma --help'."))
            }
            p => opts.positional.push(p.to_owned()),
        }
    }
    // Pack files come after the config's own packs, whatever the option order.
    for (index, path) in &mut opts.pack_files {
        *index = opts.config.packs.len();
        opts.config.packs.push(load_pack(path)?);
    }
    Ok(opts)
}

/// Reads a custom pack from a JSON or TOML file (by extension; JSON otherwise).
fn load_pack(path: &str) -> Result<Pack, String> {
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("cannot read pack '{path}': {e}"))?;
    let fix = "See `conforma --help` for the pack format.";
    if path.to_ascii_lowercase().ends_with(".toml") {
        // toml's errors already quote the offending line and key.
        toml::from_str(&text).map_err(|e| {
            format!(
                "invalid pack '{path}': {} ({fix})",
                e.to_string().trim_end()
            )
        })
    } else {
        json::from_str(&text, ErrorKind::Config).map_err(|e| match e.field() {
            Some(field) => format!(
                "invalid pack '{path}' at '{field}': {} ({fix})",
                e.message()
            ),
            None => format!("invalid pack '{path}': {} ({fix})", e.message()),
        })
    }
}

fn load_config(path: &str) -> Result<Config, String> {
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("cannot read config '{path}': {e}"))?;
    Config::from_json(&text).map_err(|e| match e.field() {
        Some(field) => format!("invalid config '{path}' at '{field}': {}", e.message()),
        None => format!("invalid config '{path}': {}", e.message()),
    })
}

pub(crate) fn engine(opts: &Opts) -> Result<Engine, String> {
    Engine::new(&opts.config).map_err(|e| {
        // Name the pack file when the error is inside a pack given with --pack.
        let field = e.field().unwrap_or("");
        for (index, path) in &opts.pack_files {
            let prefix = format!("packs[{index}]");
            if let Some(rest) = field.strip_prefix(&prefix) {
                let rest = rest.trim_start_matches('.');
                let at = if rest.is_empty() {
                    "the pack".to_owned()
                } else {
                    format!("'{rest}'")
                };
                return format!("invalid pack '{path}' at {at}: {}", e.message());
            }
        }
        format!("invalid config: {e}")
    })
}

/// One input line of `check` and `eval`.
pub(crate) struct Line {
    pub id: Value,
    pub text: String,
    pub direction: Direction,
    pub lang: Option<Lang>,
    pub context: Option<Context>,
    pub labels: Option<Vec<String>>,
}

impl FromJson for Line {
    fn from_json(value: &json::Value) -> Result<Self, conforma_core::Error> {
        let o = Object::new(
            value,
            "struct Line",
            &[
                "id",
                "text",
                "direction",
                "lang",
                "context",
                "labels",
                "note",
            ],
        )?;
        // Read for its type only: eval corpora annotate lines for people.
        let _note: Option<String> = o.nullable("note")?;
        Ok(Line {
            id: o.get::<json::Value>("id")?.map_or(Value::Null, to_serde),
            text: o.required("text")?,
            direction: o.or_default("direction")?,
            lang: o.nullable("lang")?,
            context: o.nullable("context")?,
            labels: o.nullable("labels")?,
        })
    }
}

/// A decoded JSON value as serde_json's, to echo ids back as they came.
fn to_serde(v: json::Value) -> Value {
    match v {
        json::Value::Null => Value::Null,
        json::Value::Bool(b) => Value::Bool(b),
        json::Value::Number(n) => serde_json::from_str(&n).unwrap_or(Value::Null),
        json::Value::String(s) => Value::String(s),
        json::Value::Array(items) => Value::Array(items.into_iter().map(to_serde).collect()),
        json::Value::Object(members) => {
            Value::Object(members.into_iter().map(|(k, v)| (k, to_serde(v))).collect())
        }
    }
}

impl Line {
    pub fn message(&self) -> Message {
        Message {
            text: self.text.clone(),
            direction: self.direction,
            lang: self.lang,
            context: self.context.clone(),
        }
    }
}

/// Parses one JSON line, naming the offending field on error.
pub(crate) fn parse_line(raw: &str) -> Result<Line, String> {
    json::from_str(raw, ErrorKind::Input).map_err(|e| match e.field() {
        Some(field) => format!("field '{field}': {}", e.message()),
        None => e.message().to_owned(),
    })
}

fn check(args: &[String]) -> Result<ExitCode, String> {
    let opts = parse_opts(args)?;
    if let Some(p) = opts.positional.first() {
        return Err(format!(
            "check reads stdin; unexpected argument '{p}'. Use 'conforma check < {p}'."
        ));
    }
    let engine = engine(&opts)?;
    let locale = opts.locale.unwrap_or(engine.locale());
    let stdin = io::stdin();
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut failed = false;
    let mut log = SendLog::default();
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = line.map_err(|e| format!("reading stdin: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let result = match parse_line(&line) {
            Ok(item) => match check_one(&engine, &item.message(), locale, &mut log) {
                Ok(findings) => json!({ "id": item.id, "findings": findings }),
                Err(e) => json!({ "id": item.id, "error": format!("line {}: {e}", n + 1) }),
            },
            Err(e) => {
                // Salvage the id when the line is JSON but not a valid message.
                let id = serde_json::from_str::<Value>(&line)
                    .ok()
                    .and_then(|v| v.get("id").cloned())
                    .unwrap_or(Value::Null);
                json!({ "id": id, "error": format!("line {}: {e}", n + 1) })
            }
        };
        failed |= result.get("error").is_some();
        writeln!(out, "{result}").map_err(|e| format!("writing stdout: {e}"))?;
    }
    out.flush().map_err(|e| format!("writing stdout: {e}"))?;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Checks one line; lines that identify the contact and the time feed the bulk-send guard.
fn check_one(
    engine: &Engine,
    msg: &Message,
    locale: Locale,
    log: &mut SendLog,
) -> Result<Vec<conforma_core::Finding>, conforma_core::Error> {
    let identified = msg
        .context
        .as_ref()
        .is_some_and(|c| c.now.is_some() && c.contact.as_ref().is_some_and(|k| k.id.is_some()));
    if msg.direction == Direction::Outbound && identified {
        engine.check_with_log(msg, locale, log)
    } else {
        engine.check_in(msg, locale)
    }
}

fn rules(args: &[String]) -> Result<ExitCode, String> {
    let opts = parse_opts(args)?;
    let locale = opts.locale.unwrap_or_default();
    let mut out = io::BufWriter::new(io::stdout().lock());
    for r in conforma_core::rules::catalog() {
        let line = json!({
            "id": r.id, "category": r.category, "severity": r.severity, "enabled": r.enabled,
            "policy": r.policy.get(locale), "message": r.message.get(locale),
            "suggestion": r.suggestion.map(|s| s.get(locale)), "examples": r.examples,
        });
        writeln!(out, "{line}").map_err(|e| format!("writing stdout: {e}"))?;
    }
    out.flush().map_err(|e| format!("writing stdout: {e}"))?;
    Ok(ExitCode::SUCCESS)
}
