// The benchmark command's driver (run by scripts/bench after it built the release site and the
// native bench runner): prints numbers with their goals beside them; nothing passes or fails.
//   1. size: the release wasm, raw and gzip, and the whole app's gzip;
//   2. navigation on loopback, cold cache: to the first demo interactive and to #/play's editor;
//   3. the Python engine natively (bench/python/*.py, release build) beside CPython on the same
//      files, and starting a 100-line program in the page;
//   4. live runtime workloads in the page: demos with the timeline drawing, the toolbox's gather
//      beside plain JavaScript, timer lateness, recorder memory, frame times of a big run.
// Environment: BENCH_REPS (runs per figure, default 5), BENCH_SKIP (comma-separated parts to
// leave out: size, nav, python, live, toolbox), BENCH_NATIVE (the native runner's binary),
// BENCH_WASM_NAMED (cargo's wasm before wasm-bindgen and wasm-opt, which still names its functions).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, DIST, serveSite, launch, openPage, recordFrames, frameGaps } from './harness.mjs';

const REPS = Math.max(1, Number(process.env.BENCH_REPS ?? 5));
const SKIP = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const PY = join(ROOT, 'bench', 'python');
const median = (xs) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN);
const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const ms = (x) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) : '–');
const times = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '–');
const pad = (s, n) => String(s).padStart(n);
const progress = (what) => process.stderr.write(`[bench] ${what}\n`);
const kib = (bytes) => bytes / 1024;
/** gzip -9's size (what scripts/build prints), or zlib's level 9 where there is no gzip. */
const gzKiB = (bytes) => {
  const r = spawnSync('gzip', ['-9c'], { input: bytes, maxBuffer: 1 << 26 });
  return kib(r.status === 0 ? r.stdout.length : gzipSync(bytes, { level: 9 }).length);
};

/** Reads an unsigned LEB128 at `at` in `bytes`: [value, next offset]. */
function leb(bytes, at) {
  let value = 0, shift = 0, b;
  do {
    b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
  } while (b & 0x80);
  return [value, at];
}

/** A Rust symbol's path (`_ZN…E`, the legacy mangling rustc uses by default), enough to tell
 * its crate and module: `interleave::python::exec::step`, `<interleave::python::… as …>::…`. */
function demangle(symbol) {
  if (!symbol.startsWith('_ZN')) return symbol;
  const parts = [];
  for (let at = 3; at < symbol.length && symbol[at] !== 'E';) {
    const digits = /^\d+/.exec(symbol.slice(at))?.[0];
    if (!digits) break;
    at += digits.length;
    parts.push(symbol.slice(at, at + Number(digits)));
    at += Number(digits);
  }
  return parts.join('::').replace(/^_/, '').replaceAll('..', '::').replaceAll('$LT$', '<').replaceAll('$GT$', '>')
    .replaceAll('$RF$', '&').replaceAll('$u20$', ' ');
}

/** Where the code comes from, by the crate (and for ours the module) in a function's name. */
function layerOf(symbol) {
  const path = demangle(symbol).replace(/^[<&]+(mut |dyn )?/, '');
  if (path.startsWith('interleave::')) {
    const part = path.split('::')[1];
    if (part === 'python') return 'Python engine: src/python';
    if (part === 'view' || part === 'play') return 'view: src/view, src/play';
    if (part === 'demos') return 'demos: src/demos';
    return 'runtime, toolbox, trace, model, session';
  }
  if (/^(ruff_|unicode_ident|stacker|psm|sha2|memchr|bstr|is_macro|static_assertions)/.test(path)) return "Python engine: Ruff's parser and its crates, sha2";
  if (/^(yew|gloo|web_sys|js_sys|wasm_bindgen|route_recognizer|implicit_clone|serde|miniz_oxide|form_urlencoded|indexmap|hashbrown|slab|tracing|pin_project|futures|console_error)/.test(path)) return 'Yew, web-sys and other crates';
  return 'Rust std, core, alloc (shared)';
}

