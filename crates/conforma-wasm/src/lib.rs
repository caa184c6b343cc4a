//! WebAssembly bindings for Conforma (published to npm as `conforma`).
//!
//! Thin by design: every decision is made in `conforma-core`. This crate only
//! converts values at the JS boundary (the core's JSON decoder in;
//! serde-wasm-bindgen out, except check results, which `js/results.js` builds
//! on the hot path) and translates UTF-8 byte offsets into UTF-16 code units,
//! so `text.slice(start, end)` works on JS strings even with emoji before the
//! finding.

// Cold code (configuration, the catalog) built for size: see conforma-core.
#![cfg_attr(conforma_size, feature(optimize_attribute))]

mod offsets;

use conforma_core::json::{self, FromJson, Object, Value};
use conforma_core::{self as core, Config, Direction, Finding, Lang, Locale, Message, SendLog};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** A category id. More may be added in later versions; none is ever renamed. */
export type CategoryId =
  | "drugs" | "medicine" | "alcohol" | "tobacco" | "weapons" | "gambling" | "adult" | "dating"
  | "animals" | "fraud" | "currency_exchange" | "threat" | "harassment"
  | "pii.cpf" | "pii.card" | "pii.credential" | "pii.bank" | "pii.id_document"
  | "opt_out" | "opt_in" | "out_of_hours" | "no_opt_in" | "opted_out" | "window_closed"
  | "bulk_send" | "style" | "custom";
export type Severity = "info" | "warn" | "block";
export type LocaleTag = "pt-BR" | "es" | "en";
/** A half-open range of UTF-16 code units: `text.slice(start, end)`. */
export interface Span { start: number; end: number; }
export interface Finding {
  /** Stable rule id, e.g. `commerce.alcohol`. */
  rule: string;
  category: CategoryId;
  severity: Severity;
  /** Main span, UTF-16 code units (0/0 for context findings). */
  start: number;
  end: number;
  /** All evidence spans, main span first; empty for context findings. */
  spans: Span[];
  /** Explanation in the requested locale. */
  message: string;
  /** Advice in the requested locale, when there is some. */
  suggestion?: string;
}
export interface Contact {
  id?: string | null;
  opt_in?: "granted" | "denied" | "unknown";
  opt_in_at?: string | null;
  opted_out_at?: string | null;
  last_inbound_at?: string | null;
}
export interface MessageContext {
  /** RFC 3339 with offset, e.g. `2026-03-13T18:00:00-03:00`. */
  now?: string | null;
  contact?: Contact | null;
}
export interface CheckOptions {
  direction?: "outbound" | "inbound";
  lang?: "pt" | "es" | "en" | null;
  context?: MessageContext | null;
  /** Locale of messages; defaults to the engine's. */
  locale?: LocaleTag;
}
export interface ErrorDetail {
  message: string;
  /** Path of the offending field, e.g. `hours.mon[0]` or `context.now`. */
  field?: string;
  kind: "config" | "input" | "unknown_id" | "limit";
}
export type CheckResult =
  | { type: "success"; findings: Finding[] }
  | { type: "failure"; errors: ErrorDetail[] };
/** State of the bulk-send guard: a compact string; store it as is and pass it back. Start with `""`. */
export type SendLog = string;
export type LoggedCheckResult =
  | { type: "success"; findings: Finding[]; log: SendLog }
  | { type: "failure"; errors: ErrorDetail[] };
export type ValidateResult = { type: "success" } | { type: "failure"; errors: ErrorDetail[] };
export interface LocalizedText { "pt-BR": string; es: string; en: string; }
export interface RuleInfo {
  id: string;
  category: CategoryId;
  severity: Severity;
  enabled: boolean;
  policy: LocalizedText;
  message: LocalizedText;
  suggestion: LocalizedText | null;
  examples: string[];
}
export interface CategoryInfo { id: CategoryId; group: string; }
/** Engine configuration; every field optional. See the README for the schema. */
export interface Config {
  locale?: LocaleTag;
  rules?: Record<string, { enabled?: boolean; severity?: Severity }>;
  packs?: unknown[];
  timezone?: string;
  hours?: Record<string, string[]>;
  holidays?: { dates?: string[]; national?: string[] };
  surface?: "app" | "platform";
  bulk?: { max_contacts: number; window_minutes: number };
  [key: string]: unknown;
}
"#;

#[wasm_bindgen]
extern "C" {
    /// An engine configuration object (TypeScript `Config`).
    #[wasm_bindgen(typescript_type = "Config")]
    pub type JsConfig;
    /// Options of `check` (TypeScript `CheckOptions`).
    #[wasm_bindgen(typescript_type = "CheckOptions")]
    pub type JsCheckOptions;
}

/// A compiled policy. Build once, check on every keystroke.
#[wasm_bindgen]
pub struct Engine {
    inner: core::Engine,
}

