//! The editor: a plain textarea laid over the painted code (colours, line numbers, lit lines,
//! the error's underline). The textarea keeps everything the browser gives one for free —
//! typing in any language, selection, copy and paste, spell-check off, and its own undo and
//! redo — and the keys that edit code (Tab, Shift+Tab, Enter, brackets, Backspace) insert
//! their text as typing does (`insertText`), so undo takes them back too. Ctrl/Cmd+Enter and
//! Escape are left to bubble up to the run panel (run, stop); after Escape, Tab leaves the
//! editor instead of indenting, so keyboard users are never trapped.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use web_sys::{HtmlDocument, HtmlElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::code::{colours, paint, window, Marks, LINE_PX};
use crate::play::edit::{self, byte_to_utf16, utf16_to_byte, Edit};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The text the page holds. The editor shows it when it differs from what is typed (a
    /// loaded example, a reset), as one undoable replacement (up to [`UNDOABLE_LINES`]).
    pub value: AttrValue,
    pub on_input: Callback<String>,
    pub marks: Marks,
    /// Puts the caret on this line and scrolls it into view; the number changes per request.
    pub reveal: Option<(u32, u32)>,
    pub on_hover_line: Callback<Option<u32>>,
}

#[function_component(Editor)]
pub fn editor(props: &Props) -> Html {
    let area = use_node_ref();
    let scroller = use_node_ref();
    // What the textarea held when it last reported it (its own value is the truth while typing).
    let typed = use_mut_ref(String::new);
    // Escape was the last key: the next Tab moves the focus on.
    let escaped = use_mut_ref(|| false);
    // The last change too long for the browser's undo (see [`insert`]): Ctrl+Z takes it back.
    let direct = use_mut_ref(|| None::<Direct>);
    let spans = use_memo(props.value.clone(), |v| colours(v));
    // Only the lines in view (and a margin) are painted, so a long program costs a keystroke
    // what a short one does: the first painted line and how many.
    let first = use_state_eq(|| 0usize);
    let rows = use_state_eq(|| 2 * MARGIN);
    let painted = use_node_ref();
    let gutter_ref = use_node_ref();
    let text_box = use_node_ref();

    {
        let (area, typed, direct) = (area.clone(), typed.clone(), direct.clone());
        use_effect_with(props.value.clone(), move |value| {
            if let Some(el) = area.cast::<HtmlTextAreaElement>() {
                if el.value() != value.as_str() {
                    replace_all(&el, value, &direct);
                }
                *typed.borrow_mut() = value.to_string();
            }
        });
    }
    {
        let (area, scroller) = (area.clone(), scroller.clone());
        use_effect_with(props.reveal, move |reveal| {
            if let (Some((line, _)), Some(el), Some(box_)) =
                (reveal, area.cast::<HtmlTextAreaElement>(), scroller.cast::<HtmlElement>())
            {
                let text = el.value();
                let at = byte_to_utf16(&text, edit::offset_of_line(&text, *line));
                let _ = el.focus();
                let _ = el.set_selection_range(at, at);
                let top = (*line as f64 - 1.0) * LINE_PX;
                box_.set_scroll_top((top - box_.client_height() as f64 / 3.0).max(0.0) as i32);
                box_.scroll_into_view_with_bool(false);
            }
        });
    }

    let oninput = {
        let (on_input, typed) = (props.on_input.clone(), typed.clone());
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            *typed.borrow_mut() = value.clone();
            on_input.emit(value);
        })
    };
    let onkeydown = {
        let (escaped, direct) = (escaped.clone(), direct.clone());
        Callback::from(move |e: KeyboardEvent| {
            let was_escaped = std::mem::replace(&mut *escaped.borrow_mut(), e.key() == "Escape");
            if (e.ctrl_key() || e.meta_key()) && !e.alt_key() && undo_direct(&e, &direct) {
                e.prevent_default();
                return;
            }
            if e.is_composing() || e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let el: HtmlTextAreaElement = e.target_unchecked_into();
            let text = el.value();
            let start = utf16_to_byte(&text, el.selection_start().ok().flatten().unwrap_or(0));
            let end = utf16_to_byte(&text, el.selection_end().ok().flatten().unwrap_or(0));
            let (start, end) = (start.min(end), start.max(end));
            let key = e.key();
            let edit = match key.as_str() {
                "Tab" if was_escaped => None,
                "Tab" if e.shift_key() => Some(edit::outdent(&text, start, end).unwrap_or(Edit {
                    start,
                    end,
                    text: String::new(),
                    select: (start, end),
                })),
                "Tab" => Some(edit::tab(&text, start, end)),
                "Enter" if !e.shift_key() => Some(edit::newline(&text, start, end)),
                "Backspace" => edit::backspace(&text, start, end),
                ":" => edit::colon(&text, start, end),
                "Home" if !e.shift_key() && !e.ctrl_key() && !e.meta_key() => Some(edit::home(&text, start, end)),
                "(" | "[" | "{" => key.chars().next().and_then(|c| edit::open_bracket(&text, start, end, c)),
                ")" | "]" | "}" => key.chars().next().and_then(|c| edit::close_bracket(&text, start, end, c)),
                _ => None,
            };
            if let Some(edit) = edit {
                e.prevent_default();
                apply(&el, &text, &edit, &direct);
            }
        })
    };
    // Lines pasted into a line's indentation are re-indented to sit there (`edit::paste`), as
    // one typed insertion (Ctrl+Z takes it back). A long paste is put in directly: Chromium's
    // own paste, like `insertText`, takes time growing with the square of the lines (a megabyte
    // pasted after a run held the tab for minutes). Other short pastes stay the browser's.
    let direct_ = direct.clone();
    let onpaste = Callback::from(move |e: Event| {
        let Some(e) = e.dyn_ref::<web_sys::ClipboardEvent>() else { return };
        let Some(text) = e.clipboard_data().and_then(|d| d.get_data("text/plain").ok()) else { return };
        let el: HtmlTextAreaElement = e.target_unchecked_into();
        let value = el.value();
        let start = utf16_to_byte(&value, el.selection_start().ok().flatten().unwrap_or(0));
        let end = utf16_to_byte(&value, el.selection_end().ok().flatten().unwrap_or(0));
        let reindented = edit::paste(&value, start.min(end), start.max(end), &text);
        let text = reindented.as_ref().map_or(text, |edit| edit.text.clone());
        if text.matches('\n').count() > UNDOABLE_LINES {
            e.prevent_default();
            // Line ends made plain here, as the editor keeps them, so the caret lands after
            // exactly what went in.
            let text = edit::normalize(&text);
            let caret = el.selection_start().ok().flatten().unwrap_or(0);
            insert(&el, &text, &direct_);
            let caret = caret + text.encode_utf16().count() as u32;
            let _ = el.set_selection_range(caret, caret);
        } else if let Some(edit) = reindented {
            e.prevent_default();
            apply(&el, &value, &edit, &direct_);
        }
    });
    let onmousemove = {
        let on_hover = props.on_hover_line.clone();
        Callback::from(move |e: MouseEvent| {
            let line = (e.offset_y() as f64 - PAD_PX).max(0.0) / LINE_PX;
            on_hover.emit(Some(line as u32 + 1));
        })
    };
    let onmouseleave = {
        let on_hover = props.on_hover_line.clone();
        Callback::from(move |_: MouseEvent| on_hover.emit(None))
    };

    let win = window(&props.value, *first, Some(*rows));
    {
        // The painting's size and offset, through the CSS object model (the page's
        // Content-Security-Policy refuses style attributes).
        let (painted, gutter_ref, text_box) = (painted.clone(), gutter_ref.clone(), text_box.clone());
        use_effect_with(win, move |win| {
            let top = format!("{}px", win.first as f64 * LINE_PX + PAD_PX);
            for el in [painted.cast::<HtmlElement>(), gutter_ref.cast::<HtmlElement>()].into_iter().flatten() {
                let _ = el.style().set_property("padding-top", &top);
            }
            if let Some(el) = text_box.cast::<HtmlElement>() {
                let style = el.style();
                let _ = style.set_property("height", &format!("{}px", win.lines as f64 * LINE_PX + 2.0 * PAD_PX));
                // Its columns in the code's own `ch` (`.editor .text` has the code's font), and
                // the painting's padding.
                let _ = style.set_property("min-width", &format!("calc({}ch + 1.5rem)", win.widest + 1));
            }
        });
    }
    let onscroll = {
        let (first, rows) = (first.clone(), rows.clone());
        Callback::from(move |e: Event| {
            let el: HtmlElement = e.target_unchecked_into();
            let top = ((el.scroll_top() as f64 - PAD_PX).max(0.0) / LINE_PX) as usize;
            let shown = (el.client_height() as f64 / LINE_PX).ceil() as usize;
            // Moves in steps, so scrolling repaints only every few lines.
            first.set((top / STEP * STEP).saturating_sub(MARGIN));
            rows.set(shown + 2 * MARGIN + STEP);
        })
    };

    let (gutter, lines) = paint(&props.value, &spans, &props.marks, win);
    html! {
        <div class="editor" data-testid="editor">
            <div class="scroller" ref={scroller} {onscroll}>
                <div class="gutter" ref={gutter_ref}>{ gutter }</div>
                <div class="text" ref={text_box}>
                    <pre class="paint" aria-hidden="true" data-testid="painted" ref={painted}>{ lines }</pre>
                    <textarea ref={area} class="input" data-testid="code-input" aria-label="Python program"
                        spellcheck="false" autocapitalize="off" autocomplete="off" wrap="off"
                        {oninput} {onkeydown} {onpaste} {onmousemove} {onmouseleave} />
                </div>
            </div>
        </div>
    }
}

