//! The fuzzer's inputs: mutations of the corpus programs and programs generated from a small
//! grammar of what the engine runs (expressions, statements, classes with dunders that raise,
//! generators, coroutines, asyncio's toolbox, the network shims). Everything is drawn from a
//! seeded generator, so input `n` of a run is the same program on every machine.

use std::fmt::Write;

/// SplitMix64: small, fast, and good enough to pick programs.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True with probability `1/n`.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    pub fn pick<'a, T: ?Sized>(&mut self, items: &[&'a T]) -> &'a T {
        items[self.below(items.len())]
    }
}

// ----- pieces programs are made of ---------------------------------------------------------

/// Numbers at the edges: zero, signs, the 64-bit bounds, huge counts, float extremes.
const NUMBERS: &[&str] = &[
    "0",
    "1",
    "-1",
    "2",
    "3",
    "7",
    "10",
    "-7",
    "255",
    "1000",
    "2**31",
    "2**62",
    "2**63",
    "2**63 - 1",
    "-2**63",
    "-(2**63)",
    "2**64",
    "10**9",
    "10**10",
    "10**12",
    "10**18",
    "10**19",
    "-10**9",
    "0.0",
    "-0.0",
    "0.5",
    "1.5",
    "-2.5",
    "1e308",
    "-1e308",
    "1e-320",
    "5e-324",
    "1.7976931348623157e308",
    "float('nan')",
    "float('inf')",
    "-float('inf')",
    "float('-nan')",
    "True",
    "False",
    "0x7fffffffffffffff",
    "0o777",
    "0b1011",
    "1_000_000",
    "9223372036854775807",
];

/// Rare literals: ints past `i64` (big ints, costlier than the rest) and complex numbers (which
/// the engine refuses at compile time: common, they would make most programs syntax errors).
const REFUSED: &[&str] =
    &["9223372036854775808", "-9223372036854775808", "123456789012345678901234567890", "1j", "2.5j"];

const STRINGS: &[&str] = &[
    "''",
    "'a'",
    "'abc'",
    "'hello world'",
    "'  padded  '",
    "'a,b,,c'",
    "('x' * 3)",
    "'\\n\\t\\r'",
    "'\\x00'",
    "'\\u00e9t\\u00e9'",
    "'日本語'",
    "'😀👍'",
    "'ß'",
    "'İ'",
    "'{}'",
    "'{0}{1}'",
    "'{x}'",
    "'{:>10}'",
    "'{!r:^20}'",
    "'{{}}'",
    "'{'",
    "'}'",
    "'%s'",
    "'%d %s'",
    "'%(a)s'",
    "'%'",
    "'%%'",
    "'%*d'",
    "'%.*f'",
    "'%c'",
    "'%x %o %e %g'",
    "'12'",
    "'-3'",
    "' 42 '",
    "'1e5'",
    "'nan'",
    "'inf'",
    "'0x10'",
    "'1_0'",
    "'١٢٣'",
    "'True'",
    "'\"quoted\"'",
    "\"it's\"",
    "r'\\d+'",
    "b'bytes'",
    "b''",
    "b'\\xff\\x00'",
    "'[1, 2, {\"a\": null}]'",
    "'{\"a\": [1, 2.5, true, \"x\"]}'",
    "'[[[[[[]]]]]]'",
    "'{\"a\": NaN}'",
    "'[1,]'",
    "'\"\\\\ud800\"'",
    "'http://example.com/item/1'",
    "'http://example.com/delay/0.5'",
    "'http://example.com/status/500'",
    "'http://nowhere.invalid/'",
    "'https://api.anthropic.com/v1/messages'",
    "'ftp://x'",
    "'http://example.com/item/-1'",
];

/// Format specs for f-strings and `format()`, the odd ones included.
const SPECS: &[&str] = &[
    "",
    ">10",
    "<5",
    "^9",
    "=+8",
    "08.3f",
    ",.2f",
    "_",
    ",d",
    "#x",
    "#o",
    "#b",
    "X",
    "e",
    ".3e",
    "g",
    ".0%",
    "%",
    "n",
    "c",
    "s",
    "r",
    ".2",
    ".100f",
    ".1000f",
    "0>1000000000",
    ">1000000000",
    "1000000000",
    ".1000000000f",
    "*^30",
    "x<4",
    "+",
    " ",
    "-",
    "z.1f",
    ",_",
    "=",
    "0",
    "010",
    "#",
    ".",
    "10.5s",
    ">{w}",
    "{w}.{p}f",
    ">-1",
    "99999999999999999999",
];

const NAMES: &[&str] = &["a", "b", "c", "x", "y", "s", "l", "d", "t", "n", "k", "v", "obj", "it", "res"];

const EXCEPTIONS: &[&str] = &[
    "Exception",
    "ValueError",
    "TypeError",
    "KeyError",
    "IndexError",
    "RuntimeError",
    "ZeroDivisionError",
    "StopIteration",
    "StopAsyncIteration",
    "RecursionError",
    "MemoryError",
    "OverflowError",
    "AttributeError",
    "NameError",
    "AssertionError",
    "LookupError",
    "ArithmeticError",
    "BaseException",
    "SystemExit",
    "KeyboardInterrupt",
    "GeneratorExit",
    "asyncio.CancelledError",
    "asyncio.TimeoutError",
    "TimeoutError",
    "OSError",
    "ConnectionError",
    "NotImplementedError",
    "UnicodeError",
    "E1",
    "E2",
];

/// Classes every generated program defines: their dunders misbehave in the ways a beginner's
/// (or a fuzzer's) do. Which body each dunder gets is drawn per program.
const CLASS_BODIES: &[&str] = &[
    "raise ValueError('dunder')",
    "return NotImplemented",
    "return 1",
    "return -1",
    "return 0",
    "return 'text'",
    "return None",
    "return self",
    "return 2**63",
    "return 10**18",
    "return float('nan')",
    "return self.v",
    "return K(self.v + 1)",
    "return repr(self)",
    "return str(self)",
    "return hash(self)",
    "return self == other",
    "return self < other",
    "return len(self)",
    "return [self]",
    "raise StopIteration",
    "raise KeyboardInterrupt",
    "raise SystemExit(3)",
    "raise RecursionError('mine')",
    "raise asyncio.CancelledError()",
    "raise E1('in dunder')",
    "yield 1",
    "return iter([1, 2])",
    "return (x for x in range(3))",
    "del self.v",
    "self.v = self",
    "return True",
];

