//! Python values as the engine holds them. Reference semantics are Python's: lists, dicts, sets
//! and instances are shared through `Rc`, so aliasing, mutation through an alias and identity
//! (`is`) behave as in CPython, and an object is finalised the moment its last reference goes
//! (which is when CPython says "coroutine … was never awaited").

use std::any::Any;
use std::cell::{Cell as StdCell, Ref, RefCell, RefMut};
use std::fmt;
use std::hash::{BuildHasher, BuildHasherDefault, Hash, Hasher};
use std::rc::{Rc, Weak};
use std::sync::atomic::{AtomicU64, Ordering};

use indexmap::map::{MutableKeys, RawEntryApiV1};
use indexmap::IndexMap;
use num_bigint::BigInt;
use rustc_hash::FxHasher;

use super::interp::{Interp, R};
use super::ir::{Code, Name};

pub type Fx = BuildHasherDefault<FxHasher>;
/// Attributes of a module, class or instance, in definition order.
pub type Attrs = IndexMap<Name, Value, Fx>;
/// A closure cell: a variable shared between a function and the functions it defines
/// (`None` while unbound).
pub type Cell = Rc<RefCell<Option<Value>>>;

// A word-sized tag: moves of values (and of `R<Value>`, which keeps its error in the tag's
// spare values) copy three aligned words. With a one-byte tag the compiler copied bytes 1..24
// with unaligned loads that read across the writer's separate stores, stalling on every
// evaluation's result (seen as the hottest instructions of the eval loop in a native profile).
#[derive(Clone, Default)]
#[repr(u64)]
pub enum Value {
    #[default]
    None,
    Bool(bool),
    Int(i64),
    /// An int outside `i64` (arithmetic in [`super::bigint`]). Always normalised: an int that
    /// fits `i64` is `Int`, so equal ints have one representation for `==`, hashing and the
    /// `Int` fast paths.
    BigInt(Rc<BigInt>),
    Float(f64),
    Str(Rc<str>),
    List(Rc<RefCell<Vec<Value>>>),
    Tuple(Rc<[Value]>),
    Dict(Rc<RefCell<Dict>>),
    Set(Rc<RefCell<Set>>),
    FrozenSet(Rc<Set>),
    Func(Rc<Function>),
    Builtin(Rc<Builtin>),
    /// A bound method: `obj.method` of a Python function.
    Method(Rc<Method>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    Module(Rc<Module>),
    /// Everything else (ranges, iterators, coroutines, tasks, queues…), behind one trait.
    Object(Rc<dyn Object>),
}

// ----- dropping deep structures ------------------------------------------------------------

/// Levels of nested containers freed recursively before the rest waits its turn (CPython's
/// trashcan unwinds at 50 too). Each level takes a few native frames, so this bound keeps a
/// drop well inside the stack the recursion guard keeps free (`Interp::enter`).
const DROP_DEPTH: u32 = 50;

/// Freeing a container frees what it holds, recursively: a list nested a million deep
/// (`a = [a]` in a loop), a long linked list of instances or a chain of generators would take
/// a native frame per level and overflow the stack. So, as CPython's trashcan does, freeing
/// recurses only [`DROP_DEPTH`] levels; deeper containers are set aside and freed one after
/// another by the outermost drop.
struct Trash {
    depth: StdCell<u32>,
    /// The next drop is of a value whose contents the drop below is freeing itself.
    contents_only: StdCell<bool>,
    pending: RefCell<Vec<Value>>,
}

thread_local! {
    static TRASH: Trash = const {
        Trash { depth: StdCell::new(0), contents_only: StdCell::new(false), pending: RefCell::new(Vec::new()) }
    };
}

impl Value {
    /// Whether this is the last reference to an object that may hold other values.
    fn is_last_container(&self) -> bool {
        match self {
            Value::List(r) => Rc::strong_count(r) == 1,
            Value::Tuple(r) => Rc::strong_count(r) == 1 && !r.is_empty(),
            Value::Dict(r) => Rc::strong_count(r) == 1,
            Value::Set(r) => Rc::strong_count(r) == 1,
            Value::FrozenSet(r) => Rc::strong_count(r) == 1,
            Value::Func(r) => Rc::strong_count(r) == 1,
            Value::Builtin(r) => Rc::strong_count(r) == 1 && r.bound.is_some(),
            Value::Method(r) => Rc::strong_count(r) == 1,
            Value::Class(r) => Rc::strong_count(r) == 1,
            Value::Instance(r) => Rc::strong_count(r) == 1,
            Value::Module(r) => Rc::strong_count(r) == 1,
            Value::Object(r) => Rc::strong_count(r) == 1,
            Value::None | Value::Bool(_) | Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Str(_) => false,
        }
    }
}

impl Drop for Value {
    #[inline(always)]
    fn drop(&mut self) {
        if self.is_last_container() {
            self.drop_bounded();
        }
    }
}

impl Value {
    /// [`Drop`]'s work for the last reference to a container, out of line: the drop of every
    /// other value (an int, a string, a shared object) is then a test and a count decrement,
    /// with no stack frame of its own to set up.
    #[cold]
    #[inline(never)]
    fn drop_bounded(&mut self) {
        // Unavailable only while the thread itself is ending: then plain recursion it is.
        let _ = TRASH.try_with(|t| {
            if t.contents_only.replace(false) {
                return;
            }
            let depth = t.depth.get();
            if depth >= DROP_DEPTH {
                t.pending.borrow_mut().push(std::mem::take(self));
                return;
            }
            // Free the contents here, one level down (the flag makes the drop of `v` itself
            // return at once, so its fields are dropped by the compiler's drop glue).
            let v = std::mem::take(self);
            t.depth.set(depth + 1);
            t.contents_only.set(true);
            drop(v);
            if depth == 0 {
                // The outermost drop frees what was set aside, each from one level down so
                // none of them starts draining in turn.
                loop {
                    let next = t.pending.borrow_mut().pop();
                    let Some(v) = next else { break };
                    drop(v);
                }
            }
            t.depth.set(depth);
        });
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::None => f.write_str("None"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::BigInt(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{x:?}"),
            Value::Str(s) => write!(f, "{s:?}"),
            _ => write!(f, "<{}>", self.type_name()),
        }
    }
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::from(s))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(items)))
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::from(items))
    }

    pub fn dict(d: Dict) -> Value {
        Value::Dict(Rc::new(RefCell::new(d)))
    }

    pub fn object(o: impl Object) -> Value {
        Value::Object(Rc::new(o))
    }

    /// The float an operation makes: a NaN result is a new object, as in CPython, so it gets
    /// a payload of its own (see [`fresh_nan`]).
    #[inline]
    pub fn new_float(x: f64) -> Value {
        Value::Float(if x.is_nan() { fresh_nan(x) } else { x })
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// The type's name as Python's messages say it (`'int'`, `'NoneType'`, `'Foo'`).
    pub fn type_name(&self) -> Rc<str> {
        let s: &str = match self {
            Value::None => "NoneType",
            Value::Bool(_) => "bool",
            Value::Int(_) | Value::BigInt(_) => "int",
            Value::Float(_) => "float",
            Value::Str(_) => "str",
            Value::List(_) => "list",
            Value::Tuple(_) => "tuple",
            Value::Dict(_) => "dict",
            Value::Set(_) => "set",
            Value::FrozenSet(_) => "frozenset",
            Value::Func(_) => "function",
            // asyncio's functions are Python functions in CPython (`type(asyncio.sleep)`).
            Value::Builtin(b) if b.python && b.bound.is_none() => "function",
            Value::Builtin(_) => "builtin_function_or_method",
            Value::Method(_) => "method",
            Value::Class(_) => "type",
            Value::Instance(i) => return i.class.name.clone(),
            Value::Module(_) => "module",
            Value::Object(o) => return Rc::from(o.type_name()),
        };
        Rc::from(s)
    }

    /// `a is b`
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            // Small ints and interned strings are shared in CPython; equal ints here count as
            // the same object, which is what CPython does for every int a beginner meets.
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::BigInt(a), Value::BigInt(b)) => Rc::ptr_eq(a, b),
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Str(a), Value::Str(b)) => Rc::ptr_eq(a, b) || (a.len() <= 1 && a == b),
            _ => match (self.identity(), other.identity()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }

    /// An address standing for the object's identity (`id()`), for reference types.
    pub fn identity(&self) -> Option<usize> {
        Some(match self {
            Value::Str(s) => Rc::as_ptr(s) as *const u8 as usize,
            Value::BigInt(i) => Rc::as_ptr(i) as usize,
            Value::List(l) => Rc::as_ptr(l) as usize,
            Value::Tuple(t) => Rc::as_ptr(t) as *const Value as usize,
            Value::Dict(d) => Rc::as_ptr(d) as usize,
            Value::Set(s) => Rc::as_ptr(s) as usize,
            Value::FrozenSet(s) => Rc::as_ptr(s) as usize,
            Value::Func(f) => Rc::as_ptr(f) as usize,
            Value::Builtin(b) => Rc::as_ptr(b) as usize,
            Value::Method(m) => Rc::as_ptr(m) as usize,
            Value::Class(c) => Rc::as_ptr(c) as usize,
            Value::Instance(i) => Rc::as_ptr(i) as usize,
            Value::Module(m) => Rc::as_ptr(m) as usize,
            Value::Object(o) => Rc::as_ptr(o) as *const u8 as usize,
            _ => return None,
        })
    }

    /// The native object inside, if it is one of type `T`.
    pub fn downcast<T: 'static>(&self) -> Option<&T> {
        match self {
            Value::Object(o) => o.as_any().downcast_ref::<T>(),
            _ => None,
        }
    }

    pub fn as_instance(&self) -> Option<&Rc<Instance>> {
        match self {
            Value::Instance(i) => Some(i),
            _ => None,
        }
    }
}

