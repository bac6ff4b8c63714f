//! Realistic demo data for trying the app and for benchmarks: Russian names,
//! mobile and landline numbers, e-mails and the notes a desk really writes.
//! Deterministic: the same seed gives the same shop.

pub mod catalogue;
pub mod fleet;
pub mod orders;
pub mod parts;
pub mod schedule;

use crate::Remzona;
use crate::db::{clients as store, history, vehicles as cars};
use crate::demo::fleet::{Fleet, FuelSeed, VehicleSeed};
use crate::demo::schedule::SchedulePlan;
use crate::domain::client::{
    ClientDraft, ClientKind, CompanyDraft, ContactDraft, PhoneInput, ReminderChannel,
};
use crate::domain::consent::{ConsentTopic, ValidConsent};
use crate::domain::history::HistoryKind;
use crate::domain::ids::{ClientId, VehicleId};
use crate::domain::vehicle::{Fuel, VehicleDraft};
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
    "Виноградов",
    "Богданов",
    "Воронов",
    "Фролов",
    "Александров",
    "Дмитриев",
    "Королёв",
    "Гусев",
    "Киселёв",
    "Ильин",
    "Максимов",
    "Поляков",
    "Сорокин",
    "Ковалёв",
    "Белов",
    "Медведев",
    "Антонов",
    "Тарасов",
    "Жуков",
    "Баранов",
    "Филиппов",
    "Комаров",
    "Давыдов",
    "Беляев",
    "Герасимов",
    "Осипов",
    "Сидоров",
    "Матвеев",
    "Титов",
    "Марков",
    "Миронов",
    "Крылов",
    "Куликов",
    "Карпов",
    "Власов",
    "Мельников",
    "Денисов",
    "Гаврилов",
    "Тихонов",
    "Казаков",
    "Афанасьев",
    "Данилов",
    "Савельев",
    "Тимофеев",
    "Фомин",
    "Чернов",
    "Абрамов",
    "Мартынов",
    "Ефимов",
    "Федотов",
    "Щербаков",
    "Назаров",
    "Калинин",
    "Исаев",
    "Чернышёв",
    "Быков",
    "Маслов",
    "Родионов",
    "Коновалов",
    "Лазарев",
    "Воронин",
    "Климов",
    "Филатов",
    "Пономарёв",
    "Голубев",
    "Кудрявцев",
    "Прохоров",
    "Наумов",
    "Потапов",
    "Журавлёв",
    "Овчинников",
    "Трофимов",
    "Леонов",
    "Соболев",
    "Ермаков",
    "Колесников",
    "Гончаров",
    "Емельянов",
    "Никифоров",
    "Грачёв",
    "Котов",
    "Гришин",
    "Ефремов",
    "Архипов",
    "Громов",
    "Кириллов",
    "Малышев",
    "Панов",
    "Моисеев",
    "Румянцев",
    "Акимов",
    "Кондратьев",
    "Бирюков",
    "Горбунов",
    "Анисимов",
    "Ерёмин",
    "Тихомиров",
    "Галкин",
    "Лукьянов",
    "Михеев",
    "Скворцов",
    "Юдин",
    "Белоусов",
    "Нестеров",
    "Симонов",
    "Рыбаков",
    "Суханов",
    "Мухин",
    "Шубин",
    "Кузьмин",
    "Селезнёв",
    "Третьяков",
    "Зуев",
    "Блинов",
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
    "Тимофей",
    "Фёдор",
    "Григорий",
    "Василий",
    "Леонид",
    "Антон",
    "Илья",
    "Кирилл",
    "Станислав",
    "Вячеслав",
    "Глеб",
    "Егор",
    "Матвей",
    "Степан",
    "Тимур",
    "Руслан",
    "Ярослав",
    "Валерий",
    "Геннадий",
    "Борис",
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
    "Вероника",
    "Дарья",
    "Ксения",
    "Людмила",
    "Галина",
    "Алина",
    "Полина",
    "Виктория",
    "Валентина",
    "Надежда",
    "Лариса",
    "Евгения",
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
pub(crate) struct Dice(pub(crate) u64);

