// Worker half of to_thread: loads the page's glue and wasm (sent by the main thread), then runs
// each job message with the exported `worker_run` and posts back { id, ok } or { id, err }.
let run = null;
const early = [];

async function start({ glue, module }) {
  const pkg = await import(glue);
  await pkg.default({ module_or_path: module });
  run = pkg.worker_run;
  early.splice(0).forEach(handle);
}

function handle({ id, job }) {
  run(job).then(
    (ok) => postMessage({ id, ok }),
    (err) => postMessage({ id, err: String(err) }),
  );
}

onmessage = ({ data }) => {
  if (data.glue) {
    start(data).catch((err) => postMessage({ id: -1, err: `worker failed to start: ${err}` }));
  } else if (run) {
    handle(data);
  } else {
    early.push(data);
  }
};
