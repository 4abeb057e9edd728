// End-to-end: what issue 12 makes visible. The timeline is on the screen while it runs; each
// lesson is drawn (permits in use, the coroutine never awaited, lateness only when it matters).
// The canvas reports what it drew in data-geometry; the legend is read as the learner reads it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useSite, openPage, SHOTS } from './harness.mjs';

const ctx = useSite(before, after);

async function geometry(page) {
  return JSON.parse(await page.getByTestId('timeline').getAttribute('data-geometry'));
}

/** Opens a demo, runs it for real and waits for its end. */
async function finished(slug, opts = {}, wait = 20_000) {
  const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/${slug}`, opts);
  await page.getByTestId('run').click();
  await page.getByTestId('what-happened').waitFor({ timeout: wait });
  await page.waitForTimeout(150);
  return page;
}

/** The legend's entries, as their words (a glyph swatch's glyph left out). */
async function legend(page) {
  const all = await page.getByTestId('legend').locator('li[data-look]').allTextContents();
  return all.map((w) => w.replace(/^[^\p{L}]+/u, ''));
}

const SIZES = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];

for (const { width, height } of SIZES) {
  test(`at ${width}×${height} the timeline is on the screen within 500 ms of Run`, async () => {
    for (const colorScheme of ['light', 'dark']) {
      const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/gather`, { colorScheme, width, height });
      await page.getByTestId('run').waitFor();
      await page.getByTestId('run').click();
      const start = Date.now();
      let seen = null;
      while (Date.now() - start <= 500) {
        const box = await page.getByTestId('timeline').boundingBox();
        if (box && box.height > 0 && box.y < height && box.y + box.height > 0) {
          seen = box;
          break;
        }
        await page.waitForTimeout(25);
      }
      assert.ok(seen, `${colorScheme}: the timeline's box never met the ${width}×${height} viewport in 500 ms`);
      // The page itself, as the learner sees it mid-run (not a full-page shot).
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(SHOTS, `visual-run-${width}-${colorScheme}.png`) });
      await page.getByTestId('what-happened').waitFor({ timeout: 10_000 });
      await page.screenshot({ path: join(SHOTS, `visual-end-${width}-${colorScheme}.png`) });
      assert.deepEqual(page.problems, []);
      await page.close();
    }
  });
}