// ----- dict and set keys -------------------------------------------------------------------

/// A dict key or set member: the value with its hash, compared with Python's `==` for the
/// built-in types (so `1`, `1.0` and `True` are one key) and by identity otherwise.
#[derive(Clone, Debug)]
pub struct Key {
    pub value: Value,
    hash: u64,
}

/// Why a value cannot be a dict key or a set member.
#[derive(Clone)]
pub enum NotKey {
    /// A list, dict or set, or a class with `__eq__` and no `__hash__` (a `TypeError`).
    Unhashable,
    /// Tuples nested past the recursion limit (a `RecursionError`).
    TooDeep,
    /// What a user class's `__hash__` raised (or its `TypeError` for returning a non-int).
    /// Passed on, not turned into "unhashable": that made `hash((self,))` inside `__hash__`
    /// hash everything again at every level while looking for the culprit (2**depth calls).
    Raised(super::interp::PyErr),
}

impl Key {
    /// `None` when the value is unhashable (a list, dict or set).
    pub fn new(value: Value) -> Option<Key> {
        Key::try_new(value).ok()
    }

    pub fn try_new(value: Value) -> Result<Key, NotKey> {
        let hash = key_hash(&value)?;
        if !USER_EQ_KEYS.get() && asks_user_eq(&value) {
            USER_EQ_KEYS.set(true);
        }
        Ok(Key { value, hash })
    }
}

thread_local! {
    /// Whether any key so far compares by a user class's `__eq__`: until one does (most
    /// programs), `settle_key` has nothing to look for and tables are probed once.
    static USER_EQ_KEYS: StdCell<bool> = const { StdCell::new(false) };
}

/// Whether comparing `v` as a key runs a user class's `__eq__` (its own, or an item's).
fn asks_user_eq(v: &Value) -> bool {
    match v {
        Value::Instance(i) => i.class.user && i.class.lookup("__eq__").is_some(),
        Value::Tuple(items) => items.iter().any(asks_user_eq),
        Value::FrozenSet(s) => s.items.iter().any(|k| asks_user_eq(&k.value)),
        _ => false,
    }
}

/// A table of keys (a dict's or a set's) that can list the keys sharing a hash with a key.
pub trait KeyTable {
    /// The keys with `key`'s hash, in probe order, that only a user `__eq__` can tell from it.
    fn user_eq_candidates(&self, key: &Key) -> Vec<Key>;
}

/// Whether `key` and `stored` (of equal hash) need a user `__eq__` to be compared.
pub fn needs_user_eq(key: &Key, stored: &Key) -> bool {
    stored.hash == key.hash && !stored.value.is(&key.value) && (asks_user_eq(&key.value) || asks_user_eq(&stored.value))
}

/// The key to probe `table` with: `key`, or the key already there that a user class's
/// `__eq__` says it equals (so the probe finds that one by identity). The candidates are
/// listed under a short borrow and compared with none held, as CPython's lookup calls
/// `__eq__` with the table free to be read or changed; a change made by `__eq__` restarts
/// the lookup, as in CPython, and what `__eq__` raises is passed on.
pub fn settle_key<T: KeyTable>(interp: &Interp, table: &RefCell<T>, key: Key) -> R<Key> {
    if !USER_EQ_KEYS.get() {
        return Ok(key);
    }
    settle_among(interp, key, |k| table.borrow().user_eq_candidates(k))
}

/// `settle_key` for a table not yet shared (a literal or comprehension being built).
pub fn settle_owned<T: KeyTable>(interp: &Interp, table: &T, key: Key) -> R<Key> {
    if !USER_EQ_KEYS.get() {
        return Ok(key);
    }
    settle_among(interp, key, |k| table.user_eq_candidates(k))
}

fn settle_among(interp: &Interp, key: Key, list: impl Fn(&Key) -> Vec<Key>) -> R<Key> {
    let same = |a: &[Key], b: &[Key]| a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.value.is(&y.value));
    'lookup: loop {
        let candidates = list(&key);
        for stored in &candidates {
            // The stored key's `__eq__` first, as CPython's lookup compares.
            let equal = super::ops::eq(interp, &stored.value, &key.value)?;
            if !same(&candidates, &list(&key)) {
                continue 'lookup;
            }
            if equal {
                return Ok(stored.clone());
            }
        }
        return Ok(key);
    }
}

impl Key {
    /// The hash Python-level `hash()` reports.
    pub fn hash(&self) -> u64 {
        self.hash
    }
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

/// Inside a table only built-in equality runs: a user class's `__eq__` could read or change
/// the very table being probed (borrowed then, so that would abort the page). Keys such a
/// method may call equal are matched beforehand by `settle_key`, with no table borrowed.
impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.hash == other.hash && keys_equal(&self.value, &other.value, true).unwrap_or(false)
    }
}

thread_local! {
    /// Set while tables no program code can reach are combined (`with_user_eq`).
    static USER_EQ_IN_TABLES: StdCell<bool> = const { StdCell::new(false) };
}

/// Runs `f` with user classes' `__eq__` asked inside tables: for set algebra on copies,
/// which the program cannot see until they are done. Errors `__eq__` raises count as
/// unequal there. Tables the program's `__eq__` itself touches are probed without it again.
pub fn with_user_eq<T>(f: impl FnOnce() -> T) -> T {
    let before = USER_EQ_IN_TABLES.replace(true);
    let out = f();
    USER_EQ_IN_TABLES.set(before);
    out
}