/**
 * The wasm's code by where it comes from: each function body's bytes (the code section) go to
 * its layer by the name the name section gives it. Measured on cargo's output, before
 * wasm-bindgen and wasm-opt (the release's own names are stripped), so the release's gzip is
 * shared out in proportion to each layer's gzip here. Generic code of std instantiated for the
 * engine counts as std's, so the engine's figure is a floor.
 */
function sizeByLayer(bytes, releaseGz) {
  const sections = [];
  for (let at = 8; at < bytes.length;) {
    const id = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    sections.push({ id, start, end: start + size });
    at = start + size;
  }
  const text = (at) => {
    const [n, from] = leb(bytes, at);
    return [new TextDecoder().decode(bytes.subarray(from, from + n)), from + n];
  };
  // A table's or memory's limits: a flag, the minimum, and the maximum if the flag says so.
  const limits = (p) => {
    const [, next] = leb(bytes, p + 1);
    return bytes[p] & 1 ? leb(bytes, next)[1] : next;
  };
  let imported = 0;
  for (const s of sections.filter((s) => s.id === 2)) {
    let [n, at] = leb(bytes, s.start);
    for (; n > 0; n--) {
      [, at] = text(at);
      [, at] = text(at);
      const kind = bytes[at++];
      if (kind === 0) {
        imported++;
        [, at] = leb(bytes, at);
      } else if (kind === 1) at = limits(at + 1);
      else if (kind === 2) at = limits(at);
      else if (kind === 3) at += 2;
      else [, at] = leb(bytes, at + 1);
    }
  }
  const names = new Map();
  for (const s of sections.filter((s) => s.id === 0)) {
    const [sectionName, body] = text(s.start);
    if (sectionName !== 'name') continue;
    for (let at = body; at < s.end;) {
      const sub = bytes[at];
      const [size, from] = leb(bytes, at + 1);
      if (sub === 1) {
        let [n, p] = leb(bytes, from);
        for (; n > 0; n--) {
          let index, name;
          [index, p] = leb(bytes, p);
          [name, p] = text(p);
          names.set(index, name);
        }
      }
      at = from + size;
    }
  }
  const layers = new Map();
  const add = (layer, chunk) => {
    if (!layers.has(layer)) layers.set(layer, []);
    layers.get(layer).push(chunk);
  };
  for (const s of sections.filter((s) => s.id === 10)) {
    let [n, at] = leb(bytes, s.start);
    for (let i = 0; i < n; i++) {
      const [size, body] = leb(bytes, at);
      add(layerOf(names.get(imported + i) ?? ''), bytes.subarray(body, body + size));
      at = body + size;
    }
  }
  for (const s of sections.filter((s) => s.id === 11)) add('data: strings, tables, embedded Python', bytes.subarray(s.start, s.end));
  const rows = [...layers].map(([layer, chunks]) => {
    const all = Buffer.concat(chunks);
    return { layer, raw: kib(all.length), gz: gzKiB(all) };
  });
  const gzSum = rows.reduce((sum, r) => sum + r.gz, 0);
  console.log('   the wasm by layer (cargo\'s output before wasm-bindgen and wasm-opt; the release gzip shared out by each layer\'s gzip):');
  for (const r of rows.sort((a, b) => b.gz - a.gz)) {
    console.log(`     ${r.layer.padEnd(52)}${pad(fmt(r.raw), 8)} KiB raw ${pad(fmt(r.gz), 7)} KiB gzip  ≈ ${pad(fmt((r.gz / gzSum) * releaseGz), 6)} KiB of the release`);
  }
  const engine = rows.filter((r) => r.layer.startsWith('Python engine')).reduce((sum, r) => sum + r.gz, 0);
  console.log(`     the Python engine's share of the release: ≈ ${fmt((engine / gzSum) * releaseGz)} KiB gzip (at least; its strings are in data)   budget +150 KiB (issue 10)`);
}

