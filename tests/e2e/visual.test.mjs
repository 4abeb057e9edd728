// End-to-end: what issue 12 makes visible. The timeline is on the screen while it runs; each
// lesson is drawn (permits in use, the coroutine never awaited, lateness only when it matters).
// The canvas reports what it drew in data-geometry; the legend is read as the learner reads it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
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
  { width: 1440, height: 900, what: '1440×900' },
  { width: 1280, height: 720, scale: 1.5, what: '1920×1080 at 150 % zoom (1280×720 CSS px)' },
  { width: 390, height: 844, what: '390×844' },
];

for (const { width, height, scale, what } of SIZES) {
  test(`at ${what} the timeline is on the screen within 500 ms of Run`, async () => {
    for (const colorScheme of ['light', 'dark']) {
      const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/gather`, { colorScheme, width, height, scale });
      await page.getByTestId('run').waitFor();
      await page.getByTestId('run').click();
      const start = Date.now();
      let seen = null;
      while (Date.now() - start <= 500) {
        const box = await page.getByTestId('timeline').boundingBox();
        // Its lanes on the screen: all of it, or at least 120 px (it grows as tasks appear).
        const visible = box ? Math.min(box.y + box.height, height) - Math.max(box.y, 0) : 0;
        if (box && box.height > 0 && visible >= Math.min(box.height, 120)) {
          seen = box;
          break;
        }
        await page.waitForTimeout(25);
      }
      assert.ok(seen, `${colorScheme}: the timeline was not on the ${what} screen within 500 ms`);
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

test('demos with tall forms (fetch, queue, threads-vs-loop) bring the timeline up when Run is pressed', async () => {
  for (const slug of ['fetch', 'queue', 'threads-vs-loop']) {
    const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/${slug}`, { width: 1440, height: 900 });
    await page.getByTestId('run').click();
    await page.waitForTimeout(500);
    const box = await page.getByTestId('timeline').boundingBox();
    // Its lanes on the screen: all of it, or at least 300 px of it (it grows as tasks appear).
    const visible = Math.min(box.y + box.height, 900) - Math.max(box.y, 0);
    assert.ok(visible >= Math.min(box.height, 300), `${slug}: ${visible} px of the timeline on the screen (top at ${box.y})`);
    const stop = await page.getByTestId('stop').boundingBox();
    assert.ok(stop.y >= 0, `${slug}: Stop stays on the screen (at ${stop.y})`);
    await page.close();
  }
});

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
  const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/queue?consumers=3`);
  await page.getByTestId('run').click();
  await page.getByTestId('what-happened').waitFor({ timeout: 20_000 });
  // The output's "who" column keeps what tells the consumers apart (their objects go).
  const who = await page.locator('.prints .who').evaluateAll((els) => els.map((e) => [e.textContent.trim(), e.title]));
  const consumers = new Set(who.filter(([, full]) => full.startsWith('consumer(')).map(([shown]) => shown));
  assert.ok(consumers.size >= 2, JSON.stringify(who));
  for (const shown of consumers) assert.match(shown, /^consumer\('consumer \d'\)$/);
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

// The model learns a timer was late only when it fires; while blocker() still holds the loop
// (its time.sleep pauses for the page to draw), the tickers' timers are due already and are
// drawn late as the hold grows.
test('blocking: the tickers are drawn late while blocker() still holds the loop', async () => {
  const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/blocking`);
  await page.getByTestId('demo-blocking').waitFor();
  await page.getByTestId('run').click();
  await page.waitForTimeout(1200);
  // Read in one go: the page is live.
  const [orange, status] = await page.getByTestId('timeline').evaluate((canvas) => {
    const d = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (Math.abs(d[i] - 0xd5) < 24 && Math.abs(d[i + 1] - 0x5e) < 24 && Math.abs(d[i + 2]) < 40) n++;
    }
    return [n, document.querySelector('[data-testid="status"]').textContent];
  });
  const at = Number(/^Running… ([\d.]+) s/.exec(status)?.[1]);
  // The hold lasts from 0.3 s to 2.3 s.
  assert.ok(at > 0.6 && at < 2.2, `read during the hold: ${status}`);
  assert.ok(orange > 50, `late stripes while the loop is held: ${orange} pixels`);
  await page.getByTestId('timeline').screenshot({ path: join(SHOTS, 'visual-blocking-mid-hold.png') });
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