impl Eq for Key {}

/// The last payload given to a NaN by [`fresh_nan`].
static NAN_SERIAL: AtomicU64 = AtomicU64::new(0);

/// A NaN with `like`'s sign and a payload no other NaN made here has. Floats are values in the
/// engine, and `is` compares their bits; CPython's NaNs are objects, each `float('nan')` or
/// `inf - inf` a new one, and containers compare items by identity before `==`. With a payload
/// each, `[x] == [x]` holds for one NaN `x` while two NaNs made apart differ in `==`, `in`,
/// dict keys and sets. (The payload stays out of sight: NaNs print, hash and compare alike.)
#[cold]
pub fn fresh_nan(like: f64) -> f64 {
    const PAYLOAD: u64 = (1 << 51) - 1;
    let serial = NAN_SERIAL.fetch_add(1, Ordering::Relaxed).wrapping_add(1) & PAYLOAD;
    let quiet_nan = f64::NAN.to_bits() & !PAYLOAD;
    let sign = like.to_bits() & (1 << 63);
    f64::from_bits(sign | quiet_nan | serial.max(1))
}

/// CPython's numeric hash (modulo 2**61 − 1), so equal numbers of any type hash alike.
pub fn hash_int(i: i64) -> i64 {
    const P: i128 = (1 << 61) - 1;
    let m = (i as i128).rem_euclid(P) as i64;
    let h = if i < 0 { -((-(i as i128)).rem_euclid(P) as i64) } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's hash of a float (equal to the int's hash for integral values).
pub fn hash_float(x: f64) -> i64 {
    if x.is_nan() {
        return 0;
    }
    if x.is_infinite() {
        return if x > 0.0 { 314_159 } else { -314_159 };
    }
    if x.fract() == 0.0 && x.abs() < 9.2e18 {
        return hash_int(x as i64);
    }
    // Non-integral: CPython reduces the exact binary fraction modulo 2**61 − 1.
    const BITS: u32 = 61;
    const P: u64 = (1 << BITS) - 1;
    let (mut m, mut e) = frexp(x.abs());
    let mut h: u64 = 0;
    while m != 0.0 {
        h = ((h << 28) & P) | (h >> (BITS - 28));
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        h += y;
        if h >= P {
            h -= P;
        }
    }
    let e = e.rem_euclid(BITS as i32) as u32;
    h = ((h << e) & P) | (h >> (BITS - e));
    let h = h as i64 * if x < 0.0 { -1 } else { 1 };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `math.frexp`: `x = m * 2**e` with `0.5 <= m < 1`.
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

fn str_hash(s: &str) -> u64 {
    let mut h = FxHasher::default();
    s.hash(&mut h);
    h.finish()
}

thread_local! {
    /// The interpreter running on this thread, for user classes' `__hash__` and `__eq__` when
    /// their instances are dict keys (hashing happens deep inside the map, far from any
    /// interpreter reference).
    static CURRENT: RefCell<Weak<Interp>> = const { RefCell::new(Weak::new()) };
}

pub fn set_current_interp(interp: Weak<Interp>) {
    CURRENT.with(|c| *c.borrow_mut() = interp);
}

/// A user class's own `__hash__`/`__eq__`, if it defines them.
fn user_method(v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Instance(i) if i.class.user => i.class.lookup(name),
        _ => None,
    }
}

/// One level deeper into a nested key: counted against the interpreter's recursion limit (and
/// its native stack guard), since tuples hash and compare their items recursively.
fn nested<T>(f: impl FnOnce() -> T) -> Result<T, NotKey> {
    let Some(interp) = CURRENT.with(|c| c.borrow().upgrade()) else { return Ok(f()) };
    let _level = interp.nest("").map_err(|_| NotKey::TooDeep)?;
    Ok(f())
}

fn key_hash(v: &Value) -> Result<u64, NotKey> {
    Ok(match v {
        Value::None => 0x5eed,
        Value::Bool(b) => hash_int(*b as i64) as u64,
        Value::Int(i) => hash_int(*i) as u64,
        Value::BigInt(i) => super::bigint::hash(i) as u64,
        Value::Float(x) => hash_float(*x) as u64,
        Value::Str(s) => str_hash(s),
        Value::Tuple(items) => nested(|| {
            // CPython 3.11's tuple hash (xxHash's mixing), so sets of tuples iterate in its order.
            const P1: u64 = 11_400_714_785_074_694_791;
            const P2: u64 = 14_029_467_366_897_019_727;
            const P5: u64 = 2_870_177_450_012_600_261;
            let mut acc = P5;
            for item in items.iter() {
                acc = acc.wrapping_add(key_hash(item)?.wrapping_mul(P2)).rotate_left(31).wrapping_mul(P1);
            }
            acc = acc.wrapping_add(items.len() as u64 ^ (P5 ^ 3_527_539));
            Ok(if acc == u64::MAX { 1_546_275_796 } else { acc })
        })??,
        Value::FrozenSet(s) => s.frozen_hash(),
        Value::List(_) | Value::Dict(_) | Value::Set(_) => return Err(NotKey::Unhashable),
        Value::Instance(i) if i.unhashable() => return Err(NotKey::Unhashable),
        Value::Instance(_) if user_method(v, "__hash__").is_some() => {
            let f = user_method(v, "__hash__").ok_or(NotKey::Unhashable)?;
            let interp = CURRENT.with(|c| c.borrow().upgrade()).ok_or(NotKey::Unhashable)?;
            match super::call::call(&interp, &f, Args { pos: vec![v.clone()], kw: vec![] }) {
                // CPython takes a returned int as it is (but -1, which means an error in C).
                Ok(Value::Int(h)) => (if h == -1 { -2 } else { h }) as u64,
                Ok(Value::BigInt(ref b)) => super::bigint::hash(b) as u64,
                Ok(Value::Bool(b)) => b as u64,
                Ok(_) => {
                    return Err(NotKey::Raised(interp.type_error("__hash__ method should return an integer")));
                }
                Err(e) => return Err(NotKey::Raised(e)),
            }
        }
        Value::Object(o) => match o.key_hash() {
            Some(Some(h)) => h,
            Some(None) => return Err(NotKey::Unhashable),
            None => v.identity().unwrap_or(0) as u64,
        },
        other => other.identity().unwrap_or(0) as u64,
    })
}

/// `==` between two keys, a user class's `__eq__` included (errors count as unequal).
pub fn key_eq(a: &Value, b: &Value) -> bool {
    keys_equal(a, b, false).unwrap_or(false)
}

