//! A country's local time and working days, computed from its pack's calendar: summer time by
//! the EU/UK rule, holidays from fixed dates, Easter (the Gregorian computus) and "the nth
//! weekday", with substitute days. Pure functions; no tables per year.

use chrono::{
    DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc, Weekday,
};

use super::schema::{Calendar, Day, Holiday, Shift};

/// Easter Sunday of `year` (Gregorian; the anonymous algorithm of Meeus/Jones/Butcher, with
/// its customary letters).
#[allow(clippy::many_single_char_names)]
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

fn weekday(d: Day) -> Weekday {
    match d {
        Day::Mon => Weekday::Mon,
        Day::Tue => Weekday::Tue,
        Day::Wed => Weekday::Wed,
        Day::Thu => Weekday::Thu,
        Day::Fri => Weekday::Fri,
        Day::Sat => Weekday::Sat,
        Day::Sun => Weekday::Sun,
    }
}

/// The last Sunday of `month` in `year`.
fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }?;
    let last = next.pred_opt()?;
    let back = i64::from(last.weekday().num_days_from_sunday());
    Some(last - Duration::days(back))
}

impl Calendar {
    /// The offset from UTC at instant `t`, in seconds.
    pub fn offset_at(&self, t: DateTime<Utc>) -> i64 {
        let base = i64::from(self.utc_offset_hours) * 3600;
        if !self.summer_time {
            return base;
        }
        let year = t.year();
        let at_one = |d: Option<NaiveDate>| {
            d.and_then(|d| d.and_hms_opt(1, 0, 0))
                .map(|n| Utc.from_utc_datetime(&n))
        };
        match (at_one(last_sunday(year, 3)), at_one(last_sunday(year, 10))) {
            (Some(start), Some(end)) if start <= t && t < end => base + 3600,
            _ => base,
        }
    }

    /// The local date and time of `t`.
    pub fn local(&self, t: DateTime<Utc>) -> NaiveDateTime {
        t.naive_utc() + Duration::seconds(self.offset_at(t))
    }

    /// The local date of `t`.
    pub fn day_of(&self, t: DateTime<Utc>) -> NaiveDate {
        self.local(t).date()
    }

    /// The instant of local `time` on `day` (the offset found by trying both: a time in the
    /// hour skipped in spring reads as after the change).
    pub fn instant(&self, day: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
        let naive = day.and_time(time);
        let base = i64::from(self.utc_offset_hours) * 3600;
        for offset in [base + 3600, base] {
            let t = Utc.from_utc_datetime(&(naive - Duration::seconds(offset)));
            if self.offset_at(t) == offset {
                return t;
            }
        }
        Utc.from_utc_datetime(&(naive - Duration::seconds(base)))
    }

    /// The first moment of local `day`.
    pub fn start_of(&self, day: NaiveDate) -> DateTime<Utc> {
        self.instant(day, NaiveTime::MIN)
    }

    /// The last second of local `day` (23:59:59).
    pub fn end_of(&self, day: NaiveDate) -> DateTime<Utc> {
        self.start_of(day.succ_opt().unwrap_or(day)) - Duration::seconds(1)
    }

    /// The public holidays of `year`, with their names, sorted.
    pub fn holidays(&self, year: i32) -> Vec<(NaiveDate, &str)> {
        let mut fixed: Vec<(NaiveDate, &str)> = Vec::new();
        let mut substitutes: Vec<(NaiveDate, &str)> = Vec::new();
        for h in &self.holidays {
            match h {
                Holiday::Fixed {
                    name,
                    month,
                    day,
                    shift,
                    from_year,
                    until_year,
                } => {
                    if from_year.is_some_and(|y| year < y) || until_year.is_some_and(|y| year > y) {
                        continue;
                    }
                    let Some(d) = NaiveDate::from_ymd_opt(year, *month, *day) else {
                        continue;
                    };
                    match shift {
                        Shift::Substitute if self.weekend_day(d) => substitutes.push((d, name)),
                        Shift::SundayToSaturday if d.weekday() == Weekday::Sun => {
                            fixed.push((d - Duration::days(1), name));
                        }
                        _ => fixed.push((d, name)),
                    }
                }
                Holiday::Easter {
                    name,
                    offset,
                    from_year,
                } => {
                    if from_year.is_some_and(|y| year < y) {
                        continue;
                    }
                    if let Some(e) = easter(year) {
                        fixed.push((e + Duration::days(*offset), name));
                    }
                }
                Holiday::Nth {
                    name,
                    month,
                    weekday: wd,
                    n,
                    skip_years,
                } => {
                    if skip_years.contains(&year) {
                        continue;
                    }
                    let found = if *n > 0 {
                        NaiveDate::from_weekday_of_month_opt(year, *month, weekday(*wd), *n as u8)
                    } else {
                        (1..=5u8).rev().find_map(|i| {
                            NaiveDate::from_weekday_of_month_opt(year, *month, weekday(*wd), i)
                        })
                    };
                    if let Some(d) = found {
                        fixed.push((d, name));
                    }
                }
                Holiday::Dated { name, date } => {
                    if date.year() == year {
                        fixed.push((*date, name));
                    }
                }
            }
        }
        // A substitute day is the next weekday that is not a holiday already.
        substitutes.sort();
        for (d, name) in substitutes {
            let mut s = d;
            while self.weekend_day(s) || fixed.iter().any(|(f, _)| *f == s) {
                s = s.succ_opt().unwrap_or(s);
                if s == d {
                    break;
                }
            }
            fixed.push((s, name));
        }
        fixed.sort();
        fixed
    }

