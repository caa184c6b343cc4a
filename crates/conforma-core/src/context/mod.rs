//! Context rules: who a message goes to and when (opt-in, opt-out, business
//! hours and holidays, the 24-hour window, bulk sends).
//!
//! # Configuration (fields of [`crate::Config`])
//!
//! ```json
//! {
//!   "timezone": "America/Sao_Paulo",
//!   "hours": {"mon": ["08:00-12:00", "13:00-18:00"], "tue": ["08:00-18:00"],
//!             "wed": ["08:00-18:00"], "thu": ["08:00-18:00"], "fri": ["08:00-18:00"],
//!             "sat": ["09:00-13:00"], "sun": []},
//!   "holidays": {"dates": ["2026-12-24"], "national": ["BR"]},
//!   "surface": "app",
//!   "bulk": {"max_contacts": 20, "window_minutes": 60},
//!   "rules": {"context.window_closed_platform": {"severity": "warn"}, "out_of_hours": {"enabled": false}}
//! }
//! ```
//!
//! - `timezone`: IANA name from the embedded table (see `tz.rs`); required
//!   when `hours` is set.
//! - `hours`: day keys `mon`…`sun`, each a list of `"HH:MM-HH:MM"` intervals
//!   (opening inside, closing outside, `24:00` allowed). A missing day or an
//!   empty list is closed. Without `hours`, `out_of_hours` never fires.
//! - `holidays.dates`: local dates `YYYY-MM-DD`; `holidays.national`: `BR`,
//!   `ES`, `MX`, `AR` (see `holidays.rs`). Holidays only matter with `hours`.
//! - `surface`: `app` (default; WhatsApp Business app / Web) or `platform`
//!   (Business Platform): picks `context.window_closed` (warn) or
//!   `context.window_closed_platform` (block).
//! - `bulk`: thresholds of the bulk-send guard (default 20 contacts / 60
//!   minutes), used by [`crate::Engine::check_with_log`].
//! - `rules`: severities and switches per rule id or category id.
//!
//! Errors name the field: `timezone`, `hours.mon[1]`, `holidays.dates[0]`,
//! `bulk.max_contacts`, and per message `context.now`,
//! `context.contact.last_inbound_at`, `context.contact.id` (bulk guard).
//!
//! # Context of a message
//!
//! `now` (RFC 3339 with offset, required when hours are configured or a
//! contact is given) and `contact`: `id`, `opt_in` (`granted` | `denied` |
//! `unknown`), `opt_in_at`, `opted_out_at`, `last_inbound_at` (RFC 3339 or
//! null). Only `now` is converted to local time; the other instants are
//! compared as instants, whatever their offsets.
//!
//! # Rules
//!
//! | rule | category | default | fires when |
//! |---|---|---|---|
//! | `context.opted_out` | `opted_out` | block | `opted_out_at` is set and no `opt_in_at` is later |
//! | `context.opted_out_reply` | `opted_out` | warn | the same, but the contact wrote after opting out (a reply), and the text is not promotional |
//! | `context.no_opt_in` | `no_opt_in` | warn | business-initiated (no inbound, or the last one more than 24 h ago) and `opt_in` ≠ `granted` |
//! | `context.promo_no_opt_in` | `no_opt_in` | block | the same, and the text is promotional (replaces `context.no_opt_in`) |
//! | `context.window_closed` | `window_closed` | warn | surface `app`: no inbound, or the last one more than 24 h ago |
//! | `context.window_closed_platform` | `window_closed` | block | the same on surface `platform` (only approved templates may be sent) |
//! | `context.out_of_hours` | `out_of_hours` | warn | `now`, in the configured zone, is outside `hours` or on a holiday |
//! | `context.bulk_send` | `bulk_send` | warn | [`crate::Engine::check_with_log`]: the same text went to more than `max_contacts` contacts within `window_minutes` |
//!
//! Exactly 24 h since the last inbound message is still inside the window;
//! one second (or nanosecond) more is outside. A `last_inbound_at` later than
//! `now` (clock skew) counts as an open window.
//!
//! # Promotional text
//!
//! A deliberately small classifier decides whether the combination rules
//! apply: a word about offers in pt/es/en ("promoção", "oferta",
//! "desconto", "cupom", "liquidação", "descuento", "rebajas", "sale",
//! "discount", "coupon", "deal"…), "frete/envío grátis", "free shipping",
//! "black friday", or "off" after a number ("20% OFF"). It only raises the
//! severity of a finding that already fires (business-initiated without
//! opt-in, or an opted-out contact), so a false positive never creates a
//! finding on its own. Promotional text sent business-initiated without a
//! marketing opt-in becomes `context.promo_no_opt_in` (block); to an
//! opted-out contact who has written since, it stays `context.opted_out`
//! (block) instead of the milder reply finding.

