// Screenshots of every demo, as a learner sees them: 1440×900 and 390×844, light and dark,
// mid-run (0.6 s after Run) and at the end. Not a test (nothing is asserted): a record to look
// at before calling UI work done. Run after `scripts/build dist`:
//   node tests/e2e/shots.mjs            (all demos)   node tests/e2e/shots.mjs gather queue
// Files land in target/e2e/shots/<slug>-<width>-<theme>-<mid|end>.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serveSite, launch, openPage, SHOTS } from './harness.mjs';

const DEMOS = [
  'hello', 'gather', 'sequential-vs-gather', 'create-task', 'queue', 'semaphore', 'llm-batch', 'as-completed',
  'wait-for', 'return-exceptions', 'cancel', 'forgot-await', 'blocking', 'fetch', 'to-thread', 'threads-vs-loop',
];
const SIZES = [[1440, 900], [390, 844]];
const THEMES = ['light', 'dark'];

const only = process.argv.slice(2);
const out = join(SHOTS, 'shots');
mkdirSync(out, { recursive: true });
const site = await serveSite();
const browser = await launch();
try {
  for (const slug of only.length ? only : DEMOS) {
    for (const [width, height] of SIZES) {
      for (const colorScheme of THEMES) {
        const page = await openPage(browser, `${site.url}#/demo/${slug}`, { colorScheme, width, height });
        await page.getByTestId('run').click();
        await page.waitForTimeout(600);
        const name = `${slug}-${width}-${colorScheme}`;
        await page.screenshot({ path: join(out, `${name}-mid.png`) });
        await page.getByTestId('what-happened').waitFor({ timeout: 60_000 });
        await page.waitForTimeout(200);
        await page.screenshot({ path: join(out, `${name}-end.png`) });
        if (page.problems.length) console.log(`${name}: ${page.problems.join('; ')}`);
        await page.close();
      }
    }
    console.log(`${slug}: done`);
  }
} finally {
  await browser.close();
  site.close();
}