impl Dice {
    fn roll(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub(crate) fn below(&mut self, n: usize) -> usize {
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
        ..ClientDraft::default()
    }
}

const COMPANY_NAMES: &[&str] = &[
    "Автотранс",
    "СтройМонтаж",
    "Северный ветер",
    "ТаксиЛайн",
    "Логистик Плюс",
    "Вектор",
    "Меридиан",
    "ГрузЭкспресс",
    "Альфа-Сервис",
    "ТехноПарк",
    "Магистраль",
    "Русь-Авто",
    "Континент",
    "Форвард",
    "Энергия",
    "Сфера",
    "Прогресс",
    "Стимул",
    "Каскад",
    "Орион",
];
const COMPANY_FORMS: &[&str] = &["ООО", "ООО", "ООО", "АО", "ИП"];
const POSITIONS: &[&str] = &[
    "директор",
    "механик гаража",
    "диспетчер",
    "водитель",
    "бухгалтер",
    "завгар",
];
const INN_REGIONS: &[&str] = &["77", "50", "78", "47", "16", "66", "54", "23"];
const CONSENT_VERSION: &str = "Согласие на обработку ПДн, ред. 01.09.2025";

/// Products of a demo shop: a real parts store's assortment is a few thousand.
const DEMO_PRODUCTS: usize = 2_000;

/// How much demo data to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeedPlan {
    pub clients: usize,
    /// The same seed gives the same shop on every machine.
    pub seed: u64,
}

impl SeedPlan {
    pub const DEFAULT_SEED: u64 = 0x5eed_2026;
}

/// What `seed` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeedOutcome {
    Added {
        clients: usize,
        vehicles: usize,
    },
    /// The shop already has clients; demo data is never mixed into real data.
    SkippedNotEmpty(i64),
}

/// A demo client with the cars and consents it comes with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoClient {
    pub client: ClientDraft,
    pub vehicles: Vec<VehicleDraft>,
    pub consents: Vec<ConsentTopic>,
}

/// `count` demo clients, about one in twelve a company; persons have 0–3
/// cars, companies 2–8 (about 1.5 cars per client overall, as in a real shop).
pub fn demo_clients(count: usize, seed: u64) -> Vec<DemoClient> {
    let mut dice = Dice(seed.max(1));
    let mut fleet = Fleet::new(seed);
    let drafts = client_drafts(count, seed);
    drafts
        .into_iter()
        .enumerate()
        .map(|(n, person)| {
            let is_company = dice.below(12) == 0;
            let client = if is_company {
                company_draft(n, &mut dice)
            } else {
                person
            };
            let cars = if is_company {
                2 + dice.below(7)
            } else {
                [0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 1, 1][dice.below(20)]
            };
            let vehicles = (0..cars)
                .map(|_| vehicle_draft(fleet.next_vehicle()))
                .collect();
            let consents = consents_of(&mut dice);
            DemoClient {
                client,
                vehicles,
                consents,
            }
        })
        .collect()
}

fn company_draft(n: usize, dice: &mut Dice) -> ClientDraft {
    let form = dice.pick(COMPANY_FORMS);
    let name = dice.pick(COMPANY_NAMES);
    let entrepreneur = form == "ИП";
    let contact = client_draft(n + 5_000_000, dice);
    let short_name = if entrepreneur {
        format!("ИП {} {}", contact.surname, contact.name)
    } else {
        format!("{form} «{name}»")
    };
    let inn = demo_inn(dice, if entrepreneur { 12 } else { 10 });
    let company = CompanyDraft {
        full_name: if entrepreneur {
            format!(
                "Индивидуальный предприниматель {} {} {}",
                contact.surname, contact.name, contact.patronymic
            )
        } else {
            format!("Общество с ограниченной ответственностью «{name}»")
        },
        short_name,
        kpp: if entrepreneur {
            String::new()
        } else {
            format!("{}01001", &inn[..4])
        },
        inn,
        legal_address: format!("г. Москва, ул. Промышленная, д. {}", 1 + dice.below(120)),
        ..CompanyDraft::default()
    };
    let contacts = (0..1 + dice.below(2))
        .map(|k| {
            let person = client_draft(n + 6_000_000 + k * 1_000_000, dice);
            ContactDraft {
                id: None,
                name: format!("{} {}", person.surname, person.name),
                position: dice.pick(POSITIONS).to_owned(),
                phone: person.phones[0].number.clone(),
                email: String::new(),
            }
        })
        .collect();
    ClientDraft {
        kind: ClientKind::Company,
        company,
        phones: contact.phones,
        email: contact.email,
        contacts,
        reminder_channels: vec![ReminderChannel::Email, ReminderChannel::Call],
        ..ClientDraft::default()
    }
}