/// `==` between two keys: the built-in types compared here; a user class by its `__eq__`,
/// except inside a table (`in_table`, see `Key::eq`) outside `with_user_eq`: by identity there.
/// The running interpreter is only looked up when a user `__eq__` is to be called.
fn keys_equal(a: &Value, b: &Value, in_table: bool) -> R<bool> {
    if a.is(b) {
        return Ok(true);
    }
    // The reflected `__eq__` second, as `==` tries it: an `IntEnum` member found by its int.
    for (this, that) in [(a, b), (b, a)] {
        if let Some(f) = user_method(this, "__eq__") {
            if in_table && !USER_EQ_IN_TABLES.get() {
                return Ok(false);
            }
            let Some(interp) = CURRENT.with(|c| c.borrow().upgrade()) else { return Ok(false) };
            let interp = &*interp;
            let before = USER_EQ_IN_TABLES.replace(false);
            let r = super::call::call(interp, &f, Args { pos: vec![this.clone(), that.clone()], kw: vec![] });
            USER_EQ_IN_TABLES.set(before);
            let r = r?;
            if super::ops::is_not_implemented(interp, &r) {
                continue;
            }
            return super::ops::truthy(interp, &r);
        }
    }
    Ok(match (a, b) {
        (Value::None, Value::None) => true,
        (Value::Str(x), Value::Str(y)) => x == y,
        // Too deep to compare is unequal: such keys hashed within the limit, so this is
        // only reached when the native stack runs low.
        (Value::Tuple(x), Value::Tuple(y)) => {
            if x.len() != y.len() {
                return Ok(false);
            }
            let Ok(items) = nested(|| -> R<bool> {
                for (p, q) in x.iter().zip(y.iter()) {
                    if !keys_equal(p, q, in_table)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }) else {
                return Ok(false);
            };
            items?
        }
        (Value::FrozenSet(x), Value::FrozenSet(y)) => {
            x.items.len() == y.items.len() && nested(|| x.items.iter().all(|k| y.items.contains(k))).unwrap_or(false)
        }
        (Value::Object(o), other) if o.key_hash().is_some() => o.eq(other).unwrap_or(false),
        (Value::BigInt(_), _) | (_, Value::BigInt(_)) => super::bigint::equal(a, b),
        _ => match (as_number(a), as_number(b)) {
            (Some(x), Some(y)) => numbers_equal(x, y),
            (None, None) => a.is(b),
            _ => false,
        },
    })
}

/// A number for mixed comparisons.
#[derive(Clone, Copy, Debug)]
pub enum Num {
    Int(i64),
    Float(f64),
}

pub fn as_number(v: &Value) -> Option<Num> {
    match v {
        Value::Bool(b) => Some(Num::Int(*b as i64)),
        Value::Int(i) => Some(Num::Int(*i)),
        Value::Float(x) => Some(Num::Float(*x)),
        _ => None,
    }
}

/// Exact equality of an int and a float, as Python compares them (no rounding of the int).
pub fn numbers_equal(a: Num, b: Num) -> bool {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => x == y,
        (Num::Float(x), Num::Float(y)) => x == y,
        (Num::Int(i), Num::Float(f)) | (Num::Float(f), Num::Int(i)) => {
            f.fract() == 0.0 && f.abs() < 9.3e18 && (f as i128) == i as i128
        }
    }
}

/// A Python dict: insertion-ordered. A deleted entry stays in place as a tombstone (`DEAD`)
/// until tombstones outnumber the live entries, when they are swept out in one pass, so
/// `del d[k]` costs O(1) amortised instead of shifting every later entry (CPython leaves
/// dummies in its entry array the same way).
#[derive(Clone, Debug, Default)]
pub struct Dict {
    map: IndexMap<Key, Value, Fx>,
    /// Tombstones in `map`. The last entry is never one (`remove` trims them), so `pop`
    /// takes the last live entry.
    dead: usize,
    owners: Owners,
}

/// The instances a dict is the `__dict__` of. Their attributes stay in their own `Attrs`
/// (read on every `obj.x`, kept fast), so each change to the dict is made to those too, and
/// an attribute written on them is written to the dict (`Instance::live_dict`). Mostly
/// none; one for `self.__dict__.update(…)`; several for a dict shared by assignment.
/// Or the module a dict came from as `globals()`: its changes are made to the globals.
#[derive(Debug, Default)]
struct Owners(Vec<Owner>);

#[derive(Debug)]
enum Owner {
    Instance(Weak<Instance>),
    Module(Weak<Module>),
}

/// A copy of the dict (`d.copy()`, `dict(d)`) is no instance's `__dict__`.
impl Clone for Owners {
    fn clone(&self) -> Self {
        Owners::default()
    }
}

/// A tombstone's key: no Python hash is -1 (CPython keeps that value for errors; see
/// `key_hash`), so no lookup's hash matches it, and a `None` value with that hash is no live
/// key (`None` hashes to `0x5eed`).
const DEAD: Key = Key { value: Value::None, hash: u64::MAX };

fn is_dead(k: &Key) -> bool {
    k.hash == DEAD.hash && matches!(k.value, Value::None)
}

impl Dict {
    /// The entries with string keys, as keyword arguments (`f(**d)` of a copied call).
    pub fn keyword_pairs(&self) -> Vec<(Name, Value)> {
        self.iter()
            .filter_map(|(k, v)| match &k.value {
                Value::Str(s) => Some((s.clone(), v.clone())),
                _ => None,
            })
            .collect()
    }

    pub fn new() -> Self {
        Self::default()
    }

    pub fn len(&self) -> usize {
        self.map.len() - self.dead
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, key: &Key) -> Option<&Value> {
        self.map.get(key)
    }

    pub fn insert(&mut self, key: Key, value: Value) {
        if !self.owners.0.is_empty() {
            if let Value::Str(name) = &key.value {
                self.mirror(|attrs| attrs.insert(name.clone(), value.clone()), name);
            }
        }
        // A key already present keeps its place and its original key object, as in Python.
        match self.map.get_mut(&key) {
            Some(slot) => *slot = value,
            None => {
                self.map.insert(key, value);
            }
        }
    }

    /// Makes `change` to the attributes of the instances this dict is the `__dict__` of, but
    /// not to an attribute `name` their `__slots__` keep apart from it.
    fn mirror(&mut self, change: impl Fn(&mut Attrs) -> Option<Value>, name: &str) {
        let owners = &mut self.owners.0;
        owners.retain(|o| match o {
            Owner::Instance(i) => i.strong_count() > 0,
            Owner::Module(m) => m.strong_count() > 0,
        });
        for owner in owners.iter() {
            let (instance, module) = match owner {
                Owner::Instance(i) => (i.upgrade(), None),
                Owner::Module(m) => (None, m.upgrade()),
            };
            if instance
                .as_ref()
                .is_some_and(|i| i.class.slots.as_ref().is_some_and(|s| s.names.iter().any(|n| &**n == name)))
            {
                continue;
            }
            let attrs = match (&instance, &module) {
                (Some(i), _) => &i.attrs,
                (None, Some(m)) => &m.globals,
                (None, None) => continue,
            };
            // Borrowed only while native code reads them (no program code runs then): that
            // reader sees the attributes as they were.
            let Ok(mut attrs) = attrs.try_borrow_mut() else { continue };
            let old = change(&mut attrs);
            // Dropped with the attributes let go: dropping it may run code.
            drop(attrs);
            drop(old);
        }
    }

    /// The instance `owner` has this dict as its `__dict__` (its attributes are its entries).
    pub fn add_owner(&mut self, owner: &Rc<Instance>) {
        self.owners.0.push(Owner::Instance(Rc::downgrade(owner)));
    }

    /// `owner`'s `__dict__` is another dict now.
    pub fn remove_owner(&mut self, owner: &Rc<Instance>) {
        self.owners.0.retain(|o| !matches!(o, Owner::Instance(i) if std::ptr::eq(i.as_ptr(), Rc::as_ptr(owner))));
    }

    /// This dict is `module`'s `globals()`: what the program writes through it (`globals()[name]
    /// = v`, `update`, `del`) defines or deletes the module's globals.
    pub fn add_module_owner(&mut self, module: &Rc<Module>) {
        self.owners.0.push(Owner::Module(Rc::downgrade(module)));
    }

