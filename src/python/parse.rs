//! The parsing front end: Python source in, a syntax tree or CPython-shaped syntax errors out.
//!
//! This module owns everything between the text the user typed and the tree the interpreter
//! walks:
//! - [`parse`]: refuses inputs nested deeper than the limits below (before any recursion), then
//!   parses with Ruff's parser (`ruff_python_parser`, pinned) and checks what CPython checks when
//!   it compiles (`'await' outside function`, `'break' outside loop`, …);
//! - [`SyntaxError`]: CPython 3.11's message, position and exception class for each mistake, a
//!   plain-words hint for beginners, and [`SyntaxError::render`], which prints exactly what
//!   `python3 main.py` prints.
//!
//! How the first error is chosen follows CPython's parser (`Parser/pegen_errors.c`): an error the
//! tokenizer raises (an unterminated string, an unmatched bracket, an invalid character) wins
//! over a grammar error anywhere before it in the file, and a grammar error on a line after an
//! unclosed bracket becomes `'(' was never closed`. The tokenizer half lives in `scan`, the
//! grammar half (Ruff's errors in CPython's words) in `messages`, the compile-time checks in
//! `semantic`.
//!
//! Syntax is Python 3.12's (so f-strings may nest quotes, as in current tutorials); messages are
//! CPython 3.11's, the version the test oracle runs.

mod messages;
mod scan;
mod semantic;
#[cfg(test)]
mod tests;

use ruff_python_ast::{ModModule, PythonVersion};
use ruff_python_parser::{Mode, ParseOptions};

pub(crate) use scan::{scan, Tok, TokKind};

/// CPython's limit on open brackets at once (`MAXLEVEL` in its tokenizer): the 201st is refused
/// with `too many nested parentheses`.
pub const MAX_BRACKETS: usize = 200;

/// CPython's limit on indentation levels (`MAXINDENT`): a block at level 100 is refused with
/// `too many levels of indentation`, so bodies nest at most 99 deep.
pub const MAX_INDENT: usize = 100;

/// Our limit on how deeply one expression may nest, counted before parsing as open brackets
/// plus the operators and keywords since the last comma at each bracket level (an upper bound
/// of the depth of the tree the expression parses to; see `scan`). CPython itself stops
/// somewhere between 1,000 and 3,000 levels with a `RecursionError` during compilation. Ours is
/// lower so that every walk over the tree (this module's checks, dropping it, the interpreter)
/// fits comfortably in the browser's stack of about 1 MiB; human-written code stays far below
/// it.
pub const MAX_NESTING: usize = 300;

/// The deepest tree [`parse`] can return: two tree levels per indentation level (a block
/// inside an `elif`, `except` or `case` clause), plus one expression at [`MAX_NESTING`], plus a
/// few levels for a statement's own parts (a decorator, a comprehension's clause, a pattern).
/// Walkers that recurse over the tree can size their stack from this.
pub const MAX_TREE_DEPTH: usize = 2 * MAX_INDENT + MAX_NESTING + 16;

/// Which of CPython's syntax error classes it is (the first word of the last line CPython
/// prints).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// `SyntaxError`.
    Syntax,
    /// `IndentationError` (a subclass of SyntaxError).
    Indentation,
    /// `TabError` (a subclass of IndentationError).
    Tab,
}

impl ErrorKind {
    /// The class name CPython prints.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::Syntax => "SyntaxError",
            ErrorKind::Indentation => "IndentationError",
            ErrorKind::Tab => "TabError",
        }
    }
}

/// One syntax error, positioned as CPython positions it.
///
/// `line`/`end_line` are 1-based; `column`/`end_column` are CPython's `offset`/`end_offset`:
/// 1-based, counted in characters, `end_column` exclusive. `column` 0 means "no particular
/// column" (CPython then prints no caret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: ErrorKind,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// CPython 3.11's wording, e.g. `expected ':'`.
    pub message: String,
    /// What to do about it, in plain words for beginners (not part of CPython's output).
    pub hint: Option<String>,
    /// CPython prints this error's columns as byte offsets: its parser and compiler do not
    /// convert them to characters for a file without a coding cookie (only its tokenizer does),
    /// so a line with non-ASCII text before the error gets its caret further right. `render`
    /// copies that.
    pub(crate) byte_columns: bool,
}

