//! Syntax highlighting for the page's editor: what each piece of a Python source is, as byte
//! ranges.
//!
//! Built on the tokens of Ruff's parser (not its bare lexer): the parser decides whether `match`,
//! `case` and `type` are keywords or names, and splits f-strings into literal parts and
//! replacement fields. A source nested too deeply to parse safely (see [`crate::python::parse`])
//! is coloured from the pre-parse tokenizer instead, more coarsely. Total: any input, valid or
//! not, gets spans, never a panic.

use ruff_python_ast::token::{Token, TokenKind};
use ruff_python_ast::PythonVersion;
use ruff_python_parser::{Mode, ParseOptions};
use ruff_text_size::Ranged;

use crate::python::parse::{scan, Tok, TokKind};

/// What a span of source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    Keyword,
    /// A built-in function, type or exception: `print`, `len`, `range`, `ValueError`.
    Builtin,
    /// `True`, `False`, `None`, `...`.
    Constant,
    Name,
    Number,
    /// A string or bytes literal, or the literal text and quotes of an f-string.
    String,
    /// The braces of an f-string's replacement field, and its `!r` / `:` markers.
    FStringExpr,
    Comment,
    /// `+`, `==`, `=`, `**`, `@` (matrix product), …
    Operator,
    /// Brackets, `,`, `:`, `;`, `.`, `->`.
    Punctuation,
    /// A decorator: the `@` and the dotted name after it.
    Decorator,
    /// The name a `def` or `class` defines.
    Definition,
    /// Something that is not Python: a stray character, an unterminated string's rest.
    Error,
}

/// A classified byte range of the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub class: Class,
}

/// The spans of `source`, in order, not overlapping. Whitespace, newlines and indentation get
/// no span.
pub fn classify(source: &str) -> Vec<Span> {
    if scan(source, &mut |_| {}).too_deep.is_some() {
        return classify_coarsely(source);
    }
    let options = ParseOptions::from(Mode::Module).with_target_version(PythonVersion::PY312);
    let parsed = ruff_python_parser::parse_unchecked(source, options);
    let mut painter = Painter {
        source,
        spans: Vec::with_capacity(parsed.tokens().len()),
        previous: None,
        line_start: true,
        in_decorator: false,
        fstrings: Vec::new(),
    };
    for token in parsed.tokens().iter() {
        painter.token(token);
    }
    painter.spans
}

/// Walks Ruff's tokens, remembering the little context colours depend on.
struct Painter<'a> {
    source: &'a str,
    spans: Vec<Span>,
    /// The previous token that was not trivia.
    previous: Option<TokenKind>,
    /// At the start of a logical line (where `@` starts a decorator).
    line_start: bool,
    /// In a decorator's dotted name.
    in_decorator: bool,
    /// For each f-string being read, how many brackets are open inside its current field
    /// (`None` outside any field).
    fstrings: Vec<Option<usize>>,
}

