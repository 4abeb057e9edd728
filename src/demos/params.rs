//! A demo's parameters: what each field accepts, how typed text becomes a value (or a clear
//! message), and how a setup travels in a link. Pure and total: any input, however hostile,
//! gives a value or a message, never a panic (fuzzed by `tests/decoders.rs`).

use std::collections::BTreeMap;
use std::fmt::Write;

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
        // A decimal comma, as many locales write it: say what to type instead.
        _ if text.matches(',').count() == 1 && number(&text.replacen(',', ".", 1)).is_ok() => {
            Err(format!("“{}”: use a dot for decimals ({}).", shorten(text), text.replacen(',', ".", 1)))
        }
        _ => Err(format!("“{}” is not a number.", shorten(text))),
    }
}

/// Where the site keeps the sample JSON the fetch demo reads by default.
pub const SITE_DATA: &str = "static/data/";

/// Accepts absolute http(s) URLs with a host, and paths into the site's own sample data
/// (`static/data/…`, no `..`). Anything else (javascript:, data:, file:, other relative paths)
/// gets a message saying so. URLs with a user name or password are refused too: an accepted URL
/// goes into the page's link, the run's output and its exports, and a password must not.
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
    // Messages quote the URL with any user name and password cut out.
    let quoted = || shorten(&without_credentials(text));
    match rest {
        None => Err(format!("“{}”: only http:// and https:// URLs (or {SITE_DATA}…) can be fetched.", quoted())),
        Some(r) if r.is_empty() || r.starts_with(['/', '\\']) => Err(format!("“{}” has no host.", quoted())),
        Some(r) if authority(r).contains('@') => Err(format!(
            "“{}” carries a user name or password (the part before @). Take it out: the URL is shown in the link, the output and the exports.",
            quoted()
        )),
        Some(_) if text.chars().any(|c| c.is_whitespace() || c.is_control() || hidden(c)) => {
            Err(format!("“{}” contains spaces, control or invisible characters.", quoted()))
        }
        Some(_) => Ok(text.to_string()),
    }
}

/// The host part of a URL after its `scheme://`: up to the path, query or fragment. Browsers
/// read `\` as `/` in http(s) URLs, so it ends the host too.
fn authority(after_scheme: &str) -> &str {
    let end = after_scheme.find(['/', '\\', '?', '#']).unwrap_or(after_scheme.len());
    &after_scheme[..end]
}

/// `text` with a URL's `user:password@` replaced by `…@`, for quoting it in a message.
fn without_credentials(text: &str) -> String {
    let Some(scheme_end) = text.find("://").map(|i| i + 3) else { return text.to_string() };
    // A browser skips extra slashes before the host ("http:///user:pw@host" has credentials).
    let host_start = scheme_end + text[scheme_end..].len() - text[scheme_end..].trim_start_matches(['/', '\\']).len();
    let host = authority(&text[host_start..]);
    match host.rfind('@') {
        Some(at) => format!("{}…{}", &text[..host_start], &text[host_start + at..]),
        None => text.to_string(),
    }
}

/// Keeps messages short when the input is huge, and shows what a link holds as it is (see
/// [`visible`]).
fn shorten(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", visible(&text[..cut])),
        None => visible(text),
    }
}

/// Text from a link or a field, made safe to quote in a notice: characters that are invisible
/// or that reorder the text around them (bidi overrides and isolates, zero-width and other
/// format characters, control characters) are written as escapes like `\u202e`. Shown raw, a
/// right-to-left override in a link could make a notice read as something else than it says.
pub fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if hidden(c) {
            let code = c as u32;
            // `write!` to a String cannot fail.
            let _ = if code > 0xffff { write!(out, "\\u{{{code:x}}}") } else { write!(out, "\\u{code:04x}") };
        } else {
            out.push(c);
        }
    }
    out
}

/// Control characters (including line breaks and tabs), line and paragraph separators, bidi
/// marks, embeddings, overrides and isolates, and Unicode's default-ignorable code points (which
/// render as nothing: zero-width spaces and joiners, soft hyphen, fillers, variation selectors,
/// tags).
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00ad}' | '\u{034f}' | '\u{061c}' | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}'
            | '\u{180b}'..='\u{180f}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}' | '\u{3164}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}' | '\u{ffa0}'
            | '\u{fff0}'..='\u{fffb}' | '\u{1bca0}'..='\u{1bca3}' | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e0fff}')
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
        // Per field: the last value given, and how many times the link set it.
        let mut seen: BTreeMap<usize, (String, usize)> = BTreeMap::new();
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            match specs.iter().position(|s| s.key == key) {
                Some(i) => {
                    let entry = seen.entry(i).or_default();
                    *entry = (value.into_owned(), entry.1 + 1);
                }
                None => problems.push(format!("Unknown setting “{}” ignored.", shorten(&key))),
            }
        }
        for (i, (value, times)) in seen {
            let spec = &specs[i];
            let parsed = spec.parse(&value);
            if times > 1 {
                // A link with `n=3&n=5` is ambiguous: say which one counts.
                let count = if times == 2 { "twice".to_string() } else { format!("{times} times") };
                let using = match parsed {
                    Ok(_) => format!("using {}", shorten(value.trim())),
                    Err(_) => "only the last value counts".to_string(),
                };
                problems.push(format!("The link set {} {count}; {using}.", spec.key));
            }
            match parsed {
                Ok(_) => form.raw[i] = value,
                Err(why) => problems.push(format!("{}: {why} The default ({}) is used.", spec.label, spec.default)),
            }
        }
        (form, problems)
    }

    /// The setup as a query string: the fields that differ from the lesson's defaults and are
    /// acceptable. A refused value stays out of the link, so what the link shares always opens
    /// (and a URL refused for carrying a password is not copied around with the link).
    pub fn to_query(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        for (spec, raw) in self.specs.iter().zip(&self.raw) {
            if raw.trim() != spec.default && spec.parse(raw).is_ok() {
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
