// End-to-end: Copy link says "Link copied" only when the browser copied it. With the
// clipboard permission the link really is on the clipboard; when the browser refuses (the
// permission denied, or no clipboard at all on a plain-http host) the page says so and shows
// the link in a read-only field, selected, to copy by hand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useSite, openPage, launch, SHOTS } from './harness.mjs';

const ctx = useSite(before, after);

const origin = () => new URL(ctx.site.url).origin;

/** The focused element's test id, and whether all of its text is selected. */
async function focusedAndSelected(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return { id: el?.dataset.testid, all: el?.selectionStart === 0 && el?.selectionEnd === el?.value.length };
  });
}

async function refusedShowsTheLink(page) {
  await page.getByTestId('share-link').waitFor({ timeout: 5_000 });
  const field = page.getByTestId('share-link');
  assert.equal(await field.inputValue(), page.url(), 'the field holds the page\'s link');
  assert.equal(await field.isEditable(), false, 'read-only');
  assert.deepEqual(await focusedAndSelected(page), { id: 'share-link', all: true }, 'selected, ready to copy');
  assert.match(await page.locator('.copy-by-hand').textContent(), /did not allow copying; copy the link by hand/);
  assert.equal(await page.getByTestId('share').textContent(), 'Copy link', 'no false "Link copied"');
  assert.equal(await page.locator('#fatal').count(), 0);
}

test('with the clipboard permission, Copy link puts the page\'s link on the clipboard and says so', async () => {
  const context = await ctx.browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: origin() });
  const page = await openPage(context, `${ctx.site.url}#/demo/gather?a=0.2`);
  await page.getByTestId('demo-gather').waitFor();
  const share = page.getByTestId('share');
  assert.equal(await share.textContent(), 'Copy link');
  await share.click();
  await share.filter({ hasText: 'Link copied' }).waitFor({ timeout: 5_000 });
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
  assert.match(page.url(), /#\/demo\/gather\?a=0\.2$/);
  assert.equal(await page.getByTestId('share-link').count(), 0);
  // Another setup is another link: the button no longer says the current one was copied.
  await page.getByTestId('param-b').fill('0.3');
  await share.filter({ hasText: 'Copy link' }).waitFor({ timeout: 5_000 });
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('with the clipboard permission denied, the page says so and shows the link selected', async () => {
  const context = await ctx.browser.newContext();
  const page = await openPage(context, `${ctx.site.url}#/demo/gather?b=0.25`);
  // Deny the permission as a user would in the site's settings (Chromium grants clipboard
  // writes by default): Playwright can only grant, so this goes through the DevTools protocol,
  // for this context.
  const { targetInfo } = await (await context.newCDPSession(page)).send('Target.getTargetInfo');
  const browserCdp = await ctx.browser.newBrowserCDPSession();
  for (const name of ['clipboard-write', 'clipboard-read']) {
    await browserCdp.send('Browser.setPermission', {
      permission: { name },
      setting: 'denied',
      origin: origin(),
      browserContextId: targetInfo.browserContextId,
    });
  }
  await page.getByTestId('demo-gather').waitFor();
  assert.equal(await page.evaluate(async () => (await navigator.permissions.query({ name: 'clipboard-write' })).state), 'denied');
  await page.getByTestId('share').click();
  await refusedShowsTheLink(page);
  await page.screenshot({ path: join(SHOTS, 'share-refused.png') });
  // A new setup takes the outdated link away; clicking again shows the new one.
  await page.getByTestId('param-b').fill('0.3');
  await page.getByTestId('share-link').waitFor({ state: 'detached', timeout: 5_000 });
  await page.getByTestId('share').click();
  await refusedShowsTheLink(page);
  assert.match(await page.getByTestId('share-link').inputValue(), /b=0\.3/);
  await context.close();
});

test('on a plain-http host, where the browser has no clipboard, the link is shown to copy by hand', async () => {
  // A name other than localhost/127.0.0.1 makes Chromium treat plain http as insecure, and
  // an insecure page has no navigator.clipboard at all.
  const browser = await launch(['--host-resolver-rules=MAP interleave.test 127.0.0.1']);
  try {
    const url = ctx.site.url.replace('127.0.0.1', 'interleave.test');
    const page = await openPage(browser, `${url}#/demo/gather`);
    await page.getByTestId('demo-gather').waitFor();
    assert.equal(await page.evaluate(() => [window.isSecureContext, typeof navigator.clipboard].join()), 'false,undefined');
    await page.getByTestId('share').click();
    await refusedShowsTheLink(page);
    assert.deepEqual(page.problems, []);
  } finally {
    await browser.close();
  }
});
