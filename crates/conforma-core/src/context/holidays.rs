//! Holidays: explicit dates from the configuration plus built-in national
//! calendars, computed per year (nothing to update every January).
//!
//! - `BR` — Lei 662/1949, 6.802/1980 and 14.759/2023: 1 Jan, Tiradentes
//!   (21 Apr), 1 May, 7 Sep, 12 Oct, 2 Nov, 15 Nov, Consciência Negra (20 Nov,
//!   national from 2024), 25 Dec; and, derived from Easter, Carnaval Monday and
//!   Tuesday (−48/−47 days), Good Friday (−2) and Corpus Christi (+60).
//!   Carnaval and Corpus Christi are formally "ponto facultativo"; most
//!   businesses close, and one that opens should list its holidays in `dates`
//!   instead of using `BR`.
//! - `ES` — the holidays common to every autonomous community: 1 and 6 Jan,
//!   Good Friday, 1 May, 15 Aug, 12 Oct, 1 Nov, 6, 8 and 25 Dec. Regional and
//!   local days (and Sunday transfers decided by each region) go in `dates`.
//! - `MX` — Ley Federal del Trabajo art. 74: 1 Jan, first Monday of February,
//!   third Monday of March, 1 May, 16 Sep, third Monday of November, 25 Dec,
//!   and 1 Oct every six years from 2024 (change of federal executive).
//! - `AR` — Ley 27.399: fixed days (1 Jan, 24 Mar, 2 Apr, 1 May, 25 May,
//!   20 Jun, 9 Jul, 8 Dec, 25 Dec), Carnaval Monday and Tuesday, Good Friday,
//!   and the movable days (17 Jun, 17 Aug, 12 Oct, 20 Nov) moved by art. 6:
//!   Tuesday/Wednesday to the previous Monday, Thursday/Friday to the next.
//!   Yearly "días no laborables con fines turísticos" are set by decree: add
//!   them to `dates`.

use super::time::{days_from_civil, easter, nth_weekday, parse_date, weekday};
use crate::error::Error;

/// A built-in national calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Country {
    Br,
    Es,
    Mx,
    Ar,
}

const MON: usize = 0;

impl Country {
    fn parse(code: &str) -> Option<Country> {
        match code.to_ascii_uppercase().as_str() {
            "BR" => Some(Country::Br),
            "ES" => Some(Country::Es),
            "MX" => Some(Country::Mx),
            "AR" => Some(Country::Ar),
            _ => None,
        }
    }

    /// Whether local day number `day` of year `y` (month `m`, day `d`) is a holiday.
    fn is_holiday(self, day: i64, y: i64, m: u32, d: u32) -> bool {
        let md = (m, d);
        let e = easter(y);
        match self {
            Country::Br => {
                matches!(
                    md,
                    (1, 1) | (4, 21) | (5, 1) | (9, 7) | (10, 12) | (11, 2) | (11, 15) | (12, 25)
                ) || (md == (11, 20) && y >= 2024)
                    || [e - 48, e - 47, e - 2, e + 60].contains(&day)
            }
            Country::Es => {
                matches!(
                    md,
                    (1, 1)
                        | (1, 6)
                        | (5, 1)
                        | (8, 15)
                        | (10, 12)
                        | (11, 1)
                        | (12, 6)
                        | (12, 8)
                        | (12, 25)
                ) || day == e - 2
            }
            Country::Mx => {
                matches!(md, (1, 1) | (5, 1) | (9, 16) | (12, 25))
                    || day == nth_weekday(y, 2, MON, 1)
                    || day == nth_weekday(y, 3, MON, 3)
                    || day == nth_weekday(y, 11, MON, 3)
                    || (md == (10, 1) && y >= 2024 && (y - 2024) % 6 == 0)
            }
            Country::Ar => {
                matches!(
                    md,
                    (1, 1)
                        | (3, 24)
                        | (4, 2)
                        | (5, 1)
                        | (5, 25)
                        | (6, 20)
                        | (7, 9)
                        | (12, 8)
                        | (12, 25)
                ) || [e - 48, e - 47, e - 2].contains(&day)
                    || [(6, 17), (8, 17), (10, 12), (11, 20)]
                        .iter()
                        .any(|&(hm, hd)| ar_movable(y, hm, hd) == day)
            }
        }
    }
}

/// Ley 27.399 art. 6: Tuesday/Wednesday → previous Monday; Thursday/Friday → next Monday.
fn ar_movable(y: i64, m: u32, d: u32) -> i64 {
    let day = days_from_civil(y, m, d);
    match weekday(day) {
        1 => day - 1,
        2 => day - 2,
        3 => day + 4,
        4 => day + 3,
        _ => day,
    }
}

/// Compiled holidays.
#[derive(Debug, Clone, Default)]
pub(crate) struct HolidayCalendar {
    /// Explicit dates (few; a Vec keeps the wasm free of B-tree code).
    dates: Vec<i64>,
    countries: Vec<Country>,
}

impl HolidayCalendar {
    /// Validates `holidays.dates` and `holidays.national` (errors name `dates[i]`/`national[i]`).
    pub(crate) fn compile(dates: &[String], national: &[String]) -> Result<Self, Error> {
        let mut cal = HolidayCalendar::default();
        for (i, s) in dates.iter().enumerate() {
            let day = parse_date(s.trim()).ok_or_else(|| {
                Error::config(
                    &format!("dates[{i}]"),
                    format!("'{s}' is not a date; write it as YYYY-MM-DD, e.g. '2026-12-25'"),
                )
            })?;
            cal.dates.push(day);
        }
        for (i, code) in national.iter().enumerate() {
            let c = Country::parse(code.trim()).ok_or_else(|| {
                Error::unknown(
                    &format!("national[{i}]"),
                    format!("no built-in holiday calendar for '{code}'. Use 'BR', 'ES', 'MX' or 'AR', and list other days in 'dates'."),
                )
            })?;
            if !cal.countries.contains(&c) {
                cal.countries.push(c);
            }
        }
        Ok(cal)
    }

    /// Whether local day number `day` is a holiday.
    pub(crate) fn contains(&self, day: i64) -> bool {
        if self.dates.contains(&day) {
            return true;
        }
        if self.countries.is_empty() {
            return false;
        }
        let (y, m, d) = super::time::civil_from_days(day);
        self.countries.iter().any(|c| c.is_holiday(day, y, m, d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cal(code: &str) -> HolidayCalendar {
        HolidayCalendar::compile(&[], &[code.to_owned()]).unwrap()
    }

    #[test]
    fn argentina_movable_days() {
        let ar = cal("AR");
        // 2025-06-17 was a Tuesday: observed Monday 16 June.
        assert!(ar.contains(days_from_civil(2025, 6, 16)));
        assert!(!ar.contains(days_from_civil(2025, 6, 17)));
        // 2024-11-20 was a Wednesday: observed Monday 18 November.
        assert!(ar.contains(days_from_civil(2024, 11, 18)));
        // 2026-08-17 is a Monday: stays.
        assert!(ar.contains(days_from_civil(2026, 8, 17)));
    }

    #[test]
    fn errors_name_the_entry() {
        let e = HolidayCalendar::compile(&["2026-13-01".into()], &[]).unwrap_err();
        assert_eq!(e.field(), Some("dates[0]"));
        let e = HolidayCalendar::compile(&[], &["BR".into(), "FR".into()]).unwrap_err();
        assert_eq!(e.field(), Some("national[1]"));
    }
}
