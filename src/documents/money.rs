//! Money and quantities as printed on the documents.

/// The no-break space that groups thousands. PT Sans has no thin space
/// (U+2009/U+202F), so the ordinary no-break space is the narrowest one that
/// renders, and it also keeps the wrapper from splitting a sum across lines.
pub const GROUP_SEPARATOR: char = '\u{a0}';

/// Formats kopecks the Russian way: `123450` → `"1 234,50"` (no-break space
/// between thousands, comma before the kopecks, a leading minus for refunds).
/// The currency sign is left to the caller: table columns say «₽» in the header.
pub fn format_money(kopecks: i64) -> String {
    let sign = if kopecks < 0 { "-" } else { "" };
    let abs = kopecks.unsigned_abs();
    let rubles = group_thousands(abs / 100);
    format!("{sign}{rubles},{:02}", abs % 100)
}

/// Groups the digits of `n` by three with [`GROUP_SEPARATOR`]: `1234567` →
/// `"1 234 567"`. Useful for odometer readings and quantities too.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(GROUP_SEPARATOR);
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(kopecks: i64, expected: &str) {
        assert_eq!(
            format_money(kopecks).replace(GROUP_SEPARATOR, " "),
            expected
        );
    }

    #[test]
    fn formats_money_with_groups_and_comma() {
        check(0, "0,00");
        check(5, "0,05");
        check(100, "1,00");
        check(123_450, "1 234,50");
        check(99_999_999, "999 999,99");
        check(100_000_000, "1 000 000,00");
        check(-123_450, "-1 234,50");
        check(i64::MIN, "-92 233 720 368 547 758,08");
    }

    #[test]
    fn groups_plain_numbers() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(154_300), "154\u{a0}300");
    }
}
