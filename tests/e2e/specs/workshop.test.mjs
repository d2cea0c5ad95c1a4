// An empathy-map workshop as a facilitator runs it, in English and then in
// Arabic: a persona built from sourced quotes (a ticket quote refused
// without its reference, a picture refused when it is not one), linked to
// a problem; a board filled by keyboard and double-click, a note moved by
// keyboard and dragged, linked to a problem and to a why node (and seen
// from the cause); a timed private-writing round in workshop mode, the
// reveal, a dot vote with its sorted results; the map's PNG and Markdown.
// Screenshots in target/e2e/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { Driver, screenshot, tempDir } from '../app.mjs';
import { Key } from '../webdriver.mjs';
import { boardProblems } from '../layout.mjs';

let driver;
let app;
const workspace = join(tempDir(), 'workshop.db');
const SMS_PROBLEM = 'لا يصل رمز التحقق برسالة نصية عند تسجيل الدخول';
const SMS_ANALYSIS = 'لماذا لا يصل رمز التحقق؟';
const SMS_ROOT = 'اسم المرسل غير مسجَّل لدى هذا المشغّل';
const PERSONA = 'Omar, runs a small online shop';
const TICKET_QUOTE = 'I requested the code four times and gave up';
const MAP = 'Login workshop with the support team';

before(async () => {
  driver = await Driver.start();
  app = await driver.launch(workspace);
});

after(async () => {
  await app?.end();
  await driver?.stop();
});

/** A real PNG of `width`×`height` pixels (one colour). */
function png(width, height) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x5a)]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function go(hash) {
  await app.execute(`window.location.hash = ${JSON.stringify(hash)}`);
}

async function clickOn(selector) {
  const el = await app.find(selector);
  await app.execute('arguments[0].scrollIntoView({ block: "center" })', [el.ref()]);
  await el.click();
}

async function clickText(selector, text) {
  const el = await app.findWithText(selector, text);
  await app.execute('arguments[0].scrollIntoView({ block: "center" })', [el.ref()]);
  await el.click();
}

/** Chooses the option of a <select> whose text contains `text` (or whose value is `value`), as a person would. */
async function choose(selector, { text, value }) {
  const el = await app.find(selector);
  await app.waitFor(
    () =>
      app.execute(
        `const [el, text, value] = arguments;
         const o = [...el.options].find((o) => (value !== null && o.value === value) || (text !== null && o.textContent.includes(text)));
         if (o === undefined) return false;
         el.scrollIntoView({ block: 'center' });
         el.focus();
         const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set;
         setter.call(el, o.value);
         el.dispatchEvent(new Event('change', { bubbles: true }));
         return true;`,
        [el.ref(), text ?? null, value ?? null],
      ),
    `the option ${text ?? value} in ${selector}`,
  );
}

/** The notes on the board, as the page shows them. */
async function notes() {
  return app.execute(
    `return [...document.querySelectorAll('[data-testid="note-card"]')].map((n) => ({
       id: n.dataset.noteId, area: n.dataset.area, hidden: n.dataset.hidden === 'true',
       text: n.textContent, votes: Number(n.querySelector('[data-testid="note-votes"]')?.dataset.votes ?? 0) }))`,
  );
}

async function noteWith(text) {
  return app.waitFor(async () => (await notes()).find((n) => n.text.includes(text)), `the note "${text}"`);
}

/** Adds a note to `area` through its add button: type, Enter, then Escape closes the editor. */
async function addNote(area, text) {
  await clickOn(`[data-testid="empathy-add-${area}"]`);
  const editor = await app.find('[data-testid="note-editor"]');
  await editor.type(text);
  await editor.type(Key.Enter);
  await noteWith(text);
  await app.keys(Key.Escape);
  await app.waitFor(async () => (await app.findAll('[data-testid="note-editor"]')).length === 0, 'the editor to close');
}

/** Double-clicks the empty space at the end of an area, with the real pointer. */
async function doubleClickArea(area) {
  const el = await app.find(`[data-testid="empathy-area-${area}"]`);
  const [x, y] = await app.execute(
    `const r = arguments[0].getBoundingClientRect();
     arguments[0].scrollIntoView({ block: 'center' });
     const s = arguments[0].getBoundingClientRect();
     return [Math.round(s.left + s.width / 2), Math.round(s.bottom - 12)];`,
    [el.ref()],
  );
  const click = [
    { type: 'pointerDown', button: 0 },
    { type: 'pointerUp', button: 0 },
  ];
  await app.cmd('POST', '/actions', {
    actions: [
      {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [{ type: 'pointerMove', duration: 0, x, y }, ...click, ...click],
      },
    ],
  });
  await app.cmd('DELETE', '/actions');
}

