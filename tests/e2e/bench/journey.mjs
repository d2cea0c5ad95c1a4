// A journey map of 12 stages, 120 touchpoints and 1,000 cards in the real
// app (WebKitGTK under Xvfb): how long it takes to open, and how long a key
// takes while a card's text is edited. The grid draws what the window
// shows and a window's worth around it (stages across, touchpoints and
// lanes down); the rest as it scrolls near. A benchmark, not a test: it prints
// figures and asserts nothing, because these machines are noisy. Budgets:
// the map opens under 300 ms (median and p95); a key in a card's editor
// under 16 ms. Run with `make bench-ui` (after `make app`).

import { join } from 'node:path';
import { Driver, screenshot, tempDir } from '../app.mjs';
import { generate, stats, timeKeys } from './common.mjs';

const CARDS = Number(process.env.ROOTWISE_BENCH_CARDS ?? 1000);
const RUNS = Number(process.env.ROOTWISE_BENCH_RUNS ?? 7);

// One map per run, so every opening reads its map afresh (the app keeps a
// map it has shown in memory, and opening it again costs less).
const workspace = join(tempDir('rootwise-bench-'), 'journey.db');
const ids = [];
for (let i = 0; i <= RUNS; i++) {
  ids.push(generate(['--journey', String(CARDS), '--seed', String(i + 1)], workspace, /journey map (\S+) with/));
}

const driver = await Driver.start();
const app = await driver.launch(workspace);
try {
  // Opening: from navigation to the first frame with everything in view drawn.
  const open = [];
  // The first map warms the page's code up and is not counted.
  for (const [run, id] of ids.entries()) {
    await app.execute('window.location.hash = "#/journeys"');
    await app.find('[data-testid="journeys-screen"]');
    const ms = await app.cmd('POST', '/execute/async', {
      script: `const [id, cards, done] = arguments;
        const t0 = performance.now();
        window.location.hash = '#/journeys/' + id;
        // Ready when what the window shows is drawn: every stage head, the
        // touchpoints, and no placeholder of things drawn later in view
        // (stages, touchpoints and cards come as they scroll near: see stageWindow.ts).
        const inView = (el) => {
          const r = el.getBoundingClientRect();
          return r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth && r.width > 0;
        };
        const ready = () => document.querySelectorAll('[data-testid="journey-stage"]').length === 12
          && document.querySelectorAll('[data-testid="journey-touchpoint"]').length > 0
          && ![...document.querySelectorAll('[data-later], .journey-cell--later')].some(inView);
        const tick = () => ready() ? requestAnimationFrame(() => done(performance.now() - t0)) : requestAnimationFrame(tick);
        tick();`,
      args: [id, CARDS],
    });
    if (run > 0) open.push(ms);
  }
  const drawnCards = await app.execute(`return document.querySelectorAll('[data-testid="journey-card-item"]').length`);
  const drawnTouchpoints = await app.execute(`return document.querySelectorAll('[data-testid="journey-touchpoint"]').length`);
  console.log(`journey map of 12 stages, 120 touchpoints and ${CARDS} cards, navigation to the first frame with what is in view drawn (${drawnTouchpoints} touchpoints, ${drawnCards} cards): ${stats(open)}`);
  // Of which the map's read through the shell (IPC and JSON included), alone, on the same maps.
  const reads = [];
  for (const id of ids.slice(1)) {
    reads.push(
      await app.cmd('POST', '/execute/async', {
        script: `const [id, done] = arguments;
          const t0 = performance.now();
          window.__TAURI_INTERNALS__.invoke('journey_grid', { id }).then(() => done(performance.now() - t0));`,
        args: [id],
      }),
    );
  }
  console.log(`of which reading the map (journey_grid through the shell): ${stats(reads)}`);
  await screenshot(`bench-journey-${CARDS}`);

  // Typing in a card's editor: each key from keydown to React's commit, and to the next frame.
  // The lanes sit below the touchpoints: scrolled to, their cards are drawn.
  await app.execute(`document.querySelector('[data-testid="cell-actions"]').scrollIntoView({ block: "center" })`);
  const card = await app.find('[data-testid="journey-card-text"]');
  await app.execute('arguments[0].scrollIntoView({ block: "center", inline: "center" })', [card.ref()]);
  await card.click();
  await app.find('[data-testid="journey-card-edit"]');
  const keys = await timeKeys(app, ' and the fee shows only at the end');
  console.log(`typing in a card of that map, keydown to commit: ${stats(keys.map((k) => k[0]))}`);
  console.log(`typing, keydown to the next frame: ${stats(keys.map((k) => k[1]))}`);
} finally {
  await app.end();
  await driver.stop();
}
