// The 1,000-node why-tree in the real app (WebKitGTK under Xvfb): how long
// the outline and the diagram take to load and draw, and how long a key
// press in a cause takes. A benchmark, not a test: it prints figures and
// asserts nothing, because these machines are noisy. Run with `make bench-ui`
// (after `make app`).

import { join } from 'node:path';
import { Driver, screenshot, tempDir } from '../app.mjs';
import { generate, stats, timeKeys } from './common.mjs';

const NODES = Number(process.env.ROOTWISE_BENCH_TREE ?? 1000);
const RUNS = Number(process.env.ROOTWISE_BENCH_RUNS ?? 7);
/** The cause typed into: one in the middle of the outline (its place among the rows, from 0). */
const MIDDLE = Math.floor(NODES / 2);

const workspace = join(tempDir('rootwise-bench-'), 'tree.db');
const id = generate(['--tree', String(NODES)], workspace, /analysis (\S+) to/);

const driver = await Driver.start();
const app = await driver.launch(workspace);
try {
  // Outline: from navigation to the first frame with the screen filled with rows (the
  // outline is virtualised: only the rows on screen, and a few beyond, are in the page).
  const outline = [];
  let inPage = 0;
  for (let i = 0; i < RUNS; i++) {
    await app.execute('window.location.hash = "#/problems"');
    await app.find('[data-testid="problem-row"], [data-testid="problem-list"]');
    const [ms, count] = await app.cmd('POST', '/execute/async', {
      script: `const [id, n, done] = arguments;
        const t0 = performance.now();
        window.location.hash = '#/analyses/' + id;
        const filled = () => {
          const items = document.querySelectorAll('[role="treeitem"]');
          const last = items[items.length - 1];
          return items.length >= n || (last !== undefined && last.getBoundingClientRect().bottom >= window.innerHeight);
        };
        const tick = () => filled()
          ? requestAnimationFrame(() => done([performance.now() - t0, document.querySelectorAll('[role="treeitem"]').length]))
          : requestAnimationFrame(tick);
        tick();`,
      args: [id, NODES],
    });
    outline.push(ms);
    inPage = count;
  }
  console.log(`outline of ${NODES} causes, navigation to first frame with the screen filled (${inPage} rows in the page): ${stats(outline)}`);

  // Typing: scroll the middle cause into view as a person would (the page scrolls in
  // steps until its row is rendered), click it, then time each key press: from
  // keydown to React's commit, and to the next frame.
  const reached = await app.cmd('POST', '/execute/async', {
    script: `const [middle, done] = arguments;
      const tree = document.querySelector('[role="tree"]');
      let scroller = tree.parentElement;
      while (scroller !== null && !/(auto|scroll)/.test(getComputedStyle(scroller).overflowY)) scroller = scroller.parentElement;
      scroller = scroller ?? document.scrollingElement;
      let tries = 0;
      const step = () => {
        const row = document.querySelector('[role="treeitem"][data-index="' + middle + '"]');
        if (row !== null) {
          row.scrollIntoView({ block: 'center' });
          requestAnimationFrame(() => requestAnimationFrame(() => done(row.getAttribute('aria-label'))));
          return;
        }
        if (++tries > 50) return done(null);
        const items = [...document.querySelectorAll('[role="treeitem"]')];
        const near = items.reduce((a, b) => Math.abs(b.dataset.index - middle) < Math.abs(a.dataset.index - middle) ? b : a);
        const rowHeight = near.getBoundingClientRect().height;
        scroller.scrollTop += (middle - Number(near.dataset.index)) * rowHeight;
        requestAnimationFrame(() => requestAnimationFrame(step));
      };
      step();`,
    args: [MIDDLE],
  });
  if (reached === null) throw new Error(`could not scroll to row ${MIDDLE}`);
  const field = await app.find(`[role="treeitem"][data-index="${MIDDLE}"] [data-testid="outline-text"]`);
  await field.click();
  const keys = await timeKeys(app, ' and the queue grows at night');
  console.log(`typing in a cause of a ${NODES}-cause outline, keydown to commit: ${stats(keys.map((k) => k[0]))}`);
  console.log(`typing, keydown to the next frame: ${stats(keys.map((k) => k[1]))}`);

  // Diagram: the view's own figure, from its first render to the first frame drawn.
  const diagram = [];
  for (let i = 0; i < RUNS; i++) {
    await app.execute('window.location.hash = "#/problems"');
    await app.find('[data-testid="problem-row"], [data-testid="problem-list"]');
    await app.execute(`window.location.hash = '#/analyses/${id}?view=diagram'`);
    const el = await app.find('[data-diagram][data-render-ms]', 60000);
    diagram.push(Number(await el.attribute('data-render-ms')));
  }
  console.log(`diagram of ${NODES} causes, laid out and first frame drawn: ${stats(diagram)}`);
  await app.execute('document.querySelector("[data-diagram]").scrollIntoView({ block: "start" })');
  await screenshot(`bench-diagram-${NODES}`);
} finally {
  await app.end();
  await driver.stop();
}
