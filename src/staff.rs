//! Use cases of the staff and the bays, and of the mechanics' shifts: patterns
//! applied from a date, exceptions painted over days, and the month view.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;

use crate::Remzona;
use crate::db::staff::{self as store, ShiftRules};
use crate::domain::schedule::draft::{ExceptionDraft, PatternDraft};
use crate::domain::schedule::view::{
    ExceptionClearing, ExceptionEntry, ExceptionPaint, PatternEntry, PatternPaint, ShiftChange,
    ShiftPlan, StaffDays,
};
use crate::domain::schedule::{
    Bay, BayDraft, BayId, EmployeeId, Role, ShiftException, Staff, StaffDraft, day_shifts,
};
use crate::domain::validation::{IssueCode, Issues};
use crate::error::Result;

/// A month and a week on either side is the most the editor shows at once.
const MAX_SHIFT_DAYS: i64 = 62;

impl Remzona {
    pub async fn staff(&self, with_inactive: bool) -> Result<Vec<Staff>> {
        let mut conn = self.db().read().await?;
        store::staff(&mut conn, with_inactive).await
    }

    /// Adds a person (`id` = `None`) or changes one.
    pub async fn save_staff(&self, id: Option<EmployeeId>, draft: &StaffDraft) -> Result<Staff> {
        let valid = draft.validate()?;
        let mut tx = self.db().begin_write().await?;
        if store::unknown_categories(&mut tx, &valid.skills).await? {
            let mut issues = Issues::default();
            issues.add("skills", IssueCode::UnknownValue);
            return Err(issues.into());
        }
        let id = store::save_employee(&mut tx, id, &valid, self.now()).await?;
        let saved = store::employee(&mut tx, id).await?;
        tx.commit().await?;
        Ok(saved)
    }

    pub async fn bays(&self, with_inactive: bool) -> Result<Vec<Bay>> {
        let mut conn = self.db().read().await?;
        store::bays(&mut conn, with_inactive).await
    }

    pub async fn save_bay(&self, id: Option<BayId>, draft: &BayDraft) -> Result<Bay> {
        let valid = draft.validate()?;
        let mut tx = self.db().begin_write().await?;
        let mut issues = Issues::default();
        if let Some(other) = store::bay_named(&mut tx, &valid.name).await?
            && Some(other) != id
        {
            issues.add("name", IssueCode::Taken);
        }
        if store::unknown_categories(&mut tx, &valid.fit_for).await? {
            issues.add("fitFor", IssueCode::UnknownValue);
        }
        issues.into_result(())?;
        let id = store::save_bay(&mut tx, id, &valid).await?;
        let saved = store::bay(&mut tx, id).await?;
        tx.commit().await?;
        Ok(saved)
    }

    /// One person's patterns and exceptions, for the editor's lists.
    pub async fn shift_plan(&self, employee: EmployeeId) -> Result<ShiftPlan> {
        let mut conn = self.db().read().await?;
        store::employee(&mut conn, employee).await?;
        let patterns = store::patterns(&mut conn, Some(employee)).await?;
        let exceptions = store::exceptions(&mut conn, Some(employee), None).await?;
        Ok(ShiftPlan {
            patterns: patterns
                .iter()
                .map(|stored| PatternEntry {
                    id: row_id(stored.id),
                    employee: stored.employee,
                    draft: PatternDraft::from(&stored.assignment),
                })
                .collect(),
            exceptions: exceptions
                .iter()
                .map(|stored| ExceptionEntry {
                    id: row_id(stored.id),
                    employee: stored.employee,
                    draft: ExceptionDraft::from(&stored.exception),
                })
                .collect(),
        })
    }

    /// The days `from..=to` of every active mechanic (or of `only` one).
    pub async fn shift_days(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        only: Option<EmployeeId>,
    ) -> Result<Vec<StaffDays>> {
        check_span(from, to)?;
        let mut conn = self.db().read().await?;
        let people: Vec<Staff> = mechanics(store::staff(&mut conn, false).await?)
            .into_iter()
            .filter(|person| only.is_none_or(|id| id == person.id))
            .collect();
        let rules = store::rules(&mut conn, from, to).await?;
        Ok(staff_days(&people, &rules, from, to))
    }

    /// Applies a pattern from its first day to each listed person.
    pub async fn paint_pattern(&self, paint: &PatternPaint) -> Result<ShiftChange> {
        let assignment = paint.pattern.validate()?;
        let people = required_people(&paint.employees)?;
        let mut tx = self.db().begin_write().await?;
        for employee in &people {
            store::employee(&mut tx, *employee).await?;
            store::put_pattern(&mut tx, *employee, &assignment, self.now()).await?;
        }
        let change = self
            .outside_shift(&mut tx, &people, assignment.from, None)
            .await?;
        tx.commit().await?;
        Ok(change)
    }

    pub async fn delete_pattern(&self, id: u32) -> Result<ShiftChange> {
        let mut tx = self.db().begin_write().await?;
        let employee = store::delete_pattern(&mut tx, i64::from(id)).await?;
        let today = crate::appointments::zone(&mut tx).await?.today(self.now());
        let change = self
            .outside_shift(&mut tx, &[employee], today, None)
            .await?;
        tx.commit().await?;
        Ok(change)
    }

