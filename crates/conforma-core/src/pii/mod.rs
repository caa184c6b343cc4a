//! Sensitive data the agent is about to send (LGPD; WhatsApp forbids sharing
//! full card, account and ID numbers): CPF, card, bank account, identity
//! document and credentials.
//!
//! Numbers are validated by their check digits, so an order number never
//! passes for a CPF; numbers that are *not* PII (CNPJ, phone, boleto line,
//! NF-e key, tracking code) are recognised too, so their digits are not
//! re-read as something else. One pass over the bytes finds number chains and
//! cue words; text without digits or cue words costs that pass and nothing else.

mod checksum;
mod credential;
mod lex;
mod numbers;

use crate::engine::Hit;
use crate::model::{Category, Locale, Severity, Span};
use crate::rules::{policy, RuleInfo};
use lex::{Cue, CueAt};
use numbers::{Kind, Num};

/// Built-in PII rules, in a fixed order (indexed by the `R_*` constants, so
/// every index is checked at compile time).
pub(crate) static RULES: [RuleInfo; 5] = [
    RuleInfo {
        id: "pii.cpf",
        category: Category::PiiCpf,
        severity: Severity::Block,
        enabled: true,
        policy: policy::LGPD,
        message: text!(
            "CPF completo na mensagem: dado pessoal protegido pela LGPD; o WhatsApp proíbe compartilhar números de documentos completos.",
            "CPF completo en el mensaje: dato personal protegido (LGPD); WhatsApp prohíbe compartir números de documentos completos.",
            "Full CPF in the message: personal data protected by the LGPD; WhatsApp forbids sharing full ID numbers.",
        ),
        suggestion: Some(text!(
            "Envie o CPF pelo portal seguro ou mostre só os últimos dígitos (***.***.***-25).",
            "Envía el CPF por el portal seguro o muestra solo los últimos dígitos (***.***.***-25).",
            "Send the CPF through the secure portal, or show only the last digits (***.***.***-25).",
        )),
        examples: &["CPF 529.982.247-25"],
    },
    RuleInfo {
        id: "pii.card",
        category: Category::PiiCard,
        severity: Severity::Block,
        enabled: true,
        policy: policy::LGPD,
        message: text!(
            "Número completo de cartão na mensagem: o WhatsApp proíbe compartilhar números completos de cartão, e a LGPD exige proteger dados de pagamento.",
            "Número completo de tarjeta en el mensaje: WhatsApp prohíbe compartir números completos de tarjeta y los datos de pago deben protegerse.",
            "Full card number in the message: WhatsApp forbids sharing full card numbers, and payment data must be protected (LGPD).",
        ),
        suggestion: Some(text!(
            "Mostre só os 4 últimos dígitos (**** **** **** 1111) e use um link de pagamento seguro.",
            "Muestra solo los 4 últimos dígitos (**** **** **** 1111) y usa un enlace de pago seguro.",
            "Show only the last 4 digits (**** **** **** 1111) and use a secure payment link.",
        )),
        examples: &["cartão 4111 1111 1111 1111"],
    },
    RuleInfo {
        id: "pii.bank",
        category: Category::PiiBank,
        severity: Severity::Block,
        enabled: true,
        policy: policy::LGPD,
        message: text!(
            "Dados bancários completos (agência e conta, IBAN, CBU ou CLABE): o WhatsApp proíbe compartilhar números completos de contas.",
            "Datos bancarios completos (sucursal y cuenta, IBAN, CBU o CLABE): WhatsApp prohíbe compartir números completos de cuentas.",
            "Full bank details (branch and account, IBAN, CBU or CLABE): WhatsApp forbids sharing full account numbers.",
        ),
        suggestion: Some(text!(
            "Envie os dados bancários por um canal seguro (portal, boleto ou link de pagamento) ou mostre só o final da conta.",
            "Envía los datos bancarios por un canal seguro (portal o enlace de pago) o muestra solo el final de la cuenta.",
            "Send bank details through a secure channel (portal or payment link), or show only the end of the account number.",
        )),
        examples: &["agência 1234 conta 56789-0", "IBAN ES91 2100 0418 4502 0005 1332"],
    },
    RuleInfo {
        id: "pii.id_document",
        category: Category::PiiIdDocument,
        severity: Severity::Block,
        enabled: true,
        policy: policy::LGPD,
        message: text!(
            "Número completo de documento de identidade (RG, DNI, NIE): dado pessoal protegido; o WhatsApp proíbe compartilhar números completos de documentos.",
            "Número completo de documento de identidad (DNI, NIE, RG): dato personal protegido; WhatsApp prohíbe compartir números completos de documentos.",
            "Full identity document number (DNI, NIE, RG): protected personal data; WhatsApp forbids sharing full ID numbers.",
        ),
        suggestion: Some(text!(
            "Peça ou envie o documento pelo portal seguro, ou mostre só os últimos caracteres.",
            "Pide o envía el documento por el portal seguro, o muestra solo los últimos caracteres.",
            "Request or send the document through the secure portal, or show only its last characters.",
        )),
        examples: &["DNI 12345678Z", "RG 12.345.678-9"],
    },
    RuleInfo {
        id: "pii.credential",
        category: Category::PiiCredential,
        severity: Severity::Block,
        enabled: true,
        policy: policy::LGPD,
        message: text!(
            "Senha, PIN ou chave secreta na mensagem: credenciais nunca devem circular por chat (códigos de uso único são permitidos).",
            "Contraseña, PIN o clave secreta en el mensaje: las credenciales nunca deben circular por chat (los códigos de un solo uso están permitidos).",
            "Password, PIN or secret key in the message: credentials must never travel over chat (one-time codes are allowed).",
        ),
        suggestion: Some(text!(
            "Não envie a senha: mande um link de redefinição ou um código de uso único, e troque a senha exposta.",
            "No envíes la contraseña: manda un enlace de restablecimiento o un código de un solo uso, y cambia la contraseña expuesta.",
            "Don't send the password: send a reset link or a one-time code instead, and change the exposed secret.",
        )),
        examples: &["sua senha é X7#kq92", "PIN do cartão: 4821"],
    },
];

