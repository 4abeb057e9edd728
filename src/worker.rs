//! The entry a `to_thread` worker calls for each job (`src/aio/thread_worker.js`): the page's
//! wasm runs in the worker too, and this hands each job to whoever knows it — a copy of the
//! user's Python program (`python::thread`), or the toolbox's own jobs (`aio::run_job`).

use wasm_bindgen::prelude::*;

/// Runs one job in this worker; its answer as text.
#[wasm_bindgen]
pub async fn worker_run(job: String) -> Result<String, JsValue> {
    match job.strip_prefix("python ") {
        Some(copy) => Ok(crate::python::thread::run_copy(copy)),
        None => crate::aio::run_job(&job).await.map_err(|e| JsValue::from_str(&e)),
    }
}
