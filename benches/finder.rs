//! The free-time finder on the load: 20 mechanics, 14 days, 5 000
//! appointments, 16 bays. `cargo bench --bench finder` prints p50/p95/max of
//! `nearest_slots`, `free_at` and the shift expansion.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, NaiveTime, TimeDelta};

use remzona::domain::ids::ServiceCategoryId;
use remzona::domain::schedule::finder::{
    BayAvailability, MechanicAvailability, SlotRequest, free_at, nearest_slots,
};
use remzona::domain::schedule::ids::{BayId, EmployeeId};
use remzona::domain::schedule::interval::{Interval, IntervalSet};
use remzona::domain::schedule::shift::{
    DayTemplate, PatternAssignment, ShiftPattern, working_time_in,
};

const MECHANICS: u32 = 20;
const DAYS: u64 = 14;
const APPOINTMENTS: usize = 5_000;
const BAYS: u32 = 16;
const SKILLS: u32 = 4;

/// A linear congruential generator: the same scenario on every run.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % bound
    }
}

fn hm(hour: u32, minute: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, minute, 0).expect("a time")
}

fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).expect("a date")
}

fn window() -> Interval {
    let start = first_day().and_time(NaiveTime::MIN);
    Interval::lasting(start, TimeDelta::days(DAYS as i64))
}

/// Every day 08:00–22:00 with a half-hour lunch (two shifts of people folded
/// into one each, so that 5 000 separate jobs fit into two weeks); every fifth
/// mechanic's week is written as a 7-day cycle to exercise both patterns.
fn plan(index: u32) -> Vec<PatternAssignment> {
    let day = DayTemplate::new(hm(8, 0), hm(22, 0)).with_break(hm(13, 0), hm(13, 30));
    let pattern = if index.is_multiple_of(5) {
        ShiftPattern::Cycle {
            days: vec![Some(day); 7],
        }
    } else {
        ShiftPattern::Weekly {
            days: Box::new(std::array::from_fn(|_| Some(day.clone()))),
        }
    };
    vec![PatternAssignment {
        from: first_day(),
        pattern,
    }]
}

struct Scenario {
    mechanics: Vec<MechanicAvailability>,
    bays: Vec<BayAvailability>,
    appointments: usize,
}

/// Fills each mechanic's working time with 15–45 minute jobs, mostly with a
/// 15-minute gap between them, day by day across all mechanics, up to 5 000 jobs; each job takes the
/// first bay free for it (some go without one when all are taken).
fn scenario() -> Scenario {
    let mut random = Lcg(42);
    let mut mechanics: Vec<MechanicAvailability> = (0..MECHANICS)
        .map(|index| MechanicAvailability {
            id: EmployeeId(index + 1),
            skills: [index % SKILLS, (index + 1) % SKILLS]
                .into_iter()
                .map(ServiceCategoryId)
                .collect(),
            working: working_time_in(&plan(index), &[], window()),
            busy: IntervalSet::new(),
        })
        .collect();
    let mut bays: Vec<Vec<Interval>> = vec![Vec::new(); BAYS as usize];
    let mut jobs: Vec<Vec<Interval>> = vec![Vec::new(); MECHANICS as usize];
    let mut count = 0;
    for day in 0..DAYS {
        let date = first_day() + TimeDelta::days(day as i64);
        let today = Interval::lasting(date.and_time(NaiveTime::MIN), TimeDelta::days(1));
        for (index, mechanic) in mechanics.iter().enumerate() {
            for span in mechanic.working.clip(today).iter() {
                let mut at = span.start();
                loop {
                    // Mostly a gap after each job, so jobs stay separate blocks.
                    if random.below(6) != 0 {
                        at += TimeDelta::minutes(15);
                    }
                    let length = 15 * (1 + random.below(3) as u32);
                    let Some(job) = Interval::starting_at(at, length) else {
                        break;
                    };
                    if job.end() > span.end() || count == APPOINTMENTS {
                        break;
                    }
                    jobs[index].push(job);
                    if let Some(bay) = bays
                        .iter_mut()
                        .find(|bay| bay.iter().rev().all(|busy| !busy.overlaps(job)))
                    {
                        bay.push(job);
                    }
                    count += 1;
                    at = job.end();
                }
            }
        }
    }
    for (mechanic, booked) in mechanics.iter_mut().zip(jobs) {
        mechanic.busy = booked.into_iter().collect();
    }
    Scenario {
        mechanics,
        bays: bays
            .into_iter()
            .enumerate()
            .map(|(index, busy)| BayAvailability {
                id: BayId(index as u32 + 1),
                fit_for: match index {
                    0 => [ServiceCategoryId(0)].into(),
                    1 => [ServiceCategoryId(1), ServiceCategoryId(2)].into(),
                    _ => BTreeSet::new(),
                },
                busy: busy.into_iter().collect(),
            })
            .collect(),
        appointments: count,
    }
}

