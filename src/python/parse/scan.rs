//! A single pass over the source shaped like CPython 3.11's tokenizer (`Parser/tokenizer.c`),
//! run before Ruff's parser. It does two jobs Ruff's lexer cannot do for us:
//!
//! - **Limits, before any recursion.** It bounds how deep the parsed tree can be: open brackets
//!   (CPython's 200), indentation levels (CPython's 100), and for each expression the open
//!   brackets plus every operator or keyword since the last comma at each bracket level. Every
//!   node that nests in the tree has such a token (a binary operation, an attribute, `not`,
//!   `await`, `lambda`, a conditional expression; a call or a subscript has its bracket after an
//!   expression, which counts even once closed; an f-string and each of its fields count a
//!   level), and commas only ever separate siblings, so this count is an upper bound of the
//!   expression's depth. The fuzz test checks it against the trees Ruff builds, for broken code
//!   too. Inputs over a limit are refused without being parsed, so nothing downstream recurses
//!   on them.
//! - **CPython's tokenizer errors, CPython's way.** The first error CPython's tokenizer would
//!   stop at, with its exact message and position: unterminated strings, unmatched and
//!   mismatched brackets, inconsistent dedents and tabs, invalid characters, bad number
//!   literals, stray backslashes, NUL bytes. Ruff's lexer words and places these differently and
//!   knows nothing of CPython's tab rules.
//!
//! f-strings are tokenized as Python 3.12 does (PEP 701: replacement fields are ordinary tokens,
//! quotes may nest), the syntax the parser accepts.
//!
//! It also hands every token to a callback, which the highlighter uses when a source is too
//! deep to parse.

use super::{line_col, ErrorKind, SyntaxError, MAX_BRACKETS, MAX_INDENT, MAX_NESTING};

/// What a token is, coarsely: enough to colour it and to bound nesting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    Name,
    /// `True`, `False`, `None`.
    Constant,
    Keyword,
    Number,
    /// A whole string or bytes literal, prefix and quotes included.
    String,
    /// An f-string's prefix and opening quote.
    FStringStart,
    /// Literal text inside an f-string (or in a format spec).
    FStringMiddle,
    /// An f-string's closing quote.
    FStringEnd,
    Comment,
    Operator,
    /// `(`, `[`, `{` (also the `{` of an f-string replacement field).
    Open,
    /// `)`, `]`, `}`.
    Close,
    Comma,
    /// A character or literal that is not Python.
    Error,
}

/// A token: its kind and byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub kind: TokKind,
    pub start: usize,
    pub end: usize,
}

/// The first thing CPython's tokenizer would stop at.
#[derive(Debug, Clone)]
pub(crate) struct Event {
    /// Byte offset where the tokenizer stops.
    pub at: usize,
    /// What CPython reports when its parser reaches this point.
    pub error: SyntaxError,
    /// CPython raises this error as soon as the tokenizer sees it, so it also wins over a
    /// grammar error earlier in the file (CPython tokenizes the rest of the file after a grammar
    /// error to look for these). Other events (dedent and tab errors, a stray backslash, the end
    /// of the file) only matter if the parser gets there.
    pub raised: bool,
    /// The innermost bracket still open at this point, as the `'(' was never closed` error
    /// CPython reports instead of a grammar error on a later line than the bracket.
    pub unclosed: Option<SyntaxError>,
}

impl Event {
    pub(crate) fn into_error(self) -> SyntaxError {
        self.error
    }
}

/// What the pass found.
#[derive(Debug, Clone, Default)]
pub(crate) struct Outcome {
    pub first: Option<Event>,
    /// The input exceeds a nesting limit; it must not be parsed.
    pub too_deep: Option<SyntaxError>,
}

/// Tokenizes `source`, calling `sink` with every token in order.
pub(crate) fn scan(source: &str, sink: &mut dyn FnMut(Tok)) -> Outcome {
    let mut scanner = Scanner {
        src: source,
        bytes: source.as_bytes(),
        pos: 0,
        line: 1,
        line_start: 0,
        at_bol: true,
        brackets: Vec::new(),
        fstrings: Vec::new(),
        indents: vec![(0, 0)],
        ops: 0,
        nesting: 0,
        last_ends_expression: false,
        outcome: Outcome::default(),
        sink,
    };
    // A byte order mark is not part of the program (CPython and Ruff both skip it).
    if source.starts_with('\u{feff}') {
        scanner.pos = 3;
        scanner.line_start = 3;
    }
    scanner.run();
    scanner.outcome
}

/// An open bracket.
#[derive(Debug, Clone, Copy)]
struct Open {
    ch: u8,
    start: usize,
    line: usize,
    /// Operators and keywords since the last comma at this level.
    ops: usize,
    /// The `{` of an f-string replacement field.
    field: bool,
    /// In that field's format spec (after its top-level `:`).
    spec: bool,
}

/// An f-string being read.
#[derive(Debug, Clone, Copy)]
struct FString {
    start: usize,
    line: usize,
    line_start: usize,
    quote: u8,
    triple: bool,
    raw: bool,
    /// How many brackets were open when it started: its literal text is read while exactly
    /// this many are.
    depth: usize,
    /// A mistake inside it that Python 3.11's f-string parser reports after the whole
    /// f-string (`f'{}'`, `f'{x!}'`, `f'{x}}'`), at the token that follows.
    pending: Option<&'static str>,
}

