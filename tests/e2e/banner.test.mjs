// End-to-end: a real panic in the built release site (which aborts on panic) paints the error
// banner with the panic's message as text and a Reload button that brings the page back. The
// panic is armed through a probe (`interleave_arm_panic`) and goes off where a bug would: in
// the demo page's rendering, or in the Run button's click handler (the run panel's).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useSite, openPage, SHOTS } from './harness.mjs';

const ctx = useSite(before, after);

// Markup in the message must come out as text, never as an element that runs.
const MESSAGE = 'deliberate e2e panic <img src=x onerror="window.__pwned=1">';

async function arm(page, place) {
  const armed = await page.evaluate(
    async ([place, message]) => (await import('./pkg/interleave.js')).interleave_arm_panic(place, message),
    [place, MESSAGE],
  );
  assert.equal(armed, true, `armed at ${place}`);
}

async function bannerShowsThePanic(page, where) {
  const banner = page.locator('#fatal');
  await banner.waitFor({ timeout: 10_000 });
  assert.equal(await banner.getAttribute('role'), 'alert');
  assert.match(await banner.locator('strong').textContent(), /Something went wrong inside Interleave/);
  const details = await banner.locator('p').textContent();
  assert.ok(details.startsWith(`Details: ${MESSAGE}`), details);
  assert.match(details, new RegExp(`\\(src/view/${where}\\.rs:\\d+\\)$`), 'the place of the panic is named');
  assert.equal(await banner.locator('img').count(), 0, 'the message did not become markup');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.ok(await banner.isVisible());
  // The console shows the panic too; the release build aborted on it.
  assert.ok(page.problems.some((p) => p.includes('deliberate e2e panic')), page.problems.join('\n'));
}

async function reloadBringsThePageBack(page) {
  await Promise.all([page.waitForEvent('load'), page.locator('#fatal').getByRole('button', { name: 'Reload the page' }).click()]);
  await page.getByTestId('demo-gather').waitFor({ timeout: 10_000 });
  assert.equal(await page.locator('#fatal').count(), 0, 'a fresh page, without the banner');
  // And it works: a run goes to its end.
  await page.getByTestId('param-a').fill('0.1');
  await page.getByTestId('run').click();
  await page.getByTestId('what-happened').waitFor({ timeout: 10_000 });
  assert.equal(await page.getByTestId('result').textContent(), 'None');
  assert.equal(await page.getByTestId('prints').locator('li code').last().textContent(), "['A done', 'B done', 'C done']");
}

test('a panic while the page renders shows the banner; Reload brings the page back', async () => {
  const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/gather`);
  await page.getByTestId('demo-gather').waitFor();
  await arm(page, 'render');
  // Typing a value re-renders the demo page.
  await page.getByTestId('param-a').fill('2');
  await bannerShowsThePanic(page, 'demo_page');
  await page.screenshot({ path: join(SHOTS, 'panic-render.png') });
  await reloadBringsThePageBack(page);
  await page.close();
});

test('a panic in a click handler shows the banner; Reload brings the page back', async () => {
  const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/gather`);
  await page.getByTestId('demo-gather').waitFor();
  await arm(page, 'click');
  await page.getByTestId('run').click();
  await bannerShowsThePanic(page, 'run_panel');
  await page.screenshot({ path: join(SHOTS, 'panic-click.png') });
  await reloadBringsThePageBack(page);
  await page.close();
});

test('the probe arms nothing for an unknown place, and an unarmed page shows no banner', async () => {
  const page = await openPage(ctx.browser, `${ctx.site.url}#/demo/gather`);
  await page.getByTestId('demo-gather').waitFor();
  const armed = await page.evaluate(async () => (await import('./pkg/interleave.js')).interleave_arm_panic('elsewhere', 'x'));
  assert.equal(armed, false);
  await page.getByTestId('param-a').fill('0.1');
  await page.getByTestId('run').click();
  await page.getByTestId('what-happened').waitFor({ timeout: 10_000 });
  assert.equal(await page.locator('#fatal').count(), 0);
  assert.deepEqual(page.problems, []);
  await page.close();
});
