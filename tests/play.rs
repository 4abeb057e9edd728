//! The script page's pure part: what the editor's keys do to the text, programs in links, and
//! the Examples menu. Hostile input (any text, any offsets, any link) gives a
//! result, never a panic.
// A test's helpers may panic: a failed expectation there is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(not(target_arch = "wasm32"))]

use interleave::demos::DEMOS;
use interleave::play::edit::{self, Edit};
use interleave::play::examples;
use interleave::play::share::{self, LinkError, MAX_LINK_CHARS, MAX_SOURCE_BYTES};
use proptest::prelude::*;

/// Applies an edit and shows the selection as `[` and `]` (a caret as `|`).
fn show(src: &str, e: &Edit) -> String {
    let out = e.apply(src);
    let (a, b) = e.select;
    if a == b {
        format!("{}|{}", &out[..a], &out[a..])
    } else {
        format!("{}[{}]{}", &out[..a], &out[a..b], &out[b..])
    }
}

/// `src` with its `|` (caret) or `[`…`]` (selection) taken out, and the offsets.
fn at(marked: &str) -> (String, usize, usize) {
    if let Some(i) = marked.find('|') {
        return (marked.replacen('|', "", 1), i, i);
    }
    let a = marked.find('[').expect("a caret or a selection");
    let b = marked.find(']').expect("a selection's end") - 1;
    (marked.replacen('[', "", 1).replacen(']', "", 1), a, b)
}

fn key(marked: &str, f: impl Fn(&str, usize, usize) -> Option<Edit>) -> Option<String> {
    let (src, a, b) = at(marked);
    f(&src, a, b).map(|e| show(&src, &e))
}

#[test]
fn tab_indents_to_the_next_stop_or_every_selected_line() {
    assert_eq!(key("|x = 1", |s, a, b| Some(edit::tab(s, a, b))).as_deref(), Some("    |x = 1"));
    assert_eq!(key("  |x", |s, a, b| Some(edit::tab(s, a, b))).as_deref(), Some("    |x"));
    assert_eq!(
        key("if a:\n[    b\n\n    c]\nd", |s, a, b| Some(edit::tab(s, a, b))).as_deref(),
        Some("if a:\n[        b\n\n        c]\nd"),
        "blank lines stay empty"
    );
    assert_eq!(
        key("a[b\n]c", |s, a, b| Some(edit::tab(s, a, b))).as_deref(),
        Some("    a[b\n]c"),
        "a selection ending at a line's start leaves that line alone"
    );
}

#[test]
fn shift_tab_outdents_as_far_as_there_is_indentation() {
    assert_eq!(key("        x|", edit::outdent).as_deref(), Some("    x|"));
    assert_eq!(key("  [x\n      y]", edit::outdent).as_deref(), Some("[x\n  y]"));
    assert_eq!(key("\tx|", edit::outdent).as_deref(), Some("x|"));
    assert_eq!(key("x|", edit::outdent), None);
    // A selection ending inside the indentation that goes ends where the code now starts.
    assert_eq!(key("[ ]   else", edit::outdent).as_deref(), Some("|else"));
    assert_eq!(key("x\n  [  y\n  ] z", edit::outdent).as_deref(), Some("x\n[y\n]z"));
}

#[test]
fn enter_keeps_the_indentation_and_follows_blocks() {
    let enter = |m: &str| key(m, |s, a, b| Some(edit::newline(s, a, b)));
    assert_eq!(enter("    x = 1|").as_deref(), Some("    x = 1\n    |"));
    assert_eq!(enter("async def main():|").as_deref(), Some("async def main():\n    |"));
    assert_eq!(enter("    for i in x:  # loop|").as_deref(), Some("    for i in x:  # loop\n        |"));
    assert_eq!(
        enter("    print('a:')|").as_deref(),
        Some("    print('a:')\n    |"),
        "a colon in a string is not a block"
    );
    assert_eq!(enter("        return x|").as_deref(), Some("        return x\n    |"));
    assert_eq!(enter("    pass|").as_deref(), Some("    pass\n|"));
    assert_eq!(enter("f(|)").as_deref(), Some("f(\n    |\n)"));
    assert_eq!(enter("x = [|").as_deref(), Some("x = [\n    |"));
    assert_eq!(enter("a[bc]d").as_deref(), Some("a\n|d"), "a selection is replaced");
}