mod bulk;
mod holidays;
mod hours;
mod time;
mod tz;

pub use bulk::SendLog;

use crate::config::Config;
use crate::engine::Hit;
use crate::error::{Error, ErrorKind};
use crate::model::{Category, Context, Locale, OptInStatus, Severity, Text};
use crate::normalize::Normalized;
use crate::rules::{policy, RuleInfo};
use holidays::HolidayCalendar;
use hours::Week;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::{civil_from_days, parse_rfc3339, weekday, Instant};
use tz::Zone;

const SPAM_POLICY: Text = text!(
    "Política de Mensagens Comerciais do WhatsApp (denúncias de spam bloqueiam o número)",
    "Política de Mensajería Comercial de WhatsApp (las denuncias de spam bloquean el número)",
    "WhatsApp Business Messaging Policy (spam reports get numbers banned)",
);

/// Built-in context rules.
pub(crate) static RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "context.opted_out",
        category: Category::OptedOut,
        severity: Severity::Block,
        enabled: true,
        policy: policy::MESSAGING,
        message: text!(
            "Este contato pediu para não receber mensagens (opt-out). O WhatsApp exige respeitar todo pedido de saída, feito no WhatsApp ou fora dele.",
            "Este contacto pidió no recibir mensajes (opt-out). WhatsApp exige respetar toda solicitud de baja, hecha en WhatsApp o fuera de él.",
            "This contact opted out. WhatsApp requires honouring every opt-out request, made on WhatsApp or elsewhere.",
        ),
        suggestion: Some(text!(
            "Não envie. Só volte a escrever se o cliente fizer um novo opt-in.",
            "No lo envíes. Solo vuelve a escribir si el cliente hace un nuevo opt-in.",
            "Don't send it. Write again only after the customer opts in anew.",
        )),
        examples: &[],
    },
    RuleInfo {
        id: "context.opted_out_reply",
        category: Category::OptedOut,
        severity: Severity::Warn,
        enabled: true,
        policy: policy::MESSAGING,
        message: text!(
            "Este contato fez opt-out, mas escreveu depois: responda só ao que ele pediu, sem marketing.",
            "Este contacto se dio de baja, pero escribió después: responde solo a lo que pidió, sin marketing.",
            "This contact opted out but has written since: answer only what they asked, with no marketing.",
        ),
        suggestion: None,
        examples: &[],
    },
    RuleInfo {
        id: "context.no_opt_in",
        category: Category::NoOptIn,
        severity: Severity::Warn,
        enabled: true,
        policy: policy::MESSAGING,
        message: text!(
            "Conversa iniciada pela empresa sem opt-in registrado. Um cliente ter escrito antes não é opt-in para notificações posteriores.",
            "Conversación iniciada por la empresa sin opt-in registrado. Que el cliente haya escrito antes no es un opt-in para avisos posteriores.",
            "Business-initiated conversation without a recorded opt-in. A customer having written before is not an opt-in for later notifications.",
        ),
        suggestion: Some(text!(
            "Peça e registre o opt-in antes de iniciar conversas com este contato.",
            "Pide y registra el opt-in antes de iniciar conversaciones con este contacto.",
            "Ask for and record an opt-in before starting conversations with this contact.",
        )),
        examples: &[],
    },
    RuleInfo {
        id: "context.promo_no_opt_in",
        category: Category::NoOptIn,
        severity: Severity::Block,
        enabled: true,
        policy: policy::MESSAGING,
        message: text!(
            "Mensagem promocional iniciada pela empresa sem opt-in de marketing: é o que mais gera denúncias de spam e bloqueios.",
            "Mensaje promocional iniciado por la empresa sin opt-in de marketing: es lo que más genera denuncias de spam y bloqueos.",
            "Promotional message, business-initiated, without a marketing opt-in: the surest way to spam reports and a banned number.",
        ),
        suggestion: Some(text!(
            "Envie ofertas só a contatos com opt-in de marketing registrado.",
            "Envía ofertas solo a contactos con opt-in de marketing registrado.",
            "Send offers only to contacts with a recorded marketing opt-in.",
        )),
        examples: &[],
    },
    RuleInfo {
        id: "context.window_closed",
        category: Category::WindowClosed,
        severity: Severity::Warn,
        enabled: true,
        policy: policy::MESSAGING,
        message: text!(
            "A janela de 24 horas está fechada (a última mensagem do cliente tem mais de 24 h, ou ele nunca escreveu).",
            "La ventana de 24 horas está cerrada (el último mensaje del cliente tiene más de 24 h, o nunca escribió).",
            "The 24-hour window is closed (the customer's last message is more than 24 h old, or they never wrote).",
        ),
        suggestion: Some(text!(
            "Na Plataforma do WhatsApp Business, use um modelo aprovado; no app, prefira esperar o cliente escrever.",
            "En la Plataforma de WhatsApp Business usa una plantilla aprobada; en la app, mejor espera a que el cliente escriba.",
            "On the WhatsApp Business Platform use an approved template; in the app, prefer waiting for the customer to write.",
        )),
        examples: &[],
    },
    RuleInfo {
        id: "context.window_closed_platform",
        category: Category::WindowClosed,
        severity: Severity::Block,
        enabled: true,
        policy: policy::MESSAGING,
        message: text!(
            "A janela de 24 horas está fechada: na Plataforma do WhatsApp Business só modelos aprovados podem ser enviados.",
            "La ventana de 24 horas está cerrada: en la Plataforma de WhatsApp Business solo se pueden enviar plantillas aprobadas.",
            "The 24-hour window is closed: on the WhatsApp Business Platform only approved templates may be sent.",
        ),
        suggestion: Some(text!(
            "Envie um modelo aprovado em vez de texto livre.",
            "Envía una plantilla aprobada en lugar de texto libre.",
            "Send an approved template instead of free-form text.",
        )),
        examples: &[],
    },
    RuleInfo {
        id: "context.out_of_hours",
        category: Category::OutOfHours,
        severity: Severity::Warn,
        enabled: true,
        policy: policy::CDC,
        message: text!(
            "Fora do horário de atendimento.",
            "Fuera del horario de atención.",
            "Outside business hours.",
        ),
        suggestion: Some(text!(
            "Agende a mensagem para o horário de atendimento.",
            "Programa el mensaje para el horario de atención.",
            "Schedule the message for business hours.",
        )),
        examples: &[],
    },
    RuleInfo {
        id: "context.bulk_send",
        category: Category::BulkSend,
        severity: Severity::Warn,
        enabled: true,
        policy: SPAM_POLICY,
        message: text!(
            "O mesmo texto (ou quase) foi para muitos contatos em pouco tempo: disparos em massa geram denúncias de spam.",
            "El mismo texto (o casi) fue a muchos contactos en poco tiempo: los envíos masivos generan denuncias de spam.",
            "The same (or nearly the same) text went to many contacts in a short time: mass blasts get reported as spam.",
        ),
        suggestion: Some(text!(
            "Envie só a quem pediu e em ritmo que a equipe consiga atender; personalize a mensagem.",
            "Envía solo a quien lo pidió y a un ritmo que el equipo pueda atender; personaliza el mensaje.",
            "Send only to people who asked, at a pace your team can serve; personalise the message.",
        )),
        examples: &[],
    },
];