/// Top padding of the text (`--code-pad` in style.css).
const PAD_PX: f64 = 8.0;
/// Lines painted above and below the ones in view.
const MARGIN: usize = 40;
/// The painted window moves in steps of this many lines.
const STEP: usize = 20;

/// Applies an edit as typing would (one undo step), then selects what it says.
fn apply(el: &HtmlTextAreaElement, text: &str, edit: &Edit, direct: &RefCell<Option<Direct>>) {
    if edit.start != edit.end || !edit.text.is_empty() {
        let _ = el.set_selection_range(byte_to_utf16(text, edit.start), byte_to_utf16(text, edit.end));
        insert(el, &edit.text, direct);
    }
    let after = edit.apply(text);
    let _ = el.set_selection_range(byte_to_utf16(&after, edit.select.0), byte_to_utf16(&after, edit.select.1));
}

/// Replaces the whole text, as one undoable step (Ctrl+Z brings back what was there).
fn replace_all(el: &HtmlTextAreaElement, value: &str, direct: &RefCell<Option<Direct>>) {
    el.select();
    insert(el, value, direct);
    let _ = el.set_selection_range(0, 0);
    el.set_scroll_top(0);
}

/// Types `text` over the selection with the browser's own editing command, so the undo stack
/// holds it. Where the command is missing, or the text is long, the whole value is set instead
/// (which empties the browser's undo stack: entries left there would replay at offsets the
/// new text moved, garbling it), the change is kept in `direct` for Ctrl+Z, and the input is
/// announced as typing would.
fn insert(el: &HtmlTextAreaElement, text: &str, direct: &RefCell<Option<Direct>>) {
    let doc = el.owner_document().and_then(|d| d.dyn_into::<HtmlDocument>().ok());
    let command = if text.is_empty() { "delete" } else { "insertText" };
    let done = text.matches('\n').count() <= UNDOABLE_LINES
        && doc.is_some_and(|d| d.exec_command_with_show_ui_and_value(command, false, text).unwrap_or(false));
    if !done {
        let before = el.value();
        let (a, b) = (el.selection_start().ok().flatten().unwrap_or(0), el.selection_end().ok().flatten().unwrap_or(0));
        let (start, end) = (utf16_to_byte(&before, a.min(b)), utf16_to_byte(&before, a.max(b)));
        let after = format!("{}{text}{}", &before[..start], &before[end..]);
        el.set_value(&after);
        let caret = byte_to_utf16(&after, start + text.len());
        let _ = el.set_selection_range(caret, caret);
        *direct.borrow_mut() = Some(Direct { before, after, at: start });
        announce(el);
    }
}