impl Painter<'_> {
    fn push(&mut self, token: &Token, class: Class) {
        let (start, end) = (token.start().to_usize(), token.end().to_usize());
        // Ruff's tokens are in order and do not overlap; this keeps that promise even if a
        // recovering parser ever repeated one.
        let after_last = self.spans.last().is_none_or(|last| start >= last.end);
        if start < end && after_last {
            self.spans.push(Span { start, end, class });
        }
    }

    fn token(&mut self, token: &Token) {
        let kind = token.kind();
        let class = match kind {
            TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent | TokenKind::EndOfFile => {
                self.line_start = true;
                self.in_decorator = false;
                return;
            }
            TokenKind::NonLogicalNewline => return,
            TokenKind::Comment => {
                self.push(token, Class::Comment);
                return;
            }
            TokenKind::FStringStart | TokenKind::TStringStart => {
                self.fstrings.push(None);
                Some(Class::String)
            }
            TokenKind::FStringEnd | TokenKind::TStringEnd => {
                self.fstrings.pop();
                Some(Class::String)
            }
            TokenKind::FStringMiddle | TokenKind::TStringMiddle | TokenKind::String => Some(Class::String),
            _ => self.fstring_marker(kind),
        };
        let text = self.source.get(token.start().to_usize()..token.end().to_usize()).unwrap_or_default();
        let class = class.unwrap_or_else(|| self.class_of(kind, text));
        self.push(token, class);
        self.in_decorator = class == Class::Decorator;
        self.line_start = false;
        self.previous = Some(kind);
    }

    /// The braces of a replacement field, and the `!` and `:` at its top level.
    fn fstring_marker(&mut self, kind: TokenKind) -> Option<Class> {
        let field = self.fstrings.last_mut()?;
        match (kind, field.as_mut()) {
            (TokenKind::Lbrace, None) => {
                *field = Some(0);
                Some(Class::FStringExpr)
            }
            (TokenKind::Rbrace, Some(0)) => {
                *field = None;
                Some(Class::FStringExpr)
            }
            (TokenKind::Exclamation | TokenKind::Colon, Some(0)) => Some(Class::FStringExpr),
            (TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace, Some(depth)) => {
                *depth += 1;
                None
            }
            (TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace, Some(depth)) => {
                *depth = depth.saturating_sub(1);
                None
            }
            _ => None,
        }
    }

    fn class_of(&self, kind: TokenKind, text: &str) -> Class {
        match kind {
            TokenKind::Name => {
                if matches!(self.previous, Some(TokenKind::Def | TokenKind::Class)) {
                    Class::Definition
                } else if self.in_decorator {
                    Class::Decorator
                } else if self.previous != Some(TokenKind::Dot) && is_builtin(text) {
                    Class::Builtin
                } else {
                    Class::Name
                }
            }
            TokenKind::At if self.line_start => Class::Decorator,
            TokenKind::Dot if self.in_decorator => Class::Decorator,
            TokenKind::True | TokenKind::False | TokenKind::None | TokenKind::Ellipsis => Class::Constant,
            TokenKind::Int | TokenKind::Float | TokenKind::Complex => Class::Number,
            TokenKind::Lpar
            | TokenKind::Rpar
            | TokenKind::Lsqb
            | TokenKind::Rsqb
            | TokenKind::Lbrace
            | TokenKind::Rbrace
            | TokenKind::Comma
            | TokenKind::Colon
            | TokenKind::Semi
            | TokenKind::Dot
            | TokenKind::Rarrow => Class::Punctuation,
            TokenKind::Unknown | TokenKind::IpyEscapeCommand | TokenKind::Question => Class::Error,
            kind if kind.is_keyword() => Class::Keyword,
            _ => Class::Operator,
        }
    }
}

/// Built-in names people call or catch: functions, types, exceptions (sorted, for the binary
/// search).
const BUILTINS: [&str; 110] = [
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "BaseException",
    "BaseExceptionGroup",
    "BlockingIOError",
    "BrokenPipeError",
    "ConnectionError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "EOFError",
    "Exception",
    "ExceptionGroup",
    "FileExistsError",
    "FileNotFoundError",
    "ImportError",
    "IndexError",
    "InterruptedError",
    "KeyError",
    "KeyboardInterrupt",
    "LookupError",
    "MemoryError",
    "ModuleNotFoundError",
    "NameError",
    "NotImplemented",
    "NotImplementedError",
    "OSError",
    "OverflowError",
    "PermissionError",
    "RecursionError",
    "RuntimeError",
    "StopAsyncIteration",
    "StopIteration",
    "SyntaxError",
    "SystemExit",
    "TimeoutError",
    "TypeError",
    "UnboundLocalError",
    "UnicodeError",
    "ValueError",
    "ZeroDivisionError",
    "abs",
    "aiter",
    "all",
    "anext",
    "any",
    "ascii",
    "bin",
    "bool",
    "breakpoint",
    "bytearray",
    "bytes",
    "callable",
    "chr",
    "classmethod",
    "compile",
    "complex",
    "delattr",
    "dict",
    "dir",
    "divmod",
    "enumerate",
    "eval",
    "exec",
    "filter",
    "float",
    "format",
    "frozenset",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "help",
    "hex",
    "id",
    "input",
    "int",
    "isinstance",
    "issubclass",
    "iter",
    "len",
    "list",
    "locals",
    "map",
    "max",
    "min",
    "next",
    "object",
    "oct",
    "open",
    "ord",
    "pow",
    "print",
    "property",
    "range",
    "repr",
    "reversed",
    "round",
    "set",
    "setattr",
    "slice",
    "sorted",
    "staticmethod",
    "str",
    "sum",
    "super",
    "tuple",
    "type",
    "vars",
    "zip",
];

