//! Ruff's parse errors in CPython 3.11's words, at CPython's positions, and the choice of the one
//! error CPython would report.
//!
//! Ruff's parser recovers and reports every error; CPython's stops at the first and then, in a
//! second pass, tries its `invalid_*` grammar rules to explain it (`Grammar/python.gram`). Each
//! mapping below names the CPython rule it imitates. Ruff errors with no CPython counterpart
//! become CPython's catch-all `invalid syntax`, with Ruff's own explanation kept as the hint.

use ruff_python_ast::token::{Token, TokenKind};
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{Expr, ModModule, Stmt};
use ruff_python_parser::{
    InterpolatedStringErrorType, LexicalErrorType, ParseError, ParseErrorType, Parsed, UnsupportedSyntaxError,
    UnsupportedSyntaxErrorKind,
};
use ruff_text_size::{Ranged, TextRange};
use std::cell::OnceCell;

use super::scan::{Event, HINT_INDENT};
use super::{line_col, with_stack, ErrorKind, SyntaxError};

/// At most this many errors are explained: the first is all CPython shows, an editor does not
/// need thousands of underlines, and each costs passes over the source (for its line and
/// column), which must stay cheap for a megabyte of broken code.
const MAX_REPORTED: usize = 20;

/// Every error of `parsed` in CPython's words, CPython's choice first; `first` is what CPython's
/// tokenizer would stop at (see `scan`).
pub(super) fn syntax_errors(source: &str, parsed: &Parsed<ModModule>, first: Option<Event>) -> Vec<SyntaxError> {
    let mut raw: Vec<&ParseError> = parsed.errors().iter().collect();
    raw.sort_by_key(|e| e.location.start());
    raw.truncate(MAX_REPORTED);
    let context = Context { source, tokens: parsed.tokens(), module: parsed.syntax(), depths: OnceCell::new() };
    let mut mapped: Vec<Grammar> = raw
        .iter()
        .filter_map(|e| {
            let (at, error) = context.explain(e)?;
            Some(context.grammar(at, e.location.end().to_usize(), error))
        })
        .collect();
    if raw.is_empty() {
        // Syntax newer than 3.12 only matters when the rest is valid.
        for error in parsed.unsupported_syntax_errors().iter().take(MAX_REPORTED) {
            let (at, error) = unsupported(source, error);
            mapped.push(context.grammar(at, at, error));
        }
    }
    mapped.sort_by_key(|g| g.at);
    choose(first, mapped)
}

/// A grammar error and how far CPython's parser read to find it.
struct Grammar {
    /// Where CPython's parser would have stopped.
    at: usize,
    /// The line of the last token it read (one past the error).
    fetched_line: usize,
    /// That token is the end of the file.
    at_eof: bool,
    error: SyntaxError,
}

/// CPython's order (`_PyPegen_set_syntax_error`, `_PyPegen_tokenize_full_source_to_check_for_errors`):
/// the parser meets tokenizer errors in file order, so one before the first grammar error wins;
/// after a grammar error CPython tokenizes the rest of the file, and an error its tokenizer
/// *raises* there wins too, while one it only flags (a bad dedent, the end of the file inside
/// brackets) turns the grammar error into `'(' was never closed` when the grammar error is on a
/// later line than that bracket. `unexpected indent` skips that second look.
///
/// "Reads" is literal: CPython's parser looks one token past an error, and when that token is
/// the end of the file inside brackets its tokenizer reports the unclosed bracket at once.
fn choose(first: Option<Event>, mapped: Vec<Grammar>) -> Vec<SyntaxError> {
    let head = match (first, mapped.first()) {
        (None, _) => None,
        (Some(event), None) => Some(event.error),
        (Some(event), Some(grammar)) => {
            if event.at <= grammar.at {
                Some(event.error)
            } else if grammar.error.message == "unexpected indent" {
                None
            } else if event.raised {
                Some(event.error)
            } else {
                event.unclosed.filter(|bracket| grammar.at_eof || grammar.fetched_line > bracket.line)
            }
        }
    };
    let mut errors: Vec<SyntaxError> = head.into_iter().collect();
    for Grammar { error, .. } in mapped {
        if !errors.iter().any(|e| e.line == error.line && e.column == error.column) {
            errors.push(error);
        }
    }
    errors
}

fn unsupported(source: &str, error: &UnsupportedSyntaxError) -> (usize, SyntaxError) {
    let (start, mut end) = (error.range().start().to_usize(), error.range().end().to_usize());
    let message = match error.kind {
        // Allowed since Python 3.14; CPython 3.11 has its own words for it.
        UnsupportedSyntaxErrorKind::UnparenthesizedExceptionTypes => {
            "multiple exception types must be parenthesized".to_string()
        }
        // Allowed since Python 3.15 (Ruff does not export which kind; its wording says).
        UnsupportedSyntaxErrorKind::UnpackingInComprehension(_) if error.to_string().contains("dictionary") => {
            // CPython marks the `**` alone.
            end = (start + 2).min(end);
            "dict unpacking cannot be used in dict comprehension".to_string()
        }
        UnsupportedSyntaxErrorKind::UnpackingInComprehension(_) => {
            "iterable unpacking cannot be used in comprehension".to_string()
        }
        _ => lower_first(&plain(&error.to_string())),
    };
    (start, SyntaxError::spanning(source, start, end, ErrorKind::Syntax, message))
}

