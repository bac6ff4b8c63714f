//! Importing clients with cars from files, all or nothing, and exporting them back.

use std::path::{Path, PathBuf};

use remzona::domain::client::{ClientDraft, Duplicates, PhoneInput};
use remzona::domain::validation::IssueCode;
use remzona::import::ExportFormat;

use crate::clients::options;
use crate::open_shop;

fn write_1251(dir: &Path, name: &str, text: &str) -> PathBuf {
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write file");
    path
}

const BASE: &str = "ФИО;Телефон;Гос. номер;VIN;Марка;Модель;Год выпуска;Пробег;Источник\r\n\
Семёнов Пётр Ильич;8 (912) 345-67-89;а 123 вс 77;XTA219070K0123456;LADA;Granta;2019;84 000 км;Авито\r\n\
Семёнов Пётр Ильич;89123456789;В555ВВ50;;Kia;Rio;2015;;\r\n\
ООО \"Ромашка\";+7 495 123-45-67;М777ММ77;;Toyota;Camry;2021;15000;\r\n\
Иванов Иван;+7 916 000-00-01;;;;;;;Рекомендация\r\n";

#[tokio::test]
async fn a_windows_1251_csv_imports_clients_with_their_cars_and_skips_known_ones() {
    let t = open_shop().await;
    let known = ClientDraft {
        surname: "Иванов".into(),
        phones: vec![PhoneInput {
            number: "9160000001".into(),
            ..PhoneInput::default()
        }],
        ..ClientDraft::default()
    };
    t.shop
        .create_client(&known, Duplicates::Refuse)
        .await
        .expect("known client");
    let file = write_1251(t.dir.path(), "base.csv", BASE);

    let preview = t.shop.preview_import(&file, None).await.expect("preview");
    assert_eq!(preview.encoding, "Windows-1251");
    assert_eq!(preview.rows, 4);
    assert_eq!((preview.plan.clients, preview.plan.vehicles), (2, 3));
    assert_eq!(preview.plan.duplicates.len(), 1);
    assert_eq!(preview.plan.duplicates[0].line, 5);
    assert_eq!(
        t.shop.count_clients().await.expect("count"),
        1,
        "a preview writes nothing"
    );

    let steps = std::sync::Mutex::new(Vec::new());
    let report = t
        .shop
        .run_import(&file, None, &|p| steps.lock().expect("lock").push(p.done))
        .await
        .expect("import");
    assert!(report.imported);
    assert_eq!(steps.lock().expect("lock").last(), Some(&3));
    assert_eq!(t.shop.count_clients().await.expect("count"), 3);
    assert_eq!(t.shop.count_vehicles().await.expect("count"), 3);
    let found = t
        .shop
        .search_clients("A123BC77", options(5))
        .await
        .expect("search");
    assert_eq!(found.items[0].display_name, "Семёнов Пётр Ильич");
    assert_eq!(found.items[0].vehicles.len(), 2);
    let card = t.shop.client_card(found.items[0].id).await.expect("card");
    assert_eq!(
        card.client.lead_source.as_ref().map(|s| s.name.as_str()),
        Some("Авито")
    );
    let granta = card
        .vehicles
        .iter()
        .find(|v| v.model == "Granta")
        .expect("granta");
    assert_eq!(granta.odometer.as_ref().map(|o| o.km), Some(84_000));
    let firm = t
        .shop
        .search_clients("ромашка", options(5))
        .await
        .expect("search");
    assert_eq!(firm.items.len(), 1);
}

#[tokio::test]
async fn one_bad_row_stops_the_whole_file_and_names_its_line() {
    let t = open_shop().await;
    let text = "Фамилия;Имя;Телефон;VIN\r\nПетров;Пётр;9120000001;\r\nСидоров;;12-34;\r\nКозлов;;9120000003;XTA21907OK0123456\r\n";
    let file = write_1251(t.dir.path(), "bad.csv", text);
    let report = t.shop.run_import(&file, None, &|_| {}).await.expect("ran");
    assert!(!report.imported);
    let problems: Vec<(u32, &str, IssueCode)> = report
        .plan
        .problems
        .iter()
        .map(|p| (p.line, p.column.as_str(), p.issue))
        .collect();
    assert_eq!(
        problems,
        [
            (3, "Телефон", IssueCode::PhoneInvalid),
            (4, "VIN", IssueCode::VinForbiddenLetter)
        ]
    );
    assert_eq!(t.shop.count_clients().await.expect("count"), 0);
}

#[tokio::test]
async fn an_export_imports_back_into_an_empty_shop_as_the_same_clients() {
    let t = open_shop().await;
    t.shop
        .seed_demo(remzona::demo::SeedPlan {
            clients: 40,
            seed: 5,
        })
        .await
        .expect("seed");
    let cars = t.shop.count_vehicles().await.expect("cars");
    for format in [ExportFormat::Xlsx, ExportFormat::Csv] {
        let file = t.dir.path().join(match format {
            ExportFormat::Xlsx => "all.xlsx",
            ExportFormat::Csv => "all.csv",
        });
        t.shop.export_clients(&file, format).await.expect("export");
        let other = open_shop().await;
        let report = other
            .shop
            .run_import(&file, None, &|_| {})
            .await
            .expect("import");
        assert!(report.imported, "{format:?}: {:?}", report.plan.problems);
        assert_eq!(
            other.shop.count_clients().await.expect("count"),
            40,
            "{format:?}"
        );
        assert_eq!(
            other.shop.count_vehicles().await.expect("count"),
            cars,
            "{format:?}"
        );
    }
}

#[tokio::test]
async fn an_unreadable_file_is_a_clear_error_and_changes_nothing() {
    let t = open_shop().await;
    let path = t.dir.path().join("photo.jpg");
    std::fs::write(&path, b"\xff\xd8\xff").expect("write");
    let error = t
        .shop
        .preview_import(&path, None)
        .await
        .expect_err("not a table");
    assert_eq!(error.code(), remzona::ErrorCode::Io);
    let missing = t.dir.path().join("missing.csv");
    assert!(t.shop.run_import(&missing, None, &|_| {}).await.is_err());
    assert_eq!(t.shop.count_clients().await.expect("count"), 0);
}
