// End-to-end: the gallery's sections and pictures. The sections come in order with their demos;
// every demo card gets its picture (drawn in the page from a run on the virtual clock, after the
// first paint) or, for the two the virtual clock cannot show, a note; nothing moves when the
// pictures arrive; they follow the theme; the cards still open their demos. Screenshots at a
// desktop and a phone width, light and dark, land in target/e2e/gallery-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useSite, openPage, SHOTS } from './harness.mjs';

const ctx = useSite(before, after);

const SECTIONS = [
  ['Basics', ['hello', 'gather', 'sequential-vs-gather', 'create-task']],
  ['Coordination', ['queue', 'semaphore', 'llm-batch', 'as-completed']],
  ['Errors and time limits', ['wait-for', 'return-exceptions', 'cancel']],
  ['Gotchas', ['forgot-await', 'blocking']],
  ['Real I/O', ['fetch', 'to-thread', 'threads-vs-loop']],
  ['Write your own', []],
];
/** Demos the virtual clock cannot show: their cards say so instead (src/session/picture.rs). */
const NOT_PICTURED = ['fetch', 'to-thread'];

/** Waits until every demo card has its picture, or its note; returns how long that took. */
async function picturesDrawn(page) {
  const start = Date.now();
  await page.waitForFunction(
    (absent) => {
      const cards = [...document.querySelectorAll('[data-testid^="card-"]')];
      return cards.length > 0 && cards.every((card) => {
        const slug = card.dataset.testid.slice(5);
        return absent.includes(slug)
          ? card.querySelector('.picture.absent') !== null
          : card.querySelector('.picture img')?.complete === true;
      });
    },
    NOT_PICTURED,
    { timeout: 20_000 },
  );
  return Date.now() - start;
}

