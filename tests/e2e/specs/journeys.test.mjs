// Journey maps as a facilitator builds one, in English and then in Arabic:
// a map made with the usual stages, touchpoints with emotions, lane cards,
// a stage moved by its buttons and one deleted with its touchpoints once
// confirmed; an opportunity card made a corrective action on a problem,
// and a future map made from the current one; a persona on the map; the
// journey runs right to left in Arabic, the page itself never scrolls
// sideways. Screenshots in target/e2e/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Driver, screenshot, shotsDir, tempDir } from '../app.mjs';
import { pageScroll } from '../layout.mjs';
import { Key } from '../webdriver.mjs';

let driver;
let app;
const workspace = join(tempDir(), 'journeys.db');

before(async () => {
  driver = await Driver.start();
  app = await driver.launch(workspace);
});

after(async () => {
  await app?.end();
  await driver?.stop();
});

async function go(hash) {
  await app.execute(`window.location.hash = ${JSON.stringify(hash)}`);
}

async function nth(selector, index) {
  return app.waitFor(async () => (await app.findAll(selector))[index], `${selector} #${index}`);
}

async function typeLine(selector, index, text) {
  const el = await nth(selector, index);
  await app.execute('arguments[0].scrollIntoView({ block: "center", inline: "center" })', [el.ref()]);
  await el.click();
  await el.type(text);
  await el.type(Key.Enter);
}

async function choose(el, value) {
  await app.execute(
    `const [el, value] = arguments;
     el.scrollIntoView({ block: 'center', inline: 'center' });
     el.value = value;
     el.dispatchEvent(new Event('change', { bubbles: true }));`,
    [el.ref(), value],
  );
}

/** Exports the map through its menu and answers the file written, once it is there. */
async function exportMap(format, fileName) {
  const file = join(driver.exportsDir, fileName);
  const since = existsSync(file) ? statSync(file).mtimeMs : 0;
  await (await app.find('[data-testid="journey-export"]')).click();
  await (await app.find(`[data-testid="journey-export-${format}"]`)).click();
  await app.waitFor(async () => existsSync(file) && statSync(file).mtimeMs > since, `the ${format} file`, 30000);
  await app.findWithText('[data-testid="journey-export-saved"]', fileName);
  return file;
}

/** Checks a PNG export is a real picture of `width` CSS pixels or more, and keeps a copy to look at. */
function checkPng(file, name) {
  const png = readFileSync(file);
  assert.deepEqual([...png.subarray(1, 4)], [...Buffer.from('PNG')], 'a real PNG');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  assert.ok(width > 1000 && height > 600, `the PNG is ${width}×${height}`);
  assert.ok(png.length > 20000, `the PNG has a picture in it (${png.length} bytes)`);
  copyFileSync(file, join(shotsDir, `${name}.png`));
}

function stageNames() {
  return app.execute(`return [...document.querySelectorAll('[data-testid="stage-name"]')].map((s) => s.textContent)`);
}

async function createMap(name) {
  await go('#/journeys');
  const input = await app.find('[data-testid="journey-name"]');
  await input.click();
  await input.type(name);
  await (await app.find('[data-testid="journey-create"]')).click();
  await app.find('[data-testid="journey-grid"]');
}

