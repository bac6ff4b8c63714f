//! Clients of the shop: private persons and companies, with their phones,
//! contact persons, reminder preferences, lead source, tags and discount.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::email::Email;
use crate::domain::ids::{ClientId, ContactId, LeadSourceId};
use crate::domain::phone::Phone;
use crate::domain::requisites::{
    parse_bik, parse_corr_account, parse_inn, parse_kpp, parse_ogrn, parse_settlement_account,
};
use crate::domain::search::fold;
use crate::domain::validation::{IssueCode, Issues};

pub const MAX_NAME_PART: usize = 60;
pub const MAX_COMPANY_NAME: usize = 250;
pub const MAX_PHONES: usize = 5;
pub const MAX_PHONE_LABEL: usize = 30;
pub const MAX_EMAIL: usize = 254;
pub const MAX_ADDRESS: usize = 300;
pub const MAX_NOTES: usize = 2000;
pub const MAX_CONTACTS: usize = 20;
pub const MAX_POSITION: usize = 100;
pub const MAX_TAGS: usize = 20;
pub const MAX_TAG: usize = 40;
pub const MAX_BANK_NAME: usize = 200;
pub const MAX_DISCOUNT_PERCENT: u32 = 100;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ClientKind {
    #[default]
    Person,
    Company,
}

impl ClientKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ClientKind::Person => "person",
            ClientKind::Company => "company",
        }
    }

    pub fn parse(text: &str) -> Option<ClientKind> {
        match text {
            "person" => Some(ClientKind::Person),
            "company" => Some(ClientKind::Company),
            _ => None,
        }
    }
}

/// How the shop may remind a client of a visit. `Call` is the operator's own
/// call from the call list; the rest are sent automatically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ReminderChannel {
    Call,
    Sms,
    Email,
    Telegram,
    Viber,
    Voice,
}

impl ReminderChannel {
    pub const ALL: [ReminderChannel; 6] = [
        ReminderChannel::Call,
        ReminderChannel::Sms,
        ReminderChannel::Email,
        ReminderChannel::Telegram,
        ReminderChannel::Viber,
        ReminderChannel::Voice,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReminderChannel::Call => "call",
            ReminderChannel::Sms => "sms",
            ReminderChannel::Email => "email",
            ReminderChannel::Telegram => "telegram",
            ReminderChannel::Viber => "viber",
            ReminderChannel::Voice => "voice",
        }
    }

    pub fn parse(text: &str) -> Option<ReminderChannel> {
        ReminderChannel::ALL
            .into_iter()
            .find(|channel| channel.as_str() == text)
    }
}

