//! What the editor's keys do to the text, as pure functions: Tab and Shift+Tab indent and
//! outdent, Enter keeps the indentation (one level more after a `:`, one less after
//! `return`, `pass`, …; inside an open bracket aligned with its first item or one level in), the `:` of `else`, `elif`, `except` and `finally` moves
//! the clause out to its block, Home goes to the code's first character, brackets come in pairs, Backspace in the indentation removes
//! one level. Each returns an [`Edit`]; the page applies it as one typed insertion, so
//! the browser's own undo and redo see it.
//!
//! Offsets are byte offsets into the text; the browser counts in UTF-16 units
//! ([`utf16_to_byte`] and [`byte_to_utf16`] convert).

/// Spaces per indentation level (PEP 8).
pub const INDENT: usize = 4;

/// Replace `start..end` with `text`, then select `select` (offsets in the new text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub select: (usize, usize),
}

impl Edit {
    /// Moves the caret without changing the text.
    fn caret(at: usize) -> Edit {
        Edit { start: at, end: at, text: String::new(), select: (at, at) }
    }

    /// The text after the edit (what the page will hold).
    pub fn apply(&self, src: &str) -> String {
        format!("{}{}{}", &src[..self.start], self.text, &src[self.end..])
    }
}

/// Start of the line holding byte `pos`.
pub fn line_start(src: &str, pos: usize) -> usize {
    src[..pos].rfind('\n').map_or(0, |i| i + 1)
}

/// End of the line holding byte `pos` (before its newline).
pub fn line_end(src: &str, pos: usize) -> usize {
    src[pos..].find('\n').map_or(src.len(), |i| pos + i)
}

/// The 1-based line number of byte `pos`.
pub fn line_of(src: &str, pos: usize) -> u32 {
    src[..pos].bytes().filter(|&b| b == b'\n').count() as u32 + 1
}

/// Byte offset of the start of 1-based `line` (the end of the text past the last line).
pub fn offset_of_line(src: &str, line: u32) -> usize {
    if line <= 1 {
        return 0;
    }
    src.match_indices('\n').nth(line as usize - 2).map_or(src.len(), |(i, _)| i + 1)
}

/// The lines a selection touches, as `first_line_start..last_line_end`. A selection that ends
/// at the very start of a line does not take that line in.
fn touched(src: &str, start: usize, end: usize) -> (usize, usize) {
    let end = if end > start && src[..end].ends_with('\n') { end - 1 } else { end };
    (line_start(src, start), line_end(src, end))
}

