// End-to-end: every demo of the built site, run by clicking Run, read back from the page. The
// demo list comes from the gallery itself, so a new demo is covered by being added.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useSite, openPage, SHOTS } from './harness.mjs';

const ctx = useSite(before, after);

/** Opens a demo (optionally with link parameters), runs it and waits for it to end. */
async function runDemo(slug, query = '', { timeout = 40_000 } = {}) {
  const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/${slug}${query ? `?${query}` : ''}`);
  await page.getByTestId(`demo-${slug}`).waitFor();
  await page.getByTestId('run').click();
  await page.getByTestId('what-happened').waitFor({ timeout });
  const text = async (id) => (await page.getByTestId(id).textContent()) ?? '';
  const prints = (await page.getByTestId('prints').locator('li code').allTextContents());
  return { page, text, prints, summary: await text('what-happened'), status: await text('status') };
}

const seconds = (re, s) => Number(re.exec(s)?.[1]);

test('every demo in the gallery runs to its end with a summary and no errors', async () => {
  const gallery = await openPage(ctx.browser, ctx.site.url);
  await gallery.locator('.cards').waitFor();
  const slugs = (await gallery.locator('[data-testid^="card-"]').evaluateAll((els) => els.map((e) => e.dataset.testid.slice(5))));
  await gallery.close();
  assert.ok(slugs.length >= 14, `only ${slugs.length} demos`);
  for (const slug of slugs) {
    const { page, status, summary } = await runDemo(slug);
    assert.match(status, /^main\(\) (returned|raised) /, `${slug}: ${status}`);
    assert.ok(summary.length > 20, `${slug}: ${summary}`);
    // Code named in the words is set as code: no literal backtick reaches the learner.
    const words = await page.locator('.summary').textContent();
    assert.ok(!words.includes('`'), `${slug}: ${words}`);
    assert.deepEqual(page.problems, [], slug);
    await page.screenshot({ path: join(SHOTS, `demo-${slug}.png`), fullPage: true });
    await page.close();
  }
});

test('create-task: prints in asyncio order, total about 2 s', async () => {
  const { page, prints, summary } = await runDemo('create-task');
  assert.deepEqual(prints, [
    'Doing other work...',
    'Background job started',
    'Other work done; now waiting for the task',
    'Background job finished',
    'Got: job result',
  ]);
  const total = seconds(/Finished in ([\d.]+) s/, summary);
  assert.ok(total >= 1.99 && total < 2.4, summary);
  await page.close();
});

test('sequential-vs-gather: about 6 s one by one, about 2 s gathered', async () => {
  const { page, prints } = await runDemo('sequential-vs-gather');
  const gathered = seconds(/gathered: ([\d.]+) s/, prints.join('\n'));
  const sequential = seconds(/one by one: ([\d.]+) s/, prints.join('\n'));
  assert.ok(gathered >= 2 && gathered < 2.3, `gathered ${gathered}`);
  assert.ok(sequential >= 6 && sequential < 6.5, `one by one ${sequential}`);
  // Metrics: plain figures on show, the rest behind a Details button that opens and closes.
  const figures = await page.getByTestId('figures').locator('li').allTextContents();
  assert.ok(figures.some((f) => /^took [\d.]+ s$/.test(f)), JSON.stringify(figures));
  const details = page.getByRole('button', { name: 'Details' });
  assert.equal(await details.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.getByTestId('metrics').isVisible(), false);
  await details.click();
  assert.equal(await details.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.getByTestId('metrics').isVisible(), true);
  assert.match(await page.getByTestId('metrics').textContent(), /Turns of the loop/);
  await details.click();
  assert.equal(await page.getByTestId('metrics').isVisible(), false);
  await page.close();
});

test('wait-for: TimeoutError at about 5 s; with a longer timeout the result comes back', async () => {
  let { page, summary, prints } = await runDemo('wait-for');
  assert.deepEqual(prints, ['slow operation started', 'Timed out!']);
  const at = seconds(/TimeoutError after ([\d.]+) s/, summary);
  assert.ok(at >= 5 && at < 5.4, summary);
  await page.close();
  ({ page, prints } = await runDemo('wait-for', 'duration=1.0&timeout=5.0'));
  assert.deepEqual(prints, ['slow operation started', 'slow operation finished', 'Result: done']);
  await page.close();
});

test('semaphore: never more than 5 calls in flight', async () => {
  const { page, summary } = await runDemo('semaphore', 'high=1.5');
  assert.match(summary, /^At most 5 calls were in flight \(limit 5\)/);
  await page.close();
});

test('fetch: ten real requests to the site\'s own files; faults become failed tasks', async () => {
  let { page, prints, status } = await runDemo('fetch');
  assert.equal(prints.at(-1), 'Fetched 10 items');
  assert.equal(status, 'main() returned 10');
  await page.close();
  const faults = ['static/data/items/1.json', 'static/data/missing.json', 'static/data/broken.json', 'http://127.0.0.1:9/refused'];
  ({ page, prints } = await runDemo('fetch', `urls=${encodeURIComponent(faults.join('\n'))}`));
  assert.match(prints[0], /items\/1\.json: ok \{'id': 1, 'name': 'kettle', 'price': 3\.5\}/);
  // aiohttp's exceptions, with its wording.
  assert.match(prints[1], /missing\.json: failed: ClientResponseError: 404, message='[^']+', url='http:\/\/127\.0\.0\.1:\d+\/.*missing\.json'$/);
  assert.match(prints[2], /broken\.json: failed: JSONDecodeError: .+: line \d+ column \d+ \(char \d+\)$/);
  assert.match(prints[3], /refused: failed: ClientConnectorError: Cannot connect to host 127\.0\.0\.1:9 /);
  assert.equal(prints.at(-1), 'Fetched 1 items');
  await page.close();
});