#[test]
fn enter_inside_an_open_bracket_continues_it_as_idle_and_vs_code_do() {
    let enter = |m: &str| key(m, |s, a, b| Some(edit::newline(s, a, b)));
    // Items after the bracket: aligned with the first of them.
    assert_eq!(enter("print(\"a\",|").as_deref(), Some("print(\"a\",\n      |"));
    assert_eq!(enter("    x = f(a,|").as_deref(), Some("    x = f(a,\n          |"));
    assert_eq!(enter("    x = f(a,\n          b,|").as_deref(), Some("    x = f(a,\n          b,\n          |"));
    // Nothing after the bracket on its line: one level in from that line, on every line after.
    assert_eq!(
        enter("    await asyncio.gather(\n        a(),|").as_deref(),
        Some("    await asyncio.gather(\n        a(),\n        |")
    );
    assert_eq!(
        enter("data = {  # totals\n    'a': [1, 2],|").as_deref(),
        Some("data = {  # totals\n    'a': [1, 2],\n    |")
    );
    assert_eq!(enter("x = [|").as_deref(), Some("x = [\n    |"));
    // Once the bracket closes, the statement's first line sets the indentation.
    assert_eq!(enter("    x = f(a,\n          b)|").as_deref(), Some("    x = f(a,\n          b)\n    |"));
    assert_eq!(enter("def f(a,\n      b):|").as_deref(), Some("def f(a,\n      b):\n    |"));
    assert_eq!(enter("    return g(a,\n             b)|").as_deref(), Some("    return g(a,\n             b)\n|"));
    // Brackets in strings and comments are not brackets.
    assert_eq!(enter("print('(')|").as_deref(), Some("print('(')\n|"));
    assert_eq!(enter("x = 1  # (|").as_deref(), Some("x = 1  # (\n|"));
    assert_eq!(enter("s = \"\"\"a (\nb\"\"\"\nf(x,|").as_deref(), Some("s = \"\"\"a (\nb\"\"\"\nf(x,\n  |"));
    assert_eq!(enter("s = 'it\\'s ('\nprint(s)|").as_deref(), Some("s = 'it\\'s ('\nprint(s)\n|"));
    // Between a pair, the closing bracket goes on a line of its own, at the opening line's indentation.
    assert_eq!(enter("    f(|)").as_deref(), Some("    f(\n        |\n    )"));
    assert_eq!(enter("print(\"é\",|").as_deref(), Some("print(\"é\",\n      |"), "columns count characters");
}

#[test]
fn the_colon_of_else_except_and_finally_moves_the_clause_out_to_its_block() {
    let colon = |m: &str| key(m, edit::colon);
    assert_eq!(colon("if x:\n    a = 1\n    else|").as_deref(), Some("if x:\n    a = 1\nelse:|"));
    assert_eq!(
        colon("try:\n    a()\n    except ValueError as e|").as_deref(),
        Some("try:\n    a()\nexcept ValueError as e:|")
    );
    assert_eq!(
        colon("    if y:\n        b()\n\n        elif z|\n").as_deref(),
        Some("    if y:\n        b()\n\n    elif z:|\n"),
        "blank lines between are passed over"
    );
    assert_eq!(colon("try:\n    a()\n    finally|").as_deref(), Some("try:\n    a()\nfinally:|"));
    assert_eq!(colon("if x:\n    a = 1\nelse|"), None, "already at its block");
    assert_eq!(colon("if x:\n    a = 1\n    elsewhere|"), None, "a name that starts like one");
    assert_eq!(colon("if x:\n    a = 1\n    x = d[else|]"), None, "text after the caret");
    assert_eq!(colon("if x:\n    a = 1\n    lambda x|"), None);
    assert_eq!(colon("else|"), None);
}

#[test]
fn home_goes_to_the_code_then_to_the_line_s_start() {
    let home = |m: &str| key(m, |s, a, b| Some(edit::home(s, a, b)));
    assert_eq!(home("x\n    await f(|)").as_deref(), Some("x\n    |await f()"));
    assert_eq!(home("x\n    |await f()").as_deref(), Some("x\n|    await f()"));
    assert_eq!(home("|").as_deref(), Some("|"));
    assert_eq!(home("    a[wa]it").as_deref(), Some("    |await"), "a selection collapses at the code");
}

#[test]
fn brackets_come_in_pairs_and_are_stepped_over() {
    let open = |m: &str, c| key(m, |s, a, b| edit::open_bracket(s, a, b, c));
    assert_eq!(open("print|", '(').as_deref(), Some("print(|)"));
    assert_eq!(open("x = |", '[').as_deref(), Some("x = [|]"));
    assert_eq!(open("f(|)", '{').as_deref(), Some("f({|})"));
    assert_eq!(open("[a + b]", '(').as_deref(), Some("([a + b])"));
    assert_eq!(open("|name", '('), None, "before a name, a bracket is just typed");
    assert_eq!(open("x|", 'x'), None);
    let close = |m: &str, c| key(m, |s, a, b| edit::close_bracket(s, a, b, c));
    assert_eq!(close("f(x|)", ')').as_deref(), Some("f(x)|"));
    assert_eq!(close("f(x|", ')'), None);
    assert_eq!(close("f(x|]", ')'), None);
}