fn requests(random: &mut Lcg, count: usize) -> Vec<SlotRequest> {
    (0..count)
        .map(|_| {
            let day = random.below(DAYS) as i64;
            let from = window().start() + TimeDelta::days(day) + TimeDelta::hours(8);
            SlotRequest {
                duration_minutes: 30 * (1 + random.below(6) as u32),
                from,
                until: window().end(),
                needed_skills: match random.below(3) {
                    0 => BTreeSet::new(),
                    _ => [ServiceCategoryId(random.below(u64::from(SKILLS)) as u32)].into(),
                },
                mechanic: (random.below(4) == 0)
                    .then(|| EmployeeId(1 + random.below(u64::from(MECHANICS)) as u32)),
                limit: 10,
                step_minutes: 15,
            }
        })
        .collect()
}

fn percentile(sorted: &[Duration], share: f64) -> Duration {
    let index = ((sorted.len() as f64 * share).ceil() as usize).saturating_sub(1);
    sorted.get(index).copied().unwrap_or_default()
}

fn report(label: &str, mut timings: Vec<Duration>) {
    timings.sort_unstable();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "  {label:<34} {:>5} calls   p50 {:>7.3} ms   p95 {:>7.3} ms   max {:>7.3} ms",
        timings.len(),
        ms(percentile(&timings, 0.50)),
        ms(percentile(&timings, 0.95)),
        ms(timings.last().copied().unwrap_or_default()),
    );
}

fn time<T>(work: impl FnOnce() -> T) -> (Duration, T) {
    let started = Instant::now();
    let result = work();
    (started.elapsed(), result)
}

fn main() {
    let (built, scenario) = time(scenario);
    let busy_total: usize = scenario.mechanics.iter().map(|m| m.busy.len()).sum();
    println!(
        "scenario: {MECHANICS} mechanics × {DAYS} days, {} appointments ({busy_total} busy blocks), \
         {BAYS} bays; built in {:.1} ms",
        scenario.appointments,
        built.as_secs_f64() * 1000.0
    );
    assert_eq!(scenario.appointments, APPOINTMENTS);

    let mut random = Lcg(7);
    let asks = requests(&mut random, 2_000);
    let mut found = 0;
    let timings = asks
        .iter()
        .map(|ask| {
            let (took, slots) = time(|| nearest_slots(ask, &scenario.mechanics, &scenario.bays));
            found += slots.len();
            took
        })
        .collect();
    report("nearest_slots (limit 10, bays)", timings);

    let timings = asks
        .iter()
        .map(|ask| time(|| nearest_slots(ask, &scenario.mechanics, &[])).0)
        .collect();
    report("nearest_slots (limit 10, no bays)", timings);

    // The worst case: a job that fits nowhere makes the sweep walk all 14 days.
    let hopeless = SlotRequest {
        duration_minutes: 13 * 60,
        ..asks[0].clone()
    };
    let timings = (0..500)
        .map(|_| time(|| nearest_slots(&hopeless, &scenario.mechanics, &scenario.bays)).0)
        .collect();
    report("nearest_slots (nothing fits)", timings);

    let timings = asks
        .iter()
        .map(|ask| {
            let at = ask.from + TimeDelta::minutes(15 * random.below(48) as i64);
            let needed = &ask.needed_skills;
            let minutes = ask.duration_minutes;
            time(|| free_at(at, minutes, needed, &scenario.mechanics, &scenario.bays)).0
        })
        .collect();
    report("free_at", timings);

    let timings = (0..200)
        .map(|_| {
            time(|| {
                (0..MECHANICS)
                    .map(|index| working_time_in(&plan(index), &[], window()).len())
                    .sum::<usize>()
            })
            .0
        })
        .collect();
    report("working_time_in × 20 mechanics", timings);
    println!("  slots found: {found} for {} requests", asks.len());
}