    fn weekend_day(&self, d: NaiveDate) -> bool {
        self.weekend.iter().any(|w| weekday(*w) == d.weekday())
    }

    /// Whether `d` is a working day: not a weekend day, not a public holiday.
    pub fn working_day(&self, d: NaiveDate) -> bool {
        !self.weekend_day(d) && !self.holidays(d.year()).iter().any(|(h, _)| *h == d)
    }

    /// The `n`th working day after `d` (`d` itself is not counted).
    pub fn working_days_after(&self, d: NaiveDate, n: u32) -> NaiveDate {
        let mut at = d;
        let mut left = n;
        while left > 0 {
            match at.succ_opt() {
                Some(next) => at = next,
                None => break,
            }
            if self.working_day(at) {
                left -= 1;
            }
        }
        at
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::load::Packs;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn easter_by_the_computus() {
        assert_eq!(easter(2013), Some(d(2013, 3, 31)));
        assert_eq!(easter(2024), Some(d(2024, 3, 31)));
        assert_eq!(easter(2026), Some(d(2026, 4, 5)));
        assert_eq!(easter(2027), Some(d(2027, 3, 28)));
        assert_eq!(easter(2038), Some(d(2038, 4, 25)));
    }

    #[test]
    fn holidays_move_as_the_packs_say() {
        let packs = Packs::built_in();
        let cal = |c: &str| {
            &packs
                .for_country(crate::domain::Country::parse(c).unwrap())
                .unwrap()
                .calendar
        };
        // 27 April 2025 is a Sunday: King's Day is Saturday 26 April.
        let nl: Vec<NaiveDate> = cal("NL").holidays(2025).iter().map(|h| h.0).collect();
        assert!(nl.contains(&d(2025, 4, 26)) && !nl.contains(&d(2025, 4, 27)));
        // 2021: Christmas on a Saturday, Boxing Day on a Sunday: Monday 27 and Tuesday 28.
        let gb: Vec<NaiveDate> = cal("GB").holidays(2021).iter().map(|h| h.0).collect();
        assert!(
            gb.contains(&d(2021, 12, 27)) && gb.contains(&d(2021, 12, 28)),
            "{gb:?}"
        );
        // 2022: Christmas on a Sunday: Boxing Day Monday 26, Christmas's substitute Tuesday 27.
        let gb: Vec<NaiveDate> = cal("GB").holidays(2022).iter().map(|h| h.0).collect();
        assert!(
            gb.contains(&d(2022, 12, 26)) && gb.contains(&d(2022, 12, 27)),
            "{gb:?}"
        );
        assert!(
            gb.contains(&d(2022, 6, 2)) && !gb.contains(&d(2022, 5, 30)),
            "{gb:?}"
        );
        // Easter Monday 2026 is 6 April.
        assert!(!cal("GB").working_day(d(2026, 4, 6)));
        assert_eq!(
            cal("GB").working_days_after(d(2026, 4, 2), 2),
            d(2026, 4, 8)
        );
    }

    #[test]
    fn summer_time_by_the_eu_rule() {
        let packs = Packs::built_in();
        let nl = &packs
            .for_country(crate::domain::Country::parse("NL").unwrap())
            .unwrap()
            .calendar;
        let t = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        assert_eq!(nl.offset_at(t("2026-03-29T00:59:59Z")), 3600);
        assert_eq!(nl.offset_at(t("2026-03-29T01:00:00Z")), 7200);
        assert_eq!(nl.offset_at(t("2026-10-25T01:00:00Z")), 3600);
        assert_eq!(nl.end_of(d(2026, 7, 1)), t("2026-07-01T21:59:59Z"));
        assert_eq!(nl.start_of(d(2026, 12, 18)), t("2026-12-17T23:00:00Z"));
    }
}