/// A change made by setting the whole text: what was there, what is there, where it began.
struct Direct {
    before: String,
    after: String,
    at: usize,
}

/// Ctrl/Cmd+Z (or Shift+Z, or Y) on the text a direct change left (or took away): swaps it back.
/// Whether the key was taken.
fn undo_direct(e: &KeyboardEvent, direct: &RefCell<Option<Direct>>) -> bool {
    let key = e.key().to_lowercase();
    let (undo, redo) = (key == "z" && !e.shift_key(), (key == "z" && e.shift_key()) || key == "y");
    let el: HtmlTextAreaElement = e.target_unchecked_into();
    let memory = direct.borrow();
    let Some(change) = memory.as_ref() else { return false };
    let value = el.value();
    let to = if undo && value == change.after {
        &change.before
    } else if redo && value == change.before {
        &change.after
    } else {
        return false;
    };
    el.set_value(to);
    let caret = byte_to_utf16(to, change.at.min(to.len()));
    let _ = el.set_selection_range(caret, caret);
    drop(memory);
    announce(&el);
    true
}

/// Tells the page the text changed, as typing would.
fn announce(el: &HtmlTextAreaElement) {
    if let Ok(event) = web_sys::InputEvent::new("input") {
        let _ = el.dispatch_event(&event);
    }
}

/// The most lines [`insert`] types with the editing command: Chromium's `insertText` takes
/// time growing with the square of the lines it inserts (measured in Chromium 156: 200 lines
/// 0.3 s, 1,000 lines 2.3 s, 4,000 lines 68 s), where setting the text takes milliseconds.
const UNDOABLE_LINES: usize = 150;
