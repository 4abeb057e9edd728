// Main-thread half of to_thread: starts a module worker running this same wasm.
//
// The worker needs this app's wasm-bindgen glue module. Its URL is found from the wasm that the
// page loaded (glue and wasm sit side by side as NAME.js and NAME_bg.wasm, in the app and in the
// test runner alike), and the compiled WebAssembly.Module is handed over so the worker skips
// downloading and compiling it again.
export function startWorker(workerUrl, wasmModule) {
  const wasm = performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => /_bg\.wasm(\?|$)/.test(name))
    .pop();
  if (!wasm) {
    throw new Error('cannot find the page\'s wasm module to start a worker');
  }
  const glue = wasm.replace(/_bg\.wasm(\?.*)?$/, '.js');
  const worker = new Worker(workerUrl, { type: 'module', name: 'to_thread' });
  worker.postMessage({ glue, module: wasmModule });
  return worker;
}
