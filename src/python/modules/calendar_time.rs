//! The calendar side of `time`: `gmtime`, `localtime`, `mktime`, `strftime`, `ctime` and
//! `asctime`, with `struct_time` as CPython shows it. The run's clock starts at a fixed moment
//! ([`super::time::EPOCH`], midnight UTC), and local time is UTC here, so tutorial lines such as
//! `print(f"started at {time.strftime('%X')}")` print the same times on every run (the page
//! says so once, beside the output). Formats follow glibc's C locale, as CPython's do on Linux.

use std::any::Any;
use std::rc::Rc;

use super::super::interp::{Interp, R};
use super::super::ir::Name;
use super::super::ops;
use super::super::value::*;

const DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const FIELDS: [&str; 9] =
    ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"];

/// A broken-down time: `time.struct_time`, a 9-field tuple with names.
pub struct StructTime(pub [i64; 9]);

impl StructTime {
    /// The UTC calendar time `secs` seconds after the epoch.
    pub fn from_secs(secs: i64) -> StructTime {
        let days = secs.div_euclid(86_400);
        let of_day = secs.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        let yday = days - days_from_civil(year, 1, 1) + 1;
        let wday = (days + 3).rem_euclid(7); // 1970-01-01 was a Thursday; Monday is 0.
        StructTime([year, month, day, of_day / 3600, of_day / 60 % 60, of_day % 60, wday, yday, 0])
    }

    /// Seconds since the epoch of this UTC calendar time (fields out of range carry over, as
    /// `mktime` does).
    pub fn to_secs(&self) -> i64 {
        let [year, month, day, hour, min, sec, ..] = self.0;
        let months = year * 12 + (month - 1);
        let days = days_from_civil(months.div_euclid(12), months.rem_euclid(12) + 1, 1) + day - 1;
        days * 86_400 + hour * 3600 + min * 60 + sec
    }
}

/// Howard Hinnant's `civil_from_days`: (year, month 1–12, day 1–31) of a day count from
/// 1970-01-01 in the proleptic Gregorian calendar.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + (month <= 2) as i64, month, day)
}

/// Hinnant's `days_from_civil`, the inverse of [`civil_from_days`].
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

impl Object for StructTime {
    fn type_name(&self) -> &str {
        "time.struct_time"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _interp: &Interp, _this: &Value) -> R<String> {
        let fields: Vec<String> = FIELDS.iter().zip(self.0).map(|(n, v)| format!("{n}={v}")).collect();
        Ok(format!("time.struct_time({})", fields.join(", ")))
    }
    fn attr(&self, _interp: &Interp, _this: &Value, name: &Name) -> Option<R<Value>> {
        match &**name {
            "tm_zone" => Some(Ok(Value::str("UTC"))),
            "tm_gmtoff" => Some(Ok(Value::Int(0))),
            n => FIELDS.iter().position(|f| *f == n).map(|i| Ok(Value::Int(self.0[i]))),
        }
    }
    fn py_len(&self) -> Option<usize> {
        Some(9)
    }
    fn get_item(&self, interp: &Interp, index: &Value) -> Option<R<Value>> {
        Some(ops::get_item(interp, &self.as_tuple(), index))
    }
    fn iter(&self, interp: &Interp, _this: &Value) -> Option<R<Value>> {
        Some(ops::iter(interp, &self.as_tuple()))
    }
    fn eq(&self, other: &Value) -> Option<bool> {
        Some(match other {
            // A struct_time is a tuple in CPython: equal to the plain 9-tuple of its fields.
            Value::Tuple(items) => {
                items.len() == 9 && items.iter().zip(self.0).all(|(v, f)| matches!(v, Value::Int(i) if *i == f))
            }
            _ => other.downcast::<StructTime>().is_some_and(|o| o.0 == self.0),
        })
    }
}

impl StructTime {
    fn as_tuple(&self) -> Value {
        Value::tuple(self.0.iter().map(|v| Value::Int(*v)).collect())
    }

    /// A `struct_time` or a 9-tuple of ints, as `strftime`, `asctime` and `mktime` take them.
    pub fn from_value(interp: &Interp, v: &Value, what: &str) -> R<StructTime> {
        if let Some(t) = v.downcast::<StructTime>() {
            return Ok(StructTime(t.0));
        }
        let Value::Tuple(items) = v else {
            return Err(interp.type_error("Tuple or struct_time argument required"));
        };
        if items.len() != 9 {
            return Err(interp.type_error(format!("{what}(): illegal time tuple argument")));
        }
        let mut fields = [0; 9];
        for (f, item) in fields.iter_mut().zip(items.iter()) {
            *f = match item {
                Value::Int(i) => *i,
                Value::Bool(b) => *b as i64,
                other => {
                    return Err(interp
                        .type_error(format!("'{}' object cannot be interpreted as an integer", other.type_name())))
                }
            };
        }
        Ok(StructTime(fields))
    }