/// Bytes without which no PII rule can fire: digits and password symbols.
const TRIGGER: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_digit()
            || matches!(
                b,
                b'@' | b'#' | b'$' | b'%' | b'&' | b'*' | b'+' | b'=' | b'_' | b'^' | b'~' | b'!'
            );
        c += 1;
    }
    t
};

const R_CPF: usize = 0;
const R_CARD: usize = 1;
const R_BANK: usize = 2;
const R_ID: usize = 3;
const R_CRED: usize = 4;

/// Scans `text` for sensitive data; suggestions are rendered in `locale`.
///
/// Zero-width and control characters hidden inside a number
/// ("X12\u{200B}34\u{200B}567L") would split it into harmless pieces, so
/// text that has any is scanned without them and the spans are mapped back.
pub(crate) fn scan(text: &str, locale: Locale) -> Vec<Hit> {
    // Every rule needs a digit or a symbol (a number, or a password such as
    // `Amor!Lindo`): plain prose skips everything below. Invisibles are
    // neither, so the original text answers for the clean one.
    if !text
        .bytes()
        .any(|c| TRIGGER.get(usize::from(c)) == Some(&true))
    {
        return Vec::new();
    }
    let Some((clean, cuts)) = without_invisibles(text) else {
        return scan_visible(text, locale);
    };
    let mut hits = scan_visible(&clean, locale);
    // Bytes removed before clean offset `p`; `inclusive` counts a cut at `p`
    // too, so a start lands after an invisible and an end before it.
    let shift = |p: usize, inclusive: bool| {
        let n = cuts.partition_point(|&(at, _)| at < p || inclusive && at == p);
        n.checked_sub(1)
            .and_then(|i| cuts.get(i))
            .map_or(0, |&(_, r)| r)
    };
    for h in &mut hits {
        for s in &mut h.spans {
            let start = s.start + shift(s.start, true);
            *s = Span::new(start, (s.end + shift(s.end, false)).max(start));
        }
    }
    hits
}

/// Lead bytes of every invisible character (C0/C1 controls aside): never
/// a UTF-8 continuation byte, so each starts a char. A table, since every
/// byte of a message with `¡` or `…` in it goes through it.
const INVISIBLE_LEAD: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = (b < 0x20 && !matches!(b, b'\n' | b'\t' | b'\r'))
            || b == 0x7F
            || matches!(b, 0xC2 | 0xCD | 0xD8 | 0xE1 | 0xE2 | 0xE3 | 0xEF | 0xF3);
        c += 1;
    }
    t
};

