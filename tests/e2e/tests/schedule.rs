//! The schedule in the real app: an appointment made in the appointment window
//! with the keyboard and pickers only, the finder's time taken, the block on
//! the calendar under its mechanic, and a drag onto busy time refused; and the
//! schedule of a demo shop, for a person to look at.

use std::sync::Arc;
use std::time::Duration;

use chrono::{Days, NaiveDate};
use e2e::{App, Result, seed};
use fantoccini::actions::{InputSource, MOUSE_BUTTON_LEFT, MouseActions, PointerAction};
use fantoccini::key::Key;
use remzona::demo::SeedPlan;
use remzona::domain::client::Duplicates;
use remzona::domain::schedule::Role;
use remzona::{Remzona, SystemClock};
use serde_json::json;

/// Two mechanics working 08:00–20:00 every day, a client with a car, an oil
/// change of an hour, and Sidorov busy 08:00–09:00 on `day`.
async fn prepare(dir: &tempfile::TempDir, day: NaiveDate) -> Result<()> {
    let shop = Remzona::open(&App::db_path(dir), Arc::new(SystemClock)).await?;
    let petrov = seed::mechanic(&shop, "Петров Сергей", "#1e88e5").await?;
    let sidorov = seed::mechanic(&shop, "Сидоров Алексей", "#43a047").await?;
    seed::every_day(&shop, vec![petrov, sidorov]).await?;
    let client = seed::client(&shop, &seed::person("Иванов", "Иван", "+7 916 123-45-67")).await?;
    seed::car(&shop, client, &seed::kia_rio()).await?;
    let oil = seed::oil_change(&shop, "").await?;
    let other = seed::client(&shop, &seed::person("Смирнов", "Пётр", "+7 903 765-43-21")).await?;
    seed::book(&shop, &seed::visit(other, oil, sidorov, day, "08:00")).await?;
    shop.close().await;
    Ok(())
}

/// Sends keys to whatever has the focus, as a person typing.
async fn keys(app: &App, text: &str) -> Result<()> {
    app.client.active_element().await?.send_keys(text).await?;
    Ok(())
}

fn key(k: Key) -> String {
    let c: char = k.into();
    c.to_string()
}

/// Presses Tab until the field with `testid` has the focus.
async fn tab_to(app: &App, testid: &str) -> Result<()> {
    for _ in 0..40 {
        let focused = app.client.active_element().await?;
        if focused.attr("data-testid").await?.as_deref() == Some(testid) {
            return Ok(());
        }
        focused.send_keys(&key(Key::Tab)).await?;
    }
    Err(format!("Tab never reached {testid}").into())
}

/// The centre of the first element matching a script's pick, in viewport pixels.
async fn centre(app: &App, pick: &str) -> Result<(f64, f64)> {
    app.centre_of(pick).await
}

/// The left and right edge of a mechanic's column head.
async fn column(app: &App, name: &str) -> Result<(f64, f64)> {
    let script = "const el = [...document.querySelectorAll('.schedule-calendar .resource')] \
         .find(e => e.textContent.includes(arguments[0])); \
         if (!el) return null; const head = el.closest('.ec-col-head, .ec-resource') ?? el; \
         const r = head.getBoundingClientRect(); return [r.left, r.right];";
    let found = app.client.execute(script, vec![json!(name)]).await?;
    let edges = found.as_array().ok_or("no such column")?;
    Ok((
        edges.first().and_then(|v| v.as_f64()).ok_or("no left")?,
        edges.get(1).and_then(|v| v.as_f64()).ok_or("no right")?,
    ))
}

const BLOCK: &str = "[...document.querySelectorAll('.schedule-calendar .ec-event')]\
     .find(e => e.textContent.includes('Иванов'))";