fn leading_spaces(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Tab: with no selection, spaces up to the next indentation stop; with a selection, every
/// line it touches one level in.
pub fn tab(src: &str, start: usize, end: usize) -> Edit {
    if start == end {
        let column = src[line_start(src, start)..start].chars().count();
        let spaces = " ".repeat(INDENT - column % INDENT);
        let at = start + spaces.len();
        return Edit { start, end, text: spaces, select: (at, at) };
    }
    let (from, to) = touched(src, start, end);
    let block = &src[from..to];
    let text: Vec<String> = block
        .split('\n')
        .map(|l| if l.trim().is_empty() { l.to_string() } else { format!("{}{l}", " ".repeat(INDENT)) })
        .collect();
    let text = text.join("\n");
    let added = text.len() - block.len();
    // A selection starting at a line's start keeps starting there (whole lines stay selected).
    let first_added =
        if start > from && block.split('\n').next().is_some_and(|l| !l.trim().is_empty()) { INDENT } else { 0 };
    Edit { start: from, end: to, text, select: (start + first_added, end + added) }
}

/// Shift+Tab: every line the selection (or the caret) touches one level out, as far as it has
/// leading spaces (a tab counts as one level). `None` when nothing is indented.
pub fn outdent(src: &str, start: usize, end: usize) -> Option<Edit> {
    let (from, to) = touched(src, start, end);
    let block = &src[from..to];
    // Each line's start in the text and the bytes it loses.
    let mut cuts = Vec::new();
    let mut out = Vec::new();
    let mut at = from;
    for l in block.split('\n') {
        let n = if l.starts_with('\t') { 1 } else { leading_spaces(l).min(INDENT) };
        cuts.push((at, n));
        out.push(&l[n..]);
        at += l.len() + 1;
    }
    let removed: usize = cuts.iter().map(|&(_, n)| n).sum();
    if removed == 0 {
        return None;
    }
    // The selection keeps its place in the text that stays: an end inside a removed
    // indentation goes to where that line's text now starts.
    let moved = |pos: usize| {
        let gone: usize = cuts.iter().map(|&(line, n)| if pos >= line { n.min(pos - line) } else { 0 }).sum();
        pos - gone
    };
    let new_start = moved(start);
    let new_end = if start == end { new_start } else { moved(end).max(new_start) };
    Some(Edit { start: from, end: to, text: out.join("\n"), select: (new_start, new_end) })
}

/// Words that end a block: the line after them is one level out.
const BLOCK_ENDERS: &[&str] = &["pass", "return", "break", "continue", "raise"];

/// Enter: a new line with the statement's indentation, one level more after a `:`, one level
/// less after `return`, `pass`, `break`, `continue` or `raise`. Inside a bracket still open it
/// continues the bracket as IDLE and VS Code's Python (Pylance's auto-indent) do: aligned with
/// the first item after the bracket (`print("a",` → under `"a"`), or, with nothing after the
/// bracket on its line, one level more than that line (a hanging indent). After a bracket that
/// closes a statement spread over lines, the statement's own line sets the indentation.
/// Between a bracket pair, the closing bracket goes on a line of its own.
pub fn newline(src: &str, start: usize, end: usize) -> Edit {
    let ls = line_start(src, start);
    let before = &src[ls..start];
    let code = strip_comment(before).trim_end();
    let scan = scan(&src[..start]);
    let after = src[end..].chars().next();
    if let Some(&open) = scan.open.last() {
        let open_ls = line_start(src, open);
        let open_indent = leading_spaces(&src[open_ls..]);
        let first_line = &src[open + 1..line_end(src, open).min(start)];
        let rest = strip_comment(first_line);
        let indent = match rest.len() - rest.trim_start().len() {
            // Only spaces (or a comment) after the bracket: a hanging indent.
            _ if rest.trim().is_empty() => open_indent + INDENT,
            spaces => src[open_ls..open + 1 + spaces].chars().count(),
        };
        let pad = " ".repeat(indent);
        let bracket = src[open..].chars().next().and_then(pair_of);
        if code.len() + ls == open + 1 && bracket.is_some() && bracket == after {
            let text = format!("\n{pad}\n{}", " ".repeat(open_indent));
            let at = start + 1 + pad.len();
            return Edit { start, end, text, select: (at, at) };
        }
        let text = format!("\n{pad}");
        let at = start + text.len();
        return Edit { start, end, text, select: (at, at) };
    }
    // The statement's first line: this one, or the one that opened the brackets it closed.
    let statement = &src[scan.statement.min(ls)..line_end(src, scan.statement.min(ls))];
    let mut indent = leading_spaces(statement);
    if code.ends_with(':') {
        indent += INDENT;
    } else {
        let first = statement.trim_start().split([' ', '(']).next().unwrap_or("");
        if BLOCK_ENDERS.contains(&first) {
            indent = indent.saturating_sub(INDENT);
        }
    }
    let text = format!("\n{}", " ".repeat(indent));
    let at = start + text.len();
    Edit { start, end, text, select: (at, at) }
}

/// What the code before the caret leaves open.
struct Scan {
    /// Byte offsets of the brackets still open, innermost last.
    open: Vec<usize>,
    /// Start of the line the current statement began on (outside any bracket or string).
    statement: usize,
}

/// Reads `code` for brackets, skipping strings (triple-quoted ones across lines) and comments.
/// Only ASCII bytes matter here, so it walks bytes: a multi-byte character never matches one.
fn scan(code: &str) -> Scan {
    let b = code.as_bytes();
    let (mut open, mut statement, mut i) = (Vec::new(), 0, 0);
    // The quote byte of the string we are in, and whether it is triple-quoted.
    let mut quote: Option<(u8, bool)> = None;
    while i < b.len() {
        let c = b[i];
        if let Some((q, triple)) = quote {
            match c {
                b'\\' => i += 1,
                _ if c == q && !triple => quote = None,
                _ if c == q && b[i..].starts_with(&[q, q, q]) => {
                    quote = None;
                    i += 2;
                }
                // An unterminated one-line string ends with its line, as Python's error does.
                b'\n' if !triple => quote = None,
                _ => {}
            }
            i += 1;
            continue;
        }
        match c {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\'' | b'"' => {
                let triple = b[i..].starts_with(&[c, c, c]);
                quote = Some((c, triple));
                i += if triple { 2 } else { 0 };
            }
            b'(' | b'[' | b'{' => open.push(i),
            b')' | b']' | b'}' => {
                open.pop();
            }
            b'\n' if open.is_empty() => statement = i + 1,
            _ => {}
        }
        i += 1;
    }
    Scan { open, statement }
}

/// Home: to the line's first character of code, or, from there, to its start (as code
/// editors do: the indentation is rarely where one wants to type).
pub fn home(src: &str, start: usize, end: usize) -> Edit {
    let ls = line_start(src, end);
    let code = ls + leading_spaces(&src[ls..line_end(src, end)]);
    Edit::caret(if start == end && end == code { ls } else { code })
}

/// The clauses that close the block above them and open their own.
const CONTINUATIONS: &[&str] = &["else", "elif", "except", "finally"];

/// `:` ending an `else`, `elif`, `except` or `finally` clause typed at the indentation of the
/// line above (where Enter left the caret, inside the block it ends): the line moves out one
/// level, to the `if` or `try` it belongs to, as Python editors do. `None`: type it as usual.
pub fn colon(src: &str, start: usize, end: usize) -> Option<Edit> {
    if start != end || !src[end..line_end(src, end)].trim().is_empty() {
        return None;
    }
    let ls = line_start(src, start);
    let line = &src[ls..start];
    let indent = leading_spaces(line);
    let statement = line.trim();
    let first = statement.split([' ', '(', ':']).next().unwrap_or("");
    if indent < INDENT || !CONTINUATIONS.contains(&first) || !strip_comment(statement).eq(statement) {
        return None;
    }
    // The nearest line above with code on it: the clause sits at its indentation.
    let above = src[..ls].lines().rev().find(|l| !strip_comment(l).trim().is_empty())?;
    if leading_spaces(above) != indent {
        return None;
    }
    let text = format!("{}{statement}:", " ".repeat(indent - INDENT));
    let at = ls + text.len();
    Some(Edit { start: ls, end, text, select: (at, at) })
}

/// `line` without a trailing `# comment` (a `#` inside a string is not one).
fn strip_comment(line: &str) -> &str {
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) => {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' => return &line[..i],
            None => {}
        }
    }
    line
}

