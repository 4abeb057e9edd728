// End-to-end: the built static site, served from a sub-path, in headless Chromium. Clicks what
// a user clicks and reads what a user reads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useSite, openPage, SHOTS } from './harness.mjs';

const ctx = useSite(before, after);

test('the gallery lists the gather demo and links to it', async () => {
  const page = await openPage(ctx.browser, ctx.site.url);
  const card = page.getByTestId('card-gather');
  await card.waitFor();
  await card.getByRole('link').click();
  await page.getByTestId('demo-gather').waitFor();
  assert.match(page.url(), /#\/demo\/gather/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('gather runs three real timers concurrently: results in argument order, ~1.5 s total', async () => {
  const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/gather`);
  await page.getByTestId('run').click();
  const result = page.getByTestId('result');
  await result.waitFor({ timeout: 10_000 });
  assert.equal(await result.textContent(), 'None');
  assert.equal(await page.getByTestId('prints').locator('li code').last().textContent(), "['A done', 'B done', 'C done']");

  const prints = await page.getByTestId('prints').locator('li').allTextContents();
  const order = prints.map((line) => line.replace(/^[\d.]+ s/, '').trim());
  const finished = order.filter((l) => l.includes('finished')).map((l) => l.match(/(\w) finished/)[1]);
  assert.deepEqual(finished, ['B', 'A', 'C'], `print order: ${order.join(' | ')}`);

  const summary = await page.getByTestId('what-happened').textContent();
  const total = Number(/Finished in ([\d.]+) s/.exec(summary)[1]);
  assert.ok(total >= 1.49 && total < 1.9, `total ${total} s should be ~1.5 s (not 3.0): ${summary}`);
  // Each wait ends when its timer fires, a little late on a busy machine: about 3.0 s summed.
  const waits = Number(/waits add up to ([\d.]+) s/.exec(summary)[1]);
  assert.ok(waits >= 3.0 && waits < 3.3, `the waits should add up to ~3.0 s: ${summary}`);
  await page.screenshot({ path: join(SHOTS, 'gather.png'), fullPage: true });
  assert.deepEqual(page.problems, []);
  await page.close();
});
