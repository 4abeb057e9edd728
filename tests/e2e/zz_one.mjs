import { serveSite, launch } from './harness.mjs';
const site = await serveSite();
const browser = await launch();
const page = await browser.newPage();
await page.goto(site.url);
await page.waitForFunction(() => document.querySelector('a, button'));
const src = process.argv[2].replace(/\\n/g, '\n');
console.log(await page.evaluate(async (s) => (await import('./pkg/interleave.js')).python_probe(s), src));
await browser.close(); site.close();