struct Scanner<'a, 's> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// Current line (1-based) and the byte where it starts.
    line: usize,
    line_start: usize,
    /// At the start of a logical line, where indentation counts.
    at_bol: bool,
    brackets: Vec<Open>,
    fstrings: Vec<FString>,
    /// CPython's two indentation stacks: columns with tabs to multiples of 8, and with tabs as 1.
    indents: Vec<(usize, usize)>,
    /// Operators and keywords since the last comma at statement level (outside brackets).
    ops: usize,
    /// Open brackets plus all the operator counts: the nesting bound of the current position.
    nesting: usize,
    /// The last token ends an expression, so a bracket after it is a call or a subscript.
    last_ends_expression: bool,
    outcome: Outcome,
    sink: &'s mut dyn FnMut(Tok),
}

/// Python 3.11's (hard) keywords, except the three constants.
fn is_keyword(word: &str) -> bool {
    matches!(
        word,
        "and"
            | "as"
            | "assert"
            | "async"
            | "await"
            | "break"
            | "class"
            | "continue"
            | "def"
            | "del"
            | "elif"
            | "else"
            | "except"
            | "finally"
            | "for"
            | "from"
            | "global"
            | "if"
            | "import"
            | "in"
            | "is"
            | "lambda"
            | "nonlocal"
            | "not"
            | "or"
            | "pass"
            | "raise"
            | "return"
            | "try"
            | "while"
            | "with"
            | "yield"
    )
}

/// The length of the operator at the start of `rest`: the longest of Python's operators, or a
/// single unknown character (which the parser then reports as invalid syntax).
fn operator_len(rest: &[u8]) -> usize {
    let at = |i: usize| rest.get(i).copied().unwrap_or(0);
    match (at(0), at(1), at(2)) {
        (b'*', b'*', b'=') | (b'/', b'/', b'=') | (b'>', b'>', b'=') | (b'<', b'<', b'=') | (b'.', b'.', b'.') => 3,
        (b'*', b'*', _)
        | (b'/', b'/', _)
        | (b'<', b'<', _)
        | (b'>', b'>', _)
        | (b'-', b'>', _)
        | (b':', b'=', _)
        | (b'!' | b'%' | b'&' | b'*' | b'+' | b'-' | b'/' | b'<' | b'=' | b'>' | b'@' | b'^' | b'|', b'=', _) => 2,
        _ => 1,
    }
}