test('a map with the usual stages, touchpoints, emotions and cards, edited in place', async () => {
  await go('#/problems');
  const title = await app.find('[data-testid="new-problem-title"]');
  await title.click();
  await title.type('The SMS code arrives after it has expired');
  await title.type(Key.Enter);
  await app.findWithText('[data-testid="problem-title"]', 'The SMS code arrives after it has expired');
  await createMap('Online order');
  assert.deepEqual(await stageNames(), [
    'Awareness',
    'Consideration',
    'Purchase',
    'Onboarding',
    'Use and service',
    'Loyalty and advocacy',
  ]);
  await typeLine('[data-testid="touchpoint-add"]', 2, 'Checkout page');
  await typeLine('[data-testid="touchpoint-add"]', 2, 'Payment SMS code');
  await app.waitFor(async () => (await app.findAll('[data-testid="journey-touchpoint"]')).length === 2, 'two touchpoints');
  const emotion = await nth('[data-testid="touchpoint-emotionCurrent"]', 1);
  await choose(emotion, '-2');
  await app.waitFor(
    async () => (await (await nth('[data-testid="touchpoint-emotionCurrent"]', 1)).property('value')) === '-2',
    'the emotion kept',
  );
  await choose(await nth('[data-testid="touchpoint-emotionCurrent"]', 0), '1');
  await choose(await nth('[data-testid="touchpoint-emotionTarget"]', 1), '1');
  // The curve: both touchpoints' dots under their stage's column, the
  // happier one higher, the target drawn too.
  await app.waitFor(
    async () =>
      (await app.findAll('[data-testid="curve-current"]')).length === 2 &&
      (await app.findAll('[data-testid="curve-target"]')).length === 1,
    'two dots on the emotion curve and one target',
  );
  const curve = await app.execute(
    `const col = document.querySelectorAll('[data-testid="journey-stage"]')[2].getBoundingClientRect();
     const dots = [...document.querySelectorAll('[data-testid="curve-current"]')].map((d) => d.getBoundingClientRect());
     const target = document.querySelectorAll('[data-testid="curve-target"]').length;
     return { left: col.left, right: col.right, xs: dots.map((d) => d.left + d.width / 2), ys: dots.map((d) => d.top), target };`,
  );
  assert.ok(curve.xs.every((x) => x > curve.left && x < curve.right), JSON.stringify(curve));
  assert.ok(curve.xs[0] < curve.xs[1] && curve.ys[0] < curve.ys[1], JSON.stringify(curve));
  assert.equal(curve.target, 1);
  // The problem customers report sits at the SMS touchpoint: the pain shows there.
  await (await nth('[data-testid="touchpoint-problems-toggle"]', 1)).click();
  await (await app.find('[data-testid="touchpoint-link-problem"]')).click();
  const search = await app.find('[data-testid="touchpoint-problem-search"]');
  await search.type('SMS');
  await (await app.find('[data-testid="touchpoint-problem-option"]')).click();
  await app.findWithText('[data-testid="touchpoint-problem"]', 'The SMS code arrives after it has expired');
  await app.waitFor(
    async () => (await (await nth('[data-testid="touchpoint-pain"]', 1)).textContent()).includes('1 problem'),
    'the pain overlay to count the problem',
  );
  assert.match(await (await nth('[data-testid="touchpoint-pain"]', 1)).textContent(), /1 report/);
  // Where it hurts most: the SMS touchpoint ranks, with its problem a click away.
  await app.execute('document.querySelector(\'[data-testid="pain-ranking"]\').open = true');
  await app.findWithText('[data-testid="pain-ranked-name"]', 'Payment SMS code');
  assert.equal((await app.findAll('[data-testid="pain-ranked"]')).length, 1, 'only touchpoints with problems rank');
  await (await app.find('[data-testid="pain-ranked-toggle"]')).click();
  await app.findWithText('[data-testid="pain-ranked-problems"] a', 'The SMS code arrives after it has expired');
  await typeLine('[data-testid="card-add-obstacles"]', 2, 'The code arrives after it expires');
  await typeLine('[data-testid="card-add-opportunities"]', 2, 'Offer a voice call when the SMS is late');
  await app.findWithText('[data-testid="journey-card-item"]', 'The code arrives after it expires');
  // The opportunity becomes a corrective action on the SMS problem; the card remembers it.
  await (await app.find('[data-testid="opportunity-make"]')).click();
  await (await app.find('[data-testid="opportunity-problem-search"]')).type('SMS');
  await (await app.find('[data-testid="opportunity-problem-option"]')).click();
  await app.findWithText('[data-testid="opportunity-for"]', 'The SMS code arrives after it has expired');
  assert.equal(
    await (await app.find('[data-testid="opportunity-action-title"]')).property('value'),
    'Offer a voice call when the SMS is late',
  );
  await (await app.find('[data-testid="opportunity-action-save"]')).click();
  await app.findWithText('[data-testid="opportunity-became"]', 'Became an action');
  // The later touchpoint moves first, by its button.
  await (await nth('[data-testid="touchpoint-earlier"]', 1)).click();
  await app.waitFor(
    async () =>
      (await app.execute(`return document.querySelector('[data-testid="touchpoint-name"]').textContent`)) ===
      'Payment SMS code',
    'the touchpoint moved',
  );
  // Dragged with the pointer: Checkout page back before the SMS code (its
  // problem list closed first, so both fit on the screen)…
  await (await nth('[data-testid="touchpoint-problems-toggle"]', 0)).click();
  await app.waitFor(async () => (await app.findAll('[data-testid="touchpoint-problems"]')).length === 0, 'the list closed');
  // Held by its name (a press in one of its fields selects, never drags).
  const grabbed = await app.findWithText('[data-testid="touchpoint-name"]', 'Checkout page');
  const dropOn = await app.findWithText('[data-testid="touchpoint-name"]', 'Payment SMS code');
  // Both names well inside the window, clear of the edges where a drag scrolls the page.
  await app.execute(
    `const el = arguments[0];
     el.scrollIntoView({ block: 'start', inline: 'center' });
     let box = el.parentElement;
     while (box && !(box.scrollHeight > box.clientHeight && getComputedStyle(box).overflowY !== 'visible')) box = box.parentElement;
     (box ?? document.scrollingElement).scrollTop -= 200;`,
    [dropOn.ref()],
  );
  const boxes = await app.execute(
    'return [arguments[0], arguments[1]].map((e) => { const r = e.getBoundingClientRect(); return [r.top, r.bottom]; })',
    [grabbed.ref(), dropOn.ref()],
  );
  assert.ok(boxes.every(([top]) => top > 100 && top < 700), JSON.stringify(boxes));
  await app.drag(grabbed, dropOn);
  await app.waitFor(
    async () =>
      (await app.execute(`return document.querySelector('[data-testid="touchpoint-name"]').textContent`)) ===
      'Checkout page',
    'the touchpoint dragged first',
  );
  // …and the obstacle card to the next stage's obstacles (Onboarding).
  const card = await app.findWithText('[data-testid="journey-card-item"]', 'The code arrives after it expires');
  const cell = await nth('[data-testid="cell-obstacles"]', 3);
  await app.execute('arguments[0].scrollIntoView({ block: "center", inline: "center" })', [cell.ref()]);
  await app.drag(card, cell);
  await app.waitFor(
    async () =>
      (await app.execute(
        `return document.querySelectorAll('[data-testid="cell-obstacles"]')[3].textContent`,
      )).includes('The code arrives after it expires'),
    'the card dragged to Onboarding',
  );
  // Consideration moves before Awareness.
  const earlier = await nth('[data-testid="stage-earlier"]', 1);
  await app.execute('arguments[0].scrollIntoView({ block: "center", inline: "center" })', [earlier.ref()]);
  await earlier.click();
  await app.waitFor(async () => (await stageNames())[0] === 'Consideration', 'the stage moved');
  assert.deepEqual(await pageScroll(app), []);
  await screenshot('en-journey-map');

  // Stages far out of view are drawn as they scroll near: scrolled to the end, the last one has its cells.
  await app.execute(`const s = document.querySelector('.journey-scroll'); s.scrollLeft = s.scrollWidth;`);
  await app.waitFor(
    async () => (await app.execute(`return document.querySelectorAll('[data-stage-index="5"]').length`)) === 8,
    'the last stage drawn (its touchpoints and seven lanes)',
  );
  await app.execute(`document.querySelector('.journey-scroll').scrollLeft = 0;`);

  // The export menu's button lines up with its neighbours in the header.
  const [reviewedBox, exportBox] = await app.execute(
    `return ['journey-reviewed', 'journey-export'].map((id) => {
       const r = document.querySelector('[data-testid="' + id + '"]').getBoundingClientRect();
       return [Math.round(r.top), Math.round(r.bottom)];
     });`,
  );
  assert.deepEqual(exportBox, reviewedBox, 'the Export button is as tall as Mark as reviewed, on the same line');

  // The map's content as Markdown, read back from disk.
  const md = readFileSync(await exportMap('md', 'Online order.md'), 'utf8');
  assert.match(md, /^# Online order/m);
  for (const text of ['Consideration', 'Payment SMS code', 'The code arrives after it expires', 'Obstacles'])
    assert.ok(md.includes(text), `${text} in the Markdown`);
  // The map as pictures: the SVG holds the map's words as text, stages in order, left to right.
  const svg = readFileSync(await exportMap('svg', 'Online order.svg'), 'utf8');
  assert.match(svg, /^<\?xml[^]*<svg [^]*<title>Online order<\/title>/);
  const xOf = (text) => Number(svg.match(new RegExp(`<text x="([\\d.]+)"[^>]*>${text}</text>`))?.[1]);
  for (const text of ['Consideration', 'Awareness', 'Payment SMS code', 'Obstacles'])
    assert.ok(svg.includes(`>${text}</text>`), `${text} in the SVG`);
  assert.ok(xOf('Consideration') < xOf('Awareness'), 'Consideration first, at the left');
  checkPng(await exportMap('png', 'Online order.png'), 'en-journey-export');

  // Purchase has touchpoints: deleting it asks first, then both go.
  await (await nth('[data-testid="stage-delete"]', 2)).click();
  const dialog = await app.find('[data-testid="stage-delete-dialog"]');
  assert.match(await dialog.textContent(), /has 2 touchpoints/);
  await (await app.find('[data-testid="stage-delete-confirm"]')).click();
  await app.waitFor(async () => !(await stageNames()).includes('Purchase'), 'the stage gone');
  assert.equal((await app.findAll('[data-testid="journey-touchpoint"]')).length, 0);
  // Both come back from the trash together.
  await go('#/trash');
  await app.findWithText('[data-testid="trash-row"]', 'Purchase');
  // The action the opportunity became is on the actions list, for the SMS problem.
  await go('#/actions');
  const row = await app.findWithText('[data-testid="action-row"]', 'Offer a voice call when the SMS is late');
  assert.match(await row.textContent(), /The SMS code arrives after it has expired/);

  // A future map made from this one: the same stages, and a way back.
  await go('#/journeys');
  await (await app.findWithText('[data-testid="journey-card"] a', 'Online order')).click();
  await (await app.find('[data-testid="journey-future"]')).click();
  const futureName = await app.find('[data-testid="journey-future-name"]');
  assert.equal(await futureName.property('value'), 'Online order (future)');
  const before = await stageNames();
  await (await app.find('[data-testid="journey-future-create"]')).click();
  await app.findWithText('[data-testid="journey-made-from"]', 'Online order');
  await app.findWithText('h1', 'Online order (future)');
  assert.deepEqual(await stageNames(), before);
  assert.equal((await app.findAll('[data-testid="journey-future"]')).length, 0, 'no future map of a future map');
  await screenshot('en-journey-future');
});

test('in Arabic: the usual stages in Arabic, the journey runs right to left', async () => {
  await go('#/settings');
  await (await app.find('[data-testid="language-ar"]')).click();
  await app.waitFor(async () => (await app.execute('return document.documentElement.dir')) === 'rtl', 'rtl');
  // A persona first, to put on the map.
  await go('#/personas');
  await (await app.find('[data-testid="persona-new"]')).click();
  await (await app.find('[data-testid="persona-new-name"]')).type('ليلى، عميلة جديدة');
  await (await app.find('[data-testid="persona-create"]')).click();
  await app.find('[data-testid="persona-detail"]');
  await (await app.find('[data-testid="quote-text"]')).type('لماذا يطلبون صورة الهوية مرتين؟');
  await (await app.find('[data-testid="quote-save"]')).click();
  await app.findWithText('[data-testid="quote-item"]', 'لماذا يطلبون صورة الهوية مرتين؟');
  await createMap('رحلة فتح حساب');
  const names = await stageNames();
  assert.equal(names.length, 6);
  assert.ok(names.every((n) => /[\u0600-\u06ff]/.test(n)), names.join(' | '));
  // The first stage sits to the right of the second.
  const [first, second] = await app.execute(
    `return [...document.querySelectorAll('[data-testid="journey-stage"]')].slice(0, 2).map((s) => s.getBoundingClientRect().left)`,
  );
  assert.ok(first > second, `first stage at x ${first}, second at ${second}`);
  await typeLine('[data-testid="touchpoint-add"]', 0, 'إعلان على وسائل التواصل');
  await typeLine('[data-testid="touchpoint-add"]', 1, 'مقارنة العروض');
  await app.waitFor(async () => (await app.findAll('[data-testid="journey-touchpoint"]')).length === 2, 'two touchpoints');
  await choose(await nth('[data-testid="touchpoint-emotionCurrent"]', 0), '2');
  await choose(await nth('[data-testid="touchpoint-emotionCurrent"]', 1), '-1');
  await app.waitFor(
    async () => (await app.findAll('[data-testid="curve-current"]')).length === 2,
    'two dots on the emotion curve',
  );
  // The curve runs right to left too: the first stage's dot on the right, under it.
  const [a, b, col] = await app.execute(
    `const dots = [...document.querySelectorAll('[data-testid="curve-current"]')].map((d) => d.getBoundingClientRect().left);
     const c = document.querySelector('[data-testid="journey-stage"]').getBoundingClientRect();
     return [dots[0], dots[1], [c.left, c.right]];`,
  );
  assert.ok(a > b && a > col[0] && a < col[1], `dots at ${a}, ${b}; first stage ${col}`);
  await typeLine('[data-testid="card-add-thoughts"]', 0, 'هل هذا البنك موثوق؟');
  await app.findWithText('[data-testid="journey-card-item"]', 'هل هذا البنك موثوق؟');
  // A card's text edited in place (Arabic typed into an Arabic map), Ctrl+Enter saves.
  await (await app.find('[data-testid="journey-card-text"]')).click();
  const editor = await app.find('[data-testid="journey-card-edit"]');
  await editor.type(' حقًا');
  await app.chord(Key.Control, Key.Enter);
  await app.findWithText('[data-testid="journey-card-text"]', 'هل هذا البنك موثوق؟ حقًا');
  // Her words pinned to the first touchpoint, with her name.
  await (await nth('[data-testid="touchpoint-pin"]', 0)).click();
  const from = await app.find('[data-testid="pin-from"]');
  await choose(from, await app.execute('return arguments[0].options[1].value', [from.ref()]));
  await (await app.find('[data-testid="pin-quote-choice"]')).click();
  const pinned = await app.findWithText('[data-testid="pinned-quote"]', 'لماذا يطلبون صورة الهوية مرتين؟');
  assert.match(await pinned.textContent(), /ليلى، عميلة جديدة/);
  await (await app.find('[data-testid="pin-done"]')).click();
  // The persona joins the map, its name a way to its page.
  const add = await app.find('[data-testid="journey-persona-add"]');
  const persona = await app.execute('return arguments[0].options[1].value', [add.ref()]);
  await choose(add, persona);
  const chip = await app.findWithText('[data-testid="journey-persona"] a', 'ليلى، عميلة جديدة');
  assert.match(await chip.property('href'), new RegExp(`#/personas/${persona}$`));
  // The settings read right to left: the personas label sits at the right.
  const sides = await app.execute(
    `const box = document.querySelector('[data-testid="journey-settings"]').getBoundingClientRect();
     const label = document.querySelector('.journey-personas .journey-settings-label').getBoundingClientRect();
     return { box: [box.left, box.right], label: [label.left, label.right] };`,
  );
  assert.ok(sides.label[1] > sides.box[1] - 40, JSON.stringify(sides));
  // The review period's label and its choice share a line.
  const period = await app.execute(
    `const [label, select] = [...document.querySelectorAll('.journey-review-period > *')].map((e) => e.getBoundingClientRect());
     return { label: [label.top, label.bottom], select: [select.top, select.bottom] };`,
  );
  assert.ok(period.label[0] < period.select[1] && period.select[0] < period.label[1], JSON.stringify(period));
  assert.deepEqual(await pageScroll(app), []);
  await screenshot('ar-journey-map');
  // The exported picture runs right to left too: the first stage at the right.
  const arSvg = readFileSync(await exportMap('svg', 'رحلة فتح حساب.svg'), 'utf8');
  const arX = (text) => Number(arSvg.match(new RegExp(`<text x="([\\d.]+)"[^>]*>${text}</text>`))?.[1]);
  const arStages = names.slice(0, 2);
  assert.ok(arX(arStages[0]) > arX(arStages[1]), `${arStages.join(' then ')} from the right`);
  assert.match(arSvg, /direction="rtl"[^>]*>هل هذا البنك موثوق؟ حقًا<\/text>/);
  checkPng(await exportMap('png', 'رحلة فتح حساب.png'), 'ar-journey-export');
  await go('#/journeys');
  await app.findWithText('[data-testid="journey-card"]', 'رحلة فتح حساب');
  await screenshot('ar-journeys');
  await go('#/settings');
  await (await app.find('[data-testid="language-en"]')).click();
});

/** Runs the shell command `name` from the page, as the UI's api layer does, and answers its result. */
async function invoke(name, args) {
  return app.cmd('POST', '/execute/async', {
    script: `const [name, args, done] = arguments;
      window.__TAURI_INTERNALS__.invoke(name, args).then(done, (e) => done({ failed: e }));`,
    args: [name, args],
  });
}

test('a big map draws what the window shows first, and the rest as it scrolls near', async () => {
  // Three stages of nine touchpoints, each stage with cards in every lane:
  // far taller than the window.
  const map = await invoke('journey_create', { input: { name: 'Contract renewal', startingStages: 'en' } });
  const grid = await invoke('journey_grid', { id: map.id });
  const stages = grid.stages.slice(0, 3).map((s) => s.stage.id);
  for (const [s, stageId] of stages.entries()) {
    for (let i = 1; i <= 9; i++) {
      await invoke('touchpoint_add', { input: { stageId, name: `Step ${s + 1}.${i}`, emotionCurrent: (i % 5) - 2 } });
    }
    for (const lane of grid.lanes) {
      await invoke('card_add', { stageId, lane, text: `A ${lane} card of stage ${s + 1}` });
    }
  }
  await go(`#/journeys/${map.id}`);
  await app.findWithText('[data-testid="touchpoint-name"]', 'Step 1.1');
  const state = () =>
    app.execute(
      `const cell = document.querySelector('[data-testid="journey-grid"] [data-stage-index="0"]');
       return {
         touchpoints: cell.querySelectorAll('[data-testid="journey-touchpoint"]').length,
         more: cell.querySelector('[data-testid="touchpoint-more"]')?.textContent ?? null,
         cards: document.querySelectorAll('[data-testid="cell-actions"] [data-testid="journey-card-item"]').length,
       };`,
    );
  // The touchpoints the window shows and some more (4 at 800 px, 5 at 1080), the rest under a
  // placeholder that starts below the window; the lanes far below wait.
  const first = await state();
  assert.ok(first.touchpoints >= 4 && first.touchpoints < 9, JSON.stringify(first));
  assert.deepEqual(first, {
    touchpoints: first.touchpoints,
    more: `Show ${9 - first.touchpoints} more touchpoints`,
    cards: 0,
  });
  const below = await app.execute(
    `return document.querySelector('[data-testid="touchpoint-more"]').getBoundingClientRect().top - innerHeight`,
  );
  assert.ok(below > 0, `the placeholder starts ${below} px below the window's bottom`);
  // The placeholder keeps about the room of what it stands for: the lanes start below where the
  // touchpoints will end, so drawing them later moves nothing in view.
  const room = await app.execute(
    `const more = document.querySelector('[data-testid="touchpoint-more"]').getBoundingClientRect();
     const box = document.querySelector('[data-testid="journey-touchpoint"]').getBoundingClientRect();
     return { more: more.height, five: 5 * box.height };`,
  );
  assert.ok(room.more > 0.7 * room.five && room.more < 1.3 * room.five, JSON.stringify(room));
  await screenshot('en-journey-big-top');
  // Scrolled down, the rest of the touchpoints are drawn, then the lanes' cards.
  await app.execute(`document.querySelector('[data-testid="touchpoint-more"]').scrollIntoView({ block: 'start' })`);
  await app.waitFor(async () => (await state()).touchpoints === 9, 'the stage\'s other touchpoints drawn');
  await app.execute(`document.querySelector('[data-testid="cell-actions"]').scrollIntoView({ block: 'center' })`);
  await app.waitFor(async () => (await state()).cards === 3, 'the cards of the stages drawn');
  // Drawn in place: no touchpoint paints over the lane below, no stage's cells overlap.
  const overlaps = await app.execute(
    `const last = [...document.querySelectorAll('[data-stage-index="0"] [data-testid="journey-touchpoint"]')].pop().getBoundingClientRect();
     const lane = document.querySelector('[data-testid="cell-actions"]').getBoundingClientRect();
     return last.bottom <= lane.top ? [] : [[last.bottom, lane.top]];`,
  );
  assert.deepEqual(overlaps, []);
  assert.deepEqual(await pageScroll(app), []);
  await screenshot('en-journey-big-lanes');
  // In Arabic the placeholder speaks Arabic and the button reaches the rest by keyboard.
  await go('#/settings');
  await (await app.find('[data-testid="language-ar"]')).click();
  await app.waitFor(async () => (await app.execute('return document.documentElement.dir')) === 'rtl', 'rtl');
  await go(`#/journeys/${map.id}`);
  await app.findWithText('[data-testid="touchpoint-name"]', 'Step 1.1');
  // Another screen opens at its top, not where the map was scrolled to before.
  assert.equal(await app.execute(`return document.querySelector('[data-testid="main"]').scrollTop`), 0);
  const more = await app.findWithText(
    '[data-testid="touchpoint-more"]',
    `اعرض ${9 - first.touchpoints} نقاط تواصل أخرى`,
  );
  await screenshot('ar-journey-big-top');
  await app.execute(`arguments[0].querySelector('button').focus()`, [more.ref()]);
  await app.keys(Key.Enter);
  await app.waitFor(async () => (await state()).touchpoints === 9, 'the other touchpoints drawn by the button');
  await go('#/settings');
  await (await app.find('[data-testid="language-en"]')).click();
});
