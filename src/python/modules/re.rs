//! `re`: regular expressions on `str`, as CPython's `sre` matches them. The pattern is parsed
//! (CPython's `re.error` messages and positions) into a small tree, compiled to instructions and
//! run by a backtracking matcher with an explicit stack, on chars (Python's indices are code
//! points). A match has a step budget ([`MAX_STEPS`]): nested repeats such as `(a+)+$` try
//! exponentially many ways, where CPython would run for ever, and the program is stopped
//! instead. The Python face (`Pattern`, `Match`, `sub`'s templates, `split`, `findall`…) is
//! written in Python (`py/re.py`, run in this module), which keeps the wasm small; the
//! natives it calls are `_compile`, `_exec` and `_slice`.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use super::super::builtins::builtin;
use super::super::format::{py_isspace, unicode_decimal};
use super::super::interp::{Interp, PyErr, R};
use super::super::ops;
use super::super::value::*;

const FLAG_I: u32 = 2;
const FLAG_L: u32 = 4;
const FLAG_M: u32 = 8;
const FLAG_S: u32 = 16;
const FLAG_U: u32 = 32;
const FLAG_X: u32 = 64;
const FLAG_A: u32 = 256;
/// An unbounded repeat's maximum (CPython's MAXREPEAT).
const INF: u32 = u32::MAX;
/// Steps one match or search may take (about a tenth of a second).
const MAX_STEPS: u64 = 10_000_000;
/// Entries the backtracking stack may hold.
const MAX_STACK: usize = 4 << 20;
/// Groups nested in groups (the parser and a lookaround's match recurse per level).
const MAX_DEPTH: usize = 100;
const UNSET: usize = usize::MAX;

// ----- the tree ------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
enum Cls {
    Digit,
    Space,
    Word,
}

enum Item {
    Range(char, char),
    Cls(Cls, bool),
}

struct Set {
    items: Vec<Item>,
    neg: bool,
    icase: bool,
    ascii: bool,
}

#[derive(Clone, Copy)]
enum At {
    Bol,
    MBol,
    Eol,
    MEol,
    Start,
    End,
    Word(bool),
    NotWord(bool),
}

/// How a literal compares: 0 exactly, 1 ignoring case, 2 ignoring ASCII case.
type Fold = u8;

enum Node {
    Lit(char, Fold),
    Any(bool),
    Set(Box<Set>),
    At(At),
    Group(usize, Box<Node>),
    Cat(Vec<Node>),
    Alt(Vec<Node>),
    /// min, max, 0 greedy / 1 lazy / 2 possessive
    Rep(Box<Node>, u32, u32, u8),
    Ref(usize, Fold),
    Look(Box<Node>, bool, bool),
    Atomic(Box<Node>),
}

fn lower1(c: char) -> char {
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(x), None) => x,
        _ => c,
    }
}

fn upper1(c: char) -> char {
    let mut l = c.to_uppercase();
    match (l.next(), l.next()) {
        (Some(x), None) => x,
        _ => c,
    }
}

fn fold(c: char, f: Fold) -> char {
    match f {
        0 => c,
        2 => c.to_ascii_lowercase(),
        _ => lower1(c),
    }
}

fn is_class(cls: Cls, c: char, ascii: bool) -> bool {
    match (cls, ascii) {
        (Cls::Digit, true) => c.is_ascii_digit(),
        (Cls::Digit, false) => unicode_decimal(c).is_some(),
        (Cls::Space, true) => matches!(c, ' ' | '\t'..='\r'),
        (Cls::Space, false) => py_isspace(c),
        (Cls::Word, true) => c.is_ascii_alphanumeric() || c == '_',
        (Cls::Word, false) => c.is_alphanumeric() || c == '_',
    }
}

impl Set {
    fn has(&self, c: char) -> bool {
        let hit = |c: char| {
            self.items.iter().any(|it| match *it {
                Item::Range(lo, hi) => (lo..=hi).contains(&c),
                Item::Cls(k, neg) => is_class(k, c, self.ascii) != neg,
            })
        };
        let mut r = hit(c);
        if !r && self.icase {
            r = if self.ascii {
                hit(c.to_ascii_lowercase()) || hit(c.to_ascii_uppercase())
            } else {
                hit(lower1(c)) || hit(upper1(c))
            };
        }
        r != self.neg
    }
}

// ----- the parser ----------------------------------------------------------------------------

/// A pattern error: message, position (None for the compiler's), and the exception's name.
struct Error(String, Option<usize>, &'static str);

type PResult<T> = Result<T, Error>;

fn error<T>(msg: impl Into<String>, pos: usize) -> PResult<T> {
    Err(Error(msg.into(), Some(pos), "error"))
}

#[derive(PartialEq)]
enum Last {
    Nothing,
    Atom,
    Anchor,
    Repeat,
}

struct Parser<'a> {
    p: &'a [char],
    i: usize,
    flags: u32,
    /// The pattern's flags: the caller's and the global inline ones.
    global: u32,
    closed: Vec<bool>,
    names: Vec<(String, usize)>,
}

fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next().is_some_and(|c| c == '_' || c.is_alphabetic()) && cs.all(|c| c == '_' || c.is_alphanumeric())
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.p.get(self.i).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        let hit = self.peek() == Some(c);
        self.i += hit as usize;
        hit
    }

    fn get(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.i += 1;
        Some(c)
    }

    fn fold(&self) -> Fold {
        match (self.flags & FLAG_I != 0, self.flags & FLAG_A != 0) {
            (false, _) => 0,
            (true, false) => 1,
            (true, true) => 2,
        }
    }

    fn ascii(&self) -> bool {
        self.flags & FLAG_A != 0
    }

    fn alt(&mut self, depth: usize) -> PResult<Node> {
        let mut items = vec![];
        loop {
            items.push(self.seq(depth, depth == 0 && items.is_empty())?);
            if !self.eat('|') {
                break;
            }
        }
        Ok(if items.len() == 1 { items.pop().unwrap_or(Node::Cat(vec![])) } else { Node::Alt(items) })
    }

    fn seq(&mut self, depth: usize, first: bool) -> PResult<Node> {
        let mut seq: Vec<Node> = vec![];
        let mut last = Last::Nothing;
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let start = self.i;
            self.i += 1;
            if self.flags & FLAG_X != 0 {
                if matches!(c, ' ' | '\t'..='\r') {
                    continue;
                }
                if c == '#' {
                    while self.get().is_some_and(|c| c != '\n') {}
                    continue;
                }
            }
            let node = match c {
                '\\' => self.escape(start)?,
                '[' => self.class(start)?,
                '.' => Node::Any(self.flags & FLAG_S != 0),
                '^' => Node::At(if self.flags & FLAG_M != 0 { At::MBol } else { At::Bol }),
                '$' => Node::At(if self.flags & FLAG_M != 0 { At::MEol } else { At::Eol }),
                '*' | '+' | '?' | '{' => {
                    let (min, max) = match c {
                        '*' => (0, INF),
                        '+' => (1, INF),
                        '?' => (0, 1),
                        _ => match self.braces()? {
                            Some(r) => r,
                            None => {
                                seq.push(Node::Lit('{', 0));
                                last = Last::Atom;
                                continue;
                            }
                        },
                    };
                    match last {
                        Last::Nothing | Last::Anchor => return error("nothing to repeat", start),
                        Last::Repeat => return error("multiple repeat", start),
                        Last::Atom => {}
                    }
                    let mode = if self.eat('?') { 1 } else { 2 * self.eat('+') as u8 };
                    let Some(item) = seq.pop() else { return error("nothing to repeat", start) };
                    seq.push(Node::Rep(Box::new(item), min, max, mode));
                    last = Last::Repeat;
                    continue;
                }
                '(' => match self.group(start, depth, first && seq.is_empty())? {
                    Some(n) => n,
                    None => continue,
                },
                _ => Node::Lit(fold(c, self.fold()), self.fold()),
            };
            last = if matches!(node, Node::At(_)) { Last::Anchor } else { Last::Atom };
            seq.push(node);
        }
        Ok(if seq.len() == 1 { seq.pop().unwrap_or(Node::Cat(vec![])) } else { Node::Cat(seq) })
    }

    /// `{m,n}` after its `{`: the bounds, or None when it is a literal `{`.
    fn braces(&mut self) -> PResult<Option<(u32, u32)>> {
        let here = self.i;
        if self.peek() == Some('}') {
            return Ok(None);
        }
        let num = |p: &mut Self| {
            let mut v: Option<u64> = None;
            while let Some(d) = p.peek().and_then(|c| c.to_digit(10).filter(|_| c.is_ascii_digit())) {
                p.i += 1;
                v = Some(v.unwrap_or(0).saturating_mul(10).saturating_add(d as u64));
            }
            v
        };
        let lo = num(self);
        let hi = if self.eat(',') { num(self) } else { lo };
        if !self.eat('}') {
            self.i = here;
            return Ok(None);
        }
        let too_big = |v: u64| v >= INF as u64;
        if lo.is_some_and(too_big) || hi.is_some_and(too_big) {
            return Err(Error("the repetition number is too large".into(), None, "OverflowError"));
        }
        let (min, max) = (lo.unwrap_or(0) as u32, hi.map_or(INF, |h| h as u32));
        if max < min {
            return error("min repeat greater than max repeat", here);
        }
        Ok(Some((min, max)))
    }

    /// An escape's character (`\n`, `\x41`, `\0`, `\.`), after its backslash and letter.
    fn char_escape(&mut self, c: char, start: usize, in_class: bool) -> PResult<char> {
        let raw = |p: &Self| p.p.get(start..p.i).map(|s| s.iter().collect::<String>()).unwrap_or_default();
        let hex = |p: &mut Self, n: usize| {
            let mut v = 0u32;
            for _ in 0..n {
                match p.peek().and_then(|c| c.to_digit(16)) {
                    Some(d) => {
                        p.i += 1;
                        v = v * 16 + d;
                    }
                    None => return error(format!("incomplete escape {}", raw(p)), start),
                }
            }
            char::from_u32(v).map_or_else(|| error(format!("bad escape {}", raw(p)), start), Ok)
        };
        let octal = |p: &mut Self, mut v: u32, more: usize| {
            for _ in 0..more {
                match p.peek().and_then(|c| c.to_digit(8)) {
                    Some(d) => {
                        p.i += 1;
                        v = v * 8 + d;
                    }
                    None => break,
                }
            }
            v
        };
        Ok(match c {
            'a' => '\u{7}',
            'b' if in_class => '\u{8}',
            'f' => '\u{c}',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'v' => '\u{b}',
            'x' => hex(self, 2)?,
            'u' => hex(self, 4)?,
            'U' => hex(self, 8)?,
            '0' if !in_class => char::from_u32(octal(self, 0, 2)).unwrap_or('\0'),
            '0'..='7' => {
                let v = octal(self, c as u32 - '0' as u32, 2);
                if v > 0o377 {
                    return error(format!("octal escape value {} outside of range 0-0o377", raw(self)), start);
                }
                char::from_u32(v).unwrap_or('\0')
            }
            c if c.is_ascii_alphanumeric() => return error(format!("bad escape \\{c}"), start),
            c => c,
        })
    }

    fn cls_escape(&self, c: char) -> Option<Item> {
        let k = "dDsSwW".find(c)?;
        Some(Item::Cls([Cls::Digit, Cls::Space, Cls::Word].get(k / 2).copied()?, k % 2 == 1))
    }

    fn set(&self, items: Vec<Item>, neg: bool) -> Node {
        Node::Set(Box::new(Set { items, neg, icase: self.flags & FLAG_I != 0, ascii: self.ascii() }))
    }

    fn escape(&mut self, start: usize) -> PResult<Node> {
        let Some(c) = self.get() else { return error("bad escape (end of pattern)", start) };
        let ascii = self.ascii();
        Ok(match c {
            'A' => Node::At(At::Start),
            'Z' => Node::At(At::End),
            'b' => Node::At(At::Word(ascii)),
            'B' => Node::At(At::NotWord(ascii)),
            '1'..='9' => {
                let mut g = c as usize - '0' as usize;
                if let Some(d) = self.peek().filter(char::is_ascii_digit) {
                    self.i += 1;
                    if c < '8' && d < '8' && self.peek().is_some_and(|e| ('0'..'8').contains(&e)) {
                        self.i -= 1;
                        let ch = self.char_escape(c, start, false)?;
                        return Ok(Node::Lit(fold(ch, self.fold()), self.fold()));
                    }
                    g = g * 10 + (d as usize - '0' as usize);
                }
                return match self.closed.get(g) {
                    Some(true) if g > 0 => Ok(Node::Ref(g, self.fold())),
                    Some(_) if g > 0 => error("cannot refer to an open group", start),
                    _ => error(format!("invalid group reference {g}"), start + 1),
                };
            }
            _ => match self.cls_escape(c) {
                Some(item) => self.set(vec![item], false),
                None => {
                    let ch = self.char_escape(c, start, false)?;
                    Node::Lit(fold(ch, self.fold()), self.fold())
                }
            },
        })
    }

    /// One item of a class: a character, or a class escape (`\d`).
    fn class_item(&mut self, c: char) -> PResult<Result<char, Item>> {
        if c != '\\' {
            return Ok(Ok(c));
        }
        let start = self.i - 1;
        let Some(e) = self.get() else { return error("bad escape (end of pattern)", start) };
        Ok(match self.cls_escape(e) {
            Some(item) => Err(item),
            None => Ok(self.char_escape(e, start, true)?),
        })
    }

    fn class(&mut self, start: usize) -> PResult<Node> {
        let neg = self.eat('^');
        let mut items = vec![];
        let unterminated = || error("unterminated character set", start);
        loop {
            let Some(c) = self.get() else { return unterminated() };
            if c == ']' && !items.is_empty() {
                break;
            }
            let this_len = 1 + (c == '\\') as usize;
            let one = self.class_item(c)?;
            let item = |one: Result<char, Item>| match one {
                Ok(c) => Item::Range(c, c),
                Err(i) => i,
            };
            if !self.eat('-') {
                items.push(item(one));
                continue;
            }
            let Some(d) = self.get() else { return unterminated() };
            if d == ']' {
                items.push(item(one));
                items.push(Item::Range('-', '-'));
                break;
            }
            let that_len = 1 + (d == '\\') as usize;
            let two = self.class_item(d)?;
            match (one, two) {
                (Ok(lo), Ok(hi)) if lo <= hi => items.push(Item::Range(lo, hi)),
                _ => {
                    let at = self.i.saturating_sub(this_len + 1 + that_len);
                    let tok = |at: usize, n: usize| self.p.get(at..at + n).map(|s| s.iter().collect::<String>());
                    let this = tok(at, this_len).unwrap_or_default();
                    let that = tok(at + this_len + 1, that_len).unwrap_or_default();
                    return error(format!("bad character range {this}-{that}"), at);
                }
            }
        }
        Ok(self.set(items, neg))
    }

    /// A name up to `term` (the opening `<` or `=` eaten).
    fn name(&mut self, term: char) -> PResult<String> {
        let begin = self.i;
        loop {
            match self.get() {
                None if self.i == begin => return error("missing group name", self.i),
                None => return error(format!("missing {term}, unterminated name"), begin),
                Some(c) if c == term => break,
                Some(_) => {}
            }
        }
        if self.i - 1 == begin {
            return error("missing group name", begin);
        }
        let name: String = self.p.get(begin..self.i - 1).unwrap_or_default().iter().collect();
        if !is_identifier(&name) {
            return error(format!("bad character in group name '{name}'"), begin);
        }
        Ok(name)
    }

    /// Inline flags after `(?` and their first letter: the flags a scoped group `(?i-m:...)`
    /// adds and removes, or global flags `(?i)` and None.
    fn inline_flags(&mut self, mut c: char) -> PResult<(u32, Option<u32>)> {
        let flags = [FLAG_A, FLAG_I, FLAG_L, FLAG_M, FLAG_S, FLAG_U, FLAG_X];
        let letter = |c: char| "aiLmsux".find(c).and_then(|k| flags.get(k).copied());
        let unknown =
            |c: char, other: &str, at: usize| error(if c.is_alphabetic() { "unknown flag" } else { other }, at);
        let (mut add, mut del) = (0, 0);
        if c != '-' {
            loop {
                let f = letter(c).unwrap_or(0);
                if f == FLAG_L {
                    return error("bad inline flags: cannot use 'L' flag with a str pattern", self.i);
                }
                add |= f;
                if f & (FLAG_A | FLAG_U) != 0 && add & (FLAG_A | FLAG_U) != f {
                    return error("bad inline flags: flags 'a', 'u' and 'L' are incompatible", self.i);
                }
                c = match self.get() {
                    None => return error("missing -, : or )", self.i),
                    Some(c) => c,
                };
                if ")-:".contains(c) {
                    break;
                }
                if letter(c).is_none() {
                    return unknown(c, "missing -, : or )", self.i - 1);
                }
            }
        }
        if c == ')' {
            return Ok((add, None));
        }
        if c == '-' {
            c = match self.get() {
                None => return error("missing flag", self.i),
                Some(c) if letter(c).is_none() => return unknown(c, "missing flag", self.i - 1),
                Some(c) => c,
            };
            loop {
                let f = letter(c).unwrap_or(0);
                if f & (FLAG_A | FLAG_U | FLAG_L) != 0 {
                    return error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", self.i);
                }
                del |= f;
                c = match self.get() {
                    None => return error("missing :", self.i),
                    Some(':') => break,
                    Some(c) if letter(c).is_none() => return unknown(c, "missing :", self.i - 1),
                    Some(c) => c,
                };
            }
        }
        if add & del != 0 {
            return error("bad inline flags: flag turned on and off", self.i - 1);
        }
        Ok((add, Some(del)))
    }

    /// A group after its `(`: None for what adds nothing (a comment, global flags).
    fn group(&mut self, start: usize, depth: usize, first: bool) -> PResult<Option<Node>> {
        if depth >= MAX_DEPTH {
            return error("too many nested groups", start);
        }
        let (mut capture, mut atomic, mut look, mut name) = (true, false, None, None);
        let saved = self.flags;
        if self.eat('?') {
            let Some(c) = self.get() else { return error("unexpected end of pattern", self.i) };
            match c {
                'P' if self.eat('<') => name = Some(self.name('>')?),
                'P' if self.eat('=') => {
                    let name = self.name(')')?;
                    let at = self.i - name.chars().count() - 1;
                    let Some(&(_, g)) = self.names.iter().find(|(n, _)| *n == name) else {
                        return error(format!("unknown group name '{name}'"), at);
                    };
                    if !self.closed.get(g).copied().unwrap_or(false) {
                        return error("cannot refer to an open group", at);
                    }
                    return Ok(Some(Node::Ref(g, self.fold())));
                }
                'P' => {
                    return match self.get() {
                        None => error("unexpected end of pattern", self.i),
                        Some(d) => error(format!("unknown extension ?P{d}"), self.i - 3),
                    }
                }
                ':' => capture = false,
                '>' => (capture, atomic) = (false, true),
                '#' => loop {
                    match self.get() {
                        None => return error("missing ), unterminated comment", start),
                        Some(')') => return Ok(None),
                        Some(_) => {}
                    }
                },
                '=' | '!' => look = Some((false, c == '!')),
                '<' => match self.get() {
                    Some(d @ ('=' | '!')) => look = Some((true, d == '!')),
                    None => return error("unexpected end of pattern", self.i),
                    Some(d) => return error(format!("unknown extension ?<{d}"), self.i - 3),
                },
                'a' | 'i' | 'L' | 'm' | 's' | 'u' | 'x' | '-' => match self.inline_flags(c)? {
                    (add, None) => {
                        if !first {
                            return error("global flags not at the start of the expression", start);
                        }
                        self.flags |= add;
                        self.global |= add;
                        return Ok(None);
                    }
                    (add, Some(del)) => {
                        capture = false;
                        self.flags = (self.flags | add) & !del;
                    }
                },
                c => return error(format!("unknown extension ?{c}"), self.i - 2),
            }
        }
        let gid = if capture && look.is_none() {
            let g = self.closed.len();
            if let Some(n) = name {
                if let Some((_, old)) = self.names.iter().find(|(o, _)| *o == n) {
                    let at = self.i - n.chars().count() - 1;
                    return error(format!("redefinition of group name '{n}' as group {g}; was group {old}"), at);
                }
                self.names.push((n, g));
            }
            self.closed.push(false);
            Some(g)
        } else {
            None
        };
        let node = self.alt(depth + 1);
        self.flags = saved;
        let node = node?;
        if !self.eat(')') {
            return error("missing ), unterminated subpattern", start);
        }
        Ok(Some(match (gid, look) {
            (Some(g), _) => {
                if let Some(c) = self.closed.get_mut(g) {
                    *c = true;
                }
                Node::Group(g, Box::new(node))
            }
            (None, Some((behind, neg))) => Node::Look(Box::new(node), behind, neg),
            _ if atomic => Node::Atomic(Box::new(node)),
            _ => node,
        }))
    }
}

