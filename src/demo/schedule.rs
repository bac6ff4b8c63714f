//! The demo shop's people, bays, shifts and a month of appointments: two weeks
//! of past visits (most came, some did not) and two weeks ahead, booked
//! through the same rules as the desk books them.

use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, TimeDelta};

use crate::Remzona;
use crate::appointments::Booking;
use crate::db::appointments as store;
use crate::demo::Dice;
use crate::domain::ids::{ClientId, ServiceCategoryId, ServiceId, VehicleId};
use crate::domain::pricelist::ServiceSearch;
use crate::domain::schedule::appointment::{AppointmentDraft, AppointmentStatus, BookingSource};
use crate::domain::schedule::draft::{
    DayTemplateDraft, ExceptionDraft, ExceptionType, PatternDraft, PatternType,
};
use crate::domain::schedule::view::{ExceptionPaint, PatternPaint};
use crate::domain::schedule::{BayDraft, EmployeeId, Role, StaffDraft};
use crate::error::{Error, Result};

/// How much of a schedule to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SchedulePlan {
    pub mechanics: usize,
    pub days_before: u64,
    pub days_after: u64,
    /// Percent of the working time booked.
    pub load_percent: u64,
    /// General bays besides the tyre and body ones.
    pub general_bays: usize,
    /// Everyone works 08:00–20:00 every day (a stress test), else 5/2 and 2/2.
    pub every_day: bool,
    /// Only services up to this long are booked.
    pub max_minutes: u32,
    pub seed: u64,
}

impl SchedulePlan {
    /// A shop of eight mechanics, two weeks back and two ahead, busy but not full.
    pub const DEMO: SchedulePlan = SchedulePlan {
        mechanics: 8,
        days_before: 14,
        days_after: 14,
        load_percent: 65,
        general_bays: 4,
        every_day: false,
        max_minutes: 240,
        seed: 0x5eed_2026,
    };
}

const MECHANIC_NAMES: &[&str] = &[
    "Петров Сергей",
    "Сидоров Алексей",
    "Кузнецов Иван",
    "Морозов Дмитрий",
    "Волков Павел",
    "Соколов Артём",
    "Лебедев Михаил",
    "Новиков Роман",
    "Фёдоров Виктор",
    "Егоров Николай",
    "Павлов Олег",
    "Семёнов Игорь",
    "Голубев Денис",
    "Виноградов Антон",
    "Богданов Кирилл",
    "Воробьёв Евгений",
    "Фролов Станислав",
    "Никитин Григорий",
    "Захаров Ильдар",
    "Зайцев Рустам",
];

/// Ten colours that stay apart on the calendar.
pub const PALETTE: &[&str] = &[
    "#1e88e5", "#43a047", "#f4511e", "#8e24aa", "#00897b", "#fdd835", "#6d4c41", "#3949ab",
    "#d81b60", "#7cb342",
];

/// Categories by id (see the products migration): 1 diagnostics, 2
/// maintenance, 3 engine, 4 suspension, 5 brakes, 6 transmission, 7
/// electrics, 8 tyres, 9 air conditioning, 10 body work.
const SKILL_SETS: &[&[u32]] = &[
    &[1, 2, 3, 4, 5],
    &[1, 2, 7, 9],
    &[2, 4, 5, 8],
    &[1, 2, 3, 6],
    &[2, 4, 5, 8],
    &[10],
    &[1, 2, 3, 4, 5, 6],
    &[2, 8],
];

/// A service the demo books: its id, the skills it needs, its minutes.
type Offer = (ServiceId, BTreeSet<ServiceCategoryId>, u32);

/// What the demo added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScheduleOutcome {
    pub staff: usize,
    pub bays: usize,
    pub appointments: usize,
}

