//! Time zones: a compact embedded table of the IANA zones our users live in.
//!
//! # Why not a tz database
//!
//! The engine ships as wasm and the whole package must stay under 150 KB
//! gzipped, shared with the content lexicons. Measured on this branch
//! (wasm32, `opt-level = "s"`, LTO, symbols stripped, before wasm-opt): a
//! minimal crate that converts one instant with `jiff` 0.2 and its bundled
//! tzdb (`tzdb-bundle-always`, every IANA zone) is 466 KB raw, 145 KB
//! gzipped: the whole budget. This table costs a few KB. The
//! alternative of reading zone data from the host (`Intl` in JS) would make
//! the core depend on its caller and the CLI on the OS.
//!
//! So each zone is a standard offset plus, where the zone observes daylight
//! saving time, one of five rule families (EU, US, Chile, Cuba and none).
//! This is exact for instants from 2023 on under tzdata 2025 rules (Mexico
//! dropped DST in 2022, Brazil in 2019, Paraguay in 2024; Chile's rule has
//! been stable since 2023). Older instants are converted with today's rules;
//! only `now` is ever converted to local time, so that is enough. Unknown
//! zones are an error with a "did you mean" hint, never UTC by default.

use super::time::{last_weekday, nth_weekday, weekday_on_or_after, Instant};
use crate::error::{closest, Error};

/// Daylight-saving rule families (transition instants per tzdata 2025).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dst {
    /// No DST.
    None,
    /// EU: last Sunday of March 01:00 UTC to last Sunday of October 01:00 UTC.
    Eu,
    /// US/Canada and Mexico's border zones: second Sunday of March 02:00 local
    /// to first Sunday of November 02:00 local (daylight).
    Us,
    /// Chile (southern hemisphere): first Sunday on or after 2 September at
    /// 04:00 UTC to first Sunday on or after 2 April at 03:00 UTC.
    Chile,
    /// Cuba: second Sunday of March 00:00 standard to first Sunday of November 00:00 standard.
    Cuba,
}

/// Sunday in our weekday numbering (0 = Monday).
const SUN: usize = 6;

/// One zone: standard offset in minutes east of UTC and its DST family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Zone {
    std_min: i32,
    dst: Dst,
}