/// A node's width when every match of it is as long.
fn fixed_width(n: &Node) -> Option<usize> {
    match n {
        Node::Lit(..) | Node::Any(_) | Node::Set(_) => Some(1),
        Node::At(_) | Node::Look(..) => Some(0),
        Node::Group(_, x) | Node::Atomic(x) => fixed_width(x),
        Node::Cat(v) => v.iter().try_fold(0usize, |a, x| a.checked_add(fixed_width(x)?)),
        Node::Alt(v) => {
            let w = fixed_width(v.first()?)?;
            v.iter().all(|x| fixed_width(x) == Some(w)).then_some(w)
        }
        Node::Rep(x, min, max, _) if min == max => fixed_width(x)?.checked_mul(*min as usize),
        _ => None,
    }
}

// ----- the program ---------------------------------------------------------------------------

enum Inst {
    Char(char, Fold),
    Any(bool),
    Set(Box<Set>),
    At(At),
    Split(usize, usize),
    Jmp(usize),
    Save(usize),
    /// A repeat's counter (`reg`) to 0; `reg + 1` holds where the current iteration began.
    RepInit(usize),
    RepLoop {
        reg: usize,
        min: u32,
        max: u32,
        greedy: bool,
        exit: usize,
    },
    RepMark(usize),
    RepEnd {
        reg: usize,
        min: u32,
        head: usize,
    },
    /// A repeat of the single-character instruction that follows.
    One {
        min: u32,
        max: u32,
        greedy: bool,
    },
    Ref(usize, Fold),
    /// A lookaround (with a lookbehind's width) or an atomic group: the sub-program that
    /// follows ends with `Done`; `next` is after it.
    Look {
        behind: Option<usize>,
        neg: bool,
        next: usize,
    },
    Atomic(usize),
    Done,
    Match,
}