const DUNDERS: &[(&str, &str)] = &[
    ("__eq__", "self, other"),
    ("__ne__", "self, other"),
    ("__lt__", "self, other"),
    ("__le__", "self, other"),
    ("__gt__", "self, other"),
    ("__hash__", "self"),
    ("__repr__", "self"),
    ("__str__", "self"),
    ("__format__", "self, spec"),
    ("__len__", "self"),
    ("__bool__", "self"),
    ("__iter__", "self"),
    ("__next__", "self"),
    ("__getitem__", "self, i"),
    ("__setitem__", "self, i, v"),
    ("__delitem__", "self, i"),
    ("__contains__", "self, item"),
    ("__call__", "self, *args, **kw"),
    ("__add__", "self, other"),
    ("__radd__", "self, other"),
    ("__mul__", "self, other"),
    ("__iadd__", "self, other"),
    ("__neg__", "self"),
    ("__index__", "self"),
    ("__int__", "self"),
    ("__float__", "self"),
    ("__enter__", "self"),
    ("__exit__", "self, *exc"),
    ("__del__", "self"),
    ("__getattr__", "self, name"),
    ("__await__", "self"),
    ("__aiter__", "self"),
];

const ASYNC_DUNDERS: &[(&str, &str)] = &[("__aenter__", "self"), ("__aexit__", "self, *exc"), ("__anext__", "self")];

// ----- the generator ----------------------------------------------------------------------

/// A program generator: each call of [`Gen::program`] writes one program.
pub struct Gen<'r> {
    pub rng: &'r mut Rng,
    out: String,
    indent: usize,
    /// Inside an `async def` (so `await`, `async for` and `async with` are allowed).
    in_async: bool,
    /// Inside a function (so `return`, `yield`, `nonlocal` are allowed).
    in_func: bool,
    in_loop: bool,
    /// Statements still allowed (keeps programs small).
    budget: usize,
}

impl<'r> Gen<'r> {
    pub fn new(rng: &'r mut Rng) -> Gen<'r> {
        Gen { rng, out: String::new(), indent: 0, in_async: false, in_func: false, in_loop: false, budget: 0 }
    }

    fn line(&mut self, text: &str) {
        for _ in 0..self.indent {
            self.out.push_str("    ");
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn name(&mut self) -> &'static str {
        self.rng.pick(NAMES)
    }

    fn number(&mut self) -> String {
        if self.rng.one_in(4) {
            return format!("{}", self.rng.below(20));
        }
        if self.rng.one_in(500) {
            return self.rng.pick(REFUSED).to_string();
        }
        self.rng.pick(NUMBERS).to_string()
    }

    fn small(&mut self) -> String {
        match self.rng.below(6) {
            0 => "-1".into(),
            1 => "0".into(),
            _ => format!("{}", self.rng.below(8)),
        }
    }

    fn string(&mut self) -> String {
        self.rng.pick(STRINGS).to_string()
    }

    fn spec(&mut self) -> String {
        let s = self.rng.pick(SPECS);
        s.replace("{w}", "{n}").replace("{p}", "{k}")
    }

    /// An expression at most `depth` deep.
    pub fn expr(&mut self, depth: usize) -> String {
        if depth == 0 {
            return self.atom();
        }
        let d = depth - 1;
        match self.rng.below(40) {
            0..=5 => self.atom(),
            6 => format!("({} {} {})", self.expr(d), self.binop(), self.expr(d)),
            7 => format!("({} {} {})", self.expr(d), self.cmpop(), self.expr(d)),
            8 => format!("({} {})", self.rng.pick(&["-", "+", "~", "not "]), self.expr(d)),
            9 => format!("[{}]", self.list_items(d)),
            10 => {
                let items = self.list_items(d);
                if items.is_empty() {
                    "()".to_string()
                } else {
                    format!("({items},)")
                }
            }
            11 => format!("{{{}}}", self.dict_items(d)),
            12 => format!("{{{}, {}}}", self.expr(d), self.expr(d)),
            13 => self.builtin_call(d),
            14 | 15 => self.method_call(d),
            16 => self.fstring(d),
            17 => format!("({} % {})", self.string(), self.percent_args(d)),
            18 => self.comprehension(d),
            19 => format!("({})[{}]", self.expr(d), self.index(d)),
            20 => format!("({} if {} else {})", self.expr(d), self.expr(d), self.expr(d)),
            21 => format!("(lambda {}: {})({})", self.name(), self.expr(d), self.expr(d)),
            22 => self.module_call(d),
            23 => format!("K({})", self.expr(d)),
            24 => format!("{}({})", self.rng.pick(&["f", "g", "rec", "gen", "agen_list", "mutual_a"]), self.expr(d)),
            25 => format!("({} and {})", self.expr(d), self.expr(d)),
            26 => format!("({} or {})", self.expr(d), self.expr(d)),
            27 => format!("({} := {})", self.name(), self.expr(d)),
            28 => format!(
                "({}).{}",
                self.expr(d),
                self.rng.pick(&["v", "real", "imag", "args", "__class__", "x", "__name__", "__dict__"])
            ),
            29 => format!("[{}] * {}", self.expr(d), self.number()),
            30 => format!("{} * {}", self.string(), self.number()),
            31 => format!(
                "({})[{}:{}:{}]",
                self.expr(d),
                self.small(),
                self.number(),
                self.rng.pick(&["1", "-1", "2", "-3", "0", "None", "10**18", "-2**63"])
            ),
            32 => format!("({} {} {} {} {})", self.expr(d), self.cmpop(), self.expr(d), self.cmpop(), self.expr(d)),
            33 => {
                format!("{}(*{})", self.rng.pick(&["print", "max", "min", "zip", "f", "K", "str.join"]), self.expr(d))
            }
            34 => format!("dict(**{})", self.expr(d)),
            35 => format!("[*{}, *{}]", self.expr(d), self.expr(d)),
            _ => self.atom(),
        }
    }

    fn atom(&mut self) -> String {
        match self.rng.below(12) {
            0..=2 => self.number(),
            3..=4 => self.string(),
            5..=7 => self.name().to_string(),
            8 => self
                .rng
                .pick(&["None", "True", "False", "[]", "{}", "()", "set()", "...", "NotImplemented"])
                .to_string(),
            9 => self
                .rng
                .pick(&["K()", "K(1)", "kk", "E1('e')", "E2", "Ctx()", "Bad()", "gen(3)", "range(10)"])
                .to_string(),
            10 => self.rng.pick(&["nested", "cyc", "deep_list", "wide", "ex_chain", "self_list"]).to_string(),
            _ => format!("{}", self.rng.below(100)),
        }
    }

    fn binop(&mut self) -> &'static str {
        self.rng.pick(&["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"])
    }

    fn cmpop(&mut self) -> &'static str {
        self.rng.pick(&["==", "!=", "<", "<=", ">", ">=", "is", "is not", "in", "not in"])
    }