// Part 3's programs: each compiled and run whole, timed from outside the program. The engine runs
// them on its virtual clock (sleeps take no wall time); CPython on its real one.
const PROGRAMS = [
  { file: 'loops.py', label: 'CPU loops (while/for, ints)', goal: 'cpu' },
  { file: 'fib25.py', label: 'fib(25), recursive calls', goal: 'cpu' },
  { file: 'methods.py', label: 'method calls, attributes', goal: 'cpu' },
  { file: 'strings.py', label: 'string building, split, dict', goal: 'cpu' },
  { file: 'tasks_10k.py', label: '10k create_task + gather', goal: 'asyncio' },
  { file: 'gather_10k.py', label: 'gather of 10k sleep(0)', goal: 'asyncio' },
  { file: 'gather_100k.py', label: 'gather of 100k sleep(0)', goal: 'asyncio' },
  { file: 'ping_pong.py', label: 'Queue ping-pong, 50k hops', goal: 'asyncio' },
  { file: 'queue_100k.py', label: 'Queue passing 100k items', goal: 'asyncio' },
  { file: 'semaphore_10k.py', label: 'Semaphore(10), 10k tasks', goal: 'asyncio' },
  { file: 'start_100.py', label: '100-line program, whole', goal: 'start' },
];
const GOALS = { asyncio: '≤ 1× CPython', cpu: '≤ 3× CPython', start: '≤ 5 ms' };

// Part 4's demos, at the sizes the issue measured.
const LIVE = [
  { label: 'Queue passing 100k items', hash: '#/demo/queue?items=100000&delay=0&work=0' },
  { label: 'Semaphore(10), 10k tasks', hash: '#/demo/semaphore?calls=10000&limit=10&low=0&high=0' },
];