struct Context<'a> {
    source: &'a str,
    tokens: &'a [Token],
    module: &'a ModModule,
    /// Open brackets before each token, counted once when first needed.
    depths: OnceCell<Vec<u32>>,
}

impl Context<'_> {
    /// `error`, with the token CPython's parser would have read last: the one where parsing
    /// failed (Ruff's error at byte `at`), or, for the rules that end by parsing an expression
    /// (which only the next token can end), the token after the range CPython reports.
    fn grammar(&self, at: usize, end: usize, error: SyntaxError) -> Grammar {
        let ends_with_expression = ["Perhaps you forgot a comma?", "Did you mean", "Maybe you meant '==' or ':='"]
            .iter()
            .any(|rule| error.message.contains(rule));
        let reach =
            if ends_with_expression { end.max(byte_offset(self.source, error.end_line, error.end_column)) } else { at };
        // Ruff ends a line inside brackets early to recover; CPython reads on to the next line.
        let first = self.tokens.partition_point(|t| t.start().to_usize() < reach);
        let next = self.tokens[first..].iter().enumerate().find(|&(i, t)| {
            let early_newline = t.kind() == TokenKind::Newline && self.bracket_depth_before(first + i) > 0;
            !t.kind().is_trivia() && !early_newline
        });
        let next = next.map(|(_, t)| t);
        let (fetched_line, at_eof) = match next {
            Some(token) if token.kind() != TokenKind::EndOfFile => {
                (line_col(self.source, token.start().to_usize()).0, false)
            }
            _ => (last_line(self.source), true),
        };
        Grammar { at, fetched_line, at_eof, error }
    }

    /// One Ruff error as CPython's, with the byte offset where CPython's parser would have
    /// stopped (to order it against tokenizer errors).
    /// `None` when another of Ruff's errors explains the same mistake better.
    fn explain(&self, error: &ParseError) -> Option<(usize, SyntaxError)> {
        let start = error.location.start().to_usize();
        let end = error.location.end().to_usize();
        let syntax = |message: &str| SyntaxError::spanning(self.source, start, end, ErrorKind::Syntax, message);
        let explained = match &error.error {
            ParseErrorType::ExpectedToken { expected: TokenKind::Colon, found } => {
                self.expected_colon(start, end, *found)
            }
            ParseErrorType::ExpectedToken { expected: TokenKind::Lpar, .. }
                if self.token_index_at(start).and_then(|i| self.line_keyword(i)) == Some(TokenKind::Def) =>
            {
                // `def f:`: the parenthesis is forced in CPython's grammar (`'def' NAME &&'('`).
                let token = self.token_at(start).map_or((start, end), |t| (t.start().to_usize(), t.end().to_usize()));
                SyntaxError::spanning(self.source, token.0, token.1, ErrorKind::Syntax, "expected '('")
                    .with_hint("A function definition needs parentheses, even with no parameters: `def main():`.")
            }
            ParseErrorType::ExpectedToken { found, .. } if is_augmented_assignment(*found) => {
                self.augmented_tuple(start, end)
            }
            ParseErrorType::ExpectedToken {
                expected: TokenKind::Comma | TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace,
                ..
            } => self.forgot_comma(start, end),
            ParseErrorType::ExpectedToken { expected: TokenKind::Else, .. } => self.expected_else(start, end),
            ParseErrorType::SimpleStatementsOnSameLine => self.same_line(start, end),
            ParseErrorType::UnexpectedIndentation => self.unexpected_indent(start),
            ParseErrorType::OtherError(message) if message.starts_with("Expected an indented block after") => {
                self.expected_block(start, message)
            }
            ParseErrorType::OtherError(message) if message == "Trailing comma not allowed" => {
                self.at_next_token(end, "trailing comma not allowed without surrounding parentheses")
            }
            ParseErrorType::OtherError(message)
                if message == "Expected a parameter name"
                    && self
                        .tokens
                        .iter()
                        .find(|t| t.start().to_usize() >= end)
                        .is_some_and(|t| t.kind() == TokenKind::Equal) =>
            {
                // `f(x.y=1)`: CPython's `invalid_kwarg`, over the expression and its `=`.
                let message = "expression cannot contain assignment, perhaps you meant \"==\"?";
                SyntaxError::spanning(self.source, start, end + 1, ErrorKind::Syntax, message)
            }
            ParseErrorType::OtherError(message) if message.contains("`except` or `finally`") => {
                // invalid_try_stmt: at the token where a handler was due.
                syntax("expected 'except' or 'finally' block")
            }
            ParseErrorType::InvalidAssignmentTarget => self.assign_target(start, end)?,
            ParseErrorType::InvalidAugmentedAssignmentTarget => {
                let name = self.expr_name_at(start, end);
                syntax(&format!("'{name}' is an illegal expression for augmented assignment"))
            }
            ParseErrorType::InvalidDeleteTarget => syntax(&format!("cannot delete {}", self.expr_name_at(start, end))),
            ParseErrorType::InvalidNamedAssignmentTarget => {
                syntax(&format!("cannot use assignment expressions with {}", self.expr_name_at(start, end)))
            }
            ParseErrorType::InvalidAnnotatedAssignmentTarget => match self.expr_name_at(start, end) {
                name @ ("tuple" | "list") => syntax(&format!("only single target (not {name}) can be annotated")),
                _ => syntax("illegal target for annotation"),
            },
            ParseErrorType::PositionalAfterKeywordArgument => {
                self.at_next_token(end, "positional argument follows keyword argument")
            }
            ParseErrorType::PositionalAfterKeywordUnpacking => {
                self.at_next_token(end, "positional argument follows keyword argument unpacking")
            }
            ParseErrorType::InvalidArgumentUnpackingOrder => {
                // At the `*` (CPython's `invalid_arguments`).
                let star_end = self.token_at(start).map_or(end, |t| t.end().to_usize());
                let message = "iterable argument unpacking follows keyword argument unpacking";
                SyntaxError::spanning(self.source, start, star_end, ErrorKind::Syntax, message)
            }
            ParseErrorType::Lexical(LexicalErrorType::InvalidByteLiteral) => {
                // Over the whole literal.
                let token = self.tokens.iter().find(|t| t.start().to_usize() <= start && start < t.end().to_usize());
                let (from, to) = token.map_or((start, end), |t| (t.start().to_usize(), t.end().to_usize()));
                let message = "bytes can only contain ASCII literal characters";
                SyntaxError::spanning(self.source, from, to, ErrorKind::Syntax, message)
                    .with_hint("Bytes literals (b'...') hold ASCII only; write other characters as \\x escapes.")
            }
            ParseErrorType::NonDefaultParamAfterDefaultParam => syntax("non-default argument follows default argument"),
            ParseErrorType::ExpectedKeywordParam => {
                // At the bare `*` (CPython's `invalid_star_etc`).
                let star = self.tokens[..self.token_index_at(start).unwrap_or(self.tokens.len())]
                    .iter()
                    .rfind(|t| t.kind() == TokenKind::Star);
                let (from, to) = star.map_or((start, end), |t| (t.start().to_usize(), t.end().to_usize()));
                SyntaxError::spanning(self.source, from, to, ErrorKind::Syntax, "named arguments must follow bare *")
            }
            ParseErrorType::UnparenthesizedGeneratorExpression => syntax("Generator expression must be parenthesized"),
            ParseErrorType::FStringError(kind) | ParseErrorType::Lexical(LexicalErrorType::FStringError(kind)) => {
                syntax(&format!("f-string: {}", fstring_message(kind)))
            }
            ParseErrorType::Lexical(lexical) => self.lexical(start, end, lexical),
            other => {
                // CPython's catch-all, at the token where parsing stopped; Ruff says why.
                let at = self
                    .token_at(start)
                    .map_or(TextRange::new(error.location.start(), error.location.end()), |t| t.range());
                SyntaxError::spanning(
                    self.source,
                    at.start().to_usize(),
                    at.end().to_usize(),
                    ErrorKind::Syntax,
                    "invalid syntax",
                )
                .with_hint(sentence(&plain(&other.to_string())))
            }
        };
        Some((start, explained))
    }

    /// `expected ':'` as CPython's grammar gives it: after `else`, `try`, `finally`, a `def`'s
    /// signature, `match` and `case` the colon is forced (any other token is reported, over
    /// that token); after the other headers only when the line ends right there (their
    /// `invalid_*_stmt` rules: `'if' named_expression NEWLINE`). `if x = 1:` is the `=`-for-`==`
    /// mistake; anything else is plain invalid syntax.
    fn expected_colon(&self, start: usize, end: usize, found: TokenKind) -> SyntaxError {
        let colon = |from: usize, to: usize| {
            SyntaxError::spanning(self.source, from, to, ErrorKind::Syntax, "expected ':'").with_hint(HINT_COLON)
        };
        let header = self.token_index_at(start).and_then(|i| self.line_keyword(i));
        let forced = matches!(
            header,
            Some(
                TokenKind::Else
                    | TokenKind::Try
                    | TokenKind::Finally
                    | TokenKind::Def
                    | TokenKind::Match
                    | TokenKind::Case
            )
        );
        match found {
            TokenKind::Newline | TokenKind::EndOfFile => colon(start, start),
            TokenKind::Equal if !forced => self.equals_for_comparison(start, end),
            _ if forced => {
                let token = self.token_at(start).map_or((start, end), |t| (t.start().to_usize(), t.end().to_usize()));
                colon(token.0, token.1)
            }
            _ => self.invalid_syntax_at(start, end),
        }
    }

    /// The keyword starting the logical line of token `index` (after any `async`).
    fn line_keyword(&self, index: usize) -> Option<TokenKind> {
        let start = self.tokens[..index.min(self.tokens.len())]
            .iter()
            .rposition(|t| matches!(t.kind(), TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent))
            .map_or(0, |i| i + 1);
        let mut line = self.tokens[start..].iter().map(Token::kind).filter(|k| !k.is_trivia());
        match line.next()? {
            TokenKind::Async => line.next(),
            kind => Some(kind),
        }
    }

    /// CPython's `invalid_named_expression`: `if x = 1:`. A name on the left gives a range from
    /// it to the end of the right-hand side; anything else is named.
    fn equals_for_comparison(&self, start: usize, end: usize) -> SyntaxError {
        let Some(index) = self.token_index_at(start) else { return self.invalid_syntax_at(start, end) };
        let before = index.checked_sub(1).and_then(|i| self.tokens.get(i));
        let Some(before) = before else { return self.invalid_syntax_at(start, end) };
        let dotted = index.checked_sub(2).and_then(|i| self.tokens.get(i)).is_some_and(|t| t.kind() == TokenKind::Dot);
        if before.kind() == TokenKind::Name && !dotted {
            let rhs_end = self.bitwise_or_end(index + 1).unwrap_or(end);
            return SyntaxError::spanning(
                self.source,
                before.start().to_usize(),
                rhs_end,
                ErrorKind::Syntax,
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            )
            .with_hint(HINT_EQUALS);
        }
        match self.outermost_ending_at(before.end().to_usize()) {
            Some(target) => {
                let name = expr_name(target);
                let range = target.range();
                SyntaxError::spanning(
                    self.source,
                    range.start().to_usize(),
                    range.end().to_usize(),
                    ErrorKind::Syntax,
                    format!("cannot assign to {name} here. Maybe you meant '==' instead of '='?"),
                )
                .with_hint(HINT_EQUALS)
            }
            None => self.invalid_syntax_at(start, end),
        }
    }

    /// Where a `bitwise_or` expression starting at token `index` ends: it stops at comparisons,
    /// `and`/`or`/`not`, `if`, commas, colons, assignments and the end of the line.
    fn bitwise_or_end(&self, index: usize) -> Option<usize> {
        let mut depth = 0usize;
        let mut end = None;
        for token in self.tokens.get(index..)? {
            let kind = token.kind();
            match kind {
                TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth += 1,
                TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                }
                TokenKind::NonLogicalNewline | TokenKind::Comment => continue,
                _ if depth > 0 => {}
                TokenKind::Name
                | TokenKind::Int
                | TokenKind::Float
                | TokenKind::Complex
                | TokenKind::String
                | TokenKind::FStringStart
                | TokenKind::FStringMiddle
                | TokenKind::FStringEnd
                | TokenKind::True
                | TokenKind::False
                | TokenKind::None
                | TokenKind::Ellipsis
                | TokenKind::Dot
                | TokenKind::Await
                | TokenKind::Plus
                | TokenKind::Minus
                | TokenKind::Star
                | TokenKind::DoubleStar
                | TokenKind::Slash
                | TokenKind::DoubleSlash
                | TokenKind::Percent
                | TokenKind::At
                | TokenKind::Tilde
                | TokenKind::Vbar
                | TokenKind::CircumFlex
                | TokenKind::Amper
                | TokenKind::LeftShift
                | TokenKind::RightShift => {}
                _ => break,
            }
            end = Some(token.end().to_usize());
        }
        end
    }

    /// CPython's `invalid_expression`: two expressions side by side inside brackets is
    /// `Perhaps you forgot a comma?`, over both; elsewhere it is plain invalid syntax.
    fn forgot_comma(&self, start: usize, end: usize) -> SyntaxError {
        let Some(index) = self.token_index_at(start) else { return self.invalid_syntax_at(start, end) };
        let found = self.tokens[index];
        // The token before, past line breaks (Ruff may end a line inside brackets to recover).
        let previous =
            self.tokens[..index].iter().rev().find(|t| !t.kind().is_trivia() && t.kind() != TokenKind::Newline);
        let Some(previous) = previous.filter(|t| ends_expression(t.kind())) else {
            return self.invalid_syntax_at(start, end);
        };
        if self.bracket_depth_before(index) == 0 || !starts_expression(found.kind()) {
            return self.invalid_syntax_at(start, end);
        }
        // The first expression is the whole element before the missing comma, inside its bracket.
        let open = self.innermost_open_before(index);
        let first = self.outermost_within(open, previous.end().to_usize()).map_or(previous.range(), Ranged::range);
        let second = self.outermost_starting_at(found.start().to_usize()).map_or(found.range(), Ranged::range);
        SyntaxError::spanning(
            self.source,
            first.start().to_usize(),
            second.end().to_usize(),
            ErrorKind::Syntax,
            "invalid syntax. Perhaps you forgot a comma?",
        )
        .with_hint(HINT_COMMA)
    }

    /// `a, b += 1`: CPython's `invalid_ann_assign_target`/`invalid_augassign`, over the target.
    fn augmented_tuple(&self, start: usize, end: usize) -> SyntaxError {
        let Some(index) = self.token_index_at(start) else { return self.invalid_syntax_at(start, end) };
        let first = self.tokens[..index]
            .iter()
            .rposition(|t| {
                matches!(t.kind(), TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent | TokenKind::Semi)
            })
            .map_or(0, |i| i + 1);
        let mut target = self.tokens[first..index].iter().filter(|t| !t.kind().is_trivia());
        let (Some(from), Some(to)) = (target.clone().next(), target.next_back()) else {
            return self.invalid_syntax_at(start, end);
        };
        let message = "'tuple' is an illegal expression for augmented assignment";
        SyntaxError::spanning(self.source, from.start().to_usize(), to.end().to_usize(), ErrorKind::Syntax, message)
            .with_hint("`+=` and the like update one name, attribute or item at a time.")
    }

    /// CPython's `invalid_expression` for `a if b` without `else`, over the whole expression.
    fn expected_else(&self, start: usize, end: usize) -> SyntaxError {
        let Some(index) = self.token_index_at(start) else { return self.invalid_syntax_at(start, end) };
        // The conditional starts at the expression before its `if`.
        let if_index = self.tokens[..index].iter().rposition(|t| t.kind() == TokenKind::If);
        let Some(if_index) = if_index else { return self.invalid_syntax_at(start, end) };
        let body_start = if_index
            .checked_sub(1)
            .and_then(|i| self.tokens.get(i))
            .and_then(|t| self.outermost_ending_at(t.end().to_usize()))
            .map_or(self.tokens[if_index].start().to_usize(), |e| e.start().to_usize());
        let last_end = index.checked_sub(1).and_then(|i| self.tokens.get(i)).map_or(end, |t| t.end().to_usize());
        SyntaxError::spanning(
            self.source,
            body_start,
            last_end,
            ErrorKind::Syntax,
            "expected 'else' after 'if' expression",
        )
        .with_hint("A conditional expression needs both parts: `a if condition else b`.")
    }

    /// Two statements on one line without `;`. `print "x"` is CPython's
    /// `invalid_legacy_expression`; the rest is invalid syntax at the second statement.
    fn same_line(&self, start: usize, end: usize) -> SyntaxError {
        let Some(index) = self.token_index_at(start) else { return self.invalid_syntax_at(start, end) };
        // The statement before is a lone `print` or `exec` at the start of its line.
        let name = index.checked_sub(1).and_then(|i| self.tokens.get(i)).filter(|t| t.kind() == TokenKind::Name);
        let line_start = index.checked_sub(2).and_then(|i| self.tokens.get(i)).is_none_or(|t| {
            let kind = t.kind();
            matches!(
                kind,
                TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent | TokenKind::Semi | TokenKind::Colon
            )
        });
        if let Some(name) = name.filter(|_| line_start) {
            let text = &self.source[name.start().to_usize()..name.end().to_usize()];
            if matches!(text, "print" | "exec") {
                let rest_end = self.statement_starting_at(start).map_or(end, |s| s.end().to_usize());
                let message = format!("Missing parentheses in call to '{text}'. Did you mean {text}(...)?");
                let hint = format!("In Python 3, {text} is a function: write {text}(\"hello\"), with parentheses.");
                return SyntaxError::spanning(
                    self.source,
                    name.start().to_usize(),
                    rest_end,
                    ErrorKind::Syntax,
                    message,
                )
                .with_hint(hint);
            }
        }
        self.invalid_syntax_at(start, end)
    }

    /// `unexpected indent`: CPython's column is the width of the indentation (so it prints no
    /// caret).
    fn unexpected_indent(&self, start: usize) -> SyntaxError {
        let index = self.token_index_at(start);
        // Ruff marks the indentation itself; the line is the one of the next real token.
        let token_start = index
            .and_then(|i| self.tokens.get(i + 1..))
            .and_then(|rest| rest.iter().find(|t| !t.kind().is_trivia()))
            .map_or(start, |t| t.start().to_usize());
        let (line, column) = line_col(self.source, token_start);
        SyntaxError::new(ErrorKind::Indentation, (line, column), (line, column + 1), "unexpected indent")
            .in_bytes()
            .with_hint(HINT_INDENT)
    }

    /// `expected an indented block after 'if' statement on line 3`, at the first token of the
    /// line that should have been indented (or at the last line, without a column, at the end
    /// of the file).
    fn expected_block(&self, start: usize, message: &str) -> SyntaxError {
        let clause = message.trim_start_matches("Expected an indented block after ");
        let what = match clause {
            "function definition" => "function definition".to_string(),
            "`class` definition" => "class definition".to_string(),
            other => {
                let keyword = other.split('`').nth(1).unwrap_or("if");
                format!("'{keyword}' statement")
            }
        };
        let index = self.token_index_at(start).unwrap_or(self.tokens.len());
        // The header's own newline: Ruff's error is on it (at the end of the file or before a
        // dedent) or on the token after it.
        let newline = if self.tokens.get(index).is_some_and(|t| t.kind() == TokenKind::Newline) {
            Some(index)
        } else {
            self.tokens[..index].iter().rposition(|t| t.kind() == TokenKind::Newline)
        };
        let header_line = newline.map_or(1, |n| {
            let header = self.tokens[..n]
                .iter()
                .rposition(|t| matches!(t.kind(), TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent))
                .map_or(0, |i| i + 1);
            let first =
                self.tokens[header..n].iter().find(|t| !t.kind().is_trivia()).map_or(0, |t| t.start().to_usize());
            line_col(self.source, first).0
        });
        let message = format!("expected an indented block after {what} on line {header_line}");
        let rest = newline.and_then(|n| self.tokens.get(n + 1..)).unwrap_or_default();
        let mut rest = rest.iter().filter(|t| !t.kind().is_trivia()).peekable();
        // CPython has no column for a dedent token: after one it prints no caret.
        let dedent = rest.peek().is_some_and(|t| t.kind() == TokenKind::Dedent);
        let next = rest.find(|t| t.kind() != TokenKind::Dedent);
        let error = match next {
            Some(token) if token.kind() != TokenKind::EndOfFile => {
                let (line, column) = line_col(self.source, token.start().to_usize());
                let column = if dedent { 0 } else { column + 1 };
                SyntaxError::new(ErrorKind::Indentation, (line, column), (line, column + 1), message).in_bytes()
            }
            _ => {
                let line = last_line(self.source);
                SyntaxError::new(ErrorKind::Indentation, (line, 0), (line, 0), message)
            }
        };
        error.with_hint(HINT_INDENT)
    }

    /// An invalid assignment target. `1 = x` (one `=`, CPython's `invalid_named_expression`)
    /// gets `Maybe you meant '=='`; targets inside a tuple or list, chained assignments and
    /// `for`/`with` targets get `invalid_assignment`'s `cannot assign to literal`.
    fn assign_target(&self, start: usize, end: usize) -> Option<SyntaxError> {
        let target =
            self.find_expr((start, end), &|e: &Expr| e.start().to_usize() == start && e.end().to_usize() == end);
        match target {
            Some(Expr::Yield(_) | Expr::YieldFrom(_)) => {
                let message = "assignment to yield expression not possible";
                return Some(SyntaxError::spanning(self.source, start, end, ErrorKind::Syntax, message));
            }
            // `await = 1`: the missing operand is the error (Ruff reports it too).
            Some(Expr::Await(awaited)) if awaited.value.range().is_empty() => return None,
            _ => {}
        }
        let name = target.map_or("expression", expr_name);
        let single = matches!(
            self.innermost_statement_at(start),
            Some(Stmt::Assign(assign)) if assign.targets.len() == 1
                && assign.targets[0].start().to_usize() == start
                && assign.targets[0].end().to_usize() == end
        );
        let message = if single && !matches!(name, "True" | "False" | "None" | "tuple" | "list") {
            format!("cannot assign to {name} here. Maybe you meant '==' instead of '='?")
        } else {
            format!("cannot assign to {name}")
        };
        Some(SyntaxError::spanning(self.source, start, end, ErrorKind::Syntax, message).with_hint(HINT_ASSIGN))
    }

    fn lexical(&self, start: usize, end: usize, error: &LexicalErrorType) -> SyntaxError {
        // Most of these are also found, with CPython's exact wording, by `scan`, whose error is
        // reported instead; these are the fallbacks for where the two lexers disagree.
        let (message, kind) = match error {
            LexicalErrorType::UnicodeError => return self.bad_escape(start, end),
            LexicalErrorType::UnclosedStringError => {
                let line = line_col(self.source, start).0;
                (format!("unterminated string literal (detected at line {line})"), ErrorKind::Syntax)
            }
            LexicalErrorType::IndentationError => {
                ("unindent does not match any outer indentation level".to_string(), ErrorKind::Indentation)
            }
            LexicalErrorType::UnrecognizedToken { .. } | LexicalErrorType::Eof => {
                ("invalid syntax".to_string(), ErrorKind::Syntax)
            }
            LexicalErrorType::LineContinuationError => {
                ("unexpected character after line continuation character".to_string(), ErrorKind::Syntax)
            }
            LexicalErrorType::InvalidByteLiteral => {
                ("bytes can only contain ASCII literal characters".to_string(), ErrorKind::Syntax)
            }
            other => (lower_first(&plain(&other.to_string())), ErrorKind::Syntax),
        };
        SyntaxError::spanning(self.source, start, end, kind, message)
    }

    /// A bad `\u`, `\U` or `\N{…}` escape at byte `at`, as CPython reports it: a codec error
    /// naming the escape's bytes within the literal, at the token after the literal.
    fn bad_escape(&self, at: usize, end: usize) -> SyntaxError {
        let literal = self.tokens.iter().find(|t| t.start().to_usize() <= at && at < t.end().to_usize());
        let (literal_start, literal_end) = literal.map_or((at, end), |t| (t.start().to_usize(), t.end().to_usize()));
        let text = &self.source[literal_start..literal_end.max(literal_start)];
        // The body starts after the prefix and the quotes.
        let body = text.find(['\'', '"']).map_or(0, |q| {
            let quote = &text[q..q + 1];
            if text[q..].starts_with(&quote.repeat(3)) {
                q + 3
            } else {
                q + 1
            }
        });
        let escape = self.source[..at.min(self.source.len())].rfind('\\').unwrap_or(at);
        let rest = &self.source.as_bytes()[escape..];
        let hex_run = |from: usize| rest.iter().skip(from).take_while(|b| b.is_ascii_hexdigit()).count();
        let (reason, length) = match rest.get(1) {
            Some(b'u') if hex_run(2) < 4 => ("truncated \\uXXXX escape", 2 + hex_run(2)),
            Some(b'U') if hex_run(2) < 8 => ("truncated \\UXXXXXXXX escape", 2 + hex_run(2)),
            Some(b'U') => ("illegal Unicode character", 10),
            _ => {
                // `\N{NAME}`: valid Python, but this page has no table of character names.
                let message = "(unicode error) this page cannot look up \\N{...} character names; write the \
                               character itself, or \\u and its hex code, instead";
                return self.at_next_token(literal_end, message);
            }
        };
        let from = escape.saturating_sub(literal_start + body);
        let message = format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {from}-{}: {reason}",
            from + length - 1
        );
        self.at_next_token(literal_end, &message)
    }

    /// A grammar error's position when CPython reports it at the token after `end` (its
    /// `RAISE_SYNTAX_ERROR`, which uses the last token read).
    fn at_next_token(&self, end: usize, message: &str) -> SyntaxError {
        let next = self.tokens.iter().find(|t| t.start().to_usize() >= end && !t.kind().is_trivia());
        let (start, stop) = next.map_or((end, end), |t| (t.start().to_usize(), t.end().to_usize()));
        SyntaxError::spanning(self.source, start, stop, ErrorKind::Syntax, message)
    }

    /// `invalid syntax` over the token at `start`.
    fn invalid_syntax_at(&self, start: usize, end: usize) -> SyntaxError {
        let range = self.token_at(start).map_or((start, end), |t| (t.start().to_usize(), t.end().to_usize()));
        SyntaxError::spanning(self.source, range.0, range.1, ErrorKind::Syntax, "invalid syntax")
    }

    fn token_index_at(&self, offset: usize) -> Option<usize> {
        let index = self.tokens.partition_point(|t| t.start().to_usize() < offset);
        (index < self.tokens.len()).then_some(index)
    }

    fn token_at(&self, offset: usize) -> Option<&Token> {
        self.token_index_at(offset).and_then(|i| self.tokens.get(i))
    }

    /// Byte offset just after the innermost bracket open before token `index`.
    fn innermost_open_before(&self, index: usize) -> usize {
        let mut depth = 0usize;
        for token in self.tokens[..index.min(self.tokens.len())].iter().rev() {
            match token.kind() {
                TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth += 1,
                TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                    if depth == 0 {
                        return token.end().to_usize();
                    }
                    depth -= 1;
                }
                _ => {}
            }
        }
        0
    }

    /// The outermost expression ending at `end` and starting at or after byte `from`.
    fn outermost_within(&self, from: usize, end: usize) -> Option<&Expr> {
        self.find_expr((end, end), &|e: &Expr| e.start().to_usize() >= from && e.end().to_usize() == end)
    }

    /// The outermost expression passing `test` (the first in source order) among the nodes
    /// whose range meets `window`: only the path down to the window is walked, so a search
    /// costs the depth of the tree, not its size. One `dyn` test rather than a generic one:
    /// each instance of Ruff's generic walk costs kilobytes of wasm.
    fn find_expr(&self, window: (usize, usize), test: &dyn Fn(&Expr) -> bool) -> Option<&Expr> {
        let mut finder = Finder { window, test, found: None };
        finder.visit_body(&self.module.body);
        finder.found
    }

    /// The innermost statement whose range contains byte `offset`, or the first starting there.
    fn find_stmt(&self, offset: usize, innermost: bool) -> Option<&Stmt> {
        let mut finder = StmtFinder { offset, innermost, best: None };
        finder.visit_body(&self.module.body);
        finder.best
    }

    /// Open brackets before token `index`.
    fn bracket_depth_before(&self, index: usize) -> usize {
        let depths = self.depths.get_or_init(|| {
            let mut depth = 0u32;
            self.tokens
                .iter()
                .map(|t| {
                    let before = depth;
                    depth = match t.kind() {
                        TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth.saturating_add(1),
                        TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth.saturating_sub(1),
                        _ => depth,
                    };
                    before
                })
                .collect()
        });
        depths.get(index).map_or(0, |&d| d as usize)
    }

    fn expr_name_at(&self, start: usize, end: usize) -> &'static str {
        self.find_expr((start, end), &|e: &Expr| e.start().to_usize() == start && e.end().to_usize() == end)
            .map_or("expression", expr_name)
    }

    /// The outermost expression ending at `end`.
    fn outermost_ending_at(&self, end: usize) -> Option<&Expr> {
        self.find_expr((end, end), &|e: &Expr| e.end().to_usize() == end)
    }

    /// The outermost expression starting at `start`.
    fn outermost_starting_at(&self, start: usize) -> Option<&Expr> {
        self.find_expr((start, start), &|e: &Expr| e.start().to_usize() == start)
    }

    fn statement_starting_at(&self, offset: usize) -> Option<&Stmt> {
        self.find_stmt(offset, false).filter(|s| s.start().to_usize() == offset)
    }

    /// The innermost statement containing `offset`.
    fn innermost_statement_at(&self, offset: usize) -> Option<&Stmt> {
        self.find_stmt(offset, true)
    }
}