/// What the client window sends: raw text as the operator typed it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ClientDraft {
    pub kind: ClientKind,
    pub surname: String,
    pub name: String,
    pub patronymic: String,
    /// `YYYY-MM-DD` or empty.
    pub birth_date: String,
    /// Requisites; only read for companies.
    pub company: CompanyDraft,
    pub phones: Vec<PhoneInput>,
    pub email: String,
    pub address: String,
    pub uses_telegram: bool,
    pub uses_viber: bool,
    pub notes: String,
    pub lead_source_id: Option<LeadSourceId>,
    pub discount_percent: u32,
    /// The preferred channel first, then the fallbacks in order.
    pub reminder_channels: Vec<ReminderChannel>,
    pub tags: Vec<String>,
    /// Contact persons; only read for companies.
    pub contacts: Vec<ContactDraft>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CompanyDraft {
    pub full_name: String,
    pub short_name: String,
    pub inn: String,
    pub kpp: String,
    pub ogrn: String,
    pub legal_address: String,
    pub postal_address: String,
    pub bank_account: String,
    pub bank_name: String,
    pub bik: String,
    pub corr_account: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PhoneInput {
    pub number: String,
    pub label: String,
    pub primary: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ContactDraft {
    /// Set for a contact that is already stored, so cars keep their driver.
    pub id: Option<ContactId>,
    pub name: String,
    pub position: String,
    pub phone: String,
    pub email: String,
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

/// Requisites that passed their checks. Empty strings are "not given".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Company {
    pub full_name: String,
    pub short_name: String,
    pub inn: String,
    pub kpp: String,
    pub ogrn: String,
    pub legal_address: String,
    pub postal_address: String,
    pub bank_account: String,
    pub bank_name: String,
    pub bik: String,
    pub corr_account: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ContactPerson {
    pub id: ContactId,
    pub name: String,
    pub position: String,
    pub phone: Option<Phone>,
    pub email: Option<String>,
}

/// A draft that passed validation: normalised and ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidClient {
    pub kind: ClientKind,
    pub surname: String,
    pub name: String,
    pub patronymic: String,
    pub birth_date: Option<NaiveDate>,
    pub company: Company,
    /// The primary phone comes first.
    pub phones: Vec<ClientPhone>,
    pub email: Option<Email>,
    pub address: String,
    pub uses_telegram: bool,
    pub uses_viber: bool,
    pub notes: String,
    pub lead_source_id: Option<LeadSourceId>,
    pub discount_percent: u32,
    pub reminder_channels: Vec<ReminderChannel>,
    pub tags: Vec<String>,
    pub contacts: Vec<ContactPerson>,
}

impl ClientDraft {
    /// Checks every field and returns all problems at once. `today` bounds the
    /// date of birth.
    pub fn validate(&self, today: NaiveDate) -> Result<ValidClient, Issues> {
        let mut issues = Issues::default();
        let is_company = self.kind == ClientKind::Company;
        let surname = issues.line("surname", &self.surname, MAX_NAME_PART);
        let name = issues.line("name", &self.name, MAX_NAME_PART);
        let patronymic = issues.line("patronymic", &self.patronymic, MAX_NAME_PART);
        let company = if is_company {
            validate_company(&self.company, &mut issues)
        } else {
            if surname.is_empty() && name.is_empty() {
                issues.add("surname", IssueCode::NameRequired);
            }
            Company::default()
        };
        let contacts = if is_company {
            validate_contacts(&self.contacts, &mut issues)
        } else {
            Vec::new()
        };
        let phones = validate_phones(&self.phones, &mut issues);
        let reachable = !phones.is_empty() || contacts.iter().any(|c| c.phone.is_some());
        if !reachable
            && !issues
                .as_slice()
                .iter()
                .any(|i| i.field.starts_with("phones"))
        {
            issues.add("phones", IssueCode::PhoneRequired);
        }
        let birth_date = if is_company {
            None
        } else {
            validate_birth_date(&self.birth_date, today, &mut issues)
        };
        let email = validate_email("email", &self.email, &mut issues);
        let address = issues.line("address", &self.address, MAX_ADDRESS);
        let notes = issues.text("notes", &self.notes, MAX_NOTES);
        if self.discount_percent > MAX_DISCOUNT_PERCENT {
            issues.add_limit(
                "discountPercent",
                IssueCode::OutOfRange,
                MAX_DISCOUNT_PERCENT as usize,
            );
        }
        let tags = validate_tags(&self.tags, &mut issues);
        issues.into_result(ValidClient {
            kind: self.kind,
            surname: if is_company { String::new() } else { surname },
            name: if is_company { String::new() } else { name },
            patronymic: if is_company {
                String::new()
            } else {
                patronymic
            },
            birth_date,
            company,
            phones,
            email,
            address,
            uses_telegram: self.uses_telegram,
            uses_viber: self.uses_viber,
            notes,
            lead_source_id: self.lead_source_id,
            discount_percent: self.discount_percent,
            reminder_channels: unique_channels(&self.reminder_channels),
            tags,
            contacts,
        })
    }
}

fn validate_company(draft: &CompanyDraft, issues: &mut Issues) -> Company {
    let full_name = issues.line("company.fullName", &draft.full_name, MAX_COMPANY_NAME);
    let short_name = issues.line("company.shortName", &draft.short_name, MAX_COMPANY_NAME);
    if full_name.is_empty() && short_name.is_empty() {
        issues.add("company.shortName", IssueCode::NameRequired);
    }
    let mut code = |field: &str, value: &str, parse: &dyn Fn(&str) -> Result<String, IssueCode>| {
        if value.trim().is_empty() {
            return String::new();
        }
        parse(value).unwrap_or_else(|issue| {
            issues.add(field, issue);
            String::new()
        })
    };
    let inn = code("company.inn", &draft.inn, &parse_inn);
    let kpp = code("company.kpp", &draft.kpp, &parse_kpp);
    let ogrn = code("company.ogrn", &draft.ogrn, &parse_ogrn);
    let bik = code("company.bik", &draft.bik, &parse_bik);
    let known_bik = (!bik.is_empty()).then_some(bik.as_str());
    let bank_account = code("company.bankAccount", &draft.bank_account, &|v| {
        parse_settlement_account(v, known_bik)
    });
    let corr_account = code("company.corrAccount", &draft.corr_account, &|v| {
        parse_corr_account(v, known_bik)
    });
    Company {
        full_name,
        short_name,
        inn,
        kpp,
        ogrn,
        legal_address: issues.line("company.legalAddress", &draft.legal_address, MAX_ADDRESS),
        postal_address: issues.line("company.postalAddress", &draft.postal_address, MAX_ADDRESS),
        bank_account,
        bank_name: issues.line("company.bankName", &draft.bank_name, MAX_BANK_NAME),
        bik,
        corr_account,
    }
}

fn validate_contacts(drafts: &[ContactDraft], issues: &mut Issues) -> Vec<ContactPerson> {
    let filled: Vec<(usize, &ContactDraft)> = drafts
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            [&c.name, &c.position, &c.phone, &c.email]
                .iter()
                .any(|v| !v.trim().is_empty())
        })
        .collect();
    if filled.len() > MAX_CONTACTS {
        issues.add_limit("contacts", IssueCode::TooMany, MAX_CONTACTS);
    }
    filled
        .into_iter()
        .map(|(index, draft)| validate_contact(index, draft, issues))
        .collect()
}