/// `text` without invisible characters, and where they were cut: (offset in
/// the clean text, bytes removed up to there). `None` when there is nothing
/// to remove (the common case). Only the bytes that can start an invisible
/// are decoded; the runs between are copied whole.
fn without_invisibles(text: &str) -> Option<(String, Vec<(usize, usize)>)> {
    let b = text.as_bytes();
    let lead = |c: &u8| INVISIBLE_LEAD.get(usize::from(*c)) == Some(&true);
    let mut clean = String::new();
    let mut cuts = Vec::new();
    let (mut last, mut removed) = (0, 0);
    let mut i = 0;
    while let Some(k) = b.get(i..).and_then(|r| r.iter().position(lead)) {
        i += k;
        let len = text
            .get(i..)
            .and_then(|r| r.chars().next())
            .filter(|&ch| crate::normalize::invisible::is_invisible(ch))
            .map(char::len_utf8);
        let Some(len) = len else {
            i += 1;
            continue;
        };
        if cuts.is_empty() {
            clean.reserve(text.len());
        }
        clean.push_str(text.get(last..i)?);
        removed += len;
        cuts.push((clean.len(), removed));
        i += len;
        last = i;
    }
    if cuts.is_empty() {
        return None;
    }
    clean.push_str(text.get(last..)?);
    Some((clean, cuts))
}

fn scan_visible(text: &str, locale: Locale) -> Vec<Hit> {
    let lx = lex::lex(text);
    let mut hits = Vec::new();
    for &(s, e) in &lx.secrets {
        hits.push(hit(&RULES[R_CRED], vec![Span::new(s, e)], None));
    }
    if lx.toks.is_empty() && lx.cues.is_empty() {
        return hits;
    }
    let b = text.as_bytes();
    let mut nums = numbers::classify(text, &lx);
    for n in &nums {
        let rule = match n.kind {
            Kind::Cpf => &RULES[R_CPF],
            Kind::Card => &RULES[R_CARD],
            Kind::Bank => &RULES[R_BANK],
            Kind::IdDoc => &RULES[R_ID],
            Kind::Skip | Kind::Generic | Kind::Mixed => continue,
        };
        let sug = suggestion(rule, b, n, locale);
        hits.push(hit(rule, vec![Span::new(n.start, n.end)], sug));
    }
    keyword_rules(b, &lx.cues, &mut nums, locale, &mut hits);
    for f in credential::find(b, &lx.cues, &nums, &lx.secrets) {
        let spans = vec![Span::new(f.value.0, f.value.1), Span::new(f.cue.0, f.cue.1)];
        hits.push(hit(&RULES[R_CRED], spans, None));
    }
    hits
}

fn hit(rule: &'static RuleInfo, spans: Vec<Span>, suggestion: Option<String>) -> Hit {
    Hit {
        suggestion,
        ..Hit::builtin(rule, spans)
    }
}

/// The first number starting within `gap` bytes after `cue`.
fn next_num(nums: &[Num], cue: &CueAt, gap: usize) -> Option<usize> {
    let i = nums.iter().position(|n| n.start >= cue.end)?;
    let n = nums.get(i)?;
    (n.start - cue.end <= gap).then_some(i)
}

