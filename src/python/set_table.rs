//! A set's storage, as CPython 3.11's `setobject.c` lays it out: an open-addressing table
//! probed from `hash & mask` (9 linear probes, then a perturbed jump), grown to a power of two
//! when three fifths are used, deleted entries left as dummies, and iteration in table order.
//! A set prints in the order its table holds it, so only this layout makes `{3, 1, 2}` print
//! `{1, 2, 3}` as CPython does (for ints, whose hashes are themselves; strings hash
//! differently in every CPython run, so no order is "right" for them).

use super::value::{needs_user_eq, Key, KeyTable};

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone, Debug)]
enum Slot {
    Empty,
    /// A deleted entry: probing goes on past it.
    Dummy,
    Full(Key),
}

#[derive(Clone, Debug)]
pub struct Table {
    slots: Vec<Slot>,
    /// Full entries.
    used: usize,
    /// Full and dummy entries.
    fill: usize,
    /// Where `pop` looks first.
    finger: usize,
}

impl Default for Table {
    fn default() -> Self {
        Table { slots: vec![Slot::Empty; MIN_SIZE], used: 0, fill: 0, finger: 0 }
    }
}

impl Table {
    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// The slot holding `key`, if any.
    fn find(&self, key: &Key) -> Option<usize> {
        self.walk(key.hash(), |k| k == key)
    }

    /// Visits the keys `hash`'s probe passes, in order, up to the first empty slot: the slot
    /// of the first key `stop` accepts, or `None`.
    fn walk(&self, hash: u64, mut stop: impl FnMut(&Key) -> bool) -> Option<usize> {
        let mask = self.mask();
        let mut i = hash as usize & mask;
        let mut perturb = hash;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                match &self.slots[j] {
                    Slot::Empty => return None,
                    Slot::Full(k) if stop(k) => return Some(j),
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    pub fn contains(&self, key: &Key) -> bool {
        self.find(key).is_some()
    }

    /// `set_add_entry`: false if an equal key was there already.
    pub fn insert(&mut self, key: Key) -> bool {
        let mask = self.mask();
        let mut i = key.hash() as usize & mask;
        let mut perturb = key.hash();
        let at = 'probe: loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                match &self.slots[j] {
                    Slot::Empty => break 'probe j,
                    Slot::Full(k) if *k == key => return false,
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        };
        self.slots[at] = Slot::Full(key);
        self.fill += 1;
        self.used += 1;
        if self.fill * 5 >= mask * 3 {
            self.resize(if self.used > 50_000 { self.used * 2 } else { self.used * 4 });
        }
        true
    }

    /// `set_insert_clean`: a key known to be absent, into a table without dummies.
    fn insert_clean(slots: &mut [Slot], key: Key) {
        let mask = slots.len() - 1;
        let mut i = key.hash() as usize & mask;
        let mut perturb = key.hash();
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            if let Some(slot) = slots[i..=i + probes].iter_mut().find(|s| matches!(s, Slot::Empty)) {
                *slot = Slot::Full(key);
                return;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// `set_table_resize`: the smallest power of two above `min_used`, keys re-inserted in
    /// table order, dummies dropped.
    fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; size]);
        for slot in old {
            if let Slot::Full(k) = slot {
                Self::insert_clean(&mut self.slots, k);
            }
        }
        self.fill = self.used;
    }

    /// `set_discard_entry`: false if the key was not there.
    pub fn remove(&mut self, key: &Key) -> bool {
        match self.find(key) {
            Some(at) => {
                self.slots[at] = Slot::Dummy;
                self.used -= 1;
                true
            }
            None => false,
        }
    }

