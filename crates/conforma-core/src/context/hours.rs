//! Weekly business hours: several `"HH:MM-HH:MM"` intervals per day.
//!
//! The opening time is inside and the closing time outside (`09:00-13:00`
//! makes 13:00:00 closed). `24:00` is accepted as a closing time. A day that
//! is missing from the map, or has an empty list, is closed. Intervals must
//! not be inverted, empty or overlap; an interval across midnight is split in
//! two (`"fri": ["22:00-24:00"], "sat": ["00:00-02:00"]`).

use crate::error::Error;

/// Day keys in weekday order (0 = Monday).
pub(crate) const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// Compiled weekly hours: per weekday, sorted `[open, close)` in seconds of the day.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Week {
    days: [Vec<(u32, u32)>; 7],
}

fn parse_hm(s: &str) -> Option<u32> {
    let (h, m) = s.trim().split_once(':')?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    if !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (m < 60 && (h < 24 || (h == 24 && m == 0))).then_some(h * 3600 + m * 60)
}

impl Week {
    /// Compiles the `hours` map; errors name `mon[1]` etc. (relative to `hours`).
    pub(crate) fn compile<'a>(
        map: impl IntoIterator<Item = (&'a String, &'a Vec<String>)>,
    ) -> Result<Week, Error> {
        let mut week = Week::default();
        for (key, intervals) in map {
            let k = key.trim().to_ascii_lowercase();
            let Some(idx) = DAYS.iter().position(|d| k == *d) else {
                let hint = crate::error::closest(&k, DAYS)
                    .map(|d| format!(" Did you mean '{d}'?"))
                    .unwrap_or_default();
                return Err(Error::config(
                    key,
                    format!("unknown day '{key}'. Use mon, tue, wed, thu, fri, sat, sun.{hint}"),
                ));
            };
            let mut parsed: Vec<(u32, u32, usize)> = Vec::new();
            for (i, iv) in intervals.iter().enumerate() {
                let field = format!("{key}[{i}]");
                let (a, b) = iv
                    .split_once(['-', '–'])
                    .and_then(|(a, b)| Some((parse_hm(a)?, parse_hm(b)?)))
                    .ok_or_else(|| {
                        Error::config(
                            &field,
                            format!("'{iv}' is not an interval; write it as \"08:00-18:00\" (24-hour clock)"),
                        )
                    })?;
                if a == 24 * 3600 || a >= b {
                    return Err(Error::config(
                        &field,
                        format!("'{iv}' is inverted or empty: the opening time must come before the closing time. Split intervals across midnight into two days."),
                    ));
                }
                parsed.push((a, b, i));
            }
            // Insertion sort: a handful of intervals, and no sort code in the wasm.
            for k in 1..parsed.len() {
                let mut m = k;
                while m > 0 && parsed.get(m - 1) > parsed.get(m) {
                    parsed.swap(m - 1, m);
                    m -= 1;
                }
            }
            for w in parsed.windows(2) {
                if let [(_, end, i), (start, _, j)] = w {
                    if start < end {
                        let (i, j) = ((*i).min(*j), (*i).max(*j));
                        return Err(Error::config(
                            &format!("{key}[{j}]"),
                            format!("overlaps {key}[{i}]; merge the two intervals"),
                        ));
                    }
                }
            }
            if let Some(slot) = week.days.get_mut(idx) {
                if !slot.is_empty() {
                    return Err(Error::config(key, format!("day '{k}' is given twice")));
                }
                *slot = parsed.into_iter().map(|(a, b, _)| (a, b)).collect();
            }
        }
        if week.days.iter().all(Vec::is_empty) {
            return Err(Error::new(
                crate::error::ErrorKind::Config,
                None,
                "no day has opening hours; give at least one interval (e.g. \"mon\": [\"08:00-18:00\"]) or remove 'hours' to turn the rule off",
            ));
        }
        Ok(week)
    }

    /// Whether second-of-day `sec` on weekday `wd` is inside an interval.
    pub(crate) fn is_open(&self, wd: usize, sec: u32) -> bool {
        self.days
            .get(wd)
            .is_some_and(|d| d.iter().any(|&(a, b)| a <= sec && sec < b))
    }

    /// The first opening strictly after second-of-day `sec` on weekday `wd`,
    /// or any opening on a later day (`sec = None`).
    pub(crate) fn next_open(&self, wd: usize, sec: Option<u32>) -> Option<u32> {
        self.days
            .get(wd)?
            .iter()
            .map(|&(a, _)| a)
            .find(|&a| sec.is_none_or(|s| a > s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn week(pairs: &[(&str, &[&str])]) -> Result<Week, Error> {
        let map: BTreeMap<String, Vec<String>> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.iter().map(|s| s.to_string()).collect()))
            .collect();
        Week::compile(&map)
    }

    #[test]
    fn boundaries() {
        let w = week(&[
            ("sat", &["09:00-13:00"]),
            ("mon", &["08:00-12:00", "13:00-24:00"]),
        ])
        .unwrap();
        assert!(w.is_open(5, 9 * 3600));
        assert!(w.is_open(5, 13 * 3600 - 1));
        assert!(!w.is_open(5, 13 * 3600));
        assert!(!w.is_open(0, 12 * 3600 + 30 * 60));
        assert!(w.is_open(0, 86_399));
        assert!(!w.is_open(6, 10 * 3600));
        assert_eq!(w.next_open(0, Some(12 * 3600)), Some(13 * 3600));
    }

    #[test]
    fn errors_name_the_interval() {
        for (pairs, field) in [
            (
                &[("mon", &["08:00-18:00", "17:00-19:00"][..])][..],
                "mon[1]",
            ),
            (&[("mon", &["18:00-08:00"][..])][..], "mon[0]"),
            (&[("tue", &["8h-18h"][..])][..], "tue[0]"),
            (&[("tue", &["08:00-24:30"][..])][..], "tue[0]"),
            (&[("monday", &["08:00-18:00"][..])][..], "monday"),
        ] {
            assert_eq!(week(pairs).unwrap_err().field(), Some(field));
        }
    }
}