const OPTED_OUT: &RuleInfo = &RULES[0];
const OPTED_OUT_REPLY: &RuleInfo = &RULES[1];
const NO_OPT_IN: &RuleInfo = &RULES[2];
const PROMO_NO_OPT_IN: &RuleInfo = &RULES[3];
const WINDOW_CLOSED: &RuleInfo = &RULES[4];
const WINDOW_CLOSED_PLATFORM: &RuleInfo = &RULES[5];
const OUT_OF_HOURS: &RuleInfo = &RULES[6];
const BULK_SEND: &RuleInfo = &RULES[7];

/// The 24-hour customer-service window, in seconds.
const WINDOW_SECS: i64 = 24 * 3600;

/// Weekly business hours: day (`mon`…`sun`) to intervals `"08:00-18:00"`.
///
/// Several intervals per day are allowed; a missing day is closed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct WeeklyHours(pub BTreeMap<String, Vec<String>>);

/// Holidays: explicit local dates and built-in national calendars.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holidays {
    /// Local dates `YYYY-MM-DD`.
    #[serde(default)]
    pub dates: Vec<String>,
    /// Built-in national calendars by ISO country code: `BR`, `ES`, `MX`, `AR`.
    #[serde(default)]
    pub national: Vec<String>,
}

/// Where messages are sent from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Surface {
    /// WhatsApp Business app / WhatsApp Web.
    #[default]
    App,
    /// WhatsApp Business Platform (API dashboards).
    Platform,
}

