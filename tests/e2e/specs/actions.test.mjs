// The corrective-action loop as a manager runs it, in English and then in
// Arabic: actions from a root cause with owners and dates, the board (a
// real pointer drag, keyboard moves, a check's result asked for), a fix
// that the problem's recurrence flags as not working, closing a problem
// with open actions, the table's CSV and iCalendar exports read back, the
// CSV import refusing an unknown status, and a desktop reminder on start.
// Screenshots in target/e2e/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Driver, chartPaint, screenshot, tempDir } from '../app.mjs';
import { Key } from '../webdriver.mjs';

let driver;
let app;
const workspace = join(tempDir(), 'actions.db');
const REFUND_PROBLEM = "Refund shows as issued but never reaches the customer's card";
const SMS_PROBLEM = 'لا يصل رمز التحقق برسالة نصية عند تسجيل الدخول';
const NEW_ACTION = 'Reconcile the bank return report with open tickets daily';
const AR_ACTION = 'إرسال تقرير أسبوعي عن الرسائل المرفوضة إلى فريق الدعم';

/** The user's calendar day, `days` from today, as YYYY-MM-DD. */
function day(days = 0) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

before(async () => {
  driver = await Driver.start();
  app = await driver.launch(workspace);
});

after(async () => {
  await app?.end();
  await driver?.stop();
});

/** Sets an input's value as typing would (date inputs take no keys here), then leaves it. */
async function setValue(selector, value) {
  const el = await app.find(selector);
  await app.execute(
    `const [el, value] = arguments;
     el.scrollIntoView({ block: 'center' });
     el.focus();
     const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
     setter.call(el, value);
     el.dispatchEvent(new Event('input', { bubbles: true }));
     el.dispatchEvent(new Event('change', { bubbles: true }));
     el.blur();`,
    [el.ref(), value],
  );
}

/** Ticks the root cause whose text is `text` in the new-action form, once the causes have loaded. */
async function pickCause(text) {
  const box = await app.waitFor(async () => {
    for (const el of await app.findAll('[data-testid="new-action-causes-option"]')) {
      const label = await app.execute('return arguments[0].closest("label").textContent', [el.ref()]);
      if (label.includes(text)) return el;
    }
    return undefined;
  }, `the root cause "${text}"`);
  await box.click();
  assert.equal(await box.property('checked'), true);
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

/** Scrolls an element to the top of the view, for a screenshot of it. */
async function scrollTo(selector) {
  const el = await app.find(selector);
  await app.execute('arguments[0].scrollIntoView({ block: "start" })', [el.ref()]);
}

async function go(hash) {
  await app.execute(`window.location.hash = ${JSON.stringify(hash)}`);
}

/** The titles of the cards in one board column. */
async function column(status) {
  return app.execute(
    `return [...document.querySelectorAll('[data-testid="board-column-' + arguments[0] + '"] [data-testid="board-card"]')]
       .map((c) => c.querySelector('a')?.textContent ?? '')`,
    [status],
  );
}

async function waitInColumn(status, title) {
  await app.waitFor(async () => (await column(status)).some((t) => t.includes(title)), `"${title}" in ${status}`);
}

async function card(title) {
  return app.waitFor(async () => {
    for (const el of await app.findAll('[data-testid="board-card"]')) {
      if ((await el.textContent()).includes(title)) return el;
    }
    return undefined;
  }, `the card "${title}"`);
}

/** Opens an action's page from the actions table. */
async function openAction(title) {
  await go('#/actions');
  await clickText('[data-testid="action-row-title"]', title);
  await app.find('[data-testid="action-detail"]');
}

/** Records the effectiveness check on the action page shown. */
async function recordCheck(result, notes) {
  await clickOn('[data-testid="action-step-check"]');
  const dialog = await app.find('[data-testid="action-check-dialog"]');
  assert.ok(dialog);
  await clickOn(`[data-testid="check-result-${result}"]`);
  await (await app.find('[data-testid="action-check-dialog-text"]')).type(notes);
  await clickOn('[data-testid="action-check-dialog-confirm"]');
  await app.waitFor(async () => (await app.findAll('[data-testid="action-check-dialog"]')).length === 0, 'the dialog to close');
}

function exported(extension) {
  return readdirSync(driver.exportsDir)
    .filter((f) => f.endsWith(extension))
    .map((f) => join(driver.exportsDir, f));
}

/** RFC 4180 fields of a CSV text (quotes, doubled quotes, CRLF). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r') continue;
    else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The VEVENTs of an iCalendar text, unfolded, as property maps. */
function parseIcs(text) {
  assert.ok(text.includes('\r\n'), 'CRLF line ends');
  for (const raw of text.split('\r\n')) {
    assert.ok(Buffer.byteLength(raw) <= 75, `a folded line of at most 75 octets: ${raw}`);
    assert.ok(!raw.includes('\uFFFD'), 'no character split by the folding');
  }
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  const events = [];
  let current = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      events.push(current);
      current = null;
    } else if (current !== null) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).split(';')[0];
      current[name] = line
        .slice(colon + 1)
        .replace(/\\n/gi, '\n')
        .replace(/\\([,;\\])/g, '$1');
    }
  }
  return { lines, events };
}