    /// For string keys (kwargs, JSON objects, attribute dicts).
    pub fn set_str(&mut self, key: &str, value: Value) {
        if let Some(k) = Key::new(Value::str(key)) {
            self.insert(k, value);
        }
    }

    pub fn get_str(&self, key: &str) -> Option<&Value> {
        Key::new(Value::str(key)).and_then(|k| self.map.get(&k))
    }

    pub fn remove(&mut self, key: &Key) -> Option<Value> {
        if !self.owners.0.is_empty() {
            if let Value::Str(name) = &key.value {
                self.mirror(|attrs| attrs.shift_remove(name), name);
            }
        }
        let (_, stored, value) = self.map.get_full_mut2(key)?;
        // Same hash slot, a key nothing equals: the table stays valid without rehashing.
        *stored = DEAD;
        let value = std::mem::take(value);
        self.dead += 1;
        self.trim();
        if self.dead > 8 && self.dead > self.len() {
            self.map.retain(|k, _| !is_dead(k));
            self.dead = 0;
        }
        Some(value)
    }

    /// Drops the tombstones at the end.
    fn trim(&mut self) {
        while self.map.last().is_some_and(|(k, _)| is_dead(k)) {
            self.map.pop();
            self.dead -= 1;
        }
    }

    /// The last entry (`popitem`).
    pub fn pop(&mut self) -> Option<(Key, Value)> {
        let last = self.map.pop();
        self.trim();
        if let Some((Key { value: Value::Str(name), .. }, _)) = &last {
            if !self.owners.0.is_empty() {
                self.mirror(|attrs| attrs.shift_remove(name), name);
            }
        }
        last
    }

    pub fn clear(&mut self) {
        if !self.owners.0.is_empty() {
            let names: Vec<Name> = self
                .keys()
                .filter_map(|k| match k {
                    Value::Str(s) => Some(s.clone()),
                    _ => None,
                })
                .collect();
            for name in names {
                self.mirror(|attrs| attrs.shift_remove(&name), &name);
            }
        }
        self.map.clear();
        self.dead = 0;
    }

    /// The entries in insertion order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&Key, &Value)> {
        self.map.iter().filter(|(k, _)| !is_dead(k))
    }

    /// The first entry at or after position `at`, and the position after it (for an
    /// iterator that checks the dict between steps).
    pub fn next_from(&self, at: usize) -> Option<(&Key, &Value, usize)> {
        (at..self.map.len()).find_map(|i| {
            let (k, v) = self.map.get_index(i)?;
            (!is_dead(k)).then_some((k, v, i + 1))
        })
    }

    pub fn keys(&self) -> impl Iterator<Item = &Value> {
        self.iter().map(|(k, _)| &k.value)
    }
}

impl KeyTable for Dict {
    fn user_eq_candidates(&self, key: &Key) -> Vec<Key> {
        let mut found = Vec::new();
        // Visits every stored key the hash leads to; none matches, so all are seen.
        self.map.raw_entry_v1().from_hash(self.map.hasher().hash_one(key), |stored| {
            if needs_user_eq(key, stored) {
                found.push(stored.clone());
            }
            false
        });
        found
    }
}

/// A Python set (insertion-ordered here; CPython's order follows hashes, which only matters
/// when a set is printed: our corpus prints sorted sets).
#[derive(Clone, Debug, Default)]
pub struct Set {
    pub items: super::set_table::Table,
    /// A frozenset's hash, computed on first use: its items never change, and hashing walks
    /// them all (CPython caches it the same way).
    hash: StdCell<Option<u64>>,
}

impl Set {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn of(items: super::set_table::Table) -> Self {
        Set { items, hash: StdCell::new(None) }
    }

    /// `hash(frozenset)`; only frozensets are hashed, so the items cannot change after.
    fn frozen_hash(&self) -> u64 {
        if let Some(h) = self.hash.get() {
            return h;
        }
        let h = self.items.frozen_hash();
        self.hash.set(Some(h));
        h
    }
}

/// Changes a shared set's table by `op`: in place while no key has a user `__eq__` (then
/// no program code can run), else on a copy swapped in after, `__eq__` asked with the set free.
pub fn change_shared_set<T>(s: &RefCell<Set>, op: impl FnOnce(&mut super::set_table::Table) -> T) -> T {
    if !USER_EQ_KEYS.get() {
        return op(&mut s.borrow_mut().items);
    }
    let mut items = s.borrow().items.copy();
    let out = with_user_eq(|| op(&mut items));
    s.borrow_mut().items = items;
    out
}

impl KeyTable for Set {
    fn user_eq_candidates(&self, key: &Key) -> Vec<Key> {
        self.items.user_eq_candidates(key)
    }
}

// ----- functions, classes, instances, modules ----------------------------------------------

/// A `def`/`lambda`: its code, the module it was defined in, defaults and closure.
pub struct Function {
    pub code: Rc<Code>,
    pub name: Name,
    pub qualname: Name,
    pub globals: Rc<Module>,
    pub defaults: Vec<Value>,
    pub kw_defaults: Vec<(Name, Value)>,
    pub closure: Vec<Cell>,
    /// The class whose body defined it (for zero-argument `super()`).
    pub owner: RefCell<Option<Weak<Class>>>,
    /// Attributes set on the function (`f.calls = 0`, decorators' bookkeeping).
    pub attrs: RefCell<Attrs>,
}

/// A native function: a builtin, a method of a built-in type, a module function.
pub struct Builtin {
    pub name: Name,
    pub f: BuiltinFn,
    /// The object it is bound to (`[].append`), passed as the first argument.
    pub bound: Option<Value>,
    /// A method read from a built-in class (`str.upper`): the class its first argument must
    /// be an instance of (see [`super::methods::check_unbound`]).
    pub unbound_of: Option<Rc<Class>>,
    /// CPython's is a function written in Python (`asyncio.sleep`): its repr is
    /// `<function sleep at 0x…>`, not a built-in's.
    pub python: bool,
}

/// Arguments as a native function receives them.
#[derive(Default)]
pub struct Args {
    pub pos: Vec<Value>,
    pub kw: Vec<(Name, Value)>,
}

pub type BuiltinFn = fn(&super::interp::Interp, Args) -> super::interp::R<Value>;

/// `obj.method` for a Python function (and for classmethods, bound to the class).
pub struct Method {
    pub this: Value,
    pub func: Value,
}

/// What kind of built-in type a class is (`int`, `list`…), for `isinstance` and construction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BuiltinType {
    Object,
    Type,
    NoneType,
    Bool,
    Int,
    Float,
    Str,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Function,
    BuiltinFunction,
    Method,
    Module,
    BaseException,
    /// A native object's type (`coroutine`, `Task`, `range`…), matched by name.
    Native,
}

pub struct Class {
    pub name: Name,
    pub qualname: Name,
    pub module: Name,
    pub bases: Vec<Rc<Class>>,
    /// Method resolution order, without the class itself (C3, as Python computes it).
    pub mro: Vec<Rc<Class>>,
    pub attrs: ClassAttrs,
    /// What recent lookups along the MRO found (see [`LookupCache`]).
    pub cache: RefCell<LookupCache>,
    /// The built-in type this class is or derives from.
    pub builtin: BuiltinType,
    /// Whether it is a user class (has a Python-level body).
    pub user: bool,
    /// What `__slots__` along its MRO say; `None` for a class without any (nearly all).
    pub slots: Option<Rc<InstanceSlots>>,
}