    fn list_items(&mut self, d: usize) -> String {
        let n = self.rng.below(4);
        let items: Vec<String> = (0..n).map(|_| self.expr(d)).collect();
        items.join(", ")
    }

    fn dict_items(&mut self, d: usize) -> String {
        let n = self.rng.below(4);
        let items: Vec<String> = (0..n)
            .map(|_| {
                if self.rng.one_in(6) {
                    format!("**{}", self.expr(d))
                } else {
                    format!("{}: {}", self.expr(d), self.expr(d))
                }
            })
            .collect();
        items.join(", ")
    }

    fn index(&mut self, d: usize) -> String {
        match self.rng.below(5) {
            0 => self.number(),
            1 => format!("{}:{}", self.small(), self.small()),
            2 => format!("::{}", self.rng.pick(&["-1", "2", "0", "-2**63", "2**63", "10**18"])),
            3 => format!("{}:{}:{}", self.number(), self.number(), self.number()),
            _ => self.expr(d),
        }
    }

    fn percent_args(&mut self, d: usize) -> String {
        match self.rng.below(4) {
            0 => self.expr(d),
            1 => format!("({}, {})", self.expr(d), self.expr(d)),
            2 => format!("{{'a': {}}}", self.expr(d)),
            _ => format!("({},)", self.number()),
        }
    }

    fn fstring(&mut self, d: usize) -> String {
        let conv = self.rng.pick(&["", "", "", "!r", "!s", "!a"]);
        let spec = self.spec();
        let colon = if spec.is_empty() { "" } else { ":" };
        // Spaces inside the braces: an expression starting with `{` must not read as `{{`.
        let e = self.expr(d);
        let mut s = format!("f\"<{{ {e}{conv}{colon}{spec}}}>");
        if self.rng.one_in(3) {
            let e2 = self.expr(d);
            let _ = write!(s, "{{ {e2}=}}");
        }
        s.push('"');
        s
    }

    fn comprehension(&mut self, d: usize) -> String {
        let v = self.name();
        let src = self.expr(d);
        let body = self.expr(d);
        let cond = if self.rng.one_in(3) { format!(" if {}", self.expr(d)) } else { String::new() };
        match self.rng.below(5) {
            0 => format!("[{body} for {v} in {src}{cond}]"),
            1 => format!("{{{body} for {v} in {src}{cond}}}"),
            2 => format!("{{{v}: {body} for {v} in {src}{cond}}}"),
            3 => format!("list({body} for {v} in {src}{cond})"),
            _ => format!("[{body} for {v} in {src} for {w} in {v}{cond}]", w = self.name()),
        }
    }

    fn builtin_call(&mut self, d: usize) -> String {
        let f = self.rng.pick(&[
            "len",
            "str",
            "repr",
            "int",
            "float",
            "bool",
            "list",
            "tuple",
            "dict",
            "set",
            "frozenset",
            "sorted",
            "reversed",
            "min",
            "max",
            "sum",
            "abs",
            "round",
            "divmod",
            "pow",
            "chr",
            "ord",
            "hex",
            "bin",
            "oct",
            "hash",
            "isinstance",
            "issubclass",
            "range",
            "enumerate",
            "zip",
            "map",
            "filter",
            "iter",
            "next",
            "any",
            "all",
            "format",
            "type",
            "getattr",
            "hasattr",
            "setattr",
            "callable",
            "ascii",
            "print",
            "id",
            "vars",
            "dir",
            "super",
            "object",
            "slice",
            "delattr",
            "bytes",
            "input",
            "open",
        ]);
        let n = self.rng.below(4);
        let mut args: Vec<String> = (0..n).map(|_| self.expr(d)).collect();
        match (f, self.rng.below(6)) {
            ("sorted" | "min" | "max", 0) => args.push(format!(
                "key={}",
                self.rng.pick(&[
                    "len",
                    "str",
                    "abs",
                    "lambda q: -q",
                    "lambda q: q.v",
                    "K",
                    "rec",
                    "lambda q: sorted([q], key=lambda r: r)"
                ])
            )),
            ("sorted", 1) => args.push("reverse=True".into()),
            ("min" | "max", 1) => args.push(format!("default={}", self.expr(d))),
            ("print", 1) => args.push(format!("sep={}", self.string())),
            ("print", 2) => args.push(format!("end={}", self.string())),
            ("int", 1) => {
                args = vec![self.string(), self.rng.pick(&["0", "2", "16", "36", "37", "1", "-1"]).to_string()]
            }
            ("round", 1) => args = vec![self.number(), self.number()],
            ("pow", 1) => args = vec![self.number(), self.number(), self.number()],
            ("range", 1) => args = vec![self.number(), self.number(), self.number()],
            ("sum", 1) => args = vec![self.expr(d), self.expr(d)],
            _ => {}
        }
        format!("{f}({})", args.join(", "))
    }