test('screen readers hear the end of a run and its summary once, never the running clock', async () => {
  const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/gather`);
  await page.getByTestId('run').click();
  const announce = page.getByTestId('announce');
  // While it runs, the clock ticks outside the live region, which stays silent.
  for (let i = 0; i < 5; i++) {
    await page.waitForTimeout(150);
    if (await page.getByTestId('what-happened').count()) break;
    assert.equal((await announce.textContent()).trim(), '', 'nothing announced mid-run');
    assert.equal(await announce.getByTestId('status').count(), 0);
  }
  await page.getByTestId('what-happened').waitFor({ timeout: 20_000 });
  const said = await announce.textContent();
  assert.match(said, /^main\(\) returned /);
  assert.ok(said.includes((await page.getByTestId('what-happened').textContent()).trim()), said);
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

test('presentation mode: P or the Present button makes rows and labels large, and is remembered', async () => {
  const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/gather`, { width: 1440, height: 900 });
  await page.getByTestId('run').waitFor();
  await page.locator('body').press('p');
  assert.equal(await page.getByTestId('present').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('presenting')), true);
  await page.getByTestId('run').click();
  await page.waitForTimeout(500);
  let g = await geometry(page);
  assert.equal(g.row, 36, 'rows ~36 px');
  assert.ok(g.font >= 16 && g.font <= 18, `labels 16–18 px, got ${g.font}`);
  const box = await page.getByTestId('timeline').boundingBox();
  assert.ok(box.y >= 0 && box.y < 900 * 0.4, `the room sees the timeline: its top is at ${box.y}`);
  assert.ok(box.y + box.height <= 900, `the timeline is whole on the screen: it ends at ${box.y + box.height}`);
  // The presenter keeps Stop at hand (and Run, once it ends), above the timeline, uncovered.
  const stop = await page.getByTestId('stop').boundingBox();
  assert.ok(stop.y >= 0 && stop.y + stop.height <= box.y, `Stop is on the screen above the timeline: ${JSON.stringify(stop)}`);
  assert.equal(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.dataset.testid, { x: stop.x + stop.width / 2, y: stop.y + stop.height / 2 }), 'stop');
  await page.screenshot({ path: join(SHOTS, 'visual-present-run-1440.png') });
  await page.getByTestId('what-happened').waitFor({ timeout: 10_000 });
  await page.screenshot({ path: join(SHOTS, 'visual-present-end-1440.png') });
  // A clicker's keys: Space runs again.
  await page.locator('body').press(' ');
  await page.waitForFunction(() => document.querySelector('[data-testid=stop]') && !document.querySelector('[data-testid=stop]').disabled);
  await page.getByTestId('what-happened').waitFor({ timeout: 10_000 });
  // Remembered across a reload, and the button turns it off.
  await page.reload();
  await page.getByTestId('present').waitFor();
  assert.equal(await page.getByTestId('present').getAttribute('aria-pressed'), 'true');
  await page.getByTestId('present').click();
  await page.getByTestId('run').click();
  await page.waitForTimeout(300);
  g = await geometry(page);
  assert.equal(g.row, 22);
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('presenting')), false);
  // Turned on from the top of the page, it brings the timeline up for the room.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByTestId('present').click();
  const up = await page.getByTestId('timeline').boundingBox();
  assert.ok(up.y >= 0 && up.y < 900 * 0.4, `Present brings the timeline up: its top is at ${up.y}`);
  // The timeline's hint says P presents: so it does with the timeline focused.
  await page.getByTestId('timeline').focus();
  await page.keyboard.press('p');
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('presenting')), false);
  assert.deepEqual(page.problems, []);
  await page.close();
});

