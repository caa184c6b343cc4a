//! Instants, civil dates and RFC 3339 parsing: the little calendar arithmetic
//! the context rules need, without a date-time crate (see `tz.rs` for why).

use crate::error::Error;

/// A point in time: seconds since the Unix epoch plus nanoseconds, so
/// "24 h and half a second" is already more than 24 h.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Instant {
    pub secs: i64,
    pub nanos: u32,
}

impl Instant {
    /// Whether `self` is more than `secs` seconds after `earlier`.
    pub(crate) fn more_than_after(self, earlier: Instant, secs: i64) -> bool {
        let limit = Instant {
            secs: earlier.secs.saturating_add(secs),
            nanos: earlier.nanos,
        };
        self > limit
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
pub(crate) fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date `(year, month, day)` of a day number.
pub(crate) fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    // Both casts are of values in 1..=31 and 1..=12.
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

/// Day of the week of a day number: 0 = Monday … 6 = Sunday.
pub(crate) fn weekday(days: i64) -> usize {
    // 1970-01-01 was a Thursday (3); the result is in 0..7.
    (days + 3).rem_euclid(7) as usize
}

pub(crate) fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub(crate) fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Day number of the `n`-th (1-based) `wd` (0 = Monday) of a month.
pub(crate) fn nth_weekday(y: i64, m: u32, wd: usize, n: u32) -> i64 {
    let first = days_from_civil(y, m, 1);
    let delta = (wd + 7 - weekday(first)) % 7;
    first + delta as i64 + 7 * i64::from(n.saturating_sub(1))
}

/// Day number of the first `wd` on or after day `d` of a month (tzdata's `Sun>=8`).
pub(crate) fn weekday_on_or_after(y: i64, m: u32, d: u32, wd: usize) -> i64 {
    let start = days_from_civil(y, m, d);
    start + ((wd + 7 - weekday(start)) % 7) as i64
}

/// Day number of the last `wd` of a month.
pub(crate) fn last_weekday(y: i64, m: u32, wd: usize) -> i64 {
    let last = days_from_civil(y, m, days_in_month(y, m));
    last - ((weekday(last) + 7 - wd) % 7) as i64
}

/// Easter Sunday (Gregorian, anonymous algorithm of Meeus/Jones/Butcher) as a day number.
pub(crate) fn easter(y: i64) -> i64 {
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    // month is 3 or 4 and day 1..=31 by construction.
    days_from_civil(y, month as u32, day as u32)
}

/// Parses a fixed-width decimal field.
fn num(s: &str, range: std::ops::Range<usize>) -> Option<u32> {
    let part = s.get(range)?;
    if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    part.parse().ok()
}

/// Parses a local date `YYYY-MM-DD` into a day number.
pub(crate) fn parse_date(s: &str) -> Option<i64> {
    if s.len() != 10 || s.as_bytes().get(4) != Some(&b'-') || s.as_bytes().get(7) != Some(&b'-') {
        return None;
    }
    let (y, m, d) = (num(s, 0..4)?, num(s, 5..7)?, num(s, 8..10)?);
    let y = i64::from(y);
    ((1..=12).contains(&m) && (1..=days_in_month(y, m)).contains(&d))
        .then(|| days_from_civil(y, m, d))
}

/// Parses an RFC 3339 timestamp with a mandatory offset (`Z` or `±HH:MM`).
/// `field` names the value in errors.
#[cfg_attr(conforma_size, optimize(size))]
pub(crate) fn parse_rfc3339(s: &str, field: &str) -> Result<Instant, Error> {
    let bad = |why: &str| {
        Error::input(
            field,
            format!(
                "'{s}' is not an RFC 3339 time ({why}); write it like '2026-03-13T18:00:00-03:00' or '2026-03-13T21:00:00Z'"
            ),
        )
    };
    let s_trim = s.trim();
    let date = s_trim.get(0..10).ok_or_else(|| bad("too short"))?;
    let days = parse_date(date).ok_or_else(|| bad("invalid date"))?;
    match s_trim.as_bytes().get(10) {
        Some(b'T' | b't' | b' ') => {}
        _ => return Err(bad("missing 'T' between date and time")),
    }
    let time = s_trim.get(11..19).ok_or_else(|| bad("missing time"))?;
    if time.as_bytes().get(2) != Some(&b':') || time.as_bytes().get(5) != Some(&b':') {
        return Err(bad("time must be HH:MM:SS"));
    }
    let (h, mi, se) = (num(time, 0..2), num(time, 3..5), num(time, 6..8));
    let (Some(h), Some(mi), Some(se)) = (h, mi, se) else {
        return Err(bad("time must be HH:MM:SS"));
    };
    if h > 23 || mi > 59 || se > 59 {
        return Err(bad("time out of range"));
    }
    let mut rest = s_trim.get(19..).unwrap_or("");
    let mut nanos = 0u32;
    if let Some(frac) = rest.strip_prefix('.') {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return Err(bad("empty fraction of a second"));
        }
        let digits = frac.get(..n).unwrap_or("");
        for (i, b) in digits.bytes().take(9).enumerate() {
            nanos += u32::from(b - b'0') * 10u32.pow(8 - i as u32);
        }
        rest = frac.get(n..).unwrap_or("");
    }
    let offset_secs: i64 = match rest {
        "Z" | "z" => 0,
        "" => return Err(bad("missing offset: add 'Z' or '-03:00'")),
        o => {
            let sign = match o.as_bytes().first() {
                Some(b'+') => 1,
                Some(b'-') => -1,
                _ => return Err(bad("invalid offset")),
            };
            if o.len() != 6 || o.as_bytes().get(3) != Some(&b':') {
                return Err(bad("offset must be ±HH:MM"));
            }
            let (Some(oh), Some(om)) = (num(o, 1..3), num(o, 4..6)) else {
                return Err(bad("offset must be ±HH:MM"));
            };
            if oh > 23 || om > 59 {
                return Err(bad("offset out of range"));
            }
            sign * i64::from(oh * 3600 + om * 60)
        }
    };
    let secs = days * 86_400 + i64::from(h * 3600 + mi * 60 + se) - offset_secs;
    Ok(Instant { secs, nanos })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        for z in [-800_000i64, -1, 0, 1, 19_000, 20_000, 2_000_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(weekday(days_from_civil(2026, 3, 13)), 4); // Friday
    }

    #[test]
    fn easter_known_years() {
        for (y, m, d) in [
            (2019, 4, 21),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2038, 4, 25),
        ] {
            assert_eq!(easter(y), days_from_civil(y, m, d), "{y}");
        }
    }

    #[test]
    fn rfc3339() {
        let a = parse_rfc3339("2026-03-13T18:00:00-03:00", "now").unwrap();
        let b = parse_rfc3339("2026-03-13T21:00:00Z", "now").unwrap();
        assert_eq!(a, b);
        let c = parse_rfc3339("2026-03-13T21:00:00.5Z", "now").unwrap();
        assert_eq!(c.nanos, 500_000_000);
        for bad in [
            "",
            "2026-03-13",
            "2026-03-13T18:00:00",
            "2026-02-30T18:00:00Z",
            "2026-03-13T24:00:00Z",
            "2026-03-13T18:00Z",
            "2026-03-13T18:00:00+3",
            "2026-03-13T18:00:00.Z",
            "2026-03-13T18:00:00ZZ",
            "2026-٠3-13T18:00:00Z",
        ] {
            let e = parse_rfc3339(bad, "context.now").unwrap_err();
            assert_eq!(e.field(), Some("context.now"), "{bad}");
        }
    }
}
