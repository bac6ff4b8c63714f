//! Half-open spans of the shop's wall-clock time and sorted, merged sets of
//! them: working time, busy time and free time are all [`IntervalSet`]s, and
//! every scheduling question is a union, an intersection or a difference of
//! sets, done by one linear sweep over sorted vectors.

use chrono::{NaiveDateTime, TimeDelta};
use serde::Serialize;

/// `[start, end)` in the shop's local time; never empty (`start < end`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Interval {
    start: NaiveDateTime,
    end: NaiveDateTime,
}

impl Interval {
    /// `None` unless `start < end`: an empty span books nothing and would
    /// only confuse the sweeps.
    pub fn new(start: NaiveDateTime, end: NaiveDateTime) -> Option<Interval> {
        (start < end).then_some(Interval { start, end })
    }

    /// `minutes` from `start`; `None` for zero minutes.
    pub fn starting_at(start: NaiveDateTime, minutes: u32) -> Option<Interval> {
        start
            .checked_add_signed(TimeDelta::minutes(i64::from(minutes)))
            .and_then(|end| Interval::new(start, end))
    }

    /// `length` from `start`, at least a minute: for spans that are never
    /// empty by construction (a shift, a grid step).
    pub fn lasting(start: NaiveDateTime, length: TimeDelta) -> Interval {
        Interval {
            start,
            end: start + length.max(TimeDelta::minutes(1)),
        }
    }

    pub fn start(self) -> NaiveDateTime {
        self.start
    }

    pub fn end(self) -> NaiveDateTime {
        self.end
    }

    pub fn duration(self) -> TimeDelta {
        self.end - self.start
    }

    /// Touching spans (`a.end == b.start`) do not overlap: one appointment may
    /// start the minute another ends.
    pub fn overlaps(self, other: Interval) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn contains(self, other: Interval) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn contains_point(self, at: NaiveDateTime) -> bool {
        self.start <= at && at < self.end
    }

    pub fn intersection(self, other: Interval) -> Option<Interval> {
        Interval::new(self.start.max(other.start), self.end.min(other.end))
    }

    /// What remains of `self` before and after `other`.
    pub fn subtract(self, other: Interval) -> (Option<Interval>, Option<Interval>) {
        if !self.overlaps(other) {
            return if self.end <= other.start {
                (Some(self), None)
            } else {
                (None, Some(self))
            };
        }
        (
            Interval::new(self.start, other.start),
            Interval::new(other.end, self.end),
        )
    }
}

/// A union of intervals kept sorted, with overlapping and touching ones merged,
/// so equal sets compare equal and containment is a binary search.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(transparent)]
pub struct IntervalSet(Vec<Interval>);

impl IntervalSet {
    pub fn new() -> IntervalSet {
        IntervalSet(Vec::new())
    }

    pub fn single(interval: Interval) -> IntervalSet {
        IntervalSet(vec![interval])
    }

    /// Any intervals, in any order, overlapping or not.
    pub fn from_intervals(intervals: impl IntoIterator<Item = Interval>) -> IntervalSet {
        let mut all: Vec<Interval> = intervals.into_iter().collect();
        all.sort_unstable();
        IntervalSet(merge_sorted(all))
    }