/// The closing bracket for an opening one.
pub fn pair_of(open: char) -> Option<char> {
    match open {
        '(' => Some(')'),
        '[' => Some(']'),
        '{' => Some('}'),
        _ => None,
    }
}

/// An opening bracket: with a selection, it goes around it; before a space, a closing bracket
/// or the end of the line, it comes with its closing bracket and the caret between them.
/// `None`: type it as usual.
pub fn open_bracket(src: &str, start: usize, end: usize, open: char) -> Option<Edit> {
    let close = pair_of(open)?;
    if start != end {
        let inner = &src[start..end];
        let text = format!("{open}{inner}{close}");
        return Some(Edit { start, end, text, select: (start + 1, end + 1) });
    }
    let next = src[end..].chars().next();
    if next.is_none_or(|c| c.is_whitespace() || matches!(c, ')' | ']' | '}' | ',' | ':')) {
        return Some(Edit { start, end, text: format!("{open}{close}"), select: (start + 1, start + 1) });
    }
    None
}

/// A closing bracket typed just before the same one steps over it. `None`: type it as usual.
pub fn close_bracket(src: &str, start: usize, end: usize, close: char) -> Option<Edit> {
    (start == end && src[end..].starts_with(close)).then(|| Edit::caret(end + close.len_utf8()))
}

