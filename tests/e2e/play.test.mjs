// End-to-end: the script page. A program is typed with the keyboard into the real editor (its
// keys indent, pair brackets and step over them), run, and read back from the page: stdout,
// stderr, the line each task is on. Syntax errors show while typing; share links carry the
// code to a fresh browser; what is typed survives a reload and the crash banner; step mode and
// Stop work; every example runs with its lines lit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useSite, openPage, recordFrames, frameGaps, SHOTS } from './harness.mjs';

const ctx = useSite(before, after);

const origin = () => new URL(ctx.site.url).origin;

/** A fresh browser context (empty storage), optionally allowed to use the clipboard. */
async function freshContext({ clipboard = false } = {}) {
  const context = await ctx.browser.newContext();
  if (clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: origin() });
  return context;
}

async function openPlay(context, hash = '#/play', options) {
  const page = await openPage(context, `${ctx.site.url}${hash}`, options);
  await page.getByTestId('play').waitFor();
  return page;
}

const input = (page) => page.getByTestId('code-input');
const code = (page) => input(page).inputValue();

/**
 * Puts `text` in the editor as a paste does (one input event; the browser's undo keeps what
 * was there).
 */
async function setCode(page, text) {
  await input(page).evaluate((el, t) => {
    el.focus();
    el.select();
    document.execCommand('insertText', false, t);
  }, text);
}

/** Empties the editor with the keyboard. */
async function clearEditor(page) {
  await input(page).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  assert.equal(await code(page), '');
}

/**
 * Types a program line by line with the keyboard. Each entry is a line as typed (no leading
 * indentation: the editor indents after a colon) or [dedents, line] to press Backspace first.
 */
async function typeLines(page, lines) {
  for (const [i, entry] of lines.entries()) {
    const [dedents, text] = Array.isArray(entry) ? entry : [0, entry];
    for (let k = 0; k < dedents; k++) await page.keyboard.press('Backspace');
    await page.keyboard.type(text);
    if (i + 1 < lines.length) await page.keyboard.press('Enter');
  }
}

/** The texts of the output panel: [stream, text] per printed line. */
async function output(page) {
  return page.getByTestId('prints').locator('li:has(code)').evaluateAll((lis) =>
    lis.map((li) => [li.classList.contains('stderr') ? 'err' : 'out', li.querySelector('code').textContent]));
}

async function runToEnd(page, { timeout = 30_000 } = {}) {
  await page.getByTestId('run').click();
  await page.getByTestId('what-happened').waitFor({ timeout });
}

/**
 * The lit lines: { line, tasks } for each line some task is on, read from the gutter's markers
 * (every name is in the marker's tooltip, one a line). The code's own lit lines are the same.
 */
async function litLines(page) {
  const marked = await page.locator('.g.lit').evaluateAll((gs) => gs.map((g) => ({
    line: Number(g.dataset.line),
    tasks: g.querySelector('[data-testid=lit-line]').title.split('\n'),
  })));
  const lit = await page.locator('.editor .ln.lit, .code-view .ln.lit').evaluateAll((lns) => lns.map((ln) => Number(ln.dataset.line)));
  assert.deepEqual(marked.map((m) => m.line), lit, 'the gutter marks the lines the code lights');
  return marked;
}

const TYPED = [
  'import asyncio',
  '',
  'async def worker(name, delay):',
  'print(name, "starts")',
  'await asyncio.sleep(delay)',
  'print(name, "done")',
  'return name',
  'async def main():',
  'print(await asyncio.gather(worker("A", 1.5), worker("B", 0.5)))',
  [1, ''],
  'asyncio.run(main())',
];

const EXPECTED = `import asyncio

async def worker(name, delay):
    print(name, "starts")
    await asyncio.sleep(delay)
    print(name, "done")
    return name
async def main():
    print(await asyncio.gather(worker("A", 1.5), worker("B", 0.5)))

asyncio.run(main())`;