test('a manager turns a root cause into an owned, dated action', async () => {
  await (await app.find('[data-testid="sample-load"]')).click();
  await (await app.findWithText('[data-testid="problem-title"]', REFUND_PROBLEM)).click();
  const panel = await app.find('[data-testid="problem-actions"]');
  assert.ok(panel);
  await app.waitFor(async () => (await app.findAll('[data-testid="problem-action"]')).length === 3, 'three sample actions');

  await clickOn('[data-testid="problem-action-add"]');
  await (await app.find('[data-testid="new-action-title"]')).type(NEW_ACTION);
  // The root cause it removes, picked from the analysis.
  await pickCause("Nobody owns the bank's return report");
  // A due day before today is refused beside its field, and nothing is lost.
  await setValue('[data-testid="new-action-dueOn"]', day(-3));
  await (await app.find('[data-testid="new-action-owner"]')).type('Dana Khalil');
  await clickOn('[data-testid="new-action-save"]');
  await app.find('[data-testid="new-action-dueOn-error"]');
  assert.equal(await (await app.find('[data-testid="new-action-title"]')).property('value'), NEW_ACTION);
  await setValue('[data-testid="new-action-dueOn"]', day(5));
  await clickOn('[data-testid="new-action-save"]');
  await app.findWithText('[data-testid="problem-action"]', NEW_ACTION);
  await app.waitFor(async () => (await app.findAll('[data-testid="problem-action"]')).length === 4, 'four actions');
  await scrollTo('[data-testid="problem-actions"]');
  await screenshot('en-problem-actions');

  // In the table, with its owner and due day.
  await go('#/actions');
  const row = await app.findWithText('[data-testid="action-row"]', NEW_ACTION);
  assert.ok((await row.textContent()).includes('Dana Khalil'));
  await app.find('[data-testid="actions-range"]');
  await screenshot('en-actions-table');
});

test('the board moves a card by pointer drag and by keyboard, and asks for the check result', async () => {
  await go('#/actions/board');
  await waitInColumn('open', NEW_ACTION);
  await screenshot('en-board');

  // A real drag with the mouse: Open → In progress.
  const target = await app.find('[data-testid="board-column-in_progress"]');
  await app.drag(await card(NEW_ACTION), target);
  await waitInColumn('in_progress', NEW_ACTION);

  // By keyboard: Alt+→ to the next column it may go to (Done).
  const moved = await card(NEW_ACTION);
  await app.execute('arguments[0].focus()', [moved.ref()]);
  await app.chord(Key.Alt, Key.ArrowRight);
  await waitInColumn('done', NEW_ACTION);

  // Verified effective asks what the check found, and needs an answer.
  const done = await card(NEW_ACTION);
  await app.execute('arguments[0].scrollIntoView({ block: "center" })', [done.ref()]);
  const menu = await app.waitFor(async () => {
    for (const el of await app.findAll('[data-testid="board-card"] [data-testid="card-move"]')) {
      const owner = await app.execute('return arguments[0].closest("[data-testid=board-card]").textContent', [el.ref()]);
      if (owner.includes(NEW_ACTION)) return el;
    }
    return undefined;
  }, 'the move menu');
  await menu.click();
  await clickOn('[data-testid="card-move-verified_effective"]');
  await app.find('[data-testid="check-dialog"]');
  await clickOn('[data-testid="move-dialog-confirm"]');
  await app.find('[data-testid="move-dialog-field-error"]');
  await (await app.find('[data-testid="check-notes"]')).type('No bounced refund went unanswered for a week');
  await screenshot('en-board-check-dialog');
  await clickOn('[data-testid="move-dialog-confirm"]');
  await waitInColumn('verified_effective', NEW_ACTION);
  await screenshot('en-board-after');
});