struct Program {
    insts: Vec<Inst>,
    nslots: usize,
    nregs: usize,
    /// The literal every match starts with, if any (a search skips to it).
    prefix: Option<char>,
    /// Matches can only start at 0 (`^` or `\A` first).
    anchored: bool,
    /// The pattern's flags, its groups' count and its named groups.
    flags: u32,
    groups: usize,
    names: Vec<(String, usize)>,
}

/// Points the jump of the instruction at `at` to the end of the program so far.
fn patch(p: &mut Program, at: usize) {
    let to = p.insts.len();
    if let Some(
        Inst::Split(_, t) | Inst::Jmp(t) | Inst::Atomic(t) | Inst::Look { next: t, .. } | Inst::RepLoop { exit: t, .. },
    ) = p.insts.get_mut(at)
    {
        *t = to;
    }
}

/// Emits `x` as a sub-program after the instruction at `at`, which then jumps past it.
fn emit_sub(p: &mut Program, at: usize, x: Node) -> PResult<()> {
    emit(p, x)?;
    p.insts.push(Inst::Done);
    patch(p, at);
    Ok(())
}

fn emit(p: &mut Program, n: Node) -> PResult<()> {
    let here = p.insts.len();
    match n {
        Node::Lit(c, f) => p.insts.push(Inst::Char(c, f)),
        Node::Any(all) => p.insts.push(Inst::Any(all)),
        Node::Set(s) => p.insts.push(Inst::Set(s)),
        Node::At(a) => p.insts.push(Inst::At(a)),
        Node::Ref(g, f) => p.insts.push(Inst::Ref(g, f)),
        Node::Group(g, x) => {
            p.insts.push(Inst::Save(2 * g));
            emit(p, *x)?;
            p.insts.push(Inst::Save(2 * g + 1));
        }
        Node::Cat(v) => v.into_iter().try_for_each(|x| emit(p, x))?,
        Node::Alt(v) => {
            let (mut jumps, count) = (vec![], v.len());
            for (k, x) in v.into_iter().enumerate() {
                let split = p.insts.len();
                if k + 1 < count {
                    p.insts.push(Inst::Split(split + 1, 0));
                }
                emit(p, x)?;
                if k + 1 < count {
                    jumps.push(p.insts.len());
                    p.insts.push(Inst::Jmp(0));
                    patch(p, split);
                }
            }
            jumps.into_iter().for_each(|j| patch(p, j));
        }
        Node::Rep(x, min, max, 2) => {
            p.insts.push(Inst::Atomic(0));
            emit_sub(p, here, Node::Rep(x, min, max, 0))?;
        }
        Node::Rep(x, min, max, mode) => {
            let greedy = mode == 0;
            if matches!(*x, Node::Lit(..) | Node::Any(_) | Node::Set(_)) {
                p.insts.push(Inst::One { min, max, greedy });
                emit(p, *x)?;
            } else {
                let reg = p.nregs;
                p.nregs += 2;
                p.insts.push(Inst::RepInit(reg));
                let head = p.insts.len();
                p.insts.push(Inst::RepLoop { reg, min, max, greedy, exit: 0 });
                p.insts.push(Inst::RepMark(reg + 1));
                emit(p, *x)?;
                p.insts.push(Inst::RepEnd { reg, min, head });
                patch(p, head);
            }
        }
        Node::Look(x, behind, neg) => {
            let width =
                || fixed_width(&x).ok_or(Error("look-behind requires fixed-width pattern".into(), None, "error"));
            let behind = if behind { Some(width()?) } else { None };
            p.insts.push(Inst::Look { behind, neg, next: 0 });
            emit_sub(p, here, *x)?;
        }
        Node::Atomic(x) => {
            p.insts.push(Inst::Atomic(0));
            emit_sub(p, here, *x)?;
        }
    }
    Ok(())
}

