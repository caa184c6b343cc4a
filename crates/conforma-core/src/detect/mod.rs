//! Content detectors for outbound messages: prohibited commerce and conduct.

use crate::engine::Hit;
use crate::model::{Category, Lang, Locale, Severity, Text};
use crate::normalize::Normalized;
use crate::rules::{policy, RuleInfo};

/// Built-in content rules.
pub(crate) static RULES: &[RuleInfo] = &[RuleInfo {
    id: "commerce.alcohol",
    category: Category::Alcohol,
    severity: Severity::Warn,
    enabled: true,
    policy: policy::COMMERCE,
    message: Text::new(
        "Venda ou promoção de bebida alcoólica: proibida pela Política de Comércio do WhatsApp.",
        "Venta o promoción de bebidas alcohólicas: prohibida por la Política de Comercio de WhatsApp.",
        "Selling or promoting alcoholic drinks is prohibited by the WhatsApp Commerce Policy.",
    ),
    suggestion: Some(Text::new(
        "Não ofereça bebidas alcoólicas por WhatsApp; direcione o cliente à loja ou ao site.",
        "No ofrezcas bebidas alcohólicas por WhatsApp; deriva al cliente a la tienda o al sitio web.",
        "Don't offer alcoholic drinks over WhatsApp; point the customer to the store or website.",
    )),
    examples: &["vamos tomar uma cerveja", "tenemos cerveza fría", "whisky 12 years on sale"],
}];

const ALCOHOL: &[&str] = &[
    "cerveja", "cerveza", "beer", "whisky", "vodka", "cachaca", "tequila",
];

/// Compiled content detectors.
#[derive(Debug, Clone, Default)]
pub(crate) struct Detector;

impl Detector {
    pub(crate) fn scan(&self, text: &str, _lang: Option<Lang>, _locale: Locale) -> Vec<Hit> {
        let norm = Normalized::new(text);
        let t = norm.text();
        let mut hits = Vec::new();
        let mut word_start = None;
        for (i, c) in t.char_indices().chain(std::iter::once((t.len(), ' '))) {
            if c.is_alphanumeric() {
                word_start.get_or_insert(i);
            } else if let Some(s) = word_start.take() {
                if ALCOHOL.contains(&&t[s..i]) {
                    hits.push(Hit::builtin(&RULES[0], vec![norm.original(s, i)]));
                }
            }
        }
        hits
    }
}