    /// CPython's range checks before formatting (`checktm`): a zero month, day of month or
    /// day of year stands for the first.
    pub fn checked(mut self, interp: &Interp) -> R<StructTime> {
        let f = &mut self.0;
        let bad = |what: &str| Err(interp.value_error(format!("{what} out of range")));
        if f[1] == 0 {
            f[1] = 1;
        }
        if f[2] == 0 {
            f[2] = 1;
        }
        if f[7] == 0 {
            f[7] = 1;
        }
        match () {
            _ if !(1..=12).contains(&f[1]) => bad("month"),
            _ if !(1..=31).contains(&f[2]) => bad("day of month"),
            _ if !(0..=23).contains(&f[3]) => bad("hour"),
            _ if !(0..=59).contains(&f[4]) => bad("minute"),
            _ if !(0..=61).contains(&f[5]) => bad("seconds"),
            _ if f[6] < -1 => bad("day of week"),
            _ if !(1..=366).contains(&f[7]) => bad("day of year"),
            _ => {
                f[6] = f[6].rem_euclid(7);
                Ok(self)
            }
        }
    }
}

/// `time.strftime(format, t)` in glibc's C locale. A directive glibc does not know is kept as
/// written, as glibc keeps it.
pub fn strftime(format: &str, t: &StructTime) -> String {
    let [year, month, day, hour, min, sec, wday, yday, _] = t.0;
    fn name(names: &[&'static str], i: i64) -> &'static str {
        names.get(i as usize).copied().unwrap_or("?")
    }
    let short = |names: &[&'static str], i: i64| name(names, i).chars().take(3).collect::<String>();
    let hour12 = if hour % 12 == 0 { 12 } else { hour % 12 };
    // Weeks of the year starting on Sunday (%U) or Monday (%W); days before the first are week 0.
    let sunday_week = (yday - 1 + 7 - (wday + 1) % 7) / 7;
    let monday_week = (yday - 1 + 7 - wday) / 7;
    let mut out = String::new();
    let mut chars = format.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(d) = chars.next() else {
            out.push('%');
            break;
        };
        let piece = match d {
            'a' => short(&DAYS, wday),
            'A' => name(&DAYS, wday).to_string(),
            'b' | 'h' => short(&MONTHS, month - 1),
            'B' => name(&MONTHS, month - 1).to_string(),
            'c' => format!(
                "{} {} {day:2} {hour:02}:{min:02}:{sec:02} {year}",
                short(&DAYS, wday),
                short(&MONTHS, month - 1)
            ),
            'C' => format!("{:02}", year / 100),
            'd' => format!("{day:02}"),
            'D' | 'x' => format!("{month:02}/{day:02}/{:02}", year.rem_euclid(100)),
            'e' => format!("{day:2}"),
            'F' => format!("{year}-{month:02}-{day:02}"),
            'H' => format!("{hour:02}"),
            'I' => format!("{hour12:02}"),
            'j' => format!("{yday:03}"),
            'm' => format!("{month:02}"),
            'M' => format!("{min:02}"),
            'n' => "\n".to_string(),
            'p' => (if hour < 12 { "AM" } else { "PM" }).to_string(),
            'r' => format!("{hour12:02}:{min:02}:{sec:02} {}", if hour < 12 { "AM" } else { "PM" }),
            'R' => format!("{hour:02}:{min:02}"),
            's' => t.to_secs().to_string(),
            'S' => format!("{sec:02}"),
            't' => "\t".to_string(),
            'T' | 'X' => format!("{hour:02}:{min:02}:{sec:02}"),
            'u' => (wday + 1).to_string(),
            'U' => format!("{sunday_week:02}"),
            'w' => ((wday + 1) % 7).to_string(),
            'W' => format!("{monday_week:02}"),
            'y' => format!("{:02}", year.rem_euclid(100)),
            'Y' => year.to_string(),
            'z' => "+0000".to_string(),
            'Z' => "UTC".to_string(),
            '%' => "%".to_string(),
            other => format!("%{other}"),
        };
        out.push_str(&piece);
    }
    out
}

/// `time.asctime(t)` and `time.ctime(secs)`: `Thu Jan  1 00:00:00 2026`.
pub fn asctime(t: &StructTime) -> String {
    strftime("%a %b %e %H:%M:%S %Y", t)
}

/// Seconds as an int for `gmtime(secs)` and friends (`None` or nothing: now), with CPython's
/// error for what is not a number.
pub fn whole_secs(interp: &Interp, v: Option<&Value>, now: f64) -> R<i64> {
    let secs = match v {
        None | Some(Value::None) => now,
        Some(v) => ops::to_f64(interp, v).map_err(|_| {
            interp.type_error(format!("'{}' object cannot be interpreted as an integer", v.type_name()))
        })?,
    };
    if !secs.is_finite() || secs.abs() > 1e15 {
        return Err(interp.err("OverflowError", "timestamp out of range for platform time_t"));
    }
    Ok(secs.floor() as i64)
}

/// The object `gmtime`/`localtime` return.
pub fn struct_value(t: StructTime) -> Value {
    Value::Object(Rc::new(t))
}