/// Parses and compiles `pattern`.
fn compile(pattern: &str, flags: u32) -> PResult<Program> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut ps = Parser { p: &chars, i: 0, flags, global: flags, closed: vec![true], names: vec![] };
    let tree = ps.alt(0)?;
    if ps.i < chars.len() {
        return error("unbalanced parenthesis", ps.i);
    }
    let groups = ps.closed.len() - 1;
    let flags = if ps.global & FLAG_A == 0 { ps.global | FLAG_U } else { ps.global };
    let (nslots, names) = (2 * (groups + 1), ps.names);
    let mut p = Program { insts: vec![], nslots, nregs: 0, prefix: None, anchored: false, flags, groups, names };
    emit(&mut p, tree)?;
    p.insts.push(Inst::Match);
    let first = p.insts.iter().find(|i| !matches!(i, Inst::Save(_)));
    p.prefix = match first {
        Some(Inst::Char(c, 0)) => Some(*c),
        _ => None,
    };
    p.anchored = matches!(p.insts.first(), Some(Inst::At(At::Bol | At::Start)));
    Ok(p)
}

// ----- the matcher ---------------------------------------------------------------------------

#[derive(Clone, Copy)]
enum Bt {
    Alt(usize, usize),
    Slot(usize, usize),
    Reg(usize, usize),
    Last(usize),
    /// A greedy single-character repeat can give back characters down to `lo`.
    Greedy(usize, usize, usize),
    /// A lazy one (the `One` at pc) can take one more, having taken `n`.
    Lazy(usize, usize, u32),
}

enum Halt {
    Budget,
    Err(PyErr),
}

struct Vm<'a> {
    prog: &'a Program,
    text: &'a [char],
    slots: Vec<usize>,
    regs: Vec<usize>,
    last: usize,
    stack: Vec<Bt>,
    steps: u64,
    origin: usize,
    full: bool,
    not_empty: bool,
    tick: &'a mut dyn FnMut() -> Result<(), PyErr>,
}

type Run<T> = Result<T, Halt>;

