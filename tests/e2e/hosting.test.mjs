// End-to-end: what the host sends. The page's meta Content-Security-Policy cannot stop other
// sites from framing it, so scripts/serve.py (the server of `scripts/run`, and of these tests)
// sends `Content-Security-Policy: frame-ancestors 'self'` and `X-Frame-Options: SAMEORIGIN`
// with every response, and .wasm as application/wasm. Checked on the wire, in Chromium (a
// frame from another origin is refused, one from the site itself is not), and on a server
// started the way `scripts/run` starts it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useSite, openPage, startServer, DIST } from './harness.mjs';

const ctx = useSite(before, after);

function assertHostHeaders(res, what) {
  assert.equal(res.headers.get('content-security-policy'), "frame-ancestors 'self'", what);
  assert.equal(res.headers.get('x-frame-options'), 'SAMEORIGIN', what);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff', what);
}

async function assertServes(base) {
  const types = {
    '': /^text\/html/,
    'index.html': /^text\/html/,
    'pkg/interleave_bg.wasm': /^application\/wasm$/,
    'pkg/interleave.js': /^(text|application)\/javascript/,
    'static/boot.js': /^(text|application)\/javascript/,
    'static/style.css': /^text\/css/,
  };
  for (const [path, type] of Object.entries(types)) {
    const res = await fetch(base + path);
    assert.equal(res.status, 200, path);
    assert.match(res.headers.get('content-type'), type, path);
    assertHostHeaders(res, path);
    await res.arrayBuffer();
  }
  // Error pages carry the headers too.
  const missing = await fetch(`${base}no-such-file`);
  assert.equal(missing.status, 404);
  assertHostHeaders(missing, '404');
}

test('every response forbids framing by other sites, and wasm goes out as application/wasm', async () => {
  await assertServes(ctx.site.url);
});

/** Opens `url` (a page with one iframe) and returns the frame once it has navigated. */
async function framed(url) {
  const page = await openPage(ctx.browser, url);
  const frame = page.frames().find((f) => f !== page.mainFrame()) ?? (await page.waitForEvent('frameattached'));
  await frame.waitForLoadState('load');
  return { page, frame };
}

test('a page on another origin cannot frame the site; a page of the site itself can', async () => {
  const target = `${ctx.site.url}#/demo/hello`;
  // Another origin: the same loopback address on another port.
  const other = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><iframe src="${target}" width="800" height="600"></iframe>`);
  });
  await new Promise((ok) => other.listen(0, '127.0.0.1', ok));
  try {
    const { page, frame } = await framed(`http://127.0.0.1:${other.address().port}/`);
    const refused = (p) => /violates the following Content Security Policy directive: "frame-ancestors 'self'"/.test(p);
    for (let waited = 0; !page.problems.some(refused) && waited < 5_000; waited += 50) await page.waitForTimeout(50);
    assert.ok(page.problems.some(refused), `Chromium says why it refused: ${page.problems.join('\n')}`);
    assert.doesNotMatch(frame.url(), /some\/sub\/path/, `the frame did not load the site: ${frame.url()}`);
    assert.equal(await frame.locator('[data-testid="demo-hello"]').count(), 0);
    await page.close();
  } finally {
    other.close();
  }

  // The site's own origin may frame it ('self').
  writeFileSync(join(ctx.site.root, 'frame.html'), `<!doctype html><link rel="icon" href="data:,"><iframe src="${target}" width="800" height="600"></iframe>`);
  const { page, frame } = await framed(`${new URL(ctx.site.url).origin}/frame.html`);
  await frame.getByTestId('demo-hello').waitFor({ timeout: 10_000 });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the run command\'s server takes the next free port when its port is taken', async () => {
  // Hold a port, then start the server on it, as `scripts/run` does with 8000.
  const holder = createServer();
  await new Promise((ok) => holder.listen(0, '127.0.0.1', ok));
  const taken = holder.address().port;
  const server = await startServer(['--port', String(taken), '--directory', DIST]);
  try {
    assert.ok(server.port > taken && server.port < taken + 100, `port ${server.port} after ${taken}`);
    await assertServes(`http://127.0.0.1:${server.port}/`);
  } finally {
    server.close();
    holder.close();
  }
});
