//! The script page: write an asyncio program, run it, watch every task and the line each one
//! is on. `#/play` is the scratch page; `#/play/<slug>` edits a demo's Python (with the link's
//! values). What is typed is saved in the browser on every change (one slot for the scratch
//! page, one per demo) and nothing replaces it without asking: an example, a file, a shared
//! link or the lesson's code is offered first when there is typed work to lose.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use yew_router::prelude::*;

use super::app::Route;
use super::code::{ErrorAt, Marks};
use super::editor::Editor;
use super::export::{download, ShareButton};
use super::panels;
use super::run_panel::{code_columns, run_marks, RunPanel, Runnable};
use super::storage;
use crate::demos::params::Form;
use crate::demos::{python_with, Demo, DEMOS};
use crate::play::edit::normalize;
use crate::play::examples;
use crate::play::share::{self, MAX_LINK_CHARS, MAX_SOURCE_BYTES};
use crate::python::parse::parse;
use crate::session::{self, Program, RunState};

/// Typing changes the text by at most this many bytes per input event (a key, a pair of
/// brackets, an emoji, a Tab's indent); a paste, a cut or a whole new program changes more.
const TYPED_BYTES: usize = 8;
/// How long typing must pause before a syntax error is shown.
const SETTLE_MS: u32 = 500;
/// Programs up to this size are checked at every keystroke.
const CHECK_AT_ONCE_BYTES: usize = 16 * 1024;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The demo whose code this is (an index into [`DEMOS`]); `None` for the scratch page.
    pub demo: Option<usize>,
}

/// A replacement of the program waiting for the user's yes.
#[derive(Clone, PartialEq)]
struct Offer {
    /// What it is, as the question names it ("the program in this link").
    what: String,
    code: String,
}

/// What the page opens with.
struct Opening {
    code: String,
    /// The demo's code with the link's values, for a demo's page.
    lesson: Option<String>,
    /// Where it is saved.
    slot: String,
    notice: Option<String>,
    offer: Option<Offer>,
    /// The link carried a program (the address is then cleaned of it).
    from_link: bool,
}

fn open(demo: Option<&'static dyn Demo>, query: &str) -> Opening {
    let query = query.strip_prefix('?').unwrap_or(query);
    if let Some(demo) = demo {
        let (form, problems) = Form::from_query(demo.params(), query);
        let lesson = python_with(demo, &form.raw);
        let slot = storage::demo_slot(demo.slug());
        let saved = storage::load(&slot).filter(|s| *s != lesson);
        let mut notice =
            (!problems.is_empty()).then(|| format!("Couldn't read all of this link: {}", problems.join(" ")));
        if saved.is_some() {
            notice = Some(
                "This is your edited version of the demo's code, kept in this browser. “Reset to the lesson's code” brings back the lesson's."
                    .into(),
            );
        }
        return Opening {
            code: saved.unwrap_or_else(|| lesson.clone()),
            lesson: Some(lesson),
            slot,
            notice,
            offer: None,
            from_link: false,
        };
    }
    let slot = storage::SCRATCH.to_string();
    let saved = storage::load(&slot).filter(|s| !s.trim().is_empty());
    let first = || examples::code(examples::FIRST).unwrap_or_default();
    let linked = form_urlencoded::parse(query.as_bytes()).find(|(k, _)| k == "code").map(|(_, v)| share::decode(&v));
    let (code, notice, offer) = match linked {
        None => (saved.unwrap_or_else(first), None, None),
        Some(Err(e)) => {
            let instead =
                if saved.is_some() { "Your saved program is shown instead." } else { "An example is shown instead." };
            (saved.unwrap_or_else(first), Some(format!("Couldn't read the program in this link: {e}. {instead}")), None)
        }
        Some(Ok(code)) => {
            let code = normalize(&code);
            match saved {
                Some(mine) if mine != code && !examples::is_example(&mine) => {
                    (mine, None, Some(Offer { what: "the program in this link".into(), code }))
                }
                _ => (code, None, None),
            }
        }
    };
    Opening { code, lesson: None, slot, notice, offer, from_link: true }
}

/// Whether replacing `code` would lose typed work.
fn typed_work(code: &str, lesson: Option<&str>) -> bool {
    !(code.trim().is_empty() || examples::is_example(code) || lesson.is_some_and(|l| l == code))
}

/// Why a program cannot run: where (line 0 for the whole program), CPython's words, and what to
/// do about it in plain words when the parser has a hint.
#[derive(Clone, Debug, PartialEq)]
struct Refusal {
    line: u32,
    column: u32,
    message: String,
    hint: Option<String>,
}