fn is_builtin(name: &str) -> bool {
    BUILTINS.binary_search(&name).is_ok()
}

/// Colours from the pre-parse tokenizer, for sources too deep to parse.
fn classify_coarsely(source: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut previous: Option<Tok> = None;
    scan(source, &mut |tok| {
        let text = &source[tok.start..tok.end];
        let class = match tok.kind {
            TokKind::Name => {
                let after_def = previous
                    .is_some_and(|p| p.kind == TokKind::Keyword && matches!(&source[p.start..p.end], "def" | "class"));
                if after_def {
                    Class::Definition
                } else if is_builtin(text) {
                    Class::Builtin
                } else {
                    Class::Name
                }
            }
            TokKind::Constant => Class::Constant,
            TokKind::Keyword => Class::Keyword,
            TokKind::Number => Class::Number,
            TokKind::String | TokKind::FStringStart | TokKind::FStringMiddle | TokKind::FStringEnd => Class::String,
            TokKind::Comment => Class::Comment,
            TokKind::Operator if matches!(text, "." | ":" | ";" | "->") => Class::Punctuation,
            TokKind::Operator if text == "..." => Class::Constant,
            TokKind::Operator => Class::Operator,
            TokKind::Open | TokKind::Close | TokKind::Comma => Class::Punctuation,
            TokKind::Error => Class::Error,
        };
        let after_last = spans.last().is_none_or(|last: &Span| tok.start >= last.end);
        if tok.start < tok.end && after_last {
            spans.push(Span { start: tok.start, end: tok.end, class });
        }
        previous = Some(tok);
    });
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The class of the first span whose text is `text` (after `skip` earlier ones).
    fn class_of(source: &str, spans: &[Span], text: &str, skip: usize) -> Class {
        spans
            .iter()
            .filter(|s| &source[s.start..s.end] == text)
            .nth(skip)
            .unwrap_or_else(|| panic!("no span {text:?} in {spans:?}"))
            .class
    }

    const PROGRAM: &str = "import asyncio\n\n@functools.cache\nasync def main(n=3):\n    # wait a bit\n    \
                           await asyncio.sleep(0.5)\n    print(f'{n!r:>4} done', len([1, 2]), True, None, ...)\n    \
                           match n:\n        case 1:\n            match = x.print\n    return n ** 2 >= -1\n\n\
                           class Job(Exception):\n    pass\n";

    #[test]
    fn classes() {
        let spans = classify(PROGRAM);
        let c = |text, skip| class_of(PROGRAM, &spans, text, skip);
        assert_eq!(c("import", 0), Class::Keyword);
        assert_eq!(c("asyncio", 0), Class::Name);
        assert_eq!(c("@", 0), Class::Decorator);
        assert_eq!(c("functools", 0), Class::Decorator);
        assert_eq!(c("cache", 0), Class::Decorator);
        assert_eq!(c("async", 0), Class::Keyword);
        assert_eq!(c("def", 0), Class::Keyword);
        assert_eq!(c("main", 0), Class::Definition);
        assert_eq!(c("3", 0), Class::Number);
        assert_eq!(c("# wait a bit", 0), Class::Comment);
        assert_eq!(c("await", 0), Class::Keyword);
        assert_eq!(c(".", 1), Class::Punctuation);
        assert_eq!(c("0.5", 0), Class::Number);
        assert_eq!(c("print", 0), Class::Builtin);
        assert_eq!(c("f'", 0), Class::String);
        assert_eq!(c("{", 0), Class::FStringExpr);
        assert_eq!(c("!", 0), Class::FStringExpr);
        assert_eq!(c(">4", 0), Class::String);
        assert_eq!(c(" done", 0), Class::String);
        assert_eq!(c("len", 0), Class::Builtin);
        assert_eq!(c("[", 0), Class::Punctuation);
        assert_eq!(c("True", 0), Class::Constant);
        assert_eq!(c("None", 0), Class::Constant);
        assert_eq!(c("...", 0), Class::Constant);
        assert_eq!(c("match", 0), Class::Keyword);
        assert_eq!(c("case", 0), Class::Keyword);
        assert_eq!(c("match", 1), Class::Name);
        assert_eq!(c("print", 1), Class::Name);
        assert_eq!(c("**", 0), Class::Operator);
        assert_eq!(c(">=", 0), Class::Operator);
        assert_eq!(c("-", 0), Class::Operator);
        assert_eq!(c("Job", 0), Class::Definition);
        assert_eq!(c("Exception", 0), Class::Builtin);
        // The f-string's closing brace (after the `:` spec) is the field's.
        let braces: Vec<Class> = spans.iter().filter(|s| &PROGRAM[s.start..s.end] == "}").map(|s| s.class).collect();
        assert_eq!(braces, [Class::FStringExpr]);
    }

    #[test]
    fn spans_are_ordered_and_skip_whitespace() {
        let spans = classify(PROGRAM);
        for pair in spans.windows(2) {
            assert!(pair[0].end <= pair[1].start, "{pair:?}");
        }
        assert!(spans.iter().all(|s| !PROGRAM[s.start..s.end].trim().is_empty()));
    }

    #[test]
    fn broken_code_still_gets_colours() {
        let source = "def f(:\n    x = 'abc\n    y = 1 $ “2”\n";
        let spans = classify(source);
        assert_eq!(class_of(source, &spans, "def", 0), Class::Keyword);
        assert_eq!(class_of(source, &spans, "1", 0), Class::Number);
        assert!(spans.iter().any(|s| s.class == Class::Error), "{spans:?}");
    }

    #[test]
    fn too_deep_to_parse_is_coloured_coarsely() {
        let source = format!("def f():\n    return {}1\n", "-".repeat(2000));
        let spans = classify(&source);
        assert_eq!(class_of(&source, &spans, "def", 0), Class::Keyword);
        assert_eq!(class_of(&source, &spans, "f", 0), Class::Definition);
        assert_eq!(class_of(&source, &spans, "1", 0), Class::Number);
        assert_eq!(spans.iter().filter(|s| s.class == Class::Operator).count(), 2000);
    }

    /// A 1,000-line program (the fuzz seeds, repeated), timed; natively in release it takes a
    /// few milliseconds.
    #[test]
    fn thousand_lines_are_quick() {
        let mut source = String::new();
        while source.lines().count() < 1000 {
            for seed in crate::python::fuzz_inputs::SEEDS {
                source.push_str(seed);
            }
        }
        let start = std::time::Instant::now();
        let spans = classify(&source);
        let took = start.elapsed();
        eprintln!(
            "classify: {} lines, {} bytes, {} spans in {took:.2?}",
            source.lines().count(),
            source.len(),
            spans.len()
        );
        assert!(spans.len() > 5000);
        assert!(took < std::time::Duration::from_secs(2), "{took:?}");
    }
}
