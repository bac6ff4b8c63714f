//! What the desk does with issued documents: the client's and the car's
//! document lists, the order an appointment became, saving and printing the
//! PDF, e-mailing it through a local SMTP server, and the intake photos kept
//! beside the database.

use remzona::domain::client::Duplicates;
use remzona::domain::order::intake::IntakeDraft;
use remzona::domain::order::snapshot::DocumentKind;
use remzona::domain::reminder::gateways::{SmtpSecurity, SmtpSettingsDraft};
use remzona::domain::reminder::queue::GatewayKind;
use remzona::domain::validation::IssueCode;
use remzona::domain::vehicle::VehicleDraft;
use remzona::error::ConflictReason;
use remzona::media::MediaKind;
use remzona::orders::{IssuedDocument, OrderView};
use remzona::reminders::secrets::{MemorySecrets, SecretStore};
use remzona::reminders::setup::{GatewaySettingsDraft, GatewaySetupDraft};
use remzona::{Error, Remzona};
use remzona_fakes::FakeSmtp;

use crate::fixtures::{desk_with, intake, issues, requisites};
use crate::schedule::{Desk, desk};

/// A walk-in of the desk's client and car, and its acceptance act issued.
async fn walk_in_with_acceptance(d: &Desk) -> (OrderView, IssuedDocument) {
    let shop = d.shop();
    let order = shop
        .take_in_walk_in(d.client, d.car, &intake())
        .await
        .expect("walk-in");
    let act = shop
        .issue_document(order.id, DocumentKind::Acceptance)
        .await
        .expect("acceptance");
    (order, act)
}

#[tokio::test]
async fn documents_show_on_the_clients_and_the_cars_cards_newest_first() {
    let d = desk_with(&requisites()).await;
    let shop = d.shop();
    let appointment = d.book("2026-11-27 10:00", d.petrov).await;
    assert_eq!(
        shop.order_of_appointment(appointment).await.expect("none"),
        None
    );
    let order = shop.take_in(appointment, &intake()).await.expect("take in");
    assert_eq!(
        shop.order_of_appointment(appointment).await.expect("order"),
        Some(order.id)
    );
    let acceptance = shop
        .issue_document(order.id, DocumentKind::Acceptance)
        .await
        .expect("acceptance");
    let again = shop
        .issue_document(order.id, DocumentKind::Acceptance)
        .await
        .expect("acceptance, version 2");
    let documents = shop.client_documents(d.client).await.expect("client's");
    let seen: Vec<_> = documents
        .iter()
        .map(|doc| (doc.id, doc.number.as_str(), doc.version))
        .collect();
    assert_eq!(
        seen,
        vec![
            (again.id, "АП-2026-000001", 2),
            (acceptance.id, "АП-2026-000001", 1)
        ]
    );
    assert_eq!(documents[0].order_number, order.number);
    assert_eq!(documents[0].vehicle, d.car);
    // The client card's section: the order, the same documents, the balance.
    let card = shop.client_orders(d.client).await.expect("card");
    assert_eq!(card.orders.len(), 1);
    assert_eq!(card.documents, documents);
    assert_eq!(
        card.balance,
        shop.client_order_balance(d.client).await.expect("balance")
    );
    // The car's list is the same documents; another car of the client has none.
    let car_docs = shop.vehicle_documents(d.car).await.expect("car's");
    assert_eq!(car_docs, documents);
    let other = shop
        .create_vehicle(
            d.client,
            &VehicleDraft {
                plate: "В456ОР77".into(),
                make: "Lada".into(),
                model: "Vesta".into(),
                ..VehicleDraft::default()
            },
            Duplicates::Refuse,
        )
        .await
        .expect("second car");
    assert!(
        shop.vehicle_documents(other.id)
            .await
            .expect("none")
            .is_empty()
    );
}

#[tokio::test]
async fn a_saved_and_a_printed_document_are_whole_pdfs_named_by_their_number() {
    let d = desk_with(&requisites()).await;
    let shop = d.shop();
    let (_, act) = walk_in_with_acceptance(&d).await;
    let target = d.s.dir.path().join("акт.pdf");
    shop.save_document(act.id, &target).await.expect("saved");
    let bytes = std::fs::read(&target).expect("file");
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(!d.s.dir.path().join("акт.pdf.partial").exists());
    let printed = shop.print_file(act.id).await.expect("print file");
    assert!(printed.ends_with("АП-2026-000001.pdf"), "{printed:?}");
    let again = std::fs::read(&printed).expect("printed");
    assert!(again.starts_with(b"%PDF-"));
    // A folder that does not exist is an I/O error, not a panic.
    let nowhere = d.s.dir.path().join("нет/такой/папки/акт.pdf");
    assert!(matches!(
        shop.save_document(act.id, &nowhere).await,
        Err(Error::Io(_))
    ));
}

async fn set_up_mail(shop: &Remzona, smtp: &FakeSmtp, secrets: &MemorySecrets) {
    shop.save_gateway(
        &GatewaySetupDraft {
            // E-mail reminders off: documents still go by e-mail.
            enabled: false,
            settings: GatewaySettingsDraft::Smtp(SmtpSettingsDraft {
                host: smtp.host(),
                port: Some(u32::from(smtp.port())),
                security: SmtpSecurity::None,
                login: String::new(),
                from_address: "service@remzona.test".into(),
                from_name: "Автосервис «Ремзона»".into(),
            }),
            secret: None,
        },
        secrets,
    )
    .await
    .expect("smtp saved");
}

