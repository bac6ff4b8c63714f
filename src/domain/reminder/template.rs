//! Reminder texts with placeholders, one template per channel: `{client}, ждём
//! вас {date} в {time}`. A template is checked when it is saved, so an operator
//! sees `{clent}` at once instead of a client receiving it; the message is
//! rendered from the visit's values when it is queued.
//!
//! Operators type placeholders by hand, so a name is found whatever its case
//! and with spaces around it (`{ Client }`); `{{` and `}}` stand for braces.
//! A value may be empty (no mechanic assigned yet): the renderer then tidies
//! the punctuation and the lines that the missing value leaves behind.

use std::fmt;

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

use crate::domain::client::ReminderChannel;
use crate::domain::validation::{IssueCode, Issues};

pub const MAX_TEXT: usize = 2000;
pub const MAX_SUBJECT: usize = 200;

/// «30 ноября»: the day of the month takes its month in the genitive.
const MONTHS_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// Monday first, as `Weekday::num_days_from_monday` counts.
const WEEKDAYS: [&str; 7] = [
    "понедельник",
    "вторник",
    "среда",
    "четверг",
    "пятница",
    "суббота",
    "воскресенье",
];

/// A value a template may name, written `{name}` in the text. Serialised as
/// its name (`"client"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Placeholder {
    /// The client's name: «Иван Петров».
    Client,
    /// The visit's day and month: «30 ноября».
    Date,
    /// «понедельник».
    Weekday,
    /// «10:00».
    Time,
    /// «Kia Rio».
    Car,
    /// «А 123 ВС 77».
    Plate,
    /// «замена масла, диагностика».
    Services,
    /// The mechanic's name.
    Mechanic,
    /// The shop's name.
    Shop,
    /// The shop's address.
    Address,
    /// The shop's phone.
    Phone,
}

impl Placeholder {
    pub const ALL: [Placeholder; 11] = [
        Placeholder::Client,
        Placeholder::Date,
        Placeholder::Weekday,
        Placeholder::Time,
        Placeholder::Car,
        Placeholder::Plate,
        Placeholder::Services,
        Placeholder::Mechanic,
        Placeholder::Shop,
        Placeholder::Address,
        Placeholder::Phone,
    ];

    /// The name between the braces: `client`.
    pub fn name(self) -> &'static str {
        match self {
            Placeholder::Client => "client",
            Placeholder::Date => "date",
            Placeholder::Weekday => "weekday",
            Placeholder::Time => "time",
            Placeholder::Car => "car",
            Placeholder::Plate => "plate",
            Placeholder::Services => "services",
            Placeholder::Mechanic => "mechanic",
            Placeholder::Shop => "shop",
            Placeholder::Address => "address",
            Placeholder::Phone => "phone",
        }
    }

    /// A name as typed between the braces: any case, spaces around it.
    pub fn parse(name: &str) -> Option<Placeholder> {
        let name = name.trim();
        Placeholder::ALL
            .into_iter()
            .find(|placeholder| placeholder.name().eq_ignore_ascii_case(name))
    }
}

/// `{client}`, as it is written in a template.
impl fmt::Display for Placeholder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{{{}}}", self.name())
    }
}

/// A piece of a parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Text as it is sent, braces already unescaped.
    Text(String),
    Value(Placeholder),
}

/// A template known to be well formed; its text form is [`fmt::Display`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Template {
    parts: Vec<Part>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum TemplateProblemKind {
    /// `{clent}`: a name that is not one of [`Placeholder::ALL`].
    UnknownPlaceholder,
    /// A `{` with no `}` after it on its line.
    UnclosedBrace,
    /// A `}` that closes nothing.
    StrayBrace,
}

/// What the template editor underlines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TemplateProblem {
    pub kind: TemplateProblemKind,
    /// The text at fault as typed: `{clent}`, `{` or `}`.
    pub fragment: String,
    /// Where the fragment starts, in characters (Unicode scalar values, as
    /// `Array.from(text)` counts them, not UTF-16 units).
    pub offset: u32,
}

