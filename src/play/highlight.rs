//! Syntax colours for the editor: what each piece of the source is, as byte ranges, from the
//! tokens of Ruff's parser (the parser the engine uses, so the colours agree with what runs).
//! Total: any text gets spans or none, never a panic. Text nested deeper than the parser can
//! safely recurse into in the browser's stack is left uncoloured.

use ruff_python_ast::token::TokenKind;
use ruff_python_parser::{parse_unchecked, Mode, ParseOptions};
use ruff_text_size::Ranged;

/// What a span of source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    Keyword,
    /// A built-in function, type or exception: `print`, `len`, `ValueError`.
    Builtin,
    /// `True`, `False`, `None`.
    Constant,
    Name,
    Number,
    /// A string literal, or the literal parts of an f-string.
    String,
    Comment,
    Operator,
    /// Brackets, `,`, `:`, `.`, `->`, an f-string's braces.
    Punctuation,
    /// The name a `def` or `class` defines.
    Definition,
    /// A decorator: `@` and its name.
    Decorator,
    /// Not Python: a stray character, an unterminated string.
    Error,
}

impl Class {
    /// The CSS class the editor paints it with.
    pub fn css(self) -> &'static str {
        match self {
            Class::Keyword => "t-kw",
            Class::Builtin => "t-bi",
            Class::Constant => "t-const",
            Class::Name => "t-name",
            Class::Number => "t-num",
            Class::String => "t-str",
            Class::Comment => "t-com",
            Class::Operator => "t-op",
            Class::Punctuation => "t-punct",
            Class::Definition => "t-def",
            Class::Decorator => "t-dec",
            Class::Error => "t-err",
        }
    }
}

/// A classified byte range of the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub class: Class,
}

/// Brackets open at once past which the source is not parsed for colour (the parser recurses
/// once per level; CPython itself refuses 200).
const MAX_DEPTH: usize = 100;
/// Longest line parsed for colour: a line of thousands of unary operators nests as deep as
/// brackets do.
const MAX_LINE: usize = 2_000;

/// The spans of `source`, in order, not overlapping.
pub fn classify(source: &str) -> Vec<Span> {
    if too_deep(source) {
        return Vec::new();
    }
    let parsed = parse_unchecked(source, ParseOptions::from(Mode::Module));
    let mut spans = Vec::with_capacity(parsed.tokens().len());
    let mut previous = None;
    let mut at_line_start = true;
    let mut in_decorator = false;
    for token in parsed.tokens().iter() {
        let kind = token.kind();
        let range = token.range();
        let (start, end) = (range.start().to_usize(), range.end().to_usize());
        match kind {
            TokenKind::Newline | TokenKind::NonLogicalNewline => {
                at_line_start = true;
                in_decorator = false;
                continue;
            }
            TokenKind::Indent | TokenKind::Dedent | TokenKind::EndOfFile => continue,
            _ => {}
        }
        let class = match kind {
            TokenKind::Comment => Some(Class::Comment),
            TokenKind::At if at_line_start => {
                in_decorator = true;
                Some(Class::Decorator)
            }
            TokenKind::Name if in_decorator => Some(Class::Decorator),
            TokenKind::Dot if in_decorator => Some(Class::Decorator),
            TokenKind::Name if matches!(previous, Some(TokenKind::Def | TokenKind::Class)) => Some(Class::Definition),
            TokenKind::Name => Some(if is_builtin(&source[start..end]) { Class::Builtin } else { Class::Name }),
            TokenKind::True | TokenKind::False | TokenKind::None | TokenKind::Ellipsis => Some(Class::Constant),
            TokenKind::Int | TokenKind::Float | TokenKind::Complex => Some(Class::Number),
            TokenKind::String
            | TokenKind::FStringStart
            | TokenKind::FStringMiddle
            | TokenKind::FStringEnd
            | TokenKind::TStringStart
            | TokenKind::TStringMiddle
            | TokenKind::TStringEnd => Some(Class::String),
            TokenKind::Unknown => Some(Class::Error),
            k if k.is_keyword() || k.is_soft_keyword() => Some(Class::Keyword),
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
            | TokenKind::Rarrow => Some(Class::Punctuation),
            _ => Some(Class::Operator),
        };
        if let Some(class) = class {
            if end > start && end <= source.len() {
                spans.push(Span { start, end, class });
            }
        }
        if kind != TokenKind::Comment {
            previous = Some(kind);
            at_line_start = false;
        }
    }
    spans
}

/// Whether parsing `source` could recurse too deep for the browser's stack.
fn too_deep(source: &str) -> bool {
    let mut depth = 0usize;
    for c in source.bytes() {
        match c {
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return true;
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    source.lines().any(|l| l.len() > MAX_LINE)
}

/// Python's built-in functions, types and exceptions (the names a learner meets).
fn is_builtin(name: &str) -> bool {
    matches!(
        name,
        "abs"
            | "all"
            | "any"
            | "bool"
            | "bytes"
            | "callable"
            | "chr"
            | "dict"
            | "dir"
            | "divmod"
            | "enumerate"
            | "filter"
            | "float"
            | "format"
            | "frozenset"
            | "getattr"
            | "hasattr"
            | "hash"
            | "id"
            | "input"
            | "int"
            | "isinstance"
            | "issubclass"
            | "iter"
            | "len"
            | "list"
            | "map"
            | "max"
            | "min"
            | "next"
            | "object"
            | "open"
            | "ord"
            | "pow"
            | "print"
            | "range"
            | "repr"
            | "reversed"
            | "round"
            | "set"
            | "setattr"
            | "slice"
            | "sorted"
            | "str"
            | "sum"
            | "super"
            | "tuple"
            | "type"
            | "vars"
            | "zip"
            | "Exception"
            | "BaseException"
            | "ValueError"
            | "TypeError"
            | "KeyError"
            | "IndexError"
            | "RuntimeError"
            | "TimeoutError"
            | "StopIteration"
            | "ZeroDivisionError"
            | "AttributeError"
            | "NameError"
            | "OSError"
            | "ConnectionError"
            | "NotImplementedError"
            | "AssertionError"
            | "KeyboardInterrupt"
            | "ExceptionGroup"
    )
}