    /// Paints an exception over its days for each listed person: whatever
    /// exceptions those days had are replaced, so painting is predictable.
    pub async fn paint_exception(&self, paint: &ExceptionPaint) -> Result<ShiftChange> {
        let exception = paint.exception.validate()?;
        let people = required_people(&paint.employees)?;
        let mut tx = self.db().begin_write().await?;
        for employee in &people {
            store::employee(&mut tx, *employee).await?;
            self.cut_exceptions(&mut tx, *employee, exception.from, exception.to)
                .await?;
            store::insert_exception(&mut tx, *employee, &exception, self.now()).await?;
        }
        let change = self
            .outside_shift(&mut tx, &people, exception.from, Some(exception.to))
            .await?;
        tx.commit().await?;
        Ok(change)
    }

    /// Returns the days to the pattern: exceptions there are removed, and
    /// those reaching beyond the days keep their outer parts.
    pub async fn clear_exceptions(&self, clearing: &ExceptionClearing) -> Result<ShiftChange> {
        if clearing.to < clearing.from {
            let mut issues = Issues::default();
            issues.add("to", IssueCode::DateInvalid);
            return Err(issues.into());
        }
        let people = required_people(&clearing.employees)?;
        let mut tx = self.db().begin_write().await?;
        for employee in &people {
            store::employee(&mut tx, *employee).await?;
            self.cut_exceptions(&mut tx, *employee, clearing.from, clearing.to)
                .await?;
        }
        let change = self
            .outside_shift(&mut tx, &people, clearing.from, Some(clearing.to))
            .await?;
        tx.commit().await?;
        Ok(change)
    }

    pub async fn delete_exception(&self, id: u32) -> Result<()> {
        let mut tx = self.db().begin_write().await?;
        store::delete_exception(&mut tx, i64::from(id)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Removes `from..=to` from the person's exceptions, keeping the parts
    /// before and after.
    async fn cut_exceptions(
        &self,
        tx: &mut sqlx::SqliteConnection,
        employee: EmployeeId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<()> {
        let touching = store::exceptions(tx, Some(employee), Some((from, to))).await?;
        for stored in touching {
            store::delete_exception(tx, stored.id).await?;
            for rest in outside(&stored.exception, from, to) {
                store::insert_exception(tx, employee, &rest, self.now()).await?;
            }
        }
        Ok(())
    }
}

/// The parts of `exception` before `from` and after `to`.
fn outside(exception: &ShiftException, from: NaiveDate, to: NaiveDate) -> Vec<ShiftException> {
    let mut parts = Vec::new();
    if exception.from < from
        && let Some(end) = from.pred_opt()
    {
        parts.push(ShiftException {
            to: end,
            ..exception.clone()
        });
    }
    if exception.to > to
        && let Some(start) = to.succ_opt()
    {
        parts.push(ShiftException {
            from: start,
            ..exception.clone()
        });
    }
    parts
}

/// The days `from..=to` of each person under their rules.
pub(crate) fn staff_days(
    people: &[Staff],
    rules: &HashMap<EmployeeId, ShiftRules>,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<StaffDays> {
    people
        .iter()
        .map(|person| {
            let rules = rules.get(&person.id).cloned().unwrap_or_default();
            StaffDays {
                employee: person.id,
                days: day_shifts(&rules.patterns, &rules.exceptions, from, to),
            }
        })
        .collect()
}

pub(crate) fn mechanics(staff: Vec<Staff>) -> Vec<Staff> {
    staff
        .into_iter()
        .filter(|person| person.active && person.roles.contains(&Role::Mechanic))
        .collect()
}

fn required_people(employees: &[EmployeeId]) -> Result<Vec<EmployeeId>> {
    let unique: BTreeSet<EmployeeId> = employees.iter().copied().collect();
    if unique.is_empty() {
        let mut issues = Issues::default();
        issues.add("employees", IssueCode::Required);
        return Err(issues.into());
    }
    Ok(unique.into_iter().collect())
}

pub(crate) fn check_span(from: NaiveDate, to: NaiveDate) -> Result<()> {
    let days = (to - from).num_days();
    if !(0..MAX_SHIFT_DAYS).contains(&days) {
        let mut issues = Issues::default();
        issues.add_limit("to", IssueCode::OutOfRange, MAX_SHIFT_DAYS as usize);
        return Err(issues.into());
    }
    Ok(())
}

fn row_id(id: i64) -> u32 {
    u32::try_from(id).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::schedule::ExceptionKind;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a test date")
    }

    #[test]
    fn cutting_keeps_the_outer_parts() {
        let vacation = ShiftException {
            from: date("2026-12-01"),
            to: date("2026-12-14"),
            kind: ExceptionKind::Vacation,
            note: String::new(),
        };
        let parts = outside(&vacation, date("2026-12-05"), date("2026-12-07"));
        let spans: Vec<(NaiveDate, NaiveDate)> = parts.iter().map(|p| (p.from, p.to)).collect();
        assert_eq!(
            spans,
            [
                (date("2026-12-01"), date("2026-12-04")),
                (date("2026-12-08"), date("2026-12-14"))
            ]
        );
        assert!(outside(&vacation, date("2026-11-01"), date("2026-12-31")).is_empty());
    }
}
