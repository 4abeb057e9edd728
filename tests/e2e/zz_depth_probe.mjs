import { serveSite, launch } from './harness.mjs';
import { firefox } from 'playwright-core';
const site = await serveSite();
const which = process.argv[2] ?? 'chromium';
const browser = which === 'firefox' ? await firefox.launch({ executablePath: '/usr/bin/firefox-esr' }) : await launch();
const paths = {
  plain: 'def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nprint(f(N))\n',
  method: 'class A:\n    def f(self, n):\n        return 0 if n == 0 else 1 + self.f(n - 1)\nprint(A().f(N))\n',
  sortkey: 'def f(n):\n    return 0 if n == 0 else sorted([1], key=lambda x: f(n - 1))[0]\nprint(f(N))\n',
  maplist: 'def f(n):\n    return 0 if n == 0 else list(map(lambda x: f(n - 1), [1]))[0]\nprint(f(N))\n',
  reprpath: 'class R:\n    def __init__(s, n): s.n = n\n    def __repr__(s): return "x" if s.n == 0 else repr(R(s.n - 1))\nprint(repr(R(N)))\n',
  gen: 'def g(n):\n    if n: yield from g(n - 1)\n    yield n\nprint(sum(g(N)))\n',
  kwargs: 'def f(n, *a, **k):\n    return 0 if n == 0 else 1 + f(n - 1, *a, **k)\nprint(f(N, 1, 2, x=3))\n',
  nested: 'x = []\nfor i in range(N): x = [x]\nprint(len(repr(x)))\n',
  asyncrec: 'import asyncio\nasync def a(n):\n    return 0 if n == 0 else 1 + await a(n - 1)\nprint(asyncio.run(a(N)))\n',
  init: 'class C:\n    def __init__(s, n):\n        s.c = C(n - 1) if n else None\nC(N)\nprint(1)\n',
  prop: 'class P:\n    def __init__(s, n): s.n = n\n    @property\n    def d(s): return 0 if s.n == 0 else 1 + P(s.n - 1).d\nprint(P(N).d)\n',
  dunder: 'class D:\n    def __init__(s, n): s.n = n\n    def __add__(s, o): return 0 if s.n == 0 else D(s.n - 1) + o\nprint(D(N) + 1)\n',
  eq: 'x = []\ny = []\nfor i in range(N):\n    x = [x]\n    y = [y]\nprint(x == y)\n',
};
async function tryDepth(src) {
  const page = await browser.newPage();
  await page.goto(site.url);
  await page.waitForFunction(() => document.querySelector('a, button'), null, { timeout: 20000 });
  const r = await page.evaluate(async (s) => {
    const m = await import('./pkg/interleave.js');
    try { return m.python_probe(s); } catch (e) { return 'THROWN ' + e; }
  }, src);
  await page.close();
  return r;
}
for (const [name, tmpl] of Object.entries(paths).filter(([n]) => !process.argv[3] || process.argv[3].split(',').includes(n))) {
  let lo = 10, hi = 3000; // lo works, hi fails (crash or RecursionError)
  let firstErr = '';
  while (hi - lo > 10) {
    const mid = Math.floor((lo + hi) / 2);
    const r = await tryDepth(tmpl.replace('N', String(mid)));
    if (r.endsWith('status 0')) lo = mid; else { hi = mid; firstErr = r.startsWith('THROWN') ? 'CRASH' : 'RecursionError'; }
  }
  console.log(which, name, 'ok up to', lo, 'then', firstErr);
}
await browser.close();
site.close();