/** The code's lines that wrap inside a token (two characters side by side, neither a space, on two screen lines). */
function tokenBreaks() {
  const bad = [];
  const range = document.createRange();
  for (const ln of document.querySelectorAll('.rows .ln')) {
    const walker = document.createTreeWalker(ln, NodeFilter.SHOW_TEXT);
    let prev = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (let i = 0; i < n.data.length; i++) {
        range.setStart(n, i);
        range.setEnd(n, i + 1);
        const r = range.getClientRects()[0];
        if (!r) continue;
        const ch = n.data[i];
        if (prev && r.top > prev.top + 2 && !/\s/.test(ch) && !/\s/.test(prev.ch)) bad.push(`${ln.textContent.trim()} (at ${prev.ch}|${ch})`);
        prev = { ch, top: r.top };
      }
    }
  }
  return bad;
}

test('presentation mode on a 1024×768 projector: the code wraps only between tokens, and what happened shows beside the finished timeline', async () => {
  for (const slug of ['gather', 'queue']) {
    const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/${slug}`, { width: 1024, height: 768 });
    await page.getByTestId('run').waitFor();
    await page.locator('body').press('p');
    assert.equal(await page.getByTestId('present').getAttribute('aria-pressed'), 'true');
    await page.getByTestId('run').click();
    await page.waitForTimeout(500);
    assert.deepEqual(await page.evaluate(tokenBreaks), [], `${slug}: code lines wrap inside a token`);
    const box = await page.getByTestId('timeline').boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= 768, `${slug}: the timeline is whole on the screen: ${JSON.stringify(box)}`);
    await page.screenshot({ path: join(SHOTS, `visual-present-run-1024-${slug}.png`) });
    await page.getByTestId('what-happened').waitFor({ timeout: 20_000 });
    await page.waitForTimeout(150);
    const what = await page.getByTestId('what-happened').boundingBox();
    assert.ok(what.y >= 0 && what.y + what.height <= 768, `${slug}: what happened is on the screen at the end: ${JSON.stringify(what)}`);
    const end = await page.getByTestId('timeline').boundingBox();
    assert.ok(end.y >= 0 && end.y + end.height <= what.y, `${slug}: the timeline stays on the screen above it: ${JSON.stringify(end)}`);
    await page.screenshot({ path: join(SHOTS, `visual-present-end-1024-${slug}.png`) });
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

/** Sends touches through Chromium's DevTools protocol (real touch events in the page). */
async function touch(page, cdp, type, points) {
  await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
}

test('touch: one finger pans the timeline sideways, up and down scrolls the page, two fingers pinch', async () => {
  const page = await finished('gather', { width: 390, height: 844 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  const canvas = page.getByTestId('timeline');
  await canvas.scrollIntoViewIfNeeded();
  // Zoomed in first (the whole run fits, so there is somewhere to pan to).
  await canvas.focus();
  for (let i = 0; i < 4; i++) await canvas.press('+');
  const box = await canvas.boundingBox();
  let g = await geometry(page);
  const before = { from: g.from, to: g.to };
  const y = box.y + g.axis + g.row * 1.5;
  const x = box.x + g.plotX + g.plotW * 0.7;
  await touch(page, cdp, 'touchStart', [[x, y]]);
  for (let dx = 10; dx <= 120; dx += 10) await touch(page, cdp, 'touchMove', [[x - dx, y]]);
  await touch(page, cdp, 'touchEnd', []);
  g = await geometry(page);
  assert.ok(g.from > before.from + 1000, `panned later in time: ${before.from} → ${g.from}`);
  assert.ok(Math.abs((g.to - g.from) - (before.to - before.from)) < 2, 'a pan keeps the zoom');
  // A vertical swipe leaves the timeline where it is, and scrolls the page.
  const panned = { from: g.from, to: g.to };
  const scrolled = await page.evaluate(() => window.scrollY);
  await touch(page, cdp, 'touchStart', [[x, y]]);
  for (let dy = 10; dy <= 100; dy += 10) await touch(page, cdp, 'touchMove', [[x + 2, y - dy]]);
  await touch(page, cdp, 'touchEnd', []);
  await page.waitForTimeout(300);
  g = await geometry(page);
  assert.deepEqual({ from: g.from, to: g.to }, panned, 'an up/down swipe is the page’s');
  assert.ok((await page.evaluate(() => window.scrollY)) > scrolled + 20, 'the page scrolled');
  // Two fingers spread to twice their distance: half the window.
  await canvas.scrollIntoViewIfNeeded();
  const at = await canvas.boundingBox();
  const ty = at.y + g.axis + g.row * 1.5;
  const [a, b] = [at.x + g.plotX + 80, at.x + g.plotX + 160];
  await touch(page, cdp, 'touchStart', [[a, ty], [b, ty]]);
  for (let k = 1; k <= 8; k++) await touch(page, cdp, 'touchMove', [[a - 5 * k, ty], [b + 5 * k, ty]]);
  await touch(page, cdp, 'touchEnd', []);
  g = await geometry(page);
  const ratio = (g.to - g.from) / (panned.to - panned.from);
  assert.ok(ratio > 0.4 && ratio < 0.6, `pinch out halves the window: ${ratio}`);
  await canvas.screenshot({ path: join(SHOTS, 'visual-touch-390.png') });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('on a phone Run folds the code into a tab that says where the tasks are; a tapped bar names its line; the tab opens the code there', async () => {
  const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/gather`, { width: 390, height: 844 });
  const fold = page.getByTestId('code-fold');
  const code = page.getByTestId('code');
  // Before a run the code is open, under its tab.
  assert.equal(await fold.getAttribute('aria-expanded'), 'true');
  assert.ok(await code.isVisible(), 'the code shows before a run');
  await page.getByTestId('run').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=code-fold]').getAttribute('aria-expanded') === 'false', null, { timeout: 500 });
  assert.ok(!(await code.isVisible()), 'Run folded the code');
  // Folded, the tab says where the tasks are while they wait.
  const peek = page.getByTestId('code-peek');
  const folded = await fold.boundingBox();
  await page.waitForFunction(() => / on line \d+/.test(document.querySelector('[data-testid=code-peek]')?.textContent ?? ''), null, { timeout: 5_000 });
  const tab = await fold.boundingBox();
  assert.equal(tab.height, folded.height, 'the tab keeps its height as tasks come and go');
  const canvas = page.getByTestId('timeline');
  const box = await canvas.boundingBox();
  assert.ok(tab.y >= 0 && tab.y < 10 && tab.y + tab.height <= box.y, `the tab is at the top of the screen, above the timeline: ${JSON.stringify([tab, box])}`);
  // Under the tab: Stop (on the screen while the run goes), then the timeline.
  const stop = await page.getByTestId('stop').boundingBox();
  assert.ok(stop.y >= tab.y + tab.height && stop.y + stop.height <= box.y, `Stop under the tab: ${JSON.stringify(stop)}`);
  await page.getByTestId('what-happened').waitFor({ timeout: 20_000 });
  await page.screenshot({ path: join(SHOTS, 'visual-folded-390.png') });
  // It stays at the top of the screen while the output scrolls under it.
  await page.getByTestId('what-happened').scrollIntoViewIfNeeded();
  const stuck = await fold.boundingBox();
  assert.ok(stuck.y >= 0 && stuck.y < 10, `the tab stays at the top: ${stuck.y}`);
  await canvas.scrollIntoViewIfNeeded();
  // A tap on task A's sleep names the line it waited at.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  const g = await geometry(page);
  const row = g.rows.findIndex((r) => r.startsWith("task('A'"));
  assert.ok(row >= 0, JSON.stringify(g.rows));
  const at = await canvas.boundingBox();
  const [x, y] = [at.x + g.plotX + g.plotW * 0.3, at.y + g.axis + g.row * (row + 1.5)]; // the loop's row first
  await touch(page, cdp, 'touchStart', [[x, y]]);
  await touch(page, cdp, 'touchEnd', []);
  await page.waitForFunction(() => /^line \d+: /.test(document.querySelector('[data-testid=code-peek]')?.textContent ?? ''), null, { timeout: 2_000 });
  const picked = await peek.textContent();
  assert.match(picked, /^line \d+: await asyncio\.sleep/);
  // The tab opens the code with that line on the screen, lit as picked.
  await fold.click();
  assert.equal(await fold.getAttribute('aria-expanded'), 'true');
  assert.ok(await code.isVisible());
  const n = picked.match(/^line (\d+)/)[1];
  const line = page.locator(`[data-testid=code] .ln.picked[data-line="${n}"]`);
  await page.waitForTimeout(300);
  const lb = await line.boundingBox();
  assert.ok(lb && lb.y >= 0 && lb.y + lb.height <= 844, `line ${n} is on the screen: ${JSON.stringify(lb)}`);
  await page.screenshot({ path: join(SHOTS, 'visual-unfolded-390.png') });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('on a wide screen (down to a 1024x768 projector) the code never folds: it stays beside the timeline; the run button and figures say it is running', async () => {
  const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/gather`, { width: 1024, height: 768 });
  await page.getByTestId('run').click();
  await page.waitForTimeout(600);
  // Mid-run: no final-sounding "took", and Run says what it is doing.
  assert.match(await page.getByTestId('figures').locator('li').first().textContent(), /^running for \d/);
  assert.equal((await page.getByTestId('run').textContent()).trim(), 'Running…');
  await page.getByTestId('what-happened').waitFor({ timeout: 20_000 });
  assert.match(await page.getByTestId('figures').locator('li').first().textContent(), /^took \d/);
  assert.equal((await page.getByTestId('run').textContent()).trim(), 'Run again');
  assert.ok(!(await page.getByTestId('code-fold').isVisible()), 'no fold tab on a wide screen');
  assert.ok(await page.getByTestId('code').isVisible(), 'the code is shown after Run');
  // Scrolled down to the step order and the log, the sticky code column stops above them.
  await page.locator('.panels').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(100);
  const [codeBottom, panelsTop] = await page.evaluate(() => [
    document.querySelector('.code-col').getBoundingClientRect().bottom,
    document.querySelector('.panels').getBoundingClientRect().top,
  ]);
  assert.ok(codeBottom <= panelsTop, `the code column (bottom ${codeBottom}) covers the panels (top ${panelsTop})`);
  // In step mode Run starts a real run: it says Run, not "Run again".
  await page.getByTestId('step-mode').click();
  await page.getByTestId('to-end').waitFor();
  assert.equal((await page.getByTestId('run').textContent()).trim(), 'Run');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('on a phone the output names the printing task above its lines, once each time it changes', async () => {
  const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/create-task`, { width: 390, height: 844 });
  await page.getByTestId('run').click();
  await page.getByTestId('what-happened').waitFor({ timeout: 20_000 });
  const rows = await page.getByTestId('prints').locator('li:has(code)').evaluateAll((lis) => lis.map((li) => {
    const who = li.querySelector('.who');
    const [w, c] = [who.getBoundingClientRect(), li.querySelector('code').getBoundingClientRect()];
    return { who: getComputedStyle(who).display === 'none' ? null : who.textContent, above: w.bottom <= c.top + 1, text: li.querySelector('code').textContent };
  }));
  // create-task's prints alternate between main() and the background job: each line is named.
  assert.deepEqual(rows.map((r) => [r.who, r.text]), [
    ['main()', 'Doing other work...'],
    ['background_job()', 'Background job started'],
    ['main()', 'Other work done; now waiting for the task'],
    ['background_job()', 'Background job finished'],
    ['main()', 'Got: job result'],
  ]);
  assert.ok(rows.every((r) => r.above), 'each name sits above its line');
  await page.close();
  // Lines in a row from the same task are named once.
  const q = await openPage(ctx.browser, `${ctx.site.url}#/demo/hello`, { width: 390, height: 844 });
  await q.getByTestId('run').click();
  await q.getByTestId('what-happened').waitFor({ timeout: 20_000 });
  const named = await q.getByTestId('prints').locator('li:has(code) .who').evaluateAll((ws) => ws.map((w) => getComputedStyle(w).display !== 'none'));
  assert.ok(named.length >= 2 && named[0] && !named.at(-1), `hello's lines are all main()'s: named once, ${JSON.stringify(named)}`);
  assert.deepEqual(q.problems, []);
  await q.close();
});

