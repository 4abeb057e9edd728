//! `hashlib`: `md5`, `sha1` and the SHA-2 family (`sha224`, `sha256`, `sha384`, `sha512`), and
//! `new(name)`, over `bytes` and `bytearray`, with update, digest, hexdigest and copy. Left out:
//! sha3, blake2 and `hashlib.file_digest` (`ValueError: unsupported hash type`).

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use sha2::Digest;

use super::super::builtins::builtin;
use super::super::bytes::{bytes_of, Bytes};
use super::super::interp::{Interp, R};
use super::super::ir::Name;
use super::super::objects::{method, self_of};
use super::super::value::*;

/// A hash object: its algorithm and everything fed to it (hashed when asked).
struct Hash {
    name: &'static str,
    data: RefCell<Vec<u8>>,
}

/// Name, digest size and block size.
const ALGORITHMS: [(&str, i64, i64); 6] = [
    ("md5", 16, 64),
    ("sha1", 20, 64),
    ("sha224", 28, 64),
    ("sha256", 32, 64),
    ("sha384", 48, 128),
    ("sha512", 64, 128),
];

impl Hash {
    fn digest(&self) -> Vec<u8> {
        let data = self.data.borrow();
        match self.name {
            "md5" => md5::Md5::digest(&*data).to_vec(),
            "sha1" => sha1::Sha1::digest(&*data).to_vec(),
            "sha224" => sha2::Sha224::digest(&*data).to_vec(),
            "sha256" => sha2::Sha256::digest(&*data).to_vec(),
            "sha384" => sha2::Sha384::digest(&*data).to_vec(),
            _ => sha2::Sha512::digest(&*data).to_vec(),
        }
    }

    fn sizes(&self) -> (i64, i64) {
        ALGORITHMS.iter().find(|a| a.0 == self.name).map_or((0, 0), |a| (a.1, a.2))
    }
}

/// What may be hashed: bytes or a bytearray, with CPython's errors for the rest.
fn data_of(interp: &Interp, v: &Value) -> R<Vec<u8>> {
    match v {
        Value::Str(_) => Err(interp.type_error("Strings must be encoded before hashing")),
        other => match bytes_of(other) {
            Some((data, _)) => Ok(data),
            None => {
                Err(interp.type_error(format!("object supporting the buffer API required, not {}", other.type_name())))
            }
        },
    }
}

impl Object for Hash {
    fn type_name(&self) -> &str {
        "_hashlib.HASH"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _interp: &Interp, _this: &Value) -> R<String> {
        Ok(format!("<{} _hashlib.HASH object>", self.name))
    }
    fn attr(&self, _interp: &Interp, this: &Value, name: &Name) -> Option<R<Value>> {
        Some(Ok(match &**name {
            "name" => Value::str(self.name),
            "digest_size" => Value::Int(self.sizes().0),
            "block_size" => Value::Int(self.sizes().1),
            "update" => method(this, "update", |interp, args| {
                let h = self_of::<Hash>(interp, &args)?;
                let data = data_of(interp, args.pos.get(1).unwrap_or(&Value::None))?;
                h.data.borrow_mut().extend(data);
                Ok(Value::None)
            }),
            "digest" => method(this, "digest", |interp, args| {
                Ok(Value::object(Bytes(self_of::<Hash>(interp, &args)?.digest())))
            }),
            "hexdigest" => method(this, "hexdigest", |interp, args| {
                let d = self_of::<Hash>(interp, &args)?.digest();
                Ok(Value::str(&d.iter().map(|b| format!("{b:02x}")).collect::<String>()))
            }),
            "copy" => method(this, "copy", |interp, args| {
                let h = self_of::<Hash>(interp, &args)?;
                Ok(Value::object(Hash { name: h.name, data: RefCell::new(h.data.borrow().clone()) }))
            }),
            _ => return None,
        }))
    }
}

/// A new hash object of algorithm `name` over `data` (the first argument or `data=`/`string=`).
fn new_hash(interp: &Interp, name: &str, args: &Args, first: usize) -> R<Value> {
    let Some(&(name, _, _)) = ALGORITHMS.iter().find(|a| a.0 == name.to_ascii_lowercase()) else {
        return Err(interp.value_error(format!("unsupported hash type {name}")));
    };
    let data =
        args.pos.get(first).or_else(|| args.kw.iter().find(|(k, _)| matches!(&**k, "data" | "string")).map(|(_, v)| v));
    let data = match data {
        Some(v) => data_of(interp, v)?,
        None => Vec::new(),
    };
    Ok(Value::object(Hash { name, data: RefCell::new(data) }))
}

pub fn module() -> Rc<Module> {
    let m = Module::new("hashlib");
    m.set("md5", builtin("md5", |interp, a| new_hash(interp, "md5", &a, 0)));
    m.set("sha1", builtin("sha1", |interp, a| new_hash(interp, "sha1", &a, 0)));
    m.set("sha224", builtin("sha224", |interp, a| new_hash(interp, "sha224", &a, 0)));
    m.set("sha256", builtin("sha256", |interp, a| new_hash(interp, "sha256", &a, 0)));
    m.set("sha384", builtin("sha384", |interp, a| new_hash(interp, "sha384", &a, 0)));
    m.set("sha512", builtin("sha512", |interp, a| new_hash(interp, "sha512", &a, 0)));
    m.set(
        "new",
        builtin("new", |interp, a| match a.pos.first() {
            Some(Value::Str(name)) => new_hash(interp, &name.clone(), &a, 1),
            _ => Err(interp.type_error("new() argument 'name' must be str")),
        }),
    );
    m
}