impl Scanner<'_, '_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.pos + ahead).copied()
    }

    fn char_at(&self, pos: usize) -> Option<char> {
        self.src.get(pos..).and_then(|s| s.chars().next())
    }

    fn emit(&mut self, kind: TokKind, start: usize) {
        self.last_ends_expression = matches!(
            kind,
            TokKind::Name
                | TokKind::Constant
                | TokKind::Number
                | TokKind::String
                | TokKind::FStringEnd
                | TokKind::Close
        );
        (self.sink)(Tok { kind, start, end: self.pos });
    }

    /// Whether an error now would be the first: only the first is kept, and building one
    /// costs a pass over the source up to it (its line and column), so a file with many
    /// errors must not build them all.
    fn first_error(&self) -> bool {
        self.outcome.first.is_none()
    }

    /// Records `error` if it is the first thing CPython's tokenizer would stop at.
    fn event(&mut self, at: usize, error: SyntaxError, raised: bool) {
        if self.first_error() {
            let unclosed = self.brackets.last().map(|open| self.never_closed(open));
            self.outcome.first = Some(Event { at, error, raised, unclosed });
        }
    }

    fn raise_before_cursor(&mut self, at: usize, cursor: usize, message: impl FnOnce() -> String) {
        if self.first_error() {
            let error = SyntaxError::before_cursor(self.src, cursor, ErrorKind::Syntax, message());
            self.event(at, error, true);
        }
    }

    fn never_closed(&self, open: &Open) -> SyntaxError {
        let message = format!("'{}' was never closed", open.ch as char);
        SyntaxError::spanning(self.src, open.start, open.start + 1, ErrorKind::Syntax, message)
            .with_hint(HINT_NEVER_CLOSED)
    }

    /// Refuses the input: it nests deeper than a limit. The first limit hit is reported.
    fn too_deep(&mut self, error: SyntaxError) {
        if self.outcome.too_deep.is_none() {
            self.outcome.too_deep = Some(error);
        }
    }

    /// Counts an operator or keyword towards the current expression's nesting.
    fn count_op(&mut self, start: usize) {
        match self.brackets.last_mut() {
            Some(open) => open.ops += 1,
            None => self.ops += 1,
        }
        self.nesting += 1;
        self.check_nesting(start);
    }

    fn check_nesting(&mut self, start: usize) {
        if self.nesting > MAX_NESTING && self.outcome.too_deep.is_none() {
            let message =
                format!("this expression is nested too deeply ({} levels); the limit is {MAX_NESTING}", self.nesting);
            let error = SyntaxError::spanning(self.src, start, self.pos.max(start + 1), ErrorKind::Syntax, message)
                .with_hint(HINT_TOO_DEEP);
            self.too_deep(error);
        }
    }

    /// A comma ends an element: what follows is its sibling, not its child.
    fn reset_ops(&mut self) {
        let ops = match self.brackets.last_mut() {
            Some(open) => &mut open.ops,
            None => &mut self.ops,
        };
        self.nesting = self.nesting.saturating_sub(*ops);
        *ops = 0;
    }

    fn newline(&mut self) {
        if self.bytes.get(self.pos) == Some(&b'\r') && self.bytes.get(self.pos + 1) == Some(&b'\n') {
            self.pos += 2;
        } else {
            self.pos += 1;
        }
        self.line += 1;
        self.line_start = self.pos;
    }

    fn run(&mut self) {
        loop {
            if self.fstring_text() {
                continue;
            }
            if self.at_bol {
                self.at_bol = false;
                self.indentation();
            }
            self.skip_spaces();
            let start = self.pos;
            let Some(c) = self.peek() else {
                self.end_of_file();
                return;
            };
            match c {
                b'#' => {
                    while !matches!(self.peek(), None | Some(b'\n' | b'\r')) {
                        self.pos += 1;
                    }
                    self.emit(TokKind::Comment, start);
                }
                b'\n' | b'\r' => {
                    self.newline();
                    if self.brackets.is_empty() {
                        // The end of a logical line (or a blank one).
                        self.nesting = self.nesting.saturating_sub(self.ops);
                        self.ops = 0;
                        self.at_bol = true;
                        self.last_ends_expression = false;
                    }
                }
                b'\\' => self.backslash(start),
                b'\0' => self.nul(start),
                b'0'..=b'9' => self.number(start),
                b'.' if self.peek_at(1).is_some_and(|c| c.is_ascii_digit()) => self.number(start),
                b'"' | b'\'' => self.string(start, start),
                b'(' | b'[' | b'{' => self.open(start, c, false),
                b')' | b']' | b'}' => self.close(start, c),
                b',' => {
                    self.pos += 1;
                    self.reset_ops();
                    self.emit(TokKind::Comma, start);
                }
                c if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 => self.name(start),
                _ => self.operator(start),
            }
        }
    }

    fn skip_spaces(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\x0c')) {
            self.pos += 1;
        }
    }

    /// CPython's indentation rules at the start of a logical line: a column with tabs to the
    /// next multiple of 8 and one with tabs as a single column must agree on every comparison
    /// (or it is a TabError), a dedent must land on an earlier level, and at most 99 levels.
    fn indentation(&mut self) {
        let (mut col, mut alt) = (0usize, 0usize);
        loop {
            match self.peek() {
                Some(b' ') => {
                    col += 1;
                    alt += 1;
                }
                Some(b'\t') => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                Some(b'\x0c') => {
                    col = 0;
                    alt = 0;
                }
                _ => break,
            }
            self.pos += 1;
        }
        if matches!(self.peek(), None | Some(b'#' | b'\n' | b'\r')) {
            // Blank and comment-only lines do not count.
            return;
        }
        let (top, top_alt) = self.indents.last().copied().unwrap_or((0, 0));
        if col == top {
            if alt != top_alt {
                self.tab_error();
            }
        } else if col > top {
            if self.indents.len() >= MAX_INDENT && self.outcome.too_deep.is_none() {
                let message = "too many levels of indentation";
                let error = SyntaxError::new(ErrorKind::Indentation, (self.line, 1), (self.line, 0), message)
                    .with_hint(HINT_TOO_DEEP_BLOCKS);
                self.event(self.line_start, error.clone(), false);
                self.too_deep(error);
            }
            if alt <= top_alt {
                self.tab_error();
            }
            self.indents.push((col, alt));
        } else {
            while self.indents.len() > 1 && self.indents.last().is_some_and(|&(c, _)| col < c) {
                self.indents.pop();
            }
            let (top, top_alt) = self.indents.last().copied().unwrap_or((0, 0));
            if col != top && self.first_error() {
                // CPython's cursor is at the end of the line: the caret goes after its text.
                let end = self.line_end();
                let (line, column) = line_col(self.src, end);
                let message = "unindent does not match any outer indentation level";
                let error = SyntaxError::new(ErrorKind::Indentation, (line, column + 1), (line, column + 1), message)
                    .in_bytes()
                    .with_hint(HINT_INDENT);
                self.event(self.line_start, error, false);
            }
            if col != top {
                // Carry on as if it were a new level, so the nesting bound stays an upper bound.
                self.indents.push((col, alt));
            } else if alt != top_alt {
                self.tab_error();
            }
        }
    }

    fn tab_error(&mut self) {
        let message = "inconsistent use of tabs and spaces in indentation";
        let error = SyntaxError::new(ErrorKind::Tab, (self.line, 1), (self.line, 0), message).with_hint(HINT_TABS);
        self.event(self.line_start, error, false);
    }

    /// Byte offset of the end of the current line (before its newline).
    fn line_end(&self) -> usize {
        self.bytes[self.pos.min(self.bytes.len())..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .map_or(self.bytes.len(), |n| self.pos + n)
    }

    fn end_of_file(&mut self) {
        if let Some(fstring) = self.fstrings.last().copied() {
            self.unterminated(fstring.start, fstring.line, fstring.line_start, fstring.triple);
        }
        if let Some(open) = self.brackets.last().filter(|_| self.first_error()) {
            let error = self.never_closed(open);
            let at = self.pos;
            self.event(at, error, false);
        }
    }

    fn backslash(&mut self, start: usize) {
        self.pos += 1;
        match self.peek() {
            Some(b'\n' | b'\r') => {
                // A line continuation: the logical line goes on.
                self.newline();
            }
            None if !self.first_error() => self.emit(TokKind::Error, start),
            None => {
                // CPython's cursor is past the newline it adds at the end of the file.
                let (line, column) = line_col(self.src, self.pos);
                let message = "unexpected EOF while parsing";
                let error =
                    SyntaxError::new(ErrorKind::Syntax, (line, column + 1), (line, column + 1), message).in_bytes();
                self.event(start, error, false);
                self.emit(TokKind::Error, start);
            }
            Some(_) if !self.first_error() => self.emit(TokKind::Error, start),
            Some(_) => {
                // CPython points at the character after the backslash.
                let after = self.pos;
                let next_len = self.char_at(after).map_or(1, char::len_utf8);
                let error = SyntaxError::spanning(
                    self.src,
                    after,
                    after + next_len,
                    ErrorKind::Syntax,
                    "unexpected character after line continuation character",
                )
                .with_hint(HINT_BACKSLASH);
                self.event(start, error, false);
                self.emit(TokKind::Error, start);
            }
        }
    }

    fn nul(&mut self, start: usize) {
        let message = "source code cannot contain null bytes";
        let error = SyntaxError::new(ErrorKind::Syntax, (self.line, 0), (self.line, 0), message).with_hint(HINT_NUL);
        // CPython refuses the line as it reads it, before tokenizing any of it.
        self.event(self.line_start, error, true);
        self.pos += 1;
        self.emit(TokKind::Error, start);
    }

    fn open(&mut self, start: usize, ch: u8, field: bool) {
        self.pos += 1;
        if !field && self.last_ends_expression {
            // A call or a subscript (`f()()`, `a[0][0]`): it nests its target one level deeper
            // and stays when the bracket closes.
            self.count_op(start);
        }
        if self.brackets.len() >= MAX_BRACKETS && self.outcome.too_deep.is_none() {
            let error =
                SyntaxError::before_cursor(self.src, self.pos, ErrorKind::Syntax, "too many nested parentheses")
                    .with_hint(HINT_TOO_DEEP);
            self.event(start, error.clone(), true);
            self.too_deep(error);
        }
        self.brackets.push(Open { ch, start, line: self.line, ops: 0, field, spec: false });
        self.nesting += 1;
        self.check_nesting(start);
        self.emit(TokKind::Open, start);
    }

    fn close(&mut self, start: usize, ch: u8) {
        self.pos += 1;
        self.emit(TokKind::Close, start);
        let depth = self.fstrings.last().map_or(0, |f| f.depth);
        if self.brackets.len() <= depth {
            // Nothing open (in this f-string's field): CPython's `unmatched ')'`.
            self.raise_before_cursor(start, self.pos, || format!("unmatched '{}'", ch as char));
            return;
        }
        let Some(open) = self.brackets.pop() else { return };
        self.nesting = self.nesting.saturating_sub(open.ops + 1);
        let matches = matches!((open.ch, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
        if !matches {
            let line = self.line;
            self.raise_before_cursor(start, self.pos, || {
                let (close, open_ch) = (ch as char, open.ch as char);
                if open.line != line {
                    format!(
                        "closing parenthesis '{close}' does not match opening parenthesis '{open_ch}' on line {}",
                        open.line
                    )
                } else {
                    format!("closing parenthesis '{close}' does not match opening parenthesis '{open_ch}'")
                }
            });
        }
    }

    fn operator(&mut self, start: usize) {
        let len = operator_len(&self.bytes[self.pos..]);
        let op = &self.src[self.pos..self.pos + len];
        self.pos += len;
        let in_field = self.brackets.last().is_some_and(|open| open.field && !open.spec)
            && self.fstrings.last().is_some_and(|f| f.depth + 1 == self.brackets.len());
        if op == ":" && in_field {
            // A format spec starts: literal text until the field's `}`.
            if let Some(open) = self.brackets.last_mut() {
                open.spec = true;
            }
        }
        if op == "!" && in_field {
            // A conversion: `!s`, `!r` or `!a`, then the end of the field or its spec.
            let after = self.bytes.get(self.pos + 1).copied();
            if !matches!(self.peek(), Some(b's' | b'r' | b'a')) {
                self.fstring_mistake("f-string: invalid conversion character: expected 's', 'r', or 'a'");
            } else if !matches!(after, Some(b'}' | b':')) {
                self.fstring_mistake("f-string: expecting '}'");
            }
        }
        let kind = match op {
            "$" | "?" | "`" => TokKind::Error,
            // Control characters and the like: not Python either.
            _ if len == 1 && !op.as_bytes()[0].is_ascii_graphic() => TokKind::Error,
            _ => TokKind::Operator,
        };
        self.emit(kind, start);
        if op != "..." {
            self.count_op(start);
        }
    }

    /// A name, a keyword, or the prefix of a string.
    fn name(&mut self, start: usize) {
        let mut ascii = true;
        while let Some(c) = self.peek() {
            if c.is_ascii_alphanumeric() || c == b'_' {
                self.pos += 1;
            } else if c >= 0x80 {
                ascii = false;
                self.pos += self.char_at(self.pos).map_or(1, char::len_utf8);
            } else {
                break;
            }
        }
        let word = &self.src[start..self.pos];
        if matches!(self.peek(), Some(b'"' | b'\'')) && is_string_prefix(word) {
            self.string(start, self.pos);
            return;
        }
        if !ascii {
            if let Some((bad, ch)) = first_invalid_identifier_char(word) {
                if self.first_error() {
                    let at = start + bad;
                    let cursor = at + ch.len_utf8();
                    let message = if is_printable(ch) {
                        format!("invalid character '{ch}' (U+{:04X})", ch as u32)
                    } else {
                        format!("invalid non-printable character U+{:04X}", ch as u32)
                    };
                    let error = SyntaxError::before_cursor(self.src, cursor, ErrorKind::Syntax, message)
                        .with_hint(invalid_character_hint(ch));
                    self.event(at, error, true);
                }
                self.emit(TokKind::Error, start);
                return;
            }
        }
        if matches!(word, "True" | "False" | "None") {
            self.emit(TokKind::Constant, start);
        } else if is_keyword(word) {
            self.emit(TokKind::Keyword, start);
            self.count_op(start);
        } else {
            self.emit(TokKind::Name, start);
        }
    }

    /// A number, following CPython's `tok_get` closely enough to give its errors at its
    /// positions (`1abc`, `0777`, `0o8`, `1_`, `1e`, `0x`).
    fn number(&mut self, start: usize) {
        if let Err(error) = self.number_body() {
            if self.first_error() {
                let error = match error {
                    NumberError::Cursor(cursor, message) => {
                        SyntaxError::before_cursor(self.src, cursor, ErrorKind::Syntax, message)
                    }
                    NumberError::LeadingZeros { zeros_end } => {
                        // CPython marks the run of leading zeros.
                        let message = "leading zeros in decimal integer literals are not permitted; use an 0o \
                                       prefix for octal integers";
                        let (line, column) = line_col(self.src, start);
                        let (_, end_column) = line_col(self.src, zeros_end);
                        SyntaxError::new(ErrorKind::Syntax, (line, column + 1), (line, end_column), message)
                            .in_bytes()
                            .with_hint(HINT_LEADING_ZEROS)
                    }
                };
                self.event(start, error, true);
            }
            // Go on right after what CPython read: skipping more (`0.a.a.a`) would hide from the
            // nesting bound the tokens Ruff reads there (an attribute chain).
            self.emit(TokKind::Error, start);
        } else {
            self.emit(TokKind::Number, start);
        }
    }

    fn number_body(&mut self) -> Result<(), NumberError> {
        let first = self.peek().unwrap_or(b'0');
        self.pos += 1;
        if first == b'.' {
            return self.fraction();
        }
        if first == b'0' {
            match self.peek() {
                Some(b'x' | b'X') => return self.radix(|c| c.is_ascii_hexdigit(), "hexadecimal"),
                Some(b'o' | b'O') => return self.radix(|c| (b'0'..b'8').contains(&c), "octal"),
                Some(b'b' | b'B') => return self.radix(|c| c == b'0' || c == b'1', "binary"),
                _ => {}
            }
            // Zeros, then maybe an old-style octal (refused) or a float.
            loop {
                if self.peek() == Some(b'_') {
                    self.pos += 1;
                    if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
                        return Err(NumberError::at(self.pos, "invalid decimal literal"));
                    }
                }
                if self.peek() != Some(b'0') {
                    break;
                }
                self.pos += 1;
            }
            let zeros_end = self.pos;
            let nonzero = self.peek().is_some_and(|c| c.is_ascii_digit());
            if nonzero {
                self.decimal_tail()?;
            }
            match self.peek() {
                Some(b'.') => {
                    self.pos += 1;
                    return self.fraction();
                }
                Some(b'e' | b'E') => return self.exponent(),
                Some(b'j' | b'J') => {
                    self.pos += 1;
                    return self.end_of_number("imaginary");
                }
                _ if nonzero => return Err(NumberError::LeadingZeros { zeros_end }),
                _ => return self.end_of_number("decimal"),
            }
        }
        self.decimal_tail()?;
        match self.peek() {
            Some(b'.') => {
                self.pos += 1;
                self.fraction()
            }
            Some(b'e' | b'E') => self.exponent(),
            Some(b'j' | b'J') => {
                self.pos += 1;
                self.end_of_number("imaginary")
            }
            _ => self.end_of_number("decimal"),
        }
    }

    /// Digits with single underscores between them; the cursor is on the first digit.
    fn decimal_tail(&mut self) -> Result<(), NumberError> {
        loop {
            while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.pos += 1;
            }
            if self.peek() != Some(b'_') {
                return Ok(());
            }
            self.pos += 1;
            if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
                return Err(NumberError::at(self.pos, "invalid decimal literal"));
            }
        }
    }

    fn fraction(&mut self) -> Result<(), NumberError> {
        if self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.decimal_tail()?;
        }
        match self.peek() {
            Some(b'e' | b'E') => self.exponent(),
            Some(b'j' | b'J') => {
                self.pos += 1;
                self.end_of_number("imaginary")
            }
            _ => self.end_of_number("decimal"),
        }
    }

    fn exponent(&mut self) -> Result<(), NumberError> {
        let e = self.pos;
        self.pos += 1;
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.pos += 1;
            if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
                return Err(NumberError::at(self.pos, "invalid decimal literal"));
            }
        } else if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
            // `1e` followed by a name: the `e` starts it (CPython checks the number ends at `e`).
            self.pos = e;
            return self.end_of_number("decimal");
        }
        self.decimal_tail()?;
        if matches!(self.peek(), Some(b'j' | b'J')) {
            self.pos += 1;
            return self.end_of_number("imaginary");
        }
        self.end_of_number("decimal")
    }

    /// `0x…`, `0o…`, `0b…`: the cursor is on the `x`/`o`/`b`.
    fn radix(&mut self, digit: fn(u8) -> bool, kind: &str) -> Result<(), NumberError> {
        self.pos += 1;
        loop {
            if self.peek() == Some(b'_') {
                self.pos += 1;
            }
            match self.peek() {
                Some(c) if digit(c) => {}
                Some(c) if kind != "hexadecimal" && c.is_ascii_digit() => {
                    return Err(NumberError::at(
                        self.pos + 1,
                        format!("invalid digit '{}' in {kind} literal", c as char),
                    ));
                }
                _ => return Err(NumberError::at(self.pos, format!("invalid {kind} literal"))),
            }
            while self.peek().is_some_and(digit) {
                self.pos += 1;
            }
            if self.peek() != Some(b'_') {
                break;
            }
        }
        if kind != "hexadecimal" {
            if let Some(c) = self.peek().filter(u8::is_ascii_digit) {
                return Err(NumberError::at(self.pos + 1, format!("invalid digit '{}' in {kind} literal", c as char)));
            }
        }
        self.end_of_number(kind)
    }

    /// CPython's `verify_end_of_number`: a number may not run into a name, except the keywords
    /// that can follow one in valid code (`1if x else 2`, which CPython only warns about).
    fn end_of_number(&mut self, kind: &str) -> Result<(), NumberError> {
        let rest = &self.bytes[self.pos..];
        let keyword_follows =
            ["and", "else", "for", "if", "in", "is", "or", "not"].iter().any(|k| rest.starts_with(k.as_bytes()));
        match self.peek() {
            // Only ASCII: a non-ASCII character after a number is tokenized (and refused) on its own.
            Some(c) if !keyword_follows && (c.is_ascii_alphanumeric() || c == b'_') => {
                Err(NumberError::at(self.pos, format!("invalid {kind} literal")))
            }
            _ => Ok(()),
        }
    }

    /// A string or bytes literal (or an f-string's start); `start` is where its prefix starts,
    /// `quote_at` where its quote is.
    fn string(&mut self, start: usize, quote_at: usize) {
        let prefix = &self.bytes[start..quote_at];
        let quote = self.bytes[quote_at];
        let triple = self.bytes.get(quote_at..quote_at + 3) == Some(&[quote, quote, quote][..]);
        self.pos = quote_at + if triple { 3 } else { 1 };
        let has = |letter: u8| prefix.iter().any(|b| b.to_ascii_lowercase() == letter);
        let raw = has(b'r');
        if has(b'f') || has(b't') {
            self.fstrings.push(FString {
                start,
                line: self.line,
                line_start: self.line_start,
                quote,
                triple,
                raw,
                depth: self.brackets.len(),
                pending: None,
            });
            self.emit(TokKind::FStringStart, start);
            // The f-string's parts nest one level below whatever contains it.
            self.nesting += 1;
            self.check_nesting(start);
            return;
        }
        let (line, line_start) = (self.line, self.line_start);
        loop {
            match self.peek() {
                None => {
                    self.unterminated_in(start, line, line_start, quote, triple);
                    break;
                }
                Some(b'\\') => {
                    self.pos += 1;
                    match self.peek() {
                        Some(b'\n' | b'\r') => self.newline(),
                        // Any other escaped byte: a non-ASCII character's other bytes are skipped
                        // below, one at a time (they are never quotes, backslashes or newlines).
                        Some(_) => self.pos += 1,
                        None => {}
                    }
                }
                Some(b'\n' | b'\r') => {
                    if !triple {
                        self.unterminated_in(start, line, line_start, quote, triple);
                        break;
                    }
                    self.newline();
                }
                Some(c) if c == quote => {
                    if !triple {
                        self.pos += 1;
                        break;
                    }
                    if self.bytes.get(self.pos..self.pos + 3) == Some(&[quote, quote, quote][..]) {
                        self.pos += 3;
                        break;
                    }
                    self.pos += 1;
                }
                Some(_) => self.pos += 1,
            }
        }
        self.emit(TokKind::String, start);
    }

    /// An unterminated string literal. In a replacement field of an f-string with the same
    /// (single) quotes, it is really the f-string that ended without its `}`: Python 3.11 reads
    /// `f"{x"` as a whole f-string, and says so.
    fn unterminated_in(&mut self, start: usize, line: usize, line_start: usize, quote: u8, triple: bool) {
        let Some(fstring) = self.fstrings.last().copied() else {
            return self.unterminated(start, line, line_start, triple);
        };
        let in_field = self.brackets.len() > fstring.depth;
        if !(in_field && !fstring.triple && fstring.quote == quote) {
            return self.unterminated(start, line, line_start, triple);
        }
        self.fstring_expecting_brace(fstring.start, start + 1);
        while self.brackets.len() > fstring.depth {
            if let Some(open) = self.brackets.pop() {
                self.nesting = self.nesting.saturating_sub(open.ops + 1);
            }
        }
        self.fstrings.pop();
        self.nesting = self.nesting.saturating_sub(1);
    }

    /// Remembers the first mistake in the innermost f-string, reported when it ends.
    fn fstring_mistake(&mut self, message: &'static str) {
        if let Some(fstring) = self.fstrings.last_mut() {
            fstring.pending.get_or_insert(message);
        }
    }

    /// Python 3.11's `f-string: expecting '}'`, which its parser reports at the token after the
    /// f-string (the f-string ending at byte `end`).
    fn fstring_expecting_brace(&mut self, fstring_start: usize, end: usize) {
        self.fstring_error_after(fstring_start, end, "f-string: expecting '}'");
    }

    /// An f-string error as Python 3.11 reports it: its parser reads the f-string as one token,
    /// parses it, and points at the token after it (the f-string ending at byte `end`).
    fn fstring_error_after(&mut self, fstring_start: usize, end: usize, message: &'static str) {
        if !self.first_error() {
            return;
        }
        let after = self.bytes[end.min(self.bytes.len())..]
            .iter()
            .position(|&b| b != b' ' && b != b'\t' && b != b'\x0c')
            .map_or(self.bytes.len(), |n| end + n);
        let width = match self.bytes.get(after) {
            None | Some(b'\n' | b'\r') => 1,
            Some(_) => self.char_at(after).map_or(1, char::len_utf8),
        };
        let error = SyntaxError::spanning(self.src, after, after + width, ErrorKind::Syntax, message);
        self.event(fstring_start, error, false);
    }

    /// CPython's unterminated-string error: at the string's first character, naming the line
    /// where the tokenizer gave up.
    fn unterminated(&mut self, start: usize, line: usize, line_start: usize, triple: bool) {
        // At the end of a file that ends with a newline, CPython is still on the last line.
        let at_end = self.pos >= self.bytes.len() && self.line_start == self.pos && self.line > 1;
        let detected = if at_end { self.line - 1 } else { self.line };
        let column = self.src.get(line_start..start).map_or(0, |s| s.chars().count()) + 1;
        let message = if triple {
            format!("unterminated triple-quoted string literal (detected at line {detected})")
        } else {
            format!("unterminated string literal (detected at line {detected})")
        };
        let error =
            SyntaxError::new(ErrorKind::Syntax, (line, column), (line, column), message).with_hint(HINT_UNTERMINATED);
        self.event(start, error, true);
    }

    /// Literal text of the innermost f-string, if that is where the cursor is: between its
    /// quotes and outside any replacement field, or in a field's format spec. Returns whether
    /// it read anything.
    fn fstring_text(&mut self) -> bool {
        let Some(fstring) = self.fstrings.last().copied() else { return false };
        let in_spec =
            self.brackets.len() == fstring.depth + 1 && self.brackets.last().is_some_and(|o| o.field && o.spec);
        if self.brackets.len() != fstring.depth && !in_spec {
            return false;
        }
        let start = self.pos;
        loop {
            let Some(c) = self.peek() else {
                self.flush_middle(start);
                self.abandon_fstring(fstring);
                return true;
            };
            match c {
                b'\\' => {
                    self.pos += 1;
                    match self.peek() {
                        Some(b'\n' | b'\r') => self.newline(),
                        Some(b'N') if !fstring.raw && self.peek_at(1) == Some(b'{') => {
                            // `\N{NAME}`: the braces are the escape's, not a field's.
                            while !matches!(self.peek(), None | Some(b'}' | b'\n' | b'\r')) {
                                self.pos += 1;
                            }
                            if self.peek() == Some(b'}') {
                                self.pos += 1;
                            }
                        }
                        Some(b'{' | b'}') => {}
                        Some(_) => self.pos += 1,
                        None => {}
                    }
                }
                b'\n' | b'\r' => {
                    if !fstring.triple {
                        self.flush_middle(start);
                        self.abandon_fstring(fstring);
                        return true;
                    }
                    self.newline();
                }
                b'{' if !in_spec && self.peek_at(1) == Some(b'{') => self.pos += 2,
                b'}' if !in_spec && self.peek_at(1) == Some(b'}') => self.pos += 2,
                b'{' => {
                    self.flush_middle(start);
                    let rest = self.bytes[self.pos + 1..].iter().find(|&&b| b != b' ' && b != b'\t');
                    if matches!(rest, Some(b'}' | b'!' | b':' | b'=')) {
                        self.fstring_mistake("f-string: empty expression not allowed");
                    }
                    self.open(self.pos, b'{', true);
                    return true;
                }
                b'}' => {
                    self.flush_middle(start);
                    let at = self.pos;
                    if in_spec {
                        // The end of the field whose format spec this is.
                        self.close(at, b'}');
                    } else {
                        self.pos += 1;
                        self.emit(TokKind::Error, at);
                        self.fstring_mistake("f-string: single '}' is not allowed");
                    }
                    return true;
                }
                c if c == fstring.quote => {
                    let closes = !fstring.triple || self.bytes.get(self.pos..self.pos + 3) == Some(&[c, c, c][..]);
                    if !closes {
                        self.pos += 1;
                        continue;
                    }
                    self.flush_middle(start);
                    if in_spec {
                        // The quote ends the f-string with a field still open.
                        let end = self.pos + if fstring.triple { 3 } else { 1 };
                        self.fstring_expecting_brace(fstring.start, end);
                        if let Some(open) = self.brackets.pop() {
                            self.nesting = self.nesting.saturating_sub(open.ops + 1);
                        }
                    }
                    let quote_start = self.pos;
                    self.pos += if fstring.triple { 3 } else { 1 };
                    self.emit(TokKind::FStringEnd, quote_start);
                    if let Some(Some(message)) = self.fstrings.pop().map(|f| f.pending) {
                        self.fstring_error_after(fstring.start, self.pos, message);
                    }
                    self.nesting = self.nesting.saturating_sub(1);
                    return true;
                }
                // Bytes of a non-ASCII character are never special: step over them one by one.
                _ => self.pos += 1,
            }
        }
    }

    fn flush_middle(&mut self, start: usize) {
        if self.pos > start {
            self.emit(TokKind::FStringMiddle, start);
        }
    }

    /// An f-string that ends without its closing quote: report it and forget its fields.
    fn abandon_fstring(&mut self, fstring: FString) {
        self.unterminated(fstring.start, fstring.line, fstring.line_start, fstring.triple);
        while self.brackets.len() > fstring.depth {
            if let Some(open) = self.brackets.pop() {
                self.nesting = self.nesting.saturating_sub(open.ops + 1);
            }
        }
        self.fstrings.pop();
        self.nesting = self.nesting.saturating_sub(1);
    }
}