/// The instance attributes `__slots__` declare along a class's MRO (kept with the others,
/// in the instance's attributes), and whether its instances also have a `__dict__` (some
/// class in the MRO has no `__slots__`, or lists `__dict__`).
pub struct InstanceSlots {
    pub names: Vec<Name>,
    pub dict: bool,
}

impl InstanceSlots {
    /// Whether an instance may get an attribute `name` of its own.
    pub fn allows(&self, name: &str) -> bool {
        self.dict || self.names.iter().any(|n| &**n == name)
    }
}

impl Class {
    /// The class and then its MRO.
    pub fn lineage(self: &Rc<Self>) -> impl Iterator<Item = &Rc<Class>> {
        std::iter::once(self).chain(self.mro.iter())
    }

    /// Looks an attribute up along the MRO.
    pub fn lookup(self: &Rc<Self>, name: &str) -> Option<Value> {
        self.lineage().find_map(|c| c.attrs.borrow().get(name).cloned())
    }

    /// [`Class::lookup`] of a name the program holds (an attribute name in its code), through
    /// the cache.
    pub fn lookup_name(self: &Rc<Self>, name: &Name) -> Option<Value> {
        self.cached(name, Some(name))
    }

    /// [`Class::lookup`] of a name the engine spells itself (`"__setattr__"`), through the cache.
    pub fn lookup_static(self: &Rc<Self>, name: &'static str) -> Option<Value> {
        self.cached(name, None)
    }

    /// `keep` holds `name`'s text alive while the cache knows it by its address (a `'static`
    /// text lives for ever).
    fn cached(self: &Rc<Self>, name: &str, keep: Option<&Name>) -> Option<Value> {
        let epoch = CLASS_EPOCH.load(Ordering::Relaxed);
        let at = name.as_ptr();
        let slot = LookupCache::slot(at);
        {
            let cache = self.cache.borrow();
            if cache.epoch == epoch {
                if let Some(Some(e)) = cache.entries.get(slot) {
                    if e.at == at && e.len == name.len() {
                        return e.found.clone();
                    }
                }
            }
        }
        let found = self.lookup(name);
        let mut cache = self.cache.borrow_mut();
        if cache.epoch != epoch || cache.entries.is_empty() {
            cache.entries.clear();
            cache.entries.resize_with(LookupCache::ENTRIES, || None);
            cache.epoch = epoch;
        }
        if let Some(e) = cache.entries.get_mut(slot) {
            *e = Some(CacheEntry { at, len: name.len(), _keep: keep.cloned(), found: found.clone() });
        }
        found
    }

    /// `issubclass(self, other)`
    pub fn is_subclass(self: &Rc<Self>, other: &Rc<Class>) -> bool {
        self.lineage().any(|c| Rc::ptr_eq(c, other))
    }

    /// Whether this user class derives from a class of Python methods standing in for the
    /// built-in type `builtin` (or a subclass of it), which the engine cannot subclass: such a
    /// class names the type as `__builtin_base__` and its instances hold their built-in value
    /// as `_value_` (`enum`'s `_IntLike` for `IntEnum`, `_StrLike` for `StrEnum`). So
    /// `isinstance(Prio.HIGH, int)` holds, as in CPython.
    pub fn stands_for(self: &Rc<Self>, builtin: &Rc<Class>) -> bool {
        self.user && matches!(&self.lookup_static("__builtin_base__"), Some(Value::Class(b)) if b.is_subclass(builtin))
    }

    pub fn is_exception(&self) -> bool {
        self.builtin == BuiltinType::BaseException
    }

    /// `__module__` as the program sees it: a user class's own (its body or a later
    /// `C.__module__ = …` may set it, and reprs and tracebacks show that), else where it was made.
    pub fn module_name(&self) -> Name {
        if self.user {
            if let Some(Value::Str(m)) = self.attrs.borrow().get("__module__") {
                return m.clone();
            }
        }
        self.module.clone()
    }
}

/// Moves on whenever any class's namespace changes: a change to a base class changes what its
/// subclasses find, so every class's [`LookupCache`] is emptied then.
static CLASS_EPOCH: AtomicU64 = AtomicU64::new(0);

/// A class's namespace: read as a `RefCell`; every write moves [`CLASS_EPOCH`] on.
pub struct ClassAttrs(RefCell<Attrs>);

impl ClassAttrs {
    pub fn new(attrs: Attrs) -> ClassAttrs {
        // A new class may sit where a freed one was: what a [`SiteHint`] learnt of the old
        // one, by its address, must not pass for the new one's.
        CLASS_EPOCH.fetch_add(1, Ordering::Relaxed);
        ClassAttrs(RefCell::new(attrs))
    }

    pub fn borrow(&self) -> Ref<'_, Attrs> {
        self.0.borrow()
    }

    pub fn borrow_mut(&self) -> RefMut<'_, Attrs> {
        CLASS_EPOCH.fetch_add(1, Ordering::Relaxed);
        self.0.borrow_mut()
    }
}

/// A class's recent lookups along its MRO, by the address of the name asked for: the compiler
/// interns names, so a site of `obj.attr` or `obj.method()` asks with the same text each time,
/// and a hit costs a few pointer comparisons where a lookup hashes the name once per class in
/// the MRO (twice for an instance's own attribute, which is looked for on the class first).
/// CPython keeps a method cache for the same reason. Each name has one place, picked from
/// its address (so a hit is one comparison, not a search), a later name with the same place
/// taking it over.
#[derive(Default)]
pub struct LookupCache {
    epoch: u64,
    /// `ENTRIES` places once the class is first looked in (empty before).
    entries: Vec<Option<CacheEntry>>,
}

impl LookupCache {
    const ENTRIES: usize = 32;

    fn slot(at: *const u8) -> usize {
        // Interned names are separate allocations, 16 bytes apart at least.
        let a = at as usize;
        ((a >> 4) ^ (a >> 9)) % Self::ENTRIES
    }
}

/// What one attribute site of the program (`obj.name`, `obj.name = v`, `obj.name(args)`) last
/// learnt of the class of the instance it met: whether the class (MRO included) has nothing
/// named `name`, so the name is the instance's own plain attribute, or has a plain function by
/// it, a method. A site meets instances of one class nearly always, so it then skips the
/// class's lookup: CPython specialises `LOAD_ATTR` and `STORE_ATTR` the same way. What it
/// learnt holds while the class at that address and [`CLASS_EPOCH`] are the ones it learnt
/// them at: no class namespace has changed and no class been made since (so none has taken
/// a freed one's address).
#[derive(Default)]
pub struct SiteHint {
    class: StdCell<*const Class>,
    epoch: StdCell<u64>,
    plain: StdCell<bool>,
    /// Plain, and the class has no `__setattr__`: `obj.name = v` sets the attribute itself.
    settable: StdCell<bool>,
    /// The method, if `name` is one (weak: the code holding the site may be the method's own).
    method: StdCell<Weak<Function>>,
}

impl fmt::Debug for SiteHint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SiteHint")
    }
}

impl SiteHint {
    /// Learns about `class` again unless what it knows is about it, and current.
    #[inline(always)]
    fn know(&self, class: &Rc<Class>, name: &Name) {
        if self.class.get() != Rc::as_ptr(class) || self.epoch.get() != CLASS_EPOCH.load(Ordering::Relaxed) {
            self.learn(class, name);
        }
    }

    #[inline(never)]
    fn learn(&self, class: &Rc<Class>, name: &Name) {
        let found = class.lookup_name(name);
        let plain = found.is_none() && &**name != "__class__";
        self.plain.set(plain);
        self.settable.set(plain && class.lookup_static("__setattr__").is_none());
        self.method.set(match &found {
            Some(Value::Func(f)) => Rc::downgrade(f),
            _ => Weak::new(),
        });
        self.class.set(Rc::as_ptr(class));
        self.epoch.set(CLASS_EPOCH.load(Ordering::Relaxed));
    }