    fn method_call(&mut self, d: usize) -> String {
        let (recv, methods): (String, &[&str]) = match self.rng.below(6) {
            0 | 1 => (
                self.string(),
                &[
                    "split",
                    "rsplit",
                    "join",
                    "replace",
                    "center",
                    "ljust",
                    "rjust",
                    "zfill",
                    "expandtabs",
                    "find",
                    "rfind",
                    "index",
                    "rindex",
                    "count",
                    "startswith",
                    "endswith",
                    "partition",
                    "rpartition",
                    "strip",
                    "lstrip",
                    "rstrip",
                    "encode",
                    "format",
                    "format_map",
                    "upper",
                    "lower",
                    "title",
                    "capitalize",
                    "swapcase",
                    "casefold",
                    "splitlines",
                    "isdigit",
                    "isnumeric",
                    "isidentifier",
                    "removeprefix",
                    "removesuffix",
                    "maketrans",
                    "translate",
                    "isspace",
                    "istitle",
                ],
            ),
            2 => (
                format!("[{}]", self.list_items(d)),
                &["append", "extend", "insert", "pop", "remove", "index", "count", "sort", "reverse", "copy", "clear"],
            ),
            3 => (
                format!("{{{}}}", self.dict_items(d)),
                &[
                    "get",
                    "setdefault",
                    "pop",
                    "popitem",
                    "update",
                    "keys",
                    "values",
                    "items",
                    "fromkeys",
                    "copy",
                    "clear",
                ],
            ),
            4 => (
                format!("({})", self.expr(d)),
                &[
                    "real",
                    "bit_length",
                    "hex",
                    "is_integer",
                    "count",
                    "index",
                    "copy",
                    "send",
                    "close",
                    "cancel",
                    "done",
                    "result",
                    "__repr__",
                    "__eq__",
                    "__hash__",
                    "__len__",
                    "__iter__",
                    "__next__",
                    "__format__",
                    "__enter__",
                    "__exit__",
                    "__del__",
                    "__call__",
                ],
            ),
            _ => (
                self.name().to_string(),
                &[
                    "add",
                    "discard",
                    "remove",
                    "union",
                    "intersection",
                    "difference",
                    "issubset",
                    "append",
                    "pop",
                    "split",
                    "join",
                    "get",
                    "items",
                    "bit_length",
                    "to_bytes",
                    "as_integer_ratio",
                    "is_integer",
                    "hex",
                    "conjugate",
                    "send",
                    "throw",
                    "close",
                    "cancel",
                    "result",
                    "done",
                    "set_result",
                ],
            ),
        };
        let m = self.rng.pick(methods);
        let n = self.rng.below(4);
        let mut args: Vec<String> = (0..n).map(|_| self.expr(d)).collect();
        if self.rng.one_in(4) {
            args = vec![self.number(), self.rng.pick(&["'*'", "''", "'ab'", "' '", "None"]).to_string()];
        }
        if m == "sort" && self.rng.one_in(2) {
            args = vec![format!("key={}", self.rng.pick(&["K", "len", "lambda q: q.v", "repr"]))];
        }
        format!("{recv}.{m}({})", args.join(", "))
    }

    fn module_call(&mut self, d: usize) -> String {
        let call = self.rng.pick(&[
            "math.sqrt",
            "math.log",
            "math.exp",
            "math.factorial",
            "math.comb",
            "math.perm",
            "math.gcd",
            "math.lcm",
            "math.floor",
            "math.ceil",
            "math.trunc",
            "math.isqrt",
            "math.pow",
            "math.fsum",
            "math.prod",
            "math.hypot",
            "math.copysign",
            "math.modf",
            "math.isclose",
            "math.sin",
            "math.atan",
            "math.degrees",
            "json.dumps",
            "json.loads",
            "random.randint",
            "random.choice",
            "random.random",
            "random.uniform",
            "random.shuffle",
            "random.sample",
            "random.seed",
            "random.randrange",
            "random.gauss",
            "random.choices",
            "random.getrandbits",
            "random.expovariate",
            "random.triangular",
            "random.betavariate",
            "time.time",
            "time.monotonic",
            "time.perf_counter",
            "time.sleep",
            "sys.getrecursionlimit",
            "sys.setrecursionlimit",
            "sys.exit",
            "functools.reduce",
            "functools.partial",
            "dataclasses.asdict",
            "asyncio.iscoroutine",
            "asyncio.sleep",
            "asyncio.create_task",
            "asyncio.gather",
            "asyncio.run",
            "asyncio.current_task",
            "asyncio.all_tasks",
            "asyncio.Queue",
            "asyncio.Semaphore",
            "asyncio.Event",
            "asyncio.Lock",
            "asyncio.Future",
            "asyncio.wait_for",
            "asyncio.shield",
            "asyncio.ensure_future",
            "asyncio.get_event_loop",
            "interleave.simulate",
        ]);
        let n = self.rng.below(4);
        let mut args: Vec<String> = (0..n).map(|_| self.expr(d)).collect();
        if call == "json.dumps" && self.rng.one_in(2) {
            args.push(
                self.rng
                    .pick(&[
                        "indent=2",
                        "indent=-1",
                        "indent='\\t'",
                        "sort_keys=True",
                        "allow_nan=False",
                        "separators=(',', ':')",
                        "default=str",
                        "ensure_ascii=False",
                        "indent=10**9",
                    ])
                    .to_string(),
            );
        }
        format!("{call}({})", args.join(", "))
    }

    // ----- statements ----------------------------------------------------------------------

    fn block(&mut self, header: &str, body: impl FnOnce(&mut Self)) {
        self.line(header);
        self.indent += 1;
        let before = self.out.len();
        body(self);
        if self.out.len() == before {
            self.line("pass");
        }
        self.indent -= 1;
    }

    /// Up to `n` statements at the current indentation.
    fn stmts(&mut self, n: usize, depth: usize) {
        for _ in 0..n {
            if self.budget == 0 {
                return;
            }
            self.budget -= 1;
            self.stmt(depth);
        }
    }