#[tokio::test]
async fn a_document_goes_to_the_client_by_e_mail_with_the_pdf_attached() {
    let d = desk_with(&requisites()).await;
    let shop = d.shop();
    let secrets = MemorySecrets::default();
    let (order, act) = walk_in_with_acceptance(&d).await;
    // Without an e-mail server set up the operator is told so.
    let unset = shop.email_document(act.id, "ivan@mail.ru", &secrets).await;
    assert!(matches!(
        unset,
        Err(Error::Conflict(ConflictReason::GatewayNotConfigured))
    ));
    let smtp = FakeSmtp::start().await.expect("smtp fake");
    set_up_mail(shop, &smtp, &secrets).await;
    assert_eq!(
        issues(shop.email_document(act.id, "ivan@mail", &secrets).await),
        vec![("to".to_owned(), IssueCode::EmailInvalid)]
    );
    let sent = shop
        .email_document(act.id, " Ivan@Mail.RU ", &secrets)
        .await
        .expect("sent");
    assert!(sent.accepted, "{sent:?}");
    assert_eq!(sent.to, "Ivan@mail.ru");
    let mails = smtp.mails();
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert_eq!(mail.to, vec!["Ivan@mail.ru".to_owned()]);
    assert_eq!(
        mail.subject().as_deref(),
        Some("Акт приёма-передачи автомобиля в ремонт № АП-2026-000001 — ООО «Ремзона»")
    );
    let text = mail.text().expect("text part");
    assert!(text.contains("Во вложении"), "{text}");
    assert!(text.contains(&order.number), "{text}");
    let pdf = remzona_fakes::mail::find_part(&mail.data, "application/pdf").expect("the PDF");
    assert!(pdf.starts_with("%PDF-"));
    // The order's history says where it went.
    let history = shop.order_history(order.id).await.expect("history");
    let last = history.last().expect("an event");
    assert_eq!(last.kind, "document_emailed");
    assert!(last.detail.contains("Ivan@mail.ru"), "{}", last.detail);
    // A server that refuses: not sent, the server's words, nothing noted.
    smtp.reject_rcpt("*", 550);
    let refused = shop
        .email_document(act.id, "petr@mail.ru", &secrets)
        .await
        .expect("an answer");
    assert!(!refused.accepted);
    assert!(
        refused.error.as_deref().unwrap_or("").contains("550"),
        "{refused:?}"
    );
    assert_eq!(
        shop.order_history(order.id).await.expect("history").len(),
        history.len()
    );
}

/// A machine without a keychain: every question to it fails.
struct NoKeychain;

impl SecretStore for NoKeychain {
    fn get(&self, _: GatewayKind) -> remzona::Result<Option<String>> {
        Err(Error::Keychain("no secret service".into()))
    }
    fn set(&self, _: GatewayKind, _: &str) -> remzona::Result<()> {
        Err(Error::Keychain("no secret service".into()))
    }
    fn delete(&self, _: GatewayKind) -> remzona::Result<()> {
        Err(Error::Keychain("no secret service".into()))
    }
}

#[tokio::test]
async fn a_mail_server_without_a_login_needs_no_keychain() {
    let d = desk_with(&requisites()).await;
    let shop = d.shop();
    let smtp = FakeSmtp::start().await.expect("smtp fake");
    set_up_mail(shop, &smtp, &MemorySecrets::default()).await;
    let (_, act) = walk_in_with_acceptance(&d).await;
    let sent = shop
        .email_document(act.id, "ivan@mail.ru", &NoKeychain)
        .await
        .expect("sent without asking the keychain");
    assert!(sent.accepted, "{sent:?}");
    assert_eq!(smtp.mails().len(), 1);
}

#[tokio::test]
async fn photos_are_copied_beside_the_database_and_only_images_are_taken() {
    let d = desk().await;
    let shop = d.shop();
    let dir = d.s.dir.path();
    let photo = dir.join("IMG_0001.JPG");
    std::fs::write(&photo, b"\xFF\xD8\xFF\xE0 a jpeg").expect("photo");
    let name = shop
        .store_image(MediaKind::Photo, &photo, "photos")
        .expect("stored");
    assert!(
        name.starts_with("photos/") && name.ends_with(".jpg"),
        "{name}"
    );
    let stored = shop.media_path(&name).expect("found");
    assert!(stored.starts_with(dir.join("media")));
    assert_eq!(
        std::fs::read(&stored).expect("copy"),
        b"\xFF\xD8\xFF\xE0 a jpeg"
    );
    assert!(
        shop.media_data_url(&name)
            .expect("data url")
            .starts_with("data:image/jpeg;base64,")
    );
    // Two copies of one file are two photos.
    let second = shop
        .store_image(MediaKind::Photo, &photo, "photos")
        .expect("stored again");
    assert_ne!(second, name);
    let document = dir.join("scan.pdf");
    std::fs::write(&document, b"%PDF-1.7").expect("pdf");
    assert_eq!(
        issues(shop.store_image(MediaKind::Photo, &document, "photos")),
        vec![("photos".to_owned(), IssueCode::FileType)]
    );
    // A name from the database never reaches outside the media folder.
    for bad in [
        "../shop.sqlite3",
        "/etc/passwd",
        "",
        "photos/../../shop.sqlite3",
    ] {
        assert!(
            matches!(shop.media_path(bad), Err(Error::NotFound { .. })),
            "{bad}"
        );
    }
    // The intake keeps the stored names.
    let order = shop
        .take_in_walk_in(
            d.client,
            d.car,
            &IntakeDraft {
                photos: vec![name.clone(), second.clone()],
                ..intake()
            },
        )
        .await
        .expect("walk-in");
    assert_eq!(order.intake.photos, vec![name, second]);
}
