// End-to-end: the Python engine in the built site (release wasm), through its probe. The engine's
// native frames live on the browser's own stack, so every way a program can recurse must end in
// RecursionError at the page's limit, never in the browser's "Maximum call stack size exceeded"
// (which would kill the page).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage } from './harness.mjs';

const ctx = useSite(before, after);

const RECURSIONS = {
  plain: 'def f(n):\n    return 1 + f(n + 1)\n',
  method: 'class A:\n    def f(self, n):\n        return 1 + self.f(n + 1)\ndef f(n):\n    return A().f(n)\n',
  'sorted key': 'def f(n):\n    return sorted([1], key=lambda x: f(n + 1))[0]\n',
  'map': 'def f(n):\n    return list(map(lambda x: f(n + 1), [1]))[0]\n',
  property: 'class P:\n    def __init__(s, n): s.n = n\n    @property\n    def d(s): return 1 + P(s.n + 1).d\ndef f(n):\n    return P(n).d\n',
  '__add__': 'class D:\n    def __init__(s, n): s.n = n\n    def __add__(s, o): return D(s.n + 1) + o\ndef f(n):\n    return D(n) + 1\n',
  '__repr__': 'class R:\n    def __init__(s, n): s.n = n\n    def __repr__(s): return repr(R(s.n + 1))\ndef f(n):\n    return repr(R(n))\n',
  '__init__': 'class C:\n    def __init__(s, n):\n        s.c = C(n + 1)\ndef f(n):\n    return C(n)\n',
  generator: 'def g(n):\n    yield from g(n + 1)\n    yield n\ndef f(n):\n    return sum(g(n))\n',
  'str.format': 'class F:\n    def __format__(s, spec): return "{}".format(F())\ndef f(n):\n    return "{}".format(F())\n',
  'nested data': 'def f(n):\n    x = []\n    for i in range(100000):\n        x = [x]\n    return repr(x)\n',
};

test('every kind of runaway recursion ends in RecursionError, and the page lives on', async () => {
  const page = await openPage(ctx.browser, ctx.site.url);
  // The probe needs the wasm the page starts: wait for the page to be drawn (on a loaded
  // machine the first probe otherwise ran before the module was ready).
  await page.getByTestId('card-gather').waitFor({ timeout: 20_000 });
  for (const [name, body] of Object.entries(RECURSIONS)) {
    const program = `${body}try:\n    f(0)\nexcept RecursionError as e:\n    print("caught:", e)\n`;
    const out = await page.evaluate(async (src) => {
      const m = await import('./pkg/interleave.js');
      try {
        return m.python_probe(src);
      } catch (e) {
        return `THROWN ${e}`;
      }
    }, program);
    assert.match(out, /^caught: maximum recursion depth exceeded/, `${name}: ${out.slice(0, 300)}`);
    assert.match(out, /status 0$/, `${name}: ${out.slice(-200)}`);
  }
  const chain = 'import asyncio\nasync def a(n):\n    return 1 + await a(n + 1)\ntry:\n    asyncio.run(a(0))\nexcept RecursionError as e:\n    print("caught:", e)\n';
  const out = await page.evaluate(async (src) => (await import('./pkg/interleave.js')).python_probe(src), chain);
  assert.match(out, /^caught: maximum recursion depth exceeded\nstatus 0$/, `await chain: ${out}`);
  // The page still works after all of them.
  await page.getByRole('link').first().click();
  assert.equal(await page.locator('.banner, [data-testid="panic"]').count(), 0);
  await page.close();
});
