//! One pass over the raw bytes: alphanumeric tokens chained into numbers
//! (`529.982.247-25`, `4111 1111 1111 1111`, `ES91 2100 …`) and the cue
//! words the keyword-based rules need (`agência`, `RG`, `senha`…).
//!
//! Working on raw bytes keeps offsets in the original text for free; cue
//! words are folded (ASCII lowercase + Latin-1 accents) into a small stack
//! buffer, so nothing is allocated per word.

/// A run of ASCII alphanumerics (and Latin-1 letters) in the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Tok {
    pub start: usize,
    pub end: usize,
    /// ASCII digits in the token.
    pub digits: usize,
    /// Separator joining it to the previous token of its chain; `0` starts a chain.
    pub sep: u8,
}

impl Tok {
    /// Any non-digit (letters) inside.
    pub fn has_letters(&self) -> bool {
        self.end - self.start > self.digits
    }
}

/// What a cue word announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cue {
    /// Bank branch: agência, ag., sucursal, branch, routing.
    Branch,
    /// Bank account: conta, c/c, cuenta, account.
    Account,
    /// Argentine (or any) DNI.
    Dni,
    /// Brazilian RG / carteira de identidade.
    Rg,
    /// Cédula (de identidad).
    Cedula,
    /// Telephone context: a bare 11-digit number here is a phone, not a CPF.
    Phone,
    /// The word CPF: a number right after it is read as a CPF even next to "telefone".
    Cpf,
    /// Card / cartão / tarjeta.
    CardWord,
    /// Argentine tax id context (CUIT/CUIL have 11 digits too).
    TaxId,
    /// Password: senha, contraseña, clave, password.
    Password,
    /// `pass` (only counts when directly followed by `:` or `=`).
    Pass,
    /// Card PIN / Mexican NIP.
    Pin,
    /// API token, secret or private key.
    Secret,
    /// Queue context (guichê, fila, aguarde ser chamado): a short "senha" is a ticket.
    Ticket,
    /// Wi-Fi: a shop's or hotel's network password is not a personal secret.
    Network,
    /// A code's lifetime (expires, válida por, minutos): a short *numeric*
    /// value nearby is a one-time code.
    Expiry,
    /// One-time code context: verification, OTP, expires, one-time…
    Otp,
    /// `login`: a "user / password" pair after it.
    Login,
}

/// A cue word found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct CueAt {
    pub cue: Cue,
    pub start: usize,
    pub end: usize,
}

/// Result of the pass.
#[derive(Debug, Default)]
pub(super) struct Lexed {
    /// Tokens of chains that contain at least one digit, chain by chain.
    pub toks: Vec<Tok>,
    /// Cue words, in order.
    pub cues: Vec<CueAt>,
    /// Self-identifying secrets (`sk_live_…`, `ghp_…`, `AKIA…`).
    pub secrets: Vec<(usize, usize)>,
}

/// Folded form of a word (max 16 bytes), or `None` when too long to be a cue.
pub(super) fn fold(word: &[u8], buf: &mut [u8; 16]) -> Option<usize> {
    let mut n = 0;
    let mut i = 0;
    while let Some(&c) = word.get(i) {
        let out = if c == 0xC3 {
            i += 1;
            fold_c3(word.get(i).copied().unwrap_or(0))
        } else if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            b'?'
        };
        *buf.get_mut(n)? = out;
        n += 1;
        i += 1;
    }
    Some(n)
}

/// Base letter of a Latin-1 letter encoded as `0xC3 x` (upper or lower case).
fn fold_c3(x: u8) -> u8 {
    match x | 0x20 {
        0xA0..=0xA5 => b'a',
        0xA7 => b'c',
        0xA8..=0xAB => b'e',
        0xAC..=0xAF => b'i',
        0xB1 => b'n',
        0xB2..=0xB6 => b'o',
        0xB9..=0xBC => b'u',
        _ => b'?',
    }
}

/// Is `0xC3 x` a Latin-1 letter (not × or ÷)?
fn c3_letter(x: u8) -> bool {
    (0x80..=0xBF).contains(&x) && x != 0x97 && x != 0xB7
}