impl Remzona {
    /// Staff, bays, shift patterns and appointments for the clients already
    /// in the shop. Skipped when the shop already has staff.
    pub async fn seed_schedule(&self, plan: SchedulePlan) -> Result<Option<ScheduleOutcome>> {
        if !self.staff(true).await?.is_empty() {
            return Ok(None);
        }
        let mut dice = Dice(plan.seed | 1);
        let now = self.local_now().await?;
        let today = now.date();
        let first = today - Days::new(plan.days_before);
        let mechanics = self.seed_staff(plan, first).await?;
        let bays = self.seed_bays(plan.general_bays).await?;
        self.seed_absences(&mechanics, today).await?;
        let cars = {
            let mut conn = self.db().read().await?;
            store::client_cars(&mut conn, 3_000).await?
        };
        if cars.is_empty() {
            return Ok(Some(ScheduleOutcome {
                staff: mechanics.len() + 2,
                bays,
                appointments: 0,
            }));
        }
        let services = self.services_by_skill(plan.max_minutes).await?;
        let mut booked = 0;
        let last = today + Days::new(plan.days_after);
        for day in first.iter_days().take_while(|d| *d <= last) {
            for (mechanic, skills) in &mechanics {
                let offer: Vec<&Offer> = services
                    .iter()
                    .filter(|(_, needed, _)| needed.is_subset(skills))
                    .collect();
                booked += self
                    .seed_day(&mut dice, plan, day, now, *mechanic, &offer, &cars)
                    .await?;
            }
        }
        Ok(Some(ScheduleOutcome {
            staff: mechanics.len() + 2,
            bays,
            appointments: booked,
        }))
    }

    async fn seed_staff(
        &self,
        plan: SchedulePlan,
        from: NaiveDate,
    ) -> Result<Vec<(EmployeeId, BTreeSet<ServiceCategoryId>)>> {
        let count = plan.mechanics;
        for (name, role) in [
            ("Смирнова Ольга", Role::Operator),
            ("Волков Андрей", Role::Manager),
        ] {
            self.save_staff(
                None,
                &StaffDraft {
                    name: name.into(),
                    roles: vec![role],
                    skills: vec![],
                    colour: "#757575".into(),
                    active: true,
                },
            )
            .await?;
        }
        let mut mechanics = Vec::with_capacity(count);
        for index in 0..count {
            let skills: Vec<ServiceCategoryId> = SKILL_SETS[index % SKILL_SETS.len()]
                .iter()
                .map(|id| ServiceCategoryId(*id))
                .collect();
            let name = match MECHANIC_NAMES.get(index) {
                Some(name) => (*name).to_owned(),
                None => format!("Мастер {}", index + 1),
            };
            let person = self
                .save_staff(
                    None,
                    &StaffDraft {
                        name,
                        roles: vec![Role::Mechanic],
                        skills: skills.clone(),
                        colour: PALETTE[index % PALETTE.len()].into(),
                        active: true,
                    },
                )
                .await?;
            // Most work 5/2; every third works 2/2 long days, the pairs offset.
            let pattern = if plan.every_day {
                PatternDraft {
                    from: from.to_string(),
                    kind: PatternType::Cycle,
                    days: vec![hours("8:00", "20:00", &[])],
                }
            } else if index % 3 == 2 {
                let day = hours("8:00", "20:00", &["13:00–14:00"]);
                PatternDraft {
                    from: (from + Days::new(index as u64 % 4)).to_string(),
                    kind: PatternType::Cycle,
                    days: vec![day.clone(), day, None, None],
                }
            } else {
                let day = hours("9:00", "18:00", &["13:00–14:00"]);
                let mut days = vec![day; 5];
                days.extend([None, None]);
                PatternDraft {
                    from: (from - Days::new(u64::from(from.weekday().num_days_from_monday())))
                        .to_string(),
                    kind: PatternType::Weekly,
                    days,
                }
            };
            self.paint_pattern(&PatternPaint {
                employees: vec![person.id],
                pattern,
            })
            .await?;
            mechanics.push((person.id, skills.into_iter().collect()));
        }
        Ok(mechanics)
    }

    async fn seed_bays(&self, general: usize) -> Result<usize> {
        let mut bays: Vec<(String, Vec<ServiceCategoryId>)> = (1..=general)
            .map(|n| (format!("Пост {n}"), vec![]))
            .collect();
        bays.push((
            "Шиномонтаж".into(),
            vec![ServiceCategoryId(8), ServiceCategoryId(2)],
        ));
        bays.push(("Кузовной участок".into(), vec![ServiceCategoryId(10)]));
        for (name, fit_for) in &bays {
            self.save_bay(
                None,
                &BayDraft {
                    name: name.clone(),
                    fit_for: fit_for.clone(),
                    active: true,
                },
            )
            .await?;
        }
        Ok(bays.len())
    }

