// A journey map of 12 stages, 120 touchpoints and 1,000 cards in the real
// app (WebKitGTK under Xvfb): how long it takes to open, and how long a key
// takes while a card's text is edited. A benchmark, not a test: it prints
// figures and asserts nothing, because these machines are noisy. Budgets:
// the map opens under 300 ms (median and p95); a key in a card's editor
// under 16 ms. Run with `make bench-ui` (after `make app`).

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Driver, root, screenshot, tempDir } from '../app.mjs';

const CARDS = Number(process.env.ROOTWISE_BENCH_CARDS ?? 1000);
const RUNS = Number(process.env.ROOTWISE_BENCH_RUNS ?? 7);

// One map per run, so every opening reads its map afresh (the app keeps a
// map it has shown in memory, and opening it again costs less).
const workspace = join(tempDir('rootwise-bench-'), 'journey.db');
const ids = [];
for (let i = 0; i <= RUNS; i++) {
  const out = execFileSync(
    'cargo',
    ['run', '-q', '--release', '-p', 'rootwise-core', '--bin', 'rootwise-gen', '--', '--journey', String(CARDS), '--seed', String(i + 1), workspace],
    { cwd: root, encoding: 'utf8' },
  );
  const id = /journey map (\S+) with/.exec(out)?.[1];
  if (id === undefined) throw new Error(`no map id in: ${out}`);
  ids.push(id);
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms (${s.length} samples)`;
};

const driver = await Driver.start();
const app = await driver.launch(workspace);
try {
  // Opening: from navigation to the first frame with every card drawn.
  const open = [];
  // The first map warms the page's code up and is not counted.
  for (const [run, id] of ids.entries()) {
    await app.execute('window.location.hash = "#/journeys"');
    await app.find('[data-testid="journeys-screen"]');
    const ms = await app.cmd('POST', '/execute/async', {
      script: `const [id, cards, done] = arguments;
        const t0 = performance.now();
        window.location.hash = '#/journeys/' + id;
        const ready = () => document.querySelectorAll('[data-testid="journey-card-item"]').length === cards
          && document.querySelectorAll('[data-testid="journey-touchpoint"]').length === 120;
        const tick = () => ready() ? requestAnimationFrame(() => done(performance.now() - t0)) : requestAnimationFrame(tick);
        tick();`,
      args: [id, CARDS],
    });
    if (run > 0) open.push(ms);
  }
  console.log(`journey map of 12 stages, 120 touchpoints and ${CARDS} cards, navigation to the first frame with all drawn: ${stats(open)}`);
  await screenshot(`bench-journey-${CARDS}`);

  // Typing in a card's editor: each key from keydown to React's commit, and to the next frame.
  const card = await app.find('[data-testid="journey-card-text"]');
  await app.execute('arguments[0].scrollIntoView({ block: "center", inline: "center" })', [card.ref()]);
  await card.click();
  await app.find('[data-testid="journey-card-edit"]');
  await app.execute(`
    window.__keys = [];
    document.addEventListener('keydown', (e) => { window.__t0 = e.timeStamp; }, true);
    document.addEventListener('input', () => {
      const t0 = window.__t0, t1 = performance.now();
      requestAnimationFrame(() => window.__keys.push([t1 - t0, performance.now() - t0]));
    });`);
  await app.keys(' and the fee shows only at the end');
  await app.waitFor(async () => (await app.execute('return window.__keys.length')) >= 30, 'the key timings');
  const keys = await app.execute('return window.__keys');
  console.log(`typing in a card of that map, keydown to commit: ${stats(keys.map((k) => k[0]))}`);
  console.log(`typing, keydown to the next frame: ${stats(keys.map((k) => k[1]))}`);
} finally {
  await app.end();
  await driver.stop();
}
