//! A demo's parameters: what each field accepts, how typed text becomes a value (or a clear
//! message), and how a setup travels in a link. Pure and total: any input, however hostile,
//! gives a value or a message, never a panic (fuzzed by `tests/decoders.rs`).

use std::collections::BTreeMap;

/// What a field accepts. Bounds are chosen so no allowed value can freeze or exhaust the tab.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// A duration in seconds.
    Seconds { min: f64, max: f64 },
    /// A whole number.
    Count { min: u32, max: u32 },
    /// A probability as a percentage, 0–100.
    Percent,
    /// One of a few named options; the value is the option's index.
    Choice(&'static [&'static str]),
    /// A list of URLs, one per line (at most `max`): http(s), or the site's own sample data.
    Urls { max: usize },
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParamSpec {
    /// Stable key used in links.
    pub key: &'static str,
    pub label: &'static str,
    /// What the value means, shown under the field.
    pub help: &'static str,
    pub kind: Kind,
    /// The lesson's value, as typed text.
    pub default: &'static str,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Number(f64),
    Choice(usize),
    Urls(Vec<String>),
}

/// Longest text a field accepts before even trying to read it.
pub const MAX_FIELD_LEN: usize = 4_000;
/// Longest query string a link may carry.
pub const MAX_QUERY_LEN: usize = 16_000;

impl ParamSpec {
    /// The allowed range, as the form shows it ("0–60 s").
    pub fn bounds(&self) -> String {
        match self.kind {
            Kind::Seconds { min, max } => format!("{min}–{max} s"),
            Kind::Count { min, max } => format!("{min}–{max}"),
            Kind::Percent => "0–100 %".into(),
            Kind::Choice(options) => options.join(" / "),
            Kind::Urls { max } => format!("up to {max} URLs, one per line: http(s):// or static/data/…"),
        }
    }

    /// Reads typed text into a value, or says what is wrong with it.
    pub fn parse(&self, raw: &str) -> Result<Value, String> {
        if raw.len() > MAX_FIELD_LEN {
            return Err(format!("Too long ({} characters; at most {MAX_FIELD_LEN}).", raw.chars().count()));
        }
        let text = raw.trim();
        match self.kind {
            Kind::Seconds { min, max } => {
                let x = number(text)?;
                if x < min || x > max {
                    return Err(format!("Must be between {min} and {max} seconds."));
                }
                Ok(Value::Number(x))
            }
            Kind::Count { min, max } => {
                let x = number(text)?;
                if x.fract() != 0.0 {
                    return Err("Must be a whole number.".into());
                }
                if x < min as f64 || x > max as f64 {
                    return Err(format!("Must be between {min} and {max}."));
                }
                Ok(Value::Number(x))
            }
            Kind::Percent => {
                let x = number(text)?;
                if !(0.0..=100.0).contains(&x) {
                    return Err("Must be between 0 and 100 (%).".into());
                }
                Ok(Value::Number(x))
            }
            Kind::Choice(options) => options
                .iter()
                .position(|o| *o == text)
                .map(Value::Choice)
                .ok_or_else(|| format!("Must be one of: {}.", options.join(", "))),
            Kind::Urls { max } => {
                let urls: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
                if urls.is_empty() {
                    return Err("Enter at least one URL.".into());
                }
                if urls.len() > max {
                    return Err(format!("At most {max} URLs ({} given).", urls.len()));
                }
                urls.iter().map(|u| fetch_url(u)).collect::<Result<Vec<_>, _>>().map(Value::Urls)
            }
        }
    }
}

fn number(text: &str) -> Result<f64, String> {
    if text.is_empty() {
        return Err("Enter a number.".into());
    }
    // Rust's parser takes "inf", "NaN" and "1e400" (= inf): refuse what is not a plain number.
    let plain = text.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'));
    match text.parse::<f64>() {
        Ok(x) if plain && x.is_finite() => Ok(x),
        _ => Err(format!("“{}” is not a number.", shorten(text))),
    }
}

