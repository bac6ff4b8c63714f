//! Realistic demo data for trying the app and for benchmarks: Russian names,
//! mobile and landline numbers, e-mails and the notes a desk really writes.
//! Deterministic: the same seed gives the same shop.

use crate::Remzona;
use crate::db::clients as store;
use crate::domain::client::{ClientDraft, PhoneInput};
use crate::domain::ids::ClientId;
use crate::error::Result;

const MALE_SURNAMES: &[&str] = &[
    "Иванов",
    "Смирнов",
    "Кузнецов",
    "Попов",
    "Васильев",
    "Петров",
    "Соколов",
    "Михайлов",
    "Новиков",
    "Фёдоров",
    "Морозов",
    "Волков",
    "Алексеев",
    "Лебедев",
    "Семёнов",
    "Егоров",
    "Павлов",
    "Козлов",
    "Степанов",
    "Николаев",
    "Орлов",
    "Андреев",
    "Макаров",
    "Никитин",
    "Захаров",
    "Зайцев",
    "Соловьёв",
    "Борисов",
    "Яковлев",
    "Григорьев",
    "Романов",
    "Воробьёв",
];
const MALE_NAMES: &[&str] = &[
    "Александр",
    "Сергей",
    "Дмитрий",
    "Андрей",
    "Алексей",
    "Максим",
    "Евгений",
    "Иван",
    "Михаил",
    "Артём",
    "Николай",
    "Владимир",
    "Павел",
    "Олег",
    "Игорь",
    "Роман",
    "Денис",
    "Юрий",
    "Виктор",
    "Константин",
];
const FEMALE_NAMES: &[&str] = &[
    "Елена",
    "Ольга",
    "Наталья",
    "Татьяна",
    "Ирина",
    "Анна",
    "Светлана",
    "Мария",
    "Екатерина",
    "Юлия",
    "Марина",
    "Анастасия",
];
/// Fathers' names as (male patronymic, female patronymic).
const PATRONYMICS: &[(&str, &str)] = &[
    ("Александрович", "Александровна"),
    ("Сергеевич", "Сергеевна"),
    ("Дмитриевич", "Дмитриевна"),
    ("Андреевич", "Андреевна"),
    ("Алексеевич", "Алексеевна"),
    ("Иванович", "Ивановна"),
    ("Михайлович", "Михайловна"),
    ("Николаевич", "Николаевна"),
    ("Владимирович", "Владимировна"),
    ("Викторович", "Викторовна"),
    ("Петрович", "Петровна"),
    ("Юрьевич", "Юрьевна"),
];
const MOBILE_PREFIXES: &[&str] = &[
    "912", "916", "903", "905", "926", "915", "985", "999", "977", "967",
];
const EMAIL_DOMAINS: &[&str] = &[
    "mail.ru",
    "yandex.ru",
    "gmail.com",
    "bk.ru",
    "inbox.ru",
    "list.ru",
];
const NOTES: &[&str] = &[
    "",
    "",
    "",
    "Просит звонить после 18:00",
    "Постоянный клиент, скидка по карте",
    "Предпочитает оригинальные запчасти",
    "Звонить на рабочий только в крайнем случае",
    "Пришёл по рекомендации",
    "Напоминать о ТО за неделю",
];

/// A small xorshift generator: no dependency, same sequence on every machine.
struct Dice(u64);

impl Dice {
    fn roll(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.roll() % n.max(1) as u64).unwrap_or(0)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const TRANSLIT: &[(char, &str)] = &[
    ('а', "a"),
    ('б', "b"),
    ('в', "v"),
    ('г', "g"),
    ('д', "d"),
    ('е', "e"),
    ('ё', "e"),
    ('ж', "zh"),
    ('з', "z"),
    ('и', "i"),
    ('й', "y"),
    ('к', "k"),
    ('л', "l"),
    ('м', "m"),
    ('н', "n"),
    ('о', "o"),
    ('п', "p"),
    ('р', "r"),
    ('с', "s"),
    ('т', "t"),
    ('у', "u"),
    ('ф', "f"),
    ('х', "kh"),
    ('ц', "ts"),
    ('ч', "ch"),
    ('ш', "sh"),
    ('щ', "sch"),
    ('ъ', ""),
    ('ы', "y"),
    ('ь', ""),
    ('э', "e"),
    ('ю', "yu"),
    ('я', "ya"),
];

fn transliterate(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| {
            TRANSLIT
                .iter()
                .find(|(cyr, _)| *cyr == c)
                .map_or_else(|| c.to_string(), |(_, lat)| (*lat).to_owned())
        })
        .collect()
}

