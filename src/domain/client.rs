//! Clients of the shop. For now a private person: surname, name, patronymic,
//! phones, e-mail, notes. Companies, consents and cars arrive with the CRM.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::email::Email;
use crate::domain::ids::ClientId;
use crate::domain::phone::Phone;
use crate::domain::search::{fold, phone_keys};
use crate::domain::validation::{IssueCode, Issues};

pub const MAX_NAME_PART: usize = 60;
pub const MAX_PHONES: usize = 5;
pub const MAX_PHONE_LABEL: usize = 30;
pub const MAX_EMAIL: usize = 254;
pub const MAX_NOTES: usize = 2000;

/// What the client window sends: raw text as the operator typed it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ClientDraft {
    pub surname: String,
    pub name: String,
    pub patronymic: String,
    pub phones: Vec<PhoneInput>,
    pub email: String,
    pub notes: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PhoneInput {
    pub number: String,
    pub label: String,
    pub primary: bool,
}

/// A phone of a client, normalised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ClientPhone {
    /// E.164, e.g. `+79123456789`.
    pub number: Phone,
    pub label: String,
    pub primary: bool,
}

/// A draft that passed validation: normalised and ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidClient {
    pub surname: String,
    pub name: String,
    pub patronymic: String,
    /// The primary phone comes first.
    pub phones: Vec<ClientPhone>,
    pub email: Option<Email>,
    pub notes: String,
}

impl ClientDraft {
    /// Checks every field and returns all problems at once.
    pub fn validate(&self) -> Result<ValidClient, Issues> {
        let mut issues = Issues::default();
        let surname = issues.line("surname", &self.surname, MAX_NAME_PART);
        let name = issues.line("name", &self.name, MAX_NAME_PART);
        let patronymic = issues.line("patronymic", &self.patronymic, MAX_NAME_PART);
        if surname.is_empty() && name.is_empty() {
            issues.add("surname", IssueCode::NameRequired);
        }
        let phones = validate_phones(&self.phones, &mut issues);
        let email = validate_email(&self.email, &mut issues);
        let notes = issues.text("notes", &self.notes, MAX_NOTES);
        issues.into_result(ValidClient {
            surname,
            name,
            patronymic,
            phones,
            email,
            notes,
        })
    }
}

fn validate_phones(inputs: &[PhoneInput], issues: &mut Issues) -> Vec<ClientPhone> {
    // Rows left completely empty in the form are not phones.
    let filled: Vec<(usize, &PhoneInput)> = inputs
        .iter()
        .enumerate()
        .filter(|(_, input)| !input.number.trim().is_empty() || !input.label.trim().is_empty())
        .collect();
    if filled.is_empty() {
        issues.add("phones", IssueCode::PhoneRequired);
        return Vec::new();
    }
    if filled.len() > MAX_PHONES {
        issues.add_limit("phones", IssueCode::TooMany, MAX_PHONES);
    }
    let mut phones: Vec<ClientPhone> = Vec::with_capacity(filled.len());
    for (index, input) in filled {
        let label = issues.line(
            &format!("phones.{index}.label"),
            &input.label,
            MAX_PHONE_LABEL,
        );
        let number_field = format!("phones.{index}.number");
        let number = match Phone::parse(&input.number) {
            Ok(number) => number,
            Err(_) => {
                issues.add(number_field, IssueCode::PhoneInvalid);
                continue;
            }
        };
        if phones.iter().any(|known| known.number == number) {
            issues.add(number_field, IssueCode::PhoneRepeated);
            continue;
        }
        phones.push(ClientPhone {
            number,
            label,
            primary: input.primary,
        });
    }
    settle_primary(&mut phones);
    phones
}

/// Exactly one primary phone, placed first: the first one marked, or the first one.
fn settle_primary(phones: &mut [ClientPhone]) {
    let primary_at = phones.iter().position(|phone| phone.primary).unwrap_or(0);
    for (index, phone) in phones.iter_mut().enumerate() {
        phone.primary = index == primary_at;
    }
    if !phones.is_empty() {
        phones[..=primary_at].rotate_right(1);
    }
}

fn validate_email(input: &str, issues: &mut Issues) -> Option<Email> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return None;
    }
    if trimmed.chars().count() > MAX_EMAIL {
        issues.add_limit("email", IssueCode::TooLong, MAX_EMAIL);
        return None;
    }
    match Email::parse(trimmed) {
        Ok(email) => Some(email),
        Err(_) => {
            issues.add("email", IssueCode::EmailInvalid);
            None
        }
    }
}