#[test]
fn backspace_removes_a_pair_or_one_level_of_indentation() {
    let bs = |m: &str| key(m, edit::backspace);
    assert_eq!(bs("f(|)").as_deref(), Some("f|"));
    assert_eq!(bs("        |x").as_deref(), Some("    |x"));
    assert_eq!(bs("      |x").as_deref(), Some("    |x"));
    assert_eq!(bs(" |x"), None, "one space goes as usual");
    assert_eq!(bs("a |x"), None);
    assert_eq!(bs("|x"), None);
}

#[test]
fn pasted_lines_sit_at_the_caret_s_indentation() {
    let paste = |m: &str, text: &str| key(m, |s, a, b| edit::paste(s, a, b, text));
    let block = "await a()\nif x:\n    await b()\n";
    assert_eq!(
        paste("async def main():\n    |", block).as_deref(),
        Some("async def main():\n    await a()\n    if x:\n        await b()\n|"),
        "a block copied from the left edge"
    );
    assert_eq!(
        paste("def f():\n    if y:\n        |", "    await a()\n\n    await b()").as_deref(),
        Some("def f():\n    if y:\n        await a()\n\n        await b()|"),
        "copied with its indentation, which goes; blank lines stay empty"
    );
    assert_eq!(
        paste("    |", "async def g():\n        await c()\n        return 1").as_deref(),
        None,
        "copied from after the indentation of a line opening a block, at the same depth"
    );
    assert_eq!(
        paste("        |", "for i in x:\n        print(i)\n    print('x')").as_deref(),
        Some("        for i in x:\n            print(i)\n        print('x')|"),
        "a block and the line after it, copied from after the indentation"
    );
    assert_eq!(
        paste("    x = 1|", "\ny = 2\nz = 3").as_deref(),
        Some("    x = 1\n    y = 2\n    z = 3|"),
        "after code the lines follow the line's indentation"
    );
    assert_eq!(
        paste("        x = |", "f(\n        1,\n    )").as_deref(),
        Some("        x = f(\n            1,\n        )|"),
        "a bracket's lines keep their depth below it"
    );
    assert_eq!(paste("|", "    for i in x:\n        print(i)"), None, "at the left edge the paste goes in as it is");
    assert_eq!(paste("    |", "x = 1"), None, "one line goes in as it is");
    assert_eq!(paste("    |", "if a:\n\tb()"), None, "tabs are left to Python");
}

#[test]
fn pasted_line_ends_become_newlines() {
    assert_eq!(edit::normalize("a\r\nb\rc\n\td"), "a\nb\nc\n\td");
}

#[test]
fn offsets_convert_between_utf16_and_bytes() {
    let s = "a🦀é\nb";
    assert_eq!(edit::byte_to_utf16(s, 1), 1);
    assert_eq!(edit::byte_to_utf16(s, 5), 3, "the crab is two UTF-16 units");
    assert_eq!(edit::utf16_to_byte(s, 3), 5);
    assert_eq!(edit::utf16_to_byte(s, 4), 7);
    assert_eq!(edit::utf16_to_byte(s, 99), s.len());
    assert_eq!(edit::line_of(s, 9), 2);
    assert_eq!(edit::offset_of_line(s, 2), 8);
    assert_eq!(edit::offset_of_line(s, 7), s.len());
}

fn check_edit(src: &str, e: &Edit) {
    assert!(e.start <= e.end && e.end <= src.len());
    assert!(src.is_char_boundary(e.start) && src.is_char_boundary(e.end));
    let out = e.apply(src);
    assert!(e.select.0 <= e.select.1 && e.select.1 <= out.len(), "{e:?} on {src:?}");
    assert!(out.is_char_boundary(e.select.0) && out.is_char_boundary(e.select.1));
}