    pub fn as_slice(&self) -> &[Interval] {
        &self.0
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Interval> {
        self.0.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The number of disjoint intervals.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn total(&self) -> TimeDelta {
        self.0
            .iter()
            .fold(TimeDelta::zero(), |sum, span| sum + span.duration())
    }

    pub fn insert(&mut self, interval: Interval) {
        *self = self.union(&IntervalSet::single(interval));
    }

    pub fn union(&self, other: &IntervalSet) -> IntervalSet {
        let mut all = Vec::with_capacity(self.0.len() + other.0.len());
        let (mut a, mut b) = (self.0.iter().peekable(), other.0.iter().peekable());
        // A merge of two sorted lists keeps the result sorted without a sort.
        loop {
            let next = match (a.peek(), b.peek()) {
                (Some(x), Some(y)) if x <= y => a.next(),
                (Some(_), Some(_)) => b.next(),
                (Some(_), None) => a.next(),
                (None, _) => b.next(),
            };
            match next {
                Some(interval) => all.push(*interval),
                None => break,
            }
        }
        IntervalSet(merge_sorted(all))
    }

    pub fn intersect(&self, other: &IntervalSet) -> IntervalSet {
        let mut out = Vec::new();
        let (mut i, mut j) = (0, 0);
        while let (Some(a), Some(b)) = (self.0.get(i), other.0.get(j)) {
            if let Some(common) = a.intersection(*b) {
                out.push(common);
            }
            if a.end <= b.end {
                i += 1;
            } else {
                j += 1;
            }
        }
        IntervalSet(out)
    }

    /// The part of `self` inside `window`.
    pub fn clip(&self, window: Interval) -> IntervalSet {
        let first = self.0.partition_point(|span| span.end <= window.start);
        let out = self.0[first..]
            .iter()
            .take_while(|span| span.start < window.end)
            .filter_map(|span| span.intersection(window))
            .collect();
        IntervalSet(out)
    }

    pub fn subtract(&self, other: &IntervalSet) -> IntervalSet {
        let mut out = Vec::with_capacity(self.0.len());
        let mut j = 0;
        for span in &self.0 {
            let mut rest = Some(*span);
            // Holes that end before this span cannot touch the later spans either.
            while other.0.get(j).is_some_and(|hole| hole.end <= span.start) {
                j += 1;
            }
            let mut k = j;
            while let (Some(current), Some(hole)) = (rest, other.0.get(k)) {
                if hole.start >= current.end {
                    break;
                }
                let (before, after) = current.subtract(*hole);
                out.extend(before);
                rest = after;
                k += 1;
            }
            out.extend(rest);
        }
        IntervalSet(out)
    }

    /// The interval of the set that holds all of `candidate`, if one does.
    pub fn containing(&self, candidate: Interval) -> Option<Interval> {
        let index = self.0.partition_point(|span| span.end < candidate.end);
        self.0
            .get(index)
            .copied()
            .filter(|span| span.contains(candidate))
    }

    pub fn contains(&self, candidate: Interval) -> bool {
        self.containing(candidate).is_some()
    }

    /// The first interval of the set that overlaps `candidate`.
    pub fn first_overlap(&self, candidate: Interval) -> Option<Interval> {
        let index = self.0.partition_point(|span| span.end <= candidate.start);
        self.0
            .get(index)
            .copied()
            .filter(|span| span.overlaps(candidate))
    }

    /// How much of `window` the set covers (a mechanic's booked time in a day).
    pub fn covered_in(&self, window: Interval) -> TimeDelta {
        let first = self.0.partition_point(|span| span.end <= window.start);
        self.0[first..]
            .iter()
            .take_while(|span| span.start < window.end)
            .filter_map(|span| span.intersection(window))
            .fold(TimeDelta::zero(), |sum, span| sum + span.duration())
    }
}

impl FromIterator<Interval> for IntervalSet {
    fn from_iter<I: IntoIterator<Item = Interval>>(iter: I) -> Self {
        IntervalSet::from_intervals(iter)
    }
}

impl<'a> IntoIterator for &'a IntervalSet {
    type Item = &'a Interval;
    type IntoIter = std::slice::Iter<'a, Interval>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

fn merge_sorted(sorted: Vec<Interval>) -> Vec<Interval> {
    let mut out: Vec<Interval> = Vec::with_capacity(sorted.len());
    for span in sorted {
        match out.last_mut() {
            Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
            _ => out.push(span),
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use chrono::NaiveDate;

    use super::*;

    /// `"2026-11-30 09:00"`.
    pub(crate) fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("a test time")
    }

    pub(crate) fn iv(start: &str, end: &str) -> Interval {
        Interval::new(at(start), at(end)).expect("a non-empty test interval")
    }

    /// Hours of one day: `set(&[(9, 13), (14, 18)])` on 2026-11-30.
    fn hours(spans: &[(u32, u32)]) -> IntervalSet {
        let day = NaiveDate::from_ymd_opt(2026, 11, 30).expect("a date");
        spans
            .iter()
            .map(|&(from, to)| {
                Interval::new(
                    day.and_hms_opt(from, 0, 0).expect("an hour"),
                    day.and_hms_opt(to, 0, 0).expect("an hour"),
                )
                .expect("non-empty")
            })
            .collect()
    }

    #[test]
    fn empty_intervals_do_not_exist() {
        assert_eq!(
            Interval::new(at("2026-11-30 09:00"), at("2026-11-30 09:00")),
            None
        );
        assert_eq!(
            Interval::new(at("2026-11-30 10:00"), at("2026-11-30 09:00")),
            None
        );
        assert_eq!(Interval::starting_at(at("2026-11-30 09:00"), 0), None);
        assert_eq!(
            Interval::starting_at(at("2026-11-30 23:30"), 60),
            Some(iv("2026-11-30 23:30", "2026-12-01 00:30"))
        );
    }

    #[test]
    fn interval_relations() {
        let day = iv("2026-11-30 09:00", "2026-11-30 18:00");
        let table = [
            // (other, overlaps, contains)
            (iv("2026-11-30 08:00", "2026-11-30 09:00"), false, false),
            (iv("2026-11-30 18:00", "2026-11-30 19:00"), false, false),
            (iv("2026-11-30 08:00", "2026-11-30 09:15"), true, false),
            (iv("2026-11-30 09:00", "2026-11-30 18:00"), true, true),
            (iv("2026-11-30 12:00", "2026-11-30 13:00"), true, true),
            (iv("2026-11-30 17:00", "2026-11-30 19:00"), true, false),
        ];
        for (other, overlaps, contains) in table {
            assert_eq!(day.overlaps(other), overlaps, "{other:?}");
            assert_eq!(other.overlaps(day), overlaps, "{other:?}");
            assert_eq!(day.contains(other), contains, "{other:?}");
        }
        assert!(day.contains_point(at("2026-11-30 09:00")));
        assert!(!day.contains_point(at("2026-11-30 18:00")));
    }

    #[test]
    fn interval_subtract_leaves_the_parts_before_and_after() {
        let day = iv("2026-11-30 09:00", "2026-11-30 18:00");
        let table = [
            (
                iv("2026-11-30 13:00", "2026-11-30 14:00"),
                (
                    Some(iv("2026-11-30 09:00", "2026-11-30 13:00")),
                    Some(iv("2026-11-30 14:00", "2026-11-30 18:00")),
                ),
            ),
            (
                iv("2026-11-30 08:00", "2026-11-30 10:00"),
                (None, Some(iv("2026-11-30 10:00", "2026-11-30 18:00"))),
            ),
            (
                iv("2026-11-30 17:00", "2026-11-30 20:00"),
                (Some(iv("2026-11-30 09:00", "2026-11-30 17:00")), None),
            ),
            (iv("2026-11-30 08:00", "2026-11-30 19:00"), (None, None)),
            (
                iv("2026-11-30 19:00", "2026-11-30 20:00"),
                (Some(day), None),
            ),
            (
                iv("2026-11-30 07:00", "2026-11-30 08:00"),
                (None, Some(day)),
            ),
        ];
        for (hole, expected) in table {
            assert_eq!(day.subtract(hole), expected, "{hole:?}");
        }
    }

    #[test]
    fn sets_are_sorted_and_merged() {
        let set = IntervalSet::from_intervals([
            iv("2026-11-30 14:00", "2026-11-30 15:00"),
            iv("2026-11-30 09:00", "2026-11-30 10:00"),
            iv("2026-11-30 10:00", "2026-11-30 11:00"),
            iv("2026-11-30 14:30", "2026-11-30 14:45"),
            iv("2026-11-30 12:00", "2026-11-30 13:00"),
        ]);
        assert_eq!(set, hours(&[(9, 11), (12, 13), (14, 15)]));
        assert_eq!(set.total(), TimeDelta::hours(4));
        let mut grown = set.clone();
        grown.insert(iv("2026-11-30 10:30", "2026-11-30 12:30"));
        assert_eq!(grown, hours(&[(9, 13), (14, 15)]));
    }

    #[test]
    fn set_operations() {
        let work = hours(&[(8, 12), (13, 20)]);
        let table = [
            // (other, union, intersect, work - other)
            (
                hours(&[(9, 10), (11, 14)]),
                hours(&[(8, 20)]),
                hours(&[(9, 10), (11, 12), (13, 14)]),
                hours(&[(8, 9), (10, 11), (14, 20)]),
            ),
            (hours(&[]), work.clone(), hours(&[]), work.clone()),
            (
                hours(&[(0, 23)]),
                hours(&[(0, 23)]),
                work.clone(),
                hours(&[]),
            ),
            (
                hours(&[(12, 13)]),
                hours(&[(8, 20)]),
                hours(&[]),
                work.clone(),
            ),
            (
                hours(&[(8, 9), (10, 11), (15, 16), (19, 21)]),
                hours(&[(8, 12), (13, 21)]),
                hours(&[(8, 9), (10, 11), (15, 16), (19, 20)]),
                hours(&[(9, 10), (11, 12), (13, 15), (16, 19)]),
            ),
        ];
        for (other, union, intersect, difference) in table {
            assert_eq!(work.union(&other), union, "{other:?}");
            assert_eq!(other.union(&work), union, "{other:?}");
            assert_eq!(work.intersect(&other), intersect, "{other:?}");
            assert_eq!(other.intersect(&work), intersect, "{other:?}");
            assert_eq!(work.subtract(&other), difference, "{other:?}");
        }
    }

    /// A small deterministic generator: the laws must hold for any sets.
    fn pseudo_random_sets(seed: u64, count: usize) -> Vec<IntervalSet> {
        let mut state = seed;
        let mut next = move |bound: u64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) % bound
        };
        let day = at("2026-11-30 00:00");
        (0..count)
            .map(|_| {
                let spans = next(6);
                (0..spans)
                    .filter_map(|_| {
                        let start = day + TimeDelta::minutes(15 * next(96) as i64);
                        Interval::starting_at(start, 15 * (next(12) as u32 + 1))
                    })
                    .collect()
            })
            .collect()
    }

    /// Membership of each quarter-hour point decides the set operations.
    fn member(set: &IntervalSet, point: NaiveDateTime) -> bool {
        set.iter().any(|span| span.contains_point(point))
    }

    #[test]
    fn set_operations_agree_with_pointwise_membership() {
        let sets = pseudo_random_sets(7, 40);
        let points: Vec<NaiveDateTime> = (0..4 * 30)
            .map(|q| at("2026-11-30 00:00") + TimeDelta::minutes(15 * q))
            .collect();
        for a in &sets {
            for b in &sets {
                let (union, common, difference) = (a.union(b), a.intersect(b), a.subtract(b));
                for set in [&union, &common, &difference] {
                    assert!(set.as_slice().windows(2).all(|w| w[0].end < w[1].start));
                }
                for &p in &points {
                    let (in_a, in_b) = (member(a, p), member(b, p));
                    assert_eq!(member(&union, p), in_a || in_b);
                    assert_eq!(member(&common, p), in_a && in_b);
                    assert_eq!(member(&difference, p), in_a && !in_b);
                }
                assert_eq!(a.subtract(b).union(&common), *a);
            }
        }
    }

    #[test]
    fn lookups_by_binary_search() {
        let set = hours(&[(8, 12), (13, 20)]);
        let table = [
            // (candidate, containing, first overlap)
            (
                iv("2026-11-30 09:00", "2026-11-30 10:00"),
                Some(iv("2026-11-30 08:00", "2026-11-30 12:00")),
                Some(iv("2026-11-30 08:00", "2026-11-30 12:00")),
            ),
            (
                iv("2026-11-30 11:00", "2026-11-30 14:00"),
                None,
                Some(iv("2026-11-30 08:00", "2026-11-30 12:00")),
            ),
            (iv("2026-11-30 12:00", "2026-11-30 13:00"), None, None),
            (
                iv("2026-11-30 13:00", "2026-11-30 20:00"),
                Some(iv("2026-11-30 13:00", "2026-11-30 20:00")),
                Some(iv("2026-11-30 13:00", "2026-11-30 20:00")),
            ),
            (iv("2026-11-30 20:00", "2026-11-30 21:00"), None, None),
        ];
        for (candidate, containing, overlap) in table {
            assert_eq!(set.containing(candidate), containing, "{candidate:?}");
            assert_eq!(set.first_overlap(candidate), overlap, "{candidate:?}");
        }
        assert_eq!(
            set.covered_in(iv("2026-11-30 11:00", "2026-11-30 14:00")),
            TimeDelta::hours(2)
        );
        assert_eq!(
            set.clip(iv("2026-11-30 11:00", "2026-11-30 14:00")),
            hours(&[(11, 12), (13, 14)])
        );
    }
}
