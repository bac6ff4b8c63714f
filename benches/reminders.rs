//! 1 000 reminders planned and dispatched to a local fake SMSC.ru over HTTP,
//! through the real adapter and a real database: `cargo bench --bench
//! reminders` prints the time of each step and checks that every message
//! reached the gateway exactly once.
//!
//! Setting up 125 mechanics and 1 000 clients with their consents is not timed.

use std::sync::Arc;
use std::time::Instant;

use chrono::{TimeZone, Utc};
use remzona::domain::client::{ClientDraft, Duplicates, PhoneInput, ReminderChannel};
use remzona::domain::consent::{ConsentInput, ConsentTopic};
use remzona::domain::ids::ServiceCategoryId;
use remzona::domain::pricelist::ServiceDraft;
use remzona::domain::reminder::gateways::SmscSettings;
use remzona::domain::schedule::appointment::AppointmentDraft;
use remzona::domain::schedule::draft::{DayTemplateDraft, PatternDraft, PatternType};
use remzona::domain::schedule::view::PatternPaint;
use remzona::domain::schedule::{Role, StaffDraft};
use remzona::reminders::dispatcher::Dispatcher;
use remzona::reminders::gateways::{SmscGateway, Timeouts};
use remzona::{FixedClock, Remzona};
use remzona_fakes::FakeGateways;

const MECHANICS: usize = 125;
/// 09:00–17:00 in hour slots: 8 visits per mechanic.
const HOURS: std::ops::Range<u32> = 9..17;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Thursday 26 November 2026, 12:00 in Moscow; the visits are on Friday.
    let clock = FixedClock::at(
        Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0)
            .single()
            .expect("instant"),
    );
    let shop = Remzona::open(&dir.path().join("bench.sqlite3"), Arc::new(clock))
        .await
        .expect("open");
    let setup = Instant::now();
    let visits = book_friday(&shop).await;
    println!(
        "set-up: {visits} visits booked in {:.1} s",
        setup.elapsed().as_secs_f64()
    );

    let fakes = FakeGateways::start().await.expect("fake gateways");
    let credentials = fakes.credentials();
    let smsc = SmscGateway::new(
        SmscSettings {
            base_url: fakes.base_url(),
            login: credentials.smsc_login.clone(),
            ..SmscSettings::default()
        },
        credentials.smsc_password.clone(),
        Timeouts::default(),
    )
    .expect("smsc adapter");
    let dispatcher = Dispatcher::new(vec![Arc::new(smsc)]);

    let started = Instant::now();
    let planned = dispatcher.plan(&shop).await.expect("plan");
    let planning = started.elapsed();
    let report = dispatcher.run_pass(&shop).await.expect("pass");
    let total = started.elapsed();
    let again = Instant::now();
    let second = dispatcher.run_pass(&shop).await.expect("second pass");
    let idle = again.elapsed();

    let counts = fakes.received_count_by_our_id();
    let duplicates = counts.values().filter(|n| **n > 1).count();
    println!(
        "planning {} reminders: {:.0} ms",
        planned.messages,
        planning.as_secs_f64() * 1e3
    );
    println!(
        "planning + sending {} reminders: {:.2} s ({:.1} ms per message)",
        report.sent,
        total.as_secs_f64(),
        total.as_secs_f64() * 1e3 / f64::from(report.sent.max(1))
    );
    println!(
        "a second pass with nothing due: {:.0} ms",
        idle.as_secs_f64() * 1e3
    );
    println!(
        "received by the gateway: {} distinct, duplicates: {duplicates}",
        counts.len()
    );
    assert_eq!(planned.messages as usize, visits);
    assert_eq!(counts.len(), visits, "every reminder reached the gateway");
    assert_eq!(duplicates, 0, "none twice");
    assert_eq!((second.planned, second.sent), (0, 0));
}

/// 125 mechanics on a full Friday, each hour another client who wants SMS.
async fn book_friday(shop: &Remzona) -> usize {
    let category = ServiceCategoryId(2);
    let service = shop
        .create_service(&ServiceDraft {
            code: "ТО".into(),
            name: "Техническое обслуживание".into(),
            category_id: Some(category),
            standard_hours: "1".into(),
            ..ServiceDraft::default()
        })
        .await
        .expect("service")
        .id;
    let mut mechanics = Vec::with_capacity(MECHANICS);
    for index in 0..MECHANICS {
        let staff = StaffDraft {
            name: format!("Мастер {index:03}"),
            roles: vec![Role::Mechanic],
            skills: vec![category],
            colour: "#1e88e5".into(),
            active: true,
        };
        mechanics.push(shop.save_staff(None, &staff).await.expect("mechanic").id);
    }
    let day = Some(DayTemplateDraft {
        start: "9:00".into(),
        end: "17:00".into(),
        breaks: Vec::new(),
    });
    shop.paint_pattern(&PatternPaint {
        employees: mechanics.clone(),
        pattern: PatternDraft {
            from: "2026-11-23".into(),
            kind: PatternType::Weekly,
            days: vec![day; 7],
        },
    })
    .await
    .expect("pattern");
    let mut booked = 0;
    for (index, mechanic) in mechanics.iter().enumerate() {
        for hour in HOURS {
            let client = client(shop, index, hour).await;
            let draft = AppointmentDraft {
                client: Some(client),
                services: vec![service],
                mechanic: Some(*mechanic),
                date: "27.11.2026".into(),
                time: format!("{hour}:00"),
                ..AppointmentDraft::default()
            };
            shop.create_appointment(&draft).await.expect("book");
            booked += 1;
        }
    }
    booked
}

async fn client(shop: &Remzona, index: usize, hour: u32) -> remzona::domain::ids::ClientId {
    let draft = ClientDraft {
        surname: format!("Клиентов{index}"),
        name: "Иван".into(),
        phones: vec![PhoneInput {
            number: format!("+7 916 {index:03}-{hour:02}-00"),
            ..PhoneInput::default()
        }],
        reminder_channels: vec![ReminderChannel::Sms],
        ..ClientDraft::default()
    };
    let id = shop
        .create_client(&draft, Duplicates::Allow)
        .await
        .expect("client")
        .id;
    for topic in [ConsentTopic::PersonalData, ConsentTopic::Sms] {
        let consent = ConsentInput {
            topic,
            granted: true,
            document_version: "ред. 2026-01".into(),
            recorded_by: "Оператор".into(),
            note: String::new(),
        };
        shop.record_consent(id, &consent).await.expect("consent");
    }
    id
}