test('reduced motion: the axis stays put while the run grows, and still shows all of it', async () => {
  const changes = {};
  for (const reducedMotion of ['no-preference', 'reduce']) {
    const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/sequential-vs-gather`, { width: 1440, height: 900 });
    await page.emulateMedia({ reducedMotion });
    await page.getByTestId('run').click();
    const seen = new Set();
    while (!(await page.getByTestId('what-happened').count())) {
      const g = await geometry(page).catch(() => null);
      if (g) seen.add(g.to);
      await page.waitForTimeout(40);
    }
    const g = await geometry(page);
    assert.ok(g.follow && g.from === 0, 'still following the run');
    // A steady axis doubles from 100 ms: about log2(end / 100 ms) ends, plus the one before
    // the run (a loaded machine makes the run, and so that count, a little longer).
    changes[reducedMotion] = { seen: seen.size, doublings: Math.ceil(Math.log2(g.to / 100_000)) };
    await page.close();
  }
  const steady = changes.reduce;
  assert.ok(steady.seen <= steady.doublings + 2, `reduced motion: ${JSON.stringify(changes)}`);
  assert.ok(changes['no-preference'].seen > steady.seen * 2, JSON.stringify(changes));
});

test('clicking a step brings it into view at a readable width, on either axis', async () => {
  const page = await finished('gather', { width: 1440, height: 900 });
  const steps = page.getByTestId('steps').locator('button');
  const whole = await geometry(page);
  await steps.nth(2).click();
  await page.waitForTimeout(150);
  let g = await geometry(page);
  assert.ok(g.selected, 'a step is picked');
  let [x0, x1] = g.selected;
  // On the time axis a step of a few µs (or, on a loaded machine, a millisecond) is a sliver of
  // the whole run: the view zooms in until it is readable, with its neighbours.
  assert.ok(x0 >= g.plotX - 1 && x1 <= g.plotX + g.plotW + 1, 'wholly in view');
  assert.ok(x1 - x0 >= 47, `readable: ${JSON.stringify(g.selected)}`);
  assert.ok(g.to - g.from < (whole.to - whole.from) / 10, `zoomed in: ${g.from}–${g.to}`);
  assert.equal(g.follow, false);
  await page.getByTestId('axis-turns').click();
  // (Picking a step moved the view to it: the list now ends there.)
  await steps.nth(1).click();
  await page.waitForTimeout(150);
  g = await geometry(page);
  [x0, x1] = g.selected;
  assert.equal(g.axisKind, 'turns');
  assert.ok(x1 - x0 >= 47 && x0 >= g.plotX - 1 && x1 <= g.plotX + g.plotW + 1, JSON.stringify(g.selected));
  await page.getByTestId('timeline').screenshot({ path: join(SHOTS, 'visual-step-revealed.png') });
  await page.close();
});

test('a bar clicked on the timeline is picked where the view is, without zooming', async () => {
  const page = await finished('gather', { width: 1440, height: 900 });
  const before = await geometry(page);
  const canvas = page.getByTestId('timeline');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  // The middle of main()'s lane, the first under the event loop's.
  await page.mouse.click(box.x + before.plotX + before.plotW / 2, box.y + before.axis + before.row * 1.5);
  await page.waitForTimeout(150);
  const g = await geometry(page);
  assert.ok(g.selected, 'a step is picked');
  assert.deepEqual([g.from, g.to], [before.from, before.to], 'the view stays as it was');
  await page.close();
});

test('step mode draws the ready queue: who waits for each turn, in order', async () => {
  const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/create-task`, { width: 1440, height: 900 });
  await page.getByTestId('step-mode').click();
  await page.getByTestId('to-end').click();
  await page.getByTestId('what-happened').waitFor({ timeout: 10_000 });
  await page.waitForTimeout(100);
  const g = await geometry(page);
  assert.equal(g.rows[0], '(ready queue)');
  const canvas = page.getByTestId('timeline');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  // Somewhere along the ready row a turn had tasks waiting: the tooltip names them.
  const tips = [];
  for (let f = 0.02; f < 1; f += 0.06) {
    await page.mouse.move(box.x + g.plotX + g.plotW * f, box.y + g.axis + g.row * 1.5);
    tips.push(await page.locator('.tip').textContent());
  }
  assert.ok(tips.some((t) => /ready queue, in the order they ran: \S/.test(t)), tips.join('\n---\n'));
  await canvas.screenshot({ path: join(SHOTS, 'visual-ready-queue.png') });
  await page.close();
});

