//! The page's entry point (a binary, so the release wasm carries only what the app reaches).

fn main() {
    #[cfg(target_arch = "wasm32")]
    interleave::start();
}