test('a program typed with the keyboard runs: stdout in order, each task\'s line lit while it waits', async () => {
  const context = await freshContext();
  const page = await openPlay(context);
  await clearEditor(page);
  await typeLines(page, TYPED);
  // The editor indented after each colon, dedented after return, paired every bracket and
  // stepped over each closing one typed.
  assert.equal(await code(page), EXPECTED);
  await page.getByTestId('run').waitFor();
  await page.keyboard.press('ControlOrMeta+Enter');
  // While A sleeps (B finished at 0.5 s), A's line is lit and named.
  await page.locator(`.editor [data-testid=lit-line][title*="worker('A', 1.5)"]`).waitFor({ timeout: 10_000 });
  const lit = await litLines(page);
  assert.deepEqual(lit.find((l) => l.tasks.includes("worker('A', 1.5)")).line, 5, JSON.stringify(lit));
  assert.ok(lit.some((l) => l.line === 9 && l.tasks.includes('main()')), JSON.stringify(lit));
  await page.screenshot({ path: join(SHOTS, 'play-typed-mid-run.png') });
  await page.getByTestId('what-happened').waitFor({ timeout: 10_000 });
  assert.deepEqual(await output(page), [
    ['out', 'A starts'], ['out', 'B starts'], ['out', 'B done'], ['out', 'A done'], ['out', "['A', 'B']"],
  ]);
  assert.equal(await page.getByTestId('status').textContent(), 'The program finished (exit status 0).');
  assert.equal(await litLines(page).then((l) => l.length), 0, 'nothing is lit once every task ended');
  // Picking a step lights the line it left its task at.
  await page.getByTestId('steps').locator('button', { hasText: "worker('A', 1.5)" }).first().click();
  assert.equal(await page.locator('.editor .ln.picked').getAttribute('data-line'), '5');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('Tab and Shift+Tab indent and outdent, and Ctrl+Z undoes what the keys did', async () => {
  const context = await freshContext();
  const page = await openPlay(context);
  await clearEditor(page);
  await page.keyboard.type('x = 1');
  await page.keyboard.press('Home');
  await page.keyboard.press('Tab');
  assert.equal(await code(page), '    x = 1');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await code(page), 'x = 1');
  await page.keyboard.press('ControlOrMeta+z');
  assert.equal(await code(page), '    x = 1', 'undo brings the indentation back');
  await page.keyboard.press('ControlOrMeta+z');
  assert.equal(await code(page), 'x = 1');
  await page.keyboard.press('ControlOrMeta+Shift+z');
  assert.equal(await code(page), '    x = 1', 'and redo takes it again');
  await context.close();
});

test('typed with the keyboard, else: moves out to its if, and Home goes to the code first', async () => {
  const context = await freshContext();
  const page = await openPlay(context);
  await clearEditor(page);
  await typeLines(page, ['if x:', 'a = 1', 'else:', 'b = 2']);
  assert.equal(await code(page), 'if x:\n    a = 1\nelse:\n    b = 2');
  await page.keyboard.press('Home');
  await page.keyboard.type('#');
  assert.equal(await code(page), 'if x:\n    a = 1\nelse:\n    #b = 2', 'Home stops at the code');
  await page.keyboard.press('Home');
  await page.keyboard.press('Home');
  await page.keyboard.type('#');
  assert.equal(await code(page), 'if x:\n    a = 1\nelse:\n#    #b = 2', 'and again at the line\'s start');
  await context.close();
});

test('typed with the keyboard, Enter inside an open bracket continues it (aligned, or one level in)', async () => {
  const context = await freshContext();
  const page = await openPlay(context);
  await clearEditor(page);
  // The editor pairs the bracket: Enter between items aligns under the first, as VS Code's Python does.
  await page.keyboard.type('print("a",');
  await page.keyboard.press('Enter');
  await page.keyboard.type('"b"');
  assert.equal(await code(page), 'print("a",\n      "b")');
  await clearEditor(page);
  // Nothing after the bracket: a hanging indent, the closing bracket on a line of its own.
  await page.keyboard.type('x = [');
  await page.keyboard.press('Enter');
  await page.keyboard.type('1,');
  await page.keyboard.press('Enter');
  await page.keyboard.type('2');
  assert.equal(await code(page), 'x = [\n    1,\n    2\n]');
  // Past the closing bracket, back to the statement's indentation.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('y = 1');
  assert.equal(await code(page), 'x = [\n    1,\n    2\n]\ny = 1');
  await context.close();
});

test('at 1440 wide a 72-column line fits the editor unscrolled; short code leaves the timeline more room', async () => {
  const context = await freshContext();
  const page = await openPlay(context, '#/play', { width: 1440, height: 900 });
  const widths = () => page.evaluate(() => {
    const scroller = document.querySelector('.editor .scroller');
    const w = (sel) => document.querySelector(sel).getBoundingClientRect().width;
    return { overflow: scroller.scrollWidth - scroller.clientWidth, code: w('.code-col'), run: w('.run-col') };
  });
  const long = `async def main():\n    print(${JSON.stringify('x'.repeat(72 - 'print("")'.length - 4))})\n`;
  assert.equal(long.split('\n')[1].length, 72);
  await setCode(page, long);
  await page.waitForTimeout(200);
  const wide = await widths();
  assert.ok(wide.overflow <= 0, `a 72-column line scrolls the editor by ${wide.overflow} px`);
  await setCode(page, 'import asyncio\nasyncio.run(asyncio.sleep(0))\n');
  await page.waitForTimeout(200);
  const narrow = await widths();
  assert.ok(narrow.code < wide.code - 100, `the code column kept ${narrow.code} px for short code (${wide.code} for long)`);
  assert.ok(narrow.run > narrow.code, `the run column (${narrow.run} px) is the wider one beside short code (${narrow.code})`);
  // Typing a long line does not widen the column key by key (it shoved Run and the timeline
  // sideways under the learner's hands): the line scrolls in the editor until the next paste.
  await input(page).press('ControlOrMeta+End');
  await page.keyboard.type(`print(${JSON.stringify('y'.repeat(70))})`);
  await page.waitForTimeout(200);
  assert.equal((await widths()).code, narrow.code);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('beside long code the output keeps its width for the printed text, its columns lined up', async () => {
  const context = await freshContext();
  const page = await openPlay(context, '#/play', { width: 1280, height: 900 });
  const comment = `# ${'a long line of code that widens the code column '.repeat(2)}`;
  await setCode(page, `import asyncio\n${comment}\nasync def chain(n):\n    print(f"part2({n}, 'result{n}-1') sleeping")\n\nasync def main():\n    await asyncio.gather(chain(1), chain(2))\n\nasyncio.run(main())\n`);
  await runToEnd(page);
  const rows = await page.getByTestId('prints').locator('li:has(code)').evaluateAll((lis) => lis.map((li) => {
    const box = (el) => el.getBoundingClientRect();
    const code = li.querySelector('code');
    return { left: box(code).left, height: box(code).height, line: parseFloat(getComputedStyle(code).lineHeight) };
  }));
  assert.equal(rows.length, 2);
  // 30 characters fit the panel's text column: squeezed beside a fixed 13rem of names, they wrapped mid-word.
  for (const r of rows) assert.ok(r.height < 1.5 * r.line, `a printed line wraps: ${r.height} px tall, lines of ${r.line} px`);
  assert.equal(rows[0].left, rows[1].left, 'the printed texts start in one column');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('terminal colour codes in printed text are drawn as colours, never shown as codes', async () => {
  const context = await freshContext();
  const page = await openPlay(context);
  // Real Python's rand.py colours each task's lines so.
  await setCode(page, 'c = ("\\033[0m", "\\033[36m", "\\033[91m")\nprint(c[1] + "Initiated makerandom(0)." + c[0])\nprint(c[2] + "\\033[1mToo low" + c[0], "plain")\n');
  await runToEnd(page);
  assert.deepEqual(await output(page), [['out', 'Initiated makerandom(0).'], ['out', 'Too low plain']]);
  const prints = page.getByTestId('prints');
  assert.equal(await prints.locator('.ansi-6').textContent(), 'Initiated makerandom(0).');
  assert.equal(await prints.locator('.ansi-9.ansi-bold').textContent(), 'Too low');
  const [cyan, plain] = await prints.locator('li:has(code)').nth(1).locator('span').evaluateAll((spans) => spans.map((s) => getComputedStyle(s).color));
  assert.notEqual(cyan, plain, 'the coloured stretch has a colour of its own');
  assert.ok(!(await page.getByTestId('log').textContent()).includes('\u001b'), 'the log shows no escape codes');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a syntax error shows while typing (place and words) and Run says why it is off', async () => {
  const context = await freshContext();
  const page = await openPlay(context);
  await clearEditor(page);
  await typeLines(page, ['print("start")', 'for i in range(3)']);
  await page.keyboard.press('Enter');
  await page.keyboard.type('print(i)');
  const error = page.getByTestId('syntax-error');
  await error.waitFor({ timeout: 5_000 });
  assert.match(await error.textContent(), /^Line 2, column \d+: expected ':' — Lines that start a block .* end with a colon\.$/);
  assert.equal(await page.locator('.editor .ln.has-error').getAttribute('data-line'), '2');
  assert.equal(await page.getByTestId('error-mark').count(), 1);
  assert.equal(await page.getByTestId('run').isDisabled(), true);
  assert.match(await page.getByTestId('run-disabled').textContent(), /Line 2 has a syntax error/);
  await page.screenshot({ path: join(SHOTS, 'play-syntax-error.png') });
  // Fix it: the colon goes at the end of line 2, and line 3 goes one level in.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  await page.keyboard.type(':');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
  await page.keyboard.press('Tab');
  await error.waitFor({ state: 'detached', timeout: 5_000 });
  await page.waitForFunction(() => !document.querySelector('[data-testid=run]').disabled);
  await runToEnd(page);
  assert.deepEqual((await output(page)).map((o) => o[1]), ['start', '0', '1', '2']);
  // A hint that names code sets it as code: no literal backtick reaches the learner.
  await setCode(page, 'import asyncio\nawait asyncio.sleep(1)\n');
  const hint = page.getByTestId('syntax-hint');
  await hint.waitFor({ timeout: 5_000 });
  assert.ok(!(await hint.textContent()).includes('`'), await hint.textContent());
  assert.deepEqual(await hint.locator('code').allTextContents(), ['await', 'async def']);
  await context.close();
});

test('stderr is told apart from stdout, and a traceback\'s line numbers show their line', async () => {
  const context = await freshContext();
  const page = await openPlay(context);
  await setCode(page, 'import asyncio\n\nasync def main():\n    print("about to fail")\n    return {}["missing"]\n\nasyncio.run(main())\n');
  await runToEnd(page);
  const out = await output(page);
  assert.deepEqual(out[0], ['out', 'about to fail']);
  assert.deepEqual(out.at(-1), ['err', "KeyError: 'missing'"]);
  assert.ok(out.some(([s, t]) => s === 'err' && t === 'Traceback (most recent call last):'), JSON.stringify(out));
  assert.match(await page.getByTestId('status').textContent(), /exit status 1/);
  assert.match(await page.getByTestId('what-happened').textContent(), /^Ended with exit status 1 after /, 'a failed run did not "finish"');
  const link = page.getByTestId('traceback-line').filter({ hasText: 'line 5' });
  await link.click();
  assert.equal(await page.locator('.editor .ln.picked').getAttribute('data-line'), '5');
  await page.screenshot({ path: join(SHOTS, 'play-traceback.png') });
  // Interleave's own notes beside the output are said by Interleave, not by the task that was
  // running when it said them.
  await setCode(page, 'import asyncio, time\n\nasync def main():\n    print(time.strftime("%Y"))\n\nasyncio.run(main())\n');
  await runToEnd(page);
  const rows = await page.getByTestId('prints').locator('li').evaluateAll((lis) =>
    lis.map((li) => [li.querySelector('.who')?.textContent, li.querySelector('code, p.note')?.textContent]));
  assert.deepEqual(rows[1], ['main()', '2026'], JSON.stringify(rows));
  assert.equal(rows[0][0], 'Interleave', JSON.stringify(rows));
  assert.match(rows[0][1], /^Times of day here are UTC/);
  await context.close();
});

test('a share link reproduces the code and the run in a fresh browser', async () => {
  const sender = await freshContext({ clipboard: true });
  const page = await openPlay(sender);
  await clearEditor(page);
  await typeLines(page, ['import asyncio', 'async def main():', 'print("shared: ünïcode ✓")', [1, 'asyncio.run(main())']]);
  const written = await code(page);
  await page.getByTestId('share').click();
  await page.getByTestId('share').filter({ hasText: 'Link copied' }).waitFor({ timeout: 5_000 });
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /#\/play\?code=[A-Za-z0-9_-]+$/);
  await sender.close();

  const receiver = await freshContext();
  const fresh = await openPage(receiver, link);
  await fresh.getByTestId('play').waitFor();
  assert.equal(await code(fresh), written);
  assert.match(fresh.url(), /#\/play$/, 'the address drops the code once it is in the editor');
  await runToEnd(fresh);
  assert.deepEqual(await output(fresh), [['out', 'shared: ünïcode ✓']]);
  // Reloading keeps it (it was saved), without asking anything.
  await fresh.reload();
  await fresh.getByTestId('play').waitFor();
  assert.equal(await code(fresh), written);
  assert.equal(await fresh.getByTestId('offer').count(), 0);
  await receiver.close();
});

test('a link with broken code says so and keeps the saved program', async () => {
  const context = await freshContext();
  const page = await openPlay(context);
  await setCode(page, 'print("mine")\n');
  // A character no link code has; a code cut short; one whose checksum no longer matches.
  for (const bad of ['abc$def', 'eJzLSM3JyQcABiwC', 'eJzLSN3JyQcABiwCFQ']) {
    await page.goto(`${ctx.site.url}#/play?code=${bad}`);
    await page.reload();
    await page.getByTestId('play-notice').waitFor();
    assert.match(await page.getByTestId('play-notice').textContent(), /^Couldn't read the program in this link: .+ Your saved program is shown instead\.$/);
    assert.equal(await code(page), 'print("mine")\n');
  }
  await page.screenshot({ path: join(SHOTS, 'play-broken-link.png') });
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a link to another program asks before replacing what was typed', async () => {
  const context = await freshContext({ clipboard: true });
  const page = await openPlay(context);
  await setCode(page, 'print("theirs")\n');
  await page.getByTestId('share').click();
  await page.getByTestId('share').filter({ hasText: 'Link copied' }).waitFor({ timeout: 5_000 });
  const link = await page.evaluate(() => navigator.clipboard.readText());
  await setCode(page, 'print("mine, typed")\n');
  await page.goto(link);
  await page.reload();
  await page.getByTestId('offer').waitFor();
  assert.equal(await code(page), 'print("mine, typed")\n', 'nothing replaced before the answer');
  await page.getByTestId('offer-decline').click();
  assert.equal(await code(page), 'print("mine, typed")\n');
  await page.goto(link);
  await page.reload();
  await page.getByTestId('offer-accept').click();
  assert.equal(await code(page), 'print("theirs")\n');
  // Ctrl+Z in the editor brings back what the link replaced.
  await input(page).click();
  await page.keyboard.press('ControlOrMeta+z');
  assert.equal(await code(page), 'print("mine, typed")\n');
  await context.close();
});

test('a long paste (past what the browser undoes) is taken back by Ctrl+Z and put back by Ctrl+Shift+Z, never garbled', async () => {
  const context = await freshContext({ clipboard: true });
  const page = await openPlay(context);
  const before = await code(page);
  const long = Array.from({ length: 200 }, (_, i) => `x${i} = ${i}`).join('\n') + '\n';
  await page.evaluate((t) => navigator.clipboard.writeText(t), long);
  await input(page).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('ControlOrMeta+v');
  await page.waitForFunction((n) => document.querySelector('[data-testid=code-input]').value.length === n, long.length);
  await page.keyboard.press('ControlOrMeta+z');
  assert.equal(await code(page), before, 'Ctrl+Z brings back the program the paste replaced');
  await page.keyboard.press('ControlOrMeta+Shift+z');
  assert.equal(await code(page), long, 'redo puts the paste back as it was');
  await page.keyboard.press('ControlOrMeta+z');
  assert.equal(await code(page), before);
  // What is saved is what is shown.
  await page.reload();
  await page.getByTestId('play').waitFor();
  assert.equal(await code(page), before);
  await context.close();
});

test('two tabs of the script page: a reload brings back each tab\'s own program; a new tab the last saved', async () => {
  const context = await freshContext();
  const a = await openPlay(context);
  await setCode(a, 'print("tab A")\n');
  const b = await openPlay(context);
  await setCode(b, 'print("tab B")\n');
  const c = await openPlay(context);
  assert.equal(await code(c), 'print("tab B")\n');
  await a.reload();
  await a.getByTestId('play').waitFor();
  assert.equal(await code(a), 'print("tab A")\n');
  await context.close();
});

test('a program too long for a link offers Download .py instead', async () => {
  const context = await freshContext();
  const page = await openPlay(context);
  // Lines that do not compress away: 40 KB of distinct numbers.
  const long = Array.from({ length: 2500 }, (_, i) => `x${i} = ${(i * 7919) % 100003} * ${(i * 104729) % 1000003}`).join('\n');
  await setCode(page, long);
  await page.getByTestId('share').click();
  const why = page.getByTestId('no-link');
  await why.waitFor();
  // The program's own length is named (not the link's), and how much too long it is.
  const text = await why.textContent();
  assert.match(text, new RegExp(`This program \\(${long.length} characters\\) is too long for a link: compressed, it needs \\d+ characters and links stop at 8000, about \\d+% too many\\. Use Download \\.py`));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  assert.equal(download.suggestedFilename(), 'main.py');
  await context.close();
});

test('Open .py loads a local file (CRLF line ends made plain); a file that is not text is refused', async () => {
  const context = await freshContext();
  const page = await openPlay(context);
  await page.getByTestId('file-input').setInputFiles({ name: 'mine.py', mimeType: 'text/x-python', buffer: Buffer.from('print("from a file")\r\nprint("second line")\r\n') });
  await page.waitForFunction(() => document.querySelector('[data-testid=code-input]').value.includes('from a file'));
  assert.equal(await code(page), 'print("from a file")\nprint("second line")\n');
  await page.getByTestId('file-input').setInputFiles({ name: 'photo.py', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00]) });
  await page.getByTestId('play-notice').waitFor();
  assert.match(await page.getByTestId('play-notice').textContent(), /“photo\.py” is not UTF-8 text/);
  assert.equal(await code(page), 'print("from a file")\nprint("second line")\n');
  await context.close();
});

test('what is typed survives a reload, the crash banner and navigation', async () => {
  const context = await freshContext();
  const page = await openPlay(context);
  await clearEditor(page);
  await page.keyboard.type('print("kept across reloads")');
  await page.reload();
  await page.getByTestId('play').waitFor();
  assert.equal(await code(page), 'print("kept across reloads")');
  // Away to a demo and back.
  await page.goto(`${ctx.site.url}#/demo/gather`);
  await page.getByTestId('demo-gather').waitFor();
  await page.goto(`${ctx.site.url}#/play`);
  await page.getByTestId('play').waitFor();
  assert.equal(await code(page), 'print("kept across reloads")');
  // A crash: the banner's Reload brings the page back with the code.
  await input(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' # and this');
  const armed = await page.evaluate(async () => (await import('./pkg/interleave.js')).interleave_arm_panic('click', 'deliberate e2e panic'));
  assert.equal(armed, true);
  await page.getByTestId('run').click();
  await page.locator('#fatal').waitFor();
  await Promise.all([page.waitForEvent('load'), page.locator('#fatal').getByRole('button', { name: 'Reload the page' }).click()]);
  await page.getByTestId('play').waitFor();
  assert.equal(await code(page), 'print("kept across reloads") # and this');
  await context.close();
});

test('a demo\'s "Edit this code" opens its Python with the current values; Reset asks first', async () => {
  const context = await freshContext();
  const page = await openPage(context, `${ctx.site.url}#/demo/gather`);
  await page.getByTestId('demo-gather').waitFor();
  await page.getByTestId('param-a').fill('0.2');
  await page.getByTestId('edit-code').click();
  await page.getByTestId('play').waitFor();
  const lesson = await code(page);
  assert.match(lesson, /task\("A", 0\.2\)/);
  assert.equal(await page.getByTestId('reset').isDisabled(), true, 'nothing to reset yet');
  await runToEnd(page);
  assert.equal(await page.getByTestId('result').textContent(), 'None', 'run as the demo: main() returned');
  assert.match(await page.getByTestId('what-happened').textContent(), /^Finished in /, 'and explained with its words');
  // An edit is kept per demo, and Reset asks before throwing it away.
  await input(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\nprint("my line")');
  await page.reload();
  await page.getByTestId('play').waitFor();
  assert.match(await code(page), /print\("my line"\)$/);
  assert.match(await page.getByTestId('play-notice').textContent(), /your edited version/);
  await page.getByTestId('reset').click();
  await page.getByTestId('offer').waitFor();
  assert.match(await code(page), /my line/, 'not yet');
  await page.getByTestId('offer-accept').click();
  assert.equal(await code(page), lesson);
  await context.close();
});

test('step mode steps a script one resume at a time with its lines lit; Stop ends a run', async () => {
  const context = await freshContext();
  const page = await openPlay(context);
  await setCode(page, EXPECTED);
  await page.getByTestId('step-mode').click();
  const next = page.getByTestId('next');
  for (let i = 0; i < 3; i++) await next.click();
  assert.match(await page.getByTestId('status').textContent(), /^Step mode, virtual time/);
  // After main, A and B each took a step: both wait at the sleep, main at the gather.
  const lit = await litLines(page);
  assert.deepEqual(lit.map((l) => l.line), [5, 9], JSON.stringify(lit));
  assert.deepEqual(lit[0].tasks, ["worker('A', 1.5)", "worker('B', 0.5)"]);
  await page.getByTestId('back').click();
  assert.deepEqual((await litLines(page)).find((l) => l.line === 5).tasks, ["worker('A', 1.5)"]);
  await page.screenshot({ path: join(SHOTS, 'play-step-mode.png') });
  await page.getByTestId('to-end').click();
  assert.equal(await page.getByTestId('status').textContent(), 'The program finished (exit status 0).');

  await setCode(page, 'import asyncio\n\nasync def forever():\n    while True:\n        await asyncio.sleep(0.1)\n\nasyncio.run(forever())\n');
  await page.getByTestId('run').click();
  await page.locator('.editor .ln.lit').waitFor({ timeout: 5_000 });
  await page.keyboard.press('Escape');
  await page.getByTestId('status').filter({ hasText: 'Stopped.' }).waitFor({ timeout: 5_000 });
  assert.match(await page.getByTestId('what-happened').textContent(), /^Stopped at/);

  // A script without asyncio.run has no tasks to step through: it ran whole, and shows what
  // it printed and its traceback.
  await setCode(page, 'print("hello")\nfor i in range(3):\n    print(2 ** i)\n1 / 0\n');
  await page.getByTestId('step-mode').click();
  await page.getByTestId('status').filter({ hasText: 'exit status 1' }).waitFor({ timeout: 5_000 });
  const printed = await output(page);
  assert.deepEqual(printed.slice(0, 4), [['out', 'hello'], ['out', '1'], ['out', '2'], ['out', '4']]);
  assert.ok(printed.some(([s, t]) => s === 'err' && t === 'ZeroDivisionError: division by zero'), JSON.stringify(printed));
  await context.close();
});

test('the keyboard\'s focus moves from Run to Stop as the run starts, and back as it ends', async () => {
  const context = await freshContext();
  const page = await openPlay(context);
  await setCode(page, 'import asyncio\nasyncio.run(asyncio.sleep(1))\n');
  const focused = () => page.evaluate(() => document.activeElement?.dataset?.testid ?? document.activeElement?.tagName);
  await page.getByTestId('run').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid=stop]') === document.activeElement, null, { timeout: 5_000 });
  await page.keyboard.press('Enter');
  await page.getByTestId('status').filter({ hasText: 'Stopped.' }).waitFor({ timeout: 5_000 });
  await page.waitForFunction(() => document.querySelector('[data-testid=run]') === document.activeElement, null, { timeout: 5_000 });
  assert.equal(await focused(), 'run');
  await context.close();
});

test('while a long first wait goes on, the scrubber reaches the clock now, not the start', async () => {
  const context = await freshContext();
  const page = await openPlay(context);
  await setCode(page, 'import asyncio\n\nasync def main():\n    print("a")\n    await asyncio.sleep(3)\n\nasyncio.run(main())\n');
  await page.getByTestId('run').click();
  // Milliseconds: the recording's last event stays near 0 for the whole wait.
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=scrub]').max) >= 500, null, { timeout: 5_000 });
  assert.match(await page.getByTestId('status').textContent(), /^Running/);
  await page.keyboard.press('Escape');
  await context.close();
});

/** The compare table as rows of cells, its headings first. */
async function compareTable(page) {
  return page.getByTestId('compare-table').evaluate((table) =>
    [...table.querySelectorAll('tr')].map((tr) => [...tr.children].map((cell) => cell.textContent)),
  );
}

test('keep a run, edit, run again: the kept run stays readable, and a table compares the two', async () => {
  const context = await freshContext();
  const page = await openPlay(context);
  const oneByOne = 'import asyncio\n\nasync def fetch(name):\n    print(name, "start")\n    await asyncio.sleep(0.3)\n    print(name, "done")\n\nasync def main():\n    await fetch("A")\n    await fetch("B")\n    await fetch("C")\n\nasyncio.run(main())\n';
  await setCode(page, oneByOne);
  await runToEnd(page);
  const first = await page.getByTestId('prints').locator('li code').allTextContents();
  assert.deepEqual(first, ['A start', 'A done', 'B start', 'B done', 'C start', 'C done']);
  await page.getByTestId('keep').click();
  // Kept, the run stays on the page, its output and summary with it, and says it is kept.
  assert.match(await page.getByTestId('kept-note').textContent(), /^Kept for comparison: your program \(13 lines\) · run 1\. /);
  assert.deepEqual(await page.getByTestId('prints').locator('li code').allTextContents(), first);
  assert.match(await page.getByTestId('what-happened').textContent(), /^Finished in 9\d\d ms/);
  assert.equal(await page.getByTestId('keep').count(), 0, 'kept already');
  await setCode(page, oneByOne.replace('    await fetch("A")\n    await fetch("B")\n    await fetch("C")\n', '    await asyncio.gather(fetch("A"), fetch("B"), fetch("C"))\n'));
  await runToEnd(page);
  await page.getByTestId('compare-table').waitFor();
  assert.equal(await page.getByTestId('kept-note').count(), 0);
  const g = JSON.parse(await page.getByTestId('timeline').getAttribute('data-geometry'));
  assert.ok(g.rows.includes('(kept run)'), JSON.stringify(g.rows));
  // The point in one sentence, the figures side by side in a table with headers.
  assert.match(
    await page.getByTestId('compare-point').textContent(),
    /^Run 2 finished [23]\.\d× sooner: its tasks waited 3 at once, run 1's waited one at a time\.$/,
  );
  const rows = await compareTable(page);
  assert.deepEqual(rows[0], ['', 'Kept: run 1', 'This run: run 2']);
  assert.deepEqual(rows[1], ['Program', 'your program (13 lines)', 'your program (11 lines)']);
  assert.deepEqual(rows[2], ['Speed', '1×', '1×']);
  assert.equal(rows[3][0], 'Total time');
  assert.match(rows[3][1], /^9\d\d ms$/);
  assert.match(rows[3][2], /^3\d\d ms$/);
  assert.deepEqual(rows.slice(4), [['Most tasks waiting at once', '1', '3'], ['Tasks', '1', '4'], ['Output lines', '6', '6']]);
  assert.equal(await page.locator('[data-testid=compare-table] th[scope=col]').count(), 2);
  assert.equal(await page.locator('[data-testid=compare-table] th[scope=row]').count(), 6);
  // Both outputs stay readable: this run's, then the kept run's at a click.
  const second = await page.getByTestId('prints').locator('li code').allTextContents();
  assert.deepEqual(second, ['A start', 'B start', 'C start', 'A done', 'B done', 'C done']);
  assert.equal(await page.getByTestId('output-this').getAttribute('aria-pressed'), 'true');
  await page.getByTestId('output-kept').click();
  assert.equal(await page.getByTestId('output-kept').getAttribute('aria-pressed'), 'true');
  assert.deepEqual(await page.getByTestId('prints').locator('li code').allTextContents(), first);
  assert.match(await page.getByTestId('what-happened').textContent(), /^Finished in 9\d\d ms/, 'with its summary');
  await page.getByTestId('output-this').click();
  assert.deepEqual(await page.getByTestId('prints').locator('li code').allTextContents(), second);
  await page.screenshot({ path: join(SHOTS, 'play-compare.png') });
  // Dropped, the comparison goes.
  await page.getByTestId('clear-kept').click();
  assert.equal(await page.getByTestId('compare').count(), 0);
  assert.equal(await page.getByTestId('output-kept').count(), 0);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('hovering a code line outlines what ran and waited there; clicking a bar lights its line', async () => {
  const context = await freshContext();
  const page = await openPlay(context);
  await setCode(page, EXPECTED);
  await runToEnd(page);
  const box = await input(page).boundingBox();
  // Line 5 (await asyncio.sleep): 8 px padding, 21 px lines.
  await page.mouse.move(box.x + 60, box.y + 8 + 4.5 * 21);
  await page.waitForFunction(() => JSON.parse(document.querySelector('[data-testid=timeline]').dataset.geometry).marked > 0);
  assert.equal(await page.locator('.editor .ln.hover').getAttribute('data-line'), '5');
  const g = JSON.parse(await page.getByTestId('timeline').getAttribute('data-geometry'));
  const row = g.rows.indexOf("worker('A', 1.5)");
  assert.ok(row >= 0, JSON.stringify(g.rows));
  const canvas = await page.getByTestId('timeline').boundingBox();
  const x = g.plotX + ((1_000_000 - g.from) / (g.to - g.from)) * g.plotW;
  const y = g.axis + g.row * (row + 1) + g.row / 2;
  await page.mouse.click(canvas.x + x, canvas.y + y);
  assert.equal(await page.locator('.editor .ln.picked').getAttribute('data-line'), '5', 'A waits at its sleep at 1.0 s');
  await context.close();
});

// requests is a blocking client: in a coroutine each call holds the whole loop for its latency,
// drawn as a hold; in to_thread the three run at once in workers. Live, the times are real
// (the latencies are 1.0 + 0.4 + 0.3 s, and CPython prints 1.7 s and 1.0 s): the bounds leave
// room for a loaded machine, where starting three workers at once can take most of a second.
// Step mode (the virtual clock) prints CPython's figures exactly.
test('the requests example holds the loop in coroutines and not in threads, on real timers', async () => {
  const context = await freshContext();
  const page = await openPlay(context, '#/play', { width: 1440, height: 900 });
  await page.getByTestId('examples').selectOption('requests');
  await page.waitForFunction(() => document.querySelector('[data-testid=code-input]').value.includes('import requests'));
  await runToEnd(page);
  const lines = (await output(page)).filter(([stream]) => stream === 'out').map(([, text]) => text);
  const seconds = (prefix) => Number(/: ([\d.]+) s/.exec(lines.find((l) => l.startsWith(prefix)) ?? '')?.[1]);
  assert.deepEqual([lines[0], lines[2]], ['[1, 2, 3]', '[1, 2, 3]'], lines.join('\n'));
  const serial = seconds('requests.get in coroutines'), threads = seconds('requests.get in threads');
  assert.ok(serial >= 1.7 && serial <= 2.5, `one after another: ${serial} s`);
  assert.ok(threads >= 1.0 && threads <= serial, `in threads: ${threads} s, one after another ${serial} s`);
  // Each call's hold is a warning under the summary (where a hold is longer than its request,
  // the request is named as such: tests/visual.rs), and none by the threads' callers.
  const warnings = await page.getByTestId('warnings').locator('li').allTextContents();
  const holds = warnings.filter((w) => /^The loop was blocked for .* by fetch_blocking\(\d\)/.test(w));
  assert.equal(holds.length, 3, warnings.join('\n'));
  assert.ok(!warnings.some((w) => w.includes('fetch_in_thread')), warnings.join('\n'));
  await page.getByTestId('step-mode').click();
  await page.getByTestId('to-end').click();
  await page.getByTestId('what-happened').waitFor();
  const stepped = (await output(page)).filter(([stream]) => stream === 'out').map(([, text]) => text);
  assert.deepEqual(stepped, [
    '[1, 2, 3]', 'requests.get in coroutines: 1.7 s, one after another',
    '[1, 2, 3]', 'requests.get in threads: 1.0 s, at the same time',
  ]);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('every example runs from the editor with its lines lit', async () => {
  const context = await freshContext();
  const page = await openPlay(context);
  const keys = await page.getByTestId('examples').locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  assert.ok(keys.length >= 25, keys.join(' '));
  for (const key of keys) {
    await page.getByTestId('examples').selectOption(key);
    await page.waitForFunction(() => document.querySelector('[data-testid=code-input]').value.length > 0);
    await page.getByTestId('step-mode').click();
    await page.getByTestId('to-end').click();
    const status = await page.getByTestId('status').textContent();
    assert.match(status, /exit status 0|main\(\) returned/, `${key}: ${status}`);
    // Picking the first steps lights the line each left its task at.
    const steps = page.getByTestId('steps').locator('button');
    let lit = 0;
    for (let i = 0; i < Math.min(6, await steps.count()) && !lit; i++) {
      await steps.nth(i).click();
      lit = await page.locator('.editor .ln.picked').count();
    }
    assert.equal(lit, 1, key);
  }
  assert.deepEqual(page.problems, []);
  await context.close();
});

// A coroutine that never awaits holds the loop: nothing else in the program runs. It used to
// hold the tab too, until the loop budget stopped it 10 s later; now a long step pauses for the
// browser, so the page draws the hold as it grows, lights the line it runs, and Stop answers.
test('a busy coroutine holds the loop, yet the page draws it, lights its line and stops at once', async () => {
  const context = await freshContext();
  const page = await openPlay(context, '#/play', { width: 1440, height: 900 });
  await setCode(page, 'import asyncio\n\nasync def ticker():\n    while True:\n        print("tick")\n        await asyncio.sleep(0.1)\n\nasync def main():\n    asyncio.create_task(ticker())\n    await asyncio.sleep(0.25)\n    n = 0\n    while True:\n        n += 1\n\nasyncio.run(main())\n');
  await page.getByTestId('run').click();
  await recordFrames(page);
  await page.waitForTimeout(1500);
  const gaps = await frameGaps(page);
  assert.ok(gaps.length >= 5 && gaps.at(-1) < 1000, `frames while main() holds the loop: ${gaps.length}, longest ${gaps.at(-1)} ms`);
  assert.match(await page.getByTestId('status').textContent(), /^Running/);
  // Its marker is on the loop's lines as it runs (the page is live: read until it is seen).
  await page.waitForFunction(() => [...document.querySelectorAll('.g.lit')].some((g) =>
    ['12', '13'].includes(g.dataset.line) && g.querySelector('[data-testid=lit-line]')?.title === 'main()'), null, { timeout: 5_000 });
  // The ticker printed at 0, 0.1 and 0.2 s; from 0.25 s main() holds the loop and it is silent.
  assert.deepEqual((await output(page)).map(([, t]) => t), ['tick', 'tick', 'tick']);
  await page.screenshot({ path: join(SHOTS, 'play-busy-coroutine.png') });
  // Clicked where Stop is, as a person does (the mouse does not wait for the page to be idle).
  const stop = await page.getByTestId('stop').boundingBox();
  const clicked = Date.now();
  await page.mouse.click(stop.x + stop.width / 2, stop.y + stop.height / 2);
  await page.getByTestId('status').filter({ hasText: 'Stopped.' }).waitFor({ timeout: 5_000 });
  const took = Date.now() - clicked;
  assert.ok(took < 1500, `Stop took ${took} ms to answer`);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('hostile programs end with a clear message and a responsive page', async () => {
  const context = await freshContext({ clipboard: true });
  const page = await openPlay(context);
  // A frozen page never answers an evaluate: give it 10 s, and fail saying which step froze it.
  let step = 'opening';
  const responsive = async () => {
    const late = new Promise((_, reject) => setTimeout(() => reject(new Error(`the page froze after ${step}`)), 10_000));
    assert.equal(await Promise.race([page.evaluate(() => 1 + 1), late]), 2);
  };
  const cases = [
    ['an infinite loop', 'while True:\n    pass\n', /the program ran for \d+ s at line 2 without stopping: Interleave stopped it/],
    ['a recursion bomb', 'def f(n):\n    return f(n + 1)\n\nf(0)\n', /RecursionError: maximum recursion depth exceeded/],
    ['a memory bomb', 'x = [0] * 10**10\n', /MemoryError|OverflowError/],
    // Each list under the item cap, together over the page's memory cap (about 16 GB in CPython).
    ['a memory bomb built in pieces', 'keep = [[0] * 10**7 for _ in range(200)]\n', /^MemoryError: the program's values grew past 1024 MiB \(at line 1\)/],
    ['10,000 tasks', 'import asyncio\n\nasync def main():\n    await asyncio.gather(*[asyncio.sleep(0.01) for _ in range(10000)])\n    print("all done")\n\nasyncio.run(main())\n', /^all done$/],
  ];
  for (const [what, program, expected] of cases) {
    step = what;
    console.log(`# hostile programs: ${what}`);
    await setCode(page, program);
    await runToEnd(page, { timeout: 60_000 });
    console.log(`# hostile programs: ${what} ended`);
    const out = await output(page);
    assert.equal(out.filter(([, t]) => expected.test(t)).length, 1, `${what}: ${JSON.stringify(out.slice(-3))}`);
    if (what === 'an infinite loop') {
      // Interleave, not the program, said why it stopped it, and the summary opens with that.
      assert.equal(await page.getByTestId('prints').locator('li.stderr .who').last().textContent(), 'Interleave');
      assert.match(await page.getByTestId('status').textContent(), /^Interleave stopped the program \(exit status 1\)/);
      assert.match(await page.getByTestId('what-happened').textContent(), /^Interleave stopped the program at \d/);
    }
    await responsive();
  }
  // Step mode's "Run to the end" on a program that never ends: it pauses after its budget and
  // says so (it used to hold the page for good), and the page answers.
  step = 'run to the end of a program that never ends';
  console.log(`# hostile programs: ${step}`);
  await setCode(page, 'import asyncio\n\nasync def main():\n    while True:\n        await asyncio.sleep(0)\n\nasyncio.run(main())\n');
  await page.getByTestId('step-mode').click();
  await page.getByTestId('to-end').click();
  await page.getByTestId('status').filter({ hasText: 'paused: 3 s of running to the end did not finish the program' }).waitFor({ timeout: 30_000 });
  await responsive();
  await page.getByTestId('stop').click();
  await page.getByTestId('status').filter({ hasText: 'Stopped.' }).waitFor();
  // A flood of output: the page keeps the first MiB and says how much it cut; the list shows
  // its last lines under a one-row note of how many came before.
  step = 'a flood of output';
  console.log(`# hostile programs: ${step}`);
  await setCode(page, 'for i in range(200_000):\n    print(i)\n');
  await runToEnd(page, { timeout: 60_000 });
  const flood = await output(page);
  // Past the cap its last lines are kept, the program's last words among them.
  const cut = flood.findIndex(([, text]) => /output past 1024 KiB was cut: \d+ more bytes not shown; its last 100 lines follow/.test(text));
  assert.equal(cut, flood.length - 101, 'the cut is said before the last 100 lines');
  assert.equal(flood.at(-1)[1], '199999');
  // It is said as soon as it happens, so a run still printing does not look hung.
  assert.match(await page.getByTestId('prints').locator('p.note').first().textContent(), /^Output past 1024 KiB is not kept as it comes/);
  const hidden = await page.getByTestId('hidden-lines').textContent();
  assert.match(hidden, /^… \d+ earlier lines hidden · Download the output$/);
  // The whole output is one click away: every line kept, the listed ones last.
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-output').click()]);
  assert.equal(file.suggestedFilename(), 'interleave-program.output.txt');
  const saved = join(SHOTS, 'flood-output.txt');
  await file.saveAs(saved);
  const lines = readFileSync(saved, 'utf8').split('\n').slice(0, -1);
  // Every line listed or hidden, but the one note (Interleave's, not printed by the program).
  assert.equal(lines.length, Number(/\d+/.exec(hidden)[0]) + 300 - 1);
  assert.deepEqual([lines[0], lines.at(-1)], ['0', flood.at(-1)[1]]);
  const [noteHeight, lineHeight] = await page.evaluate(() => [
    document.querySelector('[data-testid=hidden-lines]').getBoundingClientRect().height,
    document.querySelector('.prints li:has(code)').getBoundingClientRect().height,
  ]);
  assert.ok(noteHeight < lineHeight * 1.6, `the note takes one row: ${noteHeight} px beside a line's ${lineHeight} px`);
  await responsive();
  // Deeply nested brackets, and a megabyte of source: refused with a message, nothing run.
  step = 'deep brackets';
  console.log(`# hostile programs: ${step}`);
  await setCode(page, `x = ${'('.repeat(1000)}1${')'.repeat(1000)}\n`);
  await page.getByTestId('run-disabled').waitFor({ timeout: 10_000 });
  assert.match(await page.getByTestId('syntax-error').textContent(), /.{10,}/);
  await responsive();
  // A megabyte pasted with the keyboard (Chromium itself takes seconds to paste it).
  step = 'a pasted megabyte';
  console.log(`# hostile programs: ${step}`);
  await page.evaluate(() => navigator.clipboard.writeText('# comment\n'.repeat(110_000)));
  await input(page).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('ControlOrMeta+v');
  await page.getByTestId('syntax-error').filter({ hasText: 'up to 256 KiB' }).waitFor({ timeout: 30_000 });
  // A long program put in the editor by the page (an opened file, a link) is set at once.
  step = 'a 5,000-line file';
  console.log(`# hostile programs: ${step}`);
  await setCode(page, '');
  const started = Date.now();
  await page.getByTestId('file-input').setInputFiles({ name: 'long.py', mimeType: 'text/x-python', buffer: Buffer.from('print(1)\n'.repeat(5000)) });
  await page.waitForFunction(() => document.querySelector('[data-testid=code-input]').value.length === 45_000, null, { timeout: 10_000 });
  assert.ok(Date.now() - started < 5_000, `a 5,000-line file took ${Date.now() - started} ms to load`);
  assert.equal(await page.getByTestId('run').isDisabled(), true);
  await responsive();
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('code pasted with tabs and CRLF line ends runs as Python reads it', async () => {
  const context = await freshContext({ clipboard: true });
  const page = await openPlay(context);
  await clearEditor(page);
  await page.evaluate(() => navigator.clipboard.writeText('import asyncio\r\n\r\nasync def main():\r\n\tfor i in range(2):\r\n\t\tprint("tab", i)\r\n\r\nasyncio.run(main())\r\n'));
  await page.keyboard.press('ControlOrMeta+v');
  assert.equal(await code(page), 'import asyncio\n\nasync def main():\n\tfor i in range(2):\n\t\tprint("tab", i)\n\nasyncio.run(main())\n');
  await runToEnd(page);
  assert.deepEqual(await output(page), [['out', 'tab 0'], ['out', 'tab 1']]);
  // A long paste (put in directly, not by the browser) is made plain the same way, and the
  // caret lands after it.
  await clearEditor(page);
  await page.evaluate(() => navigator.clipboard.writeText('print(1)\r\n'.repeat(200)));
  await page.keyboard.press('ControlOrMeta+v');
  assert.equal(await code(page), 'print(1)\n'.repeat(200));
  assert.equal(await input(page).evaluate((el) => el.selectionStart), 1800);
  // Lines pasted into a function's body land in it, kept in step with each other, and one
  // Ctrl+Z takes the paste back.
  await clearEditor(page);
  await page.keyboard.type('async def main():');
  await page.keyboard.press('Enter');
  await page.evaluate(() => navigator.clipboard.writeText('print(1)\nif True:\n    print(2)\n'));
  await page.keyboard.press('ControlOrMeta+v');
  assert.equal(await code(page), 'async def main():\n    print(1)\n    if True:\n        print(2)\n');
  await page.keyboard.press('ControlOrMeta+z');
  assert.equal(await code(page), 'async def main():\n    ');
  await context.close();
});

/**
 * The task markers sit in the gutter and cover none of the code's text: no marker's box meets
 * a box of the painted text; the line with the most tasks shows the first name and "+N", and
 * its label names them all.
 */
async function markersBesideTheCode(page, what) {
  const seen = await page.evaluate(() => {
    const boxes = (els) => els.map((el) => el.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0);
    const markers = boxes([...document.querySelectorAll('.editor [data-testid=lit-line]')]);
    const text = [];
    for (const ln of document.querySelectorAll('.editor .paint .ln')) {
      const range = document.createRange();
      range.selectNodeContents(ln);
      text.push(...[...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0));
    }
    const meets = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const overlaps = markers.flatMap((m) => text.filter((t) => meets(m, t)).map((t) => [m.toJSON(), t.toJSON()]));
    const busiest = [...document.querySelectorAll('.editor [data-testid=lit-line]')]
      .sort((a, b) => b.title.split('\n').length - a.title.split('\n').length)[0];
    const others = busiest?.querySelector('.others');
    const othersColour = others && others.getClientRects().length ? getComputedStyle(others).color : null;
    return { markers: markers.length, text: text.length, overlaps, othersColour, busiest: busiest && { shown: busiest.innerText, label: busiest.getAttribute('aria-label'), names: busiest.title.split('\n') } };
  });
  assert.ok(seen.markers > 0 && seen.text > 0, `${what}: ${JSON.stringify(seen)}`);
  assert.deepEqual(seen.overlaps, [], `${what}: markers over the code`);
  // "+N" is as white as the name beside it on the marker's blue (no page style greys it).
  if (seen.othersColour) assert.equal(seen.othersColour, 'rgb(255, 255, 255)', what);
  const { shown, label, names } = seen.busiest;
  assert.ok(names.length > 1, `${what}: ${JSON.stringify(seen.busiest)}`);
  assert.ok(shown.includes(`${names.length}`) || shown.includes(`+${names.length - 1}`), `${what}: ${shown}`);
  for (const name of names) assert.ok(label.includes(name), `${what}: ${label} lacks ${name}`);
}

test('a recording that fills up mid-run ends its lanes there while the run goes on; Stop says when it was pressed', async () => {
  const program = [
    'import asyncio', '', 'async def spin(n):', '    for _ in range(n):', '        await asyncio.sleep(0)', '',
    'async def tick():', '    while True:', '        await asyncio.sleep(0.1)', '', 'async def main():',
    '    t = asyncio.create_task(tick())', '    await spin(300_000)', "    print('spun')", '    await asyncio.sleep(60)', '',
    'asyncio.run(main())', '',
  ].join('\n');
  for (const [scheme, width, height] of [['light', 1440, 900], ['dark', 390, 844]]) {
    const context = await freshContext();
    const page = await openPlay(context, '#/play', { colorScheme: scheme, width, height });
    await setCode(page, program);
    await page.getByTestId('run').click();
    const geometry = async () => JSON.parse(await page.getByTestId('timeline').getAttribute('data-geometry'));
    // The canvas has its geometry from its first painting on (a poll may come before it).
    await page.waitForFunction(() => JSON.parse(document.querySelector('[data-testid=timeline]').dataset.geometry ?? 'null')?.cut != null, null, { timeout: 60_000 });
    const { cut } = await geometry();
    // The run goes on past the cut: its clock, and the axis following it (5% past the clock),
    // move on.
    await page.waitForFunction((c) => JSON.parse(document.querySelector('[data-testid=timeline]').dataset.geometry ?? 'null')?.to > c + 2e6, cut, { timeout: 10_000 });
    assert.equal((await geometry()).cut, cut, 'the cut stays where the recording stopped');
    assert.match(await page.getByTestId('status').textContent(), /^Running… /);
    await page.screenshot({ path: join(SHOTS, `play-recording-full-${scheme}-${width}.png`) });
    await page.getByTestId('stop').click();
    await page.getByTestId('what-happened').waitFor();
    const stoppedAt = Number(/^Stopped at ([\d.]+) s:/.exec(await page.getByTestId('what-happened').textContent())[1]) * 1e6;
    assert.ok(stoppedAt > cut + 1e6, `stopped at ${stoppedAt} µs, the recording ended at ${cut} µs`);
    await context.close();
  }
});

test('a run of a few milliseconds fills the plot', async () => {
  const context = await freshContext();
  const page = await openPlay(context);
  await setCode(page, 'import asyncio\n\nasync def main():\n    await asyncio.gather(asyncio.sleep(0.004), asyncio.sleep(0.002))\n\nasyncio.run(main())\n');
  await runToEnd(page);
  const g = JSON.parse(await page.getByTestId('timeline').getAttribute('data-geometry'));
  assert.equal(g.from, 0);
  assert.ok(g.to >= 4_000 && g.to < 40_000, `the axis ends at ${g.to} µs for a run of about 4 ms, not at 100 ms`);
  await context.close();
});

test('screenshots of the script page mid-run: light and dark, wide and phone', async () => {
  const example = 'llm-batch';
  for (const [scheme, width, height] of [['light', 1440, 900], ['dark', 1440, 900], ['light', 390, 844], ['dark', 390, 844]]) {
    const context = await freshContext();
    const page = await openPlay(context, '#/play', { colorScheme: scheme, width, height });
    await page.getByTestId('examples').selectOption(example);
    await page.getByTestId('run').click();
    if (width < 1000) {
      // A phone folds the code away on Run; its tab says where the tasks are, and opens it.
      await page.waitForFunction(() => / on line \d+/.test(document.querySelector('[data-testid=code-peek]')?.textContent ?? ''), null, { timeout: 10_000 });
      await page.screenshot({ path: join(SHOTS, `play-${scheme}-${width}-folded.png`) });
      await page.getByTestId('code-fold').click();
    }
    await page.locator('.editor .ln.lit').first().waitFor({ timeout: 10_000 });
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(SHOTS, `play-${scheme}-${width}-mid-run.png`) });
    await markersBesideTheCode(page, `${scheme} ${width}`);
    await page.getByTestId('editor').screenshot({ path: join(SHOTS, `play-${scheme}-${width}-markers.png`) });
    await page.getByTestId('what-happened').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SHOTS, `play-${scheme}-${width}-end.png`), fullPage: true });
    await context.close();
  }
});