for (const slug of ['semaphore', 'llm-batch']) {
  test(`${slug}: a permits lane shows the limit held and never passed`, async () => {
    const page = await finished(slug);
    const g = await geometry(page);
    assert.ok(g.rows.includes('(permits 0)'), JSON.stringify(g.rows));
    assert.ok(g.permits.length >= 1);
    for (const p of g.permits) {
      assert.ok(p.limit > 0, 'a semaphore has a limit');
      assert.ok(p.peak >= 1, 'permits were held');
      assert.ok(p.peak <= p.limit, `peak ${p.peak} over limit ${p.limit}`);
    }
    const words = await legend(page);
    assert.ok(words.includes('permits in use'), JSON.stringify(words));
    assert.ok(words.includes('waiting for a permit'), JSON.stringify(words));
    // Hovering the permits lane says how many are in use there.
    const box = await page.getByTestId('timeline').boundingBox();
    const row = g.rows.indexOf('(permits 0)') + 1;
    await page.getByTestId('timeline').scrollIntoViewIfNeeded();
    const again = await page.getByTestId('timeline').boundingBox();
    await page.mouse.move(again.x + g.plotX + g.plotW * 0.3, again.y + g.axis + g.row * row + g.row / 2);
    assert.match(await page.locator('.tip').textContent(), /permits in use \(limit \d+\)\n\d+ at /);
    assert.ok(box);
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(1100); // the canvas re-reads the theme once a second
      await page.getByTestId('timeline').screenshot({ path: join(SHOTS, `visual-${slug}-${scheme}.png`) });
    }
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}

test('forgot-await: the coroutine never awaited has a ghost lane', async () => {
  const page = await finished('forgot-await');
  const g = await geometry(page);
  const ghost = g.rows.indexOf('(ghost 0)');
  assert.ok(ghost >= 0, JSON.stringify(g.rows));
  assert.ok((await legend(page)).includes('never awaited'));
  await page.getByTestId('timeline').scrollIntoViewIfNeeded();
  const box = await page.getByTestId('timeline').boundingBox();
  await page.mouse.move(box.x + g.plotX + g.plotW * 0.5, box.y + g.axis + g.row * (ghost + 1) + g.row / 2);
  assert.match(await page.locator('.tip').textContent(), /\(never awaited\)\ncreated at .* and never awaited: its code never ran/);
  await page.getByTestId('timeline').screenshot({ path: join(SHOTS, 'visual-forgot-await.png') });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('wait-for: the deadline is marked where the timeout fell', async () => {
  const page = await finished('wait-for');
  const g = await geometry(page);
  assert.ok(g.deadlines >= 1, JSON.stringify(g));
  assert.ok((await legend(page)).some((w) => /deadline|time limit|timeout/i.test(w)), JSON.stringify(await legend(page)));
  await page.getByTestId('timeline').screenshot({ path: join(SHOTS, 'visual-wait-for.png') });
  await page.close();
});

test('queue: a lane shows the items waiting in the queue', async () => {
  const page = await finished('queue');
  const g = await geometry(page);
  assert.ok(g.rows.includes('(queue 0)'), JSON.stringify(g.rows));
  assert.ok(g.queues[0].peak >= 1);
  if (g.queues[0].limit > 0) assert.ok(g.queues[0].peak <= g.queues[0].limit);
  assert.ok((await legend(page)).includes('items in the queue'));
  await page.getByTestId('timeline').screenshot({ path: join(SHOTS, 'visual-queue.png') });
  await page.close();
});

/** How many canvas pixels are the late-loop orange (#d55e00). */
async function orangePixels(page) {
  return page.getByTestId('timeline').evaluate((canvas) => {
    const d = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (Math.abs(d[i] - 0xd5) < 24 && Math.abs(d[i + 1] - 0x5e) < 24 && Math.abs(d[i + 2]) < 40) n++;
    }
    return n;
  });
}

test('an idle loop\'s timer lateness under the threshold draws nothing, and the legend says so', async () => {
  // Gather's tasks only sleep: the loop is idle, so its timers fire a few ms late at most. On a
  // busy machine a run may be late for real (over 15 ms): try a few runs for one that is not.
  let page;
  let g;
  for (let attempt = 0; attempt < 3; attempt++) {
    page = await finished('gather');
    g = await geometry(page);
    if (g.lateOver === 0) break;
    await page.close();
  }
  assert.equal(g.lateOver, 0, 'three runs were late by more than 15 ms: the machine is too busy');
  assert.ok(g.lateUnder >= 1, 'the browser fired some timer a little late');
  assert.equal(await orangePixels(page), 0, 'no late stripes on the canvas');
  assert.ok(!(await legend(page)).some((w) => w.startsWith('late')), JSON.stringify(await legend(page)));
  assert.match(await page.getByTestId('late-threshold').textContent(), /Lateness under 15 ms is not drawn/);
  await page.close();
});

test('blocking: lateness caused by a task is drawn and named after it', async () => {
  const page = await finished('blocking');
  const g = await geometry(page);
  assert.ok(g.lateOver >= 1);
  assert.ok((await legend(page)).includes('late: loop held'), JSON.stringify(await legend(page)));
  assert.ok((await orangePixels(page)) > 50, 'late stripes are drawn');
  await page.getByTestId('timeline').screenshot({ path: join(SHOTS, 'visual-blocking.png') });
  await page.close();
});

test('step mode shows the turns axis: one column per loop turn, switchable', async () => {
  const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/create-task`);
  await page.getByTestId('step-mode').click();
  await page.getByTestId('to-end').click();
  await page.getByTestId('what-happened').waitFor({ timeout: 10_000 });
  await page.waitForTimeout(100);
  let g = await geometry(page);
  assert.equal(g.axisKind, 'turns');
  assert.equal(await page.getByTestId('axis-turns').getAttribute('aria-pressed'), 'true');
  // Hovering the loop's row in the first column names turn 1 and its time.
  const canvas = page.getByTestId('timeline');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  await page.mouse.move(box.x + g.plotX + 4, box.y + g.axis + g.row / 2);
  assert.match(await page.locator('.tip').textContent(), /^turn 1 · 0\.000 s\nevent loop: /);
  await canvas.screenshot({ path: join(SHOTS, 'visual-turns.png') });
  await page.getByTestId('axis-turns').click();
  await page.waitForTimeout(100);
  g = await geometry(page);
  assert.equal(g.axisKind, 'time');
  assert.equal(await page.getByTestId('axis-turns').getAttribute('aria-pressed'), 'false');
  await page.close();
});

test('the wheel over a timeline with no hidden lanes scrolls the page', async () => {
  const page = await finished('gather', { width: 1440, height: 600 });
  const canvas = page.getByTestId('timeline');
  const box = await canvas.boundingBox();
  const before = await page.evaluate(() => window.scrollY);
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 40));
  await page.mouse.wheel(0, 200);
  await page.waitForTimeout(300);
  assert.ok((await page.evaluate(() => window.scrollY)) > before, 'the page scrolled');
  await page.close();
});

test('the timeline in words is there for screen readers after a run', async () => {
  const page = await finished('blocking');
  const words = await page.getByRole('region', { name: 'The timeline in words' }).textContent();
  assert.match(words, /^Timeline of a run that took /);
  assert.match(words, /the loop was held/);
  await page.close();
});

test('keyboard: Space runs, and in step mode the arrows step', async () => {
  const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/gather`);
  await page.getByTestId('run').waitFor();
  await page.locator('h1').click();
  await page.keyboard.press('Space');
  await page.getByTestId('what-happened').waitFor({ timeout: 10_000 });
  await page.getByTestId('step-mode').click();
  await page.locator('h1').click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.getByTestId('steps').locator('li').count(), 2);
  await page.close();
});