impl Template {
    /// Parses a template, finding every problem at once.
    pub fn parse(text: &str) -> Result<Template, Vec<TemplateProblem>> {
        let chars: Vec<char> = text.chars().collect();
        let mut parser = Parser::default();
        let mut at = 0;
        while let Some(&c) = chars.get(at) {
            at = match (c, chars.get(at + 1)) {
                ('{', Some('{')) | ('}', Some('}')) => {
                    parser.literal(c);
                    at + 2
                }
                ('{', _) => parser.placeholder(&chars, at),
                ('}', _) => {
                    parser.problem(TemplateProblemKind::StrayBrace, &chars[at..=at], at);
                    at + 1
                }
                _ => {
                    parser.literal(c);
                    at + 1
                }
            };
        }
        parser.finish()
    }

    pub fn parts(&self) -> &[Part] {
        &self.parts
    }

    /// The message for one visit, cleaned of what empty values leave behind:
    /// stray punctuation, blank lines, labels without their value.
    pub fn render(&self, values: &ReminderValues) -> String {
        let mut lines = Vec::new();
        let mut line = Line::default();
        for part in &self.parts {
            match part {
                Part::Text(text) => {
                    let mut pieces = text.split('\n');
                    line.push_text(pieces.next().unwrap_or_default());
                    for piece in pieces {
                        lines.push(std::mem::take(&mut line));
                        line.push_text(piece);
                    }
                }
                Part::Value(placeholder) => line.push_value(&values.value(*placeholder)),
            }
        }
        lines.push(line);
        join_lines(lines.into_iter().filter_map(Line::tidy))
    }
}

/// The canonical text: names in lower case, braces escaped again.
impl fmt::Display for Template {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for part in &self.parts {
            match part {
                Part::Text(text) => f.write_str(&text.replace('{', "{{").replace('}', "}}"))?,
                Part::Value(placeholder) => write!(f, "{placeholder}")?,
            }
        }
        Ok(())
    }
}

#[derive(Default)]
struct Parser {
    parts: Vec<Part>,
    problems: Vec<TemplateProblem>,
}

impl Parser {
    fn literal(&mut self, c: char) {
        match self.parts.last_mut() {
            Some(Part::Text(text)) => text.push(c),
            _ => self.parts.push(Part::Text(c.to_string())),
        }
    }

    /// Reads the placeholder whose `{` is at `open`; returns where to go on.
    /// A name ends at its line: a `{` left open must not swallow the text
    /// after it, so the rest is read as text and its own problems are found.
    fn placeholder(&mut self, chars: &[char], open: usize) -> usize {
        let end = chars[open + 1..]
            .iter()
            .position(|&c| matches!(c, '{' | '}' | '\n'))
            .map(|length| open + 1 + length);
        let Some(close) = end.filter(|&close| chars[close] == '}') else {
            self.problem(
                TemplateProblemKind::UnclosedBrace,
                &chars[open..=open],
                open,
            );
            return open + 1;
        };
        let name: String = chars[open + 1..close].iter().collect();
        match Placeholder::parse(&name) {
            Some(placeholder) => self.parts.push(Part::Value(placeholder)),
            None => self.problem(
                TemplateProblemKind::UnknownPlaceholder,
                &chars[open..=close],
                open,
            ),
        }
        close + 1
    }

    fn problem(&mut self, kind: TemplateProblemKind, fragment: &[char], at: usize) {
        self.problems.push(TemplateProblem {
            kind,
            fragment: fragment.iter().collect(),
            offset: u32::try_from(at).unwrap_or(u32::MAX),
        });
    }

    fn finish(self) -> Result<Template, Vec<TemplateProblem>> {
        if self.problems.is_empty() {
            Ok(Template { parts: self.parts })
        } else {
            Err(self.problems)
        }
    }
}