    fn stmt(&mut self, depth: usize) {
        let e = 2 + self.rng.below(2);
        let d = depth.saturating_sub(1);
        match self.rng.below(if depth == 0 { 8 } else { 30 }) {
            0 | 1 => {
                let x = self.expr(e);
                let n = self.name();
                self.line(&format!("{n} = {x}"));
            }
            2 => {
                let x = self.expr(e);
                self.line(&format!("print({x})"));
            }
            3 => {
                let (n, op, x) = (
                    self.name(),
                    self.rng.pick(&["+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", "|=", "&=", "^="]),
                    self.expr(e),
                );
                self.line(&format!("{n} {op} {x}"));
            }
            4 => {
                let x = self.expr(e);
                self.line(&x);
            }
            5 => {
                let (t, x) = (self.name(), self.expr(e));
                {
                    let text = format!("{t}[{}] = {x}", self.index(1));
                    self.line(&text);
                }
            }
            6 => {
                let x = self.expr(e);
                {
                    let text = format!("{}, *{} = {x}", self.name(), self.name());
                    self.line(&text);
                }
            }
            7 => {
                let x = self.expr(e);
                self.line(&format!("print(repr({x}), str({x})[:50])"));
            }
            8..=10 => {
                let x = self.expr(e);
                self.block("try:", |g| g.stmts(3, d));
                let exc = self.rng.pick(EXCEPTIONS);
                let clause = match self.rng.below(4) {
                    0 => "except:".to_string(),
                    1 => format!("except ({exc}, Exception) as err:"),
                    _ => format!("except {exc} as err:"),
                };
                self.block(&clause, |g| {
                    if g.rng.one_in(2) {
                        g.line("print(type(err).__name__, repr(err)[:80]) if 'err' in dir() else None");
                    }
                    g.stmts(1, d);
                    if g.rng.one_in(4) {
                        {
                            let text =
                                g.rng.pick(&["raise", "raise ValueError('again') from err", "raise E2 from None"]);
                            g.line(text);
                        }
                    }
                });
                if self.rng.one_in(2) {
                    self.block("else:", |g| g.stmts(1, d));
                }
                if self.rng.one_in(2) {
                    self.block("finally:", |g| {
                        g.line(&format!("print('finally', {x})"));
                        if g.in_func && g.rng.one_in(4) {
                            g.line("return 'from finally'");
                        }
                    });
                }
            }
            11 => {
                let x = self.expr(e);
                self.block(&format!("if {x}:"), |g| g.stmts(2, d));
                if self.rng.one_in(2) {
                    let y = self.expr(e);
                    self.block(&format!("elif {y}:"), |g| g.stmts(1, d));
                }
                if self.rng.one_in(2) {
                    self.block("else:", |g| g.stmts(1, d));
                }
            }
            12 | 13 => {
                let v = self.name();
                let src = if self.rng.one_in(2) { self.expr(e) } else { format!("range({})", self.number()) };
                let was = self.in_loop;
                self.in_loop = true;
                self.block(&format!("for {v} in {src}:"), |g| {
                    g.stmts(2, d);
                    if g.rng.one_in(3) {
                        let c = g.expr(1);
                        {
                            let text = format!("if {c}: {}", g.rng.pick(&["break", "continue"]));
                            g.line(&text);
                        }
                    }
                });
                self.in_loop = was;
                if self.rng.one_in(3) {
                    self.block("else:", |g| g.stmts(1, d));
                }
            }
            14 => {
                let was = self.in_loop;
                self.in_loop = true;
                let cond = if self.rng.one_in(3) {
                    "True".to_string()
                } else {
                    format!("{} < {}", self.name(), self.number())
                };
                self.block(&format!("while {cond}:"), |g| {
                    let n = g.name();
                    g.line(&format!("{n} = {n} + 1 if isinstance({n}, int) else 0"));
                    g.stmts(2, d);
                    if g.rng.one_in(2) {
                        let c = g.expr(1);
                        g.line(&format!("if {c}: break"));
                    }
                });
                self.in_loop = was;
            }
            15 => {
                let exc = self.rng.pick(EXCEPTIONS);
                let x = self.expr(1);
                self.line(&format!("raise {exc}({x})"));
            }
            16 => {
                let x = self.expr(e);
                let m = self.rng.pick(&[
                    "Ctx()",
                    "Bad()",
                    "K()",
                    "open('f')",
                    "Ctx(raise_on_exit=True)",
                    "Ctx(swallow=True)",
                ]);
                let header = format!("with {m} as {}:", self.name());
                self.block(&header, |g| {
                    g.line(&format!("print({x})"));
                    g.stmts(1, d);
                });
            }
            17 => {
                let n = self.name();
                self.line(&format!("del {n}"));
            }
            18 => {
                let x = self.expr(e);
                {
                    let text = format!("assert {x}, {}", self.expr(1));
                    self.line(&text);
                }
            }
            19 if self.in_loop => {
                let text = self.rng.pick(&["break", "continue"]);
                self.line(text);
            }
            20 if self.in_func => {
                let x = self.expr(e);
                self.line(&format!("return {x}"));
            }
            21 if self.in_async => self.await_stmt(d),
            22 if self.in_async => self.await_stmt(d),
            23 => self.def_stmt(d),
            24 => {
                let x = self.expr(e);
                {
                    let text = format!("print(f'{{ {x}!r:>{}}}')", self.rng.below(30));
                    self.line(&text);
                }
            }
            25 => {
                let x = self.expr(e);
                {
                    let text = format!("s = '%s %r %d %5.2f' % ({x}, {x}, {}, {})", self.number(), self.number());
                    self.line(&text);
                }
            }
            26 => {
                let x = self.expr(e);
                self.line(&format!("print(json.dumps({x}), json.loads(json.dumps({x})))"));
            }
            27 => {
                let x = self.expr(e);
                {
                    let text = format!(
                        "print(sorted({x}, key={}))",
                        self.rng.pick(&["repr", "str", "lambda q: (type(q).__name__, repr(q))", "K", "hash"])
                    );
                    self.line(&text);
                }
            }
            28 if self.in_func && !self.in_async => {
                let x = self.expr(e);
                self.line(&format!("yield {x}"));
            }
            _ => {
                let x = self.expr(e);
                {
                    let text = format!("{} = {x}", self.name());
                    self.line(&text);
                }
            }
        }
    }

    fn def_stmt(&mut self, d: usize) {
        let name = self.rng.pick(&["h", "h2", "helper", "f"]);
        let kind = self.rng.below(3);
        let header = match kind {
            0 => format!("def {name}(a=None, *args, b={}, **kw):", self.number()),
            1 => format!("async def {name}(a=None):"),
            _ => format!("def {name}(x, y={}):", self.expr(1)),
        };
        let (was_async, was_func, was_loop) = (self.in_async, self.in_func, self.in_loop);
        self.in_async = kind == 1;
        self.in_func = true;
        self.in_loop = false;
        self.block(&header, |g| {
            if g.rng.one_in(3) {
                g.line("nonlocal_dummy = 0");
            }
            g.stmts(3, d);
        });
        self.in_async = was_async;
        self.in_func = was_func;
        self.in_loop = was_loop;
        let call = if kind == 1 { format!("asyncio.run({name}())") } else { format!("{name}({})", self.expr(1)) };
        if !self.in_async && self.rng.one_in(2) {
            self.line(
                &format!("try: print({call})\nexcept BaseException as err: print('err', type(err).__name__)")
                    .replace('\n', &format!("\n{}", "    ".repeat(self.indent))),
            );
        }
    }