/// Backspace: inside an empty bracket pair, both go; in the indentation, one level goes.
/// `None`: delete as usual.
pub fn backspace(src: &str, start: usize, end: usize) -> Option<Edit> {
    if start != end || start == 0 {
        return None;
    }
    let prev = src[..start].chars().next_back()?;
    let next = src[start..].chars().next();
    if pair_of(prev).is_some() && pair_of(prev) == next {
        return Some(Edit { start: start - 1, end: start + 1, text: String::new(), select: (start - 1, start - 1) });
    }
    let ls = line_start(src, start);
    let before = &src[ls..start];
    if before.len() < 2 || !before.bytes().all(|b| b == b' ') {
        return None;
    }
    let remove = (before.len() - 1) % INDENT + 1;
    Some(Edit { start: start - remove, end: start, text: String::new(), select: (start - remove, start - remove) })
}

/// Pasting lines: the lines after the first are re-indented to sit at the caret's line, in step
/// with each other as they were where they were copied from, so code pasted into a function
/// body lands in that body. In the line's indentation the first line goes to the caret (its
/// own indentation dropped); after code it goes in as it is. `None` where the paste goes in as
/// it is: one line, a caret at the left edge, or tabs in an indentation (mixing them with spaces
/// would be the program's own `TabError`).
pub fn paste(src: &str, start: usize, end: usize, pasted: &str) -> Option<Edit> {
    let ls = line_start(src, start);
    let before = &src[ls..start];
    let line_indent = &before[..before.len() - before.trim_start_matches(' ').len()];
    let in_indent = line_indent.len() == before.len();
    let pasted = normalize(pasted);
    let (first, rest) = pasted.split_once('\n')?;
    let tabbed = |l: &str| l[..l.len() - l.trim_start().len()].contains('\t');
    if before.is_empty() || before[..line_indent.len()].contains('\t') || pasted.lines().any(tabbed) {
        return None;
    }
    let width = |l: &str| l.len() - l.trim_start_matches(' ').len();
    // The indentation the lines were copied at: the first line's, when it was copied whole
    // into the indentation; else the next line's, one level less where the first line opens a
    // block or a bracket (what follows it is its body).
    let next = rest.lines().find(|l| !l.trim().is_empty()).map_or(0, width);
    let opens = first.trim_end().ends_with([':', '(', '[', '{']);
    let base = match (in_indent && first.starts_with(' '), opens) {
        (true, _) => width(first),
        (false, true) => next.saturating_sub(INDENT),
        (false, false) => next,
    };
    let mut text = if in_indent { first.trim_start_matches(' ') } else { first }.to_string();
    for line in rest.split('\n') {
        text.push('\n');
        if !line.trim().is_empty() {
            text.push_str(line_indent);
            text.push_str(&line[width(line).min(base)..]);
        }
    }
    if text == pasted {
        return None;
    }
    let caret = start + text.len();
    Some(Edit { start, end, text, select: (caret, caret) })
}

/// Pasted or loaded text as the editor keeps it: Windows (CRLF) and old Mac (CR) line ends
/// become newlines. Tabs stay: Python reads them, and mixing them with spaces is the program's
/// own error (a `TabError`).
pub fn normalize(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// The byte offset of the UTF-16 offset `units` (as the browser counts selection offsets).
pub fn utf16_to_byte(src: &str, units: u32) -> usize {
    let mut count = 0;
    for (i, c) in src.char_indices() {
        if count >= units as usize {
            return i;
        }
        count += c.len_utf16();
    }
    src.len()
}

/// The UTF-16 offset of byte `pos`.
pub fn byte_to_utf16(src: &str, pos: usize) -> u32 {
    src[..pos.min(src.len())].chars().map(char::len_utf16).sum::<usize>() as u32
}