/// What the templates editor sends: the text as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TemplateDraft {
    pub channel: ReminderChannel,
    /// The e-mail's subject; ignored for the other channels.
    pub subject: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidTemplate {
    pub channel: ReminderChannel,
    /// Present for e-mail only.
    pub subject: Option<Template>,
    pub text: Template,
}

impl TemplateDraft {
    /// Checks the text (and an e-mail's subject): required, not too long, and
    /// every problem named with `unknown_value` and the fragment at fault.
    /// Whether an SMS stays within its segments depends on the values, so the
    /// editor's counter shows that instead.
    pub fn validate(&self) -> Result<ValidTemplate, Issues> {
        let mut issues = Issues::default();
        let text = issues.text("text", &self.text, MAX_TEXT);
        let text = template_field("text", &text, &mut issues);
        // A letter without a subject looks like spam to people and filters alike.
        let subject = match self.channel {
            ReminderChannel::Email => {
                let subject = issues.line("subject", &self.subject, MAX_SUBJECT);
                template_field("subject", &subject, &mut issues)
            }
            _ => None,
        };
        match text {
            Some(text) if issues.is_empty() => Ok(ValidTemplate {
                channel: self.channel,
                subject,
                text,
            }),
            _ => Err(issues),
        }
    }
}

/// Parses a cleaned, required field. The same fragment twice (`{clent}`
/// typed in two places) is one message: the editor underlines each place.
fn template_field(field: &str, text: &str, issues: &mut Issues) -> Option<Template> {
    if text.is_empty() {
        issues.add(field, IssueCode::Required);
        return None;
    }
    let problems = match Template::parse(text) {
        Ok(template) => return Some(template),
        Err(problems) => problems,
    };
    let mut reported: Vec<String> = Vec::new();
    for problem in problems {
        if !reported.contains(&problem.fragment) {
            issues.add_detail(field, IssueCode::UnknownValue, problem.fragment.clone());
            reported.push(problem.fragment);
        }
    }
    None
}

/// One visit's values. Text values come formatted (the plate as «А 123 ВС 77»);
/// an empty one is allowed and renders as nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReminderValues {
    pub client: String,
    pub date: NaiveDate,
    pub time: NaiveTime,
    pub car: String,
    pub plate: String,
    pub services: Vec<String>,
    pub mechanic: String,
    pub shop: String,
    pub address: String,
    pub phone: String,
}

impl ReminderValues {
    /// Typical values, for the editor's preview and its SMS counter.
    pub fn example() -> ReminderValues {
        ReminderValues {
            client: "Иван Петров".to_owned(),
            date: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default(),
            time: NaiveTime::from_hms_opt(10, 0, 0).unwrap_or_default(),
            car: "Kia Rio".to_owned(),
            plate: "А 123 ВС 77".to_owned(),
            services: vec!["замена масла".to_owned(), "диагностика".to_owned()],
            mechanic: "Сергей Кузнецов".to_owned(),
            shop: "Автосервис Ремзона".to_owned(),
            address: "Москва, ул. Лесная, 12".to_owned(),
            phone: "+7 495 123-45-67".to_owned(),
        }
    }

    fn value(&self, placeholder: Placeholder) -> String {
        let text = match placeholder {
            Placeholder::Client => &self.client,
            Placeholder::Date => return format_date(self.date),
            Placeholder::Weekday => return weekday(self.date).to_owned(),
            Placeholder::Time => return format!("{}:{:02}", self.time.hour(), self.time.minute()),
            Placeholder::Car => &self.car,
            Placeholder::Plate => &self.plate,
            Placeholder::Services => return self.services_list(),
            Placeholder::Mechanic => &self.mechanic,
            Placeholder::Shop => &self.shop,
            Placeholder::Address => &self.address,
            Placeholder::Phone => &self.phone,
        };
        text.trim().to_owned()
    }