/// Branch + account stated together; DNI / RG / cédula numbers stated as such.
fn keyword_rules(b: &[u8], cues: &[CueAt], nums: &mut [Num], locale: Locale, hits: &mut Vec<Hit>) {
    let generic = |nums: &[Num], i: usize, lo: usize, hi: usize| {
        nums.get(i)
            .is_some_and(|n| n.kind == Kind::Generic && (lo..=hi).contains(&n.digits))
    };
    // Dates and times ("22/11/2026", "10:30") are never branch, account or ID numbers.
    let has = |n: &Num, set: &[u8]| {
        b.get(n.start..n.end)
            .is_some_and(|s| s.iter().any(|c| set.contains(c)))
    };
    let mut branches: Vec<usize> = Vec::new();
    let mut accounts: Vec<usize> = Vec::new();
    for c in cues.iter().filter(|c| c.cue == Cue::Branch) {
        if let Some(i) = next_num(nums, c, 20)
            .filter(|&i| generic(nums, i, 3, 9) && nums.get(i).is_some_and(|n| !has(n, b"/:")))
        {
            branches.push(i);
        }
    }
    for c in cues.iter().filter(|c| c.cue == Cue::Account) {
        let Some(mut i) = next_num(nums, c, 24) else {
            continue;
        };
        // "agência e conta: 1234 / 56789-0": the account is the number after the branch.
        if branches.contains(&i) {
            let (Some(cur), Some(next)) = (nums.get(i), nums.get(i + 1)) else {
                continue;
            };
            if next.start.saturating_sub(cur.end) > 5 {
                continue;
            }
            i += 1;
        }
        if generic(nums, i, 4, 14) && nums.get(i).is_some_and(|n| !has(n, b":")) {
            accounts.push(i);
        }
    }
    // "Ag/Conta: 1234/56789-0": both cues, then branch and account joined by a slash.
    for n in nums.iter_mut() {
        if n.kind != Kind::Generic || !(7..=20).contains(&n.digits) {
            continue;
        }
        let Some(raw) = b.get(n.start..n.end) else {
            continue;
        };
        let Some(slash) = raw.iter().position(|&c| c == b'/') else {
            continue;
        };
        let left = raw
            .get(..slash)
            .map_or(0, |l| l.iter().filter(|c| c.is_ascii_digit()).count());
        if (3..=5).contains(&left)
            && numbers::cue_before(cues, n.start, 30, &[Cue::Branch])
            && numbers::cue_before(cues, n.start, 30, &[Cue::Account])
        {
            n.kind = Kind::Bank;
            let sug = suggestion(&RULES[R_BANK], b, n, locale);
            hits.push(hit(&RULES[R_BANK], vec![Span::new(n.start, n.end)], sug));
        }
    }
    for &a in &accounts {
        let Some(an) = nums.get(a).copied() else {
            continue;
        };
        if an.kind != Kind::Generic {
            continue;
        }
        let br = branches.iter().copied().find(|&x| {
            x != a
                && nums.get(x).is_some_and(|bn| {
                    bn.kind == Kind::Generic && bn.start.abs_diff(an.start) <= 120
                })
        });
        let Some(br) = br else { continue };
        let Some(bn) = nums.get(br).copied() else {
            continue;
        };
        for i in [a, br] {
            if let Some(n) = nums.get_mut(i) {
                n.kind = Kind::Bank;
            }
        }
        let sug = suggestion(&RULES[R_BANK], b, &an, locale);
        hits.push(hit(
            &RULES[R_BANK],
            vec![Span::new(an.start, an.end_x), Span::new(bn.start, bn.end)],
            sug,
        ));
    }
    for c in cues {
        let (lo, hi, gap) = match c.cue {
            Cue::Dni => (7, 8, 20),
            Cue::Rg => (5, 10, 24),
            Cue::Cedula => (6, 10, 24),
            _ => continue,
        };
        let Some(i) = next_num(nums, c, gap)
            .filter(|&i| generic(nums, i, lo, hi) && nums.get(i).is_some_and(|n| !has(n, b"/:")))
        else {
            continue;
        };
        // An `X` check character belongs to the RG format only; a DNI with a
        // letter is Spanish and was judged by its control letter.
        if c.cue != Cue::Rg && nums.get(i).is_some_and(|n| n.end_x != n.end) {
            continue;
        }
        if let Some(n) = nums.get_mut(i) {
            n.kind = Kind::IdDoc;
            if c.cue == Cue::Rg {
                n.end = n.end_x;
            }
            let n = *n;
            let sug = suggestion(&RULES[R_ID], b, &n, locale);
            hits.push(hit(&RULES[R_ID], vec![Span::new(n.start, n.end)], sug));
        }
    }
}

