//! The embedded Python modules (`src/python/modules/py`) as the wasm carries them: comment-only
//! lines and docstrings blanked, every other line exactly as written and every line where it
//! was, so the line numbers that tracebacks and warnings give still hold. The comments and
//! docstrings are for this repository's readers; in the page they cost about 14 KiB of gzip.
//! A docstring becomes `pass` (the body it stood alone in stays a body), so classes and
//! functions of these modules have no `__doc__`, as under `python -OO`.
//!
//! Used by `build.rs`, and by `tests/strip_python.rs` on tricky inputs.

/// `src` with its comment-only lines and docstrings blanked (see the module's comment). Only
/// a string that stands alone as a statement, starts a line and is triple-quoted counts as a
/// docstring; anything the scan is unsure of is kept.
pub fn strip_python(src: &str) -> String {
    let lines: Vec<&str> = src.split('\n').collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut scan = Scan::default();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim_start();
        if scan.at_statement_start() {
            if trimmed.starts_with('#') {
                out.push(String::new());
                i += 1;
                continue;
            }
            if let Some(end) = docstring_end(&lines, i) {
                let indent = &line[..line.len() - trimmed.len()];
                out.push(format!("{indent}pass"));
                out.extend((i + 1..=end).map(|_| String::new()));
                i = end + 1;
                continue;
            }
        }
        scan.line(line);
        out.push(line.to_string());
        i += 1;
    }
    out.join("\n")
}

/// Where the scan stands between lines: inside a string that spans lines, inside brackets, or
/// after a backslash that continues the line.
#[derive(Default)]
struct Scan {
    /// The open string's quote and whether it is tripled.
    string: Option<(char, bool)>,
    depth: i32,
    continued: bool,
}

impl Scan {
    fn at_statement_start(&self) -> bool {
        self.string.is_none() && self.depth == 0 && !self.continued
    }

    fn line(&mut self, line: &str) {
        let chars: Vec<char> = line.chars().collect();
        let mut k = 0;
        let mut last_code = None;
        while k < chars.len() {
            let c = chars[k];
            if let Some((quote, triple)) = self.string {
                if c == '\\' {
                    k += 2;
                    continue;
                }
                if c == quote && (!triple || tripled(&chars, k, quote)) {
                    self.string = None;
                    k += if triple { 3 } else { 1 };
                    last_code = Some(quote);
                    continue;
                }
                k += 1;
                continue;
            }
            match c {
                '#' => break,
                '"' | '\'' => {
                    let triple = tripled(&chars, k, c);
                    self.string = Some((c, triple));
                    k += if triple { 3 } else { 1 };
                    continue;
                }
                '(' | '[' | '{' => self.depth += 1,
                ')' | ']' | '}' => self.depth -= 1,
                _ => {}
            }
            if !c.is_whitespace() {
                last_code = Some(c);
            }
            k += 1;
        }
        // A one-quote string ends with its line unless a backslash continues it.
        if matches!(self.string, Some((_, false))) && !line.ends_with('\\') {
            self.string = None;
        }
        self.continued = self.string.is_none() && last_code == Some('\\');
    }
}

fn tripled(chars: &[char], k: usize, quote: char) -> bool {
    chars.get(k + 1) == Some(&quote) && chars.get(k + 2) == Some(&quote)
}

/// When line `i` starts a triple-quoted string (an `r` or `u` prefix allowed) that ends a line
/// with nothing after it but a comment: that line's index.
fn docstring_end(lines: &[&str], i: usize) -> Option<usize> {
    let trimmed = lines[i].trim_start();
    let body = trimmed.strip_prefix(['r', 'R', 'u', 'U']).unwrap_or(trimmed);
    let quote = body.chars().next().filter(|q| *q == '"' || *q == '\'')?;
    let opener: String = [quote; 3].iter().collect();
    let mut rest = body.strip_prefix(opener.as_str())?;
    for (j, line) in lines.iter().enumerate().skip(i) {
        if j > i {
            rest = line;
        }
        let chars: Vec<char> = rest.chars().collect();
        let mut k = 0;
        while k < chars.len() {
            if chars[k] == '\\' {
                k += 2;
                continue;
            }
            if chars[k] == quote && tripled(&chars, k, quote) {
                let after: String = chars[k + 3..].iter().collect();
                let after = after.trim();
                return (after.is_empty() || after.starts_with('#')).then_some(j);
            }
            k += 1;
        }
    }
    None
}
