//! Reading a raw e-mail as lettre writes it: unfolded headers, RFC 2047
//! encoded words (`=?utf-8?b?…?=`), multipart bodies, and quoted-printable or
//! base64 parts. Enough for tests to assert on Russian subjects and text; not
//! a general MIME parser (charsets other than UTF-8 are read as UTF-8).

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// Splits a message at the first empty line.
pub fn split(raw: &str) -> (&str, &str) {
    for separator in ["\r\n\r\n", "\n\n"] {
        if let Some(at) = raw.find(separator) {
            return (&raw[..at], &raw[at + separator.len()..]);
        }
    }
    (raw, "")
}

/// The header lines, each unfolded (continuation lines joined with a space).
pub fn headers(head: &str) -> Vec<(String, String)> {
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in head.lines() {
        let line = line.trim_end_matches('\r');
        if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = headers.last_mut() {
                value.push(' ');
                value.push_str(line.trim());
            }
        } else if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_owned(), value.trim().to_owned()));
        }
    }
    headers
}

/// A header's raw (still encoded) value, by case-insensitive name.
pub fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case(name))
        .map(|(_, value)| value.as_str())
}

/// Decodes RFC 2047 encoded words; the space between two encoded words is
/// dropped, as the RFC says.
pub fn decode_words(value: &str) -> String {
    let mut out = String::new();
    let mut last_was_word = false;
    for token in value.split_whitespace() {
        match decode_word(token) {
            Some(decoded) => {
                if !out.is_empty() && !last_was_word {
                    out.push(' ');
                }
                out.push_str(&decoded);
                last_was_word = true;
            }
            None => {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(token);
                last_was_word = false;
            }
        }
    }
    out
}

/// `=?charset?B|Q?text?=`, or `None` when the token is plain text.
fn decode_word(token: &str) -> Option<String> {
    let inner = token.strip_prefix("=?")?.strip_suffix("?=")?;
    let mut parts = inner.splitn(3, '?');
    let (_charset, encoding, text) = (parts.next()?, parts.next()?, parts.next()?);
    let bytes = match encoding {
        "B" | "b" => STANDARD.decode(text).ok()?,
        "Q" | "q" => quoted_printable(&text.replace('_', " ")),
        _ => return None,
    };
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

/// Decodes quoted-printable: soft line breaks and `=XX` escapes.
pub fn quoted_printable(text: &str) -> Vec<u8> {
    let joined = text.replace("=\r\n", "").replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let escaped = (bytes[at] == b'=')
            .then(|| bytes.get(at + 1..at + 3))
            .flatten()
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                at += 3;
            }
            None => {
                out.push(bytes[at]);
                at += 1;
            }
        }
    }
    out
}

/// A header's parameter (`boundary` of `multipart/alternative; boundary="x"`).
pub fn parameter(value: &str, name: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|part| {
        let (key, value) = part.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case(name)
            .then(|| value.trim().trim_matches('"').to_owned())
    })
}

/// The decoded text of the first part whose type starts with `mime`
/// (`text/plain`, `text/html`), searching nested multiparts; line ends become
/// `\n`.
pub fn find_part(raw: &str, mime: &str) -> Option<String> {
    let (head, body) = split(raw);
    let headers = headers(head);
    let kind = header(&headers, "content-type").unwrap_or("text/plain");
    if kind.to_ascii_lowercase().starts_with("multipart/") {
        let boundary = parameter(kind, "boundary")?;
        return parts(body, &boundary)
            .into_iter()
            .find_map(|part| find_part(part, mime));
    }
    if !kind.to_ascii_lowercase().starts_with(mime) {
        return None;
    }
    let bytes = match header(&headers, "content-transfer-encoding")
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("base64") => {
            let compact: String = body.split_whitespace().collect();
            STANDARD.decode(compact).ok()?
        }
        Some("quoted-printable") => quoted_printable(body),
        _ => body.as_bytes().to_vec(),
    };
    let text = String::from_utf8_lossy(&bytes).replace("\r\n", "\n");
    Some(text)
}

/// The parts between `--boundary` lines, up to `--boundary--`; the line
/// break before a delimiter belongs to the delimiter, as MIME says.
fn parts<'a>(body: &'a str, boundary: &str) -> Vec<&'a str> {
    let delimiter = format!("--{boundary}");
    let end = format!("--{boundary}--");
    let body = body.split(end.as_str()).next().unwrap_or(body);
    body.split(delimiter.as_str())
        .skip(1)
        .map(|part| {
            let part = part
                .strip_prefix("\r\n")
                .or_else(|| part.strip_prefix('\n'))
                .unwrap_or(part);
            let part = part.strip_suffix('\n').unwrap_or(part);
            part.strip_suffix('\r').unwrap_or(part)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoded_words() {
        let table = [
            (
                "=?utf-8?b?0J3QsNC/0L7QvNC40L3QsNC90LjQtQ==?=",
                "Напоминание",
            ),
            (
                "=?utf-8?b?0J3QsNC/0L7QvNC40L3QsNC90LjQtQ==?= =?utf-8?b?INC+INC30LDQv9C40YHQuA==?=",
                "Напоминание о записи",
            ),
            ("=?UTF-8?Q?=D0=90=D0=B2=D1=82=D0=BE_Rio?=", "Авто Rio"),
            ("plain subject", "plain subject"),
            (
                "Re: =?utf-8?b?0J3QsNC/0L7QvNC40L3QsNC90LjQtQ==?=",
                "Re: Напоминание",
            ),
        ];
        for (encoded, expected) in table {
            assert_eq!(decode_words(encoded), expected, "{encoded}");
        }
    }

    #[test]
    fn a_multipart_message() {
        let raw = "Subject: =?utf-8?b?0J3QsNC/0L7QvNC40L3QsNC90LjQtQ==?=\r\n\
            Content-Type: multipart/alternative;\r\n boundary=\"XyZ\"\r\n\r\n\
            --XyZ\r\nContent-Type: text/plain; charset=utf-8\r\n\
            Content-Transfer-Encoding: quoted-printable\r\n\r\n\
            =D0=96=D0=B4=D1=91=D0=BC =D0=B2=D0=B0=D1=81 =\r\n=D0=B7=D0=B0=D0=B2=D1=82=D1=80=D0=B0\r\n\
            --XyZ\r\nContent-Type: text/html; charset=utf-8\r\n\
            Content-Transfer-Encoding: base64\r\n\r\n\
            PHA+0JbQtNGR0Lw8L3A+\r\n\
            --XyZ--\r\n";
        let (head, _) = split(raw);
        let headers = headers(head);
        let subject = header(&headers, "subject").map(decode_words);
        assert_eq!(subject.as_deref(), Some("Напоминание"));
        assert_eq!(
            find_part(raw, "text/plain").as_deref(),
            Some("Ждём вас завтра")
        );
        assert_eq!(find_part(raw, "text/html").as_deref(), Some("<p>Ждём</p>"));
        assert_eq!(find_part(raw, "image/png"), None);
    }
}
