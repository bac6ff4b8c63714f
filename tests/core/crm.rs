//! Companies, cars, search across them, duplicates, merge, consents and history.

use chrono::Duration;
use remzona::domain::client::{
    ClientDraft, ClientKind, CompanyDraft, ContactDraft, DuplicateField, Duplicates, MatchedBy,
    PhoneInput, ReminderChannel,
};
use remzona::domain::consent::{ConsentInput, ConsentTopic};
use remzona::domain::history::HistoryKind;
use remzona::domain::validation::IssueCode;
use remzona::domain::vehicle::{Fuel, VehicleDraft};
use remzona::error::ConflictReason;
use remzona::{Clock, ErrorCode, Remzona};

use crate::clients::options;
use crate::open_shop;

fn person(surname: &str, phone: &str) -> ClientDraft {
    ClientDraft {
        surname: surname.to_owned(),
        phones: vec![PhoneInput {
            number: phone.to_owned(),
            ..PhoneInput::default()
        }],
        ..ClientDraft::default()
    }
}

fn company(short: &str, inn: &str) -> ClientDraft {
    ClientDraft {
        kind: ClientKind::Company,
        company: CompanyDraft {
            short_name: short.to_owned(),
            full_name: format!("Общество с ограниченной ответственностью {short}"),
            inn: inn.to_owned(),
            kpp: "773601001".to_owned(),
            ogrn: "1027700132195".to_owned(),
            bik: "044525225".to_owned(),
            corr_account: "30101810400000000225".to_owned(),
            ..CompanyDraft::default()
        },
        contacts: vec![ContactDraft {
            name: "Сидоров Алексей".to_owned(),
            position: "механик гаража".to_owned(),
            phone: "+7 903 111-22-33".to_owned(),
            ..ContactDraft::default()
        }],
        ..ClientDraft::default()
    }
}

fn car(plate: &str, vin: &str, make: &str, model: &str) -> VehicleDraft {
    VehicleDraft {
        plate: plate.to_owned(),
        vin: vin.to_owned(),
        make: make.to_owned(),
        model: model.to_owned(),
        year: Some(2019),
        fuel: Some(Fuel::Petrol),
        odometer_km: Some(84_000),
        ..VehicleDraft::default()
    }
}

async fn names(shop: &Remzona, query: &str) -> Vec<String> {
    shop.search_clients(query, options(50))
        .await
        .expect("search")
        .items
        .into_iter()
        .map(|c| c.display_name)
        .collect()
}

#[tokio::test]
async fn a_company_with_a_contact_and_a_car_is_found_by_plate_vin_inn_and_contact() {
    let t = open_shop().await;
    let firm = t
        .shop
        .create_client(&company("ООО «Ромашка»", "7707083893"), Duplicates::Refuse)
        .await
        .expect("company");
    assert_eq!(firm.kind, ClientKind::Company);
    assert_eq!(firm.display_name, "ООО «Ромашка»");
    assert_eq!(
        firm.contacts[0].phone.as_ref().map(|p| p.as_e164()),
        Some("+79031112233")
    );
    let mut draft = car("а 123 вс 77", "XTA219070K0123456", "LADA", "Granta");
    draft.driver_contact_id = Some(firm.contacts[0].id);
    let granta = t
        .shop
        .create_vehicle(firm.id, &draft, Duplicates::Refuse)
        .await
        .expect("car");
    assert_eq!(granta.plate.as_deref(), Some("А123ВС77"));
    assert_eq!(granta.plate_display.as_deref(), Some("А 123 ВС 77"));
    assert_eq!(
        granta.driver.as_ref().map(|d| d.name.as_str()),
        Some("Сидоров Алексей")
    );
    t.shop
        .create_client(&person("Петров", "+7 912 000-11-22"), Duplicates::Refuse)
        .await
        .expect("person");

    for query in [
        "A123BC77",
        "a123bc",
        "а 123 вс 77",
        "123вс",
        "0123456",
        "XTA219070K0123456",
        "7707083893",
        "ромашка",
        "сидоров",
        "903 111",
    ] {
        assert_eq!(
            names(&t.shop, query).await,
            ["ООО «Ромашка»"],
            "query {query:?}"
        );
    }
    let hit = &t
        .shop
        .search_clients("A123BC77", options(5))
        .await
        .expect("search")
        .items[0];
    assert_eq!(hit.matched_by, Some(MatchedBy::Plate));
    assert_eq!(hit.matched_vehicle, Some(granta.id));
    assert_eq!(hit.vehicles.len(), 1);
    assert_eq!(hit.inn, "7707083893");
}