/// Bulk-send guard thresholds (default: more than 20 contacts within 60 minutes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BulkConfig {
    /// More than this many distinct contacts receiving the same text raises `bulk_send` (1–10000).
    pub max_contacts: u32,
    /// Within this many minutes (1–1440).
    pub window_minutes: u32,
}

impl Default for BulkConfig {
    fn default() -> Self {
        BulkConfig {
            max_contacts: 20,
            window_minutes: 60,
        }
    }
}

/// Compiled context rules.
#[derive(Debug, Clone, Default)]
pub(crate) struct ContextRules {
    zone: Option<(String, Zone)>,
    week: Option<Week>,
    holidays: HolidayCalendar,
    surface: Surface,
    bulk: BulkConfig,
}

/// Parses an optional contact time, naming the field.
fn opt_time(v: &Option<String>, field: &str) -> Result<Option<Instant>, Error> {
    v.as_deref().map(|s| parse_rfc3339(s, field)).transpose()
}

impl ContextRules {
    pub(crate) fn compile(config: &Config) -> Result<ContextRules, Error> {
        let zone = config
            .timezone
            .as_deref()
            .map(|name| Zone::get(name.trim(), "timezone").map(|z| (name.trim().to_owned(), z)))
            .transpose()?;
        let week = match &config.hours {
            None => None,
            Some(h) => {
                let week = Week::compile(&h.0).map_err(|e| e.within("hours"))?;
                if zone.is_none() {
                    return Err(Error::config(
                        "timezone",
                        "required when 'hours' is set: give the IANA zone of the business hours, e.g. \"America/Sao_Paulo\"",
                    ));
                }
                Some(week)
            }
        };
        let holidays = match &config.holidays {
            None => HolidayCalendar::default(),
            Some(h) => {
                HolidayCalendar::compile(&h.dates, &h.national).map_err(|e| e.within("holidays"))?
            }
        };
        let bulk = config.bulk.unwrap_or_default();
        if !(1..=10_000).contains(&bulk.max_contacts) {
            return Err(Error::config(
                "bulk.max_contacts",
                format!("{} is out of range; use 1 to 10000", bulk.max_contacts),
            ));
        }
        if !(1..=1440).contains(&bulk.window_minutes) {
            return Err(Error::config(
                "bulk.window_minutes",
                format!(
                    "{} is out of range; use 1 to 1440 (24 h)",
                    bulk.window_minutes
                ),
            ));
        }
        Ok(ContextRules {
            zone,
            week,
            holidays,
            surface: config.surface,
            bulk,
        })
    }

    /// Context findings for an outbound message. Error fields are relative to `context`.
    pub(crate) fn check(
        &self,
        ctx: &Context,
        text: &str,
        _content: &[Hit],
        locale: Locale,
    ) -> Result<Vec<Hit>, Error> {
        let mut hits = Vec::new();
        let now = match &ctx.now {
            Some(s) => parse_rfc3339(s, "now")?,
            None if ctx.contact.is_some() || self.week.is_some() => {
                return Err(Error::input(
                    "now",
                    "missing: the context rules need the current time, RFC 3339 with offset (e.g. \"2026-03-13T18:00:00-03:00\")",
                ))
            }
            None => return Ok(hits),
        };
        if let Some(hit) = self.out_of_hours(now, locale) {
            hits.push(hit);
        }
        let Some(contact) = &ctx.contact else {
            return Ok(hits);
        };
        let opt_in_at = opt_time(&contact.opt_in_at, "contact.opt_in_at")?;
        let opted_out_at = opt_time(&contact.opted_out_at, "contact.opted_out_at")?;
        let last_inbound = opt_time(&contact.last_inbound_at, "contact.last_inbound_at")?;
        let window_open = last_inbound.is_some_and(|li| !now.more_than_after(li, WINDOW_SECS));
        // Classified only when it decides between two findings (it runs per keystroke).
        let promo = || is_promotional(text);
        if let Some(out) = opted_out_at {
            if opt_in_at.is_none_or(|oi| oi <= out) {
                let replied = last_inbound.is_some_and(|li| li > out);
                hits.push(Hit::builtin(
                    if replied && !promo() {
                        OPTED_OUT_REPLY
                    } else {
                        OPTED_OUT
                    },
                    Vec::new(),
                ));
            }
        }
        if !window_open && contact.opt_in != OptInStatus::Granted {
            hits.push(Hit::builtin(
                if promo() { PROMO_NO_OPT_IN } else { NO_OPT_IN },
                Vec::new(),
            ));
        }
        if !window_open {
            hits.push(Hit::builtin(
                match self.surface {
                    Surface::App => WINDOW_CLOSED,
                    Surface::Platform => WINDOW_CLOSED_PLATFORM,
                },
                Vec::new(),
            ));
        }
        Ok(hits)
    }