test('exports: SVG and a 2× PNG with title, legend and the kept run, in the theme shown', async () => {
  const page = await finished('gather', { colorScheme: 'dark', width: 1440, height: 900 });
  await page.getByTestId('keep').click();
  await page.getByTestId('param-c').fill('0.5');
  await page.getByTestId('run').click();
  await page.getByTestId('what-happened').waitFor({ timeout: 20_000 });
  const [svgFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
  const svgPath = join(SHOTS, 'visual-export-dark.svg');
  await svgFile.saveAs(svgPath);
  const svg = readFileSync(svgPath, 'utf8');
  assert.match(svg, /<title>Interleave: gather/);
  assert.match(svg, /fill="#1d2026"/, 'the dark background');
  assert.match(svg, /Kept run for comparison/);
  assert.match(svg, /Lateness under 15 ms is not drawn/, 'the legend and its threshold');
  assert.match(svg, />sleep\(0\.5\)</, 'segment labels');
  const [pngFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
  const pngPath = join(SHOTS, 'visual-export-dark.png');
  await pngFile.saveAs(pngPath);
  const png = readFileSync(pngPath);
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  assert.equal(png.readUInt32BE(16), 2800, 'twice the SVG’s 1400 px');
  const svgHeight = Number(/height="(\d+)"/.exec(svg)[1]);
  assert.equal(png.readUInt32BE(20), svgHeight * 2);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('comparing two runs: the kept run keeps its event loop lane, and a sentence and a table say what changed', async () => {
  const page = await finished('blocking?block=1.0&ticks=4', { width: 1440, height: 900 });
  await page.getByTestId('keep').click();
  await page.getByRole('button', { name: 'Fixed with await' }).click();
  await page.getByTestId('run').click();
  await page.getByTestId('what-happened').waitFor({ timeout: 20_000 });
  const g = await geometry(page);
  assert.ok(g.rows.includes('(kept loop)'), JSON.stringify(g.rows));
  const point = await page.getByTestId('compare-point').textContent();
  // The preset runs the lesson's values (2.30 s in all): longer than the kept 1 s block, so
  // the missing hold is put beside the pace, not given as its cause.
  assert.match(point, /^Run 2 took 1\.\d× as long; the loop was never held, where in run 1 it was held 1\.\d\d s by blocker\(\)\.$/);
  const held = await page.locator('[data-testid=compare-table] tr', { hasText: 'Loop held' }).locator('td').allTextContents();
  assert.match(held[0], /^1\.\d\d s$/);
  assert.equal(held[1], 'never');
  await page.getByTestId('timeline').screenshot({ path: join(SHOTS, 'visual-compare.png') });
  await page.close();
});