/** Runs `cmd args` and returns its stdout's JSON lines, by file; stderr passes through. */
function jsonLines(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`);
  return Object.fromEntries(r.stdout.trim().split('\n').filter(Boolean).map((l) => {
    const row = JSON.parse(l);
    return [row.file, row];
  }));
}

const cpython = (files, reps = REPS) => jsonLines('python3', [join(PY, 'cpython.py'), String(reps), ...files]);

/** The engine natively: the release build of examples/bench_python.rs (scripts/bench builds it). */
function engineNative(files) {
  const bin = process.env.BENCH_NATIVE;
  if (bin && existsSync(bin)) return jsonLines(bin, [String(REPS), ...files]);
  return jsonLines('cargo', ['run', '--quiet', '--release', '--locked', '--example', 'bench_python', '--', String(REPS), ...files]);
}

/**
 * Milliseconds per call of a probe that takes a few: `performance.now()` is coarsened to 0.1 ms,
 * so each sample times a batch of calls that lasts at least 20 ms.
 */
async function perCall(page, probe, source, reps) {
  return page.evaluate(async ({ probe, source, reps }) => {
    const m = await import('./pkg/interleave.js');
    let out = m[probe](source);
    const samples = [];
    for (let i = 0; i < reps; i++) {
      let n = 0;
      const t0 = performance.now();
      let t = t0;
      while (t - t0 < 20) {
        out = m[probe](source);
        n++;
        t = performance.now();
      }
      samples.push((t - t0) / n);
    }
    return { samples, out };
  }, { probe, source, reps });
}

/**
 * One cold navigation (a fresh browser context: no HTTP or code cache) to `url`: milliseconds from
 * the navigation's start to the first time `selector` is in the document, and to the wasm's
 * response end. Null when `selector` never shows within `timeout`.
 */
async function coldNavigation(browser, url, selector, timeout = 15_000) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript((selector) => {
      const seen = () => {
        if (window.__ready === undefined && document.querySelector(selector)) window.__ready = performance.now();
        return window.__ready !== undefined;
      };
      new MutationObserver((_, observer) => seen() && observer.disconnect())
        .observe(document, { subtree: true, childList: true });
    }, selector);
    const page = await context.newPage();
    await page.goto(url);
    try {
      await page.waitForFunction(() => window.__ready !== undefined, null, { timeout });
    } catch {
      return null;
    }
    return await page.evaluate(() => ({
      ready: window.__ready,
      wasm: performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.responseEnd ?? NaN,
    }));
  } finally {
    await context.close();
  }
}

/**
 * One live run of the demo on `page`: clicks Run and waits for the status that says main()
 * returned. Returns the milliseconds from the click to that status (in the page's own clock),
 * the run's own span as its metrics say, and the frame gaps seen meanwhile.
 */
async function liveRun(page) {
  await recordFrames(page);
  const took = await page.evaluate(() => new Promise((done) => {
    const status = () => document.querySelector('[data-testid="status"]');
    let seenOther = false;
    const check = () => {
      const s = status();
      const finished = s && (s.classList.contains('done') || s.classList.contains('failed'));
      if (!finished) seenOther = true;
      if (finished && seenOther) {
        observer.disconnect();
        done(performance.now() - t0);
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    const t0 = performance.now();
    document.querySelector('[data-testid="run"]').click();
    // The click re-renders on its own schedule: if the old status is still there, it is stale.
    if (!status() || !status().classList.contains('done')) seenOther = true;
  }));
  const gaps = await frameGaps(page);
  const span = await page.getByTestId('metrics').locator('dd').first().textContent();
  return { took, span: span.trim(), gaps };
}

/** Step mode: Step through, then "Run to the end" (the run on the virtual clock, drawn once). */
async function stepRun(page) {
  await page.getByTestId('step-mode').click();
  await page.getByTestId('to-end').waitFor();
  return page.evaluate(() => new Promise((done) => {
    const status = () => document.querySelector('[data-testid="status"]');
    const observer = new MutationObserver(() => {
      if (status()?.classList.contains('done') || status()?.classList.contains('failed')) {
        observer.disconnect();
        done(performance.now() - t0);
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    const t0 = performance.now();
    document.querySelector('[data-testid="to-end"]').click();
  }));
}

const sameOutput = (a, b) => (a ?? '').replace(/status 0$/, '').trimEnd() === (b ?? '').replace(/status 0$/, '').trimEnd();

// ---------------------------------------------------------------------------------------------

const started = performance.now();
const site = await serveSite('bench');
const browser = await launch();
try {
  const [l1, l5] = loadavg();
  console.log(`\nInterleave benchmarks: median of ${REPS} runs; ${cpus().length} cores, load average ${fmt(l1, 1)} (1 min) ${fmt(l5, 1)} (5 min).`);
  console.log('Wall times on a shared machine are noisy; natively the CPU time (the thread\'s own) is compared.');

  // Part 1 ------------------------------------------------------------------------------------
  if (!SKIP.has('size')) {
    const wasm = readFileSync(join(DIST, 'pkg', 'interleave_bg.wasm'));
    // Everything the first visit downloads: the page, styles, boot module, glue and wasm.
    const first = ['index.html', 'static/style.css', 'static/boot.js', 'static/favicon.svg', 'pkg/interleave.js', 'pkg/interleave_bg.wasm'];
    const snippets = join(DIST, 'pkg', 'snippets');
    const extra = existsSync(snippets) ? readdirSync(snippets, { recursive: true }).filter((f) => f.endsWith('.js')).map((f) => `pkg/snippets/${f}`) : [];
    const files = [...first, ...extra].filter((f) => existsSync(join(DIST, f)));
    const allGz = files.reduce((sum, f) => sum + gzKiB(readFileSync(join(DIST, f))), 0);
    const allRaw = files.reduce((sum, f) => sum + kib(readFileSync(join(DIST, f)).length), 0);
    console.log('\n1. Size (release build, wasm-opt -Oz; gzip -9)');
    console.log(`   wasm:      ${pad(fmt(kib(wasm.length)), 7)} KiB raw ${pad(fmt(gzKiB(wasm)), 7)} KiB gzip`);
    console.log(`   whole app: ${pad(fmt(allRaw), 7)} KiB raw ${pad(fmt(allGz), 7)} KiB gzip (${files.length} files)   goal ≤ 350 KiB gzip (issue 11)`);
    const named = process.env.BENCH_WASM_NAMED;
    if (named && existsSync(named)) sizeByLayer(readFileSync(named), gzKiB(wasm));
  }

  // Part 2 ------------------------------------------------------------------------------------
  if (!SKIP.has('nav')) {
    progress('navigation');
    console.log(`\n2. Navigation on loopback, cold cache (new browser context each), headless Chromium, median of ${REPS}`);
    const rows = [
      { label: 'first demo interactive (#/demo/hello, Run button)', hash: '#/demo/hello', selector: '[data-testid="run"]', goal: '≤ 200 ms' },
      { label: '#/play editor ready', hash: '#/play', selector: '[data-testid="play-editor"], [data-testid="editor"]', goal: '≤ 300 ms' },
    ];
    for (const row of rows) {
      const ready = [], wasm = [];
      for (let i = 0; i < REPS; i++) {
        const r = await coldNavigation(browser, `${site.url}${row.hash}`, row.selector, i === 0 ? 15_000 : 5_000);
        if (!r) break;
        ready.push(r.ready);
        wasm.push(r.wasm);
      }
      const figure = ready.length
        ? `${pad(ms(median(ready)), 6)} ms (wasm downloaded at ${ms(median(wasm))} ms; range ${ms(Math.min(...ready))}–${ms(Math.max(...ready))})`
        : '   n/a (no such route or editor in this build)';
      console.log(`   ${row.label.padEnd(52)}${figure}   goal ${row.goal}`);
    }
  }

  // Part 3 ------------------------------------------------------------------------------------
  if (!SKIP.has('python')) {
    const files = PROGRAMS.map((p) => join(PY, p.file));
    progress('CPython: bench/python/*.py');
    const cpy = cpython(files);
    progress('engine natively: examples/bench_python.rs (release)');
    const nat = engineNative(files);
    const cpyVersion = spawnSync('python3', ['-c', 'import sys; print(sys.version.split()[0])'], { encoding: 'utf8' }).stdout.trim();
    console.log(`\n3. The Python engine natively (release build, virtual clock) beside CPython ${cpyVersion} (real clock) on bench/python/*.py`);
    console.log('   Each: compile + run of the whole file in one process, stdout captured; ms; ×CPy = engine CPU / CPython CPU.');
    console.log(`   ${'program'.padEnd(30)}${pad('CPython', 9)}${pad('CPU', 8)} │${pad('engine', 8)}${pad('CPU', 8)}${pad('×CPy', 8)} │ goal`);
    for (const p of PROGRAMS) {
      const f = join(PY, p.file);
      const c = cpy[f], n = nat[f];
      const [cw, cc, nw, nc] = [c.total_ms, c.cpu_ms, n.total_ms, n.cpu_ms].map(median);
      // A few milliseconds are below what the CPU clocks resolve: compare wall times there.
      const ratio = p.goal === 'start' ? `${times(nw, cw)}w` : times(nc, cc);
      const extra = p.goal === 'start' ? ` (engine ${ms(nw)} ms wall)` : '';
      console.log(
        `   ${p.label.padEnd(30)}${pad(ms(cw), 9)}${pad(ms(cc), 8)} │${pad(ms(nw), 8)}${pad(ms(nc), 8)}${pad(ratio, 8)} │ ${GOALS[p.goal]}${extra}`,
      );
      if (!sameOutput(n.output, c.output)) console.log(`     ! output differs from CPython's: engine printed ${JSON.stringify(n.output.slice(0, 120))}`);
    }

    // Starting the 100-line program in the page, split.
    const start = readFileSync(join(PY, 'start_100.py'), 'utf8');
    const page = await openPage(browser, site.url);
    await page.waitForSelector('.cards');
    const parse = await perCall(page, 'parse_probe', start, REPS);
    const compiled = await perCall(page, 'python_compile_probe', start, REPS);
    const whole = await perCall(page, 'python_probe', start, REPS);
    await page.close();
    const c = cpy[join(PY, 'start_100.py')], n = nat[join(PY, 'start_100.py')];
    console.log('   Starting start_100.py (ms per program; the page\'s figures averaged over ≥ 20 ms batches):');
    console.log(`   ${''.padEnd(22)}${pad('parse', 9)}${pad('+ lower', 10)}${pad('+ run to end', 14)}`);
    console.log(`   ${'CPython (compile())'.padEnd(22)}${pad('', 9)}${pad(ms(median(c.compile_ms)), 10)}${pad(ms(median(c.total_ms)), 14)}`);
    console.log(`   ${'engine natively'.padEnd(22)}${pad('', 9)}${pad(ms(median(n.compile_ms)), 10)}${pad(ms(median(n.total_ms)), 14)}`);
    console.log(`   ${'engine in the page'.padEnd(22)}${pad(ms(median(parse.samples)), 9)}${pad(ms(median(compiled.samples)), 10)}${pad(ms(median(whole.samples)), 14)}   goal ≤ 5 ms`);
  }

  // Part 4 ------------------------------------------------------------------------------------
  if (!SKIP.has('live')) {
    console.log('\n4. Live runtime workloads in the page');
    console.log('   The demos (their Python, run by the engine on the runtime) with the timeline drawing, beside CPython running the same Python.');
    console.log('   Run: click on Run to the status "main() returned"; span: the run\'s own length (its metrics);');
    console.log('   step: Step through, then "Run to the end" (virtual clock).');
    console.log(`   ${'demo'.padEnd(26)}${pad('CPython', 9)} │${pad('first Run', 10)}${pad('later', 8)}${pad('×CPy', 8)}${pad('span', 10)}${pad('worst frame', 13)} │${pad('step', 8)}${pad('×CPy', 8)} │ goal`);
    const FRESH = 2;
    for (const demo of LIVE) {
      progress(`live: ${demo.hash}`);
      const first = [], later = [], worst = [], spans = [];
      let source = null;
      for (let i = 0; i < FRESH; i++) {
        const page = await openPage(browser, `${site.url}${demo.hash}`);
        await page.getByTestId('run').waitFor();
        source ??= (await page.getByTestId('code').locator('.ln').allTextContents()).join('\n');
        for (let r = 0; r < Math.max(2, Math.ceil(REPS / FRESH)); r++) {
          const run = await liveRun(page);
          (r === 0 ? first : later).push(run.took);
          worst.push(run.gaps.at(-1) ?? NaN);
          spans.push(run.span);
        }
        await page.close();
      }
      const page = await openPage(browser, `${site.url}${demo.hash}`);
      await page.getByTestId('run').waitFor();
      const steps = [];
      for (let r = 0; r < Math.min(REPS, 3); r++) steps.push(await stepRun(page));
      await page.close();
      const file = join(mkdtempSync(join(tmpdir(), 'interleave-live-')), 'demo.py');
      writeFileSync(file, source);
      const c = cpython([file], 3)[file];
      const cw = median(c.total_ms);
      const later_ = median(later);
      console.log(
        `   ${demo.label.padEnd(26)}${pad(ms(cw), 9)} │${pad(ms(median(first)), 10)}${pad(ms(later_), 8)}${pad(times(later_, cw), 8)}` +
          `${pad(spans.at(-1), 10)}${pad(ms(Math.max(...worst)), 13)} │${pad(ms(median(steps)), 8)}${pad(times(median(steps), cw), 8)} │ ≤ 0.5× CPython`,
      );
    }
  }

  if (!SKIP.has('toolbox')) {
    progress('toolbox rows');
    const page = await openPage(browser, site.url);
    await page.waitForSelector('.cards');
    // Memory first, while the page's wasm memory has not yet grown for other runs.
    const [kept, dropped, bytes, grown] = await page.evaluate(async () => {
      const wasm = await import('./pkg/interleave.js');
      return Array.from(wasm.bench_recorder_memory());
    });
    const mib = (b) => fmt(b / 1048576, 1);
    console.log(
      `\n   recorder after 1.2M events: ${kept} kept, ${dropped} dropped, ${mib(bytes)} MiB held, wasm memory grew ${mib(grown)} MiB   goal: 1M events ≤ 64 MiB`,
    );
    console.log('\n   gather of n zero-delay waits: toolbox gather(n × sleep(0)) vs plain JS Promise.all(n × setTimeout(0))');
    console.log('         n   plain JS ms   untraced ms   traced ms   traced/JS   traced/untraced');
    const rows = await page.evaluate(async ({ reps }) => {
      const wasm = await import('./pkg/interleave.js');
      const js = (n) => {
        const t0 = performance.now();
        return Promise.all(Array.from({ length: n }, () => new Promise((r) => setTimeout(r, 0)))).then(
          () => performance.now() - t0,
        );
      };
      const out = [];
      for (const n of [1000, 10000, 100000]) {
        const row = { n, js: [], untraced: [], traced: [] };
        for (let i = 0; i < (n === 100000 ? Math.min(reps, 3) : reps); i++) {
          row.js.push(await js(n));
          row.untraced.push(await wasm.bench_gather(n, false));
          row.traced.push(await wasm.bench_gather(n, true));
        }
        out.push(row);
      }
      return out;
    }, { reps: REPS });
    for (const r of rows) {
      const [js, un, tr] = [median(r.js), median(r.untraced), median(r.traced)];
      console.log(
        `   ${String(r.n).padStart(7)}   ${fmt(js).padStart(11)}   ${fmt(un).padStart(11)}   ${fmt(tr).padStart(9)}` +
          `   ${fmt(tr / js, 2).padStart(8)}×   ${fmt(tr / un, 2).padStart(14)}×`,
      );
    }
    console.log('     goals: traced ≤ 1.3× plain JS at 10k and 100k; traced/untraced ≤ 1.15×');

    const [p50, p99, max] = await page.evaluate(async () => {
      const wasm = await import('./pkg/interleave.js');
      return Array.from(await wasm.bench_lateness(300, 10));
    });
    console.log(`\n   timer lateness on an idle loop (300 × sleep(0.010)): p50 ${fmt(p50, 2)} ms, p99 ${fmt(p99, 2)} ms, max ${fmt(max, 2)} ms   goals: p50 ≤ 1 ms, p99 ≤ 4 ms`);
    await page.close();

    // Drawing a 10,000-task run live: frame times seen by the page while it runs.
    const big = await openPage(browser, `${site.url}#/demo/semaphore?calls=10000&limit=2000&low=0.5&high=2.0`);
    await big.getByTestId('run').waitFor();
    await recordFrames(big);
    await big.getByTestId('run').click();
    await big.getByTestId('what-happened').waitFor({ timeout: 120_000 });
    const gaps = await frameGaps(big);
    const tasks = await big.getByTestId('metrics').locator('dd').nth(3).textContent();
    console.log(
      `\n   timeline during a ${tasks}-task run (semaphore, 10,000 calls, limit 2,000): ${gaps.length} frames,` +
        ` median ${fmt(median(gaps))} ms, p90 ${fmt(gaps[Math.floor(gaps.length * 0.9)])} ms, max ${fmt(gaps.at(-1))} ms   goal: median frame ≤ 17 ms`,
    );
    await big.close();
  }
  console.log(`\n(benchmark driver took ${fmt((performance.now() - started) / 1000, 0)} s)`);
} finally {
  await browser.close();
  site.close();
}
