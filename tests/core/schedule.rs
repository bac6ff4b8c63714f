//! The schedule against a real database: shift patterns and exceptions
//! expanded over months, bookings refused when they overlap or fall outside
//! the shift, concurrent bookings of one slot, moves and statuses with their
//! history, the finder, and the desktop notices.
//!
//! The clock stands at Thursday 26 November 2026, 12:00 in Moscow.

use std::collections::BTreeSet;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use remzona::domain::client::{ClientDraft, Duplicates, PhoneInput};
use remzona::domain::ids::{AppointmentId, ClientId, ServiceCategoryId, ServiceId, VehicleId};
use remzona::domain::pricelist::ServiceDraft;
use remzona::domain::schedule::appointment::{
    AppointmentDraft, AppointmentMove, AppointmentStatus, NoticeKind,
};
use remzona::domain::schedule::draft::{
    DayTemplateDraft, ExceptionDraft, ExceptionType, PatternDraft, PatternType,
};
use remzona::domain::schedule::view::{
    ExceptionClearing, ExceptionPaint, FreeQuery, PatternPaint, SlotQuery,
};
use remzona::domain::schedule::{
    BayDraft, BayId, BookingConflict, DayKind, EmployeeId, Interval, Role, StaffDraft,
};
use remzona::domain::vehicle::VehicleDraft;
use remzona::{Error, Remzona};

use crate::{Shop, open_shop};

pub const MAINTENANCE: ServiceCategoryId = ServiceCategoryId(2);
const ELECTRICS: ServiceCategoryId = ServiceCategoryId(3);

pub fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("a test time")
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a test date")
}

fn hours(start: &str, end: &str, breaks: &[&str]) -> DayTemplateDraft {
    DayTemplateDraft {
        start: start.into(),
        end: end.into(),
        breaks: breaks.iter().map(|b| (*b).to_owned()).collect(),
    }
}

/// Monday to Friday 09:00–18:00 with lunch 13:00–14:00.
pub fn five_two(from: &str) -> PatternDraft {
    let day = Some(hours("9:00", "18:00", &["13:00–14:00"]));
    PatternDraft {
        from: from.into(),
        kind: PatternType::Weekly,
        days: vec![
            day.clone(),
            day.clone(),
            day.clone(),
            day.clone(),
            day,
            None,
            None,
        ],
    }
}

/// The shop of most tests: two mechanics on 5/2, one bay, a client with a car.
pub struct Desk {
    pub s: Shop,
    pub petrov: EmployeeId,
    pub sidorov: EmployeeId,
    pub client: ClientId,
    pub car: VehicleId,
    /// 60 minutes of maintenance: both mechanics do it.
    pub oil: ServiceId,
    /// 90 minutes that need electrics: only Sidorov.
    pub wiring: ServiceId,
}

impl Desk {
    pub fn shop(&self) -> &Remzona {
        &self.s.shop
    }

    pub fn draft(&self, start: &str, mechanic: Option<EmployeeId>) -> AppointmentDraft {
        let start = at(start);
        AppointmentDraft {
            client: Some(self.client),
            vehicle: Some(self.car),
            services: vec![self.oil],
            mechanic,
            date: start.format("%d.%m.%Y").to_string(),
            time: start.format("%H:%M").to_string(),
            ..AppointmentDraft::default()
        }
    }

    pub async fn book(&self, start: &str, mechanic: EmployeeId) -> AppointmentId {
        self.shop()
            .create_appointment(&self.draft(start, Some(mechanic)))
            .await
            .expect("book")
            .id
    }
}

pub async fn mechanic(shop: &Remzona, name: &str, skills: &[ServiceCategoryId]) -> EmployeeId {
    shop.save_staff(
        None,
        &StaffDraft {
            name: name.into(),
            roles: vec![Role::Mechanic],
            skills: skills.to_vec(),
            colour: "#1e88e5".into(),
            active: true,
        },
    )
    .await
    .expect("mechanic")
    .id
}

async fn service(
    shop: &Remzona,
    code: &str,
    category: ServiceCategoryId,
    hours: &str,
) -> ServiceId {
    shop.create_service(&ServiceDraft {
        code: code.into(),
        name: format!("Работа {code}"),
        category_id: Some(category),
        standard_hours: hours.into(),
        ..ServiceDraft::default()
    })
    .await
    .expect("service")
    .id
}