    /// Whether `name` is a plain attribute of instances of `class` (see [`SiteHint`]).
    #[inline]
    pub fn plain(&self, class: &Rc<Class>, name: &Name) -> bool {
        self.know(class, name);
        self.plain.get()
    }

    /// Whether `obj.name = v` on an instance of `class` sets its own attribute directly.
    #[inline]
    pub fn settable(&self, class: &Rc<Class>, name: &Name) -> bool {
        self.know(class, name);
        self.settable.get()
    }

    /// The plain function `class` has as `name`, if any.
    #[inline]
    pub fn method(&self, class: &Rc<Class>, name: &Name) -> Option<Rc<Function>> {
        self.know(class, name);
        let weak = self.method.take();
        let method = weak.upgrade();
        self.method.set(weak);
        method
    }
}

struct CacheEntry {
    at: *const u8,
    len: usize,
    _keep: Option<Name>,
    found: Option<Value>,
}

/// An instance of a user class or of an exception class.
pub struct Instance {
    pub class: Rc<Class>,
    pub attrs: RefCell<Attrs>,
    /// Its `__dict__`, once asked for (see [`InstanceDict`]).
    pub dict: InstanceDict,
    /// Present for exceptions.
    pub exc: Option<RefCell<ExcData>>,
}

/// An instance's `__dict__`, once asked for: a dict whose entries its attributes mirror (see
/// [`Dict::add_owner`]), so writes through either show in the other.
#[derive(Default)]
pub struct InstanceDict {
    shared: RefCell<Option<Rc<RefCell<Dict>>>>,
    /// Whether `shared` is set: read on each attribute write, where a plain load is cheaper
    /// than a `RefCell`'s borrow.
    live: StdCell<bool>,
}

impl Instance {
    /// An instance with these attributes (and no `__dict__` asked for yet).
    pub fn new(class: Rc<Class>, attrs: Attrs, exc: Option<RefCell<ExcData>>) -> Instance {
        Instance { class, attrs: RefCell::new(attrs), dict: InstanceDict::default(), exc }
    }

    /// Whether `name` is one of the attributes its class's `__slots__` declare, which are
    /// not in its `__dict__`.
    fn in_slots(&self, name: &str) -> bool {
        self.class.slots.as_ref().is_some_and(|s| s.names.iter().any(|n| &**n == name))
    }

    /// `obj.__dict__`: made on first use from its attributes, then the same dict each time.
    pub fn live_dict(self: &Rc<Self>) -> Rc<RefCell<Dict>> {
        if let Some(d) = &*self.dict.shared.borrow() {
            return d.clone();
        }
        let mut d = Dict::new();
        for (k, x) in self.attrs.borrow().iter() {
            if !self.in_slots(k) {
                if let Some(k) = Key::new(Value::Str(k.clone())) {
                    d.insert(k, x.clone());
                }
            }
        }
        d.add_owner(self);
        let d = Rc::new(RefCell::new(d));
        *self.dict.shared.borrow_mut() = Some(d.clone());
        self.dict.live.set(true);
        d
    }

    /// Whether its `__dict__` was asked for: then attributes are written through it.
    #[inline]
    pub fn has_live_dict(&self) -> bool {
        self.dict.live.get()
    }

    /// `obj.__dict__ = d`: its attributes become `d`'s (those in slots stay), and stay so.
    pub fn set_dict(self: &Rc<Self>, d: Rc<RefCell<Dict>>) {
        let old_dict = self.dict.shared.borrow_mut().take();
        if let Some(old) = &old_dict {
            if let Ok(mut old) = old.try_borrow_mut() {
                old.remove_owner(self);
            }
        }
        let mut attrs: Attrs =
            self.attrs.borrow().iter().filter(|(k, _)| self.in_slots(k)).map(|(k, v)| (k.clone(), v.clone())).collect();
        if let Ok(mut shared) = d.try_borrow_mut() {
            for (k, v) in shared.iter() {
                if let Value::Str(name) = &k.value {
                    if !self.in_slots(name) {
                        attrs.insert(name.clone(), v.clone());
                    }
                }
            }
            shared.add_owner(self);
        }
        let old_attrs = std::mem::replace(&mut *self.attrs.borrow_mut(), attrs);
        *self.dict.shared.borrow_mut() = Some(d);
        self.dict.live.set(true);
        // Dropped with nothing borrowed: dropping them may run code.
        drop(old_attrs);
        drop(old_dict);
    }

    /// The `__dict__` an attribute `name` is written through, if it has one.
    fn dict_for(&self, name: &str) -> Option<Rc<RefCell<Dict>>> {
        self.dict.shared.borrow().as_ref().filter(|_| !self.in_slots(name)).cloned()
    }

    /// `obj.name = v` for an attribute of its own; gives back the value it replaced (for the
    /// caller to drop once nothing is borrowed).
    pub fn set_own(&self, name: &Name, v: Value) -> Option<Value> {
        if let Some(d) = self.dict_for(name) {
            if let (Ok(mut d), Some(k)) = (d.try_borrow_mut(), Key::new(Value::Str(name.clone()))) {
                // Sets it on each instance sharing the dict, this one among them.
                d.insert(k, v);
                return None;
            }
        }
        self.attrs.borrow_mut().insert(name.clone(), v)
    }

    /// `del obj.name` for an attribute of its own: the value removed, if it had one.
    pub fn del_own(&self, name: &Name) -> Option<Value> {
        if let Some(d) = self.dict_for(name) {
            if let (Ok(mut d), Some(k)) = (d.try_borrow_mut(), Key::new(Value::Str(name.clone()))) {
                return d.remove(&k);
            }
        }
        self.attrs.borrow_mut().shift_remove(name)
    }

    /// A class whose `__hash__` is None makes its instances unhashable (`__hash__ = None`, or a
    /// class body with `__eq__` and no `__hash__`), as does one given `__eq__` after it was
    /// made without a `__hash__` of its own (`@dataclass`).
    fn unhashable(&self) -> bool {
        if !self.class.user {
            return false;
        }
        if let Some(Value::None) = self.class.lookup_static("__hash__") {
            return true;
        }
        let eq = self.class.lineage().position(|c| c.attrs.borrow().contains_key("__eq__"));
        let hash = self.class.lineage().position(|c| c.attrs.borrow().contains_key("__hash__"));
        self.class.user && matches!((eq, hash), (Some(e), h) if h.is_none_or(|h| h > e))
    }

    /// The built-in value an instance of a stand-in class holds (see [`Class::stands_for`]).
    pub fn builtin_value(&self) -> Option<Value> {
        self.class.lookup_static("__builtin_base__")?;
        self.attrs.borrow().get("_value_").filter(|v| matches!(v, Value::Int(_) | Value::Str(_))).cloned()
    }

    pub fn exc(&self) -> Option<std::cell::Ref<'_, ExcData>> {
        self.exc.as_ref().map(|e| e.borrow())
    }
}