async function focusNote(id) {
  const el = await app.find(`[data-testid="note-card"][data-note-id="${id}"]`);
  await app.execute('arguments[0].scrollIntoView({ block: "center" }); arguments[0].focus()', [el.ref()]);
  return el;
}

function exported(extension) {
  return readdirSync(driver.exportsDir)
    .filter((f) => f.endsWith(extension))
    .map((f) => join(driver.exportsDir, f));
}

test('a persona is built from sourced quotes, with a checked picture, and linked to a problem', async () => {
  await (await app.find('[data-testid="sample-load"]')).click();
  await app.find('[data-testid="problem-title"]');
  await go('#/personas');
  // The sample persona is there, with its lead quote.
  await app.find('[data-testid="persona-card"]');
  await clickOn('[data-testid="persona-new"]');
  await (await app.find('[data-testid="persona-new-name"]')).type(PERSONA);
  await clickOn('[data-testid="persona-create"]');
  await app.find('[data-testid="persona-detail"]');
  await app.waitFor(
    () => app.execute('return document.querySelector(\'[data-testid="persona-name"]\')?.value ?? document.querySelector(\'[data-testid="persona-name"]\')?.textContent'),
    'the name',
  );

  // A ticket quote without its reference is refused beside the field; the words stay.
  await (await app.find('[data-testid="quote-text"]')).type(TICKET_QUOTE);
  await choose('[data-testid="quote-source"]', { value: 'support_ticket' });
  await clickOn('[data-testid="quote-save"]');
  await app.find('[data-testid="quote-reference-error"]');
  assert.equal(await (await app.find('[data-testid="quote-text"]')).property('value'), TICKET_QUOTE);
  await (await app.find('[data-testid="quote-reference"]')).type('TCK-5120');
  await clickOn('[data-testid="quote-save"]');
  const quote = await app.findWithText('[data-testid="quote-item"]', TICKET_QUOTE);
  assert.match(await quote.textContent(), /TCK-5120/);
  await (await app.find('[data-testid="quote-text"]')).type('Shipping labels take longer than packing the order');
  await choose('[data-testid="quote-source"]', { value: 'interview' });
  await clickOn('[data-testid="quote-save"]');
  await app.waitFor(async () => (await app.findAll('[data-testid="quote-item"]')).length === 2, 'two quotes');

  // A file that is not a picture is refused; a real PNG is kept.
  writeFileSync(driver.pictureFile, 'this is a text file, not a picture');
  await clickOn('[data-testid="persona-picture-add"]');
  const error = await app.find('[data-testid="persona-picture-error"]');
  assert.match(await error.textContent(), /PNG or JPEG/);
  writeFileSync(driver.pictureFile, png(96, 96));
  await clickOn('[data-testid="persona-picture-add"]');
  await app.find('[data-testid="persona-avatar-picture"]');

  // Linked to the problem that hurts this persona, seen from both sides.
  await clickOn('[data-testid="persona-link-problem"]');
  await (await app.find('[data-testid="persona-problem-search"]')).type('رمز التحقق');
  await clickText('[data-testid="persona-problem-option"]', SMS_PROBLEM);
  await app.findWithText('[data-testid="persona-problem"]', SMS_PROBLEM);
  await app.execute('document.querySelector("[data-testid=persona-detail]").scrollIntoView({ block: "start" })');
  await screenshot('en-persona');

  // The persona's own history names each change with its label, never the raw key.
  await app.findWithText('[data-testid="persona-history-row"]', 'Linked problems');
  await app.findWithText('[data-testid="persona-history-row"]', 'Quotes');
  const personaFields = await app.execute(
    'return [...document.querySelectorAll("[data-testid=persona-history] [data-testid=history-field]")].map((e) => e.textContent)',
  );
  assert.ok(!personaFields.some((f) => /^[a-z]+[A-Z_]?[a-zA-Z_]*$/.test(f)), `no raw keys: ${personaFields}`);
  await app.execute('document.querySelector("[data-testid=persona-history]").scrollIntoView({ block: "start" })');
  await screenshot('en-persona-history');

  await clickOn('[data-testid="persona-export-md"]');
  await app.waitFor(async () => exported('.md').length === 1, 'the Markdown file');
  const md = readFileSync(exported('.md')[0], 'utf8');
  assert.match(md, /^# Omar, runs a small online shop/m);
  assert.ok(md.includes(TICKET_QUOTE) && md.includes('TCK-5120'), md);
  assert.ok(md.includes(SMS_PROBLEM), 'the linked problem');

  await go('#/problems');
  await clickText('[data-testid="problem-title"]', SMS_PROBLEM);
  await app.findWithText('[data-testid="problem-persona"]', 'Omar');
  // The problem's history says "Linked personas", not "personas".
  const linked = await app.findWithText('[data-testid="history-row"]', 'Linked personas');
  assert.ok(!/^\s*personas/.test(await linked.textContent()), 'the field is labelled');
  await app.execute('arguments[0].scrollIntoView({ block: "center" })', [linked.ref()]);
  await screenshot('en-problem-history-persona');
});

let omarNote;

test('a board is filled by keyboard and double-click, a note moved and linked to a problem and a cause', async () => {
  await go('#/empathy');
  await clickOn('[data-testid="map-new"]');
  await choose('[data-testid="map-persona"]', { text: 'Omar' });
  await (await app.find('[data-testid="map-title-input"]')).type(MAP);
  const people = await app.find('[data-testid="map-participants"] input');
  await people.type('Huda');
  await people.type(Key.Enter);
  await people.type('Karim');
  await people.type(Key.Enter);
  await choose('[data-testid="map-problem"]', { text: SMS_PROBLEM });
  await clickOn('[data-testid="map-create"]');
  await app.find('[data-testid="empathy-board"]');
  for (const area of ['says', 'thinks', 'does', 'feels', 'pains', 'gains']) {
    await app.find(`[data-testid="empathy-prompts-${area}"]`);
  }

  // An empty note is refused in place; nothing else changes.
  await clickOn('[data-testid="empathy-add-says"]');
  await (await app.find('[data-testid="note-editor"]')).type(Key.Enter);
  await app.find('[data-testid="note-error"]');
  assert.equal((await notes()).length, 0);
  await app.keys(Key.Escape);

  await addNote('says', '"Where is my code?"');
  await addNote('thinks', 'Maybe my phone is the problem');
  await addNote('does', 'Presses resend again and again');
  await addNote('feels', 'Anxious the order will be lost');
  await addNote('pains', 'No idea how long to wait');
  // Gains by double-click on the area's empty space.
  await doubleClickArea('gains');
  const editor = await app.find('[data-testid="note-editor"]');
  await editor.type('Pay without leaving the app');
  await editor.type(Key.Enter);
  await noteWith('Pay without leaving the app');
  await app.keys(Key.Escape);
  // Every area holds its notes: none paints over the next area, each has room for one whole note.
  assert.deepEqual(await boardProblems(app), [], 'the board with no panel open');

  // Alt+→ moves a note to the area on its right (Says → Thinks).
  const says = await noteWith('Where is my code');
  omarNote = says.id;
  await focusNote(says.id);
  await app.chord(Key.Alt, Key.ArrowRight);
  await app.waitFor(async () => (await noteWith('Where is my code')).area === 'thinks', 'the note in Thinks');
  // A real pointer drag takes it to Says again.
  const card = await focusNote(says.id);
  await app.drag(card, await app.find('[data-testid="empathy-area-says"]'), 16);
  await app.waitFor(async () => (await noteWith('Where is my code')).area === 'says', 'the note back in Says');

  // Linked to the problem and to the root cause, as evidence.
  await (await focusNote(says.id)).click();
  await app.find('[data-testid="note-details"]');
  await choose('[data-testid="note-link-problem"]', { text: SMS_PROBLEM });
  await choose('[data-testid="note-cause-analysis"]', { text: SMS_ANALYSIS });
  await choose('[data-testid="note-cause-pick"]', { text: SMS_ROOT });
  await app.findWithText('[data-testid="note-cause"]', SMS_ROOT);
  await app.find(`[data-testid="note-card"][data-note-id="${says.id}"] [data-testid="note-linked"]`);
  // The details panel narrows the board: the areas grow, their notes stay inside them.
  assert.deepEqual(await boardProblems(app), [], 'the board beside the note details');
  await app.execute('document.querySelector("[data-testid=empathy-board]").scrollIntoView({ block: "start" })');
  await screenshot('en-board');

  await clickOn('[data-testid="board-export-md"]');
  await app.waitFor(async () => exported('.md').length === 2, 'the map\'s Markdown');
  const md = exported('.md')
    .map((f) => readFileSync(f, 'utf8'))
    .find((t) => t.includes(MAP));
  assert.ok(md?.includes('Where is my code') && md.includes('Pay without leaving the app'), md);
  await clickOn('[data-testid="board-export-png"]');
  await app.waitFor(async () => exported('.png').length === 1, 'the map\'s PNG');
  const image = readFileSync(exported('.png')[0]);
  assert.equal(image.subarray(1, 4).toString(), 'PNG');
  assert.ok(image.readUInt32BE(16) >= 800, `a real width: ${image.readUInt32BE(16)}`);

  // From the cause, the note that supports it.
  await go('#/problems');
  await clickText('[data-testid="problem-title"]', SMS_PROBLEM);
  await app.findWithText('[data-testid="problem-note"]', 'Where is my code');
  await go('#/analyses');
  await clickText('a', SMS_ANALYSIS);
  await clickOn(`[role="treeitem"][aria-label="${SMS_ROOT}"] [data-testid="outline-text"]`);
  // Alt+E opens the cause's details, where its supporting notes are listed.
  await app.chord(Key.Alt, 'e');
  await app.findWithText('[data-testid="why-note"]', 'Where is my code');
});

test('workshop mode: a timed private-writing round, the reveal, and a dot vote', async () => {
  await go('#/empathy');
  await clickText('[data-testid="map-row"] a, [data-testid="map-row"]', MAP);
  await clickOn('[data-testid="board-workshop"]');
  await app.find('[data-testid="workshop-frame"]');
  await clickOn('[data-testid="timer-preset-1"]');
  await clickOn('[data-testid="private-start"]');
  await app.find('[data-testid="private-banner"]');
  await app.waitFor(
    async () => (await (await app.find('[data-testid="workshop-timer"]')).attribute('data-status')) === 'running',
    'the timer running',
  );
  await addNote('feels', 'Embarrassed to call support twice');
  await addNote('pains', 'The code expires before it arrives');
  const hidden = (await notes()).filter((n) => n.hidden);
  assert.equal(hidden.length, 2, 'the round\'s notes stay face down');
  assert.ok(!hidden.some((n) => n.text.includes('Embarrassed')), 'their words are not shown');
  assert.match(await (await app.find('[data-testid="private-hidden-count"]')).textContent(), /2/);
  await screenshot('en-workshop-private');
  // The round ends with a gentle signal; the notes stay hidden until revealed.
  await app.find('[data-testid="timer-done"]', 75000);
  assert.equal((await notes()).filter((n) => n.hidden).length, 2);
  await clickOn('[data-testid="private-reveal"]');
  await app.waitFor(async () => (await notes()).every((n) => !n.hidden), 'every note shown');
  await noteWith('The code expires before it arrives');

  // Dot voting: two dots each; a third is refused; results sorted.
  await clickOn('[data-testid="voting-start"]');
  await clickOn('[data-testid="votes-per-person"]');
  await app.execute(
    `const el = document.querySelector('[data-testid="votes-per-person"]');
     const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
     setter.call(el, '2'); el.dispatchEvent(new Event('input', { bubbles: true }));`,
  );
  await clickOn('[data-testid="votes-per-person-save"]');
  const expires = await noteWith('The code expires');
  const where = await noteWith('Where is my code');
  await clickOn('[data-testid="voting-voter-Huda"]');
  await (await focusNote(expires.id)).click();
  await app.waitFor(async () => (await noteWith('The code expires')).votes === 1, 'a dot from Huda');
  await (await focusNote(expires.id)).click();
  await app.waitFor(async () => (await noteWith('The code expires')).votes === 2, 'two dots from Huda');
  await (await focusNote(where.id)).click();
  await app.find('[data-testid="voting-error"]');
  await clickOn('[data-testid="voting-voter-Karim"]');
  await (await focusNote(where.id)).click();
  await app.waitFor(async () => (await noteWith('Where is my code')).votes === 1, 'one dot from Karim');
  await clickOn('[data-testid="voting-show-results"]');
  const results = await app.execute(
    `return [...document.querySelectorAll('[data-testid="voting-result-item"]')].map((r) => r.textContent)`,
  );
  assert.ok(results[0].includes('The code expires') && results[1].includes('Where is my code'), results.join(' | '));
  assert.deepEqual(await boardProblems(app), [], 'the workshop board beside the voting panel');
  await screenshot('en-workshop-vote');
  await clickOn('[data-testid="voting-end"]');
  await clickOn('[data-testid="workshop-leave"]');
  await app.waitFor(async () => (await app.findAll('[data-testid="workshop-frame"]')).length === 0, 'the board again');
});

test('the workshop in Arabic: the board mirrored, a note moved by keyboard, a private round and a vote', async () => {
  await go('#/settings');
  await (await app.find('[data-testid="language-ar"]')).click();
  await app.waitFor(async () => (await app.execute('return document.documentElement.dir')) === 'rtl', 'rtl');
  await go('#/personas');
  await clickText('[data-testid="persona-card-name"], [data-testid="persona-card"] a', 'ريم');
  await app.find('[data-testid="persona-quotes"]');
  await screenshot('ar-persona');

  await go('#/empathy');
  await clickText('[data-testid="map-row"] a, [data-testid="map-row"]', 'ورشة تسجيل الدخول');
  await app.find('[data-testid="empathy-board"]');
  // Says sits on the right in Arabic, Thinks on its left.
  const [says, thinks] = await app.execute(
    `return ['says', 'thinks'].map((a) => document.querySelector('[data-testid="empathy-area-' + a + '"]').getBoundingClientRect().left)`,
  );
  assert.ok(says > thinks, `Says (${says}) right of Thinks (${thinks})`);
  await addNote('says', 'يسأل هل التطبيق متوقف؟');
  const note = await noteWith('هل التطبيق متوقف');
  await focusNote(note.id);
  await app.chord(Key.Alt, Key.ArrowLeft);
  await app.waitFor(async () => (await noteWith('هل التطبيق متوقف')).area === 'thinks', 'Alt+← to Thinks, on the left');
  await (await focusNote(note.id)).click();
  await app.find('[data-testid="note-details"]');
  assert.deepEqual(await boardProblems(app), [], 'the Arabic board beside the note details');
  await app.execute('document.querySelector("[data-testid=empathy-board]").scrollIntoView({ block: "start" })');
  await screenshot('ar-board');

  // The map's history, in Arabic, with translated field names, unfolded under the header.
  await clickOn('[data-testid="map-history-toggle"]');
  const mapHistory = await app.find('[data-testid="map-history"]');
  await app.findWithText('[data-testid="map-history-row"]', 'العنوان');
  assert.ok(!/title|heldOn|participants/.test(await mapHistory.textContent()), 'no raw keys');
  await app.execute('document.querySelector("[data-testid=map-history-disclosure]").scrollIntoView({ block: "start" })');
  await screenshot('ar-map-history');
  await clickOn('[data-testid="map-history-toggle"]');

  await clickOn('[data-testid="board-workshop"]');
  await app.find('[data-testid="workshop-frame"]');
  await clickOn('[data-testid="private-with-timer"]');
  await clickOn('[data-testid="private-start"]');
  await app.find('[data-testid="private-banner"]');
  await addNote('gains', 'أن يصل الرمز خلال ثوانٍ');
  assert.ok((await notes()).some((n) => n.hidden));
  await clickOn('[data-testid="private-reveal"]');
  await app.waitFor(async () => (await notes()).every((n) => !n.hidden), 'revealed');
  await clickOn('[data-testid="voting-start"]');
  await clickOn('[data-testid="voting-voter-هدى"]');
  const gain = await noteWith('أن يصل الرمز خلال ثوانٍ');
  await (await focusNote(gain.id)).click();
  await app.waitFor(async () => (await noteWith('أن يصل الرمز خلال ثوانٍ')).votes === 1, 'a dot from هدى');
  assert.match(await (await app.find('[data-testid="voting-remaining"]')).textContent(), /هدى/);
  await clickOn('[data-testid="voting-show-results"]');
  await app.find('[data-testid="voting-result-item"]');
  assert.deepEqual(await boardProblems(app), [], 'the Arabic workshop board beside the voting panel');
  await screenshot('ar-workshop');
  await clickOn('[data-testid="workshop-leave"]');
});
