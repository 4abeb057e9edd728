import { serveSite, launch, openPage } from './harness.mjs';
const site = await serveSite();
const browser = await launch();
const prog = `import asyncio, random

class Inventory:
    pass

async def worker(name, q, results):
    while True:
        item = await q.get()
        await asyncio.sleep(random.uniform(0.2, 0.6))
        results.append((name, item * item))
        print(f"{name} squared {item}")
        q.task_done()

async def main():
    random.seed(1)
    q = asyncio.Queue()
    results = []
    workers = [asyncio.create_task(worker(f"w{i}", q, results)) for i in range(3)]
    for i in range(9):
        q.put_nowait(i)
    await q.join()
    for w in workers:
        w.cancel()
    print(sum(v for _, v in results), isinstance(range(3), range))
    print(str.maketrans("ab", "xy"))
    print(2 ** 70)

asyncio.run(main())
`;
try {
  for (const [w, h, scheme] of [[1440, 900, 'light'], [390, 844, 'dark']]) {
    const page = await openPage(browser, `${site.url}#/play`, { colorScheme: scheme, width: w, height: h });
    await page.getByTestId('code-input').waitFor();
    await page.getByTestId('code-input').fill(prog);
    await page.waitForTimeout(300);
    await page.getByTestId('run').click();
    await page.waitForTimeout(900);
    await page.screenshot({ path: `/tmp/shots/play-${w}-${scheme}-mid.png`, fullPage: false });
    await page.getByTestId('what-happened').waitFor({ timeout: 20000 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `/tmp/shots/play-${w}-${scheme}-end.png`, fullPage: true });
    console.log(w, scheme, await page.getByTestId('status').textContent(), page.problems);
    await page.close();
  }
} finally {
  await browser.close();
  await site.close();
}
