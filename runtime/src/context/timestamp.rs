//! The moment an error happened, as bodies write it.

use std::cell::Cell;
use std::fmt::{self, Display};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Serialize, Serializer};

/// The moment an error happened, rendered in RFC 3339 in UTC with milliseconds
/// (`2026-05-23T10:00:00.000Z`, the form JavaScript's `toISOString` gives).
///
/// Only times from 1970 to 9999 can be held: earlier ones have no meaning for an error that
/// happens now, and later ones cannot be written in RFC 3339.
///
/// ```
/// use apierr::Timestamp;
///
/// let at = Timestamp::from_unix_millis(1_779_530_400_000).unwrap();
/// assert_eq!(at.to_string(), "2026-05-23T10:00:00.000Z");
/// assert_eq!(Timestamp::from_unix_millis(-1), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(
    /// Since the Unix epoch: the `SystemTime`'s, kept whole, but with the epoch already
    /// subtracted, as every body that writes it needs it so.
    Duration,
);

/// The first millisecond after 9999-12-31T23:59:59.999Z.
const END_OF_9999_MILLIS: u64 = 253_402_300_800_000;

impl Timestamp {
    /// The current time.
    #[must_use]
    pub fn now() -> Self {
        // A clock set before 1970 is not a time worth reporting; the epoch stands in for it.
        Timestamp::try_from(SystemTime::now()).unwrap_or(Timestamp(Duration::ZERO))
    }

    /// The time `millis` milliseconds after the Unix epoch; `None` outside 1970 to 9999.
    #[must_use]
    pub fn from_unix_millis(millis: i64) -> Option<Self> {
        let millis = u64::try_from(millis)
            .ok()
            .filter(|&m| m < END_OF_9999_MILLIS)?;
        Some(Timestamp(Duration::from_millis(millis)))
    }

    /// The time as a `SystemTime`.
    #[must_use]
    pub fn as_system_time(&self) -> SystemTime {
        UNIX_EPOCH + self.0
    }
}

/// The error of a time outside 1970 to 9999, which a [`Timestamp`] cannot hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutOfRange;

impl Display for OutOfRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("time outside the years 1970 to 9999")
    }
}

impl std::error::Error for OutOfRange {}

impl TryFrom<SystemTime> for Timestamp {
    type Error = OutOfRange;

    fn try_from(at: SystemTime) -> Result<Self, OutOfRange> {
        let since_epoch = at.duration_since(UNIX_EPOCH).map_err(|_| OutOfRange)?;
        if since_epoch.as_millis() < u128::from(END_OF_9999_MILLIS) {
            Ok(Timestamp(since_epoch))
        } else {
            Err(OutOfRange)
        }
    }
}

impl Timestamp {
    /// RFC 3339 in UTC with milliseconds, `2026-05-23T10:00:00.000Z`: always 24 ASCII bytes
    /// (construction keeps the year within 1970 to 9999), written without the formatting
    /// machinery, as every body with a timestamp spends this on it.
    ///
    /// The text up to the second is kept per thread for the last second written (as HTTP
    /// servers keep their `Date` header): errors come in bursts, and the date is most of the
    /// work. One entry per thread, so the cache cannot grow.
    pub(crate) fn rfc3339(&self) -> [u8; 24] {
        let secs = self.0.as_secs();
        let millis = self.0.subsec_millis();
        // `try_with`: a body written while the thread's storage is torn down computes its
        // text instead of panicking (this storage has no destructor, but that is std's to say).
        let second = LAST_SECOND
            .try_with(|last| {
                let (at, text) = last.get();
                if at == secs {
                    return text;
                }
                let text = to_the_second(secs);
                last.set((secs, text));
                text
            })
            .unwrap_or_else(|_| to_the_second(secs));
        let [ms1, ms2] = pair(millis);
        // `millis` is below 1000, so its first digit fits in a byte.
        let ms0 = b'0' + u8::try_from(millis / 100).unwrap_or(0);
        // Two block copies rather than 24 bytes one by one.
        let mut text = [0; 24];
        let (date, fraction) = text.split_at_mut(19);
        date.copy_from_slice(&second);
        fraction.copy_from_slice(&[b'.', ms0, ms1, ms2, b'Z']);
        text
    }
}

thread_local! {
    /// The last second [`Timestamp::rfc3339`] wrote on this thread, and its text
    /// (`2026-05-23T10:00:00`); `u64::MAX`, no second a `Timestamp` holds, at first.
    static LAST_SECOND: Cell<(u64, [u8; 19])> = const { Cell::new((u64::MAX, [0; 19])) };
}