/// A ИНН with correct control digits (10 for an organisation, 12 for an entrepreneur).
fn demo_inn(dice: &mut Dice, len: usize) -> String {
    let mut digits: Vec<u32> = dice
        .pick(INN_REGIONS)
        .chars()
        .filter_map(|c| c.to_digit(10))
        .collect();
    while digits.len() < len - if len == 10 { 1 } else { 2 } {
        digits.push(dice.below(10) as u32);
    }
    let control = |digits: &[u32], weights: &[u32]| {
        digits.iter().zip(weights).map(|(d, w)| d * w).sum::<u32>() % 11 % 10
    };
    if len == 10 {
        let c = control(&digits, &[2, 4, 10, 3, 5, 9, 4, 6, 8]);
        digits.push(c);
    } else {
        let c11 = control(&digits, &[7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
        digits.push(c11);
        let c12 = control(&digits, &[3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
        digits.push(c12);
    }
    digits
        .iter()
        .map(|d| char::from_digit(*d, 10).unwrap_or('0'))
        .collect()
}

fn vehicle_draft(seed: VehicleSeed) -> VehicleDraft {
    VehicleDraft {
        vin: seed.vin,
        plate: seed.plate,
        make: seed.make,
        model: seed.model,
        year: Some(u32::from(seed.year)),
        engine_volume_cc: seed.engine_volume_cc,
        fuel: Some(match seed.fuel {
            FuelSeed::Petrol => Fuel::Petrol,
            FuelSeed::Diesel => Fuel::Diesel,
            FuelSeed::Gas => Fuel::Gas,
            FuelSeed::Hybrid => Fuel::Hybrid,
            FuelSeed::Electric => Fuel::Electric,
        }),
        colour: seed.colour,
        odometer_km: Some(seed.odometer_km),
        ..VehicleDraft::default()
    }
}

/// Most clients sign the personal-data consent and agree to SMS; some to Telegram or e-mail.
fn consents_of(dice: &mut Dice) -> Vec<ConsentTopic> {
    if dice.below(10) < 3 {
        return Vec::new();
    }
    let mut topics = vec![ConsentTopic::PersonalData, ConsentTopic::Sms];
    if dice.below(3) == 0 {
        topics.push(ConsentTopic::Telegram);
    }
    if dice.below(4) == 0 {
        topics.push(ConsentTopic::Email);
    }
    topics
}

impl Remzona {
    /// Fills an empty database with demo clients, their cars and consents, in
    /// one transaction.
    pub async fn seed_demo(&self, plan: SeedPlan) -> Result<SeedOutcome> {
        let existing = self.count_clients().await?;
        if existing > 0 {
            return Ok(SeedOutcome::SkippedNotEmpty(existing));
        }
        let today = self.today();
        let now = self.now();
        let demo = demo_clients(plan.clients, plan.seed);
        let mut tx = self.db().begin_write().await?;
        let mut vehicles = 0;
        for entry in &demo {
            let client = entry.client.validate(today)?;
            let id = ClientId::new();
            store::insert(&mut tx, id, &client, now).await?;
            history::append(&mut tx, id, now, HistoryKind::ClientCreated, None, "").await?;
            for draft in &entry.vehicles {
                let vehicle = draft.validate(today)?;
                let car = VehicleId::new();
                cars::insert(&mut tx, car, id, &vehicle, now).await?;
                history::append(&mut tx, id, now, HistoryKind::VehicleAdded, Some(car), "").await?;
                vehicles += 1;
            }
            for topic in &entry.consents {
                let consent = ValidConsent {
                    topic: *topic,
                    granted: true,
                    document_version: CONSENT_VERSION.to_owned(),
                    recorded_by: "Демо".to_owned(),
                    note: String::new(),
                };
                history::record_consent(&mut tx, id, &consent, now).await?;
            }
        }
        tx.commit().await?;
        self.seed_demo_catalogue(DEMO_PRODUCTS, plan.seed).await?;
        self.seed_schedule(SchedulePlan {
            seed: plan.seed,
            ..SchedulePlan::DEMO
        })
        .await?;
        self.seed_demo_orders(plan.seed).await?;
        Ok(SeedOutcome::Added {
            clients: demo.len(),
            vehicles,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_clients_are_valid_and_deterministic() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default();
        let shop = demo_clients(500, 3);
        assert_eq!(shop, demo_clients(500, 3));
        let companies = shop
            .iter()
            .filter(|c| c.client.kind == ClientKind::Company)
            .count();
        let cars: usize = shop.iter().map(|c| c.vehicles.len()).sum();
        assert!((20..80).contains(&companies), "{companies} companies");
        assert!((600..900).contains(&cars), "{cars} cars");
        for entry in &shop {
            assert!(entry.client.validate(today).is_ok(), "{:?}", entry.client);
            for car in &entry.vehicles {
                assert!(car.validate(today).is_ok(), "{car:?}");
            }
        }
    }

    #[test]
    fn demo_drafts_are_valid_and_deterministic() {
        let first = client_drafts(300, 7);
        assert_eq!(first, client_drafts(300, 7));
        for draft in &first {
            assert!(
                draft
                    .validate(chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default())
                    .is_ok(),
                "{draft:?}"
            );
        }
        assert_eq!(transliterate("Семёнов Щукин"), "semenov schukin");
    }
}