#[tokio::test]
async fn an_exact_plate_or_phone_ranks_above_fragments_and_names() {
    let t = open_shop().await;
    let a = t
        .shop
        .create_client(&person("Аникин", "+7 916 012-34-56"), Duplicates::Refuse)
        .await
        .expect("a");
    let b = t
        .shop
        .create_client(&person("Борисов", "+7 916 000-01-23"), Duplicates::Refuse)
        .await
        .expect("b");
    t.shop
        .create_vehicle(
            a.id,
            &car("Х123ОР199", "", "Kia", "Rio"),
            Duplicates::Refuse,
        )
        .await
        .expect("car a");
    t.shop
        .create_vehicle(b.id, &car("О123ХР77", "", "Kia", "Rio"), Duplicates::Refuse)
        .await
        .expect("car b");
    // "о123хр77" is Борисов's whole plate; both plates hold "123".
    assert_eq!(names(&t.shop, "o123xp77").await, ["Борисов"]);
    assert_eq!(names(&t.shop, "123").await, ["Аникин", "Борисов"]);
    assert_eq!(names(&t.shop, "123ор").await, ["Аникин"]);
    // Last four digits of the phone: an exact tail beats a fragment.
    assert_eq!(names(&t.shop, "0123").await, ["Борисов", "Аникин"]);
}

#[tokio::test]
async fn validators_reject_bad_requisites_and_identifiers() {
    let t = open_shop().await;
    let mut bad = company("ООО «Ромашка»", "7707083894");
    bad.company.bank_account = "40702810938000000002".to_owned();
    let error = t
        .shop
        .create_client(&bad, Duplicates::Refuse)
        .await
        .expect_err("bad inn");
    let issues: Vec<(&str, IssueCode)> = error
        .issues()
        .iter()
        .map(|i| (i.field.as_str(), i.issue))
        .collect();
    assert!(
        issues.contains(&("company.inn", IssueCode::InnChecksum)),
        "{issues:?}"
    );
    let owner = t
        .shop
        .create_client(&person("Иванов", "9123456789"), Duplicates::Refuse)
        .await
        .expect("owner");
    let error = t
        .shop
        .create_vehicle(
            owner.id,
            &car("", "XTA21907OK0123456", "LADA", ""),
            Duplicates::Refuse,
        )
        .await
        .expect_err("vin with O");
    assert_eq!(error.issues()[0].issue, IssueCode::VinForbiddenLetter);
    assert_eq!(t.shop.count_vehicles().await.expect("count"), 0);
}

#[tokio::test]
async fn duplicates_of_inn_plate_and_vin_are_reported_with_the_existing_record() {
    let t = open_shop().await;
    let firm = t
        .shop
        .create_client(&company("ООО «Ромашка»", "7707083893"), Duplicates::Refuse)
        .await
        .expect("firm");
    let branch = company("Ромашка, филиал", "7707083893");
    let error = t
        .shop
        .create_client(&branch, Duplicates::Refuse)
        .await
        .expect_err("inn taken");
    assert_eq!(error.code(), ErrorCode::Duplicate);
    let fields: Vec<DuplicateField> = error.duplicates().iter().map(|d| d.field).collect();
    // The contact's phone and the ИНН are both on record.
    assert_eq!(fields, [DuplicateField::Phone, DuplicateField::Inn]);
    let branch = t
        .shop
        .create_client(&branch, Duplicates::Allow)
        .await
        .expect("confirmed branch");

    let granta = t
        .shop
        .create_vehicle(
            firm.id,
            &car("А123ВС77", "XTA219070K0123456", "LADA", "Granta"),
            Duplicates::Refuse,
        )
        .await
        .expect("car");
    let same_vin = car("", "xta219070k0123456", "LADA", "Granta");
    let error = t
        .shop
        .create_vehicle(branch.id, &same_vin, Duplicates::Allow)
        .await
        .expect_err("vin");
    let found = &error.duplicates()[0];
    assert!(found.blocking);
    assert_eq!(found.existing.id, firm.id);
    assert_eq!(found.vehicle.as_ref().map(|v| v.id), Some(granta.id));

    let same_plate = car("A123BC77", "", "Kia", "Rio");
    let error = t
        .shop
        .create_vehicle(branch.id, &same_plate, Duplicates::Refuse)
        .await
        .expect_err("plate");
    assert!(!error.duplicates()[0].blocking);
    t.shop
        .create_vehicle(branch.id, &same_plate, Duplicates::Allow)
        .await
        .expect("re-issued plate");
}