/// The options of `check`: a message without its text, plus a locale.
#[derive(Default)]
struct CheckOptions {
    direction: Direction,
    lang: Option<Lang>,
    context: Option<core::Context>,
    locale: Option<String>,
}

impl FromJson for CheckOptions {
    #[cfg_attr(conforma_size, optimize(size))]
    fn from_json(value: &Value) -> Result<Self, core::Error> {
        let o = Object::new(
            value,
            "struct CheckOptions",
            &["direction", "lang", "context", "locale"],
        )?;
        Ok(CheckOptions {
            direction: o.or_default("direction")?,
            lang: o.nullable("lang")?,
            context: o.nullable("context")?,
            locale: o.nullable("locale")?,
        })
    }
}

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
enum Tagged<T: Serialize> {
    Success(T),
    Failure { errors: Vec<ErrorDetail> },
}

#[wasm_bindgen(module = "/js/results.js")]
extern "C" {
    /// `{type: "success", findings, log?}`.
    fn success(findings: js_sys::Array, log: Option<String>) -> JsValue;
}

#[derive(Serialize)]
struct Nothing {}

#[derive(Serialize)]
struct ErrorDetail {
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<String>,
    kind: &'static str,
}

impl From<core::Error> for ErrorDetail {
    #[cfg_attr(conforma_size, optimize(size))]
    fn from(e: core::Error) -> Self {
        let kind = match e.kind() {
            core::ErrorKind::Config => "config",
            core::ErrorKind::Input => "input",
            core::ErrorKind::UnknownId => "unknown_id",
            core::ErrorKind::Limit => "limit",
            _ => "input",
        };
        ErrorDetail {
            message: e.to_string(),
            field: e.field().map(str::to_owned),
            kind,
        }
    }
}

fn to_js<T: Serialize>(value: &T) -> JsValue {
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    // Serializing our own plain structs cannot fail; fall back to `undefined` rather than panic.
    value.serialize(&ser).unwrap_or(JsValue::UNDEFINED)
}

/// Decodes a JS value, reporting the path of the offending field.
///
/// Goes through `JSON.stringify` and the core's JSON decoder rather than
/// serde-wasm-bindgen's deserializer: the latter reads only the fields a
/// struct knows, so a typo like `timezon` would pass silently instead of
/// being reported; and serde_json would add a deserializer per type to the
/// wasm. The CLI uses the same decoder, so both report the same errors.
fn from_js<T: FromJson + Default>(value: JsValue, what: &str) -> Result<T, ErrorDetail> {
    let kind = if what == "config" {
        core::ErrorKind::Config
    } else {
        core::ErrorKind::Input
    };
    match stringify(&value, what)? {
        None => Ok(T::default()),
        Some(json) => json::from_str(&json, kind).map_err(|e| decode_error(e, what)),
    }
}

/// The JSON text of an argument; `None` when it is `undefined` or `null`.
/// Not generic, like `decode_error`: one copy in the wasm.
fn stringify(value: &JsValue, what: &str) -> Result<Option<String>, ErrorDetail> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .map(Some)
        .ok_or_else(|| ErrorDetail {
            message: format!("{what}: must be a plain JSON-like object"),
            field: Some(what.to_owned()),
            kind: if what == "config" { "config" } else { "input" },
        })
}

/// A decoding error; field paths are relative to the argument (`timezone`,
/// `context.now`), as in the core's errors, and errors about the argument
/// itself name it (`config`, `options`).
#[cfg_attr(conforma_size, optimize(size))]
fn decode_error(e: core::Error, what: &str) -> ErrorDetail {
    let mut d = ErrorDetail::from(e);
    if d.field.is_none() {
        d.message = format!("{what}: {}", d.message);
        d.field = Some(what.to_owned());
    }
    d
}

/// An optional imported value as a plain `JsValue` (`undefined` when absent).
fn opt<T: Into<JsValue>>(value: Option<T>) -> JsValue {
    value.map_or(JsValue::UNDEFINED, Into::into)
}

fn parse_config(config: JsValue) -> Result<core::Engine, ErrorDetail> {
    let config: Config = from_js(config, "config")?;
    core::Engine::new(&config).map_err(ErrorDetail::from)
}

#[wasm_bindgen]
impl Engine {
    /// Compiles a configuration (omit it for the built-in policy).
    ///
    /// Throws an `Error` whose message names the offending field; use
    /// `validateConfig` to get the same as a tagged result.
    #[wasm_bindgen(constructor)]
    pub fn new(config: Option<JsConfig>) -> Result<Engine, JsError> {
        parse_config(opt(config))
            .map(|inner| Engine { inner })
            .map_err(|e| JsError::new(&e.message))
    }

    /// Checks one message. Offsets are UTF-16 code units into `text`.
    #[wasm_bindgen(unchecked_return_type = "CheckResult")]
    pub fn check(&self, text: &str, options: Option<JsCheckOptions>) -> JsValue {
        self.check_inner(text, opt(options), None)
    }

