//! Inbound messages: does the customer ask to stop (opt-out) or agree to
//! receive messages (opt-in)?

use crate::engine::Hit;
use crate::model::Lang;
use crate::rules::RuleInfo;

/// Built-in inbound-intent rules.
pub(crate) static RULES: &[RuleInfo] = &[];

/// Classifies an inbound message.
pub(crate) fn classify(_text: &str, _lang: Option<Lang>) -> Vec<Hit> {
    Vec::new()
}