    fn services_list(&self) -> String {
        let names: Vec<&str> = self
            .services
            .iter()
            .map(|name| name.trim())
            .filter(|name| !name.is_empty())
            .collect();
        names.join(", ")
    }
}

/// «30 ноября»: a reminder is about the coming days, the year goes without saying.
fn format_date(date: NaiveDate) -> String {
    format!("{} {}", date.day(), MONTHS_GENITIVE[date.month0() as usize])
}

fn weekday(date: NaiveDate) -> &'static str {
    WEEKDAYS[date.weekday().num_days_from_monday() as usize]
}

/// One line of a message being rendered, with what the tidying needs to know
/// about the values that came out empty on it.
#[derive(Default)]
struct Line {
    text: String,
    /// Some value on the line was empty.
    lost_value: bool,
    /// Nothing but punctuation followed the last empty value: the line ends
    /// where a value should have been.
    ends_without_value: bool,
}

impl Line {
    fn push_text(&mut self, text: &str) {
        self.text.push_str(text);
        if text.chars().any(char::is_alphanumeric) {
            self.ends_without_value = false;
        }
    }

    fn push_value(&mut self, value: &str) {
        self.text.push_str(value);
        let empty = value.is_empty();
        self.lost_value |= empty;
        self.ends_without_value = empty;
    }

    /// The line cleaned; `None` when an empty value leaves nothing worth
    /// sending: a blank line, or a label whose value is gone («Мастер:»).
    fn tidy(self) -> Option<String> {
        let mut text = repair(&self.text);
        if self.ends_without_value {
            text = text.trim_end_matches([',', ';', ' ']).to_owned();
        }
        let vanished = self.lost_value && text.is_empty();
        if vanished || (self.ends_without_value && is_bare_label(&text)) {
            None
        } else {
            Some(text)
        }
    }
}

/// What an empty value leaves in the text around it, and its cure. Applied
/// until nothing changes, as one fix can make another (`( , )` → `()` → ``).
const REPAIRS: [(&str, &str); 21] = [
    ("  ", " "),
    (" ,", ","),
    (" .", "."),
    (" !", "!"),
    (" ?", "?"),
    (" ;", ";"),
    (" :", ":"),
    (" )", ")"),
    ("( ", "("),
    (" »", "»"),
    ("« ", "«"),
    ("()", ""),
    ("«»", ""),
    (",,", ","),
    (",.", "."),
    (",!", "!"),
    (",?", "?"),
    (",;", ";"),
    (",:", ":"),
    (",)", ")"),
    ("(,", "("),
];

