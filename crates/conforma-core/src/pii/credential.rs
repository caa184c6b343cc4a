//! Passwords, PINs and secret keys being shared: a cue word (`senha`,
//! `contraseña`, `password`, `PIN`, `token`…) followed by a value that looks
//! like a secret. One-time codes are allowed by WhatsApp's policy and are
//! left alone, as are queue tickets ("senha de atendimento B047") and
//! instructions without a value ("nunca compartilhe sua senha").

use super::lex::{fold, Cue, CueAt};
use super::numbers::{Kind, Num};

/// A credential found: the value, and the cue word that announced it.
pub(super) struct Found {
    pub value: (usize, usize),
    pub cue: (usize, usize),
}

/// Words after "senha" that make it a queue ticket, not a password.
const TICKET: &[&[u8]] = &[
    b"atendimento",
    b"fila",
    b"espera",
    b"chamada",
    b"guiche",
    b"turno",
    b"atencion",
];

/// Shared network passwords (Wi-Fi of a shop or hotel) are not personal secrets.
const NETWORK: &[&[u8]] = &[
    b"wifi",
    b"wi-fi",
    b"wi",
    b"rede",
    b"red",
    b"network",
    b"internet",
];

/// Looks for credentials announced by `cues`.
pub(super) fn find(
    b: &[u8],
    cues: &[CueAt],
    nums: &[Num],
    secrets: &[(usize, usize)],
) -> Vec<Found> {
    let mut out = Vec::new();
    for c in cues {
        if !matches!(
            c.cue,
            Cue::Password | Cue::Pass | Cue::Pin | Cue::Secret | Cue::Login
        ) {
            continue;
        }
        if c.cue == Cue::Pass && !matches!(b.get(c.end), Some(b':' | b'=')) {
            continue;
        }
        // "Wi-Fi: Loja / senha: …" — the network password, shared with every customer.
        if cues
            .iter()
            .any(|o| o.cue == Cue::Network && o.end <= c.start && c.start - o.end <= 40)
        {
            continue;
        }
        let value = if c.cue == Cue::Login {
            login_pair(b, c.end)
        } else {
            value_after(b, c.end)
        };
        let Some((s, e)) = value else {
            continue;
        };
        let Some(v) = b.get(s..e) else { continue };
        let digits = v.iter().filter(|x| x.is_ascii_digit()).count();
        let all_digits = digits == v.len();
        let ok = match c.cue {
            Cue::Pin => all_digits && (4..=8).contains(&v.len()),
            Cue::Secret => v.len() >= 16 && digits > 0 && v.iter().any(u8::is_ascii_alphabetic),
            _ => looks_secret(v) && !ticket(v),
        };
        if !ok {
            continue;
        }
        // A short value next to "guichê", "aguarde ser chamado"… is a queue ticket.
        let short = v.len() <= 5 && v.iter().all(u8::is_ascii_alphanumeric);
        if short && cues.iter().any(|o| o.cue == Cue::Ticket && near(o, s, 80)) {
            continue;
        }
        // One-time codes are explicitly allowed by WhatsApp: a short value
        // next to "one-time", "verification", "OTP" ("one-time password
        // Qx7#41"), or a short number next to "expires in 5 minutes". A
        // longer one is the password beside the code ("Password: Mumbai#2291.
        // Your OTP is 603518").
        let code_like = v.len() <= 8;
        let otp = cues.iter().any(|o| {
            near(o, s, 120)
                && ((o.cue == Cue::Otp && code_like)
                    || (o.cue == Cue::Expiry && all_digits && v.len() <= 8 && !dated(b, nums, o)))
        });
        if otp {
            continue;
        }
        if out.iter().any(|f: &Found| f.value == (s, e)) {
            continue;
        }
        // The value is a number recognised as something else (CPF, phone…).
        if nums
            .iter()
            .any(|n| !matches!(n.kind, Kind::Generic | Kind::Mixed) && n.start <= s && e <= n.end)
        {
            continue;
        }
        // Already reported as a self-identifying key.
        if secrets.iter().any(|&(a, z)| a < e && s < z) {
            continue;
        }
        out.push(Found {
            value: (s, e),
            cue: (c.start, c.end),
        });
    }
    out
}