pub async fn desk() -> Desk {
    let s = open_shop().await;
    let shop = &s.shop;
    let petrov = mechanic(shop, "Петров Сергей", &[MAINTENANCE]).await;
    let sidorov = mechanic(shop, "Сидоров Алексей", &[MAINTENANCE, ELECTRICS]).await;
    shop.paint_pattern(&PatternPaint {
        employees: vec![petrov, sidorov],
        pattern: five_two("2026-11-23"),
    })
    .await
    .expect("pattern");
    let client = shop
        .create_client(
            &ClientDraft {
                surname: "Иванов".into(),
                name: "Иван".into(),
                phones: vec![PhoneInput {
                    number: "+7 916 123-45-67".into(),
                    ..PhoneInput::default()
                }],
                ..ClientDraft::default()
            },
            Duplicates::Refuse,
        )
        .await
        .expect("client")
        .id;
    let car = shop
        .create_vehicle(
            client,
            &VehicleDraft {
                plate: "А123ВС77".into(),
                make: "Kia".into(),
                model: "Rio".into(),
                ..VehicleDraft::default()
            },
            Duplicates::Refuse,
        )
        .await
        .expect("car")
        .id;
    let oil = service(shop, "ТО-1", MAINTENANCE, "1").await;
    let wiring = service(shop, "ЭЛ-1", ELECTRICS, "1,5").await;
    Desk {
        s,
        petrov,
        sidorov,
        client,
        car,
        oil,
        wiring,
    }
}

fn conflict(result: Result<impl std::fmt::Debug, Error>) -> BookingConflict {
    match result {
        Err(Error::Booking(conflict)) => conflict,
        other => panic!("expected a booking conflict, got {other:?}"),
    }
}

fn span(start: &str, end: &str) -> Interval {
    Interval::new(at(start), at(end)).expect("a span")
}

#[tokio::test]
async fn patterns_and_exceptions_expand_across_months_and_years() {
    let d = desk().await;
    let shop = d.shop();
    // Petrov goes 2/2 from Saturday 28 November: two days on, two off.
    let day = Some(hours("8:00", "20:00", &[]));
    shop.paint_pattern(&PatternPaint {
        employees: vec![d.petrov],
        pattern: PatternDraft {
            from: "28.11.2026".into(),
            kind: PatternType::Cycle,
            days: vec![day.clone(), day, None, None],
        },
    })
    .await
    .expect("2/2");
    let days = shop
        .shift_days(date("2026-12-28"), date("2027-01-05"), Some(d.petrov))
        .await
        .expect("days");
    let kinds: Vec<DayKind> = days[0].days.iter().map(|day| day.kind).collect();
    use DayKind::{Off, Working};
    // 28.11 is day 0; 28.12 is day 30 → 30 mod 4 = 2: off.
    assert_eq!(
        kinds,
        [Off, Off, Working, Working, Off, Off, Working, Working, Off]
    );
    // Russia keeps no DST: the last Sundays of March and October are ordinary days.
    for sunday in ["2027-03-28", "2027-10-31"] {
        let days = shop
            .shift_days(date(sunday), date(sunday), Some(d.sidorov))
            .await
            .expect("days");
        assert_eq!(days[0].days[0].kind, DayKind::Off, "Sunday {sunday}");
        let monday = date(sunday).succ_opt().expect("monday");
        let days = shop
            .shift_days(monday, monday, Some(d.sidorov))
            .await
            .expect("days");
        let worked: i64 = days[0].days[0]
            .intervals
            .iter()
            .map(|span| span.duration().num_minutes())
            .sum();
        assert_eq!(worked, 8 * 60, "Monday after {sunday}");
    }

    // A vacation over New Year, an extra shift inside it, then half of it cleared.
    let paint = |from: &str, to: &str, kind, hours| ExceptionPaint {
        employees: vec![d.sidorov],
        exception: ExceptionDraft {
            from: from.into(),
            to: to.into(),
            kind,
            hours,
            note: "по заявлению".into(),
        },
    };
    shop.paint_exception(&paint(
        "2026-12-28",
        "2027-01-08",
        ExceptionType::Vacation,
        None,
    ))
    .await
    .expect("vacation");
    shop.paint_exception(&paint(
        "2027-01-02",
        "",
        ExceptionType::ExtraShift,
        Some(hours("10:00", "16:00", &[])),
    ))
    .await
    .expect("extra shift");
    shop.clear_exceptions(&ExceptionClearing {
        employees: vec![d.sidorov],
        from: date("2027-01-06"),
        to: date("2027-01-10"),
    })
    .await
    .expect("clear");
    let days = shop
        .shift_days(date("2026-12-28"), date("2027-01-08"), Some(d.sidorov))
        .await
        .expect("days");
    let kinds: Vec<DayKind> = days[0].days.iter().map(|day| day.kind).collect();
    use DayKind::{ExtraShift, Vacation};
    assert_eq!(
        kinds,
        [
            Vacation, Vacation, Vacation, Vacation, Vacation,   // 28.12–01.01
            ExtraShift, // 02.01: painted over the vacation
            Vacation, Vacation, // 03.01–05.01 (Sunday 03.01 … Tuesday 05.01)
            Vacation, Working, Working, Working
        ][..kinds.len()]
    );
    assert_eq!(days[0].days[0].note, "по заявлению");
    let plan = shop.shift_plan(d.sidorov).await.expect("plan");
    assert_eq!(
        plan.exceptions.len(),
        3,
        "vacation split around the extra shift"
    );
}

