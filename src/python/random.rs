//! Python's `random` module, bit for bit as CPython 3.11 (Modules/_randommodule.c and
//! Lib/random.py): the Mersenne Twister MT19937, CPython's seeding, and each method's exact use
//! of the generator, so that a seeded program prints what CPython prints.
//!
//! Sequences appear as lengths and the results as indices (`choice` returns the index to take),
//! so the interpreter applies them to its own lists. Results within `i64` come as `i64`;
//! the engine draws wider ones (`getrandbits(k)` past 64 bits, ranges past `i64`) as 32-bit
//! words with [`Random::getrandbits_words`] and makes big ints of them.
//!
//! Seeds: ints (`i64`, or any size as 32-bit words), floats (by their hash, as CPython), str and
//! bytes (version 2: with their SHA-512), and `None` (the caller passes entropy as words).
//! Results that are lists (`sample`, `choices`, `randbytes`) are refused past [`MAX_ITEMS`]
//! items with `MemoryError`, so a typo cannot make the page allocate gigabytes.
//!
//! `gauss`, `normalvariate`, `lognormvariate` and `expovariate` call `log`, `exp`, `cos`, `sin`
//! and `sqrt`: natively these are the C library's, as CPython's are; in wasm they come from
//! Rust's port of musl's, which may differ from glibc in the last bit on rare inputs.

use std::collections::{HashMap, HashSet};

use crate::python::format::{hash_float, Exc, Raise};

/// The longest list `sample`, `choices` and `randbytes` will build.
pub const MAX_ITEMS: usize = 10_000_000;

/// Refuses a result list longer than [`MAX_ITEMS`].
fn check_items(k: usize) -> Result<(), Raise> {
    if k > MAX_ITEMS {
        return Err(Raise::new(
            Exc::MemoryError,
            format!("a list of {k} items is over this interpreter's limit of {MAX_ITEMS}"),
        ));
    }
    Ok(())
}

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// One generator: `random.Random(seed)`, or the module's hidden instance.
#[derive(Clone)]
pub struct Random {
    mt: [u32; N],
    index: usize,
    /// `gauss` makes values in pairs and keeps the second for the next call.
    gauss_next: Option<f64>,
}

impl std::fmt::Debug for Random {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Random").field("index", &self.index).finish_non_exhaustive()
    }
}

impl Random {
    /// `random.Random(n)` for an int seed.
    pub fn new(seed: i64) -> Self {
        let mut r = Random::unseeded();
        r.seed_int(seed);
        r
    }

    /// The state before any seeding (every constructor seeds it at once).
    fn unseeded() -> Self {
        Random { mt: [0; N], index: N, gauss_next: None }
    }

    /// A generator seeded from 32-bit words (see [`Random::seed_words`]); for `Random()` and
    /// `seed()` with no argument, pass entropy (CPython reads 624 words from the OS).
    pub fn from_words(key: &[u32]) -> Self {
        let mut r = Random::unseeded();
        r.seed_words(key);
        r
    }

    /// `seed(n)` for an int (or bool): the key is |n| in 32-bit words.
    pub fn seed_int(&mut self, n: i64) {
        let a = n.unsigned_abs();
        self.seed_words(&[a as u32, (a >> 32) as u32]);
    }

    /// `seed(n)` for an int given as |n| in 32-bit words, least significant first (for ints past
    /// `i64`). High zero words are ignored, as CPython sizes the key by the number's bit length.
    pub fn seed_words(&mut self, key: &[u32]) {
        let used = key.iter().rposition(|&w| w != 0).map_or(1, |i| i + 1);
        let key = if key.is_empty() { &[0][..] } else { &key[..used] };
        self.init_by_array(key);
        self.gauss_next = None;
    }

    /// `seed(x)` for a float: CPython seeds with `hash(x)` taken as an unsigned 64-bit number
    /// (not its absolute value). A nan, which CPython hashes by identity, seeds as hash 0.
    pub fn seed_float(&mut self, x: f64) {
        let h = hash_float(x) as u64;
        self.seed_words(&[h as u32, (h >> 32) as u32]);
    }