impl SyntaxError {
    /// Exactly what `python3 main.py` (CPython 3.11) prints on stderr for this error when the
    /// program is in `filename`: the file line, the source line without its indentation, the
    /// carets, and `SyntaxError: message`. Ends with a newline.
    pub fn render(&self, source: &str, filename: &str) -> String {
        let mut out = format!("  File \"{filename}\", line {}\n", self.line);
        if let Some(text) = line_text(source, self.line) {
            self.render_text(&mut out, text);
        }
        out.push_str(self.kind.name());
        out.push_str(": ");
        out.push_str(&self.message);
        out.push('\n');
        out
    }

    /// CPython's `print_error_text` (Python/pythonrun.c), including its quirks: the offset is
    /// in characters but is clipped to the line's length in bytes, a range over several lines
    /// is drawn to the end of the first, and only a plain SyntaxError gets more than one caret.
    fn render_text(&self, out: &mut String, text: LineText<'_>) {
        // CPython keeps the line as a C string: it ends at a NUL.
        let body = text.body.split('\0').next().unwrap_or_default();
        // The `text` attribute includes the line's newline when the file has one.
        let line_size = body.len() as isize + isize::from(text.newline && body.len() == text.body.len());
        let (column, end_column) = if self.byte_columns {
            let end_text = if self.end_line == self.line { body } else { "" };
            (byte_column(body, self.column), byte_column(end_text, self.end_column))
        } else {
            (self.column, self.end_column)
        };
        let offset = column as isize;
        let mut end_offset = match self.kind {
            ErrorKind::Syntax => end_column as isize,
            ErrorKind::Indentation | ErrorKind::Tab => -1,
        };
        if self.end_line > self.line {
            end_offset = line_size;
        }
        end_offset = end_offset.min(line_size + 1);
        let carets = if end_offset > 0 && end_offset > offset { end_offset - offset } else { 1 };

        let stripped = body.trim_start_matches([' ', '\t', '\x0c']);
        let mut offset = offset - 1 - (body.len() - stripped.len()) as isize;
        offset = offset.min(stripped.len() as isize);
        out.push_str("    ");
        out.push_str(stripped);
        out.push('\n');
        if offset < 0 {
            return;
        }
        out.push_str("    ");
        out.extend(std::iter::repeat_n(' ', offset as usize));
        out.extend(std::iter::repeat_n('^', carets as usize));
        out.push('\n');
    }
}

/// The 1-based byte column of the 1-based character `column` of `line` (characters past its end
/// count one byte each).
fn byte_column(line: &str, column: usize) -> usize {
    let Some(index) = column.checked_sub(1) else { return 0 };
    let (count, bytes) =
        line.char_indices().nth(index).map_or_else(|| (line.chars().count(), line.len()), |(byte, _)| (index, byte));
    bytes + (index - count) + 1
}

/// One line of the source as CPython reads it: `\r\n` and `\r` end lines like `\n`.
#[derive(Debug, Clone, Copy)]
struct LineText<'a> {
    body: &'a str,
    newline: bool,
}

/// The 1-based `line` of `source`, if there is one.
fn line_text(source: &str, line: usize) -> Option<LineText<'_>> {
    let start = nth_line_start(source, line)?;
    let rest = source.get(start..)?;
    let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
    if end == 0 && rest.is_empty() && line > 1 {
        // Past the last newline there is no line, as for CPython.
        return None;
    }
    Some(LineText { body: &rest[..end], newline: end < rest.len() })
}

