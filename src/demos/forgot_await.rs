//! `forgot-await`: calling a coroutine without `await` does nothing.

use super::params::{Kind, ParamSpec, Params};
use super::{count_of, Demo, Facts, Group, Twin};
use crate::aio::*;
use crate::model::describe::duration;

pub struct ForgotAwait;

impl Demo for ForgotAwait {
    fn slug(&self) -> &'static str {
        "forgot-await"
    }
    fn title(&self) -> &'static str {
        "Forgot to await: the coroutine never runs"
    }
    fn group(&self) -> Group {
        Group::Gotchas
    }
    fn lesson(&self, _p: &Params) -> String {
        "Calling an async function only creates a coroutine object; without await (or create_task) it never runs, and Python only prints a RuntimeWarning when the unused coroutine is thrown away, right after that line. \
         broken() forgets the await, so nothing is saved and no time passes; fixed() awaits and really saves."
            .into()
    }
    fn more(&self) -> Option<&'static str> {
        Some("Rust futures are just as lazy, but there the compiler warns before anything runs: a coroutine is marked #[must_use].")
    }
    fn python(&self, _variant: usize) -> &'static str {
        r#"import asyncio

async def save(user):
    await asyncio.sleep(${delay})  # writing to a database
    print(f"saved {user}")

async def broken():
    save("alice")  # forgot await: creates a coroutine, runs nothing
    # RuntimeWarning: coroutine 'save' was never awaited
    print("broken(): returned (nothing was saved)")

async def fixed():
    await save("bob")
    print("fixed(): returned after saving")

async def main():
    await broken()
    await fixed()

asyncio.run(main())"#
    }
    fn rust(&self) -> &'static str {
        super::shown!("forgot_await.rs")
    }
    fn params(&self) -> &'static [ParamSpec] {
        &[ParamSpec {
            key: "delay",
            label: "save() takes",
            help: "seconds a save sleeps",
            kind: Kind::Seconds { min: 0.0, max: 30.0 },
            default: "1.0",
        }]
    }
    fn explain(&self, _p: &Params, run: &Facts) -> String {
        let never = run.model.never_awaited.len();
        format!(
            "{} created but never awaited, so it never ran: only bob was saved. The whole run took {}, all of it in fixed().",
            count_of(never, "coroutine was", "coroutines were"),
            duration(run.model.span())
        )
    }
}

impl Twin for ForgotAwait {
    fn main(&self, p: &Params) -> Coro<Repr> {
        main(p.num("delay")).into_repr()
    }
}

// region: demo
fn save(user: &'static str, delay: f64) -> Coro<()> {
    coro(format!("save('{user}')"), async move {
        sleep(delay).await?; // writing to a database
        print(format!("saved {user}"));
        Ok(())
    })
}

fn broken(delay: f64) -> Coro<()> {
    coro("broken()", async move {
        // Forgot `.await`: this only creates the coroutine. Rust's compiler warns here
        // (a coroutine is #[must_use]); Python warns only at run time, if at all.
        #[allow(unused_must_use)]
        save("alice", delay);
        print("broken(): returned (nothing was saved)");
        Ok(())
    })
}

fn fixed(delay: f64) -> Coro<()> {
    coro("fixed()", async move {
        save("bob", delay).await?;
        print("fixed(): returned after saving");
        Ok(())
    })
}

fn main(delay: f64) -> Coro<()> {
    coro("main()", async move {
        broken(delay).await?;
        fixed(delay).await
    })
}
// endregion
