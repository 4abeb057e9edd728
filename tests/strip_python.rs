//! The build's stripping of the embedded Python modules (`build/strip_python.rs`): comment-only
//! lines and docstrings go, every line stays where it was, and code (strings that look like
//! comments or docstrings among it) is kept as written.
#![cfg(not(target_arch = "wasm32"))]
// A test may unwrap: a failed expectation is a failed test.
#![allow(clippy::unwrap_used)]

#[path = "../build/strip_python.rs"]
mod strip_python;

use strip_python::strip_python;

#[test]
fn comments_and_docstrings_are_blanked_in_place() {
    let src = "\"\"\"Module doc.\n\nMore.\n\"\"\"\n# a comment\nimport asyncio  # kept\n\n\nclass A(Exception):\n    '''Only a doc.'''\n\n\ndef f(x):\n    r\"\"\"Doc with \\\"\"\" inside.\"\"\"  # note\n    return x\n";
    let want = "pass\n\n\n\n\nimport asyncio  # kept\n\n\nclass A(Exception):\n    pass\n\n\ndef f(x):\n    pass\n    return x\n";
    assert_eq!(strip_python(src), want);
}

#[test]
fn strings_that_are_values_are_kept() {
    let src = [
        "X = \"\"\"",
        "# not a comment",
        "\"\"\"",
        "y = (",
        "    \"\"\"also a value\"\"\"",
        "    # a comment in brackets",
        ")",
        "\"\"\"joined\"\"\".join(y)",
        "s = 'a # b' \\",
        "    '''continued'''",
        "f\"\"\"{y}\"\"\"",
        "t = 'it''s'  # one-quote strings end with the line",
        "# gone",
    ]
    .join("\n");
    // Everything stays but the comment-only line at the end.
    let want = src.replace("\n# gone", "\n");
    assert_eq!(strip_python(&src), want);
}

#[test]
fn every_embedded_module_keeps_its_lines() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/python/modules/py");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let stripped = strip_python(&text);
        let name = entry.file_name();
        assert_eq!(stripped.lines().count(), text.lines().count(), "{name:?} lost or gained lines");
        for (kept, was) in stripped.lines().zip(text.lines()) {
            assert!(kept.is_empty() || kept == was || kept.trim() == "pass", "{name:?}: {was:?} became {kept:?}");
        }
        seen += 1;
    }
    assert!(seen > 30, "only {seen} embedded modules found");
}
