// The benchmark command's driver (run by scripts/bench): opens the built site in headless
// Chromium and prints numbers. Nothing here passes or fails; goals are printed beside results.
import { serveSite, launch, openPage, recordFrames, frameGaps } from './harness.mjs';

const REPS = Number(process.env.BENCH_REPS ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : String(x));

const site = await serveSite('bench');
const browser = await launch();
try {
  const page = await openPage(browser, site.url);
  await page.waitForSelector('.cards');

  console.log(`\nInterleave benchmarks (headless Chromium, median of ${REPS} runs)\n`);
  // Memory first, while the page's wasm memory has not yet grown for other runs.
  const [kept, dropped, bytes, grown] = await page.evaluate(async () => {
    const wasm = await import('./pkg/interleave.js');
    return Array.from(wasm.bench_recorder_memory());
  });
  const mib = (b) => fmt(b / 1048576, 1);
  console.log(
    `recorder after 1.2M events: ${kept} kept, ${dropped} dropped, ${mib(bytes)} MiB held, wasm memory grew ${mib(grown)} MiB`,
  );
  console.log('  goal: 1M events ≤ 64 MiB\n');
  console.log('gather of n zero-delay waits: toolbox gather(n × sleep(0)) vs plain JS Promise.all(n × setTimeout(0))');
  console.log('      n   plain JS ms   untraced ms   traced ms   traced/JS   traced/untraced');
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
      for (let i = 0; i < reps; i++) {
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
      `${String(r.n).padStart(7)}   ${fmt(js).padStart(11)}   ${fmt(un).padStart(11)}   ${fmt(tr).padStart(9)}` +
        `   ${fmt(tr / js, 2).padStart(8)}×   ${fmt(tr / un, 2).padStart(14)}×`,
    );
  }
  console.log('  goals: traced ≤ 1.3× plain JS at 10k and 100k; traced/untraced ≤ 1.15×');

  const [p50, p99, max] = await page.evaluate(async () => {
    const wasm = await import('./pkg/interleave.js');
    return Array.from(await wasm.bench_lateness(300, 10));
  });
  console.log(`\ntimer lateness on an idle loop (300 × sleep(0.010)): p50 ${fmt(p50, 2)} ms, p99 ${fmt(p99, 2)} ms, max ${fmt(max, 2)} ms`);
  console.log('  goals: p50 ≤ 1 ms, p99 ≤ 4 ms');

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
    `\ntimeline during a ${tasks}-task run (semaphore, 10,000 calls, limit 2,000): ${gaps.length} frames,` +
      ` median ${fmt(median(gaps))} ms, p90 ${fmt(gaps[Math.floor(gaps.length * 0.9)])} ms, max ${fmt(gaps.at(-1))} ms`,
  );
  console.log('  goal: median frame ≤ 17 ms');
  await big.close();
} finally {
  await browser.close();
  site.close();
}