/// Whether `range` meets the closed byte interval `window`.
fn meets(range: TextRange, (low, high): (usize, usize)) -> bool {
    range.start().to_usize() <= high && range.end().to_usize() >= low
}

/// Finds the outermost expression matching a test (the first met in source order), among the
/// nodes that meet a window.
struct Finder<'a, 't> {
    window: (usize, usize),
    test: &'t dyn Fn(&Expr) -> bool,
    found: Option<&'a Expr>,
}

impl<'a> Visitor<'a> for Finder<'a, '_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if self.found.is_none() && meets(stmt.range(), self.window) {
            with_stack(|| visitor::walk_stmt(self, stmt));
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.found.is_some() || !meets(expr.range(), self.window) {
            return;
        }
        if (self.test)(expr) {
            self.found = Some(expr);
        } else {
            with_stack(|| visitor::walk_expr(self, expr));
        }
    }
}

/// Finds the statements around a byte: the innermost containing it, or the outermost starting
/// there. Only statements that contain it are entered.
struct StmtFinder<'a> {
    offset: usize,
    innermost: bool,
    best: Option<&'a Stmt>,
}

impl<'a> Visitor<'a> for StmtFinder<'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        let (start, end) = (stmt.start().to_usize(), stmt.end().to_usize());
        let found = if self.innermost {
            start <= self.offset && self.offset < end
        } else {
            start == self.offset && self.best.is_none()
        };
        if found {
            self.best = Some(stmt);
        }
        if start <= self.offset && self.offset <= end {
            with_stack(|| visitor::walk_stmt(self, stmt));
        }
    }

    fn visit_expr(&mut self, _: &'a Expr) {}
}

