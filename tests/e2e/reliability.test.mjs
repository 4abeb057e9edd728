// End-to-end reliability: bad values, hostile links, fetch faults from our own loopback
// server, Stop, reruns, leaving mid-run, a run past the recorder's cap, a runaway worker, and
// the page's security policy. After each, the page's own counters say what is left running.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useSite, openPage, recordFrames, frameGaps, DIST } from './harness.mjs';

let faults;
const aborted = [];

/** A server on another port (so CORS applies) that misbehaves on purpose. */
function startFaultServer() {
  const server = createServer((req, res) => {
    const cors = { 'access-control-allow-origin': '*', 'content-type': 'application/json' };
    switch (req.url) {
      case '/ok.json':
        return res.writeHead(200, cors).end('{"fine": true}');
      case '/404.json':
        return res.writeHead(404, cors).end('{}');
      case '/500.json':
        return res.writeHead(500, cors).end('{}');
      case '/bad.json':
        return res.writeHead(200, cors).end('{"oops": ');
      case '/nocors.json':
        return res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      case '/slow.json':
        // Never answers; notes when the browser gives up on it.
        req.on('close', () => aborted.push(Date.now()));
        return;
      default:
        return res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

const ctx = useSite(before, after);
before(async () => {
  faults = await startFaultServer();
});
after(() => faults?.close());

async function counters(page) {
  return JSON.parse(await page.evaluate(async () => (await import('./pkg/interleave.js')).interleave_counters()));
}

/**
 * Waits until `check()` returns true (polled every 50 ms, for up to `timeout` ms), then
 * returns; fails with `what()` otherwise. For states the page reaches in its own time (a
 * render, a dropped run), which a loaded machine may delay but must not prevent.
 */
async function eventually(check, what, timeout = 5_000) {
  const end = Date.now() + timeout;
  while (!(await check())) {
    assert.ok(Date.now() < end, await what());
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

/** No error banner, and no error but the browser's own notes on requests we failed on purpose. */
async function noBanner(page) {
  assert.equal(await page.locator('#fatal').count(), 0, 'no error banner');
  const unexpected = page.problems.filter((p) => !/Failed to load resource|blocked by CORS policy/.test(p));
  assert.deepEqual(unexpected, []);
}

test('bad values get a clear message and keep Run disabled; fixing them enables it', async () => {
  const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/gather`);
  const field = page.getByTestId('param-a');
  for (const [bad, message] of [
    ['abc', /is not a number/],
    ['', /Enter a number/],
    ['NaN', /is not a number/],
    ['-1', /between 0 and 60 seconds/],
    ['1e9', /between 0 and 60 seconds/],
    ['<script>alert(1)</script>', /is not a number/],
  ]) {
    await field.fill(bad);
    assert.match(await page.getByTestId('error-a').textContent(), message, bad);
    assert.equal(await page.getByTestId('run').isDisabled(), true, bad);
    assert.equal(await field.inputValue(), bad, 'what was typed is kept');
  }
  await field.fill('0.2');
  assert.equal(await page.getByTestId('run').isDisabled(), false);
  assert.match(page.url(), /a=0\.2/, 'the link follows the form');

  await page.goto(`${ctx.site.url}#/demo/semaphore`);
  await page.getByTestId('param-calls').fill('1000000000');
  assert.match(await page.getByTestId('error-calls').textContent(), /between 1 and 10000/);
  await page.getByTestId('param-limit').fill('0');
  assert.match(await page.getByTestId('error-limit').textContent(), /between 1 and 10000/);

  await page.goto(`${ctx.site.url}#/demo/fetch`);
  await page.getByTestId('param-urls').fill('javascript:alert(1)');
  assert.match(await page.getByTestId('error-urls').textContent(), /only http:\/\/ and https:\/\//);
  assert.equal(await page.getByTestId('run').isDisabled(), true);
  await noBanner(page);
  await page.close();
});

test('hostile, garbage, truncated and oversized links open a clear notice with the defaults', async () => {
  const page = await openPage(ctx.browser, ctx.site.url);
  const evil = encodeURIComponent('<img src=x onerror="window.__pwned=1">');
  const cases = [
    [`#/demo/gather?a=${evil}&b=1e999&zzz=1`, /Couldn't read all of this link/],
    [`#/demo/${encodeURIComponent('<script>window.__pwned=1</script>')}`, /There is no demo called/],
    ['#/demo/nope', /There is no demo called “nope”/],
    [`#/demo/gather?${'a=1&'.repeat(6000)}`, /too long/],
    ['#/demo/gather?a=%E0%A4%A&b=%', /Couldn't read all of this link|a=/],
    ['#/demo/fetch?urls=javascript%3Aalert(1)', /Couldn't read all of this link/],
    ['#/%%%/x?y', /not a page of Interleave/],
  ];
  for (const [hash, expected] of cases) {
    // A fresh load per link (a change of the hash alone keeps the page), so what is on the
    // page once the app has rendered is this link's.
    await page.goto('about:blank');
    await page.goto(`${ctx.site.url}${hash}`);
    await page.locator('#main > *').first().waitFor();
    const notice = page.getByTestId('link-notice');
    if (await notice.count()) {
      assert.match(await notice.textContent(), expected, hash);
    } else {
      // Only a link that decodes cleanly may show no notice.
      assert.match(hash, /%E0%A4%A/, `no notice for ${hash}`);
    }
    await noBanner(page);
  }
  await page.goto(`${ctx.site.url}#/demo/gather?a=${evil}`);
  assert.equal(await page.getByTestId('param-a').inputValue(), '1.0', 'the default replaced the hostile value');
  await page.getByTestId('run').click();
  await page.getByTestId('what-happened').waitFor({ timeout: 10_000 });
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing in a link was executed');
  await page.close();
});

test('links: credentials are refused, hidden characters shown escaped, a key set twice is named', async () => {
  const page = await openPage(ctx.browser, ctx.site.url);
  const notice = page.getByTestId('link-notice');

  // A password in a fetch URL: refused, not repeated, and gone from the page's own link.
  const secret = encodeURIComponent('http://user:hunter2@127.0.0.1:9/a.json');
  await page.goto(`${ctx.site.url}#/demo/fetch?urls=${secret}`);
  await notice.waitFor();
  assert.match(await notice.textContent(), /carries a user name or password/);
  assert.doesNotMatch(await page.locator('body').textContent(), /hunter2/);
  assert.match(await page.getByTestId('param-urls').inputValue(), /^static\/data\/items\/1\.json\n/, 'the default is used');
  await page.waitForFunction(() => !location.href.includes('hunter2'));
  // Typed into the field: refused, Run stays off, and the page's link never carries it.
  await page.getByTestId('param-urls').fill('https://me:hunter2@example.com/data.json');
  assert.match(await page.getByTestId('error-urls').textContent(), /“https:\/\/…@example\.com\/data\.json” carries a user name or password/);
  assert.equal(await page.getByTestId('run').isDisabled(), true);
  // Once the link has caught up with the form (another field changed after), it still has
  // no password.
  await page.getByTestId('param-latency').fill('0.5');
  await page.waitForFunction(() => location.href.includes('latency=0.5'));
  assert.doesNotMatch(page.url(), /hunter2/);

  // A right-to-left override in a link's key, value and demo name: escaped, never raw.
  const rlo = '%E2%80%AE';
  for (const hash of [`#/demo/gather?${rlo}exe.txt=1&a=${rlo}1`, `#/demo/${rlo}txt.exe`]) {
    await page.goto(`${ctx.site.url}${hash}`);
    await notice.waitFor();
    const text = await notice.textContent();
    assert.ok(text.includes('\\u202e'), `escaped: ${text}`);
    assert.ok(!/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/.test(text), `no raw bidi control: ${JSON.stringify(text)}`);
  }

  // A key set twice: the notice says which value is used, and the field has it.
  await page.goto(`${ctx.site.url}#/demo/gather?a=0.3&a=0.2`);
  await notice.waitFor();
  assert.match(await notice.textContent(), /The link set a twice; using 0\.2\./);
  assert.equal(await page.getByTestId('param-a').inputValue(), '0.2');
  await noBanner(page);
  await page.close();
});

test('fetch faults each end as a failed task with a readable message; the slow one is aborted', async () => {
  const base = `http://127.0.0.1:${faults.address().port}`;
  const urls = ['ok', '404', '500', 'bad', 'nocors', 'slow'].map((n) => `${base}/${n}.json`).concat('http://127.0.0.1:9/refused');
  const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/fetch?timeout=1&urls=${encodeURIComponent(urls.join('\n'))}`);
  const started = Date.now();
  await page.getByTestId('run').click();
  await page.getByTestId('what-happened').waitFor({ timeout: 15_000 });
  const prints = await page.getByTestId('prints').locator('li code').allTextContents();
  const line = (name) => prints.find((p) => p.includes(name)) ?? '';
  assert.match(line('/ok.json'), /: ok \{'fine': True\}/);
  // aiohttp's exceptions, with its wording.
  assert.match(line('/404.json'), /failed: ClientResponseError: 404, message='Not Found', url='http:\/\/127\.0\.0\.1:\d+\/404\.json'$/);
  assert.match(line('/500.json'), /failed: ClientResponseError: 500, message='Internal Server Error', url=/);
  assert.match(line('/bad.json'), /failed: (JSONDecodeError: .+ \(char \d+\)|ContentTypeError: )/);
  assert.match(line('/nocors.json'), /failed: ClientConnectorError: Cannot connect to host 127\.0\.0\.1:\d+ .*CORS/);
  assert.match(line('/slow.json'), /failed: TimeoutError: $/);
  assert.match(line(':9/refused'), /failed: ClientConnectorError: Cannot connect to host 127\.0\.0\.1:9 /);
  assert.equal(prints.at(-1), 'Fetched 1 items');
  await eventually(() => aborted.length > 0, () => 'the server never saw the timed-out request aborted');
  assert.equal(aborted.length, 1, 'the server saw the timed-out request aborted, once');
  assert.ok(aborted[0] - started < 5000);
  assert.equal((await counters(page)).fetches, 0);
  await noBanner(page);
  await page.close();
});

test('Stop in the middle of any demo leaves no task, timer, request or worker', async () => {
  const base = `http://127.0.0.1:${faults.address().port}`;
  const runs = [
    'semaphore',
    'queue?variant=task_done%2Fjoin&consumers=3&items=20',
    `fetch?urls=${encodeURIComponent(`${base}/slow.json\n${base}/slow.json`)}`,
    'to-thread?variant=to_thread&n=150000',
    'threads-vs-loop?variant=CPU-bound&n=8&size=50000',
    'llm-batch',
    'wait-for',
  ];
  for (const run of runs) {
    const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/${run}`);
    await page.getByTestId('run').click();
    await page.waitForTimeout(600);
    assert.equal(await page.getByTestId('stop').isEnabled(), true, `${run} still running`);
    await page.getByTestId('stop').click();
    await page.getByTestId('status').filter({ hasText: /^Stopped\.$/ }).waitFor({ timeout: 5_000 });
    const left = await counters(page);
    assert.deepEqual([left.tasks, left.timers, left.fetches, left.workers], [0, 0, 0, 0], `${run}: ${JSON.stringify(left)}`);
    await noBanner(page);
    await page.close();
  }
});

test('Run again and Step through in the middle of a run replace it cleanly', async () => {
  // Zero-delay items keep a loop iteration always queued when Run is pressed again.
  const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/queue?items=100000&delay=0&work=0`);
  for (let i = 0; i < 5; i++) {
    await page.getByTestId('run').click();
    await page.waitForTimeout(120);
  }
  await page.getByTestId('step-mode').click();
  await page.getByTestId('next').click();
  let left;
  await eventually(
    async () => (left = await counters(page)).runs === 1,
    () => `the replaced runs are still alive: ${JSON.stringify(left)}`,
  );
  await noBanner(page);
  await page.close();
});

test('a hundred runs in a row, and leaving mid-run, leave nothing behind and do not grow memory', async () => {
  const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/gather?a=0.01&b=0.005&c=0.015`);
  let memoryAt10 = 0;
  for (let i = 1; i <= 100; i++) {
    await page.getByTestId('run').click();
    await page.getByTestId('what-happened').waitFor({ timeout: 5_000 });
    if (i === 10) memoryAt10 = (await counters(page)).wasm_bytes;
  }
  const after100 = await counters(page);
  assert.equal(after100.runs, 1, 'only the run on screen is kept');
  assert.deepEqual([after100.tasks, after100.timers], [0, 0]);
  // Wasm memory grows in 64 KiB pages and never shrinks: ninety more runs may cost a page or
  // two of allocator slack, not a run's worth each.
  const grown = after100.wasm_bytes - memoryAt10;
  assert.ok(grown <= 2 * 1024 * 1024, `memory grew ${grown} bytes from run 10 to run 100`);

  await page.goto(`${ctx.site.url}#/demo/semaphore?calls=200&limit=20`);
  await page.getByTestId('run').click();
  await page.waitForTimeout(400);
  await page.getByRole('link', { name: '← All demos' }).click();
  await page.locator('.cards').waitFor();
  let left;
  await eventually(
    async () => {
      left = await counters(page);
      return left.runs === 0 && left.tasks === 0 && left.timers === 0;
    },
    () => `left behind after leaving: ${JSON.stringify(left)}`,
  );
  await noBanner(page);
  await page.close();
});

test('a run past the recorder cap says how much was dropped, stays bounded and responsive', async () => {
  const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/queue?items=120000&delay=0&work=0&consumers=2`);
  await recordFrames(page);
  await page.getByTestId('run').click();
  await page.getByTestId('what-happened').waitFor({ timeout: 120_000 });
  const dropped = await page.getByTestId('dropped').textContent();
  assert.match(dropped, /kept its first 1000000 events and dropped \d+ more/);
  // Figures from the cut recording say so; none passes for the whole run's.
  const summary = await page.getByTestId('what-happened').textContent();
  assert.match(summary, /^120000 items went through, in order\. The recorder was full after the run's first [\d.]+ m?s and dropped the \d+ events that came later, so the run took at least that long/);
  assert.doesNotMatch(summary, /went through in/);
  assert.match(await page.getByTestId('metrics').locator('dd').first().textContent(), /^≥ [\d.]+ m?s \(recording cut\)$/);
  const worst = (await frameGaps(page)).at(-1);
  assert.ok(worst < 1000, `the page kept drawing (longest frame ${worst.toFixed(0)} ms)`);
  const c = await counters(page);
  assert.ok(c.wasm_bytes < 400 * 1024 * 1024, `wasm memory ${c.wasm_bytes}`);
  await noBanner(page);
  await page.close();
});

test('a runaway worker is stopped by its time budget and the page recovers', async () => {
  const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/to-thread?variant=to_thread&n=150000&budget=0.5`);
  await page.getByTestId('run').click();
  await page.getByTestId('what-happened').waitFor({ timeout: 10_000 });
  assert.equal(await page.getByTestId('result').textContent(), 'TimeoutError()');
  assert.match(await page.getByTestId('what-happened').textContent(), /did not finish within 0\.5 s, so it was terminated/);
  assert.equal((await counters(page)).workers, 0);
  await page.getByTestId('param-n').fill('20000');
  await page.getByTestId('run').click();
  await page.getByTestId('what-happened').waitFor({ timeout: 10_000 });
  assert.equal(await page.getByTestId('result').textContent(), '2262');
  await noBanner(page);
  await page.close();
});

test('the page forbids inline script and runs only its own code', async () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)[1];
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
  assert.doesNotMatch(html.replace(/<script type="module" src="static\/boot\.js"><\/script>/, ''), /<script/);
  const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/hello`);
  const blocked = await page.evaluate(
    () =>
      new Promise((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
        const s = document.createElement('script');
        s.textContent = 'window.__inline = 1';
        document.head.append(s);
        setTimeout(() => resolve(window.__inline === 1 ? 'inline script ran' : 'no report'), 500);
      }),
  );
  assert.match(blocked, /^script-src/, 'an inline script is refused by the policy');
  await page.close();
});