#[tokio::test]
async fn overlaps_and_time_outside_the_shift_are_refused() {
    let d = desk().await;
    let shop = d.shop();
    d.book("2026-11-30 10:00", d.petrov).await;
    let table: [(&str, BookingConflict); 6] = [
        (
            "2026-11-30 10:30",
            BookingConflict::MechanicBusy {
                with: span("2026-11-30 10:00", "2026-11-30 11:00"),
            },
        ),
        (
            "2026-11-30 09:30",
            BookingConflict::MechanicBusy {
                with: span("2026-11-30 10:00", "2026-11-30 11:00"),
            },
        ),
        ("2026-11-30 08:30", BookingConflict::OutsideShift),
        ("2026-11-30 12:30", BookingConflict::OutsideShift),
        ("2026-12-05 10:00", BookingConflict::OutsideShift),
        ("2026-11-26 11:00", BookingConflict::InThePast),
    ];
    for (start, expected) in table {
        let result = shop
            .create_appointment(&d.draft(start, Some(d.petrov)))
            .await;
        assert_eq!(conflict(result), expected, "{start}");
    }
    // Touching neighbours are fine.
    d.book("2026-11-30 11:00", d.petrov).await;
    d.book("2026-11-30 09:00", d.petrov).await;
    // The mechanic must have the skills; "any" finds the one who has them.
    let mut wiring = d.draft("2026-11-30 10:00", Some(d.petrov));
    wiring.services = vec![d.wiring];
    assert!(matches!(
        conflict(shop.create_appointment(&wiring).await),
        BookingConflict::MissingSkills { missing } if missing == [ELECTRICS]
    ));
    wiring.mechanic = None;
    let booked = shop
        .create_appointment(&wiring)
        .await
        .expect("any mechanic");
    assert_eq!(booked.mechanic, d.sidorov);
    assert_eq!(booked.end, at("2026-11-30 11:30"), "1,5 h of work");
    // Nobody is left at 10:00 for maintenance.
    let any = d.draft("2026-11-30 10:00", None);
    assert_eq!(
        conflict(shop.create_appointment(&any).await),
        BookingConflict::NoMechanicFree
    );
}

#[tokio::test]
async fn a_bay_is_never_booked_twice() {
    let d = desk().await;
    let shop = d.shop();
    let lift = shop
        .save_bay(
            None,
            &BayDraft {
                name: "Подъёмник 1".into(),
                fit_for: vec![],
                active: true,
            },
        )
        .await
        .expect("bay");
    let first = shop
        .create_appointment(&d.draft("2026-11-30 10:00", Some(d.petrov)))
        .await
        .expect("first");
    assert_eq!(first.bay, Some(lift.id), "any bay: the only one");
    assert_eq!(
        conflict(
            shop.create_appointment(&d.draft("2026-11-30 10:30", Some(d.sidorov)))
                .await
        ),
        BookingConflict::NoBayFree
    );
    let mut in_lift = d.draft("2026-11-30 10:30", Some(d.sidorov));
    in_lift.bay = Some(lift.id);
    assert_eq!(
        conflict(shop.create_appointment(&in_lift).await),
        BookingConflict::BayBusy {
            with: span("2026-11-30 10:00", "2026-11-30 11:00")
        }
    );
    let taken = shop
        .save_bay(
            None,
            &BayDraft {
                name: "подъёмник 1".into(),
                fit_for: vec![],
                active: true,
            },
        )
        .await;
    assert!(matches!(taken, Err(Error::Validation(_))), "{taken:?}");
    let _: BayId = lift.id;
}

