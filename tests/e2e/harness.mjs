// Shared pieces of the end-to-end tests: serve the built site from a sub-path on loopback and
// drive the system's Chromium with playwright-core (no browser download).
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = process.env.INTERLEAVE_DIST ?? join(ROOT, 'dist');
export const SHOTS = join(ROOT, 'target', 'e2e');
mkdirSync(SHOTS, { recursive: true });

/**
 * Serves `dist` at http://127.0.0.1:PORT/some/sub/path/ with the server `scripts/run` uses
 * (scripts/serve.py), so the tests see the headers a user's host sends. `root` is the folder
 * served at `/` (the site is linked in below it).
 */
export async function serveSite(subPath = 'some/sub/path') {
  const root = mkdtempSync(join(tmpdir(), 'interleave-site-'));
  const parent = join(root, subPath, '..');
  mkdirSync(parent, { recursive: true });
  symlinkSync(DIST, join(root, subPath));
  const server = await startServer(['--port', '0', '--directory', root]);
  return { ...server, url: `http://127.0.0.1:${server.port}/${subPath}/`, root };
}

/** Starts scripts/serve.py with `args` (plus --quiet); resolves once it listens. */
export async function startServer(args) {
  const server = spawn('python3', [join(ROOT, 'scripts', 'serve.py'), ...args, '--quiet'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('static server did not start')), 10_000);
    server.stdout.on('data', (chunk) => {
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(String(chunk));
      if (m) {
        clearTimeout(timer);
        ok(Number(m[1]));
      }
    });
    server.on('exit', (code) => fail(new Error(`static server exited with ${code}`)));
  });
  return { port, close: () => server.kill() };
}

/** Headless Chromium (the system's); `extraArgs` are added to its command line. */
export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage', ...extraArgs,
    ],
  });
}

/**
 * A new page that records console errors and failed requests (CSP refusals show up there).
 * `browser` may also be a browser context (for one with its own permissions).
 */
export async function openPage(browser, url, { colorScheme = 'light', width = 1280, height = 900, scale } = {}) {
  // A zoomed screen (scale: 1.5 is a 1920×1080 display at 150 %) needs a page of its own.
  const page = scale ? await browser.newPage({ deviceScaleFactor: scale, viewport: { width, height } }) : await browser.newPage();
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ colorScheme });
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  await page.goto(url);
  return page;
}

/**
 * Serves the site and launches the browser around a test file:
 * `const ctx = useSite();` then `ctx.site.url` and `ctx.browser` inside tests.
 */
export function useSite(before, after) {
  const ctx = {};
  before(async () => {
    ctx.site = await serveSite();
    ctx.browser = await launch();
  });
  after(async () => {
    await ctx.browser?.close();
    ctx.site?.close();
  });
  return ctx;
}

/** Starts recording animation-frame times in the page; `frameGaps(page)` reads them back. */
export async function recordFrames(page) {
  await page.evaluate(() => {
    window.__frames = [];
    const tick = (t) => {
      window.__frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** Milliseconds between the frames recorded since `recordFrames`, sorted. */
export async function frameGaps(page) {
  const frames = await page.evaluate(() => window.__frames);
  return frames.slice(1).map((t, i) => t - frames[i]).sort((a, b) => a - b);
}