/// The program to run for `code`, or why it cannot run.
fn check(code: &str, demo: Option<&'static dyn Demo>, lesson: Option<&str>) -> Result<Rc<Program>, Refusal> {
    if code.len() > MAX_SOURCE_BYTES {
        return Err(Refusal {
            line: 0,
            column: 0,
            message: format!(
                "this program is {} KiB; the editor runs programs up to {} KiB",
                code.len() / 1024,
                MAX_SOURCE_BYTES / 1024
            ),
            hint: None,
        });
    }
    // The lesson's own code is run as the demo, so its words explain the run.
    if let (Some(demo), Some(lesson)) = (demo, lesson) {
        if code == lesson {
            let query = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
            let query = query.split_once('?').map_or("", |(_, q)| q);
            if let Some(p) = Program::demo(demo, &Form::from_query(demo.params(), query).0) {
                return Ok(Rc::new(p));
            }
        }
    }
    Program::python(code).map(Rc::new).map_err(|f| {
        // The parser's advice for beginners rides on its own error (only read again when the
        // program is refused).
        let hint = parse(code).err().and_then(|errors| errors.into_iter().next()).and_then(|e| e.hint);
        Refusal { line: f.line, column: f.column, message: f.message, hint }
    })
}

#[function_component(PlayPage)]
pub fn play_page(props: &Props) -> Html {
    let demo: Option<&'static dyn Demo> = props.demo.and_then(|i| DEMOS.get(i).copied());
    let location = use_location();
    let navigator = use_navigator();
    let opening = use_memo((), |_| open(demo, location.as_ref().map_or("", |l| l.query_str())));
    let code = use_state(|| opening.code.clone());
    let columns = use_state(|| code_columns(&opening.code));
    let notice = use_state(|| opening.notice.clone());
    let offer = use_state(|| opening.offer.clone());
    let saved = use_state(|| true);
    let settled = use_state(|| true);
    let settle_timer = use_mut_ref(|| None::<Timeout>);
    let run = use_reducer(RunState::default);
    let hover = use_state(|| None::<u32>);
    let reveal = use_state(|| None::<(u32, u32)>);
    let lesson = opening.lesson.clone();
    let slot = opening.slot.clone();
    // Checked as typed when short; a long program once typing pauses (compiling it takes a
    // while). `None`: not checked yet.
    let checked = {
        let lesson = lesson.clone();
        let key = (code.len() <= CHECK_AT_ONCE_BYTES || *settled).then(|| (*code).clone());
        use_memo(key, move |c| c.as_ref().map(|c| check(c, demo, lesson.as_deref())))
    };

    // A program read from the link is now on the page (or offered): the address drops it, so
    // a reload does not offer it again.
    {
        let from_link = opening.from_link;
        use_effect_with((), move |_| {
            if let (true, Some(nav)) = (from_link, navigator) {
                nav.replace(&Route::Play);
            }
        });
    }

    // Sets the program, saving it; a slot holding the lesson's own code is emptied. The code
    // column is sized to it, except while typing: a column widening every few keys as a long
    // line is typed shoved Run and the timeline sideways under the learner's hands (the
    // editor scrolls that line instead, and the next paste or program sizes the column).
    let set_code: Callback<String> = {
        let (code, saved, slot, lesson, columns) =
            (code.clone(), saved.clone(), slot.clone(), lesson.clone(), columns.clone());
        Callback::from(move |text: String| {
            if text.len().abs_diff(code.len()) > TYPED_BYTES {
                columns.set(code_columns(&text));
            }
            let ok = if lesson.as_deref() == Some(text.as_str()) {
                storage::forget(&slot);
                true
            } else {
                text.len() <= MAX_SOURCE_BYTES && storage::save(&slot, &text)
            };
            saved.set(ok);
            code.set(text);
        })
    };
    let on_input = {
        let (set_code, settled, settle_timer) = (set_code.clone(), settled.clone(), settle_timer.clone());
        Callback::from(move |text: String| {
            set_code.emit(text);
            settled.set(false);
            let settled = settled.clone();
            *settle_timer.borrow_mut() = Some(Timeout::new(SETTLE_MS, move || settled.set(true)));
        })
    };
    // Replaces the program with `what`, asking first when typed work would be lost.
    let replace: Callback<Offer> = {
        let (code, offer, set_code, lesson, notice) =
            (code.clone(), offer.clone(), set_code.clone(), lesson.clone(), notice.clone());
        Callback::from(move |new: Offer| {
            if typed_work(&code, lesson.as_deref()) && *code != new.code {
                offer.set(Some(new));
            } else {
                notice.set(None);
                offer.set(None);
                set_code.emit(new.code);
            }
        })
    };
    let accept = {
        let (offer, set_code, notice) = (offer.clone(), set_code.clone(), notice.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(o) = (*offer).clone() {
                notice.set(None);
                set_code.emit(o.code);
            }
            offer.set(None);
        })
    };
    let decline = {
        let offer = offer.clone();
        Callback::from(move |_: MouseEvent| offer.set(None))
    };
    let on_example = {
        let replace = replace.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let key = select.value();
            select.set_value("");
            if let Some(code) = examples::code(&key) {
                let title = examples::menu().into_iter().find(|m| m.0 == key).map_or(key, |m| m.1);
                replace.emit(Offer { what: format!("the example “{title}”"), code });
            }
        })
    };
    let on_file = {
        let (replace, notice) = (replace.clone(), notice.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            input.set_value("");
            let name = file.name();
            if file.size() > MAX_SOURCE_BYTES as f64 {
                notice.set(Some(format!(
                    "“{}” is {} KiB; the editor takes programs up to {} KiB.",
                    crate::demos::params::visible(&name),
                    file.size() as u64 / 1024,
                    MAX_SOURCE_BYTES / 1024
                )));
                return;
            }
            let (replace, notice) = (replace.clone(), notice.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let bytes = match JsFuture::from(file.array_buffer()).await {
                    Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
                    Err(_) => return notice.set(Some("The browser could not read that file.".into())),
                };
                match String::from_utf8(bytes) {
                    Ok(text) => replace.emit(Offer {
                        what: format!("the file “{}”", crate::demos::params::visible(&name)),
                        code: normalize(&text),
                    }),
                    Err(_) => notice.set(Some(format!(
                        "“{}” is not UTF-8 text, so it is not a Python program the editor can open.",
                        crate::demos::params::visible(&name)
                    ))),
                }
            });
        })
    };
    let file_input = use_node_ref();
    let on_open = {
        let file_input = file_input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = file_input.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let file_name = demo.map_or("main.py".to_string(), |d| format!("{}.py", d.slug().replace('-', "_")));
    let on_download = {
        let (code, file_name) = (code.clone(), file_name.clone());
        Callback::from(move |_: MouseEvent| download(&file_name, "text/x-python", &code))
    };
    let on_reset = {
        let (replace, lesson) = (replace.clone(), lesson.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(lesson) = &lesson {
                replace.emit(Offer { what: "the lesson's code".into(), code: lesson.clone() });
            }
        })
    };
    let link = {
        let code = code.clone();
        Callback::from(move |_: ()| {
            let href = web_sys::window()?.location().href().ok()?;
            let base = href.split('#').next().unwrap_or(&href);
            let link = format!("{base}#/play?code={}", share::encode(&code));
            Some(if link.len() > MAX_LINK_CHARS {
                // The program's own length, and how much too long it is: the link is
                // compressed, so its length says little about how much to cut.
                Err(format!(
                    "This program ({} characters) is too long for a link: compressed, it needs {} characters and links stop at {MAX_LINK_CHARS}, about {}% too many. Use Download .py and send the file instead.",
                    code.chars().count(),
                    link.len(),
                    (link.len() - MAX_LINK_CHARS).div_ceil(MAX_LINK_CHARS / 100)
                ))
            } else {
                Ok(link)
            })
        })
    };
    let on_line = {
        let reveal = reveal.clone();
        Callback::from(move |line: u32| reveal.set(Some((line, reveal.map_or(0, |r| r.1) + 1))))
    };
    let on_hover_line = {
        let hover = hover.clone();
        Callback::from(move |line| hover.set(line))
    };

    let failure = (*checked).as_ref().and_then(|c| c.as_ref().err().cloned());
    let program = Runnable(match (&*checked, &failure) {
        (Some(Ok(p)), _) => Ok(p.clone()),
        (_, Some(f)) if *settled && f.line == 0 => Err(format!("This program cannot run: {}.", f.message).into()),
        (_, Some(f)) if *settled => Err(format!("Line {} has a syntax error: fix it to run.", f.line).into()),
        _ => Err("Checking your code…".into()),
    });
    let error = failure.as_ref().filter(|f| *settled && f.line > 0).map(|f| ErrorAt { line: f.line, column: f.column });
    let marks = run_marks(&run, &code);
    let peek = AttrValue::from(session::peek(&code, marks.picked.or(reveal.map(|r| r.0)), &marks.lit));
    let editor_marks = Marks { lit: marks.lit, selected: marks.picked.or(reveal.map(|r| r.0)), hover: *hover, error };

    html! {
        <article class="play" data-testid="play">
            <nav class="crumbs">
                <Link<Route> to={Route::Gallery}>{"← All demos"}</Link<Route>>
                if let Some(d) = demo {
                    {" · "}<Link<Route> to={Route::Demo { slug: d.slug().to_string() }}>{format!("Back to the demo: {}", d.title())}</Link<Route>>
                }
            </nav>
            <h1>{ demo.map_or("Write your own".to_string(), |d| format!("Edit the code: {}", d.title())) }</h1>
            <p class="lesson">{"Write asyncio code and press Run (Ctrl+Enter): every task gets a lane on the timeline, and the line each task is on lights up in the code. Requests to example.com hosts, api.anthropic.com and api.openai.com are answered by a simulated API, right here in the page."}</p>
            if let Some(text) = &*notice {
                <div class="notice" role="alert" data-testid="play-notice">{text.clone()}</div>
            }
            if let Some(o) = &*offer {
                <div class="notice offer" role="alert" data-testid="offer">
                    <p>{format!("Replace your program with {}? What you typed here would be lost (Download .py keeps a copy).", o.what)}</p>
                    <button type="button" data-testid="offer-accept" onclick={accept}>{format!("Open {}", o.what)}</button>
                    <button type="button" data-testid="offer-decline" onclick={decline}>{"Keep mine"}</button>
                </div>
            }
            <RunPanel run={run.clone()} {program} hover_line={*hover} {on_line} {peek} code_columns={*columns}
                idle_hint="Press Run (Ctrl+Enter) to run your program, or Step through to go one task resume at a time.">
                <div class="editor-bar" role="toolbar" aria-label="Program">
                    <label class="visually-hidden" for="examples">{"Examples"}</label>
                    <select id="examples" data-testid="examples" onchange={on_example}>
                        <option value="" selected=true>{"Examples…"}</option>
                        <optgroup label="Tutorials">
                            { for examples::menu().into_iter().filter(|m| m.2 == "Tutorials").map(|(k, t, _)| html! { <option value={k}>{t}</option> }) }
                        </optgroup>
                        <optgroup label="From the gallery">
                            { for examples::menu().into_iter().filter(|m| m.2 != "Tutorials").map(|(k, t, _)| html! { <option value={k}>{t}</option> }) }
                        </optgroup>
                    </select>
                    <button type="button" data-testid="open-file" onclick={on_open}>{"Open .py"}</button>
                    <input ref={file_input} type="file" accept=".py,text/x-python,text/plain" hidden=true data-testid="file-input" onchange={on_file} />
                    <button type="button" data-testid="download" onclick={on_download}>{"Download .py"}</button>
                    <ShareButton version={AttrValue::from(fingerprint(&code))} {link}
                        title="Copy a link that carries this program" />
                    if lesson.is_some() {
                        <button type="button" data-testid="reset" onclick={on_reset} disabled={lesson.as_deref() == Some(code.as_str())}>{"Reset to the lesson's code"}</button>
                    }
                </div>
                <Editor value={AttrValue::from((*code).clone())} {on_input} marks={editor_marks} reveal={*reveal} {on_hover_line} />
                if let Some(f) = failure.as_ref().filter(|_| *settled) {
                    <p class="syntax-error" role="status" data-testid="syntax-error">
                        if f.line > 0 {
                            <strong>{format!("Line {}{}: ", f.line, if f.column > 0 { format!(", column {}", f.column) } else { String::new() })}</strong>
                        }
                        {f.message.clone()}
                        if let Some(hint) = &f.hint { <span class="hint-words" data-testid="syntax-hint">{" — "}{ panels::prose(hint) }</span> }
                    </p>
                }
                if marks.stale {
                    <p class="hint" data-testid="stale">{"You changed the code since this run, so its lines are not lit. Run again to see them."}</p>
                }
                if !*saved {
                    <p class="notice" role="alert" data-testid="not-saved">{"This browser did not let the page save your program (storage full, disabled, or the program is over 256 KiB): use Download .py to keep it."}</p>
                }
                <p class="hint">{"Tab indents, Shift+Tab outdents, Ctrl+Z undoes. Escape stops a run (then Tab leaves the editor)."}</p>
            </RunPanel>
        </article>
    }
}

/// A short fingerprint of the program (FNV-1a), so Copy link knows when its link is outdated.
fn fingerprint(code: &str) -> String {
    let hash = code.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3));
    format!("{hash:016x}")
}