/// CPython's `_PyPegen_get_expr_name`.
fn expr_name(expr: &Expr) -> &'static str {
    match expr {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) | Expr::Slice(_) | Expr::IpyEscapeCommand(_) => {
            "expression"
        }
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::NumberLiteral(_) => "literal",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
    }
}

/// Tokens an expression can end with.
fn ends_expression(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Name
            | TokenKind::Int
            | TokenKind::Float
            | TokenKind::Complex
            | TokenKind::String
            | TokenKind::FStringEnd
            | TokenKind::TStringEnd
            | TokenKind::Rpar
            | TokenKind::Rsqb
            | TokenKind::Rbrace
            | TokenKind::True
            | TokenKind::False
            | TokenKind::None
            | TokenKind::Ellipsis
            | TokenKind::Match
            | TokenKind::Case
            | TokenKind::Type
            | TokenKind::Lazy
    )
}

fn is_augmented_assignment(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::PlusEqual
            | TokenKind::MinusEqual
            | TokenKind::StarEqual
            | TokenKind::SlashEqual
            | TokenKind::PercentEqual
            | TokenKind::AmperEqual
            | TokenKind::VbarEqual
            | TokenKind::CircumflexEqual
            | TokenKind::LeftShiftEqual
            | TokenKind::RightShiftEqual
            | TokenKind::DoubleStarEqual
            | TokenKind::DoubleSlashEqual
            | TokenKind::AtEqual
    )
}