/// Why a number literal is invalid.
enum NumberError {
    /// CPython's `syntaxerror()` with its cursor at this byte.
    Cursor(usize, String),
    /// `0777`: zeros up to this byte, then more digits.
    LeadingZeros { zeros_end: usize },
}

impl NumberError {
    fn at(cursor: usize, message: impl Into<String>) -> Self {
        NumberError::Cursor(cursor, message.into())
    }
}

/// `r`, `b`, `rb`, `f`, `rf`, `u`, … (any case): the prefixes a string may have.
fn is_string_prefix(word: &str) -> bool {
    matches!(word.to_ascii_lowercase().as_str(), "r" | "u" | "b" | "br" | "rb" | "f" | "fr" | "rf" | "t" | "tr" | "rt")
}

/// The first character that cannot be in an identifier, and its byte offset (CPython's
/// `verify_identifier`).
fn first_invalid_identifier_char(word: &str) -> Option<(usize, char)> {
    word.char_indices().find(|&(i, c)| {
        let ok = if i == 0 { c == '_' || unicode_ident::is_xid_start(c) } else { unicode_ident::is_xid_continue(c) };
        !ok
    })
}

/// Python's `str.isprintable` for one character, for the characters that matter here: controls,
/// format characters (bidi controls, zero-width spaces), separators other than the space, and
/// private use.
pub(crate) fn is_printable(c: char) -> bool {
    let u = c as u32;
    let not_printable = matches!(
        u,
        0x00..=0x1f
            | 0x7f..=0xa0
            | 0xad
            | 0x600..=0x605
            | 0x61c
            | 0x6dd
            | 0x70f
            | 0x890..=0x891
            | 0x8e2
            | 0x1680
            | 0x180e
            | 0x2000..=0x200f
            | 0x2028..=0x202f
            | 0x205f..=0x2064
            | 0x2066..=0x206f
            | 0x3000
            | 0xe000..=0xf8ff
            | 0xfeff
            | 0xfff9..=0xfffb
            | 0x110bd
            | 0x110cd
            | 0x13430..=0x1343f
            | 0x1bca0..=0x1bca3
            | 0x1d173..=0x1d17a
            | 0xe0001
            | 0xe0020..=0xe007f
            | 0xf0000..
    );
    !not_printable
}