    /// `out_of_hours` with the next opening in the message.
    fn out_of_hours(&self, now: Instant, locale: Locale) -> Option<Hit> {
        let (week, (tz_name, zone)) = (self.week.as_ref()?, self.zone.as_ref()?);
        let local = now.secs.saturating_add(zone.offset_at(now));
        let day = local.div_euclid(86_400);
        // In 0..86400, so the cast is lossless.
        let sec = local.rem_euclid(86_400) as u32;
        let holiday = self.holidays.contains(day);
        if !holiday && week.is_open(weekday(day), sec) {
            return None;
        }
        let next = (0..=366i64).find_map(|ahead| {
            let d = day + ahead;
            if self.holidays.contains(d) {
                return None;
            }
            week.next_open(weekday(d), (ahead == 0).then_some(sec))
                .map(|open| (ahead, d, open))
        });
        let mut msg = if holiday {
            match locale {
                Locale::PtBr => format!("Hoje ({}) é feriado.", dm(day)),
                Locale::Es => format!("Hoy ({}) es feriado.", dm(day)),
                Locale::En => format!("Today ({}) is a holiday.", ymd(day)),
            }
        } else {
            let now_txt = format!("{} {}", day_name(locale, weekday(day)), hm(sec));
            match locale {
                Locale::PtBr => {
                    format!("Fora do horário de atendimento (agora: {now_txt}, {tz_name}).")
                }
                Locale::Es => {
                    format!("Fuera del horario de atención (ahora: {now_txt}, {tz_name}).")
                }
                Locale::En => format!("Outside business hours (now: {now_txt}, {tz_name})."),
            }
        };
        if let Some((ahead, d, open)) = next {
            let name = day_name(locale, weekday(d));
            let at = hm(open);
            msg.push(' ');
            msg.push_str(&match (locale, ahead) {
                (Locale::PtBr, 0) => format!("Abrimos hoje às {at}."),
                (Locale::PtBr, 1..=6) => format!("Abrimos {name} às {at}."),
                (Locale::PtBr, _) => format!("Abrimos {name}, {}, às {at}.", dm(d)),
                (Locale::Es, 0) => format!("Abrimos hoy a las {at}."),
                (Locale::Es, 1..=6) => format!("Abrimos el {name} a las {at}."),
                (Locale::Es, _) => format!("Abrimos el {name} {} a las {at}.", dm(d)),
                (Locale::En, 0) => format!("We open today at {at}."),
                (Locale::En, 1..=6) => format!("We open {name} at {at}."),
                (Locale::En, _) => format!("We open {name} {} at {at}.", ymd(d)),
            });
        }
        Some(Hit {
            message: Some(msg),
            ..Hit::builtin(OUT_OF_HOURS, Vec::new())
        })
    }

