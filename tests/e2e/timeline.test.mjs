// End-to-end: the live timeline and its tools in the built site. The canvas reports what it
// drew (data-geometry: the plot's position, the time window and the visible lanes), so pixels
// can be sampled where a segment must be.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useSite, openPage, SHOTS } from './harness.mjs';

const ctx = useSite(before, after);

async function finishedGather(opts = {}) {
  const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/gather`, opts);
  await page.getByTestId('run').click();
  await page.getByTestId('what-happened').waitFor({ timeout: 10_000 });
  await page.waitForTimeout(100);
  return page;
}

/** Gather run to its end on the virtual clock (step mode): every time in it is exact. */
async function steppedGather() {
  const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/gather`);
  await page.getByTestId('step-mode').click();
  await page.getByTestId('to-end').click();
  await page.getByTestId('what-happened').waitFor({ timeout: 10_000 });
  return page;
}

async function geometry(page) {
  return JSON.parse(await page.getByTestId('timeline').getAttribute('data-geometry'));
}

/** The colour of the canvas pixel at time `t` (µs) in visible row `row` (0 = event loop). */
async function pixel(page, t, row) {
  const g = await geometry(page);
  const x = g.plotX + ((t - g.from) / (g.to - g.from)) * g.plotW;
  const y = g.axis + g.row * row + g.row * 0.75; // below a segment's label
  return page.getByTestId('timeline').evaluate((canvas, [x, y]) => {
    const scale = canvas.width / canvas.clientWidth;
    const d = canvas.getContext('2d').getImageData(Math.round(x * scale), Math.round(y * scale), 1, 1).data;
    return [d[0], d[1], d[2]];
  }, [x, y]);
}

const isBlue = ([r, g, b]) => b > 150 && b - r > 50;
const isBackground = ([r, g, b]) => r > 240 && g > 240 && b > 240;

test('the canvas shows one lane per task, and the right state where each must be', async () => {
  const page = await finishedGather();
  const g = await geometry(page);
  assert.deepEqual(g.rows, ["main()", "task('A', 1.0)", "task('B', 0.5)", "task('C', 1.5)"]);
  // At 0.25 s all three tasks wait on their timers; at 1.25 s only C still does.
  assert.ok(isBlue(await pixel(page, 250_000, 3)), 'B waits at 0.25 s');
  assert.ok(isBlue(await pixel(page, 1_250_000, 4)), 'C waits at 1.25 s');
  assert.ok(isBackground(await pixel(page, 1_250_000, 3)), 'B is over by 1.25 s');
  assert.ok(isBackground(await pixel(page, 250_000, 0)), 'the loop is idle while all wait');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('hovering a segment says what the task waits on and for how long', async () => {
  const page = await steppedGather();
  // Step mode opens on the turns axis; this test reads times, so it switches to time.
  await page.getByTestId('axis-turns').click();
  const g = await geometry(page);
  await page.getByTestId('timeline').scrollIntoViewIfNeeded();
  const box = await page.getByTestId('timeline').boundingBox();
  const x = g.plotX + ((250_000 - g.from) / (g.to - g.from)) * g.plotW;
  await page.mouse.move(box.x + x, box.y + g.axis + g.row * 3 + g.row / 2);
  const tip = await page.locator('.tip').textContent();
  assert.match(tip, /^task\('B', 0\.5\)\nwaiting: sleep\(0\.5\)\n0\.000 s → 0\.500 s \(500 ms\)/);
  await page.close();
});

test('scrubbing shows the recorded run as it stood at that instant', async () => {
  const page = await steppedGather();
  await page.getByTestId('scrub').fill('750');
  const prints = await page.getByTestId('prints').locator('li code').allTextContents();
  assert.deepEqual(prints, ['A started', 'B started', 'C started', 'B finished after 0.5s']);
  assert.match(await page.getByTestId('status').textContent(), /as it was at 0\.750 s/);
  const steps = await page.getByTestId('steps').locator('li').count();
  assert.equal(steps, 5, 'main, A, B, C, then B ending (main resumes only when gather is done)');
  await page.close();
});

test('exported trace JSON parses and has one track per task plus the loop', async () => {
  const page = await finishedGather();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-trace').click()]);
  const path = join(SHOTS, 'gather.trace.json');
  await download.saveAs(path);
  const trace = JSON.parse(readFileSync(path, 'utf8'));
  const tracks = trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => e.args.name);
  assert.deepEqual(tracks, ['event loop (the one thread)', 'main()', "task('A', 1.0)", "task('B', 0.5)", "task('C', 1.5)"]);
  const xs = trace.traceEvents.filter((e) => e.ph === 'X');
  assert.ok(xs.every((e) => Number.isInteger(e.ts) && Number.isInteger(e.dur) && e.dur >= 0));
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
  const svgPath = join(SHOTS, 'gather.timeline.svg');
  await svg.saveAs(svgPath);
  assert.match(readFileSync(svgPath, 'utf8'), /^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  await page.close();
});

test('step mode runs one resume at a time on the virtual clock, and goes back', async () => {
  const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/gather`);
  await page.getByTestId('step-mode').click();
  for (let i = 0; i < 5; i++) await page.getByTestId('next').click();
  const steps = page.getByTestId('steps').locator('li');
  assert.equal(await steps.count(), 5);
  assert.match(await steps.nth(4).textContent(), /task\('B', 0\.5\) runs to the end, returns 'B done'/);
  await page.getByTestId('back').click();
  await page.getByTestId('back').click();
  assert.equal(await steps.count(), 3);
  assert.match(await page.getByTestId('status').textContent(), /step 3 of 5/);
  await page.getByTestId('to-end').click();
  assert.equal(await page.getByTestId('result').textContent(), 'None');
  assert.equal(await page.getByTestId('prints').locator('li code').last().textContent(), "['A done', 'B done', 'C done']");
  assert.match(await page.getByTestId('what-happened').textContent(), /Finished in 1\.50 s/);
  await page.close();
});

test('a kept run shares the time axis with the next one', async () => {
  const page = await finishedGather();
  await page.getByTestId('keep').click();
  await page.getByTestId('param-c').fill('0.5');
  await page.getByTestId('run').click();
  await page.getByTestId('what-happened').waitFor({ timeout: 10_000 });
  const g = await geometry(page);
  assert.ok(g.rows.includes('(kept run)'), JSON.stringify(g.rows));
  assert.ok(g.to >= 1_500_000, 'the axis covers the longer, kept run');
  await page.screenshot({ path: join(SHOTS, 'compare.png'), fullPage: true });
  await page.close();
});

test('screenshots: four demos, light and dark, wide and narrow', async () => {
  const runs = { gather: 2500, blocking: 4500, semaphore: 10_000, queue: 3500 };
  for (const [slug, wait] of Object.entries(runs)) {
    for (const colorScheme of ['light', 'dark']) {
      for (const width of [1440, 400]) {
        const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/${slug}`, { colorScheme, width });
        await page.getByTestId('run').click();
        await page.getByTestId('what-happened').waitFor({ timeout: wait + 10_000 });
        await page.waitForTimeout(150);
        await page.screenshot({ path: join(SHOTS, `${slug}-${colorScheme}-${width}.png`), fullPage: true });
        assert.deepEqual(page.problems, [], `${slug} ${colorScheme} ${width}`);
        await page.close();
      }
    }
  }
});
