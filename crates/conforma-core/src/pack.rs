//! Custom policy packs: company terms, allow-list entries, severity overrides
//! and disabled categories, validated with errors that name the field.

use serde::{Deserialize, Serialize};

/// A custom policy pack (JSON or TOML in files, a plain object in JavaScript).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    /// Name shown in errors and findings.
    pub name: String,
}