/// The password of "login is ana.souza / Abc@2024" or "login: ana / Rio#2024": the
/// run after a lone "/" or "|" that follows the user name. A login without
/// that pair ("o login é o seu e-mail") has no value.
fn login_pair(b: &[u8], p: usize) -> Option<(usize, usize)> {
    let slash_after = |at: usize| {
        let rest = b.get(at..).unwrap_or(&[]);
        let t = rest.trim_ascii_start();
        matches!(t.first(), Some(b'/' | b'|')).then(|| at + rest.len() - t.len() + 1)
    };
    let (s, e) = value_after(b, p)?;
    match slash_after(e) {
        // "login is ana.souza82 / Abc@2024": the value found is the user name.
        Some(q) => value_after(b, q),
        // "login ana / Abc@2024": a wordy user name was skipped as a filler,
        // with the "/" after it.
        None => b
            .get(p..s)?
            .iter()
            .any(|&x| x == b'/' || x == b'|')
            .then_some((s, e)),
    }
}

/// Whether a date follows an expiry word: "vence 08/29" is a card's expiry,
/// not a code's lifetime ("expira em 5 minutos").
fn dated(b: &[u8], nums: &[Num], cue: &CueAt) -> bool {
    super::next_num(nums, cue, 3)
        .and_then(|i| nums.get(i))
        .and_then(|n| b.get(n.start..n.end))
        .is_some_and(|raw| raw.contains(&b'/'))
}

fn near(c: &CueAt, at: usize, dist: usize) -> bool {
    c.end.abs_diff(at) <= dist || c.start.abs_diff(at) <= dist
}

/// The value following a cue word: skips `:`/`=`/`é`/`is` and up to four short
/// filler words ("do cartão", "de acceso", "for the admin panel"); stops at a
/// clause break. `None` for tickets, Wi-Fi passwords and instructions.
fn value_after(b: &[u8], mut p: usize) -> Option<(usize, usize)> {
    let mut fillers: usize = 0;
    let mut newlines = 0;
    // Words of a relative clause ("que a sra. me passou,"), once one opens.
    let mut relative: Option<usize> = None;
    loop {
        while let Some(&x) = b.get(p) {
            match x {
                b' ' | b'\t' | b':' | b'=' => p += 1,
                b'\n' | b'\r' => {
                    newlines += 1;
                    if newlines > 1 || fillers > 0 {
                        return None;
                    }
                    p += 1;
                }
                // "–" and "→"
                0xE2 if b.get(p + 1) == Some(&0x80) || b.get(p + 1) == Some(&0x86) => p += 3,
                _ => break,
            }
        }
        let start = p;
        while b.get(p).is_some_and(|x| !x.is_ascii_whitespace()) {
            p += 1;
        }
        let run = b.get(start..p)?;
        if run.is_empty() {
            return None;
        }
        // A lone "/", "|" or "-" between login and password is a connector.
        if !run.iter().any(u8::is_ascii_alphanumeric)
            && run.len() <= 2
            && !run.iter().any(|&x| x >= 0x80)
        {
            continue;
        }
        let (s, e) = strip(run);
        let core = run.get(s..e)?;
        if core.is_empty() {
            return None;
        }
        // "_KEY=abc123…", "-key:abc123…": a label glued to its value.
        if let Some(d) = core.iter().position(|&x| x == b'=' || x == b':') {
            let label = core.get(..d).unwrap_or(&[]);
            let labelish = label
                .iter()
                .all(|&x| x.is_ascii_alphabetic() || x == b'_' || x == b'-');
            if labelish && d + 1 < core.len() {
                p = start + s + d + 1;
                fillers += 1;
                if fillers > 4 {
                    return None;
                }
                continue;
            }
        }
        // "senha de 4 dígitos é 8253", "6-digit PIN": the value's length, and
        // no filler: the unit word after it counts as one.
        if is_length(core, b.get(p..).unwrap_or(&[])) {
            // Nor the "de"/"of" that introduced it ("senha provisória de 4 dígitos").
            fillers = fillers.saturating_sub(1);
            continue;
        }
        // The service whose password it is ("senha gov.br", "password for
        // gmail.com"): a domain, not the value.
        let domain = core.contains(&b'.')
            && core.iter().all(|&x| x.is_ascii_lowercase() || x == b'.')
            && core.first() != Some(&b'.')
            && core.last() != Some(&b'.');
        if domain {
            fillers += 1;
            if fillers > 4 {
                return None;
            }
            continue;
        }
        let wordy = core
            .iter()
            .all(|&x| x.is_ascii_alphabetic() || x >= 0x80 || x == b'_' || x == b'-')
            && core.iter().any(|&x| x.is_ascii_alphabetic() || x >= 0x80);
        if !wordy {
            return Some((start + s, start + e));
        }
        let mut buf = [0u8; 16];
        if let Some(n) = fold(core, &mut buf) {
            let w = buf.get(..n).unwrap_or(&[]);
            if TICKET.contains(&w) || NETWORK.contains(&w) {
                return None;
            }
            // The copula is no filler: "senha de saque do cartão é 7316".
            if matches!(w, b"e" | b"is" | b"es") && !matches!(run.last(), Some(b'.' | b',')) {
                continue;
            }
            // "a senha do cartão que a sra. me passou, 4827": a short relative
            // clause closed by a comma, then the value.
            if relative.is_none() && matches!(w, b"que" | b"that" | b"which") {
                relative = Some(0);
                continue;
            }
        }
        if let Some(n) = relative {
            if n >= RELATIVE_WORDS || core.len() > 14 {
                return None;
            }
            relative = Some(n + 1);
            match run.last() {
                // Only a value may follow the clause.
                Some(b',') => relative = Some(RELATIVE_WORDS),
                Some(b';' | b'!' | b'?' | b')') => return None,
                // "sra." inside the clause; a sentence end closes it.
                Some(b'.') if core.len() > 3 => return None,
                _ => {}
            }
            continue;
        }
        let clause_end = matches!(run.last(), Some(b'.' | b',' | b';' | b'!' | b'?' | b')'));
        fillers += 1;
        if fillers > 4 || clause_end || core.len() > 14 {
            return None;
        }
    }
}

