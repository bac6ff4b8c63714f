use chrono::Duration;
use remzona::clients::SearchOptions;
use remzona::domain::client::{ClientDraft, DuplicateField, Duplicates, PhoneInput};
use remzona::domain::ids::ClientId;
use remzona::domain::validation::IssueCode;
use remzona::{Clock, ErrorCode};

use crate::open_shop;

pub fn options(limit: u32) -> SearchOptions {
    SearchOptions {
        limit,
        include_archived: false,
    }
}

fn draft(surname: &str, name: &str, phones: &[&str]) -> ClientDraft {
    ClientDraft {
        surname: surname.to_owned(),
        name: name.to_owned(),
        phones: phones
            .iter()
            .map(|number| PhoneInput {
                number: (*number).to_owned(),
                ..PhoneInput::default()
            })
            .collect(),
        ..ClientDraft::default()
    }
}

#[tokio::test]
async fn creates_reads_and_updates_a_client() {
    let t = open_shop().await;
    let mut input = draft(
        "Семёнов",
        "Пётр",
        &["8 (912) 345-67-89", "+7 495 123-45-67"],
    );
    input.patronymic = "Ильич".to_owned();
    input.email = "petr@mail.ru".to_owned();
    input.phones[1].label = "рабочий".to_owned();
    let created = t
        .shop
        .create_client(&input, Duplicates::Refuse)
        .await
        .expect("created");
    assert_eq!(created.display_name, "Семёнов Пётр Ильич");
    assert_eq!(created.phones[0].number.as_e164(), "+79123456789");
    assert!(created.phones[0].primary);
    assert_eq!(created.phones[1].label, "рабочий");
    assert_eq!(created.created_at, t.clock.now());

    t.clock.advance(Duration::hours(2));
    input.phones.remove(1);
    input.notes = "Просит звонить после 18:00".to_owned();
    let updated = t
        .shop
        .update_client(created.id, &input, Duplicates::Refuse)
        .await
        .expect("updated");
    assert_eq!(updated.phones.len(), 1);
    assert_eq!(updated.notes, "Просит звонить после 18:00");
    assert_eq!(updated.created_at, created.created_at);
    assert_eq!(updated.updated_at - created.updated_at, Duration::hours(2));
    assert_eq!(t.shop.client(created.id).await.expect("read back"), updated);
}

#[tokio::test]
async fn invalid_input_writes_nothing() {
    let t = open_shop().await;
    let mut bad = draft("", "", &["12-34"]);
    bad.email = "ivan@mail".to_owned();
    let error = t
        .shop
        .create_client(&bad, Duplicates::Refuse)
        .await
        .expect_err("refused");
    assert_eq!(error.code(), ErrorCode::Validation);
    let found: Vec<(&str, IssueCode)> = error
        .issues()
        .iter()
        .map(|i| (i.field.as_str(), i.issue))
        .collect();
    assert_eq!(
        found,
        [
            ("surname", IssueCode::NameRequired),
            ("phones.0.number", IssueCode::PhoneInvalid),
            ("email", IssueCode::EmailInvalid),
        ]
    );
    assert_eq!(t.shop.count_clients().await.expect("count"), 0);

    let good = t
        .shop
        .create_client(&draft("Иванов", "", &["9123456789"]), Duplicates::Refuse)
        .await
        .expect("ok");
    let error = t
        .shop
        .update_client(good.id, &draft("Иванов", "", &[]), Duplicates::Refuse)
        .await
        .expect_err("refused");
    assert_eq!(error.code(), ErrorCode::Validation);
    assert_eq!(t.shop.client(good.id).await.expect("unchanged"), good);
}

#[tokio::test]
async fn a_phone_of_another_client_is_refused_until_confirmed() {
    let t = open_shop().await;
    let ivan = t
        .shop
        .create_client(
            &draft("Иванов", "Иван", &["+7 912 345-67-89"]),
            Duplicates::Refuse,
        )
        .await
        .expect("ok");
    let wife = draft("Иванова", "Мария", &["+7 916 000-00-01", "8 912 345 67 89"]);
    let error = t
        .shop
        .create_client(&wife, Duplicates::Refuse)
        .await
        .expect_err("duplicate");
    assert_eq!(error.code(), ErrorCode::Duplicate);
    let found = error.duplicates();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].field, DuplicateField::Phone);
    assert_eq!(found[0].value, "+79123456789");
    assert_eq!(found[0].existing.id, ivan.id);
    assert_eq!(found[0].existing.display_name, "Иванов Иван");
    assert!(!found[0].blocking);
    assert_eq!(t.shop.count_clients().await.expect("count"), 1);

    let maria = t
        .shop
        .create_client(&wife, Duplicates::Allow)
        .await
        .expect("confirmed");
    assert_eq!(t.shop.count_clients().await.expect("count"), 2);
    // Saving Ivan again is not a conflict with himself, but is with Maria.
    let error = t
        .shop
        .update_client(
            ivan.id,
            &draft("Иванов", "Иван", &["89123456789"]),
            Duplicates::Refuse,
        )
        .await
        .expect_err("shared");
    assert_eq!(error.duplicates()[0].existing.id, maria.id);
}

