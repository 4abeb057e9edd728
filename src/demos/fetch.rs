//! `fetch`: many HTTP requests at once with the browser's real fetch.

use super::params::{Kind, ParamSpec, Params};
use super::{Demo, Facts, Group, Preset, Twin};
use crate::aio::*;
use crate::model::describe::duration;
use crate::model::Ending;

pub struct FetchDemo;

impl Demo for FetchDemo {
    fn slug(&self) -> &'static str {
        "fetch"
    }
    fn title(&self) -> &'static str {
        "Concurrent HTTP: real fetch, all at once"
    }
    fn group(&self) -> Group {
        Group::RealIo
    }
    fn lesson(&self, _p: &Params) -> String {
        "Each request is a coroutine that awaits the network; gathering them sends them all at once, and the page's event loop waits for every answer together. \
         These are real requests made by your browser: by default to JSON files served with this page, or to any http(s) URL you enter; a failure is raised as aiohttp raises it and shows up as a failed task, never a broken page. \
         Two differences from Python: the browser may withhold an answer from another site (CORS, which Python does not have) and never says why a request failed, and the page prints at most 200 characters of each result, saying how many it cut. \
         Raise the latency to see the requests overlap on the timeline."
            .into()
    }
    fn python(&self, _variant: usize) -> &'static str {
        r#"import asyncio
import aiohttp

PAGE = ${page}  # this page's own address: relative URLs are its files
URLS = [u if "://" in u else PAGE + u for u in ${urls}]

async def fetch(session, url):
    await asyncio.sleep(${latency})  # extra latency, to see the overlap
    async with session.get(url) as response:
        response.raise_for_status()
        return await response.json()

async def fetch_in_time(session, url):
    return await asyncio.wait_for(fetch(session, url), timeout=${timeout})

async def main():
    async with aiohttp.ClientSession() as session:  # one client for all
        results = await asyncio.gather(*(fetch_in_time(session, u) for u in URLS),
                                       return_exceptions=True)
    for url, r in zip(URLS, results):
        if isinstance(r, Exception):
            print(f"{url}: failed: {type(r).__name__}: {r}")
        else:
            print(f"{url}: ok {r}")
    ok = [r for r in results if not isinstance(r, Exception)]
    print(f"Fetched {len(ok)} items")
    return len(ok)

asyncio.run(main())"#
    }
    fn rust(&self) -> &'static str {
        super::shown!("fetch.rs")
    }
    fn params(&self) -> &'static [ParamSpec] {
        &[
            ParamSpec {
                key: "urls",
                label: "URLs",
                help: "fetched at once; relative ones are this site's sample data",
                kind: Kind::Urls { max: 50 },
                default: "static/data/items/1.json\nstatic/data/items/2.json\nstatic/data/items/3.json\nstatic/data/items/4.json\nstatic/data/items/5.json\nstatic/data/items/6.json\nstatic/data/items/7.json\nstatic/data/items/8.json\nstatic/data/items/9.json\nstatic/data/items/10.json",
            },
            ParamSpec {
                key: "latency",
                label: "Added latency",
                help: "seconds each request waits before it is sent",
                kind: Kind::Seconds { min: 0.0, max: 10.0 },
                default: "0.0",
            },
            ParamSpec {
                key: "timeout",
                label: "Timeout",
                help: "seconds before a request is given up (and aborted)",
                kind: Kind::Seconds { min: 0.1, max: 60.0 },
                default: "10",
            },
        ]
    }
    fn not_steppable(&self) -> Option<&'static str> {
        Some("Step mode runs on a virtual clock, and real requests cannot wait for it: run this demo for real.")
    }
    fn presets(&self) -> &'static [Preset] {
        &[
            Preset { label: "Ten items", values: &[] },
            Preset {
                label: "Users, posts, comments (0.5 s latency)",
                values: &[("urls", "static/data/users.json\nstatic/data/posts.json\nstatic/data/comments.json"), ("latency", "0.5")],
            },
            Preset {
                label: "Faults: 404, bad JSON, refused",
                values: &[("urls", "static/data/items/1.json\nstatic/data/missing.json\nstatic/data/broken.json\nhttp://127.0.0.1:9/refused")],
            },
        ]
    }
    fn explain(&self, p: &Params, run: &Facts) -> String {
        let requests: Vec<_> = run.model.lanes.iter().filter(|l| l.name.starts_with("fetch_in_time(")).collect();
        let failed = requests.iter().filter(|l| matches!(l.ending, Some((_, Ending::Failed { .. })))).count();
        let longest = requests.iter().filter_map(|l| l.ending.as_ref().map(|(t, _)| t - l.spawned)).max().unwrap_or(0);
        format!(
            "{} requests went out together; the slowest took {} and all were done in {}{}.",
            p.urls("urls").len(),
            duration(longest),
            duration(run.model.span()),
            if failed > 0 { format!(" ({failed} failed, each shown as its own failed task)") } else { String::new() }
        )
    }
}

impl Twin for FetchDemo {
    fn main(&self, p: &Params) -> Coro<Repr> {
        main(absolute(&p.urls("urls")), p.num("latency"), p.num("timeout")).into_repr()
    }
}

/// The address of the page (its folder, where its relative URLs point), as the shown Python's
/// `PAGE` gets it: in the browser, the document's base URL; natively, a stand-in the tests know.
pub fn page_address() -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(base) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten()) {
        let base = base.split(['#', '?']).next().unwrap_or(&base);
        return base[..=base.rfind('/').unwrap_or(base.len() - 1)].to_string();
    }
    NATIVE_PAGE.to_string()
}

/// Where a native run (no browser) says the page is.
pub const NATIVE_PAGE: &str = "http://127.0.0.1:8000/";

/// `URLS` as the shown Python builds it: relative ones are this page's own files.
fn absolute(urls: &[String]) -> Vec<String> {
    let page = page_address();
    urls.iter().map(|u| if u.contains("://") { u.clone() } else { format!("{page}{u}") }).collect()
}

// region: demo
fn fetch(url: String, latency: f64) -> Coro<Json> {
    coro(format!("fetch('{url}')"), async move {
        sleep(latency).await?; // extra latency, to see the overlap
        fetch_json(&url).await // raises on HTTP errors, network errors, bad JSON
    })
}

/// A timeout cancels the request where it waits, and cancelling a fetch aborts it for real.
fn fetch_in_time(url: String, latency: f64, timeout: f64) -> Coro<Json> {
    coro(format!("fetch_in_time('{url}')"), async move { wait_for(fetch(url, latency), Some(timeout)).await })
}

fn main(urls: Vec<String>, latency: f64, timeout: f64) -> Coro<usize> {
    coro("main()", async move {
        let results =
            gather(urls.iter().map(|u| fetch_in_time(u.clone(), latency, timeout))).return_exceptions().await?;
        for (url, r) in urls.iter().zip(&results) {
            match r {
                Ok(json) => print(format!("{url}: ok {json}")),
                Err(e) => print(format!("{url}: failed: {}: {e}", e.kind())),
            }
        }
        let ok = results.iter().filter(|r| r.is_ok()).count();
        print(format!("Fetched {ok} items"));
        Ok(ok)
    })
}
// endregion
