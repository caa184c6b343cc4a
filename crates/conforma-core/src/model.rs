//! The public data model: categories, severities, locales, messages and findings.
//!
//! Everything here is part of the stable contract shared by the CLI, the npm
//! package, the extension and the site. Ids may be added, never renamed.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident => $id:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $id)] $variant ),+
        }
        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// Every string id, in declaration order (`IDS[i]` is `ALL[i].id()`).
            #[allow(dead_code)] // not every enum is decoded from JSON
            pub(crate) const IDS: &'static [&'static str] = &[$($id),+];
            /// The stable string id.
            pub const fn id(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }
            /// Parses a stable string id.
            pub fn from_id(id: &str) -> Option<Self> {
                match id { $($id => Some($name::$variant),)+ _ => None }
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.id()) }
        }
    };
}

string_enum! {
    /// What a finding is about. The ids are public API.
    pub enum Category {
        /// Illicit or recreational drugs and paraphernalia.
        Drugs => "drugs",
        /// Selling medicines, steroids, unregulated supplements, slimming pills.
        Medicine => "medicine",
        /// Alcoholic beverages.
        Alcohol => "alcohol",
        /// Tobacco, vapes, pods, hookah.
        Tobacco => "tobacco",
        /// Firearms, ammunition, explosives, weapon parts.
        Weapons => "weapons",
        /// Real-money betting, casino, lottery sales.
        Gambling => "gambling",
        /// Sexual products, services or explicit content.
        Adult => "adult",
        /// Dating, escort and matchmaking services.
        Dating => "dating",
        /// Sale of live animals (other than livestock), endangered species.
        Animals => "animals",
        /// Counterfeits, fake documents, pyramid schemes, guaranteed profits, fake reviews.
        Fraud => "fraud",
        /// Selling or exchanging currency, crypto OTC, ICOs.
        CurrencyExchange => "currency_exchange",
        /// Intimidation, coercion, threats of exposure or unlawful consequences.
        Threat => "threat",
        /// Insults, slurs, profanity at the customer, sexual harassment.
        Harassment => "harassment",
        /// A valid Brazilian CPF number.
        PiiCpf => "pii.cpf",
        /// A Luhn-valid payment card number.
        PiiCard => "pii.card",
        /// A password or secret (not a one-time code).
        PiiCredential => "pii.credential",
        /// A full bank account: branch + account, IBAN, CBU, CLABE.
        PiiBank => "pii.bank",
        /// An identity document number (DNI/NIE, RG, Argentine DNI).
        PiiIdDocument => "pii.id_document",
        /// Inbound: the customer asks to stop receiving messages.
        OptOut => "opt_out",
        /// Inbound: the customer agrees to receive messages.
        OptIn => "opt_in",
        /// Context: outside business hours or on a holiday.
        OutOfHours => "out_of_hours",
        /// Context: business-initiated conversation without a recorded opt-in.
        NoOptIn => "no_opt_in",
        /// Context: the contact opted out.
        OptedOut => "opted_out",
        /// Context: the 24-hour customer-service window is closed.
        WindowClosed => "window_closed",
        /// Context: the same text sent to many contacts in a short time.
        BulkSend => "bulk_send",
        /// Brand voice: shouting, runs of "!!!", slang (off by default).
        Style => "style",
        /// A company-defined topic from a custom pack.
        Custom => "custom",
    }
}

impl Category {
    /// The group a category belongs to, for display and configuration.
    pub const fn group(self) -> CategoryGroup {
        use Category::*;
        match self {
            Drugs | Medicine | Alcohol | Tobacco | Weapons | Gambling | Adult | Dating
            | Animals | Fraud | CurrencyExchange => CategoryGroup::Commerce,
            Threat | Harassment => CategoryGroup::Conduct,
            PiiCpf | PiiCard | PiiCredential | PiiBank | PiiIdDocument => CategoryGroup::Pii,
            OptOut | OptIn => CategoryGroup::Inbound,
            OutOfHours | NoOptIn | OptedOut | WindowClosed | BulkSend => CategoryGroup::Context,
            Style | Custom => CategoryGroup::Company,
        }
    }
}

string_enum! {
    /// Groups of categories.
    pub enum CategoryGroup {
        /// WhatsApp Commerce Policy: prohibited goods and services.
        Commerce => "commerce",
        /// Conduct towards the customer.
        Conduct => "conduct",
        /// Sensitive personal data (LGPD).
        Pii => "pii",
        /// Intent of inbound customer messages.
        Inbound => "inbound",
        /// Who and when: opt-in, hours, window, bulk sends.
        Context => "context",
        /// Company rules: custom topics and brand voice.
        Company => "company",
    }
}

string_enum! {
    /// How serious a finding is. Ordered: `Info < Warn < Block`.
    pub enum Severity {
        /// Shown for information; never interrupts.
        Info => "info",
        /// Shown as a warning; never blocks sending.
        Warn => "warn",
        /// Sending is stopped until the agent edits or overrides with a reason.
        Block => "block",
    }
}

string_enum! {
    /// Language of human-readable messages.
    #[derive(Default)]
    pub enum Locale {
        /// Brazilian Portuguese (the default).
        #[default]
        PtBr => "pt-BR",
        /// Spanish.
        Es => "es",
        /// English.
        En => "en",
    }
}

impl Locale {
    /// Parses a locale leniently: `pt`, `pt-BR`, `pt_BR`, `es-MX`, `en-US`… (case-insensitive).
    pub fn parse(tag: &str) -> Option<Locale> {
        let lower = tag.trim().to_ascii_lowercase().replace('_', "-");
        let primary = lower.split('-').next().unwrap_or("");
        match primary {
            "pt" => Some(Locale::PtBr),
            "es" => Some(Locale::Es),
            "en" => Some(Locale::En),
            _ => None,
        }
    }
}