/// `count` client drafts; the n-th client's primary phone is unique within the set.
pub fn client_drafts(count: usize, seed: u64) -> Vec<ClientDraft> {
    let mut dice = Dice(seed.max(1));
    (0..count).map(|n| client_draft(n, &mut dice)).collect()
}

fn client_draft(n: usize, dice: &mut Dice) -> ClientDraft {
    let female = dice.below(4) == 0;
    let male_surname = dice.pick(MALE_SURNAMES);
    let (surname, name) = if female {
        (
            format!("{male_surname}а"),
            dice.pick(FEMALE_NAMES).to_owned(),
        )
    } else {
        (male_surname.to_owned(), dice.pick(MALE_NAMES).to_owned())
    };
    let (male_patronymic, female_patronymic) = PATRONYMICS[dice.below(PATRONYMICS.len())];
    let patronymic = if female {
        female_patronymic
    } else {
        male_patronymic
    };
    // A bijection on 0..10^7 (the multiplier is coprime to 10^7) gives every
    // client distinct, natural-looking digits.
    let digits = (n as u64 * 7_654_321 + 1_234_567) % 10_000_000;
    let mobile = format!(
        "8 ({}) {:03}-{:02}-{:02}",
        dice.pick(MOBILE_PREFIXES),
        digits / 10_000,
        digits / 100 % 100,
        digits % 100
    );
    let mut phones = vec![PhoneInput {
        number: mobile,
        label: "мобильный".to_owned(),
        primary: true,
    }];
    if dice.below(5) == 0 {
        phones.push(PhoneInput {
            number: format!(
                "+7 495 {:03}-{:02}-{:02}",
                dice.below(1000),
                dice.below(100),
                n % 100
            ),
            label: "рабочий".to_owned(),
            primary: false,
        });
    }
    let email = if dice.below(3) == 0 {
        String::new()
    } else {
        format!(
            "{}.{}{}@{}",
            transliterate(&name),
            transliterate(&surname),
            n,
            dice.pick(EMAIL_DOMAINS)
        )
    };
    ClientDraft {
        surname,
        name,
        patronymic: patronymic.to_owned(),
        phones,
        email,
        notes: dice.pick(NOTES).to_owned(),
    }
}

/// What `seed --demo` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeedOutcome {
    Added(usize),
    /// The shop already has clients; demo data is never mixed into real data.
    SkippedNotEmpty(i64),
}

impl Remzona {
    /// Fills an empty database with `count` demo clients, in one transaction.
    pub async fn seed_demo(&self, count: usize) -> Result<SeedOutcome> {
        let existing = self.count_clients().await?;
        if existing > 0 {
            return Ok(SeedOutcome::SkippedNotEmpty(existing));
        }
        let clients = client_drafts(count, 0x5eed_2026)
            .iter()
            .map(ClientDraft::validate)
            .collect::<Result<Vec<_>, _>>()?;
        let now = self.now();
        let mut tx = self.db().begin_write().await?;
        for client in &clients {
            store::insert(&mut tx, ClientId::new(), client, now).await?;
        }
        tx.commit().await?;
        Ok(SeedOutcome::Added(clients.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_drafts_are_valid_and_deterministic() {
        let first = client_drafts(300, 7);
        assert_eq!(first, client_drafts(300, 7));
        for draft in &first {
            assert!(draft.validate().is_ok(), "{draft:?}");
        }
        assert_eq!(transliterate("Семёнов Щукин"), "semenov schukin");
    }
}