#[tokio::test]
async fn odometer_never_decreases_without_a_reason() {
    let t = open_shop().await;
    let owner = t
        .shop
        .create_client(&person("Иванов", "9123456789"), Duplicates::Refuse)
        .await
        .expect("owner");
    let granta = t
        .shop
        .create_vehicle(
            owner.id,
            &car("А123ВС77", "", "LADA", "Granta"),
            Duplicates::Refuse,
        )
        .await
        .expect("car");
    t.clock.advance(Duration::days(30));
    let error = t
        .shop
        .record_odometer(granta.id, 80_000, "")
        .await
        .expect_err("lower");
    assert_eq!(error.issues()[0].issue, IssueCode::OdometerDecreased);
    assert_eq!(error.issues()[0].max, Some(84_000));
    t.shop
        .record_odometer(granta.id, 86_500, "")
        .await
        .expect("higher");
    t.clock.advance(Duration::days(1));
    let fixed = t
        .shop
        .record_odometer(granta.id, 12_000, "заменена приборная панель")
        .await
        .expect("with reason");
    assert_eq!(fixed.odometer.as_ref().map(|o| o.km), Some(12_000));
    let details = t.shop.vehicle_details(granta.id).await.expect("details");
    let readings: Vec<u32> = details.readings.iter().map(|r| r.km).collect();
    assert_eq!(readings, [12_000, 86_500, 84_000]);
}

#[tokio::test]
async fn a_car_changes_hands_and_keeps_its_history() {
    let t = open_shop().await;
    let seller = t
        .shop
        .create_client(&person("Продавцов", "9120000001"), Duplicates::Refuse)
        .await
        .expect("seller");
    let buyer = t
        .shop
        .create_client(&person("Покупателев", "9120000002"), Duplicates::Refuse)
        .await
        .expect("buyer");
    let rio = t
        .shop
        .create_vehicle(
            seller.id,
            &car("М777ММ77", "", "Kia", "Rio"),
            Duplicates::Refuse,
        )
        .await
        .expect("car");
    t.clock.advance(Duration::days(400));
    let moved = t
        .shop
        .transfer_vehicle(rio.id, buyer.id)
        .await
        .expect("transfer");
    assert_eq!(moved.owner.id, buyer.id);
    assert_eq!(moved.odometer.as_ref().map(|o| o.km), Some(84_000));
    let details = t.shop.vehicle_details(rio.id).await.expect("details");
    let owners: Vec<(&str, bool)> = details
        .owners
        .iter()
        .map(|o| (o.owner.display_name.as_str(), o.until.is_none()))
        .collect();
    assert_eq!(owners, [("Покупателев", true), ("Продавцов", false)]);
    assert_eq!(names(&t.shop, "м777мм").await, ["Покупателев"]);
    let seller_card = t.shop.client_card(seller.id).await.expect("card");
    assert!(seller_card.vehicles.is_empty());
    assert_eq!(seller_card.history[0].kind, HistoryKind::VehicleHandedOver);
    assert_eq!(seller_card.history[0].detail, "Покупателев");
    let error = t
        .shop
        .transfer_vehicle(rio.id, buyer.id)
        .await
        .expect_err("same owner");
    assert_eq!(error.conflict(), Some(ConflictReason::SameOwner));
}

#[tokio::test]
async fn merging_moves_cars_phones_consents_and_history_in_one_step() {
    let t = open_shop().await;
    let keep = t
        .shop
        .create_client(&person("Иванов", "9120000001"), Duplicates::Refuse)
        .await
        .expect("keep");
    let mut twin = person("Иванов", "9120000002");
    twin.name = "Иван".to_owned();
    twin.email = "ivanov@mail.ru".to_owned();
    twin.tags = vec!["VIP".to_owned()];
    let twin = t
        .shop
        .create_client(&twin, Duplicates::Refuse)
        .await
        .expect("twin");
    let car_of_twin = t
        .shop
        .create_vehicle(
            twin.id,
            &car("В555ВВ50", "", "Toyota", "Camry"),
            Duplicates::Refuse,
        )
        .await
        .expect("car");
    t.shop
        .record_consent(twin.id, &consent(ConsentTopic::PersonalData, true))
        .await
        .expect("consent");

    let merged = t.shop.merge_clients(keep.id, twin.id).await.expect("merge");
    let phones: Vec<&str> = merged.phones.iter().map(|p| p.number.as_e164()).collect();
    assert_eq!(phones, ["+79120000001", "+79120000002"]);
    assert_eq!(merged.name, "");
    assert_eq!(merged.email.as_deref(), Some("ivanov@mail.ru"));
    assert_eq!(merged.tags, ["VIP"]);
    let card = t.shop.client_card(keep.id).await.expect("card");
    assert_eq!(card.vehicles[0].id, car_of_twin.id);
    assert!(
        card.consents
            .iter()
            .any(|c| c.topic == ConsentTopic::PersonalData && c.granted)
    );
    assert_eq!(card.history[0].kind, HistoryKind::ClientMerged);
    assert!(
        card.history
            .iter()
            .any(|h| h.kind == HistoryKind::VehicleAdded)
    );
    assert_eq!(names(&t.shop, "в555вв").await, ["Иванов"]);
    assert_eq!(names(&t.shop, "9120000002").await, ["Иванов"]);
    let gone = t.shop.client(twin.id).await.expect("tombstone");
    assert_eq!(gone.merged_into, Some(keep.id));
    assert_eq!(t.shop.count_clients().await.expect("count"), 1);
    let error = t
        .shop
        .merge_clients(keep.id, keep.id)
        .await
        .expect_err("itself");
    assert_eq!(error.conflict(), Some(ConflictReason::MergeIntoItself));
    let error = t
        .shop
        .update_client(twin.id, &person("Иванов", "9120000002"), Duplicates::Allow)
        .await
        .expect_err("merged");
    assert_eq!(error.conflict(), Some(ConflictReason::MergedClient));
}