impl Vm<'_> {
    fn step(&mut self) -> Run<()> {
        self.steps += 1;
        if self.steps > MAX_STEPS {
            return Err(Halt::Budget);
        }
        if self.steps.is_multiple_of(1024) {
            (self.tick)().map_err(Halt::Err)?;
        }
        Ok(())
    }

    fn push(&mut self, b: Bt) -> Run<()> {
        if self.stack.len() >= MAX_STACK {
            return Err(Halt::Budget);
        }
        self.stack.push(b);
        Ok(())
    }

    fn set_reg(&mut self, r: usize, v: usize) -> Run<()> {
        let old = self.regs.get(r).copied().unwrap_or(UNSET);
        self.push(Bt::Reg(r, old))?;
        if let Some(x) = self.regs.get_mut(r) {
            *x = v;
        }
        Ok(())
    }

    fn reg(&self, r: usize) -> usize {
        self.regs.get(r).copied().unwrap_or(UNSET)
    }

    fn slot(&self, s: usize) -> usize {
        self.slots.get(s).copied().unwrap_or(UNSET)
    }

    fn word(&self, pos: Option<usize>, ascii: bool) -> bool {
        pos.and_then(|p| self.text.get(p)).is_some_and(|&c| is_class(Cls::Word, c, ascii))
    }

    fn at(&self, a: At, pos: usize) -> bool {
        let len = self.text.len();
        let ch = |p: usize| self.text.get(p).copied();
        match a {
            At::Bol | At::Start => pos == 0,
            At::MBol => pos == 0 || ch(pos - 1) == Some('\n'),
            At::Eol => pos == len || (pos + 1 == len && ch(pos) == Some('\n')),
            At::MEol => pos == len || ch(pos) == Some('\n'),
            At::End => pos == len,
            At::Word(a) => len > 0 && self.word(pos.checked_sub(1), a) != self.word(Some(pos), a),
            At::NotWord(a) => len > 0 && self.word(pos.checked_sub(1), a) == self.word(Some(pos), a),
        }
    }

    /// Does the single-character instruction at `pc` match the character at `pos`?
    fn one(&self, pc: usize, pos: usize) -> bool {
        let Some(&c) = self.text.get(pos) else { return false };
        match self.prog.insts.get(pc) {
            Some(Inst::Char(l, f)) => fold(c, *f) == *l,
            Some(Inst::Any(all)) => *all || c != '\n',
            Some(Inst::Set(s)) => s.has(c),
            _ => false,
        }
    }

    /// Runs the sub-program at `pc` atomically: on success its choices are dropped (what it
    /// set stays, undone when the caller backtracks).
    fn sub(&mut self, pc: usize, pos: usize) -> Run<Option<usize>> {
        let base = self.stack.len();
        let r = self.run(pc, pos)?;
        if r.is_some() {
            let tail = self.stack.split_off(base);
            self.stack.extend(tail.into_iter().filter(|b| matches!(b, Bt::Slot(..) | Bt::Reg(..) | Bt::Last(_))));
        }
        Ok(r)
    }

    /// Undoes what was set above `base`.
    fn undo(&mut self, base: usize) {
        while self.stack.len() > base {
            match self.stack.pop() {
                Some(Bt::Slot(s, v)) => self.slots.get_mut(s).map_or((), |x| *x = v),
                Some(Bt::Reg(r, v)) => self.regs.get_mut(r).map_or((), |x| *x = v),
                Some(Bt::Last(v)) => self.last = v,
                _ => {}
            }
        }
    }

    /// Matches from `pc` at `pos`: where the match ends (at `Done` or `Match`).
    fn run(&mut self, mut pc: usize, mut pos: usize) -> Run<Option<usize>> {
        let base = self.stack.len();
        let len = self.text.len();
        loop {
            self.step()?;
            let ok = match self.prog.insts.get(pc) {
                None => false,
                Some(Inst::Char(..) | Inst::Any(_) | Inst::Set(_)) => {
                    let hit = self.one(pc, pos);
                    pc += 1;
                    pos += hit as usize;
                    hit
                }
                Some(Inst::At(a)) => {
                    pc += 1;
                    self.at(*a, pos)
                }
                Some(&Inst::Split(x, y)) => {
                    self.push(Bt::Alt(y, pos))?;
                    pc = x;
                    true
                }
                Some(&Inst::Jmp(x)) => {
                    pc = x;
                    true
                }
                Some(&Inst::Save(s)) => {
                    self.push(Bt::Slot(s, self.slot(s)))?;
                    if let Some(x) = self.slots.get_mut(s) {
                        *x = pos;
                    }
                    if s % 2 == 1 && s > 1 {
                        self.push(Bt::Last(self.last))?;
                        self.last = s / 2;
                    }
                    pc += 1;
                    true
                }
                Some(&Inst::RepInit(r)) => {
                    self.set_reg(r, 0)?;
                    pc += 1;
                    true
                }
                Some(&Inst::RepLoop { reg, min, max, greedy, exit }) => {
                    let n = self.reg(reg);
                    if n < min as usize {
                        pc += 1;
                    } else if n >= max as usize {
                        pc = exit;
                    } else if greedy {
                        self.push(Bt::Alt(exit, pos))?;
                        pc += 1;
                    } else {
                        self.push(Bt::Alt(pc + 1, pos))?;
                        pc = exit;
                    }
                    true
                }
                Some(&Inst::RepMark(r)) => {
                    self.set_reg(r, pos)?;
                    pc += 1;
                    true
                }
                Some(&Inst::RepEnd { reg, min, head }) => {
                    let n = self.reg(reg).saturating_add(1);
                    self.set_reg(reg, n)?;
                    // An iteration that matched nothing ends the repeat (else it would loop).
                    pc = if pos == self.reg(reg + 1) && n >= min as usize { pc + 1 } else { head };
                    true
                }
                Some(&Inst::One { min, max, greedy }) => {
                    let mut n = 0u32;
                    let want = if greedy { max } else { min };
                    while n < want && self.one(pc + 1, pos + n as usize) {
                        n += 1;
                        self.step()?;
                    }
                    if n < min {
                        false
                    } else {
                        if greedy && n > min {
                            self.push(Bt::Greedy(pc + 2, pos + n as usize, pos + min as usize))?;
                        } else if !greedy && min < max {
                            self.push(Bt::Lazy(pc, pos + n as usize, n))?;
                        }
                        pos += n as usize;
                        pc += 2;
                        true
                    }
                }
                Some(&Inst::Ref(g, f)) => {
                    let (s, e) = (self.slot(2 * g), self.slot(2 * g + 1));
                    match self.text.get(s..e) {
                        Some(group) if s != UNSET && e != UNSET => {
                            let end = pos + group.len();
                            let same = self.text.get(pos..end).is_some_and(|t| {
                                t.iter().zip(group).all(|(&a, &b)| a == b || (f > 0 && fold(a, f) == fold(b, f)))
                            });
                            pos = end;
                            pc += 1;
                            same
                        }
                        _ => false,
                    }
                }
                Some(&Inst::Look { behind, neg, next }) => {
                    let base = self.stack.len();
                    let from = match behind {
                        Some(w) => pos.checked_sub(w),
                        None => Some(pos),
                    };
                    let found = match from {
                        Some(from) => match self.sub(pc + 1, from)? {
                            Some(end) if behind.is_none() || end == pos => true,
                            Some(_) => {
                                self.undo(base);
                                false
                            }
                            None => false,
                        },
                        None => false,
                    };
                    if found && neg {
                        self.undo(base);
                    }
                    pc = next;
                    found != neg
                }
                Some(&Inst::Atomic(next)) => match self.sub(pc + 1, pos)? {
                    Some(end) => {
                        pos = end;
                        pc = next;
                        true
                    }
                    None => false,
                },
                Some(Inst::Done) => return Ok(Some(pos)),
                Some(Inst::Match) => {
                    if !(self.full && pos != len || self.not_empty && pos == self.origin) {
                        return Ok(Some(pos));
                    }
                    false
                }
            };
            if ok {
                continue;
            }
            // Backtrack to the latest choice.
            loop {
                if self.stack.len() <= base {
                    return Ok(None);
                }
                self.step()?;
                match self.stack.pop() {
                    None => return Ok(None),
                    Some(Bt::Alt(p, q)) => {
                        (pc, pos) = (p, q);
                        break;
                    }
                    Some(Bt::Slot(s, v)) => self.slots.get_mut(s).map_or((), |x| *x = v),
                    Some(Bt::Reg(r, v)) => self.regs.get_mut(r).map_or((), |x| *x = v),
                    Some(Bt::Last(v)) => self.last = v,
                    Some(Bt::Greedy(p, q, lo)) => {
                        let q = q - 1;
                        if q > lo {
                            self.push(Bt::Greedy(p, q, lo))?;
                        }
                        (pc, pos) = (p, q);
                        break;
                    }
                    Some(Bt::Lazy(p, q, n)) => {
                        let max = match self.prog.insts.get(p) {
                            Some(Inst::One { max, .. }) => *max,
                            _ => 0,
                        };
                        if n < max && self.one(p + 1, q) {
                            if n + 1 < max {
                                self.push(Bt::Lazy(p, q + 1, n + 1))?;
                            }
                            (pc, pos) = (p + 2, q + 1);
                            break;
                        }
                    }
                }
            }
        }
    }
}