string_enum! {
    /// Language hint for the text itself (not the UI locale).
    pub enum Lang {
        /// Portuguese.
        Pt => "pt",
        /// Spanish.
        Es => "es",
        /// English.
        En => "en",
    }
}

string_enum! {
    /// Who wrote the message.
    #[derive(Default)]
    pub enum Direction {
        /// Written by the agent, about to be sent.
        #[default]
        Outbound => "outbound",
        /// Received from the customer.
        Inbound => "inbound",
    }
}

/// A text in the three supported locales.
///
/// Stored as one string, the translations joined by U+001F, so the rule
/// catalog holds one pointer per text instead of three (its tables are
/// mostly pointers, which compress badly). Built with the crate's `text!`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text(&'static str);

impl Text {
    /// The separator between translations.
    pub(crate) const SEP: char = '\u{1f}';

    /// Wraps `pt␟es␟en`, as `text!` writes it.
    pub(crate) const fn joined(s: &'static str) -> Text {
        Text(s)
    }

    /// The translation for `locale`.
    pub fn get(&self, locale: Locale) -> &'static str {
        let nth = match locale {
            Locale::PtBr => 0,
            Locale::Es => 1,
            Locale::En => 2,
        };
        self.0.split(Text::SEP).nth(nth).unwrap_or_default()
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut m = s.serialize_struct("Text", 3)?;
        m.serialize_field("pt-BR", self.get(Locale::PtBr))?;
        m.serialize_field("es", self.get(Locale::Es))?;
        m.serialize_field("en", self.get(Locale::En))?;
        m.end()
    }
}

/// A half-open byte range `[start, end)` into the original UTF-8 text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A new span; callers keep `start <= end` on char boundaries.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
}

/// One problem found in a message.
///
/// The texts borrow the built-in catalog where they come from it (`Cow::Borrowed`)
/// and own custom packs' texts: a check copies no built-in text, and bindings can
/// tell texts that never change (the wasm crate sends each to JS only once).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable rule id, e.g. `commerce.alcohol`.
    pub rule: Cow<'static, str>,
    /// The category id.
    pub category: Category,
    /// Effective severity after configuration.
    pub severity: Severity,
    /// Start of the main span (UTF-8 bytes). For context findings, `0`.
    pub start: usize,
    /// End of the main span (UTF-8 bytes). For context findings, `0`.
    pub end: usize,
    /// All spans that make up the evidence, main span first (may be empty for context findings).
    pub spans: Vec<Span>,
    /// Explanation in the requested locale: which policy and why.
    pub message: Cow<'static, str>,
    /// What to do instead, in the requested locale, when there is advice to give.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<Cow<'static, str>>,
}

/// Context of a message: when it is sent and what is known of the contact.
///
/// Times are RFC 3339 strings with an offset; they are validated when checked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Context {
    /// Current time, RFC 3339 with offset (e.g. `2026-03-13T18:00:00-03:00`).
    #[serde(default)]
    pub now: Option<String>,
    /// What is known about the contact.
    #[serde(default)]
    pub contact: Option<Contact>,
}

/// Opt-in status of a contact.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OptInStatus {
    /// The contact explicitly agreed to receive messages.
    Granted,
    /// The contact refused.
    Denied,
    /// Nothing recorded.
    #[default]
    Unknown,
}

/// What is known of the contact a message goes to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// A stable key for the contact (E.164 phone or display name); used by the bulk-send guard.
    #[serde(default)]
    pub id: Option<String>,
    /// Recorded opt-in status.
    #[serde(default)]
    pub opt_in: OptInStatus,
    /// When the opt-in was recorded (RFC 3339).
    #[serde(default)]
    pub opt_in_at: Option<String>,
    /// When the contact opted out (RFC 3339), if ever.
    #[serde(default)]
    pub opted_out_at: Option<String>,
    /// When the contact last wrote to the business (RFC 3339), if ever.
    #[serde(default)]
    pub last_inbound_at: Option<String>,
}

/// A message to check.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Message {
    /// The text as typed.
    pub text: String,
    /// Who wrote it (default: outbound).
    #[serde(default)]
    pub direction: Direction,
    /// Optional hint of the text's language.
    #[serde(default)]
    pub lang: Option<Lang>,
    /// Optional context for the context rules.
    #[serde(default)]
    pub context: Option<Context>,
}

impl Message {
    /// An outbound message with no context.
    pub fn outbound(text: impl Into<String>) -> Message {
        Message {
            text: text.into(),
            ..Message::default()
        }
    }
    /// An inbound message with no context.
    pub fn inbound(text: impl Into<String>) -> Message {
        Message {
            text: text.into(),
            direction: Direction::Inbound,
            ..Message::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for c in Category::ALL {
            assert_eq!(Category::from_id(c.id()), Some(*c));
        }
        assert_eq!(Category::from_id("nope"), None);
    }

    #[test]
    fn locale_parse_is_lenient() {
        assert_eq!(Locale::parse("pt_BR"), Some(Locale::PtBr));
        assert_eq!(Locale::parse("ES-mx"), Some(Locale::Es));
        assert_eq!(Locale::parse("en-US"), Some(Locale::En));
        assert_eq!(Locale::parse("fr"), None);
    }

    #[test]
    fn severity_orders() {
        assert!(Severity::Info < Severity::Warn && Severity::Warn < Severity::Block);
    }
}