/// Byte offset of the 1-based character `column` of the 1-based `line` (clamped to the line).
fn byte_offset(source: &str, line: usize, column: usize) -> usize {
    let Some(start) = super::nth_line_start(source, line) else { return source.len() };
    let rest = &source[start..];
    let line_len = rest.find(['\n', '\r']).unwrap_or(rest.len());
    let within = rest[..line_len].char_indices().nth(column.saturating_sub(1)).map_or(line_len, |(i, _)| i);
    start + within
}

/// Tokens an expression can start with.
fn starts_expression(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Name
            | TokenKind::Int
            | TokenKind::Float
            | TokenKind::Complex
            | TokenKind::String
            | TokenKind::FStringStart
            | TokenKind::TStringStart
            | TokenKind::Lpar
            | TokenKind::Lsqb
            | TokenKind::Lbrace
            | TokenKind::Minus
            | TokenKind::Plus
            | TokenKind::Tilde
            | TokenKind::Not
            | TokenKind::Lambda
            | TokenKind::Await
            | TokenKind::True
            | TokenKind::False
            | TokenKind::None
            | TokenKind::Ellipsis
            | TokenKind::Match
            | TokenKind::Case
            | TokenKind::Type
            | TokenKind::Lazy
    )
}

fn fstring_message(kind: &InterpolatedStringErrorType) -> &'static str {
    match kind {
        InterpolatedStringErrorType::UnclosedLbrace => "expecting '}'",
        InterpolatedStringErrorType::SingleRbrace => "single '}' is not allowed",
        InterpolatedStringErrorType::InvalidConversionFlag => "invalid conversion character: expected 's', 'r', or 'a'",
        InterpolatedStringErrorType::UnterminatedString => "unterminated string",
        InterpolatedStringErrorType::UnterminatedTripleQuotedString => "unterminated triple-quoted string",
        InterpolatedStringErrorType::LambdaWithoutParentheses => {
            "lambda expressions are not allowed without parentheses"
        }
        InterpolatedStringErrorType::ConversionFlagNotImmediatelyAfterExclamation => {
            "conversion type must come right after the exclamanation mark"
        }
        InterpolatedStringErrorType::NewlineInFormatSpec => {
            "newlines are not allowed in format specifiers for single quoted f-strings"
        }
    }
}

/// The number of the last line, as CPython counts it for errors at the end of the file.
fn last_line(source: &str) -> usize {
    let (line, column) = line_col(source, source.len());
    if column == 0 && line > 1 {
        line - 1
    } else {
        line
    }
}

/// Ruff's wording without Markdown: backticks become quotes.
fn plain(message: &str) -> String {
    message.replace('`', "'")
}

fn lower_first(message: &str) -> String {
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A message as a sentence: capitalised, ending with a full stop.
fn sentence(message: &str) -> String {
    let mut out: String = {
        let mut chars = message.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        }
    };
    if !out.ends_with(['.', '?', '!']) {
        out.push('.');
    }
    out
}

const HINT_COLON: &str = "Lines that start a block (if, for, while, def, class, with, try) end with a colon.";
const HINT_EQUALS: &str = "To compare two values use ==; a single = stores a value in a name.";
const HINT_COMMA: &str = "Separate the items of a list, a call or a dict with commas.";
const HINT_ASSIGN: &str =
    "Only names, attributes (a.b) and items (a[i]) can be assigned to. To compare two values use ==.";