    /// A vacation and a sick leave, as every real month has.
    async fn seed_absences(
        &self,
        mechanics: &[(EmployeeId, BTreeSet<ServiceCategoryId>)],
        today: NaiveDate,
    ) -> Result<()> {
        let absences = [
            (
                3,
                today + Days::new(7),
                today + Days::new(13),
                ExceptionType::Vacation,
                "ежегодный отпуск",
            ),
            (
                1,
                today - Days::new(6),
                today - Days::new(4),
                ExceptionType::SickLeave,
                "больничный лист",
            ),
        ];
        for (index, from, to, kind, note) in absences {
            let Some((employee, _)) = mechanics.get(index) else {
                continue;
            };
            self.paint_exception(&ExceptionPaint {
                employees: vec![*employee],
                exception: ExceptionDraft {
                    from: from.to_string(),
                    to: to.to_string(),
                    kind,
                    hours: None,
                    note: note.into(),
                },
            })
            .await?;
        }
        Ok(())
    }

    async fn services_by_skill(&self, max_minutes: u32) -> Result<Vec<Offer>> {
        let search = ServiceSearch {
            limit: 2_000,
            ..ServiceSearch::default()
        };
        Ok(self
            .search_services(&search)
            .await?
            .into_iter()
            .filter(|s| s.duration_minutes <= max_minutes)
            .map(|s| {
                (
                    s.id,
                    s.skills.iter().map(|k| k.id).collect(),
                    s.duration_minutes,
                )
            })
            .collect())
    }

    /// Fills one mechanic's day from the shift's start: a service, a gap, the next.
    #[allow(clippy::too_many_arguments)]
    async fn seed_day(
        &self,
        dice: &mut Dice,
        plan: SchedulePlan,
        day: NaiveDate,
        now: NaiveDateTime,
        mechanic: EmployeeId,
        offer: &[&Offer],
        cars: &[(ClientId, VehicleId)],
    ) -> Result<usize> {
        if offer.is_empty() {
            return Ok(0);
        }
        let shift = self.shift_days(day, day, Some(mechanic)).await?;
        let Some(spans) = shift
            .first()
            .and_then(|s| s.days.first())
            .map(|d| d.intervals.clone())
        else {
            return Ok(0);
        };
        let mut booked = 0;
        for span in spans.iter() {
            let mut at = span.start();
            while at < span.end() {
                if dice.below(100) as u64 >= plan.load_percent {
                    at += TimeDelta::minutes(30 + 30 * dice.below(3) as i64);
                    continue;
                }
                let (service, _, minutes) = offer[dice.below(offer.len())];
                let (client, car) = cars[dice.below(cars.len())];
                let draft = AppointmentDraft {
                    client: Some(client),
                    vehicle: Some(car),
                    services: vec![*service],
                    mechanic: Some(mechanic),
                    date: at.date().to_string(),
                    time: at.time().format("%H:%M").to_string(),
                    status: status_for(dice, at, now),
                    source: source_for(dice),
                    ..AppointmentDraft::default()
                };
                match self.book(&draft, Booking::PastToo).await {
                    Ok(_) => {
                        booked += 1;
                        at += TimeDelta::minutes(i64::from(*minutes));
                    }
                    Err(Error::Booking(_)) => at += TimeDelta::minutes(30),
                    Err(other) => return Err(other),
                }
            }
        }
        Ok(booked)
    }
}

fn hours(start: &str, end: &str, breaks: &[&str]) -> Option<DayTemplateDraft> {
    Some(DayTemplateDraft {
        start: start.into(),
        end: end.into(),
        breaks: breaks.iter().map(|b| (*b).to_owned()).collect(),
    })
}

/// Past visits mostly happened; coming ones are planned or confirmed.
fn status_for(dice: &mut Dice, start: NaiveDateTime, now: NaiveDateTime) -> AppointmentStatus {
    let roll = dice.below(100);
    if start < now {
        return match roll {
            0..8 => AppointmentStatus::NoShow,
            8..14 => AppointmentStatus::Cancelled,
            _ => AppointmentStatus::Arrived,
        };
    }
    match roll {
        0..4 => AppointmentStatus::Cancelled,
        4..7 => AppointmentStatus::Rescheduled,
        7..55 => AppointmentStatus::Confirmed,
        _ => AppointmentStatus::Planned,
    }
}

fn source_for(dice: &mut Dice) -> BookingSource {
    match dice.below(10) {
        0..6 => BookingSource::Phone,
        6..8 => BookingSource::Online,
        _ => BookingSource::WalkIn,
    }
}