fn invalid_character_hint(c: char) -> &'static str {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201c}' | '\u{201d}' => {
            "This is a curly quote, as word processors and some web pages type them. Python needs \
             straight quotes: ' or \"."
        }
        '\u{2013}' | '\u{2014}' | '\u{2212}' => "This is a dash, not the minus sign -. Retype it as -.",
        '\u{00d7}' => "Python multiplies with *, not ×.",
        c if !is_printable(c) => {
            "The line contains an invisible character (often pasted from a web page). Delete the \
             spaces around this point and type them again."
        }
        _ => "Names may contain letters, digits and _; other symbols are not Python.",
    }
}

const HINT_NEVER_CLOSED: &str =
    "Every opening bracket needs a matching closing one. Check this line and the ones after it.";
const HINT_TOO_DEEP: &str = "Split the expression into smaller steps, giving the intermediate results names.";
const HINT_TOO_DEEP_BLOCKS: &str = "Move the innermost blocks into functions of their own.";
pub(super) const HINT_INDENT: &str = "Indent the lines inside a block by the same amount (4 spaces is usual).";
const HINT_TABS: &str = "Indent with spaces only (4 per level is usual), not a mix of tabs and spaces.";
const HINT_UNTERMINATED: &str = "A string ends with the same quote it starts with, on the same line. Use triple \
                                 quotes (\"\"\") for text over several lines.";
const HINT_BACKSLASH: &str = "A backslash outside a string joins the line to the next one, so nothing may follow \
                              it on its line.";
const HINT_NUL: &str = "The file contains a NUL character (a zero byte); delete it.";
const HINT_LEADING_ZEROS: &str = "Write the number without its leading zeros (or 0o17 for an octal number).";