/// A suggestion quoting the number masked (only its last characters shown).
fn suggestion(rule: &RuleInfo, b: &[u8], n: &Num, locale: Locale) -> Option<String> {
    let raw = b.get(n.start..n.end)?;
    let alnum: Vec<u8> = raw
        .iter()
        .copied()
        .filter(u8::is_ascii_alphanumeric)
        .collect();
    let tail = |k: usize| {
        let from = alnum.len().saturating_sub(k);
        String::from_utf8_lossy(alnum.get(from..).unwrap_or(&[])).into_owned()
    };
    let (pt, es, en) = match rule.category {
        Category::PiiCpf => {
            let m = format!("***.***.***-{}", tail(2));
            (
                format!("Envie o CPF pelo portal seguro ou mostre só o final: {m}."),
                format!("Envía el CPF por el portal seguro o muestra solo el final: {m}."),
                format!("Send the CPF through the secure portal, or show only its end: {m}."),
            )
        }
        Category::PiiCard => {
            let m = format!("**** **** **** {}", tail(4));
            (
                format!("Mostre só o final do cartão ({m}) e use um link de pagamento seguro."),
                format!(
                    "Muestra solo el final de la tarjeta ({m}) y usa un enlace de pago seguro."
                ),
                format!("Show only the end of the card ({m}) and use a secure payment link."),
            )
        }
        Category::PiiBank => {
            let m = format!("****{}", tail(4));
            (
                format!("Envie os dados bancários por um canal seguro (portal, boleto ou link de pagamento) ou mostre só o final: {m}."),
                format!("Envía los datos bancarios por un canal seguro (portal o enlace de pago) o muestra solo el final: {m}."),
                format!("Send bank details through a secure channel (portal or payment link), or show only the end: {m}."),
            )
        }
        Category::PiiIdDocument => {
            let m = format!("****{}", tail(3));
            (
                format!("Peça ou envie o documento pelo portal seguro, ou mostre só o final: {m}."),
                format!("Pide o envía el documento por el portal seguro, o muestra solo el final: {m}."),
                format!("Request or send the document through the secure portal, or show only its end: {m}."),
            )
        }
        _ => return None,
    };
    Some(match locale {
        Locale::PtBr => pt,
        Locale::Es => es,
        Locale::En => en,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::xorshift;

    /// Random mixes of digits, separators, cue words, accents and emoji never
    /// panic, and every span lies on char boundaries.
    #[test]
    fn every_invisible_starts_with_a_listed_lead_byte() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if crate::normalize::invisible::is_invisible(c) {
                let lead = c.encode_utf8(&mut buf).as_bytes()[0];
                assert!(INVISIBLE_LEAD[usize::from(lead)], "{:?}", c);
            }
        }
    }

    #[test]
    fn random_text_never_panics() {
        const PIECES: &[&str] = &[
            "0",
            "1",
            "4",
            "5",
            "9",
            " ",
            ".",
            "-",
            "/",
            "+",
            "(",
            ":",
            "X",
            "Z",
            "ES",
            "BR",
            "senha",
            "CPF",
            "RG",
            "DNI",
            "conta",
            "agência",
            "ção",
            "é",
            "🙂",
            "\n",
            "#",
            "Ñ",
            "c/c",
            "sk_live_",
            "one-time",
            "wi-fi",
            "4111",
            "1111",
            "529.982.247-25",
        ];
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..20_000 {
            let mut t = String::new();
            let len = (xorshift(&mut seed) % 40) as usize;
            for _ in 0..len {
                t.push_str(PIECES[(xorshift(&mut seed) % PIECES.len() as u64) as usize]);
            }
            for h in scan(&t, Locale::En) {
                for sp in &h.spans {
                    assert!(sp.start <= sp.end && sp.end <= t.len(), "{t:?}");
                    assert!(
                        t.is_char_boundary(sp.start) && t.is_char_boundary(sp.end),
                        "{t:?}"
                    );
                }
            }
        }
    }

    /// Rough std-only timing of `scan` on a ~1,000-byte message (the official
    /// benchmark lives elsewhere): `cargo test --profile bench -p conforma-core pii_timing -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn pii_timing() {
        let base =
            "Olá, Márcia! Seu pedido 48213 saiu para entrega 🚚 e chega amanhã entre 9h e 18h. \
            Qualquer dúvida fale com a gente pelo (11) 98765-4321. Total R$ 1.234,56 em 3x. ";
        let mut text = String::new();
        while text.len() < 900 {
            text.push_str(base);
        }
        text.push_str("CPF 123.456.789-09, senha: X7#kq92");
        let mut times = Vec::new();
        for _ in 0..2000 {
            let t = std::time::Instant::now();
            let h = scan(std::hint::black_box(&text), Locale::PtBr);
            std::hint::black_box(h);
            times.push(t.elapsed().as_nanos());
        }
        times.sort_unstable();
        let no_digits = "Bom dia, obrigado pela preferência; volte sempre. ".repeat(20);
        let mut t2 = Vec::new();
        for _ in 0..2000 {
            let t = std::time::Instant::now();
            std::hint::black_box(scan(std::hint::black_box(&no_digits), Locale::PtBr));
            t2.push(t.elapsed().as_nanos());
        }
        t2.sort_unstable();
        // Baseline on the same machine: one plain pass counting digits.
        let mut t3 = Vec::new();
        for _ in 0..2000 {
            let t = std::time::Instant::now();
            let n = std::hint::black_box(&text)
                .bytes()
                .filter(u8::is_ascii_digit)
                .count();
            std::hint::black_box(n);
            t3.push(t.elapsed().as_nanos());
        }
        t3.sort_unstable();
        eprintln!(
            "pii::scan median/min: {}/{} ns on {} bytes with numbers; {}/{} ns on {} bytes of words; baseline byte pass {}/{} ns",
            times[times.len() / 2],
            times[0],
            text.len(),
            t2[t2.len() / 2],
            t2[0],
            no_digits.len(),
            t3[t3.len() / 2],
            t3[0],
        );
    }
}