test('the gallery shows its sections in order, each with its demos in lesson order', async () => {
  const page = await openPage(ctx.browser, ctx.site.url, { width: 1440, height: 900 });
  await page.locator('.cards').waitFor();
  const headings = await page.locator('.gallery .group > h2').allTextContents();
  assert.deepEqual(headings, SECTIONS.map(([title]) => title));
  const sections = await page.locator('.gallery .group').evaluateAll((groups) =>
    groups.map((g) => [...g.querySelectorAll('[data-testid^="card-"]')].map((c) => c.dataset.testid.slice(5))));
  assert.deepEqual(sections, SECTIONS.map(([, slugs]) => slugs));
  // The numbers run through the page, in the order the cards are read.
  const numbers = await page.locator('.card .num').allTextContents();
  assert.deepEqual(numbers, numbers.map((_, i) => String(i + 1)));
  // The last section's one card opens the script page.
  await page.getByTestId('play-card').getByRole('link').click();
  await page.getByTestId('play').waitFor();
  assert.match(page.url(), /#\/play$/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('every demo card gets its picture after the first paint, without moving anything', async (t) => {
  // Notes the placeholder the first time it is in the page, before any picture can be.
  const context = await ctx.browser.newContext();
  await context.addInitScript(() => {
    new MutationObserver(() => {
      const pending = document.querySelector('[data-testid="card-gather"] .picture.pending');
      if (pending && !window.pendingBox) {
        const { width, height } = pending.getBoundingClientRect();
        window.pendingBox = { width, height };
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await openPage(context, ctx.site.url, { width: 1440, height: 900 });
  await page.locator('.cards').waitFor();
  const took = await picturesDrawn(page);
  t.diagnostic(`pictures drawn ${took} ms after the cards showed`);
  const pending = await page.evaluate(() => window.pendingBox);
  assert.ok(pending, 'the cards showed with placeholders first');
  const drawn = await page.getByTestId('card-gather').locator('.picture').boundingBox();
  assert.ok(
    Math.abs(drawn.width - pending.width) < 0.5 && Math.abs(drawn.height - pending.height) < 0.5,
    `the picture takes the placeholder's place: ${JSON.stringify(pending)} then ${drawn.width}×${drawn.height}`,
  );
  for (const [, slugs] of SECTIONS) {
    for (const slug of slugs) {
      const picture = page.getByTestId(`card-${slug}`).locator('.picture');
      assert.equal(await picture.getAttribute('aria-hidden'), 'true', `${slug}: decorative`);
      if (NOT_PICTURED.includes(slug)) {
        assert.match(await picture.textContent(), /run it to see/, slug);
        continue;
      }
      const img = picture.locator('img');
      assert.equal(await img.getAttribute('alt'), '', slug);
      assert.ok(await img.evaluate((i) => i.naturalWidth > 0), `${slug}: the picture decoded`);
      const size = await img.boundingBox();
      assert.ok(Math.abs(size.width / size.height - 10 / 3) < 0.1, `${slug}: a 10:3 picture, ${size.width}×${size.height}`);
    }
  }
  // What one picture costs in this browser (each is made again here, outside the page's ticks).
  const ms = await page.evaluate(async () => Array.from((await import('./pkg/interleave.js')).bench_gallery_pictures()));
  t.diagnostic(`making each picture: ${ms.map((x) => x.toFixed(1)).join(', ')} ms; total ${ms.reduce((a, b) => a + b, 0).toFixed(1)} ms`);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the pictures follow the theme shown, also when it changes', async () => {
  const page = await openPage(ctx.browser, ctx.site.url, { colorScheme: 'dark' });
  await picturesDrawn(page);
  const src = () => page.getByTestId('card-gather').locator('.picture img').getAttribute('src');
  // The drawing's own background: the dark or the light theme's panel.
  assert.match(await src(), /%231d2026/);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="card-gather"] .picture img')?.getAttribute('src').includes('%23ffffff'));
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a card still opens its demo, and the pictures are kept for the way back', async () => {
  const page = await openPage(ctx.browser, ctx.site.url);
  await picturesDrawn(page);
  await page.getByTestId('card-semaphore').getByRole('link').click();
  await page.getByTestId('demo-semaphore').waitFor();
  assert.match(page.url(), /#\/demo\/semaphore/);
  await page.goBack();
  await page.locator('.cards').waitFor();
  // Made once per page: back on the gallery they show with the cards, with no placeholder.
  assert.equal(await page.locator('.picture.pending').count(), 0);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('screenshots: the gallery at 1440 and 390 wide, light and dark', async () => {
  for (const [width, height] of [[1440, 900], [390, 844]]) {
    for (const colorScheme of ['light', 'dark']) {
      const page = await openPage(ctx.browser, ctx.site.url, { width, height, colorScheme });
      await picturesDrawn(page);
      // Nothing wider than the screen: the cards fit a phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${width} ${colorScheme}: ${overflow} px wider than the screen`);
      await page.screenshot({ path: join(SHOTS, `gallery-${width}-${colorScheme}.png`), fullPage: true });
      assert.deepEqual(page.problems, []);
      await page.close();
    }
  }
});

test('each page has its own tab title; a demo opens at its top; Back returns to the same place in the gallery', async () => {
  const page = await openPage(ctx.browser, ctx.site.url, { width: 1440, height: 900 });
  await page.getByTestId('card-blocking').waitFor();
  assert.match(await page.title(), /^Interleave/);
  await page.getByTestId('card-blocking').scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 120));
  await page.waitForTimeout(200);
  const galleryY = await page.evaluate(() => window.scrollY);
  assert.ok(galleryY > 400, `the gallery was scrolled (${galleryY})`);
  await page.getByTestId('card-blocking').click();
  await page.getByTestId('run').waitFor();
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the demo opens at its top');
  const blocking = await page.title();
  assert.match(blocking, /^Blocking the loop.* · Interleave$/, blocking);
  await page.goBack();
  await page.getByTestId('card-blocking').waitFor();
  await page.waitForTimeout(300);
  const back = await page.evaluate(() => window.scrollY);
  assert.ok(Math.abs(back - galleryY) < 40, `back at ${back}, left at ${galleryY}`);
  assert.match(await page.title(), /^Interleave/);
  await page.goto(`${ctx.site.url}#/demo/gather`);
  await page.getByTestId('run').waitFor();
  assert.notEqual(await page.title(), blocking, 'two demos, two titles');
  await page.goto(`${ctx.site.url}#/play`);
  await page.waitForTimeout(200);
  assert.equal(await page.title(), 'Write your own · Interleave');
  assert.deepEqual(page.problems, []);
  await page.close();
});