test('a report after the fix flags it, and the check records that it did not work', async () => {
  const fix = "Name an owner for the bank's return report and review it every morning";
  await go('#/problems');
  await clickText('[data-testid="problem-title"]', REFUND_PROBLEM);
  await clickOn('[data-testid="occurrence-log-open"]');
  await (await app.find('[data-testid="occurrence-ticket"]')).type('ZD-77120');
  await clickOn('[data-testid="occurrence-submit"]');
  await app.findWithText('[data-testid="occurrence-row"]', 'ZD-77120');
  // Both done corrective fixes are flagged; the verified one is back to done.
  await app.waitFor(
    async () => (await app.findAll('[data-testid="problem-action-recurred"]')).length === 2,
    'two fixes flagged as recurred',
  );
  await scrollTo('[data-testid="problem-actions"]');
  // The charts draw for real: bars on the canvas, not an empty plot.
  await chartPaint(app, '[data-testid="effect-chart"]');
  await chartPaint(app, '[data-testid="sparkline"]');

  await screenshot('en-problem-recurred');

  await openAction(fix);
  await app.find('[data-testid="action-alert-recurred"]');
  await app.find('[data-testid="action-alert-checkDue"]');
  await recordCheck('not_effective', 'Reported again three days after the fix');
  await app.waitFor(
    async () => (await (await app.find('[data-testid="action-status-badge"]')).textContent()).includes('Not effective'),
    'not effective',
  );
  await screenshot('en-action-not-effective');

  // The root cause is a hypothesis again and the problem is back to investigating.
  await clickOn('[data-testid="action-problem-link"]');
  const status = await app.find('[data-testid="field-status"]');
  await app.waitFor(async () => (await status.property('value')) === 'investigating', 'investigating');
});

test('closing a problem with open actions needs a reason, kept in its history', async () => {
  const status = await app.find('[data-testid="field-status"]');
  await app.execute(
    `const el = arguments[0];
     const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set;
     setter.call(el, 'closed');
     el.dispatchEvent(new Event('change', { bubbles: true }));`,
    [status.ref()],
  );
  await app.find('[data-testid="close-anyway"]');
  await screenshot('en-close-anyway');
  await (await app.find('[data-testid="close-anyway-text"]')).type('The card scheme now forwards refunds to the new card');
  await clickOn('[data-testid="close-anyway-confirm"]');
  await app.waitFor(async () => (await status.property('value')) === 'closed', 'closed');
  await app.findWithText('[data-testid="history-entry"], [data-testid="history-row"], li', 'The card scheme now forwards refunds');
});