#[tokio::test]
async fn updating_a_missing_client_says_not_found() {
    let t = open_shop().await;
    let error = t
        .shop
        .update_client(
            ClientId::new(),
            &draft("Иванов", "", &["9123456789"]),
            Duplicates::Refuse,
        )
        .await
        .expect_err("missing");
    assert_eq!(error.code(), ErrorCode::NotFound);
    assert_eq!(
        t.shop
            .client(ClientId::new())
            .await
            .expect_err("missing")
            .code(),
        ErrorCode::NotFound
    );
    assert_eq!(t.shop.count_clients().await.expect("count"), 0);
}

/// Each case: what the operator types, and the surnames expected in order.
async fn check_search(cases: &[(&str, &[&str])]) {
    let t = open_shop().await;
    let people: &[(&str, &str, &[&str], &str)] = &[
        ("Семёнов", "Пётр", &["8 912 345-67-89"], "petr@mail.ru"),
        (
            "Иванов",
            "Иван",
            &["+7 916 111-22-33", "+7 495 765-43-21"],
            "",
        ),
        ("Иванова", "Мария", &["9031234567"], "maria@yandex.ru"),
        ("Петров", "Семён", &["+375 29 123-45-67"], ""),
        ("Smith", "John", &["+7 999 000-67-89"], "JOHN@example.com"),
    ];
    for (surname, name, phones, email) in people {
        let mut input = draft(surname, name, phones);
        input.email = (*email).to_owned();
        t.shop
            .create_client(&input, Duplicates::Refuse)
            .await
            .expect("created");
    }
    for (query, expected) in cases {
        let result = t
            .shop
            .search_clients(query, options(50))
            .await
            .expect("search");
        let got: Vec<&str> = result
            .items
            .iter()
            .map(|c| c.display_name.split(' ').next().unwrap_or(""))
            .collect();
        assert_eq!(got, *expected, "query {query:?}");
        assert_eq!(result.total as usize, expected.len(), "total for {query:?}");
    }
}

#[tokio::test]
async fn search_finds_names_in_any_case_and_phones_in_any_format() {
    check_search(&[
        ("", &["Smith", "Иванов", "Иванова", "Петров", "Семёнов"]),
        ("семенов", &["Семёнов"]),
        // An exact word ranks above a word it begins.
        ("СЕМЁН", &["Петров", "Семёнов"]),
        ("иванов", &["Иванов", "Иванова"]),
        ("ИВАНОВА мария", &["Иванова"]),
        ("smith", &["Smith"]),
        ("john@", &["Smith"]),
        ("8 (912) 345", &["Семёнов"]),
        ("+7 912 345-67-89", &["Семёнов"]),
        ("4567", &["Иванова", "Петров", "Семёнов"]),
        ("6789", &["Smith", "Семёнов"]),
        ("765-43", &["Иванов"]),
        ("89031234567", &["Иванова"]),
        ("нет такого", &[]),
        ("100%", &[]),
    ])
    .await;
}

#[tokio::test]
async fn search_ranks_an_exact_phone_first_and_reports_the_total() {
    let t = open_shop().await;
    t.shop
        .create_client(&draft("Аникин", "", &["9161234567"]), Duplicates::Refuse)
        .await
        .expect("ok");
    t.shop
        .create_client(&draft("Яковлев", "", &["9123456789"]), Duplicates::Refuse)
        .await
        .expect("ok");
    let result = t
        .shop
        .search_clients("9123456789", options(10))
        .await
        .expect("search");
    assert_eq!(result.items[0].display_name, "Яковлев");
    assert_eq!(
        result.items[0].primary_phone.as_deref(),
        Some("+79123456789")
    );

    for n in 0..30 {
        t.shop
            .create_client(
                &draft(
                    &format!("Клиент{n:02}"),
                    "",
                    &[&format!("+7 900 000-00-{n:02}")],
                ),
                Duplicates::Refuse,
            )
            .await
            .expect("ok");
    }
    let page = t
        .shop
        .search_clients("клиент", options(10))
        .await
        .expect("search");
    assert_eq!(page.items.len(), 10);
    assert_eq!(page.total, 30);
    assert_eq!(page.items[0].display_name, "Клиент00");
}