proptest! {
    #[test]
    fn every_key_gives_a_sound_edit_on_any_text(src in "[ a:(\\[\\]){}\n\t#'é🦀]{0,40}|(    )?(    )?(else|except|elif x)[ a:\n]{0,8}", a in 0u32..60, b in 0u32..60) {
        let (a, b) = (edit::utf16_to_byte(&src, a.min(b)), edit::utf16_to_byte(&src, a.max(b)));
        check_edit(&src, &edit::tab(&src, a, b));
        check_edit(&src, &edit::newline(&src, a, b));
        check_edit(&src, &edit::home(&src, a, b));
        for e in [edit::colon(&src, a, b), edit::outdent(&src, a, b), edit::backspace(&src, a, b), edit::open_bracket(&src, a, b, '('), edit::close_bracket(&src, a, b, ')'), edit::paste(&src, a, b, &src)].into_iter().flatten() {
            check_edit(&src, &e);
        }
    }

    #[test]
    fn any_program_survives_a_link(code in "\\PC{0,300}") {
        prop_assert_eq!(share::decode(&share::encode(&code)), Ok(code));
    }

    #[test]
    fn any_link_text_decodes_or_says_why(text in "\\PC{0,200}") {
        let _ = share::decode(&text);
    }
}

#[test]
fn broken_links_say_what_is_wrong() {
    assert_eq!(share::decode("abc$def"), Err(LinkError::NotBase64('$')));
    let good = share::encode("print('hello')\n");
    assert_eq!(share::decode(&good[..good.len() - 3]), Err(LinkError::Damaged), "cut short");
    let mut changed = good.clone().into_bytes();
    changed[6] = if changed[6] == b'A' { b'B' } else { b'A' };
    assert_eq!(share::decode(&String::from_utf8(changed).unwrap_or_default()), Err(LinkError::Damaged), "changed");
    // A zip bomb: a megabyte of spaces packs into a short link, and is refused unpacked.
    let bomb = share::encode(&" ".repeat(MAX_SOURCE_BYTES + 1));
    assert!(bomb.len() < 2_000);
    assert_eq!(share::decode(&bomb), Err(LinkError::TooLarge));
    let not_text = share::base64url(&miniz_oxide::deflate::compress_to_vec_zlib(&[0xff, 0xfe], 9));
    assert_eq!(share::decode(&not_text), Err(LinkError::NotText));
    for e in [LinkError::NotBase64('\u{202e}'), LinkError::Damaged, LinkError::TooLarge, LinkError::NotText] {
        let text = e.to_string();
        assert!(text.len() > 10 && !text.contains('\u{202e}'), "{text}");
    }
}

#[test]
fn base64url_matches_rfc_4648() {
    for (raw, coded) in [
        ("", ""),
        ("f", "Zg"),
        ("fo", "Zm8"),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg"),
        ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ] {
        assert_eq!(share::base64url(raw.as_bytes()), coded);
        assert_eq!(share::from_base64url(coded), Ok(raw.as_bytes().to_vec()));
    }
    assert_eq!(share::base64url(&[0xfb, 0xff]), "-_8");
    assert_eq!(share::from_base64url("Zg=="), Ok(b"f".to_vec()), "padding is tolerated");
}

#[test]
fn every_example_fits_in_a_link() {
    for (key, _, _) in examples::menu() {
        let code = examples::code(&key).expect("listed examples have code");
        let link = share::encode(&code);
        assert!(link.len() + 100 < MAX_LINK_CHARS, "{key}: {} characters", link.len());
    }
}

/// The requests example prints what CPython prints: it is corpus program 724 (after its header).
#[test]
fn the_requests_example_is_the_corpus_program_checked_against_cpython() {
    let corpus = include_str!("python/724_example_requests.py");
    let code = examples::code("requests").expect("the requests example");
    assert!(corpus.ends_with(&code), "tests/python/724_example_requests.py differs from the example");
}

#[test]
fn the_openai_example_is_the_corpus_program_checked_against_cpython() {
    let corpus = include_str!("python/730_example_openai.py");
    let code = examples::code("openai").expect("the openai example");
    assert!(corpus.ends_with(&code), "tests/python/730_example_openai.py differs from the example");
}

#[test]
fn the_menu_lists_the_tutorials_then_every_demo() {
    let menu = examples::menu();
    assert_eq!(menu.len(), examples::TUTORIALS.len() + DEMOS.len());
    assert_eq!(menu[0].0, examples::FIRST);
    for d in DEMOS {
        let key = format!("demo:{}", d.slug());
        assert!(menu.iter().any(|(k, _, _)| *k == key), "{key}");
        assert!(examples::is_example(&examples::code(&key).unwrap_or_default()));
    }
    assert!(examples::is_example(&format!("{}\n\n", examples::TUTORIALS[1].code)), "trailing blank lines do not count");
    assert!(!examples::is_example("print('mine')\n"));
    assert_eq!(examples::code("demo:nope"), None);
    assert_eq!(examples::code("nope"), None);
}