#[tokio::test]
async fn many_desks_booking_one_slot_at_once_get_exactly_one_appointment() {
    let d = desk().await;
    let mut tasks = Vec::new();
    for _ in 0..24 {
        let shop = d.shop().clone();
        let draft = d.draft("2026-12-01 15:00", Some(d.petrov));
        tasks.push(tokio::spawn(async move {
            shop.create_appointment(&draft).await
        }));
    }
    let mut won = 0;
    for task in tasks {
        match task.await.expect("task") {
            Ok(_) => won += 1,
            Err(Error::Booking(BookingConflict::MechanicBusy { .. })) => {}
            Err(other) => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(won, 1);
    // With "any mechanic", two mechanics make exactly two winners.
    let mut tasks = Vec::new();
    for _ in 0..16 {
        let shop = d.shop().clone();
        let draft = d.draft("2026-12-02 10:00", None);
        tasks.push(tokio::spawn(async move {
            shop.create_appointment(&draft).await
        }));
    }
    let mut mechanics = BTreeSet::new();
    for task in tasks {
        if let Ok(booked) = task.await.expect("task") {
            assert!(mechanics.insert(booked.mechanic), "a mechanic booked twice");
        }
    }
    assert_eq!(mechanics.len(), 2);
}

#[tokio::test]
async fn moves_and_statuses_keep_their_history() {
    let d = desk().await;
    let shop = d.shop();
    let blocker = d.book("2026-11-30 15:00", d.sidorov).await;
    let id = d.book("2026-11-30 10:00", d.petrov).await;
    // Dragged onto Sidorov's busy time: refused, nothing changes.
    let onto_busy = AppointmentMove {
        start: at("2026-11-30 15:30"),
        end: at("2026-11-30 16:30"),
        mechanic: d.sidorov,
    };
    assert!(matches!(
        conflict(shop.move_appointment(id, &onto_busy).await),
        BookingConflict::MechanicBusy { .. }
    ));
    let moved = shop
        .move_appointment(
            id,
            &AppointmentMove {
                start: at("2026-12-01 11:00"),
                end: at("2026-12-01 12:30"),
                mechanic: d.sidorov,
            },
        )
        .await
        .expect("move");
    assert_eq!((moved.mechanic, moved.minutes()), (d.sidorov, 90));
    // Cancelling frees the time for someone else; reviving it then fails.
    shop.set_appointment_status(blocker, AppointmentStatus::Cancelled)
        .await
        .expect("cancel");
    let taker = d.book("2026-11-30 15:00", d.sidorov).await;
    assert!(matches!(
        conflict(
            shop.set_appointment_status(blocker, AppointmentStatus::Planned)
                .await
        ),
        BookingConflict::MechanicBusy { .. }
    ));
    assert_eq!(
        conflict(shop.move_appointment(blocker, &onto_busy).await),
        BookingConflict::Closed
    );
    let _ = taker;
    let details = shop.appointment(id).await.expect("details");
    let kinds: Vec<&str> = details
        .history
        .iter()
        .map(|event| match &event.change {
            remzona::domain::schedule::appointment::AppointmentChange::Created { .. } => "created",
            remzona::domain::schedule::appointment::AppointmentChange::Moved { from, to } => {
                assert_eq!(from.mechanic, "Петров Сергей");
                assert_eq!(to.mechanic, "Сидоров Алексей");
                "moved"
            }
            remzona::domain::schedule::appointment::AppointmentChange::StatusChanged { .. } => {
                "status"
            }
            remzona::domain::schedule::appointment::AppointmentChange::Edited => "edited",
            remzona::domain::schedule::appointment::AppointmentChange::Called { .. } => "called",
        })
        .collect();
    assert_eq!(kinds, ["created", "moved"]);
    let cancelled = shop.appointment(blocker).await.expect("details");
    assert_eq!(cancelled.history.len(), 2, "created, cancelled");
    // The client's timeline lists the bookings.
    let card = shop.client_card(d.client).await.expect("card");
    let booked = card
        .history
        .iter()
        .filter(|e| e.kind == remzona::domain::history::HistoryKind::Appointment)
        .count();
    assert_eq!(booked, 3);
}

#[tokio::test]
async fn the_finder_answers_both_questions() {
    let d = desk().await;
    let shop = d.shop();
    d.book("2026-11-30 09:00", d.petrov).await;
    d.book("2026-11-30 09:00", d.sidorov).await;
    d.book("2026-11-30 10:00", d.sidorov).await;
    let query = |mechanic, services: Vec<ServiceId>, from: &str| SlotQuery {
        services,
        duration_minutes: 0,
        mechanic,
        from: at(from),
        limit: 3,
        exclude: None,
    };
    let slots = |list: Vec<remzona::domain::schedule::view::SlotOffer>| -> Vec<(String, u32)> {
        list.iter()
            .map(|s| (s.start.format("%d %H:%M").to_string(), s.mechanic.0))
            .collect()
    };
    let p = d.petrov.0;
    let s = d.sidorov.0;
    let table: Vec<(SlotQuery, Vec<(&str, u32)>)> = vec![
        // Anyone, 60 min: Petrov is free from 10:00, Sidorov from 11:00.
        (
            query(None, vec![d.oil], "2026-11-30 08:00"),
            vec![("30 10:00", p), ("30 10:15", p), ("30 10:30", p)],
        ),
        // Only Sidorov.
        (
            query(Some(d.sidorov), vec![d.oil], "2026-11-30 08:00"),
            vec![("30 11:00", s), ("30 11:15", s), ("30 11:30", s)],
        ),
        // Electrics (90 min) only Sidorov does; before lunch only 11:00–11:30 fit.
        (
            query(None, vec![d.wiring], "2026-11-30 08:00"),
            vec![("30 11:00", s), ("30 11:15", s), ("30 11:30", s)],
        ),
        // From late Friday: the weekend is skipped.
        (
            query(Some(d.petrov), vec![d.oil], "2026-12-04 16:45"),
            vec![("04 16:45", p), ("04 17:00", p), ("07 09:00", p)],
        ),
        // The past is never offered: now is Thursday 26.11 12:00.
        (
            query(Some(d.petrov), vec![d.oil], "2026-11-20 08:00"),
            vec![("26 12:00", p), ("26 14:00", p), ("26 14:15", p)],
        ),
    ];
    for (query, expected) in table {
        let found = slots(shop.find_slots(&query).await.expect("slots"));
        let expected: Vec<(String, u32)> = expected
            .into_iter()
            .map(|(t, m)| (t.to_owned(), m))
            .collect();
        assert_eq!(found, expected, "{query:?}");
    }
    let free = shop
        .free_mechanics(&FreeQuery {
            services: vec![d.oil],
            duration_minutes: 0,
            start: at("2026-11-30 11:00"),
            exclude: None,
        })
        .await
        .expect("free at");
    assert_eq!(
        free.mechanics,
        [d.petrov, d.sidorov],
        "the less loaded first"
    );
    let free = shop
        .free_mechanics(&FreeQuery {
            services: vec![d.oil],
            duration_minutes: 0,
            start: at("2026-11-30 10:00"),
            exclude: None,
        })
        .await
        .expect("free at");
    assert_eq!(free.mechanics, [d.petrov]);
}

#[tokio::test]
async fn notices_come_once_and_again_after_a_move() {
    let d = desk().await;
    let shop = d.shop();
    let id = d.book("2026-11-30 10:00", d.petrov).await;
    // 09:29 Moscow = 06:29 UTC.
    let utc = |text: &str| at(text).and_utc() - Duration::hours(3);
    d.s.clock.set(utc("2026-11-30 09:29"));
    assert!(shop.take_due_notices().await.expect("notices").is_empty());
    d.s.clock.set(utc("2026-11-30 09:31"));
    let due = shop.take_due_notices().await.expect("notices");
    assert_eq!(due.len(), 1);
    assert_eq!((due[0].kind, due[0].minutes), (NoticeKind::Upcoming, 29));
    assert_eq!(due[0].client, "Иванов Иван");
    assert_eq!(due[0].vehicle, "Kia Rio А123ВС77");
    assert!(shop.take_due_notices().await.expect("again").is_empty());
    // Moved to 10:15: announced again for the new time.
    shop.move_appointment(
        id,
        &AppointmentMove {
            start: at("2026-11-30 10:15"),
            end: at("2026-11-30 11:15"),
            mechanic: d.petrov,
        },
    )
    .await
    .expect("move");
    assert!(shop.take_due_notices().await.expect("moved").is_empty());
    d.s.clock.set(utc("2026-11-30 09:46"));
    assert_eq!(shop.take_due_notices().await.expect("moved").len(), 1);
    // Late: 15 minutes past the start and not arrived.
    d.s.clock.set(utc("2026-11-30 10:31"));
    let due = shop.take_due_notices().await.expect("late");
    assert_eq!((due[0].kind, due[0].minutes), (NoticeKind::Late, -16));
    shop.set_appointment_status(id, AppointmentStatus::Arrived)
        .await
        .expect("arrived");
    d.s.clock.set(utc("2026-11-30 10:45"));
    assert!(shop.take_due_notices().await.expect("arrived").is_empty());
}

#[tokio::test]
async fn a_shift_change_names_the_appointments_it_leaves_outside() {
    let d = desk().await;
    let shop = d.shop();
    let id = d.book("2026-12-01 10:00", d.petrov).await;
    d.book("2026-12-02 10:00", d.petrov).await;
    let change = shop
        .paint_exception(&ExceptionPaint {
            employees: vec![d.petrov],
            exception: ExceptionDraft {
                from: "01.12.2026".into(),
                to: "".into(),
                kind: ExceptionType::SickLeave,
                hours: None,
                note: String::new(),
            },
        })
        .await
        .expect("sick leave");
    let ids: Vec<AppointmentId> = change.outside_shift.iter().map(|a| a.id).collect();
    assert_eq!(ids, [id]);
    // The week view shows the day as sick leave and both appointments.
    let week = shop
        .schedule(date("2026-11-30"), date("2026-12-06"))
        .await
        .expect("week");
    assert_eq!(week.appointments.len(), 2);
    let petrov = week
        .shifts
        .iter()
        .find(|s| s.employee == d.petrov)
        .expect("petrov");
    assert_eq!(petrov.days[1].kind, DayKind::SickLeave);
    assert_eq!(week.now, at("2026-11-26 12:00"));
}

#[tokio::test]
async fn bad_input_gets_field_issues_not_a_crash() {
    let d = desk().await;
    let shop = d.shop();
    let mut draft = d.draft("2026-11-30 10:00", Some(d.petrov));
    draft.client = None;
    draft.time = "25:61".into();
    let fields: Vec<String> = match shop.create_appointment(&draft).await {
        Err(Error::Validation(issues)) => {
            issues.as_slice().iter().map(|i| i.field.clone()).collect()
        }
        other => panic!("{other:?}"),
    };
    assert_eq!(fields, ["client", "time"]);
    let bad_pattern = PatternPaint {
        employees: vec![d.petrov],
        pattern: PatternDraft {
            from: "2026-12-01".into(),
            kind: PatternType::Weekly,
            days: vec![Some(hours("9:00", "18:00", &["19:00–20:00"])); 7],
        },
    };
    assert!(matches!(
        shop.paint_pattern(&bad_pattern).await,
        Err(Error::Validation(_))
    ));
    let nobody = PatternPaint {
        employees: vec![],
        pattern: five_two("2026-12-01"),
    };
    assert!(matches!(
        shop.paint_pattern(&nobody).await,
        Err(Error::Validation(_))
    ));
}

#[tokio::test]
async fn the_shop_zone_decides_what_now_is() {
    use remzona::domain::schedule::appointment::ScheduleSettingsDraft;
    let d = desk().await;
    let shop = d.shop();
    // 09:00 UTC: 12:00 in Moscow, 16:00 in Novosibirsk.
    assert_eq!(shop.local_now().await.expect("now"), at("2026-11-26 12:00"));
    let mut settings = ScheduleSettingsDraft {
        opens: "8:00".into(),
        closes: "21:00".into(),
        notify_before_minutes: 30,
        late_after_minutes: 15,
        zone: "Asia/Novosibirsk".into(),
    };
    shop.set_schedule_settings(&settings).await.expect("zone");
    assert_eq!(shop.local_now().await.expect("now"), at("2026-11-26 16:00"));
    assert_eq!(
        conflict(
            shop.create_appointment(&d.draft("2026-11-26 15:00", Some(d.petrov)))
                .await
        ),
        BookingConflict::InThePast,
        "15:00 has passed in Novosibirsk"
    );
    settings.zone = "Europe/Paris".into();
    assert!(matches!(
        shop.set_schedule_settings(&settings).await,
        Err(Error::Validation(_))
    ));
    assert_eq!(
        shop.schedule_settings().await.expect("settings").zone,
        "Asia/Novosibirsk"
    );
}
