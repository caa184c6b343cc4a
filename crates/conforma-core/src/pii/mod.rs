//! Sensitive data the agent is about to send (LGPD): numbers validated by
//! their check digits, so an order number never passes for a CPF.

mod cpf;

use crate::engine::Hit;
use crate::model::{Category, Locale, Severity, Text};
use crate::rules::{policy, RuleInfo};

/// Built-in PII rules.
pub(crate) static RULES: &[RuleInfo] = &[RuleInfo {
    id: "pii.cpf",
    category: Category::PiiCpf,
    severity: Severity::Block,
    enabled: true,
    policy: policy::LGPD,
    message: Text::new(
        "CPF completo na mensagem: dado pessoal protegido pela LGPD; o WhatsApp proíbe compartilhar números de documentos completos.",
        "CPF completo en el mensaje: dato personal protegido (LGPD); WhatsApp prohíbe compartir números de documentos completos.",
        "Full CPF in the message: personal data protected by the LGPD; WhatsApp forbids sharing full ID numbers.",
    ),
    suggestion: Some(Text::new(
        "Envie o CPF pelo portal seguro ou mostre só os últimos dígitos (***.***.***-25).",
        "Envía el CPF por el portal seguro o muestra solo los últimos dígitos (***.***.***-25).",
        "Send the CPF through the secure portal, or show only the last digits (***.***.***-25).",
    )),
    examples: &["CPF 529.982.247-25"],
}];

/// Scans `text` for sensitive numbers.
pub(crate) fn scan(text: &str, _locale: Locale) -> Vec<Hit> {
    cpf::find(text)
        .into_iter()
        .map(|span| Hit::builtin(&RULES[0], vec![span]))
        .collect()
}