// time.sleep in a coroutine holds the loop for real (the tickers' timers fire late), but pauses
// for the browser while it does: the page draws the hold as it grows, and Stop works.
test('blocking: the loop is held for the block while the page keeps drawing; the fixed version is not held', async () => {
  let { page, summary } = await runDemo('blocking');
  assert.match(summary, /the tickers' timers fired up to [12]\.\d+ s late/);
  const frame = seconds(/kept drawing: its longest frame took (\d+) ms/, summary);
  assert.ok(frame < 500, `longest frame ${frame} ms: ${summary}`);
  // One figure, and what of it was the sleep itself when the hold ran a little longer.
  assert.match(summary, /held the loop for 2\.\d\d s (in time\.sleep\(2\.0\)|\(time\.sleep\(2\.0\) itself took 2\.0\d s of it\))/);
  await page.close();
  ({ page, summary } = await runDemo('blocking', `variant=${encodeURIComponent('await asyncio.sleep (fixed)')}`));
  const fixedFrame = seconds(/longest frame took (\d+) ms/, summary);
  assert.ok(fixedFrame < 500, `longest frame ${fixedFrame} ms: ${summary}`);
  await page.close();
});

/** A duration as the page writes it ("850 µs", "12.3 ms", "1.15 s"), in milliseconds. */
function ms(text) {
  const m = /^([\d.]+) (µs|ms|s)$/.exec(text);
  assert.ok(m, `not a duration: ${text}`);
  return Number(m[1]) * { µs: 0.001, ms: 1, s: 1000 }[m[2]];
}

/**
 * From the Output panel: the times (ms) at which the ticker printed "tick", then the time of
 * the last line (the count's result, printed as soon as the count is done).
 */
async function tickTimes(page) {
  return page.getByTestId('prints').locator('li').evaluateAll((lis) => {
    const at = (li) => parseFloat(li.querySelector('time').textContent) * 1000;
    return lis.filter((li) => li.querySelector('code')?.textContent === 'tick').map(at).concat(at(lis.at(-1)));
  });
}

const longestGap = (times) => Math.max(...times.slice(1).map((t, i) => t - times[i]));

// How long the count takes depends on the machine and its load (on a busy 2-core machine,
// twice as long), so the two runs are compared with each other, not with fixed numbers.
test('to-thread: inline counting holds the loop and freezes the page; a worker does not', async () => {
  const inline = await runDemo('to-thread');
  // The Python shown is what ran: the engine counted inline.
  assert.equal(await inline.page.getByRole('tab', { selected: true }).textContent(), 'Python (what runs)');
  assert.match(inline.prints.at(-1), /^9592 primes below 100000$/);
  const held = ms(/held the loop for ([\d.]+ (?:µs|ms|s)):/.exec(inline.summary)?.[1] ?? '');
  const inlineFrame = seconds(/longest frame took (\d+) ms/, inline.summary);
  assert.ok(held > 200, `inline: ${inline.summary}`);
  // The hold is the count and the Python around it (main() resuming, the print after).
  assert.ok(inlineFrame >= held * 0.8, `the page froze for the whole count: ${inline.summary}`);
  // The ticker (every 100 ms) fell silent for the whole count.
  const inlineTicks = await tickTimes(inline.page);
  assert.ok(longestGap(inlineTicks) >= held * 0.9, `inline ticks, then the result: ${inlineTicks} (held ${held} ms)`);
  await inline.page.close();

  const worker = await runDemo('to-thread', 'variant=to_thread');
  const workerFrame = seconds(/longest frame took (\d+) ms/, worker.summary);
  assert.match(worker.summary, /the loop was never held longer than [\d.]+ (ms|µs)/);
  assert.match(worker.prints.at(-1), /^9592 primes below 100000$/);
  // The ticker kept its rhythm all through the count: 100 ms apart, give or take the
  // lateness of a timer on a loaded machine; and no frame took a third of the inline freeze.
  const ticks = await tickTimes(worker.page);
  assert.ok(ticks.length > 3 && ticks[0] < 250, `worker ticks, then the result: ${ticks}`);
  assert.ok(longestGap(ticks) < 250, `the ticker stalled: ${ticks}`);
  assert.ok(workerFrame < inlineFrame / 3, `worker: ${worker.summary} (inline froze ${inlineFrame} ms)`);
  await worker.page.close();
});

test('a lesson keeps Rust and CPython internals behind More', async () => {
  const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/threads-vs-loop`);
  await page.getByTestId('demo-threads-vs-loop').waitFor();
  assert.doesNotMatch(await page.locator('.lesson').textContent(), /GIL/);
  const more = page.getByRole('button', { name: 'More' });
  assert.equal(await page.getByTestId('more').isVisible(), false);
  await more.click();
  assert.equal(await more.getAttribute('aria-expanded'), 'true');
  assert.match(await page.getByTestId('more').textContent(), /global interpreter lock \(the GIL\)/);
  await page.close();
  // A lesson with nothing underneath has no More.
  const plain = await openPage(ctx.browser, `${ctx.site.url}#/demo/gather`);
  await plain.getByTestId('demo-gather').waitFor();
  assert.equal(await plain.getByRole('button', { name: 'More' }).count(), 0);
  await plain.close();
});