    /// `set.pop()`: the first full slot from the finger on.
    pub fn pop(&mut self) -> Option<Key> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut at = self.finger & mask;
        while !matches!(self.slots[at], Slot::Full(_)) {
            at = if at == mask { 0 } else { at + 1 };
        }
        self.finger = at + 1;
        self.used -= 1;
        match std::mem::replace(&mut self.slots[at], Slot::Dummy) {
            Slot::Full(k) => Some(k),
            _ => None,
        }
    }

    pub fn clear(&mut self) {
        *self = Table::default();
    }

    /// Keys in table order (the order a set prints and iterates in).
    pub fn iter(&self) -> impl Iterator<Item = &Key> {
        self.slots.iter().filter_map(|s| match s {
            Slot::Full(k) => Some(k),
            _ => None,
        })
    }

    /// The first key at or after slot `from`, and the slot after it (for an iterator that
    /// checks the set between steps).
    pub fn next_from(&self, from: usize) -> Option<(&Key, usize)> {
        self.slots.iter().enumerate().skip(from).find_map(|(i, s)| match s {
            Slot::Full(k) => Some((k, i + 1)),
            _ => None,
        })
    }

    /// A new set holding this one's keys, as CPython copies a set (`set_merge` into an empty
    /// table: the same layout when the sizes agree, else each key re-inserted).
    pub fn copy(&self) -> Table {
        let mut t = Table::default();
        t.merge(self);
        t
    }

    /// `set_merge`: adds `other`'s keys (`update`, `|`, `set(a_set)`).
    pub fn merge(&mut self, other: &Table) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.slots.len() == other.slots.len() && other.fill == other.used {
            self.slots.clone_from(&other.slots);
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            for k in other.iter() {
                Self::insert_clean(&mut self.slots, k.clone());
            }
            self.fill = other.used;
            self.used = other.used;
            return;
        }
        for k in other.iter() {
            self.insert(k.clone());
        }
    }

    /// Adds keys from an iterable that is not a set: one resize up front when the count is
    /// known (a dict's keys), then each in turn.
    pub fn extend_presized(&mut self, keys: Vec<Key>) {
        if (self.fill + keys.len()) * 5 >= self.mask() * 3 {
            self.resize((self.used + keys.len()) * 2);
        }
        for k in keys {
            self.insert(k);
        }
    }
}

/// `a & b` (`set_intersection`): the smaller operand (the right one on a tie) is walked, each of
/// its keys kept if the other has it.
pub fn intersection(a: &Table, b: &Table) -> Table {
    let (walked, other) = if b.len() > a.len() { (a, b) } else { (b, a) };
    let mut r = Table::default();
    for k in walked.iter() {
        if other.contains(k) {
            r.insert(k.clone());
        }
    }
    r
}

/// `a - b` (`set_difference`): a copy of `a` without `b`'s keys when `a` is much larger, else
/// `a`'s keys that `b` lacks, added one by one.
pub fn difference(a: &Table, b: &Table) -> Table {
    if (a.len() >> 2) > b.len() {
        let mut r = a.copy();
        for k in b.iter() {
            r.remove(k);
        }
        return r;
    }
    let mut r = Table::default();
    for k in a.iter() {
        if !b.contains(k) {
            r.insert(k.clone());
        }
    }
    r
}

/// `a ^ b` (`set_symmetric_difference`): a copy of `b`, then each key of `a` removed if there,
/// added if not.
pub fn symmetric_difference(a: &Table, b: &Table) -> Table {
    let mut r = b.copy();
    r.toggle_all(a);
    r
}

impl Table {
    /// `set_symmetric_difference_update`: each of `other`'s keys removed if here, added if not.
    pub fn toggle_all(&mut self, other: &Table) {
        for k in other.iter() {
            if !self.remove(k) {
                self.insert(k.clone());
            }
        }
    }

    /// `hash(frozenset)`, CPython's: the shuffled hashes of the keys xored (so the order does
    /// not matter), the size mixed in, the bits dispersed.
    pub fn frozen_hash(&self) -> u64 {
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
        }
        let mut hash = self.iter().fold(0u64, |acc, k| acc ^ shuffle(k.hash()));
        hash ^= (self.len() as u64 + 1).wrapping_mul(1_927_868_237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
        if hash == u64::MAX {
            590_923_713
        } else {
            hash
        }
    }
}

impl IntoIterator for Table {
    type Item = Key;
    type IntoIter = std::vec::IntoIter<Key>;
    fn into_iter(self) -> Self::IntoIter {
        let keys: Vec<Key> = self
            .slots
            .into_iter()
            .filter_map(|s| match s {
                Slot::Full(k) => Some(k),
                _ => None,
            })
            .collect();
        keys.into_iter()
    }
}

impl FromIterator<Key> for Table {
    fn from_iter<I: IntoIterator<Item = Key>>(keys: I) -> Self {
        let mut t = Table::default();
        for k in keys {
            t.insert(k);
        }
        t
    }
}

impl KeyTable for Table {
    fn user_eq_candidates(&self, key: &Key) -> Vec<Key> {
        let mut found = Vec::new();
        self.walk(key.hash(), |k| {
            if needs_user_eq(key, k) {
                found.push(k.clone());
            }
            false
        });
        found
    }
}