/// Where the site keeps the sample JSON the fetch demo reads by default.
pub const SITE_DATA: &str = "static/data/";

/// Accepts absolute http(s) URLs with a host, and paths into the site's own sample data
/// (`static/data/…`, no `..`). Anything else (javascript:, data:, file:, other relative paths)
/// gets a message saying so.
pub fn fetch_url(text: &str) -> Result<String, String> {
    if let Some(path) = text.strip_prefix(SITE_DATA) {
        let safe = !path.is_empty()
            && !path.split('/').any(|part| part.is_empty() || part == "." || part == "..")
            && path.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '-' | '_'));
        return if safe {
            Ok(text.to_string())
        } else {
            Err(format!("“{}” is not a file of the site's sample data.", shorten(text)))
        };
    }
    let lower = text.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    match rest {
        None => Err(format!("“{}”: only http:// and https:// URLs (or {SITE_DATA}…) can be fetched.", shorten(text))),
        Some(r) if r.is_empty() || r.starts_with('/') => Err(format!("“{}” has no host.", shorten(text))),
        Some(_) if text.chars().any(|c| c.is_whitespace() || c.is_control()) => {
            Err(format!("“{}” contains spaces or control characters.", shorten(text)))
        }
        Some(_) => Ok(text.to_string()),
    }
}

/// Keeps messages short when the input is huge.
fn shorten(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// The form's state: what was typed in each field (never thrown away) and what it means.
#[derive(Clone, Debug, PartialEq)]
pub struct Form {
    pub specs: &'static [ParamSpec],
    pub raw: Vec<String>,
}

impl Form {
    pub fn defaults(specs: &'static [ParamSpec]) -> Self {
        Form { specs, raw: specs.iter().map(|s| s.default.to_string()).collect() }
    }

    /// Fields read from a link's query string. Unknown keys and unreadable values are reported
    /// (and those fields keep their defaults); nothing in the link is ever run or rendered as
    /// markup.
    pub fn from_query(specs: &'static [ParamSpec], query: &str) -> (Self, Vec<String>) {
        let mut form = Self::defaults(specs);
        let mut problems = Vec::new();
        let query = query.strip_prefix('?').unwrap_or(query);
        if query.is_empty() {
            return (form, problems);
        }
        if query.len() > MAX_QUERY_LEN {
            problems
                .push(format!("The link's settings are too long ({} characters); the defaults are used.", query.len()));
            return (form, problems);
        }
        let mut seen = BTreeMap::new();
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            match specs.iter().position(|s| s.key == key) {
                Some(i) => {
                    seen.insert(i, value.into_owned());
                }
                None => problems.push(format!("Unknown setting “{}” ignored.", shorten(&key))),
            }
        }
        for (i, value) in seen {
            match specs[i].parse(&value) {
                Ok(_) => form.raw[i] = value,
                Err(why) => {
                    problems.push(format!("{}: {why} The default ({}) is used.", specs[i].label, specs[i].default))
                }
            }
        }
        (form, problems)
    }

    /// The setup as a query string (only fields that differ from the lesson's defaults).
    pub fn to_query(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        for (spec, raw) in self.specs.iter().zip(&self.raw) {
            if raw.trim() != spec.default {
                out.append_pair(spec.key, raw.trim());
            }
        }
        out.finish()
    }

    /// Each field's message, if its text is not acceptable.
    pub fn errors(&self) -> Vec<Option<String>> {
        self.specs.iter().zip(&self.raw).map(|(s, r)| s.parse(r).err()).collect()
    }

    /// The values, if every field is acceptable.
    pub fn params(&self) -> Option<Params> {
        let values: Result<Vec<Value>, String> = self.specs.iter().zip(&self.raw).map(|(s, r)| s.parse(r)).collect();
        values.ok().map(|values| Params { specs: self.specs, values })
    }
}

/// Validated values, read by key in the demo's code.
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    specs: &'static [ParamSpec],
    values: Vec<Value>,
}

