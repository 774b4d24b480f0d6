//! Input that fails a rule of the domain. Each failure names the field and a
//! stable message code; the web layer turns codes into the user's language.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct FieldError {
    /// The input field, as named in the form or JSON body.
    pub field: String,
    /// A stable code such as `required` or `too_long`; see the translations.
    pub code: String,
    /// What exactly is wrong, where the code alone cannot say (the position
    /// of a mistake in a catalogue rule). Not translated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// Every field error found in one input, so a form can show them all at once.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Invalid {
    pub errors: Vec<FieldError>,
}

impl Invalid {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn single(field: &str, code: &str) -> Self {
        let mut invalid = Self::new();
        invalid.add(field, code);
        invalid
    }

    pub fn add(&mut self, field: &str, code: &str) {
        self.errors.push(FieldError {
            field: field.to_owned(),
            code: code.to_owned(),
            detail: None,
        });
    }

    pub fn add_detail(&mut self, field: &str, code: &str, detail: &str) {
        self.errors.push(FieldError {
            field: field.to_owned(),
            code: code.to_owned(),
            detail: Some(detail.to_owned()),
        });
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// `Ok(value)` when nothing was wrong, the collected errors otherwise.
    pub fn into_result<T>(self, value: T) -> Result<T, Invalid> {
        if self.is_empty() { Ok(value) } else { Err(self) }
    }

    /// Checks a required free-text field and returns it trimmed.
    pub fn text(&mut self, field: &str, value: &str, max_chars: usize) -> String {
        let value = value.trim();
        if value.is_empty() {
            self.add(field, "required");
        } else if value.chars().count() > max_chars {
            self.add(field, "too_long");
        }
        value.to_owned()
    }

    /// Checks an optional free-text field; blank becomes `None`.
    pub fn optional_text(&mut self, field: &str, value: Option<&str>, max_chars: usize) -> Option<String> {
        let value = value.map(str::trim).filter(|v| !v.is_empty())?;
        if value.chars().count() > max_chars {
            self.add(field, "too_long");
        }
        Some(value.to_owned())
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fields: Vec<String> = self
            .errors
            .iter()
            .map(|e| format!("{}: {}", e.field, e.code))
            .collect();
        write!(f, "invalid input ({})", fields.join(", "))
    }
}

impl std::error::Error for Invalid {}

/// Reads an optional date where an empty string means "not given", as
/// forms and many clients send it.
pub fn optional_date<'de, D>(deserializer: D) -> Result<Option<chrono::NaiveDate>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    use serde::Deserialize;
    match Option::<String>::deserialize(deserializer)?
        .as_deref()
        .map(str::trim)
    {
        None | Some("") => Ok(None),
        Some(text) => text.parse().map(Some).map_err(serde::de::Error::custom),
    }
}

/// Limits on free text, so one field cannot fill the database.
pub const SHORT_TEXT: usize = 200;
pub const LONG_TEXT: usize = 5_000;
