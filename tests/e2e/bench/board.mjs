// An empathy-map board of 500 notes in the real app (WebKitGTK under Xvfb):
// how long it takes to open, and how smooth a pointer drag of a note from
// one area to another stays. A benchmark, not a test: it prints figures and
// asserts nothing, because these machines are noisy. Budgets: the board
// opens under 300 ms; a drag stays under 16 ms a frame. Run with
// `make bench-ui` (after `make app`).

import { join } from 'node:path';
import { Driver, screenshot, tempDir } from '../app.mjs';
import { generate, stats } from './common.mjs';

const NOTES = Number(process.env.ROOTWISE_BENCH_NOTES ?? 500);
const RUNS = Number(process.env.ROOTWISE_BENCH_RUNS ?? 7);
const DRAGS = Number(process.env.ROOTWISE_BENCH_DRAGS ?? 5);

// One board per run, so every opening reads its board afresh (the app keeps
// a board it has shown in memory, and opening it again costs less).
const workspace = join(tempDir('rootwise-bench-'), 'board.db');
const ids = [];
for (let i = 0; i <= RUNS; i++) {
  ids.push(generate(['--notes', String(NOTES), '--seed', String(i + 1)], workspace, /empathy map (\S+) with/));
}

const driver = await Driver.start();
const app = await driver.launch(workspace);
try {
  // Opening: from navigation to the first frame with the board on screen,
  // every area drawn with the notes it shows first (a full area draws more
  // as it scrolls).
  const open = [];
  let drawn = 0;
  // The first board warms the page's code up and is not counted.
  for (const [run, id] of ids.entries()) {
    await app.execute('window.location.hash = "#/empathy"');
    await app.find('[data-testid="map-list"], main h1');
    const [ms, cards] = await app.cmd('POST', '/execute/async', {
      script: `const [id, done] = arguments;
        const t0 = performance.now();
        window.location.hash = '#/empathy/' + id;
        const ready = () => ['says', 'thinks', 'does', 'feels', 'pains', 'gains'].every((a) =>
          document.querySelector('[data-testid="empathy-area-' + a + '"] [data-testid="note-card"]') !== null);
        const tick = () => ready()
          ? requestAnimationFrame(() => done([performance.now() - t0, document.querySelectorAll('[data-testid="note-card"]').length]))
          : requestAnimationFrame(tick);
        tick();`,
      args: [id],
    });
    if (run === 0) continue;
    open.push(ms);
    drawn = cards;
  }
  console.log(`board of ${NOTES} notes, navigation to the first frame with every area drawn (${drawn} notes drawn at first): ${stats(open)}`);
  await screenshot(`bench-board-${NOTES}`);

  // Dragging: each pointer move's time to the next frame, and the frame
  // intervals while the drag runs (a long frame shows as a long interval).
  await app.execute(`
    window.__moves = [];
    window.__frames = [];
    window.__drag = 0;
    document.addEventListener('pointerdown', () => { window.__drag += 1; window.__step = 0; }, true);
    document.addEventListener('pointermove', (e) => {
      if (e.buttons === 0) return;
      const t0 = performance.now();
      // The first moves of a drag pick the note up (the drag starts after a
      // few pixels); the rest carry it.
      const step = (window.__step += 1);
      requestAnimationFrame(() => window.__moves.push([step, performance.now() - t0]));
    }, true);
    let last = null;
    const loop = (t) => {
      if (window.__recording) {
        if (last !== null) window.__frames.push(t - last);
        last = t;
      } else last = null;
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);`);
  for (let i = 0; i < DRAGS; i++) {
    // Between two areas on screen together: Says and Feels, across the persona.
    const [from, to] = i % 2 === 0 ? ['says', 'feels'] : ['feels', 'says'];
    await app.execute('document.querySelector("[data-testid=empathy-board]").scrollIntoView({ block: "start" })');
    const note = await app.find(`[data-testid="empathy-area-${from}"] [data-testid="note-card"]`);
    const area = await app.find(`[data-testid="empathy-area-${to}"]`);
    const rects = await app.execute(
      'return [arguments[0], arguments[1]].map((e) => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.width, r.height].map(Math.round); }).concat([[innerWidth, innerHeight]])',
      [note.ref(), area.ref()],
    );
    if (process.env.ROOTWISE_BENCH_DEBUG) console.log('drag rects', JSON.stringify(rects));
    void rects;
    await app.execute('window.__recording = true');
    try {
      await app.drag(note, area, 24);
    } catch (e) {
      // WebKitWebDriver now and then refuses a move inside the window
      // ("move target out of bounds"); the other drags still count.
      console.log(`drag ${i + 1} not performed: ${e.message}`);
    }
    await app.execute('window.__recording = false');
  }
  const moves = await app.execute('return window.__moves');
  const frames = await app.execute('return window.__frames');
  console.log(`dragging a note across a ${NOTES}-note board, pointer move to the next frame: ${stats(moves.map((m) => m[1]))}`);
  console.log(`  while carrying it (from the 3rd move of each drag): ${stats(moves.filter((m) => m[0] > 2).map((m) => m[1]))}`);
  console.log(`  picking it up (the first 2 moves of each drag): ${stats(moves.filter((m) => m[0] <= 2).map((m) => m[1]))}`);
  console.log(`dragging, frame intervals (16.7 ms at 60 Hz): ${stats(frames)}`);
} finally {
  await app.end();
  await driver.stop();
}
