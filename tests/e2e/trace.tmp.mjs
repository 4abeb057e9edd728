import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
const srv = spawn('python3', ['/work/main/scripts/serve.py', '--port', '8767', '--directory', process.env.DIST ?? '/tmp/dist-new', '--quiet']);
await new Promise(r => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto('http://127.0.0.1:8767/' + (process.argv[2] ?? '#/demo/queue?items=100000&delay=0&work=0'));
await page.getByTestId('run').waitFor();
await page.waitForTimeout(500);
await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel', 'v8'] });
const t0 = Date.now();
await page.getByTestId('run').click();
await page.waitForFunction(() => /returned|raised|stopped/.test(document.querySelector('[data-testid="status"]')?.textContent ?? ''), null, { timeout: 60000 });
const took = Date.now() - t0;
const buf = await browser.stopTracing();
const trace = JSON.parse(buf.toString());
const ev = trace.traceEvents ?? trace;
// renderer main thread: thread_name CrRendererMain
const names = new Map();
for (const e of ev) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
const main = [...names].filter(([, n]) => n === 'CrRendererMain').map(([k]) => k);
const on = ev.filter(e => main.includes(`${e.pid}:${e.tid}`) && e.ph === 'X');
const tasks = on.filter(e => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
const sum = new Map(); const cnt = new Map();
for (const e of on) { sum.set(e.name, (sum.get(e.name) ?? 0) + (e.dur ?? 0)); cnt.set(e.name, (cnt.get(e.name) ?? 0) + 1); }
console.log('run took', took, 'ms; main thread tasks', tasks.length, 'total', (tasks.reduce((a, e) => a + e.dur, 0) / 1000).toFixed(0), 'ms');
for (const [k, v] of [...sum].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log((v / 1000).toFixed(1).padStart(8), String(cnt.get(k)).padStart(6), k);
// timeline of the first 100ms after click: list top-level tasks with child names
const start = Math.min(...tasks.map(e => e.ts));
const mid = tasks.filter(e => e.ts > start + 800000 && e.ts < start + 900000);
for (const t of mid) {
  const kids = on.filter(e => e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e !== t && e.dur > 300).map(e => `${e.name}:${(e.dur / 1000).toFixed(1)}`);
  console.log(((t.ts - start) / 1000).toFixed(1), (t.dur / 1000).toFixed(1), kids.slice(0, 6).join(' '));
}
await browser.close(); srv.kill();