test('the filtered table exports a CSV and a calendar that read back', async () => {
  await go('#/actions');
  await app.find('[data-testid="action-row"]');
  const total = Number(
    (await (await app.find('[data-testid="actions-range"]')).textContent()).match(/of\s+([\d,]+)/)[1].replace(/,/g, ''),
  );
  await clickOn('[data-testid="actions-export-csv"]');
  await app.find('[data-testid="actions-export-saved"]');
  const csvBytes = readFileSync(exported('.csv')[0]);
  assert.deepEqual([...csvBytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a byte-order mark');
  const rows = parseCsv(csvBytes.toString('utf8').slice(1));
  assert.equal(rows.length, total + 1, 'a header and every matching action');
  const titles = rows.map((r) => r.join('|'));
  assert.ok(titles.some((r) => r.includes('تسجيل اسم المرسل لدى جميع المشغّلين')), 'Arabic intact');
  assert.ok(titles.some((r) => r.includes(NEW_ACTION) && r.includes('Dana Khalil') && r.includes(day(5))));

  await clickOn('[data-testid="actions-export-ics"]');
  await app.waitFor(async () => exported('.ics').length === 1, 'the calendar file');
  const { lines, events } = parseIcs(readFileSync(exported('.ics')[0], 'utf8'));
  assert.equal(lines[0], 'BEGIN:VCALENDAR');
  assert.ok(lines.includes('VERSION:2.0'));
  const due = events.find((e) => e.SUMMARY?.includes(NEW_ACTION));
  assert.ok(due, 'a due-date event for the new action');
  assert.equal(due.DTSTART, day(5).replaceAll('-', ''));
  assert.match(due.UID, /-due@rootwise$/);
  assert.ok(events.some((e) => e.SUMMARY?.includes('تسجيل اسم المرسل')), 'Arabic summary intact');
});

test('the CSV import refuses an unknown status by row and column, then takes a good file', async () => {
  // An unknown status: the whole file is refused, the row and column named.
  writeFileSync(
    driver.importFile,
    `title,problem,status,owner\r\nCall every affected customer,"${REFUND_PROBLEM}",finished,Omar Saleh\r\n`,
  );
  await go('#/actions');
  await clickOn('[data-testid="import-actions"]');
  const issue = await app.find('[data-testid="import-issue"]');
  const text = await issue.textContent();
  assert.ok(text.includes('Row 2') && text.includes('status') && text.includes('finished'), text);
  await screenshot('en-import-refused');

  writeFileSync(
    driver.importFile,
    `title,problem,status,owner\r\nCall every affected customer,"${REFUND_PROBLEM}",in progress,Omar Saleh\r\n`,
  );
  await clickOn('[data-testid="import-actions"]');
  await app.findWithText('[data-testid="import-done"]', 'Imported 1 action');
  await app.findWithText('[data-testid="action-row"]', 'Call every affected customer');
});

test('a desktop reminder on start sums up the checks that are due', async () => {
  // A done action whose check is due today.
  await openAction('Refund affected customers by bank transfer');
  await setValue('[data-testid="action-field-checkDueOn"]', day(0));
  await app.find('[data-testid="action-alert-checkDue"]');
  await go('#/actions/overview');
  await app.findWithText('[data-testid="overview-check"]', 'Refund affected customers by bank transfer');
  await chartPaint(app, '[data-testid="overview-chart-plot"]');

  await screenshot('en-overview');

  if (existsSync(driver.notifyLog)) rmSync(driver.notifyLog);
  await app.end();
  app = await driver.launch(workspace);
  const shown = await app.waitFor(
    async () => (existsSync(driver.notifyLog) ? readFileSync(driver.notifyLog, 'utf8').trim() : undefined),
    'a notification',
    20000,
  );
  const lines = shown.split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 1, 'one summary, not one per action');
  // The containment's check (set to today) and the fix sent back to done by
  // the recurrence.
  assert.match(lines[0].body, /2 effectiveness checks/);
});

test('the loop in Arabic: an action from a root cause, the board by keyboard, a check that fails after a recurrence', async () => {
  await go('#/settings');
  await (await app.find('[data-testid="language-ar"]')).click();
  await app.waitFor(async () => (await app.execute('return document.documentElement.dir')) === 'rtl', 'rtl');
  await go('#/problems');
  await clickText('[data-testid="problem-title"]', SMS_PROBLEM);
  await clickOn('[data-testid="problem-action-add"]');
  await (await app.find('[data-testid="new-action-title"]')).type(AR_ACTION);
  await pickCause('اسم المرسل غير مسجَّل لدى هذا المشغّل');
  await (await app.find('[data-testid="new-action-owner"]')).type('ريم الحربي');
  await setValue('[data-testid="new-action-dueOn"]', day(7));
  // One date field on every screen: in Arabic it writes the day as the
  // other Arabic screens do (the same words, right to left, so the year
  // shows first), and its calendar's weeks start on Saturday.
  const [shown, direction, elsewhere, stored] = await app.execute(
    `const el = document.querySelector('[data-testid="new-action-dueOn"]');
     const day = new Intl.DateTimeFormat('ar-u-nu-latn', { dateStyle: 'medium', timeZone: 'UTC' });
     return [el.value, getComputedStyle(el).direction, day.format(new Date(el.dataset.day + 'T00:00:00Z')), el.dataset.day];`,
  );
  assert.equal(stored, day(7));
  assert.equal(shown, elsewhere, 'the field writes the day as the other screens do');
  assert.equal(direction, 'rtl', `the due day reads right to left: ${shown}`);
  await clickOn('[data-testid="new-action-dueOn-calendar"]');
  await app.find('[data-testid="new-action-dueOn-calendar-panel"]');
  assert.equal(
    await app.execute('return document.querySelector(\'[data-testid="calendar-weekday"]\').getAttribute("abbr")'),
    'السبت',
  );
  await screenshot('ar-date-calendar');
  await (await app.find('[data-testid="calendar-day"][tabindex="0"]')).type(Key.Escape);
  await clickOn('[data-testid="new-action-save"]');
  await app.findWithText('[data-testid="problem-action"]', AR_ACTION);
  await scrollTo('[data-testid="problem-actions"]');
  await screenshot('ar-problem-actions');

  // The board, by keyboard only: Alt+← is "next" when columns run right to left.
  await go('#/actions/board');
  await waitInColumn('open', AR_ACTION);
  await app.execute('arguments[0].focus()', [(await card(AR_ACTION)).ref()]);
  await app.chord(Key.Alt, Key.ArrowLeft);
  await waitInColumn('in_progress', AR_ACTION);
  await app.execute('arguments[0].focus()', [(await card(AR_ACTION)).ref()]);
  await app.chord(Key.Alt, Key.ArrowLeft);
  await waitInColumn('done', AR_ACTION);
  await screenshot('ar-board');

  // The problem comes back: the fix is flagged and its check is due now.
  await go('#/problems');
  await clickText('[data-testid="problem-title"]', SMS_PROBLEM);
  await clickOn('[data-testid="occurrence-log-open"]');
  await (await app.find('[data-testid="occurrence-ticket"]')).type('SMS-4410');
  await clickOn('[data-testid="occurrence-submit"]');
  await app.findWithText('[data-testid="problem-action-recurred"]', '');
  await scrollTo('[data-testid="action-effect"]');
  await chartPaint(app, '[data-testid="effect-chart"]');
  await screenshot('ar-problem-effect');
  await openAction(AR_ACTION);
  await app.find('[data-testid="action-alert-recurred"]');
  await recordCheck('not_effective', 'ما زالت الرسائل تُرفض لدى المشغّل نفسه');
  await app.waitFor(
    async () => (await (await app.find('[data-testid="action-status-badge"]')).textContent()).includes('غير فعّال'),
    'not effective, in Arabic',
  );
  await screenshot('ar-action-page');

  // A sample action carried through to a verified check, from the board.
  const sample = 'تسجيل اسم المرسل لدى جميع المشغّلين';
  await go('#/actions/board');
  await waitInColumn('open', sample);
  for (const next of ['in_progress', 'done']) {
    await app.execute('arguments[0].focus()', [(await card(sample)).ref()]);
    await app.chord(Key.Alt, Key.ArrowLeft);
    await waitInColumn(next, sample);
  }
  const menu = await app.waitFor(async () => {
    for (const el of await app.findAll('[data-testid="board-card"] [data-testid="card-move"]')) {
      const owner = await app.execute('return arguments[0].closest("[data-testid=board-card]").textContent', [el.ref()]);
      if (owner.includes(sample)) return el;
    }
    return undefined;
  }, 'the move menu');
  await app.execute('arguments[0].scrollIntoView({ block: "center" })', [menu.ref()]);
  await menu.click();
  await clickOn('[data-testid="card-move-verified_effective"]');
  await (await app.find('[data-testid="check-notes"]')).type('انخفضت الرسائل المرفوضة إلى أقل من ١٪ لأسبوعين');
  await screenshot('ar-board-check-dialog');
  await clickOn('[data-testid="move-dialog-confirm"]');
  await waitInColumn('verified_effective', sample);

  // The table's CSV in Arabic: Arabic headers and values, read back.
  await go('#/actions');
  await app.find('[data-testid="action-row"]');
  for (const f of exported('.csv')) rmSync(f);
  await clickOn('[data-testid="actions-export-csv"]');
  await app.waitFor(async () => exported('.csv').length === 1, 'the Arabic CSV');
  const rows = parseCsv(readFileSync(exported('.csv')[0], 'utf8').slice(1));
  const header = rows[0].join('|');
  assert.ok(/[\u0600-\u06FF]/.test(header), `Arabic headers: ${header}`);
  const verified = rows.find((r) => r.includes(sample));
  assert.ok(verified?.includes('ثبتت فعاليته'), `the verified status in Arabic: ${verified}`);

  await go('#/actions/overview');
  await chartPaint(app, '[data-testid="overview-chart-plot"]');
  await screenshot('ar-overview');
  await go('#/actions');
  await app.find('[data-testid="action-row"]');
  await screenshot('ar-actions-table');

  // Arabic-Indic digits, when chosen, in dates and in the date field.
  await go('#/settings');
  await setSelect('[data-testid="settings-numerals"]', 'arabic');
  await openAction(AR_ACTION);
  const due = await app.waitFor(async () => {
    const value = await (await app.find('[data-testid="action-field-dueOn"]')).property('value');
    return /[\u0660-\u0669]{4}/.test(value) ? value : undefined;
  }, 'the due day in Arabic-Indic digits');
  assert.doesNotMatch(due, /[0-9]/, `no Western digits left: ${due}`);
  await screenshot('ar-action-page-arabic-digits');
  await go('#/settings');
  await setSelect('[data-testid="settings-numerals"]', 'latin');
});

/** Picks `value` in a select, as choosing it would. */
async function setSelect(selector, value) {
  const el = await app.find(selector);
  await app.execute(
    `const [el, value] = arguments;
     Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(el, value);
     el.dispatchEvent(new Event('change', { bubbles: true }));`,
    [el.ref(), value],
  );
}