#[tokio::test]
async fn operator_books_with_the_keyboard_and_a_drag_onto_busy_time_is_refused() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let shop = Remzona::open(&App::db_path(&dir), Arc::new(SystemClock)).await?;
    let today = shop.local_now().await?.date();
    shop.close().await;
    let day = today + Days::new(2);
    prepare(&dir, day).await?;

    let app = App::start_in(dir).await?;
    app.click("nav-schedule").await?;
    app.wait_for("schedule-calendar").await?;
    // Ctrl+N: a new appointment, the client picker has the focus.
    keys(&app, &format!("{}n", key(Key::Control))).await?;
    app.wait_for("appointment-window").await?;
    keys(&app, "Иванов").await?;
    app.wait_for("client-picker-option").await?;
    keys(&app, &format!("{}{}", key(Key::Down), key(Key::Enter))).await?;
    app.eventually("the client and the car are chosen", || async {
        Ok(app
            .text_of("appointment-client-name")
            .await?
            .contains("Иванов"))
    })
    .await?;
    tab_to(&app, "appointment-services").await?;
    keys(&app, "масл").await?;
    app.wait_for("appointment-services-option").await?;
    keys(&app, &format!("{}{}", key(Key::Down), key(Key::Enter))).await?;
    app.wait_for("appointment-service").await?;
    tab_to(&app, "appointment-date").await?;
    keys(&app, &format!("{}a", key(Key::Control))).await?;
    keys(&app, &day.format("%d.%m.%Y").to_string()).await?;
    // The finder lists the nearest times from that day; the first is taken.
    app.eventually("the finder proposes 08:00 with Petrov", || async {
        let first = app.text_of("finder-slot-0").await?;
        Ok(first.contains("08:00") && first.contains("Петров"))
    })
    .await?;
    tab_to(&app, "finder-slots").await?;
    keys(&app, &format!("{}{}", key(Key::Home), key(Key::Enter))).await?;
    app.eventually("the time is filled in", || async {
        let time = app
            .wait_for("appointment-time")
            .await?
            .prop("value")
            .await?;
        Ok(time.as_deref() == Some("08:00"))
    })
    .await?;
    app.screenshot("40-appointment-keyboard").await?;
    keys(&app, &format!("{}{}", key(Key::Control), key(Key::Enter))).await?;
    app.eventually("the window closes", || async {
        Ok(app.find_all("appointment-window").await?.is_empty())
    })
    .await?;

    // The day view of that day: the block stands in Petrov's column.
    app.click("schedule-view-day-label").await?;
    for _ in 0..2 {
        app.click("schedule-next").await?;
    }
    app.eventually("the block is on the calendar", || async {
        Ok(centre(&app, BLOCK).await.is_ok())
    })
    .await?;
    let (petrov_left, petrov_right) = column(&app, "Петров").await?;
    let (sidorov_left, sidorov_right) = column(&app, "Сидоров").await?;
    let (x, y) = centre(&app, BLOCK).await?;
    assert!(
        petrov_left <= x && x <= petrov_right,
        "the block at x={x} is not under Petrov ({petrov_left}–{petrov_right})"
    );
    app.screenshot("41-appointment-on-the-day").await?;

    // Dragged onto Sidorov's 08:00–09:00: refused, and said why.
    let target = (sidorov_left + sidorov_right) / 2.0;
    let drag = MouseActions::new("mouse".into())
        .then(PointerAction::MoveTo {
            duration: None,
            x,
            y,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveTo {
            duration: Some(Duration::from_millis(200)),
            x: x + 10.0,
            y,
        })
        .then(PointerAction::MoveTo {
            duration: Some(Duration::from_millis(400)),
            x: target,
            y,
        })
        .then(PointerAction::Pause {
            duration: Duration::from_millis(200),
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    app.client.perform_actions(drag).await?;
    app.eventually("the refusal names the busy time", || async {
        Ok(app
            .text_of("schedule-refusal")
            .await?
            .contains("Мастер занят с 08:00 до 09:00"))
    })
    .await?;
    app.screenshot("42-drag-refused").await?;
    app.eventually("the block is back in Petrov's column", || async {
        let (x, _) = centre(&app, BLOCK).await?;
        Ok(petrov_left <= x && x <= petrov_right)
    })
    .await?;

    let shop = Remzona::open(&App::db_path(&app.dir), Arc::new(SystemClock)).await?;
    let week = shop.schedule(day, day).await?;
    let mine = week
        .appointments
        .iter()
        .find(|a| a.client.name.starts_with("Иванов"))
        .ok_or("the appointment is stored")?;
    let petrov = week
        .mechanics
        .iter()
        .find(|m| m.name.starts_with("Петров"))
        .ok_or("Petrov")?;
    assert_eq!(mine.mechanic, petrov.id);
    assert_eq!(mine.start, day.and_hms_opt(8, 0, 0).ok_or("a time")?);
    assert_eq!(
        mine.vehicle.as_ref().map(|v| v.name.as_str()),
        Some("Kia Rio")
    );
    app.stop().await
}

#[tokio::test]
async fn a_demo_shop_shows_its_week_a_mechanic_the_shifts_and_an_appointment() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let shop = Remzona::open(&App::db_path(&dir), Arc::new(SystemClock)).await?;
    shop.seed_demo(SeedPlan {
        clients: 150,
        seed: 5,
    })
    .await?;
    let mechanic = shop
        .staff(false)
        .await?
        .into_iter()
        .find(|p| p.roles.contains(&Role::Mechanic))
        .ok_or("the demo has mechanics")?;
    shop.close().await;

    let app = App::start_in(dir).await?;
    app.click("nav-schedule").await?;
    app.eventually("the week is full of appointments", || async {
        Ok(app
            .client
            .execute(
                "return document.querySelectorAll('.schedule-calendar .ec-event:not(.ec-bg-event)').length",
                vec![],
            )
            .await?
            .as_u64()
            .unwrap_or(0)
            > 20)
    })
    .await?;
    app.screenshot("43-schedule-week").await?;
    app.click("schedule-view-day-label").await?;
    app.screenshot("44-schedule-day").await?;
    app.click("schedule-view-week-label").await?;
    app.wait_for("schedule-mechanic")
        .await?
        .select_by_value(&mechanic.id.to_string())
        .await?;
    app.eventually("one mechanic's week", || async {
        Ok(app
            .client
            .execute(
                "return document.querySelectorAll('.schedule-calendar .resource').length",
                vec![],
            )
            .await?
            .as_u64()
            .unwrap_or(9)
            <= 1)
    })
    .await?;
    app.screenshot("45-schedule-one-mechanic").await?;
    let (x, y) = centre(
        &app,
        "document.querySelector('.schedule-calendar .ec-event:not(.ec-bg-event)')",
    )
    .await?;
    app.mouse_click_at(x, y).await?;
    app.wait_for("appointment-window").await?;
    app.wait_for("appointment-history-item").await?;
    app.screenshot("46-appointment-window").await?;
    app.press_escape().await?;
    app.click("schedule-tab-shifts-label").await?;
    app.eventually("one mechanic's month", || async {
        Ok(app.find_all("shift-cell").await?.len() >= 28)
    })
    .await?;
    app.screenshot("47-shifts-one-mechanic").await?;
    app.click("schedule-tab-calendar-label").await?;
    app.wait_for("schedule-mechanic")
        .await?
        .select_by_value("")
        .await?;
    app.click("schedule-tab-shifts-label").await?;
    app.eventually("every mechanic's month", || async {
        Ok(app.find_all("shift-cell").await?.len() >= 8 * 28)
    })
    .await?;
    app.screenshot("48-shifts-all").await?;
    app.stop().await
}

/// Twenty mechanics and a busy week: how long the calendar takes to draw a
/// week and a day. Printed for the benchmark notes; nothing here is timed to
/// pass or fail.
#[tokio::test]
async fn twenty_mechanics_and_a_busy_week_are_drawn() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let shop = Remzona::open(&App::db_path(&dir), Arc::new(SystemClock)).await?;
    for demo in remzona::demo::demo_clients(300, 9) {
        let client = shop.create_client(&demo.client, Duplicates::Allow).await?;
        for car in &demo.vehicles {
            shop.create_vehicle(client.id, car, Duplicates::Allow)
                .await?;
        }
    }
    shop.seed_catalogue(0, 9).await?;
    let plan = remzona::demo::schedule::SchedulePlan {
        mechanics: 20,
        days_before: 0,
        days_after: 13,
        load_percent: 70,
        general_bays: 20,
        every_day: false,
        max_minutes: 240,
        seed: 9,
    };
    shop.seed_schedule(plan).await?;
    let today = shop.local_now().await?.date();
    let next_week = shop
        .schedule(today + Days::new(7), today + Days::new(7))
        .await?;
    shop.close().await;

    let app = App::start_in(dir).await?;
    app.click("nav-schedule").await?;
    app.wait_for("schedule-calendar").await?;
    let blocks = || async {
        Ok::<u64, Box<dyn std::error::Error + Send + Sync>>(
            app.client
                .execute(
                    "return document.querySelectorAll('.schedule-calendar .ec-event:not(.ec-bg-event)').length",
                    vec![],
                )
                .await?
                .as_u64()
                .unwrap_or(0),
        )
    };
    let started = std::time::Instant::now();
    app.click("schedule-next").await?;
    app.eventually("next week's blocks are drawn", || async {
        Ok(app.text_of("schedule-period").await?.contains('–') && blocks().await? > 100)
    })
    .await?;
    println!(
        "20 mechanics: a week with {} blocks drawn {} ms after «›» ({} appointments on one day of it)",
        blocks().await?,
        started.elapsed().as_millis(),
        next_week.appointments.len()
    );
    app.screenshot("49-twenty-mechanics-week").await?;
    let started = std::time::Instant::now();
    app.click("schedule-view-day-label").await?;
    app.eventually("the day is drawn", || async {
        Ok(blocks().await? > 0 && blocks().await? < 200)
    })
    .await?;
    println!(
        "20 mechanics: a day drawn {} ms after «День»",
        started.elapsed().as_millis()
    );
    app.screenshot("50-twenty-mechanics-day").await?;
    app.stop().await
}
