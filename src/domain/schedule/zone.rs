//! The shop's time zone. The schedule lives in local wall-clock time (a shift is
//! 09:00–18:00 whatever the season); instants are stored in UTC and converted at
//! the edge. Russia has had no daylight saving time since 2014, so a zone is one
//! fixed offset and every local time maps to exactly one instant.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, Utc};

const HOUR: i32 = 3600;

const MOSCOW: FixedOffset = match FixedOffset::east_opt(3 * HOUR) {
    Some(offset) => offset,
    None => panic!("UTC+3 is a valid offset"),
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShopZone(FixedOffset);

impl Default for ShopZone {
    fn default() -> Self {
        ShopZone::moscow()
    }
}

impl ShopZone {
    /// Europe/Moscow, the default of the shop's settings.
    pub const fn moscow() -> ShopZone {
        ShopZone(MOSCOW)
    }

    pub const fn new(offset: FixedOffset) -> ShopZone {
        ShopZone(offset)
    }

    /// East of UTC is positive: Novosibirsk is `7`.
    pub fn from_hours(hours: i32) -> Option<ShopZone> {
        FixedOffset::east_opt(hours.checked_mul(HOUR)?).map(ShopZone)
    }

    /// The offset in force for a Russian IANA zone name (the shop's setting).
    /// Instants before the 2016 regional changes may differ by an hour, which
    /// does not matter for booking the coming weeks.
    pub fn from_iana(name: &str) -> Option<ShopZone> {
        let hours = RUSSIAN_ZONES
            .iter()
            .find(|(zone, _)| *zone == name)
            .map(|(_, hours)| *hours)?;
        ShopZone::from_hours(hours)
    }

    pub fn offset(self) -> FixedOffset {
        self.0
    }

    pub fn to_local(self, instant: DateTime<Utc>) -> NaiveDateTime {
        instant.with_timezone(&self.0).naive_local()
    }

    pub fn to_utc(self, local: NaiveDateTime) -> DateTime<Utc> {
        // A fixed offset has no gaps or folds: this is a plain subtraction.
        (local - self.0).and_utc()
    }

    /// The shop's date at `now` (from the injected clock).
    pub fn today(self, now: DateTime<Utc>) -> NaiveDate {
        self.to_local(now).date()
    }
}

/// A time zone the shop can choose in Settings.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ZoneChoice {
    /// The IANA name, e.g. `Asia/Novosibirsk`.
    pub name: String,
    pub utc_offset_hours: i32,
}

/// The zones of Russia, west to east.
pub fn russian_zones() -> Vec<ZoneChoice> {
    RUSSIAN_ZONES
        .iter()
        .map(|(name, hours)| ZoneChoice {
            name: (*name).to_owned(),
            utc_offset_hours: *hours,
        })
        .collect()
}

/// Russian zones with the UTC offset they have kept since the 2016–2020 changes.
const RUSSIAN_ZONES: [(&str, i32); 27] = [
    ("Europe/Kaliningrad", 2),
    ("Europe/Moscow", 3),
    ("Europe/Kirov", 3),
    ("Europe/Volgograd", 3),
    ("Europe/Simferopol", 3),
    ("Europe/Samara", 4),
    ("Europe/Saratov", 4),
    ("Europe/Ulyanovsk", 4),
    ("Europe/Astrakhan", 4),
    ("Asia/Yekaterinburg", 5),
    ("Asia/Omsk", 6),
    ("Asia/Novosibirsk", 7),
    ("Asia/Barnaul", 7),
    ("Asia/Tomsk", 7),
    ("Asia/Novokuznetsk", 7),
    ("Asia/Krasnoyarsk", 7),
    ("Asia/Irkutsk", 8),
    ("Asia/Chita", 9),
    ("Asia/Yakutsk", 9),
    ("Asia/Khandyga", 9),
    ("Asia/Vladivostok", 10),
    ("Asia/Ust-Nera", 10),
    ("Asia/Magadan", 11),
    ("Asia/Sakhalin", 11),
    ("Asia/Srednekolymsk", 11),
    ("Asia/Kamchatka", 12),
    ("Asia/Anadyr", 12),
];

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::domain::schedule::interval::tests::at;

    fn utc(text: &str) -> DateTime<Utc> {
        Utc.from_utc_datetime(&at(text))
    }

    #[test]
    fn local_time_round_trips_with_the_same_offset_all_year() {
        let novosibirsk = ShopZone::from_hours(7).expect("UTC+7");
        let table = [
            // (zone, UTC instant, local time)
            (ShopZone::moscow(), "2027-01-15 06:00", "2027-01-15 09:00"),
            (ShopZone::moscow(), "2027-07-15 06:00", "2027-07-15 09:00"),
            (ShopZone::moscow(), "2026-12-31 22:30", "2027-01-01 01:30"),
            (novosibirsk, "2027-01-15 02:00", "2027-01-15 09:00"),
            (novosibirsk, "2027-07-15 02:00", "2027-07-15 09:00"),
            (novosibirsk, "2026-11-30 20:00", "2026-12-01 03:00"),
        ];
        for (zone, instant, local) in table {
            assert_eq!(zone.to_local(utc(instant)), at(local), "{zone:?} {instant}");
            assert_eq!(zone.to_utc(at(local)), utc(instant), "{zone:?} {local}");
        }
        assert_eq!(
            novosibirsk.today(utc("2026-11-30 20:00")),
            NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date")
        );
    }

    #[test]
    fn zones_by_iana_name() {
        let table = [
            ("Europe/Moscow", Some(3)),
            ("Europe/Kaliningrad", Some(2)),
            ("Asia/Novosibirsk", Some(7)),
            ("Asia/Kamchatka", Some(12)),
            ("Europe/Berlin", None),
        ];
        for (name, hours) in table {
            assert_eq!(
                ShopZone::from_iana(name),
                hours.and_then(ShopZone::from_hours),
                "{name}"
            );
        }
        assert_eq!(ShopZone::default(), ShopZone::moscow());
        assert_eq!(ShopZone::from_hours(30), None);
    }
}