/// "Иванов Иван Иванович": the parts that are known, in Russian order.
pub fn full_name(surname: &str, name: &str, patronymic: &str) -> String {
    [surname, name, patronymic]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

impl ValidClient {
    pub fn full_name(&self) -> String {
        full_name(&self.surname, &self.name, &self.patronymic)
    }

    /// Folded full name, for ordering and prefix ranking.
    pub fn search_name(&self) -> String {
        fold(&self.full_name())
    }

    /// Phone digits in both forms, space-separated and space-framed so that an
    /// exact match is `instr(keys, ' 79123456789 ')`.
    pub fn search_phones(&self) -> String {
        let keys: Vec<String> = self
            .phones
            .iter()
            .flat_map(|p| phone_keys(&p.number))
            .collect();
        format!(" {} ", keys.join(" "))
    }

    /// Everything a search box may hit: name, e-mail, notes, phone digits.
    pub fn search_text(&self) -> String {
        let email = self.email.as_ref().map(Email::as_str).unwrap_or_default();
        fold(&format!(
            "{} {} {} {}",
            self.full_name(),
            email,
            self.search_phones(),
            self.notes
        ))
    }
}

/// A stored client, as the client window shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Client {
    pub id: ClientId,
    pub surname: String,
    pub name: String,
    pub patronymic: String,
    pub full_name: String,
    pub phones: Vec<ClientPhone>,
    pub email: Option<String>,
    pub notes: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One row of the client list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ClientListItem {
    pub id: ClientId,
    pub full_name: String,
    pub primary_phone: Option<String>,
    /// How many more phones the client has besides the primary one.
    pub other_phones: u32,
    pub email: Option<String>,
    pub notes: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ClientSearchResult {
    pub items: Vec<ClientListItem>,
    /// All matches; `items` stops at the requested limit.
    pub total: u32,
}

/// Enough to name a client in a message and open it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ClientRef {
    pub id: ClientId,
    pub full_name: String,
}

/// Whether saving may give a phone that another client already has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SharedPhone {
    /// Stop with `DuplicatePhone` so the operator can open the existing client.
    Refuse,
    /// The operator confirmed: families often share one phone.
    Allow,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::validation::FieldIssue;

    fn phone(number: &str) -> PhoneInput {
        PhoneInput {
            number: number.to_owned(),
            ..PhoneInput::default()
        }
    }

    fn draft(surname: &str, name: &str, phones: &[&str]) -> ClientDraft {
        ClientDraft {
            surname: surname.to_owned(),
            name: name.to_owned(),
            phones: phones.iter().map(|n| phone(n)).collect(),
            ..ClientDraft::default()
        }
    }

    fn issues_of(draft: &ClientDraft) -> Vec<(String, IssueCode)> {
        match draft.validate() {
            Ok(_) => Vec::new(),
            Err(issues) => issues
                .into_vec()
                .into_iter()
                .map(|FieldIssue { field, issue, .. }| (field, issue))
                .collect(),
        }
    }

    fn check(draft: ClientDraft, expected: &[(&str, IssueCode)]) {
        let expected: Vec<(String, IssueCode)> = expected
            .iter()
            .map(|(f, i)| ((*f).to_owned(), *i))
            .collect();
        assert_eq!(issues_of(&draft), expected, "draft {draft:?}");
    }

    #[test]
    fn names_every_problem_with_its_field() {
        use IssueCode::*;
        check(draft("Иванов", "", &["8 912 345-67-89"]), &[]);
        check(draft("", "Иван", &["9123456789"]), &[]);
        check(
            draft(" ", "", &["9123456789"]),
            &[("surname", NameRequired)],
        );
        check(draft("Иванов", "", &[]), &[("phones", PhoneRequired)]);
        check(
            draft("Иванов", "", &["", "  "]),
            &[("phones", PhoneRequired)],
        );
        check(
            draft("Иванов", "", &["12-34"]),
            &[("phones.0.number", PhoneInvalid)],
        );
        check(
            draft("Иванов", "", &["89123456789", "+7 912 345 67 89"]),
            &[("phones.1.number", PhoneRepeated)],
        );
        check(
            draft("Иванов", "", &["", "abc"]),
            &[("phones.1.number", PhoneInvalid)],
        );
        let mut long = draft(&"Я".repeat(61), "", &["9123456789"]);
        long.email = "ivan@mail".to_owned();
        long.notes = "x".repeat(2001);
        check(
            long,
            &[
                ("surname", TooLong),
                ("email", EmailInvalid),
                ("notes", TooLong),
            ],
        );
        let six = [
            "9120000001",
            "9120000002",
            "9120000003",
            "9120000004",
            "9120000005",
            "9120000006",
        ];
        check(draft("Иванов", "", &six), &[("phones", TooMany)]);
    }

    #[test]
    fn normalises_what_it_keeps() -> Result<(), Issues> {
        let mut input = draft(
            "  Семёнов  ",
            " Пётр ",
            &["8 (912) 345-67-89", "+7 495 123 45 67"],
        );
        input.patronymic = "Ильич".to_owned();
        input.phones[1].primary = true;
        input.email = " Petr@Mail.RU ".to_owned();
        input.notes = "  Любит, когда звонят заранее\r\n".to_owned();
        let client = input.validate()?;
        assert_eq!(client.full_name(), "Семёнов Пётр Ильич");
        assert_eq!(client.search_name(), "семенов петр ильич");
        let numbers: Vec<(&str, bool)> = client
            .phones
            .iter()
            .map(|p| (p.number.as_e164(), p.primary))
            .collect();
        assert_eq!(numbers, [("+74951234567", true), ("+79123456789", false)]);
        assert_eq!(
            client.email.as_ref().map(Email::as_str),
            Some("Petr@mail.ru")
        );
        assert_eq!(client.notes, "Любит, когда звонят заранее");
        assert_eq!(
            client.search_phones(),
            " 74951234567 84951234567 79123456789 89123456789 "
        );
        Ok(())
    }

    #[test]
    fn first_phone_is_primary_when_none_is_marked() -> Result<(), Issues> {
        let client = draft("Иванов", "", &["9123456789", "9123456780"]).validate()?;
        assert!(client.phones[0].primary);
        assert!(!client.phones[1].primary);
        Ok(())
    }
}