    fn await_stmt(&mut self, d: usize) {
        let t = self.rng.pick(&[
            "0",
            "0.01",
            "-1",
            "1e308",
            "10**9",
            "float('nan')",
            "float('inf')",
            "None",
            "'x'",
            "2**63",
            "0.5",
        ]);
        let n = self.name();
        let line = match self.rng.below(26) {
            0 => format!("await asyncio.sleep({t})"),
            1 => format!("{n} = await asyncio.gather(work(1), work(2), boom(), return_exceptions={})", self.rng.pick(&["True", "False"])),
            2 => format!("{n} = asyncio.create_task(work({}))", self.small()),
            3 => format!("{n} = await asyncio.wait_for(work({}), timeout={t})", self.small()),
            4 => format!("{n}.cancel()"),
            5 => format!("{n} = await {n}"),
            6 => format!("{n} = await asyncio.gather(*[work(i) for i in range({})])", self.number()),
            7 => format!("q = asyncio.Queue({}); q.put_nowait({}); {n} = await q.get()", self.small(), self.expr(1)),
            8 => format!("{n} = await asyncio.wait_for(q.get(), {t})"),
            9 => format!("sem = asyncio.Semaphore({}); {n} = await asyncio.gather(*(guarded(sem, i) for i in range(5)))", self.small()),
            10 => format!("{n} = await asyncio.wait([asyncio.create_task(work(i)) for i in range(3)], timeout={t}, return_when={})", self.rng.pick(&["asyncio.FIRST_COMPLETED", "asyncio.ALL_COMPLETED", "asyncio.FIRST_EXCEPTION", "'bogus'"])),
            11 => format!("{n} = await asyncio.shield(work({}))", self.small()),
            12 => format!("{n} = [await c for c in asyncio.as_completed([work(3), work(1)], timeout={t})]"),
            13 => format!("{n} = await asyncio.to_thread(f, {})", self.expr(1)),
            14 => format!("{n} = await asyncio.get_running_loop().run_in_executor(None, f, {})", self.expr(1)),
            15 => format!("ev = asyncio.Event(); asyncio.get_running_loop().call_later({t}, ev.set); await asyncio.wait_for(ev.wait(), 1)"),
            16 => format!("{n} = asyncio.current_task(); print({n}.get_name(), len(asyncio.all_tasks()))"),
            17 => format!("fut = asyncio.get_running_loop().create_future(); fut.set_result({}); {n} = await fut", self.expr(1)),
            18 => format!("{n} = await {}", self.expr(2)),
            19 if self.rng.one_in(20) => format!("{n} = [x async for x in agen({})]", self.number()),
            19 => format!("{n} = [x for x in range({})]", self.number()),
            20 => format!("{n} = await aiohttp_get({})", self.string()),
            21 => format!("{n} = await httpx_get({})", self.string()),
            22 => format!("{n} = await claude({})", self.expr(1)),
            23 => format!("{n} = await asyncio.gather({n}, return_exceptions=True)"),
            24 => format!("asyncio.get_running_loop().call_soon(print, {})", self.expr(1)),
            _ => format!("{n} = await work({})", self.expr(1)),
        };
        match self.rng.below(6) {
            0 => self.block("async with asyncio.TaskGroup() as tg:", |g| {
                {
                    let text = format!("tg.create_task(work({}))", g.small());
                    g.line(&text);
                }
                {
                    let text =
                        format!("tg.create_task({})", g.rng.pick(&["boom()", "work(2)", "forever()", "work(-1)"]));
                    g.line(&text);
                }
                g.line(&line);
            }),
            1 => {
                let tmo = self.rng.pick(&["0", "0.05", "-1", "None", "1e308", "float('nan')"]);
                self.block(&format!("async with asyncio.timeout({tmo}):"), |g| g.line(&line));
            }
            2 => self.block("async with ACtx() as actx:", |g| g.line(&line)),
            3 => {
                self.block("async for item in agen(3):", |g| {
                    g.line(&line);
                    g.stmts(1, d);
                });
            }
            _ => self.line(&line),
        }
    }