fn consent(topic: ConsentTopic, granted: bool) -> ConsentInput {
    ConsentInput {
        topic,
        granted,
        document_version: "Согласие на обработку ПДн, ред. 01.09.2025".to_owned(),
        recorded_by: "Оператор Анна".to_owned(),
        note: String::new(),
    }
}

#[tokio::test]
async fn a_channel_without_consent_is_never_allowed_and_withdrawal_is_kept() {
    let t = open_shop().await;
    let mut draft = person("Иванов", "9123456789");
    draft.reminder_channels = vec![
        ReminderChannel::Telegram,
        ReminderChannel::Sms,
        ReminderChannel::Call,
    ];
    let ivan = t
        .shop
        .create_client(&draft, Duplicates::Refuse)
        .await
        .expect("client");
    assert_eq!(
        t.shop.allowed_channels(ivan.id).await.expect("allowed"),
        [ReminderChannel::Call]
    );
    t.shop
        .record_consent(ivan.id, &consent(ConsentTopic::Sms, true))
        .await
        .expect("sms");
    // A channel consent alone is not enough without the personal-data one.
    assert_eq!(
        t.shop.allowed_channels(ivan.id).await.expect("allowed"),
        [ReminderChannel::Call]
    );
    t.shop
        .record_consent(ivan.id, &consent(ConsentTopic::PersonalData, true))
        .await
        .expect("pd");
    assert_eq!(
        t.shop.allowed_channels(ivan.id).await.expect("allowed"),
        [ReminderChannel::Sms, ReminderChannel::Call]
    );
    t.clock.advance(Duration::days(10));
    let log = t
        .shop
        .record_consent(ivan.id, &consent(ConsentTopic::Sms, false))
        .await
        .expect("withdraw");
    assert_eq!(log.len(), 3);
    assert_eq!(
        t.shop.allowed_channels(ivan.id).await.expect("allowed"),
        [ReminderChannel::Call]
    );
    let card = t.shop.client_card(ivan.id).await.expect("card");
    let sms = card
        .consents
        .iter()
        .find(|c| c.topic == ConsentTopic::Sms)
        .expect("sms state");
    assert!(!sms.granted);
    assert_eq!(
        sms.latest.as_ref().map(|r| r.recorded_at),
        Some(t.clock.now())
    );
    assert_eq!(card.history[0].kind, HistoryKind::ConsentWithdrawn);

    let mut missing = consent(ConsentTopic::PersonalData, true);
    missing.document_version = String::new();
    let error = t
        .shop
        .record_consent(ivan.id, &missing)
        .await
        .expect_err("no version");
    assert_eq!(error.issues()[0].field, "documentVersion");
}

#[tokio::test]
async fn archived_clients_leave_the_list_but_keep_everything() {
    let t = open_shop().await;
    let ivan = t
        .shop
        .create_client(&person("Иванов", "9123456789"), Duplicates::Refuse)
        .await
        .expect("client");
    t.shop.archive_client(ivan.id, true).await.expect("archive");
    assert!(names(&t.shop, "иванов").await.is_empty());
    assert!(names(&t.shop, "").await.is_empty());
    let all = t
        .shop
        .search_clients(
            "иванов",
            remzona::clients::SearchOptions {
                limit: 10,
                include_archived: true,
            },
        )
        .await
        .expect("search");
    assert!(all.items[0].archived);
    let back = t
        .shop
        .archive_client(ivan.id, false)
        .await
        .expect("restore");
    assert!(back.archived_at.is_none());
    assert_eq!(names(&t.shop, "иванов").await, ["Иванов"]);
}

