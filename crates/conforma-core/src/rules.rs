//! The catalog of built-in rules: ids, categories, default severities, the
//! policy each cites and its messages in every locale.
//!
//! Each detector module owns its table (`RULES`); this module only chains them,
//! so adding a rule never touches more than the module that fires it.

use crate::model::{Category, Severity, Text};
use serde::Serialize;

/// Static description of a built-in rule.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct RuleInfo {
    /// Stable rule id, e.g. `commerce.alcohol`.
    pub id: &'static str,
    /// The category it reports.
    pub category: Category,
    /// Severity unless configured otherwise.
    pub severity: Severity,
    /// Whether it runs unless configured otherwise (`style` rules are off by default).
    pub enabled: bool,
    /// The policy or law it enforces, named for people.
    pub policy: Text,
    /// What the finding says: which policy and why.
    pub message: Text,
    /// What to do instead, when there is general advice.
    pub suggestion: Option<Text>,
    /// Example messages that fire the rule (for docs and the site's catalog).
    pub examples: &'static [&'static str],
}

/// Every built-in rule, grouped by module, in a stable order.
pub fn catalog() -> impl Iterator<Item = &'static RuleInfo> {
    crate::detect::RULES
        .iter()
        .chain(crate::pii::RULES.iter())
        .chain(crate::inbound::RULES.iter())
        .chain(crate::context::RULES.iter())
}

/// Looks up a built-in rule by id.
pub fn rule(id: &str) -> Option<&'static RuleInfo> {
    catalog().find(|r| r.id == id)
}

/// Policy texts cited by several rules.
#[allow(dead_code)] // not every policy is cited by a built-in rule yet
pub(crate) mod policy {
    use crate::model::Text;

    /// WhatsApp Commerce Policy.
    pub const COMMERCE: Text = text!(
        "Política de Comércio do WhatsApp",
        "Política de Comercio de WhatsApp",
        "WhatsApp Commerce Policy",
    );
    /// LGPD (Brazil's data protection law) and WhatsApp's rule on sensitive numbers.
    pub const LGPD: Text = text!(
        "LGPD e Política de Mensagens Comerciais do WhatsApp",
        "LGPD/protección de datos y Política de Mensajería Comercial de WhatsApp",
        "LGPD (data protection) and WhatsApp Business Messaging Policy",
    );
    /// WhatsApp Business Messaging Policy (opt-in, opt-out, window).
    #[allow(dead_code)] // for the inbound and context rules
    pub const MESSAGING: Text = text!(
        "Política de Mensagens Comerciais do WhatsApp",
        "Política de Mensajería Comercial de WhatsApp",
        "WhatsApp Business Messaging Policy",
    );
    /// Brazil's consumer code (CDC arts. 42 and 71) on debt collection.
    pub const CDC: Text = text!(
        "Código de Defesa do Consumidor (arts. 42 e 71)",
        "Código de Defensa del Consumidor de Brasil (arts. 42 y 71) y buenas prácticas de cobranza",
        "Brazilian Consumer Code (arts. 42 and 71) and fair debt-collection practice",
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn rule_ids_are_unique_and_namespaced() {
        let mut seen = HashSet::new();
        for r in catalog() {
            assert!(seen.insert(r.id), "duplicate rule id {}", r.id);
            assert!(r.id.contains('.'), "rule id {} lacks a namespace", r.id);
        }
    }

    #[test]
    fn every_text_is_translated() {
        for r in catalog() {
            for t in [Some(r.policy), Some(r.message), r.suggestion]
                .into_iter()
                .flatten()
            {
                let all = crate::model::Locale::ALL.iter().map(|&l| t.get(l));
                assert!(all.clone().all(|s| !s.is_empty()), "{}", r.id);
                // A separator inside a translation would shift the others.
                assert!(all.clone().all(|s| !s.contains(Text::SEP)), "{}", r.id);
            }
        }
    }
}