    /// The definitions every generated program starts from, with misbehaving dunders.
    fn prelude(&mut self) {
        self.out.push_str(
            "import asyncio, json, math, random, sys, time, functools, dataclasses, interleave\n\
             class E1(Exception): pass\n\
             class E2(E1):\n    def __str__(self):\n        raise ValueError('str of E2')\n",
        );
        let mut class = String::from("class K:\n    def __init__(self, v=0):\n        self.v = v\n");
        let n = 2 + self.rng.below(5);
        for _ in 0..n {
            let (name, params) = DUNDERS[self.rng.below(DUNDERS.len())];
            let body = self.rng.pick(CLASS_BODIES);
            let _ = write!(class, "    def {name}({params}):\n        {body}\n");
        }
        if self.rng.one_in(3) {
            let (name, params) = ASYNC_DUNDERS[self.rng.below(ASYNC_DUNDERS.len())];
            let body = self.rng.pick(CLASS_BODIES);
            let _ = write!(class, "    async def {name}({params}):\n        {body}\n");
        }
        self.out.push_str(&class);
        let rec_body = self.rng.pick(&[
            "return rec(n + 1)",
            "return rec(n - 1) + 1 if n > 0 else 0",
            "return [rec(n + 1)]",
            "return sorted([n], key=rec)",
            "return K(n) == K(n + 1)",
            "return repr(K(rec(n + 1)))",
            "return mutual_a(n)",
            "return list(gen(n + 1))",
        ]);
        let gen_body = self.rng.pick(&[
            "yield from range(n)",
            "yield n\n    yield from gen(n - 1)",
            "for i in range(n):\n        yield i\n    return 'done'",
            "while True:\n        x = yield n\n        n += 1",
            "try:\n        yield 1\n    finally:\n        print('gen closed')",
            "try:\n        yield 1\n    except GeneratorExit:\n        yield 2",
            "yield gen(n)",
        ]);
        let _ = write!(
            self.out,
            "def f(x=0, *a, **k):\n    return x\n\
             def g(x=0):\n    return f(x) if x else g\n\
             def rec(n=0):\n    {rec_body}\n\
             def mutual_a(n=0):\n    return mutual_b(n + 1)\n\
             def mutual_b(n=0):\n    return mutual_a(n + 1)\n\
             def gen(n=3):\n    {gen_body}\n\
             async def agen(n=3):\n    for i in range(n if isinstance(n, int) else 3):\n        yield i\n        await asyncio.sleep(0)\n\
             def agen_list(n=2):\n    return agen(n)\n\
             async def work(n=0):\n    await asyncio.sleep(n if isinstance(n, (int, float)) else 0)\n    return n\n\
             async def boom():\n    await asyncio.sleep(0)\n    raise E1('boom')\n\
             async def forever():\n    while True:\n        await asyncio.sleep({})\n\
             async def guarded(sem, i):\n    async with sem:\n        await asyncio.sleep(0.01)\n        return i\n\
             async def aiohttp_get(url):\n    import aiohttp\n    async with aiohttp.ClientSession() as s:\n        async with s.get(url, timeout=aiohttp.ClientTimeout(total={})) as r:\n            return r.status, (await r.text())[:40]\n\
             async def httpx_get(url):\n    import httpx\n    async with httpx.AsyncClient() as c:\n        r = await c.get(url)\n        return r.status_code, r.json() if r.status_code == 200 else r.text[:20]\n\
             async def claude(text):\n    import anthropic\n    m = await anthropic.AsyncAnthropic().messages.create(model='claude-haiku-4-5', max_tokens={}, messages=[{{'role': 'user', 'content': text}}])\n    return m.content[0].text[:30]\n\
             class Ctx:\n    def __init__(self, raise_on_exit=False, swallow=False):\n        self.r, self.s = raise_on_exit, swallow\n    def __enter__(self):\n        return self\n    def __exit__(self, *exc):\n        if self.r:\n            raise E1('exit')\n        return self.s\n\
             class ACtx:\n    async def __aenter__(self):\n        await asyncio.sleep(0)\n        return self\n    async def __aexit__(self, *exc):\n        await asyncio.sleep(0)\n        return {}\n\
             class Bad:\n    def __enter__(self):\n        raise E1('enter')\n    def __exit__(self, *exc):\n        return False\n",
            self.rng.pick(&["0", "0.5", "1e308", "10**9"]),
            self.rng.pick(&["1", "0.001", "None", "-1", "1e308"]),
            self.rng.pick(&["1", "16", "0", "-5", "10**9", "'x'"]),
            self.rng.pick(&["False", "True", "1", "None"]),
        );
        let _ = write!(
            self.out,
            "a, b, c, x, y, n, k, v = 1, 2.5, 'c', [1, 2, 3], (4, 5), 3, 'k', None\n\
             s, l, d, t, obj, it, res = 'text', [3, 1, 2], {{'a': 1, 'b': [2]}}, (1, (2, 3)), K(), iter([1, 2]), None\n\
             kk = K(7)\n\
             nested = [[1, [2, [3, [4]]]], {{'k': (5, {{6}})}}]\n\
             cyc = [1]\ncyc.append(cyc)\n\
             self_list = {{}}\nself_list['me'] = self_list\n\
             deep_list = []\nfor _ in range({}):\n    deep_list = [deep_list]\n\
             wide = list(range({}))\n\
             try:\n    raise E1('first')\nexcept E1 as first:\n    try:\n        raise ValueError('second')\n    except ValueError as second:\n        ex_chain = second\n",
            self.rng.pick(&["3", "30", "300"]),
            self.rng.pick(&["5", "100", "1000"]),
        );
    }

    /// A small program: one class with misbehaving dunders, the names expressions use, and a
    /// few statements (a tenth of a whole program's cost, so most inputs can be these).
    pub fn snippet(mut self) -> String {
        self.out.push_str("import asyncio, json, math, random\nclass E1(Exception): pass\nclass E2(E1): pass\n");
        let mut class = String::from("class K:\n    def __init__(self, v=0):\n        self.v = v\n");
        for _ in 0..1 + self.rng.below(3) {
            let (name, params) = DUNDERS[self.rng.below(DUNDERS.len())];
            let body = self.rng.pick(CLASS_BODIES);
            let _ = write!(class, "    def {name}({params}):\n        {body}\n");
        }
        self.out.push_str(&class);
        self.out.push_str(
            "def f(x=0, *a, **k):\n    return x\n\
             def rec(n=0):\n    return rec(n + 1)\n\
             def gen(n=3):\n    yield from range(n if isinstance(n, int) else 3)\n\
             a, b, c, x, y, n, k, v = 1, 2.5, 'c', [1, 2, 3], (4, 5), 3, 'k', None\n\
             s, l, d, t, obj, kk = 'text', [3, 1, 2], {'a': 1, 'b': [2]}, (1, (2, 3)), K(), K(7)\n",
        );
        self.budget = 2 + self.rng.below(5);
        for _ in 0..2 {
            self.block("try:", |g| g.stmts(3, 1));
            self.line("except BaseException as err:\n    print('caught', type(err).__name__)");
        }
        self.out
    }

    /// One whole program.
    pub fn program(mut self) -> String {
        self.prelude();
        self.budget = 6 + self.rng.below(20);
        let top = self.rng.below(5) + 1;
        for _ in 0..top {
            // Each top-level statement on its own, so one error does not end the program.
            if self.rng.one_in(3) {
                self.stmts(1, 2);
                continue;
            }
            self.block("try:", |g| g.stmts(2, 2));
            self.line("except BaseException as err:\n    print('caught', type(err).__name__)");
        }
        self.in_async = true;
        self.in_func = true;
        self.budget = 4 + self.rng.below(12);
        self.block("async def main():", |g| g.stmts(6, 2));
        self.in_async = false;
        self.in_func = false;
        match self.rng.below(5) {
            0 => self.line("main()"),
            1 => self.line("asyncio.run(main())\nasyncio.run(main())"),
            _ => self.line("asyncio.run(main())"),
        }
        self.out
    }
}

// ----- mutations of the corpus -------------------------------------------------------------

/// Splits source into rough tokens: words, numbers, strings, single punctuation, whitespace.
fn tokens(src: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = src.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let c = bytes[i];
        if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 {
            while i < bytes.len()
                && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] >= 0x80 || bytes[i] == b'.')
            {
                i += 1;
            }
        } else if c == b' ' {
            while i < bytes.len() && bytes[i] == b' ' {
                i += 1;
            }
        } else {
            i += 1;
        }
        // Stay on character boundaries.
        while i < bytes.len() && !src.is_char_boundary(i) {
            i += 1;
        }
        out.push(&src[start..i]);
    }
    out
}

