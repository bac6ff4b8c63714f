//! Field-level problems of user input. A form gets all of its problems at once,
//! each naming the field (`surname`, `phones.0.number`) and a code the UI
//! translates into a message that says what to fix.

use std::fmt;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum IssueCode {
    Required,
    /// Neither a surname nor a name was given.
    NameRequired,
    /// A client must be reachable: at least one phone.
    PhoneRequired,
    TooLong,
    TooMany,
    PhoneInvalid,
    /// The same number twice in one client.
    PhoneRepeated,
    EmailInvalid,
    /// Not 10 (organisation) or 12 (entrepreneur) digits.
    InnInvalid,
    /// The digits are there but the control digits do not match: a typo.
    InnChecksum,
    KppInvalid,
    /// Not 13 (ОГРН) or 15 (ОГРНИП) digits.
    OgrnInvalid,
    OgrnChecksum,
    /// Not 9 digits starting with 04.
    BikInvalid,
    /// A bank account is not 20 digits (or a correspondent one does not start with 301).
    AccountInvalid,
    /// The account's control digit does not match the bank's БИК.
    AccountChecksum,
    /// Not 17 letters and digits.
    VinInvalid,
    /// I, O and Q never occur in a VIN (they look like 1 and 0).
    VinForbiddenLetter,
    PlateInvalid,
    DateInvalid,
    DateInFuture,
    /// A number outside its range; `max` holds the upper bound.
    OutOfRange,
    /// An odometer reading below the last one needs a stated reason.
    OdometerDecreased,
    /// The same value twice where it must be unique (a VIN twice in one import file).
    Repeated,
    /// Not a number (a price, a quantity, hours), or more decimals than allowed.
    NumberInvalid,
    /// A fractional quantity of a product counted in whole pieces or sets.
    FractionNotAllowed,
    /// Neither digits of a barcode's length nor the shop's own code.
    BarcodeInvalid,
    /// An EAN/GTIN whose check digit does not match: a misread or a typo.
    BarcodeChecksum,
    /// Another record already has this value (an article of the same brand, a service code).
    Taken,
    /// More than the warehouse has; `detail` holds the quantity on hand.
    NotEnoughStock,
    /// A markup needs the purchase price it is applied to.
    PurchasePriceRequired,
    /// The line names something that is archived or gone.
    Unavailable,
    /// Not one of the values the field accepts (a unit or a VAT rate in an imported file).
    UnknownValue,
    /// A file of a type the field does not take (an image field given a PDF).
    FileType,
    /// A file over the size limit; `max` holds the limit in megabytes.
    FileTooLarge,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct FieldIssue {
    pub field: String,
    pub issue: IssueCode,
    /// The limit for `too_long` (characters) and `too_many` (items).
    pub max: Option<u32>,
    /// A value the message quotes, such as the quantity on hand for `not_enough_stock`.
    pub detail: Option<String>,
}

/// Problems collected while validating one input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Issues(Vec<FieldIssue>);

impl Issues {
    pub fn add(&mut self, field: impl Into<String>, issue: IssueCode) {
        self.push(field, issue, None);
    }

    pub fn add_limit(&mut self, field: impl Into<String>, issue: IssueCode, max: usize) {
        self.push(field, issue, Some(u32::try_from(max).unwrap_or(u32::MAX)));
    }

    /// An issue whose message quotes a value (`detail`).
    pub fn add_detail(&mut self, field: impl Into<String>, issue: IssueCode, detail: String) {
        self.0.push(FieldIssue {
            field: field.into(),
            issue,
            max: None,
            detail: Some(detail),
        });
    }

    /// Moves another input's issues in, their fields prefixed (`lines.2.` + `quantity`).
    pub fn absorb(&mut self, prefix: &str, other: Issues) {
        for mut issue in other.0 {
            issue.field = format!("{prefix}{}", issue.field);
            self.0.push(issue);
        }
    }

    fn push(&mut self, field: impl Into<String>, issue: IssueCode, max: Option<u32>) {
        self.0.push(FieldIssue {
            field: field.into(),
            issue,
            max,
            detail: None,
        });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn as_slice(&self) -> &[FieldIssue] {
        &self.0
    }

    pub fn into_vec(self) -> Vec<FieldIssue> {
        self.0
    }

    /// `Ok(value)` when nothing was found wrong.
    pub fn into_result<T>(self, value: T) -> Result<T, Issues> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }

    /// Trims a single-line text, folds runs of spaces and checks its length.
    pub fn line(&mut self, field: &str, value: &str, max_chars: usize) -> String {
        let cleaned = value.split_whitespace().collect::<Vec<_>>().join(" ");
        self.check_length(field, &cleaned, max_chars);
        cleaned
    }

    /// Trims a multi-line text (keeping its line breaks) and checks its length.
    pub fn text(&mut self, field: &str, value: &str, max_chars: usize) -> String {
        let cleaned = value.trim().replace("\r\n", "\n");
        self.check_length(field, &cleaned, max_chars);
        cleaned
    }

    fn check_length(&mut self, field: &str, value: &str, max_chars: usize) {
        if value.chars().count() > max_chars {
            self.add_limit(field, IssueCode::TooLong, max_chars);
        }
    }
}

impl fmt::Display for Issues {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self
            .0
            .iter()
            .map(|issue| format!("{}: {:?}", issue.field, issue.issue))
            .collect();
        f.write_str(&parts.join("; "))
    }
}