/// Cleans one line: no double spaces, no space before punctuation, no empty
/// brackets or quotes, no commas left without a neighbour. A line that now
/// starts with a comma lost its first word, so it gets a capital letter.
fn repair(line: &str) -> String {
    let mut text = line.replace('\t', " ");
    loop {
        let before = text.len();
        for (wrong, right) in REPAIRS {
            text = text.replace(wrong, right);
        }
        if text.len() == before {
            break;
        }
    }
    let trimmed = text.trim();
    let rest = trimmed.trim_start_matches([',', ';', ':', '.', '!', '?', ' ']);
    if rest.len() == trimmed.len() {
        return trimmed.to_owned();
    }
    capitalise(rest)
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// «Мастер:» or «Адрес.» after a lost value: a label, not a sentence.
fn is_bare_label(line: &str) -> bool {
    let body = line.trim_end_matches(['.', '!']);
    body.strip_suffix(':')
        .is_some_and(|label| !label.contains(['.', '!', '?', ':']))
}

/// Joins the kept lines, never two blank ones in a row nor a blank one at
/// either end, which a dropped line between paragraphs would otherwise leave.
fn join_lines(lines: impl Iterator<Item = String>) -> String {
    let mut kept: Vec<String> = Vec::new();
    for line in lines {
        let blank_again = line.is_empty() && kept.last().is_none_or(String::is_empty);
        if !blank_again {
            kept.push(line);
        }
    }
    while kept.last().is_some_and(String::is_empty) {
        kept.pop();
    }
    kept.join("\n")
}

const SMS_TEXT: &str =
    "{client}, напоминаем: {shop} ждёт вас {date} в {time} ({car} {plate}). Тел. {phone}";

const EMAIL_SUBJECT: &str = "Напоминание о записи на {date}";

const EMAIL_TEXT: &str = "Здравствуйте, {client}!

Напоминаем, что ждём вас {date} ({weekday}) в {time}.

Автомобиль: {car} {plate}
Работы: {services}
Мастер: {mechanic}
Адрес: {address}

Если планы изменились, позвоните нам, пожалуйста, по телефону {phone} — подберём другое время.

С уважением,
{shop}";

const MESSENGER_TEXT: &str = "Здравствуйте, {client}!

Напоминаем о записи: {date} ({weekday}) в {time}.
Автомобиль: {car} {plate}
Работы: {services}

Ждём вас по адресу: {address}
Если планы изменились, позвоните нам, пожалуйста: {phone}

{shop}";

/// Read aloud by a speech synthesiser: whole words, no plate to spell out.
const VOICE_TEXT: &str = "Здравствуйте, {client}! Это {shop}. Напоминаем, что ждём вас {date}, {weekday}, в {time}. Если планы изменились, пожалуйста, позвоните нам по номеру {phone}. До свидания!";

/// What the operator says when calling from the call list.
const CALL_TEXT: &str = "Здравствуйте, {client}! Это {shop}. Напоминаю о записи: {date} ({weekday}) в {time}, {car} {plate}, {services}. Вам удобно это время?";

/// The text a channel starts with until the shop writes its own.
pub fn default_template(channel: ReminderChannel) -> TemplateDraft {
    let (subject, text) = match channel {
        ReminderChannel::Sms => ("", SMS_TEXT),
        ReminderChannel::Email => (EMAIL_SUBJECT, EMAIL_TEXT),
        ReminderChannel::Telegram | ReminderChannel::Viber => ("", MESSENGER_TEXT),
        ReminderChannel::Voice => ("", VOICE_TEXT),
        ReminderChannel::Call => ("", CALL_TEXT),
    };
    TemplateDraft {
        channel,
        subject: subject.to_owned(),
        text: text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::reminder::sms::sms_length;
    use Placeholder::*;
    use TemplateProblemKind::*;

    fn problems(text: &str) -> Vec<(TemplateProblemKind, String, u32)> {
        match Template::parse(text) {
            Ok(_) => Vec::new(),
            Err(problems) => problems
                .into_iter()
                .map(|p| (p.kind, p.fragment, p.offset))
                .collect(),
        }
    }

    fn check_problems(text: &str, expected: &[(TemplateProblemKind, &str, u32)]) {
        let expected: Vec<_> = expected
            .iter()
            .map(|&(kind, fragment, offset)| (kind, fragment.to_owned(), offset))
            .collect();
        assert_eq!(problems(text), expected, "template {text:?}");
    }

    #[test]
    fn placeholders_go_by_their_names() {
        for placeholder in Placeholder::ALL {
            assert_eq!(Placeholder::parse(placeholder.name()), Some(placeholder));
            let json = serde_json::to_string(&placeholder).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", placeholder.name()));
        }
        assert_eq!(Placeholder::parse(" Client "), Some(Client));
        assert_eq!(Placeholder::parse("PLATE"), Some(Plate));
        assert_eq!(Placeholder::parse("clent"), None);
        // A Cyrillic «с» typed by mistake is not a Latin c.
        assert_eq!(Placeholder::parse("сlient"), None);
        assert_eq!(Services.to_string(), "{services}");
    }

    #[test]
    fn parses_text_placeholders_and_literal_braces() {
        let text = |s: &str| Part::Text(s.to_owned());
        let check = |source: &str, expected: &[Part]| match Template::parse(source) {
            Ok(template) => assert_eq!(template.parts(), expected, "template {source:?}"),
            Err(problems) => panic!("{source:?}: {problems:?}"),
        };
        check("", &[]);
        check(
            "{client}, ждём вас",
            &[Part::Value(Client), text(", ждём вас")],
        );
        check(
            "{ Client }{DATE}",
            &[Part::Value(Client), Part::Value(Date)],
        );
        check("{{client}}", &[text("{client}")]);
        check("a {{ b }} c", &[text("a { b } c")]);
        check("{{{time}}}", &[text("{"), Part::Value(Time), text("}")]);
        check("строка\n{ car }", &[text("строка\n"), Part::Value(Car)]);
    }

    #[test]
    fn writes_back_the_canonical_text() {
        for (source, canonical) in [
            ("{ Client }, {DATE}!", "{client}, {date}!"),
            ("{{скобки}} и {shop}", "{{скобки}} и {shop}"),
        ] {
            let template = Template::parse(source).unwrap_or_default();
            assert_eq!(template.to_string(), canonical);
            assert_eq!(Template::parse(canonical), Ok(template));
        }
    }

    #[test]
    fn finds_every_problem_with_its_place() {
        check_problems(
            "Здравствуйте, {clent}!",
            &[(UnknownPlaceholder, "{clent}", 14)],
        );
        check_problems("{}", &[(UnknownPlaceholder, "{}", 0)]);
        check_problems("ждём {client", &[(UnclosedBrace, "{", 5)]);
        check_problems("ждём вас}", &[(StrayBrace, "}", 8)]);
        check_problems("}}}", &[(StrayBrace, "}", 2)]);
        // An escaped brace and a single one: which was meant is the operator's call.
        check_problems("{{client}", &[(StrayBrace, "}", 8)]);
        // A name ends at its line, so the brace on the next line is stray.
        check_problems(
            "{client\n}",
            &[(UnclosedBrace, "{", 0), (StrayBrace, "}", 8)],
        );
        check_problems(
            "{ {date} }",
            &[(UnclosedBrace, "{", 0), (StrayBrace, "}", 9)],
        );
        check_problems(
            "{имя}, {date} {Врем} {",
            &[
                (UnknownPlaceholder, "{имя}", 0),
                (UnknownPlaceholder, "{Врем}", 14),
                (UnclosedBrace, "{", 21),
            ],
        );
    }

    fn draft(channel: ReminderChannel, subject: &str, text: &str) -> TemplateDraft {
        TemplateDraft {
            channel,
            subject: subject.to_owned(),
            text: text.to_owned(),
        }
    }

    fn check_issues(draft: TemplateDraft, expected: &[(&str, IssueCode, Option<&str>)]) {
        let found: Vec<(String, IssueCode, Option<String>)> = match draft.validate() {
            Ok(_) => Vec::new(),
            Err(issues) => issues
                .into_vec()
                .into_iter()
                .map(|issue| (issue.field, issue.issue, issue.detail))
                .collect(),
        };
        let expected: Vec<_> = expected
            .iter()
            .map(|&(field, code, detail)| (field.to_owned(), code, detail.map(str::to_owned)))
            .collect();
        assert_eq!(found, expected, "draft {draft:?}");
    }

    #[test]
    fn names_each_problem_with_its_field_and_fragment() {
        use IssueCode::*;
        use ReminderChannel::{Email, Sms, Telegram};
        check_issues(draft(Sms, "", "{client}, ждём вас {date}"), &[]);
        check_issues(draft(Sms, "", "  \n "), &[("text", Required, None)]);
        check_issues(
            draft(Sms, "", "{clent}, ждём вас {date"),
            &[
                ("text", UnknownValue, Some("{clent}")),
                ("text", UnknownValue, Some("{")),
            ],
        );
        // Typed twice, said once.
        check_issues(
            draft(Telegram, "", "{clent} и ещё раз {clent}"),
            &[("text", UnknownValue, Some("{clent}"))],
        );
        check_issues(
            draft(Sms, "", &"я".repeat(MAX_TEXT + 1)),
            &[("text", TooLong, None)],
        );
        // The subject is an e-mail's alone.
        check_issues(draft(Sms, "{что угодно", "Текст"), &[]);
        check_issues(draft(Email, " ", "Текст"), &[("subject", Required, None)]);
        check_issues(
            draft(Email, "Запись на {dat}", "Текст }"),
            &[
                ("text", UnknownValue, Some("}")),
                ("subject", UnknownValue, Some("{dat}")),
            ],
        );
        check_issues(
            draft(Email, &"я".repeat(MAX_SUBJECT + 1), "Текст"),
            &[("subject", TooLong, None)],
        );
    }

    #[test]
    fn a_valid_draft_keeps_its_templates() -> Result<(), Issues> {
        let email = draft(
            ReminderChannel::Email,
            "Запись на {date}",
            " Ждём вас {time}\n",
        )
        .validate()?;
        assert_eq!(email.channel, ReminderChannel::Email);
        assert_eq!(
            email.subject.map(|s| s.to_string()).as_deref(),
            Some("Запись на {date}")
        );
        assert_eq!(email.text.to_string(), "Ждём вас {time}");
        let sms = draft(ReminderChannel::Sms, "Тема", "{time}").validate()?;
        assert_eq!(sms.subject, None);
        Ok(())
    }

    fn render(template: &str, values: &ReminderValues) -> String {
        match Template::parse(template) {
            Ok(template) => template.render(values),
            Err(problems) => panic!("{template:?}: {problems:?}"),
        }
    }

    #[test]
    fn renders_every_placeholder() {
        let all: Vec<String> = Placeholder::ALL.iter().map(ToString::to_string).collect();
        assert_eq!(
            render(&all.join("|"), &ReminderValues::example()),
            "Иван Петров|30 ноября|понедельник|10:00|Kia Rio|А 123 ВС 77|\
             замена масла, диагностика|Сергей Кузнецов|Автосервис Ремзона|\
             Москва, ул. Лесная, 12|+7 495 123-45-67"
        );
        let early = ReminderValues {
            time: NaiveTime::from_hms_opt(9, 5, 0).unwrap_or_default(),
            ..ReminderValues::example()
        };
        assert_eq!(render("в {time}", &early), "в 9:05");
    }

    #[test]
    fn names_months_in_the_genitive() {
        let expected = [
            "1 января",
            "1 февраля",
            "1 марта",
            "1 апреля",
            "1 мая",
            "1 июня",
            "1 июля",
            "1 августа",
            "1 сентября",
            "1 октября",
            "1 ноября",
            "1 декабря",
        ];
        for (month, expected) in (1..=12).zip(expected) {
            let values = ReminderValues {
                date: NaiveDate::from_ymd_opt(2027, month, 1).unwrap_or_default(),
                ..ReminderValues::example()
            };
            assert_eq!(render("{date}", &values), expected);
        }
    }

    #[test]
    fn names_weekdays() {
        let expected = [
            "понедельник",
            "вторник",
            "среда",
            "четверг",
            "пятница",
            "суббота",
            "воскресенье",
        ];
        // 30 November 2026 is a Monday.
        for (day, expected) in (30..=36).zip(expected) {
            let date = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default()
                + chrono::Days::new(day - 1);
            let values = ReminderValues {
                date,
                ..ReminderValues::example()
            };
            assert_eq!(render("{weekday}", &values), expected, "{date}");
        }
    }

    /// The example values with `empty` ones blanked.
    fn without(empty: &[Placeholder]) -> ReminderValues {
        let mut values = ReminderValues::example();
        for placeholder in empty {
            match placeholder {
                Client => values.client.clear(),
                Car => values.car.clear(),
                Plate => values.plate.clear(),
                Services => values.services = vec![" ".to_owned(), String::new()],
                Mechanic => values.mechanic.clear(),
                Shop => values.shop.clear(),
                Address => values.address.clear(),
                Phone => values.phone.clear(),
                Date | Weekday | Time => {}
            }
        }
        values
    }

    #[test]
    fn tidies_what_empty_values_leave() {
        let check = |template: &str, empty: &[Placeholder], expected: &str| {
            assert_eq!(
                render(template, &without(empty)),
                expected,
                "{template:?} without {empty:?}"
            );
        };
        check("Тел.  {phone}", &[], "Тел. +7 495 123-45-67");
        check(
            "{client}, напоминаем: {date}.",
            &[Client],
            "Напоминаем: 30 ноября.",
        );
        check("Здравствуйте, {client}!", &[Client], "Здравствуйте!");
        check("Ждём вас ({car} {plate}).", &[Car, Plate], "Ждём вас.");
        check(
            "Ждём вас ({car} {plate}).",
            &[Car],
            "Ждём вас (А 123 ВС 77).",
        );
        check("{car} {plate}, {services}.", &[Plate, Services], "Kia Rio.");
        check(
            "{car}, {plate}, {mechanic}, {shop}",
            &[Plate, Mechanic],
            "Kia Rio, Автосервис Ремзона",
        );
        check("Сервис «{shop}» ждёт вас", &[Shop], "Сервис ждёт вас");
        check(
            "Мастер: {mechanic}\nАдрес: {address}.",
            &[Mechanic, Address],
            "",
        );
        check(
            "Мастер: {mechanic}\nАдрес: {address}",
            &[Mechanic],
            "Адрес: Москва, ул. Лесная, 12",
        );
        // A comma the text itself ends a line with stays.
        check("С уважением,\n{shop}", &[Shop], "С уважением,");
        check(
            "Абзац.\n\n{mechanic}\n\nКонец.",
            &[Mechanic],
            "Абзац.\n\nКонец.",
        );
        // A label that is part of a sentence stays; only a bare one goes.
        check(
            "Ждём вас. Мастер: {mechanic}",
            &[Mechanic],
            "Ждём вас. Мастер:",
        );
    }

    #[test]
    fn every_default_template_is_valid() {
        for channel in ReminderChannel::ALL {
            let draft = default_template(channel);
            assert_eq!(draft.channel, channel);
            if let Err(issues) = draft.validate() {
                panic!("{channel:?}: {issues}");
            }
        }
    }

    #[test]
    fn default_sms_fits_two_segments() {
        let template = Template::parse(SMS_TEXT).unwrap_or_default();
        let text = template.render(&ReminderValues::example());
        assert_eq!(
            text,
            "Иван Петров, напоминаем: Автосервис Ремзона ждёт вас 30 ноября в 10:00 \
             (Kia Rio А 123 ВС 77). Тел. +7 495 123-45-67"
        );
        assert!(sms_length(&text).segments <= 2, "{:?}", sms_length(&text));
    }

    #[test]
    fn voice_reads_whole_words() {
        let text = default_template(ReminderChannel::Voice).text;
        assert!(!text.contains("{plate}"));
        assert!(!text.to_lowercase().contains("тел."));
    }

    #[test]
    fn default_email_drops_the_lines_of_missing_values() {
        let template = Template::parse(EMAIL_TEXT).unwrap_or_default();
        let text = template.render(&without(&[Mechanic, Services]));
        assert_eq!(
            text,
            "Здравствуйте, Иван Петров!\n\
             \n\
             Напоминаем, что ждём вас 30 ноября (понедельник) в 10:00.\n\
             \n\
             Автомобиль: Kia Rio А 123 ВС 77\n\
             Адрес: Москва, ул. Лесная, 12\n\
             \n\
             Если планы изменились, позвоните нам, пожалуйста, по телефону \
             +7 495 123-45-67 — подберём другое время.\n\
             \n\
             С уважением,\n\
             Автосервис Ремзона"
        );
    }
}