/// Cue words, folded.
const CUES: &[(&[u8], Cue)] = &[
    (b"agencia", Cue::Branch),
    (b"ag", Cue::Branch),
    (b"agencias", Cue::Branch),
    (b"sucursal", Cue::Branch),
    (b"branch", Cue::Branch),
    (b"routing", Cue::Branch),
    (b"transit", Cue::Branch),
    (b"conta", Cue::Account),
    (b"cc", Cue::Account),
    (b"cta", Cue::Account),
    (b"cuenta", Cue::Account),
    (b"account", Cue::Account),
    (b"acct", Cue::Account),
    (b"poupanca", Cue::Account),
    (b"ahorro", Cue::Account),
    (b"ahorros", Cue::Account),
    (b"dni", Cue::Dni),
    (b"rg", Cue::Rg),
    (b"identidade", Cue::Rg),
    (b"cedula", Cue::Cedula),
    (b"tel", Cue::Phone),
    (b"telefone", Cue::Phone),
    (b"telefono", Cue::Phone),
    (b"fone", Cue::Phone),
    (b"celular", Cue::Phone),
    (b"cel", Cue::Phone),
    (b"whatsapp", Cue::Phone),
    (b"whats", Cue::Phone),
    (b"wpp", Cue::Phone),
    (b"zap", Cue::Phone),
    (b"phone", Cue::Phone),
    (b"movil", Cue::Phone),
    (b"mobile", Cue::Phone),
    (b"cell", Cue::Phone),
    (b"contato", Cue::Phone),
    (b"contacto", Cue::Phone),
    (b"ligue", Cue::Phone),
    (b"llame", Cue::Phone),
    (b"call", Cue::Phone),
    (b"ramal", Cue::Phone),
    (b"sms", Cue::Phone),
    (b"cpf", Cue::Cpf),
    (b"cartao", Cue::CardWord),
    (b"tarjeta", Cue::CardWord),
    (b"card", Cue::CardWord),
    (b"cuit", Cue::TaxId),
    (b"cuil", Cue::TaxId),
    (b"senha", Cue::Password),
    (b"senhas", Cue::Password),
    (b"password", Cue::Password),
    (b"passwd", Cue::Password),
    (b"pwd", Cue::Password),
    (b"contrasena", Cue::Password),
    (b"clave", Cue::Password),
    (b"pass", Cue::Pass),
    (b"passcode", Cue::Password),
    (b"contrasenha", Cue::Password),
    (b"pin", Cue::Pin),
    (b"nip", Cue::Pin),
    (b"token", Cue::Secret),
    (b"secret", Cue::Secret),
    (b"secreta", Cue::Secret),
    (b"secreto", Cue::Secret),
    (b"api", Cue::Secret),
    (b"apikey", Cue::Secret),
    (b"bearer", Cue::Secret),
    (b"private", Cue::Secret),
    (b"privada", Cue::Secret),
    (b"wifi", Cue::Network),
    (b"guiche", Cue::Ticket),
    (b"fila", Cue::Ticket),
    (b"chamado", Cue::Ticket),
    (b"chamada", Cue::Ticket),
    (b"aguarde", Cue::Ticket),
    (b"atendimento", Cue::Ticket),
    (b"ventanilla", Cue::Ticket),
    (b"turno", Cue::Ticket),
    (b"otp", Cue::Otp),
    (b"verificacao", Cue::Otp),
    (b"verificacion", Cue::Otp),
    (b"verification", Cue::Otp),
    (b"verify", Cue::Otp),
    (b"verificar", Cue::Otp),
    (b"login", Cue::Login),
    (b"expira", Cue::Expiry),
    (b"expiram", Cue::Expiry),
    (b"expires", Cue::Expiry),
    (b"vence", Cue::Expiry),
    (b"valida", Cue::Expiry),
    (b"valido", Cue::Expiry),
    (b"valid", Cue::Expiry),
    (b"minutos", Cue::Expiry),
    (b"minutes", Cue::Expiry),
];

/// A folded word (at most 16 bytes) packed into one integer, so looking a
/// word up is integer compares rather than `memcmp` calls.
const fn key(w: &[u8]) -> u128 {
    let mut k = [0u8; 16];
    let mut i = 0;
    while i < w.len() && i < 16 {
        k[i] = w[i];
        i += 1;
    }
    u128::from_le_bytes(k)
}

/// Slot of a packed word in [`CUE_TABLE`].
const fn slot(k: u128) -> usize {
    let x = (k as u64) ^ ((k >> 64) as u64).rotate_left(17);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) as usize
}