    /// `seed(s)` for a str (version 2): its UTF-8 bytes, as [`Random::seed_bytes`].
    pub fn seed_str(&mut self, s: &str) {
        self.seed_bytes(s.as_bytes());
    }

    /// `seed(b)` for bytes or bytearray (version 2): the big-endian int made of the bytes
    /// followed by their SHA-512 digest.
    pub fn seed_bytes(&mut self, bytes: &[u8]) {
        use sha2::Digest;
        let mut all = bytes.to_vec();
        all.extend_from_slice(&sha2::Sha512::digest(bytes));
        // 32-bit words, least significant first: 4-byte chunks taken from the end.
        let words: Vec<u32> = all.rchunks(4).map(|c| c.iter().fold(0u32, |w, &b| (w << 8) | u32::from(b))).collect();
        self.seed_words(&words);
    }

    /// MT19937's `init_genrand`.
    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            let prev = self.mt[i - 1];
            self.mt[i] = 1_812_433_253u32.wrapping_mul(prev ^ (prev >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// MT19937's `init_by_array`, as CPython calls it.
    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.mt;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525)).wrapping_add(key[j]).wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    /// The next 32 random bits (`genrand_uint32`).
    fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            let mt = &mut self.mt;
            let mag = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
            for k in 0..N {
                let y = (mt[k] & UPPER_MASK) | (mt[(k + 1) % N] & LOWER_MASK);
                mt[k] = mt[(k + M) % N] ^ (y >> 1) ^ mag(y);
            }
            self.index = 0;
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random()`: a float in [0, 1) with 53 random bits.
    pub fn random(&mut self) -> f64 {
        let a = f64::from(self.next_u32() >> 5);
        let b = f64::from(self.next_u32() >> 6);
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` for k up to 64 (the engine asks for more as words, with
    /// [`Random::getrandbits_words`]). A negative k is CPython's `ValueError`.
    pub fn getrandbits(&mut self, k: i64) -> Result<u64, Raise> {
        if k < 0 {
            return Err(Raise::value("number of bits must be non-negative"));
        }
        if k > 64 {
            return Err(Raise::overflow(crate::python::format::INT_OVERFLOW));
        }
        Ok(self.bits(k as u32) as u64)
    }

    /// `getrandbits(k)` for any `k`, as its 32-bit words, least significant first (CPython's
    /// order: the last word is cut to its top bits).
    pub fn getrandbits_words(&mut self, k: u32) -> Vec<u32> {
        let mut out = Vec::with_capacity(k.div_ceil(32) as usize);
        let mut left = k;
        while left > 0 {
            out.push(self.word(left));
            left = left.saturating_sub(32);
        }
        out
    }

    /// The next word of a `getrandbits` with `left` bits still to make: all 32 bits, or for the
    /// last, partial word its top `left` bits.
    fn word(&mut self, left: u32) -> u32 {
        if left < 32 {
            self.next_u32() >> (32 - left)
        } else {
            self.next_u32()
        }
    }

    /// `getrandbits(k)` for 0 <= k <= 128: 32-bit words, least significant first, the last one
    /// cut to its top bits.
    fn bits(&mut self, k: u32) -> u128 {
        let mut out = 0u128;
        let mut left = k.min(128);
        let mut shift = 0;
        while left > 0 {
            out |= u128::from(self.word(left)) << shift;
            shift += 32;
            left = left.saturating_sub(32);
        }
        out
    }

    /// `randbytes(n)`: `getrandbits(8n)` as n little-endian bytes.
    pub fn randbytes(&mut self, n: usize) -> Result<Vec<u8>, Raise> {
        check_items(n)?;
        let mut out = Vec::with_capacity(n);
        let mut left = n * 8;
        while left > 0 {
            let word = self.word(left.min(32) as u32);
            out.extend_from_slice(&word.to_le_bytes());
            left = left.saturating_sub(32);
        }
        out.truncate(n);
        Ok(out)
    }

    /// `_randbelow(n)` (CPython's `_randbelow_with_getrandbits`): `getrandbits(n.bit_length())`
    /// until it is below n. `n == 0` gives 0 without drawing (CPython never asks).
    pub fn randbelow(&mut self, n: u64) -> u64 {
        self.randbelow_wide(u128::from(n)) as u64
    }

    /// `randbelow` for n up to 2^64, the widest range two i64 bounds make (`randint(i64::MIN,
    /// i64::MAX)` draws 65 bits, as CPython does).
    fn randbelow_wide(&mut self, n: u128) -> u128 {
        if n == 0 {
            return 0;
        }
        let k = 128 - n.leading_zeros();
        loop {
            let r = self.bits(k);
            if r < n {
                return r;
            }
        }
    }

    /// `randrange(stop)` is `randrange(stop, None, 1)`; `randrange(start, stop, step)` with
    /// 3.11's messages (`empty range for randrange() (0, 0, 0)`, `zero step for randrange()`,
    /// `Missing a non-None stop argument`).
    pub fn randrange(&mut self, start: i64, stop: Option<i64>, step: i64) -> Result<i64, Raise> {
        self.randrange_wide(i128::from(start), stop.map(i128::from), i128::from(step))
    }

    /// `randrange` on i128, so that `randint(a, i64::MAX)` can say `stop = b + 1`.
    fn randrange_wide(&mut self, start: i128, stop: Option<i128>, step: i128) -> Result<i64, Raise> {
        let Some(stop) = stop else {
            if step != 1 {
                return Err(Raise::type_error("Missing a non-None stop argument"));
            }
            if start > 0 {
                return Ok(self.randbelow_wide(start as u128) as i64);
            }
            return Err(Raise::value("empty range for randrange()"));
        };
        let width = stop - start;
        if step == 1 {
            if width > 0 {
                return Ok((start + self.randbelow_wide(width as u128) as i128) as i64);
            }
            return Err(Raise::value(format!("empty range for randrange() ({start}, {stop}, {width})")));
        }
        // Python's // floors; div_euclid would differ for a negative step.
        let floor_div = |a: i128, b: i128| a / b - i128::from((a % b != 0) && ((a < 0) != (b < 0)));
        let n = match step {
            0 => return Err(Raise::value("zero step for randrange()")),
            s if s > 0 => floor_div(width + s - 1, s),
            s => floor_div(width + s + 1, s),
        };
        if n <= 0 {
            return Err(Raise::value("empty range for randrange()"));
        }
        // n <= 2^64 because start and stop are i64 (stop may be i64::MAX + 1 from randint), and
        // the result lies in [start, stop).
        Ok((start + step * self.randbelow_wide(n as u128) as i128) as i64)
    }

    /// `randint(a, b)`: `randrange(a, b + 1)`.
    pub fn randint(&mut self, a: i64, b: i64) -> Result<i64, Raise> {
        self.randrange_wide(i128::from(a), Some(i128::from(b) + 1), 1)
    }

    /// `choice(seq)` for a sequence of length `len`: the index to take.
    pub fn choice(&mut self, len: usize) -> Result<usize, Raise> {
        if len == 0 {
            return Err(Raise::new(Exc::IndexError, "Cannot choose from an empty sequence"));
        }
        Ok(self.randbelow(len as u64) as usize)
    }

    /// `shuffle(x)` in place.
    pub fn shuffle<T>(&mut self, x: &mut [T]) {
        for i in (1..x.len()).rev() {
            let j = self.randbelow(i as u64 + 1) as usize;
            x.swap(i, j);
        }
    }

    /// `sample(population, k)` for a population of length `n`: the indices chosen, in order.
    /// CPython's algorithm exactly, including its switch between a shrinking pool (small
    /// populations) and a set of picks (large ones).
    pub fn sample(&mut self, n: usize, k: i64) -> Result<Vec<usize>, Raise> {
        let k = usize::try_from(k)
            .ok()
            .filter(|&k| k <= n)
            .ok_or_else(|| Raise::value("Sample larger than population or is negative"))?;
        check_items(k)?;
        let mut setsize: u128 = 21;
        if k > 5 {
            // math.log(k * 3, 4) is log(k * 3) / log(4) in Python.
            let e = ((k as f64 * 3.0).ln() / 4f64.ln()).ceil() as u32;
            setsize = setsize.saturating_add(4u128.checked_pow(e).unwrap_or(u128::MAX));
        }
        let mut result = Vec::with_capacity(k);
        if n as u128 <= setsize {
            // CPython copies the population into a pool and fills each pick's hole with the
            // pool's last element. The pool here is sparse (only moved entries are stored, the
            // rest hold their own index), so memory stays O(k) however large n is.
            let mut moved: HashMap<usize, usize> = HashMap::with_capacity(k);
            for i in 0..k {
                let j = self.randbelow((n - i) as u64) as usize;
                let last = n - i - 1;
                result.push(moved.get(&j).copied().unwrap_or(j));
                let tail = moved.get(&last).copied().unwrap_or(last);
                moved.insert(j, tail);
            }
        } else {
            let mut selected = HashSet::with_capacity(k);
            for _ in 0..k {
                let mut j = self.randbelow(n as u64) as usize;
                while selected.contains(&j) {
                    j = self.randbelow(n as u64) as usize;
                }
                selected.insert(j);
                result.push(j);
            }
        }
        Ok(result)
    }

    /// `sample(population, k, counts=counts)`: `counts` has one count per population element;
    /// returns population indices. (The caller checks that counts are ints and that there is one
    /// per element: "The number of counts does not match the population", "Counts must be
    /// integers".)
    pub fn sample_counts(&mut self, counts: &[i64], k: i64) -> Result<Vec<usize>, Raise> {
        let mut cum: Vec<i128> = counts
            .iter()
            .scan(0i128, |acc, &c| {
                *acc += i128::from(c);
                Some(*acc)
            })
            .collect();
        let total = cum.pop().ok_or_else(|| Raise::new(Exc::IndexError, "pop from empty list"))?;
        if total <= 0 {
            return Err(Raise::value("Total of counts must be greater than zero"));
        }
        let total = usize::try_from(total).map_err(|_| Raise::overflow(crate::python::format::INT_OVERFLOW))?;
        let picks = self.sample(total, k)?;
        // bisect_right(cum, s): how many cumulative counts are <= s.
        Ok(picks.into_iter().map(|s| cum.partition_point(|&c| c <= s as i128)).collect())
    }

    /// `choices(population, weights, cum_weights=…, k=k)` for a population of length `n`: the
    /// indices chosen. Weights are floats here (int weights past 2^53 would round). An empty
    /// population without weights fails as indexing a list does ("list index out of range");
    /// for a tuple or range the caller may reword it as CPython would.
    pub fn choices(
        &mut self,
        n: usize,
        weights: Option<&[f64]>,
        cum_weights: Option<&[f64]>,
        k: usize,
    ) -> Result<Vec<usize>, Raise> {
        check_items(k)?;
        let cum: Vec<f64> = match (weights, cum_weights) {
            (None, None) => {
                if n == 0 && k > 0 {
                    // CPython draws once, then fails indexing the empty population.
                    self.random();
                    return Err(Raise::new(Exc::IndexError, "list index out of range"));
                }
                let nf = n as f64;
                return Ok((0..k).map(|_| (self.random() * nf).floor() as usize).collect());
            }
            (Some(w), None) => w
                .iter()
                .scan(0.0, |acc, &x| {
                    *acc += x;
                    Some(*acc)
                })
                .collect(),
            (None, Some(c)) => c.to_vec(),
            (Some(_), Some(_)) => return Err(Raise::type_error("Cannot specify both weights and cumulative weights")),
        };
        if cum.len() != n {
            return Err(Raise::value("The number of weights does not match the population"));
        }
        let total = *cum.last().ok_or_else(|| Raise::new(Exc::IndexError, "list index out of range"))?;
        if total <= 0.0 {
            return Err(Raise::value("Total of weights must be greater than zero"));
        }
        if !total.is_finite() {
            return Err(Raise::value("Total of weights must be finite"));
        }
        let hi = n - 1;
        // bisect(cum_weights, x, 0, hi): bisect_right within cum[..hi].
        Ok((0..k)
            .map(|_| {
                let x = self.random() * total;
                cum[..hi].partition_point(|&c| c <= x)
            })
            .collect())
    }

    /// `uniform(a, b)`.
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// `triangular(low, high, mode)`.
    pub fn triangular(&mut self, low: f64, high: f64, mode: Option<f64>) -> f64 {
        let mut u = self.random();
        let mut c = match mode {
            None => 0.5,
            // Python's float division by zero raises, and triangular returns low then.
            Some(_) if high - low == 0.0 => return low,
            Some(m) => (m - low) / (high - low),
        };
        let (mut low, mut high) = (low, high);
        if u > c {
            u = 1.0 - u;
            c = 1.0 - c;
            std::mem::swap(&mut low, &mut high);
        }
        low + (high - low) * (u * c).sqrt()
    }

    /// `gauss(mu, sigma)`: Box–Muller, the second value of each pair kept for the next call.
    pub fn gauss(&mut self, mu: f64, sigma: f64) -> f64 {
        let z = match self.gauss_next.take() {
            Some(z) => z,
            None => {
                let x2pi = self.random() * (2.0 * std::f64::consts::PI);
                let g2rad = (-2.0 * (1.0 - self.random()).ln()).sqrt();
                self.gauss_next = Some(x2pi.sin() * g2rad);
                x2pi.cos() * g2rad
            }
        };
        mu + z * sigma
    }

    /// `normalvariate(mu, sigma)`: Kinderman and Monahan's ratio method.
    pub fn normalvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        let nv_magicconst = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
        loop {
            let u1 = self.random();
            let u2 = 1.0 - self.random();
            let z = nv_magicconst * (u1 - 0.5) / u2;
            let zz = z * z / 4.0;
            if zz <= -u2.ln() {
                return mu + z * sigma;
            }
        }
    }