fn validate_contact(index: usize, draft: &ContactDraft, issues: &mut Issues) -> ContactPerson {
    let field = |name: &str| format!("contacts.{index}.{name}");
    let name = issues.line(&field("name"), &draft.name, MAX_COMPANY_NAME);
    if name.is_empty() {
        issues.add(field("name"), IssueCode::Required);
    }
    let phone = if draft.phone.trim().is_empty() {
        None
    } else {
        Phone::parse(&draft.phone)
            .map_err(|_| issues.add(field("phone"), IssueCode::PhoneInvalid))
            .ok()
    };
    ContactPerson {
        id: draft.id.unwrap_or_default(),
        name,
        position: issues.line(&field("position"), &draft.position, MAX_POSITION),
        phone,
        email: validate_email(&field("email"), &draft.email, issues).map(|e| e.as_str().to_owned()),
    }
}

fn validate_birth_date(input: &str, today: NaiveDate, issues: &mut Issues) -> Option<NaiveDate> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return None;
    }
    match parse_date(trimmed) {
        Some(date) if date > today => {
            issues.add("birthDate", IssueCode::DateInFuture);
            None
        }
        Some(date) if date.year() < 1900 => {
            issues.add("birthDate", IssueCode::DateInvalid);
            None
        }
        Some(date) => Some(date),
        None => {
            issues.add("birthDate", IssueCode::DateInvalid);
            None
        }
    }
}

/// `2026-11-27` (what a date input sends) or `27.11.2026` (what people type and import).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d.%m.%Y"))
        .ok()
}

fn validate_tags(inputs: &[String], issues: &mut Issues) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for input in inputs {
        let tag = issues.line("tags", input, MAX_TAG);
        // Tags differing only in case are one tag.
        if !tag.is_empty() && !tags.iter().any(|known| fold(known) == fold(&tag)) {
            tags.push(tag);
        }
    }
    if tags.len() > MAX_TAGS {
        issues.add_limit("tags", IssueCode::TooMany, MAX_TAGS);
    }
    tags
}

fn unique_channels(channels: &[ReminderChannel]) -> Vec<ReminderChannel> {
    let mut unique = Vec::with_capacity(channels.len());
    for channel in channels {
        if !unique.contains(channel) {
            unique.push(*channel);
        }
    }
    unique
}

