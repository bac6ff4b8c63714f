//! E-mail addresses: a syntax check strict enough to catch typos at the desk
//! (`ivan@mail`, `ivan mail.ru`, `ivan@@mail.ru`) and lenient about the rest.
//! Internationalised domains such as `почта.рф` are accepted.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not an e-mail address")]
pub struct EmailInvalid;

const MAX_LEN: usize = 254;
const MAX_LOCAL_LEN: usize = 64;
const MAX_LABEL_LEN: usize = 63;

impl Email {
    pub fn parse(input: &str) -> Result<Email, EmailInvalid> {
        let address = input.trim();
        if address.chars().count() > MAX_LEN {
            return Err(EmailInvalid);
        }
        let (local, domain) = address.split_once('@').ok_or(EmailInvalid)?;
        if !local_part_ok(local) || !domain_ok(domain) {
            return Err(EmailInvalid);
        }
        // Domains are case-insensitive; the local part is the mailbox owner's business.
        Ok(Email(format!("{local}@{}", domain.to_lowercase())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn local_part_ok(local: &str) -> bool {
    let allowed = |c: char| c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c);
    !local.is_empty()
        && local.chars().count() <= MAX_LOCAL_LEN
        && local.chars().all(allowed)
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
}

fn domain_ok(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    let Some(tld) = labels.last() else {
        return false;
    };
    labels.len() >= 2
        && labels.iter().all(|label| label_ok(label))
        && tld.chars().count() >= 2
        && (tld.chars().all(char::is_alphabetic) || tld.starts_with("xn--"))
}

fn label_ok(label: &str) -> bool {
    !label.is_empty()
        && label.chars().count() <= MAX_LABEL_LEN
        && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        && !label.starts_with('-')
        && !label.ends_with('-')
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Option<&str>) {
        let got = Email::parse(input).ok();
        assert_eq!(got.as_ref().map(Email::as_str), expected, "input {input:?}");
    }

    #[test]
    fn accepts_real_addresses() {
        check("ivanov@mail.ru", Some("ivanov@mail.ru"));
        check(
            "  Ivan.Petrov+cars@Yandex.RU ",
            Some("Ivan.Petrov+cars@yandex.ru"),
        );
        check("info@автосервис.рф", Some("info@автосервис.рф"));
        check("a@b.co", Some("a@b.co"));
        check("shop@xn--80aswg.xn--p1ai", Some("shop@xn--80aswg.xn--p1ai"));
    }

    #[test]
    fn rejects_typos() {
        for input in [
            "",
            "ivanov",
            "ivanov@",
            "@mail.ru",
            "ivanov@mail",
            "ivanov@@mail.ru",
            "ivanov @mail.ru",
            "ivanov@mail..ru",
            "ivanov@-mail.ru",
            ".ivanov@mail.ru",
            "iva..nov@mail.ru",
            "ivanov@mail.r",
            "ivanov@mail.ru1",
            "ivanov,petrov@mail.ru",
        ] {
            check(input, None);
        }
    }
}