/// `secs` after the epoch as RFC 3339 up to the second, `2026-05-23T10:00:00`.
#[inline(never)]
fn to_the_second(secs: u64) -> [u8; 19] {
    // Construction keeps the time before the year 10000: fewer than 2^22 days, and every
    // part below fits in 32 bits, whose divisions by constants are cheaper.
    let days = u32::try_from(secs / 86_400).unwrap_or(0);
    let of_day = u32::try_from(secs % 86_400).unwrap_or(0);
    let (year, month, day) = civil_date(days);
    let [y0, y1] = pair(year / 100);
    let [y2, y3] = pair(year);
    let [mo0, mo1] = pair(month);
    let [d0, d1] = pair(day);
    let [h0, h1] = pair(of_day / 3600);
    let [mi0, mi1] = pair(of_day / 60 % 60);
    let [s0, s1] = pair(of_day % 60);
    [
        y0, y1, y2, y3, b'-', mo0, mo1, b'-', d0, d1, b'T', h0, h1, b':', mi0, mi1, b':', s0, s1,
    ]
}

/// The last two decimal digits of `value`, from a table: half the divisions of one digit at
/// a time.
fn pair(value: u32) -> [u8; 2] {
    let at = (value % 100) as usize * 2;
    let digits = PAIRS.get(at..at + 2).unwrap_or(b"00");
    [digits[0], digits[1]]
}

/// `00` to `99`, each two ASCII digits.
const PAIRS: &[u8; 200] = &{
    let mut table = [0u8; 200];
    let mut i = 0;
    while i < 100 {
        table[i * 2] = b'0' + (i / 10) as u8;
        table[i * 2 + 1] = b'0' + (i % 10) as u8;
        i += 1;
    }
    table
};

/// The proleptic Gregorian (year, month, day) of `days` after 1970-01-01: the civil-from-days
/// computation over 400-year eras of 146 097 days.
fn civil_date(days: u32) -> (u32, u32, u32) {
    // Days since 0000-03-01, so that a leap day ends its year.
    let days = days + 719_468;
    let era = days / 146_097;
    let of_era = days % 146_097;
    let year_of_era = (of_era - of_era / 1460 + of_era / 36_524 - of_era / 146_096) / 365;
    let of_year = of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * of_year + 2) / 153;
    let day = of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + u32::from(month <= 2);
    (year, month, day)
}

impl Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(std::str::from_utf8(&self.rfc3339()).map_err(|_| fmt::Error)?)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_written_as_humantime_writes_them() {
        let check = |millis: u64| {
            let at = Timestamp::from_unix_millis(i64::try_from(millis).unwrap()).unwrap();
            let expected = humantime::format_rfc3339_millis(at.as_system_time()).to_string();
            assert_eq!(at.to_string(), expected, "{millis}");
        };
        for millis in [
            0,
            1,
            999,
            951_782_400_000,
            4_107_542_400_000,
            END_OF_9999_MILLIS - 1,
        ] {
            check(millis);
        }
        // Every day from 1970 to 9999, each at another time of day.
        let mut day = 0;
        while day * 86_400_000 < END_OF_9999_MILLIS {
            check(day * 86_400_000 + day * 7_919 % 86_400_000);
            day += 1;
        }
    }

    #[test]
    fn the_kept_second_is_written_only_for_its_own_second() {
        let check = |millis: u64| {
            let at = Timestamp::from_unix_millis(i64::try_from(millis).unwrap()).unwrap();
            let expected = humantime::format_rfc3339_millis(at.as_system_time()).to_string();
            assert_eq!(at.to_string(), expected, "{millis}");
        };
        // The same second again (the kept text), then its neighbours, a day and a year
        // later at the same time of day, and back: each a miss but the repeats.
        let base = 1_779_530_400_000;
        for millis in [
            base,
            base + 1,
            base + 999,
            base + 1_000,
            base + 999,
            base - 1,
            base + 86_400_000,
            base + 365 * 86_400_000,
            base,
            base,
        ] {
            check(millis);
        }
        // Other threads keep their own second.
        std::thread::spawn(move || check(base + 5_000))
            .join()
            .unwrap();
        check(base);
    }

    #[test]
    fn times_outside_1970_to_9999_are_refused() {
        assert_eq!(Timestamp::from_unix_millis(i64::MIN), None);
        assert_eq!(Timestamp::from_unix_millis(i64::MAX), None);
        let last = Timestamp::from_unix_millis(253_402_300_799_999).unwrap();
        assert_eq!(last.to_string(), "9999-12-31T23:59:59.999Z");
        assert_eq!(Timestamp::from_unix_millis(253_402_300_800_000), None);
        let before = UNIX_EPOCH - Duration::from_secs(1);
        assert_eq!(Timestamp::try_from(before), Err(OutOfRange));
        assert_eq!(
            Timestamp::from_unix_millis(0).unwrap().to_string(),
            "1970-01-01T00:00:00.000Z"
        );
    }
}