fn validate_phones(inputs: &[PhoneInput], issues: &mut Issues) -> Vec<ClientPhone> {
    // Rows left completely empty in the form are not phones.
    let filled: Vec<(usize, &PhoneInput)> = inputs
        .iter()
        .enumerate()
        .filter(|(_, input)| !input.number.trim().is_empty() || !input.label.trim().is_empty())
        .collect();
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

fn validate_email(field: &str, input: &str, issues: &mut Issues) -> Option<Email> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return None;
    }
    if trimmed.chars().count() > MAX_EMAIL {
        issues.add_limit(field, IssueCode::TooLong, MAX_EMAIL);
        return None;
    }
    match Email::parse(trimmed) {
        Ok(email) => Some(email),
        Err(_) => {
            issues.add(field, IssueCode::EmailInvalid);
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

/// What a list shows as the client's name: the person's full name or the
/// company's short name (its full name when no short one is given).
pub fn display_name(kind: ClientKind, person: [&str; 3], company: [&str; 2]) -> String {
    match kind {
        ClientKind::Person => full_name(person[0], person[1], person[2]),
        ClientKind::Company => {
            let [short, full] = company;
            if short.is_empty() { full } else { short }.to_owned()
        }
    }
}

impl ValidClient {
    pub fn display_name(&self) -> String {
        display_name(
            self.kind,
            [&self.surname, &self.name, &self.patronymic],
            [&self.company.short_name, &self.company.full_name],
        )
    }

    /// Folded display name, for ordering the list.
    pub fn search_name(&self) -> String {
        fold(&self.display_name())
    }
}

/// A stored client, as the client window and card show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Client {
    pub id: ClientId,
    pub kind: ClientKind,
    /// The person's full name or the company's short name.
    pub display_name: String,
    pub surname: String,
    pub name: String,
    pub patronymic: String,
    pub birth_date: Option<NaiveDate>,
    pub company: Company,
    pub phones: Vec<ClientPhone>,
    pub email: Option<String>,
    pub address: String,
    pub uses_telegram: bool,
    pub uses_viber: bool,
    pub notes: String,
    pub lead_source: Option<LeadSource>,
    pub discount_percent: u32,
    pub reminder_channels: Vec<ReminderChannel>,
    pub tags: Vec<String>,
    pub contacts: Vec<ContactPerson>,
    pub archived_at: Option<DateTime<Utc>>,
    /// Set when this record was merged into another client.
    pub merged_into: Option<ClientId>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// An entry of the lead source list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct LeadSource {
    pub id: LeadSourceId,
    pub name: String,
    pub archived: bool,
}

/// A car as a list row or picker line shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct VehicleBrief {
    pub id: crate::domain::ids::VehicleId,
    /// Canonical, Cyrillic: `А123ВС77`.
    pub plate: Option<String>,
    pub vin: Option<String>,
    pub make: String,
    pub model: String,
    pub year: Option<u16>,
}

/// What part of a client the search text hit, so the list can show why it is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    Name,
    Phone,
    Plate,
    Vin,
    Inn,
    Contact,
    Email,
    Tag,
}

impl MatchedBy {
    const ALL: [MatchedBy; 8] = [
        MatchedBy::Name,
        MatchedBy::Phone,
        MatchedBy::Plate,
        MatchedBy::Vin,
        MatchedBy::Inn,
        MatchedBy::Contact,
        MatchedBy::Email,
        MatchedBy::Tag,
    ];

    /// A small number for the search index, where every byte is paid millions of times.
    pub fn code(self) -> i64 {
        MatchedBy::ALL
            .iter()
            .position(|m| *m == self)
            .map_or(0, |p| p as i64)
    }

    pub fn from_code(code: i64) -> MatchedBy {
        usize::try_from(code)
            .ok()
            .and_then(|i| MatchedBy::ALL.get(i).copied())
            .unwrap_or(MatchedBy::Name)
    }
}

/// One row of the client list and of the client picker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ClientListItem {
    pub id: ClientId,
    pub kind: ClientKind,
    pub display_name: String,
    /// ИНН for a company; empty for a person.
    pub inn: String,
    pub primary_phone: Option<String>,
    /// How many more phones the client has besides the primary one.
    pub other_phones: u32,
    pub email: Option<String>,
    pub notes: String,
    pub tags: Vec<String>,
    pub archived: bool,
    pub vehicles: Vec<VehicleBrief>,
    /// Empty when nothing was typed.
    pub matched_by: Option<MatchedBy>,
    /// The car the query hit (by plate or VIN), to preselect it in a picker.
    pub matched_vehicle: Option<crate::domain::ids::VehicleId>,
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
    pub kind: ClientKind,
    pub display_name: String,
}