    /// Checks a message that is being sent and records it in the bulk-send
    /// log: adds a `bulk_send` finding when the same or a near-same text went
    /// to more than `bulk.max_contacts` contacts within `bulk.window_minutes`.
    /// Needs `options.context.now` and `options.context.contact.id`. Returns
    /// the updated log; store it and pass it to the next call.
    #[wasm_bindgen(js_name = checkAndRecord, unchecked_return_type = "LoggedCheckResult")]
    pub fn check_and_record(
        &self,
        text: &str,
        options: Option<JsCheckOptions>,
        #[wasm_bindgen(unchecked_param_type = "SendLog | undefined")] log: Option<String>,
    ) -> JsValue {
        self.check_inner(text, opt(options), Some((log, true)))
    }

    /// Like `checkAndRecord` without recording: would sending this now be a
    /// bulk send? Use it while the agent types. The log is returned unchanged.
    #[wasm_bindgen(js_name = checkWithLog, unchecked_return_type = "LoggedCheckResult")]
    pub fn check_with_log(
        &self,
        text: &str,
        options: Option<JsCheckOptions>,
        #[wasm_bindgen(unchecked_param_type = "SendLog | undefined")] log: Option<String>,
    ) -> JsValue {
        self.check_inner(text, opt(options), Some((log, false)))
    }

    /// The default locale of messages.
    #[wasm_bindgen(getter)]
    pub fn locale(&self) -> String {
        self.inner.locale().id().to_owned()
    }
}

impl Engine {
    /// Builds the message and resolves the locale from the options.
    fn message(&self, text: &str, options: JsValue) -> Result<(Message, Locale), ErrorDetail> {
        let opts: CheckOptions = from_js(options, "options")?;
        let locale = match opts.locale.as_deref() {
            None => self.inner.locale(),
            Some(tag) => Locale::parse(tag).ok_or_else(|| ErrorDetail {
                message: format!("locale: unknown locale '{tag}'. Use 'pt-BR', 'es' or 'en'."),
                field: Some("locale".into()),
                kind: "unknown_id",
            })?,
        };
        let msg = Message {
            text: text.to_owned(),
            direction: opts.direction,
            lang: opts.lang,
            context: opts.context,
        };
        Ok((msg, locale))
    }

    /// Checks a message; with `log` (text form, record flag), through the
    /// bulk-send guard. Returns a `CheckResult` (`LoggedCheckResult` with a log).
    fn check_inner(
        &self,
        text: &str,
        options: JsValue,
        log: Option<(Option<String>, bool)>,
    ) -> JsValue {
        let run = || -> Result<(Vec<Finding>, Option<String>), ErrorDetail> {
            let (msg, locale) = self.message(text, options)?;
            let (findings, log) = match log {
                None => (self.inner.check_in(&msg, locale)?, None),
                Some((log, record)) => {
                    let mut log: SendLog = log.as_deref().unwrap_or("").parse()?;
                    let findings = if record {
                        self.inner.check_with_log(&msg, locale, &mut log)?
                    } else {
                        self.inner.check_against_log(&msg, locale, &log)?
                    };
                    (findings, Some(log.to_string()))
                }
            };
            Ok((findings, log))
        };
        match run() {
            Ok((findings, log)) => {
                let list = js_sys::Array::new();
                for f in offsets::to_utf16(text, findings) {
                    list.push(&f.into_js());
                }
                success(list, log)
            }
            Err(e) => to_js(&Tagged::<Nothing>::Failure { errors: vec![e] }),
        }
    }
}

/// Validates a configuration without keeping an engine.
#[wasm_bindgen(js_name = validateConfig, unchecked_return_type = "ValidateResult")]
pub fn validate_config(config: Option<JsConfig>) -> JsValue {
    match parse_config(opt(config)) {
        Ok(_) => to_js(&Tagged::Success(Nothing {})),
        Err(e) => to_js(&Tagged::<Nothing>::Failure { errors: vec![e] }),
    }
}

/// The built-in rule catalog (ids, categories, severities, policies, texts, examples).
#[wasm_bindgen(unchecked_return_type = "RuleInfo[]")]
#[cfg_attr(conforma_size, optimize(size))]
pub fn rules() -> JsValue {
    to_js(&core::rules::catalog().collect::<Vec<_>>())
}

/// Every category id with its group.
#[wasm_bindgen(unchecked_return_type = "CategoryInfo[]")]
pub fn categories() -> JsValue {
    #[derive(Serialize)]
    struct Info {
        id: &'static str,
        group: &'static str,
    }
    to_js(
        &core::Category::ALL
            .iter()
            .map(|c| Info {
                id: c.id(),
                group: c.group().id(),
            })
            .collect::<Vec<_>>(),
    )
}

/// The engine version.
#[wasm_bindgen]
pub fn version() -> String {
    core::VERSION.to_owned()
}
