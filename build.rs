//! Cuts each demo's shown code (between `// region: demo` and `// endregion`) out of its source
//! file at build time, so the page shows exactly the code that runs without carrying whole
//! source files in the wasm. A demo file without the markers fails the build, with the reason.
//! Also writes the embedded Python modules without their comments and docstrings
//! (`build/strip_python.rs`).
// A build script that cannot read its inputs should stop the build, with the reason.
#![allow(clippy::expect_used)]

use std::{env, fs, path::Path};

#[path = "build/strip_python.rs"]
mod strip_python;

fn main() {
    embedded_python();
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("shown");
    fs::create_dir_all(&out).expect("create OUT_DIR/shown");
    println!("cargo::rerun-if-changed=src/demos");
    let mut files: Vec<_> = fs::read_dir("src/demos").expect("src/demos exists").flatten().map(|e| e.path()).collect();
    files.sort();
    for path in files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        if !name.ends_with(".rs") || name == "mod.rs" || name == "params.rs" {
            continue;
        }
        let text = fs::read_to_string(&path).expect("read demo file");
        let start = text.find("// region: demo").map(|i| i + "// region: demo".len());
        let end = start.and_then(|s| text[s..].find("// endregion").map(|e| s + e));
        let (Some(start), Some(end)) = (start, end) else {
            panic!("{name}: a demo file needs `// region: demo` … `// endregion` around the code it shows");
        };
        fs::write(out.join(&name), text[start..end].trim_matches('\n')).expect("write shown code");
    }
}

/// `src/python/modules/py/*.py` into `OUT_DIR/py/`, stripped; `modules::embedded_py!` reads them.
fn embedded_python() {
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("py");
    fs::create_dir_all(&out).expect("create OUT_DIR/py");
    println!("cargo::rerun-if-changed=src/python/modules/py");
    println!("cargo::rerun-if-changed=build/strip_python.rs");
    for entry in fs::read_dir("src/python/modules/py").expect("src/python/modules/py exists").flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "py") {
            let text = fs::read_to_string(&path).expect("read an embedded module");
            fs::write(out.join(entry.file_name()), strip_python::strip_python(&text))
                .expect("write an embedded module");
        }
    }
}