/// Open-addressing table of `CUES` (256 slots, built at compile time), so a
/// lookup is one or two integer compares. Keys and cues are separate arrays:
/// `(u128, Option<Cue>)` pairs pad every slot to 32 bytes of wasm data.
const CUE_TABLE: ([u128; 256], [Option<Cue>; 256]) = {
    let mut keys = [0u128; 256];
    let mut cues = [None; 256];
    let mut i = 0;
    while i < CUES.len() {
        let k = key(CUES[i].0);
        let mut s = slot(k);
        while cues[s].is_some() {
            s = (s + 1) % 256;
        }
        keys[s] = k;
        cues[s] = Some(CUES[i].1);
        i += 1;
    }
    (keys, cues)
};

/// Bit `first letter` set in `CUE_MASKS.0[len]` (and `last letter` in
/// `CUE_MASKS.1[len]`) when some cue has that length and letter: two loads
/// reject almost every word before any compare.
const CUE_MASKS: ([u32; 17], [u32; 17]) = {
    let mut first = [0u32; 17];
    let mut last = [0u32; 17];
    let mut i = 0;
    while i < CUES.len() {
        let w = CUES[i].0;
        let n = w.len();
        if n <= 16 && w[0].is_ascii_lowercase() && w[n - 1].is_ascii_lowercase() {
            first[n] |= 1 << (w[0] - b'a');
            last[n] |= 1 << (w[n - 1] - b'a');
        }
        i += 1;
    }
    (first, last)
};

/// The cue a folded word (`buf[..n]`, zero-padded) announces.
fn cue_of(buf: &[u8; 16], n: usize) -> Option<Cue> {
    let (Some(&f), Some(&l)) = (buf.first(), n.checked_sub(1).and_then(|i| buf.get(i))) else {
        return None;
    };
    if !f.is_ascii_lowercase() || !l.is_ascii_lowercase() {
        return None;
    }
    let fm = CUE_MASKS.0.get(n)?;
    let lm = CUE_MASKS.1.get(n)?;
    if fm & (1 << (f - b'a')) == 0 || lm & (1 << (l - b'a')) == 0 {
        return None;
    }
    let k = u128::from_le_bytes(*buf);
    let mut s = slot(k);
    // The table is far from full, so probing always reaches an empty slot.
    let (keys, cues) = &CUE_TABLE;
    for _ in 0..cues.len() {
        match cues.get(s)? {
            None => return None,
            Some(c) if *keys.get(s)? == k => return Some(*c),
            Some(_) => s = (s + 1) % cues.len(),
        }
    }
    None
}

/// Prefixes of self-identifying secrets (case-sensitive, as issued).
const SECRET_PREFIXES: &[&[u8]] = &[
    b"sk_live_",
    b"sk_test_",
    b"rk_live_",
    b"ghp_",
    b"gho_",
    b"ghs_",
    b"github_pat_",
    b"glpat-",
    b"xoxb-",
    b"xoxp-",
    b"AKIA",
    b"AIza",
];

/// Length of a secret starting at `at` (alphanumerics, `_`, `-`) if it has a
/// known prefix and is long enough to be a real key.
fn secret_at(b: &[u8], at: usize) -> Option<usize> {
    let rest = b.get(at..)?;
    if !matches!(
        rest,
        [b's' | b'r', b'k', ..]
            | [b'g', b'h' | b'i' | b'l', ..]
            | [b'x', b'o', ..]
            | [b'A', b'K' | b'I', ..]
    ) {
        return None;
    }
    SECRET_PREFIXES.iter().find(|p| rest.starts_with(p))?;
    let len = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_' || **c == b'-')
        .count();
    (len >= 20).then_some(len)
}

/// Length of a key shaped like the ones most payment and SaaS APIs issue:
/// a short lower-case vendor prefix, `_live_` or `_prod_`, then at least 16
/// random characters mixing upper case, lower case and digits
/// (`acm_live_7Hq2ZxN4vTg81LmWc0sK`). Test keys (`_test_`) are left alone.
fn environment_key(rest: &[u8]) -> Option<usize> {
    let vendor = rest
        .iter()
        .take(7)
        .take_while(|c| c.is_ascii_lowercase())
        .count();
    if vendor < 2 || rest.get(vendor) != Some(&b'_') {
        return None;
    }
    let env = rest.get(vendor + 1..vendor + 6)?;
    if env != b"live_" && env != b"prod_" {
        return None;
    }
    let key = rest.get(vendor + 6..)?;
    let n = key.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    let key = key.get(..n)?;
    let mixed = key.iter().any(u8::is_ascii_uppercase)
        && key.iter().any(u8::is_ascii_lowercase)
        && key.iter().any(u8::is_ascii_digit);
    (n >= 16 && mixed).then_some(vendor + 6 + n)
}