/// Supported zones (canonical names and common links), sorted by name.
static ZONES: &[(&str, i32, Dst)] = &[
    ("Africa/Ceuta", 60, Dst::Eu),
    ("Africa/Luanda", 60, Dst::None),
    ("Africa/Malabo", 60, Dst::None),
    ("Africa/Maputo", 120, Dst::None),
    ("America/Anchorage", -540, Dst::Us),
    ("America/Araguaina", -180, Dst::None),
    ("America/Argentina/Buenos_Aires", -180, Dst::None),
    ("America/Argentina/Catamarca", -180, Dst::None),
    ("America/Argentina/Cordoba", -180, Dst::None),
    ("America/Argentina/Jujuy", -180, Dst::None),
    ("America/Argentina/La_Rioja", -180, Dst::None),
    ("America/Argentina/Mendoza", -180, Dst::None),
    ("America/Argentina/Rio_Gallegos", -180, Dst::None),
    ("America/Argentina/Salta", -180, Dst::None),
    ("America/Argentina/San_Juan", -180, Dst::None),
    ("America/Argentina/San_Luis", -180, Dst::None),
    ("America/Argentina/Tucuman", -180, Dst::None),
    ("America/Argentina/Ushuaia", -180, Dst::None),
    ("America/Asuncion", -180, Dst::None),
    ("America/Bahia", -180, Dst::None),
    ("America/Bahia_Banderas", -360, Dst::None),
    ("America/Belem", -180, Dst::None),
    ("America/Boa_Vista", -240, Dst::None),
    ("America/Bogota", -300, Dst::None),
    ("America/Buenos_Aires", -180, Dst::None),
    ("America/Campo_Grande", -240, Dst::None),
    ("America/Cancun", -300, Dst::None),
    ("America/Caracas", -240, Dst::None),
    ("America/Chicago", -360, Dst::Us),
    ("America/Chihuahua", -360, Dst::None),
    ("America/Ciudad_Juarez", -420, Dst::Us),
    ("America/Cordoba", -180, Dst::None),
    ("America/Costa_Rica", -360, Dst::None),
    ("America/Cuiaba", -240, Dst::None),
    ("America/Denver", -420, Dst::Us),
    ("America/Eirunepe", -300, Dst::None),
    ("America/El_Salvador", -360, Dst::None),
    ("America/Fortaleza", -180, Dst::None),
    ("America/Guatemala", -360, Dst::None),
    ("America/Guayaquil", -300, Dst::None),
    ("America/Havana", -300, Dst::Cuba),
    ("America/Hermosillo", -420, Dst::None),
    ("America/La_Paz", -240, Dst::None),
    ("America/Lima", -300, Dst::None),
    ("America/Los_Angeles", -480, Dst::Us),
    ("America/Maceio", -180, Dst::None),
    ("America/Managua", -360, Dst::None),
    ("America/Manaus", -240, Dst::None),
    ("America/Matamoros", -360, Dst::Us),
    ("America/Mazatlan", -420, Dst::None),
    ("America/Mendoza", -180, Dst::None),
    ("America/Merida", -360, Dst::None),
    ("America/Mexico_City", -360, Dst::None),
    ("America/Monterrey", -360, Dst::None),
    ("America/Montevideo", -180, Dst::None),
    ("America/New_York", -300, Dst::Us),
    ("America/Noronha", -120, Dst::None),
    ("America/Ojinaga", -360, Dst::Us),
    ("America/Panama", -300, Dst::None),
    ("America/Phoenix", -420, Dst::None),
    ("America/Porto_Velho", -240, Dst::None),
    ("America/Puerto_Rico", -240, Dst::None),
    ("America/Punta_Arenas", -180, Dst::None),
    ("America/Recife", -180, Dst::None),
    ("America/Rio_Branco", -300, Dst::None),
    ("America/Santarem", -180, Dst::None),
    ("America/Santiago", -240, Dst::Chile),
    ("America/Santo_Domingo", -240, Dst::None),
    ("America/Sao_Paulo", -180, Dst::None),
    ("America/Tegucigalpa", -360, Dst::None),
    ("America/Tijuana", -480, Dst::Us),
    ("Atlantic/Azores", -60, Dst::Eu),
    ("Atlantic/Canary", 0, Dst::Eu),
    ("Atlantic/Madeira", 0, Dst::Eu),
    ("Brazil/Acre", -300, Dst::None),
    ("Brazil/DeNoronha", -120, Dst::None),
    ("Brazil/East", -180, Dst::None),
    ("Brazil/West", -240, Dst::None),
    ("Chile/Continental", -240, Dst::Chile),
    ("Chile/EasterIsland", -360, Dst::Chile),
    ("Etc/GMT", 0, Dst::None),
    ("Etc/UTC", 0, Dst::None),
    ("Europe/Amsterdam", 60, Dst::Eu),
    ("Europe/Berlin", 60, Dst::Eu),
    ("Europe/Brussels", 60, Dst::Eu),
    ("Europe/Dublin", 0, Dst::Eu),
    ("Europe/Lisbon", 0, Dst::Eu),
    ("Europe/London", 0, Dst::Eu),
    ("Europe/Madrid", 60, Dst::Eu),
    ("Europe/Paris", 60, Dst::Eu),
    ("Europe/Rome", 60, Dst::Eu),
    ("Europe/Zurich", 60, Dst::Eu),
    ("GMT", 0, Dst::None),
    ("Mexico/General", -360, Dst::None),
    ("Pacific/Easter", -360, Dst::Chile),
    ("Pacific/Galapagos", -360, Dst::None),
    ("Pacific/Honolulu", -600, Dst::None),
    ("UTC", 0, Dst::None),
];

impl Zone {
    /// Looks up an IANA name (exact spelling, as in tzdata).
    pub(crate) fn get(name: &str, field: &str) -> Result<Zone, Error> {
        if let Ok(i) = ZONES.binary_search_by(|(n, _, _)| n.cmp(&name)) {
            if let Some((_, std_min, dst)) = ZONES.get(i) {
                return Ok(Zone {
                    std_min: *std_min,
                    dst: *dst,
                });
            }
        }
        let hint = match closest(name, ZONES.iter().map(|(n, _, _)| *n)) {
            Some(n) => format!(" Did you mean '{n}'?"),
            None => " Use an IANA name such as 'America/Sao_Paulo', 'America/Mexico_City' or 'Europe/Madrid' (supported zones are listed in the README).".to_owned(),
        };
        Err(Error::unknown(
            field,
            format!("unknown or unsupported time zone '{name}'.{hint}"),
        ))
    }

