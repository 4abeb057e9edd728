//! `random`: CPython's Mersenne Twister, bit for bit (see [`crate::python::random`]), so a
//! seeded program prints what CPython prints. The module's functions share one generator;
//! `random.Random(seed)` makes more. `getstate()` answers the generator's state as an object
//! of its own (CPython's is a tuple of 625 ints), which `setstate()` takes back.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use super::super::bigint;
use super::super::builtins::builtin;
use super::super::interp::{Interp, R};
use super::super::ir::{BinOp, Name};
use super::super::methods;
use super::super::objects::method;
use super::super::ops;
use super::super::random::Random;
use super::super::value::*;

/// `random.Random(seed)`: a generator of its own.
struct RandomObj(RefCell<Random>);

impl Object for RandomObj {
    fn type_name(&self) -> &str {
        "Random"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn attr(&self, _interp: &Interp, this: &Value, name: &Name) -> Option<R<Value>> {
        let f = function(name)?;
        Some(Ok(method(this, name, f)))
    }
}

/// What `getstate()` returns: a copy of the generator, for `setstate()`.
struct State(Random);

impl Object for State {
    fn type_name(&self) -> &str {
        "random_state"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Runs `f` on the generator a call is for: an instance's, or the module's. `f` borrows it
/// only to draw, after its arguments are converted: a conversion may run user code (an
/// `__index__`, a generator) that draws from the same generator.
fn with_rng<T>(interp: &Interp, args: &mut Args, f: impl FnOnce(&RefCell<Random>, &Args) -> R<T>) -> R<T> {
    if let Some(r) = args.pos.first().and_then(|v| v.downcast::<RandomObj>()) {
        let rest = Args { pos: args.pos[1..].to_vec(), kw: std::mem::take(&mut args.kw) };
        return f(&r.0, &rest);
    }
    f(&interp.random, args)
}

fn num(interp: &Interp, a: &Args, i: usize, name: &str) -> R<f64> {
    match a.pos.get(i).or_else(|| a.kw.iter().find(|(k, _)| &**k == name).map(|(_, v)| v)) {
        Some(v) => ops::to_f64(interp, v),
        None => Err(interp.type_error(format!("missing required argument '{name}'"))),
    }
}

fn raise(interp: &Interp) -> impl Fn(super::super::format::Raise) -> super::super::interp::PyErr + '_ {
    move |r| interp.raise(r)
}

/// Seeds from an int, a float, a str, or (None) from the clock.
fn seed(interp: &Interp, rng: &mut Random, v: Option<&Value>) -> R<()> {
    match v {
        None | Some(Value::None) => {
            let t = super::super::interp::now_ms().to_bits();
            rng.seed_words(&[t as u32, (t >> 32) as u32]);
        }
        Some(Value::Int(i)) => rng.seed_int(*i),
        Some(Value::BigInt(b)) => rng.seed_words(&b.magnitude().to_u32_digits()),
        Some(Value::Bool(b)) => rng.seed_int(*b as i64),
        Some(Value::Float(x)) => rng.seed_float(*x),
        Some(Value::Str(s)) => rng.seed_str(s),
        Some(other) => {
            return Err(interp.type_error(format!(
                "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.\n(got {})",
                other.type_name()
            )))
        }
    }
    Ok(())
}

fn function(name: &str) -> Option<BuiltinFn> {
    Some(match name {
        "seed" => |interp, mut a| {
            with_rng(interp, &mut a, |rng, a| seed(interp, &mut rng.borrow_mut(), a.pos.first()))?;
            Ok(Value::None)
        },
        "random" => |interp, mut a| with_rng(interp, &mut a, |rng, _| Ok(Value::Float(rng.borrow_mut().random()))),
        "getstate" => |interp, mut a| with_rng(interp, &mut a, |rng, _| Ok(Value::object(State(rng.borrow().clone())))),
        "setstate" => |interp, mut a| {
            with_rng(interp, &mut a, |rng, a| match a.pos.first().and_then(|v| v.downcast::<State>()) {
                Some(state) => {
                    *rng.borrow_mut() = state.0.clone();
                    Ok(Value::None)
                }
                None => Err(interp.type_error("state vector must be a state that getstate() returned")),
            })
        },
        "uniform" => |interp, mut a| {
            with_rng(interp, &mut a, |rng, a| {
                let (lo, hi) = (num(interp, a, 0, "a")?, num(interp, a, 1, "b")?);
                Ok(Value::Float(rng.borrow_mut().uniform(lo, hi)))
            })
        },
        "randint" => |interp, mut a| {
            with_rng(interp, &mut a, |rng, a| {
                if a.pos.iter().any(|v| matches!(v, Value::BigInt(_))) {
                    let hi = ops::binop(interp, BinOp::Add, a.pos.get(1).cloned().unwrap_or_default(), Value::Int(1))?;
                    return big_randrange(interp, rng, &a.pos[0], Some(&hi), None);
                }
                let (lo, hi) = (
                    ops::to_index(interp, a.pos.first().unwrap_or(&Value::None))?,
                    ops::to_index(interp, a.pos.get(1).unwrap_or(&Value::None))?,
                );
                rng.borrow_mut().randint(lo, hi).map(Value::Int).map_err(raise(interp))
            })
        },
        "randrange" => |interp, mut a| {
            with_rng(interp, &mut a, |rng, a| {
                if a.pos.iter().any(|v| matches!(v, Value::BigInt(_))) {
                    let stop = a.pos.get(1).filter(|v| !v.is_none());
                    return big_randrange(interp, rng, &a.pos[0], stop, a.pos.get(2));
                }
                let start = ops::to_index(interp, a.pos.first().unwrap_or(&Value::None))?;
                let stop = a.pos.get(1).filter(|v| !v.is_none()).map(|v| ops::to_index(interp, v)).transpose()?;
                let step = match a.pos.get(2) {
                    Some(v) => ops::to_index(interp, v)?,
                    None => 1,
                };
                rng.borrow_mut().randrange(start, stop, step).map(Value::Int).map_err(raise(interp))
            })
        },
        "getrandbits" => |interp, mut a| {
            with_rng(interp, &mut a, |rng, a| {
                let k = ops::to_index(interp, a.pos.first().unwrap_or(&Value::None))?;
                if k > 64 {
                    bigint::check_bits(interp, k as f64)?;
                    let words = rng.borrow_mut().getrandbits_words(k as u32);
                    return Ok(bigint::from_words_le(&words));
                }
                let v = rng.borrow_mut().getrandbits(k).map_err(raise(interp))?;
                Ok(i64::try_from(v).map_or_else(|_| bigint::int(v.into()), Value::Int))
            })
        },
        "choice" => |interp, mut a| {
            with_rng(interp, &mut a, |rng, a| {
                let seq = ops::collect(interp, a.pos.first().unwrap_or(&Value::None))?;
                if seq.is_empty() {
                    return Err(interp.index_error("Cannot choose from an empty sequence"));
                }
                let i = rng.borrow_mut().choice(seq.len()).map_err(raise(interp))?;
                Ok(seq[i].clone())
            })
        },
        "choices" => |interp, mut a| {
            with_rng(interp, &mut a, |rng, a| {
                let population = ops::collect(interp, a.pos.first().unwrap_or(&Value::None))?;
                let kw = |name: &str| a.kw.iter().find(|(k, _)| &**k == name).map(|(_, v)| v.clone());
                let floats = |v: Option<Value>| -> R<Option<Vec<f64>>> {
                    match v {
                        Some(Value::None) | None => Ok(None),
                        Some(v) => Ok(Some(
                            ops::collect(interp, &v)?.iter().map(|x| ops::to_f64(interp, x)).collect::<R<Vec<_>>>()?,
                        )),
                    }
                };
                let weights = floats(a.pos.get(1).cloned().or_else(|| kw("weights")))?;
                let cum = floats(kw("cum_weights"))?;
                let k = match kw("k") {
                    Some(v) => ops::to_index(interp, &v)?.max(0) as usize,
                    None => 1,
                };
                let picks = rng.borrow_mut().choices(population.len(), weights.as_deref(), cum.as_deref(), k);
                let picks = picks.map_err(raise(interp))?;
                Ok(Value::list(picks.into_iter().map(|i| population[i].clone()).collect()))
            })
        },
        "shuffle" => |interp, mut a| {
            with_rng(interp, &mut a, |rng, a| {
                // A list subclass's instance: the list it holds.
                let held = a.pos.first().and_then(|v| methods::held_builtin(&interp.types.list, v));
                let Some(Value::List(l)) = held.as_ref().or(a.pos.first()) else {
                    return Err(interp.type_error("shuffle() needs a list"));
                };
                let mut items = l.borrow().clone();
                rng.borrow_mut().shuffle(&mut items);
                *l.borrow_mut() = items;
                Ok(Value::None)
            })
        },
        "sample" => |interp, mut a| {
            with_rng(interp, &mut a, |rng, a| {
                let population = ops::collect(interp, a.pos.first().unwrap_or(&Value::None))?;
                let k = ops::to_index(
                    interp,
                    a.pos
                        .get(1)
                        .or_else(|| a.kw.iter().find(|(k, _)| &**k == "k").map(|(_, v)| v))
                        .unwrap_or(&Value::None),
                )?;
                let picks = rng.borrow_mut().sample(population.len(), k).map_err(raise(interp))?;
                Ok(Value::list(picks.into_iter().map(|i| population[i].clone()).collect()))
            })
        },
        "gauss" => |interp, mut a| {
            with_rng(interp, &mut a, |rng, a| {
                let (mu, sigma) = (num(interp, a, 0, "mu").unwrap_or(0.0), num(interp, a, 1, "sigma").unwrap_or(1.0));
                Ok(Value::Float(rng.borrow_mut().gauss(mu, sigma)))
            })
        },
        "normalvariate" => |interp, mut a| {
            with_rng(interp, &mut a, |rng, a| {
                let (mu, sigma) = (num(interp, a, 0, "mu").unwrap_or(0.0), num(interp, a, 1, "sigma").unwrap_or(1.0));
                Ok(Value::Float(rng.borrow_mut().normalvariate(mu, sigma)))
            })
        },
        "expovariate" => |interp, mut a| {
            with_rng(interp, &mut a, |rng, a| {
                let lambd = num(interp, a, 0, "lambd")?;
                rng.borrow_mut().expovariate(lambd).map(Value::Float).map_err(raise(interp))
            })
        },
        "lognormvariate" => |interp, mut a| {
            with_rng(interp, &mut a, |rng, a| {
                let (mu, sigma) = (num(interp, a, 0, "mu")?, num(interp, a, 1, "sigma")?);
                Ok(Value::Float(rng.borrow_mut().lognormvariate(mu, sigma)))
            })
        },
        "vonmisesvariate" => |interp, mut a| {
            with_rng(interp, &mut a, |rng, a| {
                let (mu, kappa) = (num(interp, a, 0, "mu")?, num(interp, a, 1, "kappa")?);
                rng.borrow_mut().vonmisesvariate(mu, kappa).map(Value::Float).map_err(raise(interp))
            })
        },
        "gammavariate" => |interp, mut a| {
            with_rng(interp, &mut a, |rng, a| {
                let (alpha, beta) = (num(interp, a, 0, "alpha")?, num(interp, a, 1, "beta")?);
                rng.borrow_mut().gammavariate(alpha, beta).map(Value::Float).map_err(raise(interp))
            })
        },
        "betavariate" => |interp, mut a| {
            with_rng(interp, &mut a, |rng, a| {
                let (alpha, beta) = (num(interp, a, 0, "alpha")?, num(interp, a, 1, "beta")?);
                rng.borrow_mut().betavariate(alpha, beta).map(Value::Float).map_err(raise(interp))
            })
        },
        "paretovariate" => |interp, mut a| {
            with_rng(interp, &mut a, |rng, a| {
                let alpha = num(interp, a, 0, "alpha")?;
                rng.borrow_mut().paretovariate(alpha).map(Value::Float).map_err(raise(interp))
            })
        },
        "weibullvariate" => |interp, mut a| {
            with_rng(interp, &mut a, |rng, a| {
                let (alpha, beta) = (num(interp, a, 0, "alpha")?, num(interp, a, 1, "beta")?);
                rng.borrow_mut().weibullvariate(alpha, beta).map(Value::Float).map_err(raise(interp))
            })
        },
        "randbytes" => |interp, mut a| {
            with_rng(interp, &mut a, |rng, a| {
                let n = ops::to_index(interp, a.pos.first().unwrap_or(&Value::None))?;
                let n = usize::try_from(n).map_err(|_| interp.value_error("number of bits must be non-negative"))?;
                let bytes = rng.borrow_mut().randbytes(n).map_err(raise(interp))?;
                Ok(Value::object(super::super::bytes::Bytes(bytes)))
            })
        },
        "triangular" => |interp, mut a| {
            with_rng(interp, &mut a, |rng, a| {
                let low = num(interp, a, 0, "low").unwrap_or(0.0);
                let high = num(interp, a, 1, "high").unwrap_or(1.0);
                let mode = a.pos.get(2).filter(|v| !v.is_none()).map(|v| ops::to_f64(interp, v)).transpose()?;
                Ok(Value::Float(rng.borrow_mut().triangular(low, high, mode)))
            })
        },
        _ => return None,
    })
}

pub fn module(_interp: &Interp) -> Rc<Module> {
    let m = Module::new("random");
    for name in [
        "seed",
        "random",
        "getstate",
        "setstate",
        "uniform",
        "randint",
        "randrange",
        "getrandbits",
        "choice",
        "choices",
        "shuffle",
        "sample",
        "gauss",
        "normalvariate",
        "expovariate",
        "triangular",
        "lognormvariate",
        "vonmisesvariate",
        "gammavariate",
        "betavariate",
        "paretovariate",
        "weibullvariate",
        "randbytes",
    ] {
        if let Some(f) = function(name) {
            m.set(name, builtin(name, f));
        }
    }
    // The operating system's generator: here one of its own, seeded from the clock, so it
    // leaves the module's (seeded) sequence alone.
    m.set(
        "SystemRandom",
        builtin("SystemRandom", |interp, _| {
            let mut rng = Random::new(0);
            seed(interp, &mut rng, None)?;
            Ok(Value::object(RandomObj(RefCell::new(rng))))
        }),
    );
    m.set(
        "Random",
        builtin("Random", |interp, a| {
            let mut rng = Random::new(0);
            seed(interp, &mut rng, a.pos.first())?;
            Ok(Value::object(RandomObj(RefCell::new(rng))))
        }),
    );
    m
}

/// `randrange` with a bound or step past `i64`: CPython 3.11's algorithm on big ints, so the
/// same seed gives the same numbers (`_randbelow`: `getrandbits(n.bit_length())` until below n).
fn big_randrange(
    interp: &Interp,
    rng: &RefCell<Random>,
    start: &Value,
    stop: Option<&Value>,
    step: Option<&Value>,
) -> R<Value> {
    use num_bigint::{BigInt, Sign};
    use num_integer::Integer;
    let int = |v: &Value| match bigint::of(v) {
        Some(b) => Ok(b),
        None => ops::to_index(interp, v).map(BigInt::from),
    };
    let below = |n: &BigInt| -> R<BigInt> {
        let k = n.bits();
        bigint::check_bits(interp, k as f64)?;
        loop {
            let words = rng.borrow_mut().getrandbits_words(k as u32);
            let r = BigInt::from_slice(Sign::Plus, &words);
            if &r < n {
                return Ok(r);
            }
        }
    };
    let start = int(start)?;
    let step = step.map(int).transpose()?;
    let one = BigInt::from(1);
    let zero = BigInt::from(0);
    let Some(stop) = stop else {
        if step.is_some_and(|s| s != one) {
            return Err(interp.type_error("Missing a non-None stop argument"));
        }
        if start > zero {
            return Ok(bigint::int(below(&start)?));
        }
        return Err(interp.value_error("empty range for randrange()"));
    };
    let stop = int(stop)?;
    let step = step.unwrap_or_else(|| one.clone());
    let width = &stop - &start;
    if step == one {
        if width > zero {
            return Ok(bigint::int(&start + below(&width)?));
        }
        return Err(interp.value_error(format!("empty range for randrange() ({start}, {stop}, {width})")));
    }
    let n = if step > zero {
        (&width + &step - &one).div_floor(&step)
    } else if step < zero {
        (&width + &step + &one).div_floor(&step)
    } else {
        return Err(interp.value_error("zero step for randrange()"));
    };
    if n <= zero {
        return Err(interp.value_error("empty range for randrange()"));
    }
    Ok(bigint::int(start + step * below(&n)?))
}