/// Byte classes: 1 digit, 2 ASCII letter, 3 lead byte of a Latin-1 letter.
const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = if b.is_ascii_digit() {
            1
        } else if b.is_ascii_alphabetic() {
            2
        } else if b == 0xC3 {
            3
        } else {
            0
        };
        c += 1;
    }
    t
};

/// Scans `text` once.
pub(super) fn lex(text: &str) -> Lexed {
    let b = text.as_bytes();
    // One allocation sized for a number-dense message instead of repeated growth.
    let mut out = Lexed {
        toks: Vec::with_capacity((b.len() / 16).min(256)),
        ..Lexed::default()
    };
    let mut prev: Option<Tok> = None;
    // Whether `prev` was pushed (a chain is open), and whether that chain looks like an IBAN.
    let mut open = false;
    let mut iban = false;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let word_start = match CLASS.get(usize::from(c)) {
            Some(1 | 2) => true,
            Some(3) => b.get(i + 1).is_some_and(|&x| c3_letter(x)),
            _ => false,
        };
        if !word_start {
            i += 1;
            continue;
        }
        if let Some(len) = secret_at(b, i) {
            out.secrets.push((i, i + len));
            i += len;
            prev = None;
            open = false;
            continue;
        }
        let start = i;
        let mut digits = 0;
        // The word is folded while it is consumed (one pass), into a small
        // zero-padded buffer; `n > 16` means too long to be a cue.
        let mut buf = [0u8; 16];
        let mut n = 0usize;
        while let Some(&x) = b.get(i) {
            let folded = match CLASS.get(usize::from(x)) {
                Some(1) => {
                    digits += 1;
                    i += 1;
                    continue;
                }
                Some(2) => {
                    i += 1;
                    x | 0x20
                }
                Some(3) if b.get(i + 1).is_some_and(|&y| c3_letter(y)) => {
                    i += 2;
                    fold_c3(b.get(i - 1).copied().unwrap_or(0))
                }
                _ => break,
            };
            if let Some(slot) = buf.get_mut(n) {
                *slot = folded;
            }
            n += 1;
        }
        // A word ending at `_` may be a vendor prefix (`acm_live_…`); checked
        // only there, since most words end at a space.
        if b.get(i) == Some(&b'_') {
            if let Some(len) = b.get(start..).and_then(environment_key) {
                out.secrets.push((start, start + len));
                i = start + len;
                prev = None;
                open = false;
                continue;
            }
        }
        let mut tok = Tok {
            start,
            end: i,
            digits,
            sep: 0,
        };
        if digits == 0 && n <= 16 {
            if let Some(cue) = classify_word(b, &tok, &buf, n) {
                out.cues.push(cue);
            }
        }
        let join = prev.and_then(|p| {
            let sep = *b.get(p.end)?;
            if p.end + 1 != start {
                return None;
            }
            let ok = match sep {
                b'.' | b'-' | b'/' => open || digits > 0,
                b' ' => {
                    (p.digits > 0 && digits > 0)
                        || (open && iban && tok.end - tok.start <= 4 && p.end - p.start <= 4)
                }
                _ => false,
            };
            ok.then_some((p, sep))
        });
        match join {
            Some((p, sep)) => {
                if !open {
                    out.toks.push(Tok { sep: 0, ..p });
                    iban = false;
                }
                tok.sep = sep;
                out.toks.push(tok);
                open = true;
            }
            None if digits > 0 => {
                out.toks.push(tok);
                open = true;
                iban = iban_head(b.get(start..i).unwrap_or(&[]));
            }
            None => open = false,
        }
        prev = Some(tok);
    }
    out
}

/// `LLdd…`: two letters then two digits, the start of an IBAN.
fn iban_head(t: &[u8]) -> bool {
    matches!(t, [a, b, c, d, ..] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() && c.is_ascii_digit() && d.is_ascii_digit())
}