/// Whether saving may go on when another client has the same phone, ИНН or
/// plate (a VIN is never shared: a car is one record).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Duplicates {
    /// Stop with the duplicates found so the operator can open the existing record.
    Refuse,
    /// The operator confirmed: families share a phone, branches share an ИНН.
    Allow,
}

impl Duplicates {
    pub fn allowed(allow: bool) -> Duplicates {
        if allow {
            Duplicates::Allow
        } else {
            Duplicates::Refuse
        }
    }
}

/// Which value is already recorded elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DuplicateField {
    Phone,
    Inn,
    Plate,
    Vin,
}

/// A value the operator entered that another record already has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Duplicate {
    pub field: DuplicateField,
    /// As stored: E.164 phone, ИНН digits, canonical plate, VIN.
    pub value: String,
    pub existing: ClientRef,
    /// The existing car, for a plate or VIN.
    pub vehicle: Option<VehicleBrief>,
    /// True when saving anyway is not possible (a VIN already on record).
    pub blocking: bool,
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::validation::FieldIssue;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default()
    }

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
        match draft.validate(today()) {
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
        let client = input.validate(today())?;
        assert_eq!(client.display_name(), "Семёнов Пётр Ильич");
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
        Ok(())
    }

    fn company(short: &str, inn: &str) -> ClientDraft {
        ClientDraft {
            kind: ClientKind::Company,
            company: CompanyDraft {
                short_name: short.to_owned(),
                inn: inn.to_owned(),
                ..CompanyDraft::default()
            },
            phones: vec![phone("+7 495 123-45-67")],
            ..ClientDraft::default()
        }
    }

    #[test]
    fn checks_a_company_and_its_contacts() {
        use IssueCode::*;
        check(company("ООО «Ромашка»", "7707083893"), &[]);
        check(
            company("", "7707083894"),
            &[
                ("company.shortName", NameRequired),
                ("company.inn", InnChecksum),
            ],
        );
        // A company may be reached through its contact person only.
        let mut via_contact = company("ИП Петров", "");
        via_contact.phones.clear();
        via_contact.contacts = vec![ContactDraft {
            name: "Петров Пётр".into(),
            phone: "8 912 000-00-01".into(),
            ..ContactDraft::default()
        }];
        check(via_contact.clone(), &[]);
        via_contact.contacts[0].phone = String::new();
        via_contact.contacts.push(ContactDraft {
            position: "бухгалтер".into(),
            ..ContactDraft::default()
        });
        check(
            via_contact,
            &[("contacts.1.name", Required), ("phones", PhoneRequired)],
        );
    }

    #[test]
    fn bounds_birth_date_discount_and_tags() {
        use IssueCode::*;
        let mut input = draft("Иванов", "", &["9123456789"]);
        input.birth_date = "2030-01-01".into();
        input.discount_percent = 150;
        check(
            input.clone(),
            &[("birthDate", DateInFuture), ("discountPercent", OutOfRange)],
        );
        input.birth_date = "31.02.1990".into();
        input.discount_percent = 10;
        check(input.clone(), &[("birthDate", DateInvalid)]);
        input.birth_date = "15.04.1985".into();
        input.tags = vec!["VIP".into(), " vip ".into(), "Такси".into(), "".into()];
        input.reminder_channels = vec![
            ReminderChannel::Sms,
            ReminderChannel::Call,
            ReminderChannel::Sms,
        ];
        let valid = input.validate(today()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(valid.birth_date, NaiveDate::from_ymd_opt(1985, 4, 15));
        assert_eq!(valid.tags, ["VIP", "Такси"]);
        assert_eq!(
            valid.reminder_channels,
            [ReminderChannel::Sms, ReminderChannel::Call]
        );
    }

    #[test]
    fn first_phone_is_primary_when_none_is_marked() -> Result<(), Issues> {
        let client = draft("Иванов", "", &["9123456789", "9123456780"]).validate(today())?;
        assert!(client.phones[0].primary);
        assert!(!client.phones[1].primary);
        Ok(())
    }
}