    /// The bulk-send guard. Records the send in `log` when `record`.
    /// Error fields are relative to the message (`context.now`, `context.contact.id`).
    pub(crate) fn bulk(
        &self,
        ctx: Option<&Context>,
        text: &str,
        log: &mut SendLog,
        record: bool,
        locale: Locale,
    ) -> Result<Option<Hit>, Error> {
        let need = |field: &str, what: &str| {
            Error::new(
                ErrorKind::Input,
                Some(field),
                format!("missing: the bulk-send guard needs {what}; use check() for messages without it"),
            )
        };
        let now = ctx
            .and_then(|c| c.now.as_deref())
            .ok_or_else(|| need("context.now", "the time of the send"))?;
        let now = parse_rfc3339(now, "context.now")?;
        let id = ctx
            .and_then(|c| c.contact.as_ref())
            .and_then(|c| c.id.as_deref())
            .filter(|id| !id.trim().is_empty())
            .ok_or_else(|| need("context.contact.id", "a contact id"))?;
        let window = i64::from(self.bulk.window_minutes) * 60;
        let max = self.bulk.max_contacts as usize;
        let Some(count) = log.count(text, id, now, window, max + 1, record) else {
            return Ok(None);
        };
        if count.contacts <= max {
            return Ok(None);
        }
        let (n, m) = (count.contacts, self.bulk.window_minutes);
        let base = BULK_SEND.message.get(locale);
        let detail = match locale {
            Locale::PtBr => format!(" {n} contatos em {m} min (limite: {max})."),
            Locale::Es => format!(" {n} contactos en {m} min (límite: {max})."),
            Locale::En => format!(" {n} contacts within {m} min (limit: {max})."),
        };
        Ok(Some(Hit {
            message: Some(format!("{base}{detail}")),
            ..Hit::builtin(BULK_SEND, Vec::new())
        }))
    }
}

fn hm(sec: u32) -> String {
    format!("{:02}:{:02}", sec / 3600, sec % 3600 / 60)
}

fn dm(day: i64) -> String {
    let (_, m, d) = civil_from_days(day);
    format!("{d:02}/{m:02}")
}

fn ymd(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y}-{m:02}-{d:02}")
}

fn day_name(locale: Locale, wd: usize) -> &'static str {
    const PT: [&str; 7] = [
        "segunda-feira",
        "terça-feira",
        "quarta-feira",
        "quinta-feira",
        "sexta-feira",
        "sábado",
        "domingo",
    ];
    const ES: [&str; 7] = [
        "lunes",
        "martes",
        "miércoles",
        "jueves",
        "viernes",
        "sábado",
        "domingo",
    ];
    const EN: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let names = match locale {
        Locale::PtBr => &PT,
        Locale::Es => &ES,
        Locale::En => &EN,
    };
    names.get(wd).copied().unwrap_or("")
}

/// Words that make a text promotional (normalized: lowercase, no accents).
const PROMO: &[&str] = &[
    "coupon",
    "coupons",
    "cupom",
    "cupon",
    "cupons",
    "cupones",
    "deal",
    "deals",
    "desconto",
    "descontos",
    "descuento",
    "descuentos",
    "discount",
    "discounts",
    "imperdivel",
    "imperdiveis",
    "liquidacao",
    "liquidacion",
    "oferta",
    "ofertas",
    "offer",
    "offers",
    "promo",
    "promocao",
    "promocion",
    "promociones",
    "promocoes",
    "promos",
    "promotion",
    "rebaja",
    "rebajas",
    "sale",
    "saldao",
];

/// The small promotional classifier (see the module docs).
#[cfg_attr(conforma_size, optimize(size))]
pub(crate) fn is_promotional(text: &str) -> bool {
    let norm = Normalized::new(text);
    let t = norm.text();
    let words: Vec<&str> = t
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        let prev = i.checked_sub(1).and_then(|p| words.get(p)).copied();
        PROMO.contains(w)
            || (*w == "off" && prev.is_some_and(|p| p.bytes().all(|b| b.is_ascii_digit())))
            || (matches!(*w, "gratis" | "gratuito" | "gratuita")
                && prev.is_some_and(|p| matches!(p, "frete" | "envio" | "entrega")))
            || (*w == "shipping" && prev == Some("free"))
            || (*w == "friday" && prev == Some("black"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_text_is_not_promotional_and_never_panics() {
        for t in [
            "", "off", "20", "%", "🙏 off", "OFF 20", "\u{200B}", "black", "ﬀ",
        ] {
            assert!(!is_promotional(t), "{t}");
        }
        assert!(is_promotional(
            &"a ".repeat(100_000).replace("a a a", "sale")
        ));
    }

    #[test]
    fn promotional_words() {
        for t in [
            "Promoção relâmpago!",
            "Use o CUPOM BEMVINDO",
            "20% OFF em tudo",
            "envío gratis hoy",
            "Black Friday chegou",
            "big sale today",
        ] {
            assert!(is_promotional(t), "{t}");
        }
        for t in [
            "Seu pedido saiu para entrega",
            "Sua fatura vence amanhã",
            "turn it off and on",
        ] {
            assert!(!is_promotional(t), "{t}");
        }
    }
}