/// Tokens a mutation may put anywhere.
const INSERTS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ".",
    "=",
    "==",
    "*",
    "**",
    "-",
    "not ",
    " await ",
    "yield ",
    "lambda: ",
    "async ",
    " if ",
    " else ",
    " for ",
    " in ",
    "return ",
    "raise ",
    "del ",
    "global x\n",
    "nonlocal x\n",
    "\n",
    "\n    ",
    "\t",
    "\\",
    "'",
    "\"",
    "f'",
    "#",
    ";",
    "@",
    "->",
    "...",
    "None",
    "self",
    "cls",
    "super()",
    "__class__",
    "print",
    "asyncio.sleep(0)",
    "await asyncio.sleep(0)",
    "asyncio.gather()",
    "while True: pass\n",
    "break",
    "continue",
    "pass",
    "*args",
    "**kw",
    "x",
    "[0] * 10**9",
    "'a' * 10**10",
    "range(10**12)",
    "list(range(10**12))",
];

pub fn mutate(rng: &mut Rng, corpus: &[String]) -> String {
    let base = &corpus[rng.below(corpus.len())];
    let rounds = 1 + rng.below(4);
    let mut src = base.clone();
    for _ in 0..rounds {
        src = match rng.below(14) {
            0..=5 => mutate_lines(rng, &src, corpus),
            6..=10 => mutate_tokens(rng, &src),
            11 => {
                let other = rng.below(corpus.len());
                splice(rng, &src, &corpus[other])
            }
            12 => nest(rng, &src),
            _ => edge_numbers(rng, &src),
        };
    }
    src
}

fn mutate_lines(rng: &mut Rng, src: &str, corpus: &[String]) -> String {
    let mut lines: Vec<String> = src.lines().map(str::to_string).collect();
    if lines.is_empty() {
        return src.to_string();
    }
    let i = rng.below(lines.len());
    match rng.below(7) {
        0 => {
            lines.remove(i);
        }
        1 => {
            let l = lines[i].clone();
            let times = if rng.one_in(8) { 50 } else { 1 };
            for _ in 0..times {
                lines.insert(i, l.clone());
            }
        }
        2 => {
            let j = rng.below(lines.len());
            lines.swap(i, j);
        }
        3 => {
            // A line of another program, at this line's indentation.
            let other = &corpus[rng.below(corpus.len())];
            let ol: Vec<&str> = other.lines().collect();
            if !ol.is_empty() {
                let indent: String = lines[i].chars().take_while(|c| *c == ' ').collect();
                lines.insert(i, format!("{indent}{}", ol[rng.below(ol.len())].trim_start()));
            }
        }
        4 => {
            let j = rng.below(lines.len());
            let (a, b) = (i.min(j), i.max(j));
            let block: Vec<String> = lines[a..=b].to_vec();
            lines.splice(b + 1..b + 1, block);
        }
        5 => {
            // Indent or dedent a line.
            if rng.one_in(2) {
                lines[i] = format!("    {}", lines[i]);
            } else if let Some(rest) = lines[i].strip_prefix("    ") {
                lines[i] = rest.to_string();
            }
        }
        _ => {
            // Wrap a line into a loop or a try.
            let indent: String = lines[i].chars().take_while(|c| *c == ' ').collect();
            let header = rng.pick(&[
                "for _i in range(3):",
                "while True:",
                "try:",
                "if True:",
                "with open('x') as fh:",
                "async with asyncio.timeout(0):",
            ]);
            let body = format!("{indent}    {}", lines[i].trim_start());
            lines[i] = format!("{indent}{header}\n{body}");
            if header == "try:" {
                lines[i].push_str(&format!("\n{indent}except Exception:\n{indent}    pass"));
            }
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

fn mutate_tokens(rng: &mut Rng, src: &str) -> String {
    let mut toks = tokens(src);
    if toks.is_empty() {
        return src.to_string();
    }
    let i = rng.below(toks.len());
    match rng.below(5) {
        0 => {
            toks.remove(i);
        }
        1 => {
            let t = toks[i];
            toks.insert(i, t);
        }
        2 => {
            let j = rng.below(toks.len());
            toks.swap(i, j);
        }
        3 => {
            let j = rng.below(toks.len());
            toks[i] = toks[j];
        }
        _ => {
            toks.insert(i, rng.pick(INSERTS));
        }
    }
    toks.concat()
}

fn splice(rng: &mut Rng, a: &str, b: &str) -> String {
    let al: Vec<&str> = a.lines().collect();
    let bl: Vec<&str> = b.lines().collect();
    let cut_a = rng.below(al.len() + 1);
    let cut_b = rng.below(bl.len() + 1);
    let mut out = al[..cut_a].join("\n");
    out.push('\n');
    out.push_str(&bl[cut_b..].join("\n"));
    out.push('\n');
    out
}

/// Wraps a number or a name in many brackets (within the parser's limit most of the time).
fn nest(rng: &mut Rng, src: &str) -> String {
    let toks = tokens(src);
    let candidates: Vec<usize> =
        (0..toks.len()).filter(|&i| toks[i].chars().next().is_some_and(|c| c.is_ascii_alphanumeric())).collect();
    if candidates.is_empty() {
        return src.to_string();
    }
    let i = candidates[rng.below(candidates.len())];
    let depth = *rng.pick(&[&5usize, &30, &90, &150, &199, &250, &1000]);
    let (open, close) =
        *rng.pick(&[&("(", ")"), &("[", "]"), &("[", ",]"), &("-(", ")"), &("f(", ")"), &("not (", ")")]);
    let wrapped = format!("{}{}{}", open.repeat(depth), toks[i], close.repeat(depth));
    let mut out = toks[..i].concat();
    out.push_str(&wrapped);
    out.push_str(&toks[i + 1..].concat());
    out
}

fn edge_numbers(rng: &mut Rng, src: &str) -> String {
    let mut toks = tokens(src);
    let numbers: Vec<usize> = (0..toks.len()).filter(|&i| toks[i].bytes().all(|b| b.is_ascii_digit())).collect();
    if numbers.is_empty() {
        return src.to_string();
    }
    let i = numbers[rng.below(numbers.len())];
    toks[i] = rng.pick(&[
        "0",
        "-1",
        "(2**63)",
        "(2**63-1)",
        "1e308",
        "float('nan')",
        "10**9",
        "10**18",
        "(-2**63)",
        "0.0",
        "999999999999",
    ]);
    toks.concat()
}