    /// `lognormvariate(mu, sigma)`.
    pub fn lognormvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        self.normalvariate(mu, sigma).exp()
    }

    /// `vonmisesvariate(mu, kappa)`: Best and Fisher's method, as CPython's `random.py`.
    pub fn vonmisesvariate(&mut self, mu: f64, kappa: f64) -> Result<f64, Raise> {
        let two_pi = 2.0 * std::f64::consts::PI;
        if kappa <= 1e-6 {
            return Ok(two_pi * self.random());
        }
        // CPython's loop never ends on a NaN: here that would freeze the page for good.
        if kappa.is_nan() {
            return Err(Raise::value("vonmisesvariate: kappa is nan (CPython would loop forever on it)"));
        }
        let s = 0.5 / kappa;
        let r = s + (1.0 + s * s).sqrt();
        let z = loop {
            let u1 = self.random();
            let z = (std::f64::consts::PI * u1).cos();
            let d = z / (r + z);
            let u2 = self.random();
            if u2 < 1.0 - d * d || u2 <= (1.0 - d) * d.exp() {
                break z;
            }
        };
        let q = 1.0 / r;
        let f = (q + z) / (1.0 + q * z);
        let theta = if self.random() > 0.5 { mu + f.acos() } else { mu - f.acos() };
        Ok(py_fmod(theta, two_pi))
    }

    /// `gammavariate(alpha, beta)`: Cheng's method for alpha > 1, Ahrens and Dieter's (GS)
    /// below, as CPython's `random.py`.
    pub fn gammavariate(&mut self, alpha: f64, beta: f64) -> Result<f64, Raise> {
        // `not (alpha > 0 and beta > 0)` would let NaN through, as CPython's test does.
        if alpha <= 0.0 || beta <= 0.0 {
            return Err(Raise::value("gammavariate: alpha and beta must be > 0.0"));
        }
        // CPython's rejection loops never end on a NaN or infinite alpha: here that would
        // freeze the page for good.
        if !alpha.is_finite() {
            return Err(Raise::value(format!(
                "gammavariate: alpha is {} (CPython would loop forever on it)",
                if alpha.is_nan() { "nan" } else { "inf" }
            )));
        }
        if alpha > 1.0 {
            let log4 = 4.0f64.ln();
            let sg_magicconst = 1.0 + 4.5f64.ln();
            let ainv = (2.0 * alpha - 1.0).sqrt();
            if !ainv.is_finite() {
                return Err(Raise::value("gammavariate: alpha is too large (CPython would loop forever on it)"));
            }
            let bbb = alpha - log4;
            let ccc = alpha + ainv;
            loop {
                let u1 = self.random();
                if !(1e-7 < u1 && u1 < 0.9999999) {
                    continue;
                }
                let u2 = 1.0 - self.random();
                let v = (u1 / (1.0 - u1)).ln() / ainv;
                let x = alpha * v.exp();
                let z = u1 * u1 * u2;
                let r = bbb + ccc * v - x;
                if r + sg_magicconst - 4.5 * z >= 0.0 || r >= z.ln() {
                    return Ok(x * beta);
                }
            }
        } else if alpha == 1.0 {
            Ok(-(1.0 - self.random()).ln() * beta)
        } else {
            let e = std::f64::consts::E;
            loop {
                let u = self.random();
                let b = (e + alpha) / e;
                let p = b * u;
                let x = if p <= 1.0 { p.powf(1.0 / alpha) } else { -((b - p) / alpha).ln() };
                let u1 = self.random();
                let accept = if p > 1.0 { u1 <= x.powf(alpha - 1.0) } else { u1 <= (-x).exp() };
                if accept {
                    return Ok(x * beta);
                }
            }
        }
    }

    /// `betavariate(alpha, beta)`: from two gamma variates.
    pub fn betavariate(&mut self, alpha: f64, beta: f64) -> Result<f64, Raise> {
        let y = self.gammavariate(alpha, 1.0)?;
        if y != 0.0 {
            return Ok(y / (y + self.gammavariate(beta, 1.0)?));
        }
        Ok(0.0)
    }

    /// `paretovariate(alpha)`.
    pub fn paretovariate(&mut self, alpha: f64) -> Result<f64, Raise> {
        let u = 1.0 - self.random();
        if alpha == 0.0 {
            return Err(Raise::zero_div("float division by zero"));
        }
        py_pow(u, -1.0 / alpha)
    }

    /// `weibullvariate(alpha, beta)`.
    pub fn weibullvariate(&mut self, alpha: f64, beta: f64) -> Result<f64, Raise> {
        let u = 1.0 - self.random();
        if beta == 0.0 {
            return Err(Raise::zero_div("float division by zero"));
        }
        Ok(alpha * py_pow(-u.ln(), 1.0 / beta)?)
    }

    /// `expovariate(lambd)` (3.11: lambd is required; 0 divides by zero).
    pub fn expovariate(&mut self, lambd: f64) -> Result<f64, Raise> {
        let draw = -(1.0 - self.random()).ln();
        if lambd == 0.0 {
            return Err(Raise::zero_div("float division by zero"));
        }
        Ok(draw / lambd)
    }
}

/// Python's float `%`: the result takes the divisor's sign.
fn py_fmod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 && (m < 0.0) != (b < 0.0) {
        m + b
    } else if m == 0.0 {
        0.0f64.copysign(b)
    } else {
        m
    }
}

/// Python's float `**` where the draws can take it: zero to a negative power divides by zero,
/// and a finite result too large for a float overflows.
fn py_pow(x: f64, y: f64) -> Result<f64, Raise> {
    if x == 0.0 && y < 0.0 {
        return Err(Raise::zero_div("0.0 cannot be raised to a negative power"));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(Raise::overflow("(34, 'Numerical result out of range')"));
    }
    Ok(r)
}

#[cfg(test)]
mod tests;