    /// UTC offset in seconds at instant `t`.
    pub(crate) fn offset_at(&self, t: Instant) -> i64 {
        let std = i64::from(self.std_min) * 60;
        let dst_on = match self.dst {
            Dst::None => false,
            Dst::Eu => {
                let y = year_of(t.secs + std);
                let start = last_weekday(y, 3, SUN) * 86_400 + 3600;
                let end = last_weekday(y, 10, SUN) * 86_400 + 3600;
                t.secs >= start && t.secs < end
            }
            Dst::Us => {
                let y = year_of(t.secs + std);
                // 02:00 local standard time, and 02:00 local daylight time.
                let start = nth_weekday(y, 3, SUN, 2) * 86_400 + 7200 - std;
                let end = nth_weekday(y, 11, SUN, 1) * 86_400 + 7200 - (std + 3600);
                t.secs >= start && t.secs < end
            }
            Dst::Cuba => {
                let y = year_of(t.secs + std);
                let start = nth_weekday(y, 3, SUN, 2) * 86_400 - std;
                let end = nth_weekday(y, 11, SUN, 1) * 86_400 - std;
                t.secs >= start && t.secs < end
            }
            Dst::Chile => {
                let y = year_of(t.secs + std);
                let end = weekday_on_or_after(y, 4, 2, SUN) * 86_400 + 3 * 3600;
                let start = weekday_on_or_after(y, 9, 2, SUN) * 86_400 + 4 * 3600;
                t.secs < end || t.secs >= start
            }
        };
        if dst_on {
            std + 3600
        } else {
            std
        }
    }
}

fn year_of(secs: i64) -> i64 {
    super::time::civil_from_days(secs.div_euclid(86_400)).0
}

#[cfg(test)]
mod tests {
    use super::super::time::parse_rfc3339;
    use super::*;

    #[test]
    fn table_is_sorted_for_binary_search() {
        assert!(ZONES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    fn off(zone: &str, at: &str) -> i64 {
        Zone::get(zone, "timezone")
            .unwrap()
            .offset_at(parse_rfc3339(at, "t").unwrap())
            / 60
    }

    #[test]
    fn dst_transitions() {
        // Europe/Madrid: 2026-03-29 01:00Z and 2026-10-25 01:00Z.
        assert_eq!(off("Europe/Madrid", "2026-03-29T00:59:59Z"), 60);
        assert_eq!(off("Europe/Madrid", "2026-03-29T01:00:00Z"), 120);
        assert_eq!(off("Europe/Madrid", "2026-10-25T00:59:59Z"), 120);
        assert_eq!(off("Europe/Madrid", "2026-10-25T01:00:00Z"), 60);
        assert_eq!(off("Atlantic/Canary", "2026-07-01T12:00:00Z"), 60);
        // America/Santiago: 2026-04-05 03:00Z (end) and 2026-09-06 04:00Z (start).
        assert_eq!(off("America/Santiago", "2026-04-05T02:59:59Z"), -180);
        assert_eq!(off("America/Santiago", "2026-04-05T03:00:00Z"), -240);
        assert_eq!(off("America/Santiago", "2026-09-06T03:59:59Z"), -240);
        assert_eq!(off("America/Santiago", "2026-09-06T04:00:00Z"), -180);
        assert_eq!(off("America/Santiago", "2026-12-31T23:00:00Z"), -180);
        // US: 2026-03-08 and 2026-11-01.
        assert_eq!(off("America/New_York", "2026-03-08T06:59:59Z"), -300);
        assert_eq!(off("America/New_York", "2026-03-08T07:00:00Z"), -240);
        assert_eq!(off("America/New_York", "2026-11-01T05:59:59Z"), -240);
        assert_eq!(off("America/New_York", "2026-11-01T06:00:00Z"), -300);
        // No DST any more.
        assert_eq!(off("America/Sao_Paulo", "2026-01-15T12:00:00Z"), -180);
        assert_eq!(off("America/Mexico_City", "2026-07-15T12:00:00Z"), -360);
    }

    #[test]
    fn unknown_zone_names_field() {
        let e = Zone::get("America/Sao_Pualo", "timezone").unwrap_err();
        assert_eq!(e.field(), Some("timezone"));
        assert!(e.message().contains("America/Sao_Paulo"));
    }
}