/// What an exception carries besides its attributes.
#[derive(Clone, Default)]
pub struct ExcData {
    pub args: Vec<Value>,
    /// Frames it passed through, innermost last (as a traceback prints them); each frame it
    /// leaves goes in front.
    pub traceback: std::collections::VecDeque<TbEntry>,
    pub cause: Option<Value>,
    pub context: Option<Value>,
    pub suppress_context: bool,
    /// It was raised (its traceback is not None): one raised only where no frame of the
    /// program's is listed, in a library's code or by the loop, still prints its traceback's
    /// header, as CPython's does.
    pub raised: bool,
    /// What the frames it left held that CPython reports when they go (coroutines never
    /// awaited, locals of those frames or arguments of asyncio's functions written in Python
    /// there): a traceback keeps its frames, so they go when the exception does, after an
    /// uncaught one's traceback is printed, or when the `except` that caught it ends.
    pub holds: Vec<Value>,
    /// What CPython's `name`/`obj` (and the raising frame) give its "Did you mean" hint,
    /// computed only when the uncaught exception is printed.
    pub suggest: Option<Box<Suggest>>,
}

/// The candidates of a `NameError`'s or `AttributeError`'s hint.
#[derive(Clone)]
pub enum Suggest {
    /// The missing name, the raising frame's local variable names, its module.
    Name(Name, Vec<Name>, Rc<Module>),
    /// The missing attribute and the object it was looked up on.
    Attr(Name, Value),
}

/// One line of a traceback.
#[derive(Clone, Debug, PartialEq)]
pub struct TbEntry {
    pub line: u32,
    pub func: Name,
    /// The frame it was in (an exception passing a frame twice is listed once).
    pub frame: u64,
}

pub struct Module {
    pub name: Name,
    pub globals: RefCell<Attrs>,
    /// The dict `globals()` gave out, while the program holds it (see [`Module::globals_dict`]).
    globals_dict: RefCell<Weak<RefCell<Dict>>>,
    /// Whether `globals_dict` was given out: read on each global store, where a plain load
    /// is cheaper than upgrading the weak pointer.
    has_globals_dict: StdCell<bool>,
}

impl Module {
    pub fn new(name: &str) -> Rc<Module> {
        Rc::new(Module {
            name: Rc::from(name),
            globals: RefCell::new(Attrs::default()),
            globals_dict: RefCell::new(Weak::new()),
            has_globals_dict: StdCell::new(false),
        })
    }

    /// `globals()`: a dict of the globals, the same one while the program holds it. Writes
    /// through it are made to the globals ([`Dict::add_module_owner`]), and global stores and
    /// deletes to it ([`Module::store_global`], [`Module::delete_global`]).
    pub fn globals_dict(self: &Rc<Self>) -> Rc<RefCell<Dict>> {
        if let Some(d) = self.globals_dict.borrow().upgrade() {
            return d;
        }
        let mut d = Dict::new();
        for (k, v) in self.globals.borrow().iter() {
            d.set_str(k, v.clone());
        }
        d.add_module_owner(self);
        let d = Rc::new(RefCell::new(d));
        *self.globals_dict.borrow_mut() = Rc::downgrade(&d);
        self.has_globals_dict.set(true);
        d
    }

    /// The dict `globals()` gave out, if the program still holds it.
    pub fn held_globals_dict(&self) -> Option<Rc<RefCell<Dict>>> {
        self.globals_dict.borrow().upgrade()
    }

    /// `name = v` at the top level, or of a `global` name.
    #[inline]
    pub fn store_global(&self, name: &Name, v: Value) {
        if self.has_globals_dict.get() {
            self.mirror_to_globals_dict(name, Some(v.clone()));
        }
        self.globals.borrow_mut().insert(name.clone(), v);
    }

    /// `del name` of a global: whether it was there.
    pub fn delete_global(&self, name: &Name) -> bool {
        let removed = self.globals.borrow_mut().shift_remove(name);
        if removed.is_some() && self.has_globals_dict.get() {
            self.mirror_to_globals_dict(name, None);
        }
        removed.is_some()
    }

    /// Sets (or with `None` deletes) `name` in the dict `globals()` gave out, if the program
    /// still holds it. The dict passes the change on to the globals, as it does any change:
    /// the caller makes that change itself anyway.
    #[cold]
    fn mirror_to_globals_dict(&self, name: &Name, v: Option<Value>) {
        let held = self.globals_dict.borrow().upgrade();
        let Some(d) = held else {
            self.has_globals_dict.set(false);
            return;
        };
        let Ok(mut dict) = d.try_borrow_mut() else { return };
        let Some(key) = Key::new(Value::Str(name.clone())) else { return };
        let old = match v {
            Some(v) => {
                dict.insert(key, v);
                None
            }
            None => dict.remove(&key),
        };
        // Dropped with the dict let go: dropping it may run code.
        drop(dict);
        drop(old);
    }

    pub fn get(&self, name: &str) -> Option<Value> {
        self.globals.borrow().get(name).cloned()
    }

    pub fn set(&self, name: &str, value: Value) {
        self.globals.borrow_mut().insert(Rc::from(name), value);
    }
}

/// A native object: everything that is neither a basic value nor a user-visible class
/// instance (ranges, iterators, generators, coroutines, tasks, queues…). Each protocol has a
/// default meaning "not supported"; `this` is the value holding the object.
pub trait Object: Any {
    /// The type's name as Python shows it (`'range'`, `'coroutine'`, `'Task'`).
    fn type_name(&self) -> &str;
    fn as_any(&self) -> &dyn Any;
    fn repr(&self, _interp: &Interp, this: &Value) -> R<String> {
        Ok(format!("<{} object at 0x{:x}>", self.type_name(), this.identity().unwrap_or(0)))
    }
    /// `str(obj)` when it is not the repr (`str(queue)` leaves the address out).
    fn str(&self, _interp: &Interp, _this: &Value) -> Option<R<String>> {
        None
    }
    /// `obj.name`: its methods (bound to `this`) and attributes.
    fn attr(&self, _interp: &Interp, _this: &Value, _name: &Name) -> Option<R<Value>> {
        None
    }
    /// The built-in function behind its method `name`, which `obj.name(args)` calls with `obj`
    /// first without making the bound method (`attr` makes it for `obj.name` alone). Objects
    /// whose methods a program calls in its loops answer here: `queue.get()` and
    /// `sem.acquire()` would otherwise allocate a bound method on every call.
    fn method(&self, _name: &str) -> Option<BuiltinFn> {
        None
    }
    fn set_attr(&self, _interp: &Interp, _name: &Name, _v: Value) -> Option<R<()>> {
        None
    }
    /// For iterators: the next item, `Ok(None)` at the end.
    fn next(&self, _interp: &Interp) -> Option<R<Option<Value>>> {
        None
    }
    /// For iterables that are not iterators themselves: a new iterator.
    fn iter(&self, _interp: &Interp, _this: &Value) -> Option<R<Value>> {
        None
    }
    /// `len(obj)`, for the types that have one.
    fn py_len(&self) -> Option<usize> {
        None
    }
    fn truthy(&self) -> Option<bool> {
        None
    }
    fn contains(&self, _interp: &Interp, _item: &Value) -> Option<R<bool>> {
        None
    }
    fn get_item(&self, _interp: &Interp, _index: &Value) -> Option<R<Value>> {
        None
    }
    fn call(&self, _interp: &Interp, _this: &Value, _args: Args) -> Option<R<Value>> {
        None
    }
    /// `self == other` for value-like native objects (bytes, ranges).
    fn eq(&self, _other: &Value) -> Option<bool> {
        None
    }
    /// How it hashes as a dict key or set member: `None` by identity (the default),
    /// `Some(None)` unhashable (`bytearray`), `Some(Some(h))` by content (`bytes`), such keys
    /// being equal when [`Object::eq`] says so.
    fn key_hash(&self) -> Option<Option<u64>> {
        None
    }
}