/// Byte offset where the 1-based `line` starts.
pub(crate) fn nth_line_start(source: &str, line: usize) -> Option<usize> {
    if line == 0 {
        return None;
    }
    let bytes = source.as_bytes();
    let mut start = 0;
    let mut i = 0;
    let mut current = 1;
    while current < line {
        match bytes.get(i)? {
            b'\n' => {
                current += 1;
                start = i + 1;
            }
            b'\r' => {
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                current += 1;
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    Some(start)
}

/// Parses a whole program (`exec` mode, as `python3 main.py` does).
///
/// Returns the module, or every syntax error found: the first is the one CPython would report
/// (and the only one it would), the rest follow in source order for an editor to underline.
/// Never panics and never recurses deeper than [`MAX_TREE_DEPTH`] tree levels, whatever the
/// input (see the module docs).
pub fn parse(source: &str) -> Result<ModModule, Vec<SyntaxError>> {
    // One stack segment for the whole parse: in the browser the stack's extent is unknown, so
    // every outermost `with_stack` (Ruff's parser has its own) switches to a fresh segment;
    // inside one, the nested ones know how much is left and stay put.
    with_stack(|| parse_here(source))
}

fn parse_here(source: &str) -> Result<ModModule, Vec<SyntaxError>> {
    let outcome = scan(source, &mut |_| {});
    if let Some(limit) = outcome.too_deep {
        // Refused before Ruff's parser sees it: the tree would be too deep to walk safely.
        let mut errors: Vec<SyntaxError> = outcome.first.into_iter().map(|e| e.into_error()).collect();
        if !errors.contains(&limit) {
            errors.push(limit);
        }
        return Err(errors);
    }
    let options = ParseOptions::from(Mode::Module).with_target_version(PythonVersion::PY312);
    let parsed = ruff_python_parser::parse_unchecked(source, options);
    let parsed = match parsed.try_into_module() {
        Some(parsed) => parsed,
        // Module mode always yields a module; an empty program is the safe answer otherwise.
        None => {
            return Ok(ModModule {
                node_index: Default::default(),
                range: Default::default(),
                body: Default::default(),
            })
        }
    };
    let errors = messages::syntax_errors(source, &parsed, outcome.first);
    if !errors.is_empty() {
        return Err(errors);
    }
    let module = parsed.into_syntax();
    let errors = semantic::check(source, &module);
    if errors.is_empty() {
        Ok(module)
    } else {
        Err(errors)
    }
}

/// Runs `f` with at least 64 KiB of stack left, switching to a fresh 1 MiB segment on the heap
/// when the current stack is nearly used up (as Ruff's parser does). Recursive walks over the
/// tree call it at every level, so no depth of tree can overflow the stack: the browser's is
/// about 1 MiB and a stack overflow there kills the page.
pub(crate) fn with_stack<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, f)
}

/// Line (1-based) and column (0-based, in characters) of byte `offset`, CPython's way: lines end
/// at `\n`, `\r\n` or `\r`.
pub(crate) fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(source, offset);
    let before = &source.as_bytes()[..offset];
    let mut line = 1;
    let mut start = 0;
    let mut i = 0;
    while i < before.len() {
        match before[i] {
            b'\n' => {
                line += 1;
                start = i + 1;
            }
            b'\r' => {
                if before.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                line += 1;
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    // A `\r\n` split by `offset` counts as the end of the line it ends.
    let column = source.get(start..offset).map_or(0, |s| s.chars().count());
    (line, column)
}

/// The largest char boundary at or before `offset` (clamped to the source).
fn floor_char_boundary(source: &str, offset: usize) -> usize {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

impl SyntaxError {
    /// An error at the given positions (CPython's columns: 1-based characters), as CPython's
    /// tokenizer reports it.
    pub(crate) fn new(
        kind: ErrorKind,
        (line, column): (usize, usize),
        (end_line, end_column): (usize, usize),
        message: impl Into<String>,
    ) -> Self {
        SyntaxError {
            kind,
            line,
            column,
            end_line,
            end_column,
            message: message.into(),
            hint: None,
            byte_columns: false,
        }
    }

    /// An error over the byte range `start..end`, as CPython's parser positions an error at a
    /// token or a node (`RAISE_SYNTAX_ERROR_KNOWN_RANGE`), with columns printed in bytes.
    pub(crate) fn spanning(
        source: &str,
        start: usize,
        end: usize,
        kind: ErrorKind,
        message: impl Into<String>,
    ) -> Self {
        let (line, column) = line_col(source, start);
        let (end_line, end_column) = line_col(source, end.max(start));
        SyntaxError::new(kind, (line, column + 1), (end_line, end_column + 1), message).in_bytes()
    }

    /// An error CPython's tokenizer raises with its cursor after byte `cursor` (its
    /// `syntaxerror()`): the caret sits on the character before the cursor.
    pub(crate) fn before_cursor(source: &str, cursor: usize, kind: ErrorKind, message: impl Into<String>) -> Self {
        let (line, column) = line_col(source, cursor);
        SyntaxError::new(kind, (line, column), (line, column), message)
    }

    /// The same error, printed with byte columns as CPython's parser and compiler print theirs.
    pub(crate) fn in_bytes(mut self) -> Self {
        self.byte_columns = true;
        self
    }

    /// The same error with a hint.
    pub(crate) fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}