impl Params {
    pub fn defaults(specs: &'static [ParamSpec]) -> Self {
        Form::defaults(specs).params().unwrap_or(Params { specs, values: Vec::new() })
    }

    fn value(&self, key: &str) -> Option<&Value> {
        let i = self.specs.iter().position(|s| s.key == key)?;
        self.values.get(i)
    }

    /// A number field (seconds, count or percent); 0 if the demo asks for a key it lacks.
    pub fn num(&self, key: &str) -> f64 {
        match self.value(key) {
            Some(Value::Number(x)) => *x,
            _ => 0.0,
        }
    }

    /// A count field as an integer.
    pub fn count(&self, key: &str) -> usize {
        self.num(key) as usize
    }

    pub fn choice(&self, key: &str) -> usize {
        match self.value(key) {
            Some(Value::Choice(i)) => *i,
            _ => 0,
        }
    }

    pub fn urls(&self, key: &str) -> Vec<String> {
        match self.value(key) {
            Some(Value::Urls(u)) => u.clone(),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPECS: &[ParamSpec] = &[
        ParamSpec {
            key: "delay",
            label: "Delay",
            help: "",
            kind: Kind::Seconds { min: 0.0, max: 60.0 },
            default: "1.0",
        },
        ParamSpec { key: "n", label: "Tasks", help: "", kind: Kind::Count { min: 1, max: 100 }, default: "3" },
        ParamSpec {
            key: "mode",
            label: "Mode",
            help: "",
            kind: Kind::Choice(&["fail-fast", "return_exceptions"]),
            default: "fail-fast",
        },
        ParamSpec {
            key: "urls",
            label: "URLs",
            help: "",
            kind: Kind::Urls { max: 3 },
            default: "https://example.com/a",
        },
    ];

    #[test]
    fn bad_numbers_get_clear_messages() {
        let delay = &SPECS[0];
        for bad in ["", "abc", "NaN", "inf", "-1", "1e9", "1e400", "0x10", "1,5"] {
            assert!(delay.parse(bad).is_err(), "{bad:?} accepted");
        }
        assert_eq!(delay.parse(" 2.5 "), Ok(Value::Number(2.5)));
        let n = &SPECS[1];
        assert_eq!(n.parse("2.5").unwrap_err(), "Must be a whole number.");
        assert_eq!(n.parse("1000000000").unwrap_err(), "Must be between 1 and 100.");
        assert_eq!(n.parse("0").unwrap_err(), "Must be between 1 and 100.");
    }

    #[test]
    fn only_http_urls_are_accepted() {
        let urls = &SPECS[3];
        assert!(urls.parse("javascript:alert(1)").unwrap_err().contains("only http:// and https://"));
        assert!(urls.parse("static/data/../../secret").is_err());
        assert!(urls.parse("static/data/items/1.json").is_ok());
        assert!(urls.parse("data:text/plain,hi").is_err());
        assert!(urls.parse("https://").is_err());
        assert!(urls.parse("a\nb\nc\nd").unwrap_err().contains("At most 3"));
        assert_eq!(
            urls.parse("https://a.test/x\n\n http://b.test/y "),
            Ok(Value::Urls(vec!["https://a.test/x".into(), "http://b.test/y".into()]))
        );
    }

    #[test]
    fn links_round_trip_and_hostile_links_fall_back_to_defaults() {
        let mut form = Form::defaults(SPECS);
        form.raw[0] = "2.5".into();
        form.raw[2] = "return_exceptions".into();
        let q = form.to_query();
        assert_eq!(q, "delay=2.5&mode=return_exceptions");
        let (back, problems) = Form::from_query(SPECS, &format!("?{q}"));
        assert_eq!(back, form);
        assert!(problems.is_empty());

        let (f, problems) = Form::from_query(SPECS, "delay=%3Cscript%3Ealert(1)%3C/script%3E&evil=1&n=1e9");
        assert_eq!(f, Form::defaults(SPECS));
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("Unknown setting “evil”")));
    }
}
