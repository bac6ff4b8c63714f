//! The length of an SMS as the network counts it, for the editor's counter
//! («134 символа, 2 SMS») and for the cost of a reminder.
//!
//! A text that fits the GSM 03.38 alphabet goes in 7-bit units (septets), 160
//! to a message; one character outside it (any Cyrillic letter) switches the
//! whole text to UCS-2, 70 UTF-16 units to a message. A longer text is split
//! into parts that each lose room to the header that joins them: 153 septets
//! or 67 units per part.

use serde::Serialize;

/// The GSM 03.38 default alphabet in code order, 0x00 to 0x7F. Position 0x1B
/// is the escape to the extension table, not a character: [`ESCAPE`] marks it.
const GSM_BASIC: &str = concat!(
    "@£$¥èéùìòÇ\nØø\rÅå",
    "Δ_ΦΓΛΩΠΨΣΘΞ\u{1b}ÆæßÉ",
    " !\"#¤%&'()*+,-./",
    "0123456789:;<=>?",
    "¡ABCDEFGHIJKLMNO",
    "PQRSTUVWXYZÄÖÑÜ§",
    "¿abcdefghijklmno",
    "pqrstuvwxyzäöñüà",
);

const ESCAPE: char = '\u{1b}';

/// The extension table: each is sent as the escape plus a code, two septets.
/// The form feed is in the standard too, as a page break.
const GSM_EXTENSION: &str = "\u{0c}^{}\\[~]|€";

const GSM7_SINGLE: u32 = 160;
const GSM7_PART: u32 = 153;
const UCS2_SINGLE: u32 = 70;
const UCS2_PART: u32 = 67;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum SmsEncoding {
    Gsm7,
    Ucs2,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SmsLength {
    pub encoding: SmsEncoding,
    /// Characters as the network counts them: GSM-7 septets (an extension
    /// character such as `€` counts 2) or UTF-16 units (an emoji counts 2).
    pub units: u32,
    /// How many messages are sent and paid for; 0 for an empty text.
    pub segments: u32,
    /// The room of one message: 160 or 70 alone, 153 or 67 as a part.
    pub per_segment: u32,
    /// What is still free in the last message before another one starts.
    pub left_in_segment: u32,
}

/// Counts `text` as it will be sent.
pub fn sms_length(text: &str) -> SmsLength {
    let encoding = encoding_of(text);
    let widths: Vec<u32> = text.chars().map(|c| width(c, encoding)).collect();
    let units = widths.iter().sum();
    let (single, part) = match encoding {
        SmsEncoding::Gsm7 => (GSM7_SINGLE, GSM7_PART),
        SmsEncoding::Ucs2 => (UCS2_SINGLE, UCS2_PART),
    };
    let (segments, per_segment, used_in_last) = if units <= single {
        (u32::from(units > 0), single, units)
    } else {
        let (segments, used_in_last) = pack(&widths, part);
        (segments, part, used_in_last)
    };
    SmsLength {
        encoding,
        units,
        segments,
        per_segment,
        left_in_segment: per_segment - used_in_last,
    }
}

fn encoding_of(text: &str) -> SmsEncoding {
    if text.chars().all(|c| in_basic(c) || in_extension(c)) {
        SmsEncoding::Gsm7
    } else {
        SmsEncoding::Ucs2
    }
}

fn width(c: char, encoding: SmsEncoding) -> u32 {
    match encoding {
        SmsEncoding::Gsm7 if in_extension(c) => 2,
        SmsEncoding::Gsm7 => 1,
        // At most 2, so the cast cannot truncate.
        SmsEncoding::Ucs2 => c.len_utf16() as u32,
    }
}

/// Fills parts of `room` units character by character: phones never split an
/// escape sequence or a surrogate pair between two parts, so such a character
/// moves whole to the next part and leaves a unit unused.
fn pack(widths: &[u32], room: u32) -> (u32, u32) {
    let mut segments = 1;
    let mut used = 0;
    for &width in widths {
        if used + width > room {
            segments += 1;
            used = 0;
        }
        used += width;
    }
    (segments, used)
}

fn in_basic(c: char) -> bool {
    c != ESCAPE && GSM_BASIC.contains(c)
}

fn in_extension(c: char) -> bool {
    GSM_EXTENSION.contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use SmsEncoding::*;

    fn check(text: &str, encoding: SmsEncoding, units: u32, segments: u32, left: u32) {
        let length = sms_length(text);
        assert_eq!(
            (
                length.encoding,
                length.units,
                length.segments,
                length.left_in_segment
            ),
            (encoding, units, segments, left),
            "text of {} chars: {:.20}…",
            text.chars().count(),
            text
        );
    }

    #[test]
    fn the_tables_are_the_standard_ones() {
        assert_eq!(GSM_BASIC.chars().count(), 128);
        assert_eq!(GSM_BASIC.chars().nth(0x1b), Some(ESCAPE));
        assert_eq!(GSM_BASIC.chars().nth(0x40), Some('¡'));
        assert_eq!(GSM_BASIC.chars().nth(0x7f), Some('à'));
        assert_eq!(GSM_EXTENSION.chars().count(), 10);
    }

    #[test]
    fn counts_latin_in_gsm7() {
        let latin = |n: usize| "a".repeat(n);
        check("", Gsm7, 0, 0, 160);
        check("Hello", Gsm7, 5, 1, 155);
        check(&latin(160), Gsm7, 160, 1, 0);
        check(&latin(161), Gsm7, 161, 2, 145);
        check(&latin(306), Gsm7, 306, 2, 0);
        check(&latin(307), Gsm7, 307, 3, 152);
        check("@£$¥ èéùìò ÄÖÑÜ§ ¿¡ ΔΦΓΛΩΠΨΣΘΞ\r\n", Gsm7, 32, 1, 128);
    }

    #[test]
    fn counts_cyrillic_in_ucs2() {
        let cyrillic = |n: usize| "ж".repeat(n);
        check(&cyrillic(70), Ucs2, 70, 1, 0);
        check(&cyrillic(71), Ucs2, 71, 2, 63);
        check(&cyrillic(134), Ucs2, 134, 2, 0);
        check(&cyrillic(135), Ucs2, 135, 3, 66);
        // One Cyrillic letter switches a Latin text.
        check(&format!("{}я", "a".repeat(69)), Ucs2, 70, 1, 0);
    }

    #[test]
    fn extension_characters_count_two() {
        check("€", Gsm7, 2, 1, 158);
        check("[{}]\\^~|", Gsm7, 16, 1, 144);
        check(&"€".repeat(80), Gsm7, 160, 1, 0);
        // A euro at septets 153 and 154: the escape and its code go to part two.
        check(
            &format!("{}€{}", "a".repeat(152), "a".repeat(7)),
            Gsm7,
            161,
            2,
            144,
        );
    }

    #[test]
    fn an_emoji_forces_ucs2_and_counts_two() {
        check("OK 👍", Ucs2, 5, 1, 65);
        check(&"😀".repeat(35), Ucs2, 70, 1, 0);
        // An emoji at units 67 and 68: the surrogate pair moves whole to part two.
        check(&format!("{}😀жжж", "ж".repeat(66)), Ucs2, 71, 2, 62);
        // Characters missing from GSM 03.38 though they look Latin.
        check("naïve", Ucs2, 5, 1, 65);
        check("`", Ucs2, 1, 1, 69);
    }
}