/// How `_exec` looks for a match.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Match,
    Search,
    Full,
}

/// A match of `prog` in `text` from `pos`: its slots (start and end of each group, `UNSET`
/// when it did not take part) and its last group (0 for none).
fn exec(
    prog: &Program,
    text: &[char],
    pos: usize,
    mode: Mode,
    not_empty: bool,
    tick: &mut dyn FnMut() -> Result<(), PyErr>,
) -> Run<Option<(Vec<usize>, usize)>> {
    let mut vm = Vm {
        prog,
        text,
        slots: vec![UNSET; prog.nslots],
        regs: vec![0; prog.nregs],
        last: 0,
        stack: vec![],
        steps: 0,
        origin: pos,
        full: mode == Mode::Full,
        not_empty,
        tick,
    };
    let mut start = pos;
    while start <= text.len() {
        if mode == Mode::Search {
            if let Some(c) = prog.prefix {
                match text.get(start..).and_then(|t| t.iter().position(|&t| t == c)) {
                    Some(k) => start += k,
                    None => break,
                }
            }
        }
        vm.slots.fill(UNSET);
        vm.last = 0;
        vm.stack.clear();
        if let Some(s) = vm.slots.first_mut() {
            *s = start;
        }
        if let Some(end) = vm.run(0, start)? {
            if let Some(s) = vm.slots.get_mut(1) {
                *s = end;
            }
            return Ok(Some((vm.slots, vm.last)));
        }
        if mode != Mode::Search || prog.anchored {
            break;
        }
        start += 1;
        vm.step()?;
    }
    Ok(None)
}

// ----- the Python face -----------------------------------------------------------------------

/// A compiled pattern, and the last string it matched as chars (a loop of searches in one
/// string converts it once).
type Chars = (Rc<str>, Rc<[char]>);

struct Compiled {
    prog: Program,
    text: RefCell<Option<Chars>>,
}