/// How many words a relative clause between a cue and its value may have.
const RELATIVE_WORDS: usize = 6;

/// Whether `core` (with the text after it, `rest`) gives a length in
/// digits or characters ("4 dígitos", "6-digit", "8 caracteres").
fn is_length(core: &[u8], rest: &[u8]) -> bool {
    let n = core.iter().take_while(|x| x.is_ascii_digit()).count();
    if n == 0 || n > 2 {
        return false;
    }
    let unit = |w: &[u8]| {
        let w = w.strip_prefix(b"-").unwrap_or(w);
        ["digit", "dígito", "caracter", "character", "char"]
            .iter()
            .any(|u| {
                w.get(..u.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(u.as_bytes()))
            })
    };
    match core.get(n..) {
        Some(tail) if !tail.is_empty() => unit(tail),
        _ => unit(
            rest.trim_ascii_start()
                .split(u8::is_ascii_whitespace)
                .next()
                .unwrap_or(&[]),
        ),
    }
}

/// Trims quotes/brackets around a value and sentence punctuation after it.
fn strip(run: &[u8]) -> (usize, usize) {
    let mut s = 0;
    let mut e = run.len();
    while s < e && matches!(run.get(s), Some(b'"' | b'\'' | b'(' | b'[' | b'`' | b'<')) {
        s += 1;
    }
    while e > s
        && matches!(
            run.get(e - 1),
            Some(
                b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b']' | b'"' | b'\'' | b'`' | b'>'
            )
        )
    {
        e -= 1;
    }
    (s, e)
}

/// A password-like value: 4–64 bytes with a digit or a symbol, not a masked
/// placeholder, a link, an amount or a date/time.
fn looks_secret(v: &[u8]) -> bool {
    if !(4..=64).contains(&v.len()) || !v.iter().any(u8::is_ascii_alphanumeric) {
        return false;
    }
    let has_digit = v.iter().any(u8::is_ascii_digit);
    let has_symbol = v.iter().any(|x| b"!@#$%&*+=?_^~".contains(x));
    if !has_digit && !has_symbol {
        return false;
    }
    let head = v.get(..4).unwrap_or(&[]);
    let masked = v.windows(3).any(|w| w == b"***");
    let link = head.eq_ignore_ascii_case(b"http") || head.eq_ignore_ascii_case(b"www.");
    let money = v.starts_with(b"R$") || v.starts_with(b"US$") || v.starts_with(b"$");
    // Dates, times, amounts, percentages.
    let numeric_with_seps = has_digit
        && v.iter().any(|x| b":/.,%".contains(x))
        && v.iter().all(|x| x.is_ascii_digit() || b":/.,%".contains(x));
    !(masked || link || money || numeric_with_seps)
}

/// `A023`, `B47`: a queue ticket number.
fn ticket(v: &[u8]) -> bool {
    matches!(v, [l, rest @ ..] if l.is_ascii_alphabetic() && (2..=4).contains(&rest.len()) && rest.iter().all(u8::is_ascii_digit))
}