/// The cue a folded word announces, with multi-word forms (`c/c`, `one-time`).
fn classify_word(b: &[u8], tok: &Tok, buf: &[u8; 16], n: usize) -> Option<CueAt> {
    let w = buf.get(..n).unwrap_or(&[]);
    let at = |cue, end| {
        Some(CueAt {
            cue,
            start: tok.start,
            end,
        })
    };
    match w {
        // "c/c" (conta corrente).
        [b'c'] => {
            let next = b.get(tok.end..tok.end + 2)?;
            let ends = !b.get(tok.end + 2).is_some_and(u8::is_ascii_alphanumeric);
            if next.eq_ignore_ascii_case(b"/c") && ends {
                // "c/c" (conta corrente).
                at(Cue::Account, tok.end + 2)
            } else if next.eq_ignore_ascii_case(b".i") && ends {
                // "C.I." (cédula de identidad).
                at(Cue::Cedula, tok.end + 2)
            } else {
                None
            }
        }
        // "D.N.I."
        [b'd'] => {
            let next = b.get(tok.end..tok.end + 4)?;
            let ends = !b.get(tok.end + 4).is_some_and(u8::is_ascii_alphanumeric);
            (next.eq_ignore_ascii_case(b".n.i") && ends).then_some(())?;
            at(Cue::Dni, tok.end + 4)
        }
        // "one-time" / "one time" (password, code).
        [b'o', b'n', b'e'] => {
            let next = b.get(tok.end..tok.end + 5)?;
            (matches!(next.first(), Some(b'-' | b' '))
                && next
                    .get(1..)
                    .is_some_and(|s| s.eq_ignore_ascii_case(b"time")))
            .then_some(())?;
            at(Cue::Otp, tok.end + 5)
        }
        // "Wi-Fi" / "wi fi".
        [b'w', b'i'] => {
            let next = b.get(tok.end..tok.end + 3)?;
            (matches!(next.first(), Some(b'-' | b' '))
                && next.get(1..).is_some_and(|s| s.eq_ignore_ascii_case(b"fi")))
            .then_some(())?;
            at(Cue::Network, tok.end + 3)
        }
        // UK "sort code" (the branch).
        [b's', b'o', b'r', b't'] => {
            let next = b.get(tok.end..tok.end + 5)?;
            next.eq_ignore_ascii_case(b" code").then_some(())?;
            at(Cue::Branch, tok.end + 5)
        }
        // "uso único" (one-time). Not "único" alone: Chile's "Clave Única" is
        // the government login, a real password.
        [b'u', b's', b'o'] => {
            let next = b.get(tok.end..(tok.end + 6).min(b.len()))?;
            let rest = next.strip_prefix(b" ")?;
            let rest = rest
                .strip_prefix("ú".as_bytes())
                .or_else(|| rest.strip_prefix("Ú".as_bytes()))
                .or_else(|| rest.strip_prefix(b"u"))
                .or_else(|| rest.strip_prefix(b"U"))?;
            (rest.get(..3)?.eq_ignore_ascii_case(b"nic")).then_some(())?;
            at(Cue::Otp, tok.end + 1)
        }
        // "un solo uso".
        [b's', b'o', b'l', b'o'] => {
            let next = b.get(tok.end..tok.end + 4)?;
            next.eq_ignore_ascii_case(b" uso").then_some(())?;
            at(Cue::Otp, tok.end + 4)
        }
        _ => cue_of(buf, n).and_then(|c| at(c, tok.end)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chains_and_cues() {
        let t = "Agência 1234, C/C 56789-0; CPF 529.982.247-25, IBAN ES91 2100 0418";
        let lx = lex(t);
        let cues: Vec<_> = lx.cues.iter().map(|c| c.cue).collect();
        assert_eq!(cues, vec![Cue::Branch, Cue::Account, Cue::Cpf]);
        let starts: Vec<&str> = lx
            .toks
            .iter()
            .map(|t| t.sep)
            .zip(lx.toks.iter())
            .filter(|(s, _)| *s == 0)
            .map(|(_, k)| &t[k.start..k.end])
            .collect();
        assert_eq!(starts, vec!["1234", "56789", "529", "ES91"]);
    }

    #[test]
    fn folds_accents_and_case() {
        let mut buf = [0u8; 16];
        let n = fold("CONTRASEÑA".as_bytes(), &mut buf).unwrap();
        assert_eq!(&buf[..n], b"contrasena");
        assert!(fold(&[b'a'; 20], &mut buf).is_none());
    }

    #[test]
    fn finds_prefixed_secrets() {
        let t = "use sk_live_51Habcdefghijklmnop1234 now";
        assert_eq!(lex(t).secrets, vec![(4, 35)]);
    }
}