impl Object for Compiled {
    fn type_name(&self) -> &str {
        "_re_program"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn arg(a: &Args, i: usize) -> Value {
    a.pos.get(i).cloned().unwrap_or_default()
}

/// `_compile(pattern, flags)`: `(program, flags, groups, {name: index})`, or
/// `(None, message, position, exception name)`.
fn py_compile(interp: &Interp, a: Args) -> R<Value> {
    let Value::Str(pattern) = &arg(&a, 0) else {
        return Err(interp.type_error("first argument must be string or compiled pattern"));
    };
    let flags = u32::try_from(ops::to_index(interp, &arg(&a, 1))?).unwrap_or(0);
    Ok(match compile(pattern, flags) {
        Ok(prog) => {
            let mut d = Dict::new();
            for (n, g) in &prog.names {
                d.set_str(n, Value::Int(*g as i64));
            }
            let (flags, groups) = (Value::Int(prog.flags as i64), Value::Int(prog.groups as i64));
            Value::tuple(vec![
                Value::object(Compiled { prog, text: RefCell::new(None) }),
                flags,
                groups,
                Value::dict(d),
            ])
        }
        Err(Error(msg, pos, kind)) => Value::tuple(vec![
            Value::None,
            Value::str(&msg),
            pos.map_or(Value::None, |p| Value::Int(p as i64)),
            Value::str(kind),
        ]),
    })
}

/// The compiled pattern `_exec` and `_slice` are given, and their string as chars (the last one
/// converted is kept: a loop of searches in one string converts it once; Python's own slices
/// of a long string would each walk it from the start).
fn program_and_text(interp: &Interp, a: &Args) -> R<(Value, Rc<[char]>)> {
    let program = arg(a, 0);
    let Some(c) = program.downcast::<Compiled>() else {
        return Err(interp.type_error("_exec() needs a compiled pattern"));
    };
    let s = match &arg(a, 1) {
        Value::Str(s) => s.clone(),
        other => {
            return Err(interp.type_error(format!("expected string or bytes-like object, got '{}'", other.type_name())))
        }
    };
    let cached = c.text.borrow().as_ref().filter(|(k, _)| Rc::ptr_eq(k, &s)).map(|(_, t)| t.clone());
    let text = cached.unwrap_or_else(|| {
        let t: Rc<[char]> = s.chars().collect();
        *c.text.borrow_mut() = Some((s, t.clone()));
        t
    });
    Ok((program, text))
}

fn substr(text: &[char], s: usize, e: usize) -> Value {
    match text.get(s..e) {
        Some(t) if s != UNSET => Value::str(&t.iter().collect::<String>()),
        _ => Value::None,
    }
}

/// `_slice(program, string, start, end)`: `string[start:end]`.
fn py_slice(interp: &Interp, a: Args) -> R<Value> {
    let (_, text) = program_and_text(interp, &a)?;
    let len = text.len() as i64;
    let bound = |i: usize| -> R<usize> {
        let v = arg(&a, i);
        Ok(if v.is_none() { len } else { ops::to_index(interp, &v)?.clamp(0, len) } as usize)
    };
    let (s, e) = (bound(2)?, bound(3)?);
    Ok(if s < e { substr(&text, s, e) } else { Value::str("") })
}

/// `_exec(program, string, pos, endpos, mode, not_empty)`: `[start0, end0, start1, …,
/// lastindex, pos, endpos, (group0, group1, …)]` (-1 and None for a group that did not take
/// part; `pos` and `endpos` as `_sre` clamps them), or None. `mode`: 0 match, 1 search,
/// 2 fullmatch; `not_empty` refuses an empty match at `pos` (after an empty match, as
/// `finditer`, `sub` and `split` go on).
fn py_exec(interp: &Interp, a: Args) -> R<Value> {
    let (program, text) = program_and_text(interp, &a)?;
    let Some(c) = program.downcast::<Compiled>() else { return Ok(Value::None) };
    let len = text.len() as i64;
    let clamp = |v: &Value, d: i64| -> R<usize> {
        let v = if v.is_none() { d } else { ops::to_index(interp, v)? };
        Ok(v.clamp(0, len) as usize)
    };
    let (pos, endpos) = (clamp(&arg(&a, 2), 0)?, clamp(&arg(&a, 3), len)?);
    let mode = match ops::to_index(interp, &arg(&a, 4))? {
        0 => Mode::Match,
        1 => Mode::Search,
        _ => Mode::Full,
    };
    if endpos < pos {
        return Ok(Value::None);
    }
    let mut tick = || interp.tick();
    let window = text.get(..endpos).unwrap_or(&text);
    match exec(&c.prog, window, pos, mode, ops::truthy(interp, &arg(&a, 5))?, &mut tick) {
        Ok(None) => Ok(Value::None),
        Ok(Some((slots, last))) => {
            let mut out: Vec<Value> =
                slots.iter().map(|&s| Value::Int(if s == UNSET { -1 } else { s as i64 })).collect();
            out.extend([last, pos, endpos].map(|v| Value::Int(v as i64)));
            let groups = slots.chunks(2).map(|g| match *g {
                [s, e] => substr(&text, s, e),
                _ => Value::None,
            });
            out.push(Value::tuple(groups.collect()));
            Ok(Value::list(out))
        }
        Err(Halt::Err(e)) => Err(e),
        Err(Halt::Budget) => Err(interp.stop_program(format!(
            "the regular expression took more than {MAX_STEPS} steps to match (at line {}): Interleave \
             stopped the program (nested repeats such as (a+)+ try exponentially many ways to match)",
            program_line(interp)
        ))),
    }
}

/// The line of the program's innermost frame (not this module's).
fn program_line(interp: &Interp) -> u32 {
    let frames = interp.frames.borrow();
    let mut program = frames.iter().rev().filter(|f| f.func.as_ref().is_none_or(|f| &*f.globals.name == "__main__"));
    program.next().map_or(0, |f| f.line.get())
}

/// The module: the natives, then `py/re.py` run in it.
pub fn module(interp: &Interp) -> R<Rc<Module>> {
    let source = embedded_py!("re.py");
    let m = Module::new("re");
    m.set("__name__", Value::str("re"));
    m.set("_compile", builtin("_compile", py_compile));
    m.set("_exec", builtin("_exec", py_exec));
    m.set("_slice", builtin("_slice", py_slice));
    let code = super::embedded_code(interp, "re", source)?;
    let frame = super::super::exec::Frame::new(interp, code, m.clone(), None);
    super::super::call::run_to_end(interp, frame)?;
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(pattern: &str, text: &str) -> Result<Option<(usize, usize)>, &'static str> {
        let prog = compile(pattern, 0).map_err(|_| "bad pattern")?;
        let text: Vec<char> = text.chars().collect();
        match exec(&prog, &text, 0, Mode::Search, false, &mut || Ok(())) {
            Ok(r) => Ok(r.map(|(s, _)| (s[0], s[1]))),
            Err(_) => Err("budget"),
        }
    }

    #[test]
    fn matches() {
        assert_eq!(find(r"\d+", "ab 123 c"), Ok(Some((3, 6))));
        assert_eq!(find(r"(a|ab)(c|bcd)(d*)", "abcd"), Ok(Some((0, 4))));
        assert_eq!(find(r"(?<=\$)\d+", "cost $42"), Ok(Some((6, 8))));
        assert_eq!(find(r"(\w+) \1", "hello hello"), Ok(Some((0, 11))));
        assert_eq!(find(r"(a*)*b", "aaab"), Ok(Some((0, 4))));
        assert_eq!(find(r"x{2,3}?", "xxxx"), Ok(Some((0, 2))));
    }

    #[test]
    fn hostile_patterns_end() {
        let start = std::time::Instant::now();
        let a40 = "a".repeat(40) + "b";
        assert_eq!(find(r"(a+)+$", &a40), Err("budget"));
        assert_eq!(find(r"(a|aa)*c", &a40), Err("budget"));
        assert!(start.elapsed().as_secs() < 20);
        // Deep nesting is an error, not a stack overflow.
        let deep = "(".repeat(100_000) + &")".repeat(100_000);
        assert_eq!(find(&deep, "x"), Err("bad pattern"));
        let long = "a".repeat(200_000);
        assert_eq!(find("(?:a|b)*", &long), Ok(Some((0, 200_000))));
    }
}