#[tokio::test]
async fn lead_sources_are_an_editable_list() {
    let t = open_shop().await;
    let sources = t.shop.lead_sources(false).await.expect("list");
    let names: Vec<&str> = sources.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names[..3],
        ["Рекомендация", "Повторный визит", "Яндекс Карты"]
    );
    let radio = t.shop.add_lead_source("  Радио  ").await.expect("add");
    assert_eq!(radio.name, "Радио");
    let mut draft = person("Иванов", "9123456789");
    draft.lead_source_id = Some(radio.id);
    let ivan = t
        .shop
        .create_client(&draft, Duplicates::Refuse)
        .await
        .expect("client");
    t.shop
        .archive_lead_source(radio.id, true)
        .await
        .expect("archive");
    assert!(
        !t.shop
            .lead_sources(false)
            .await
            .expect("list")
            .iter()
            .any(|s| s.id == radio.id)
    );
    // The client keeps the source it had.
    let source = t
        .shop
        .client(ivan.id)
        .await
        .expect("client")
        .lead_source
        .expect("source");
    assert_eq!((source.name.as_str(), source.archived), ("Радио", true));
    let error = t.shop.add_lead_source(" ").await.expect_err("empty");
    assert_eq!(error.code(), ErrorCode::Validation);
    let error = t
        .shop
        .rename_lead_source(radio.id, "Авито")
        .await
        .expect_err("taken");
    assert_eq!(error.issues()[0].issue, IssueCode::Repeated);
}

#[tokio::test]
async fn consent_records_cannot_be_changed_or_erased_even_by_sql() {
    let t = open_shop().await;
    let ivan = t
        .shop
        .create_client(&person("Иванов", "9123456789"), Duplicates::Refuse)
        .await
        .expect("client");
    t.shop
        .record_consent(ivan.id, &consent(ConsentTopic::Sms, true))
        .await
        .expect("sms");
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", t.shop.db().path().display()))
        .await
        .expect("raw pool");
    assert!(
        sqlx::query("DELETE FROM consents")
            .execute(&pool)
            .await
            .is_err()
    );
    assert!(
        sqlx::query("UPDATE consents SET granted = 0")
            .execute(&pool)
            .await
            .is_err()
    );
}

#[tokio::test]
async fn only_a_north_american_vin_is_held_to_its_check_digit() {
    let t = open_shop().await;
    let owner = t
        .shop
        .create_client(&person("Иванов", "9123456789"), Duplicates::Refuse)
        .await
        .expect("owner");
    let add = |vin: &'static str| {
        let shop = t.shop.clone();
        async move {
            shop.create_vehicle(owner.id, &car("", vin, "", ""), Duplicates::Refuse)
                .await
                .expect("car")
                .vin_check_warning
        }
    };
    assert!(!add("1M8GDM9AXKP042788").await, "a valid check digit");
    assert!(
        add("1M8GDM9A1KP042788").await,
        "a misread North-American VIN"
    );
    // A LADA's 9th character is the factory's own: no hint.
    assert!(!add("XTA219070K0123456").await);
}

#[tokio::test]
async fn a_patronymic_narrows_a_search_but_a_surname_does_not_pull_in_patronymics() {
    let t = open_shop().await;
    let mut ivanov = person("Иванов", "9120000001");
    ivanov.name = "Пётр".into();
    ivanov.patronymic = "Сергеевич".into();
    let mut son = person("Петров", "9120000002");
    son.name = "Сергей".into();
    son.patronymic = "Иванович".into();
    for draft in [&ivanov, &son] {
        t.shop
            .create_client(draft, Duplicates::Refuse)
            .await
            .expect("client");
    }
    // «Иванов» is a surname here, not the start of Петров's patronymic.
    assert_eq!(names(&t.shop, "иванов").await, ["Иванов Пётр Сергеевич"]);
    assert_eq!(
        names(&t.shop, "петр сергеевич").await,
        ["Иванов Пётр Сергеевич"]
    );
    assert_eq!(
        names(&t.shop, "Петров Сергей Иванович").await,
        ["Петров Сергей Иванович"]
    );
    assert_eq!(
        names(&t.shop, "сергей иван").await,
        ["Петров Сергей Иванович"]
    );
}
