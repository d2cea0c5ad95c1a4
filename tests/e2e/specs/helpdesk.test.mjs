// The help-desk import in the real app: a Zendesk CSV export with a bad
// row (the good rows imported, the bad one listed by row and column), the
// same file again (nothing new), a Zendesk JSON export whose incidents
// become reports of their problem ticket, a Freshdesk CSV export in Arabic,
// and a large export cancelled half way (nothing left behind). The wizard
// holds its layout in both languages.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Driver, screenshot, tempDir } from '../app.mjs';
import { pageScroll } from '../layout.mjs';

let driver;
let app;
const folder = tempDir();
const workspace = join(folder, 'helpdesk.db');

const ZENDESK_CSV = [
  'Summation column,Id,Requester,Organization,Subject,Status,Priority,Via,Ticket type,Created at,Solved at,Tags,Satisfaction Score,Full resolution time in minutes,Category [list]',
  ',5001,Huda Saleh,Nour Telecom,لا تصل رسالة رمز التحقق عند تسجيل الدخول,Solved,Urgent,Web form,Problem,2026-10-01 09:15,2026-10-02 11:00,login otp,Good,,Accounts',
  ',5002,Omar Aziz,,"The invoice shows last month\'s plan, ""again""",Open,High,Email,Question,2026-10-03 14:05,,billing,Bad,,Billing',
  ',5003,Sara,,,Open,Normal,Chat,Question,2026-10-04 08:00,,,,,',
  ',5004,Karim,,"Delivery tracking page is blank\nafter the order ships",Pending,Low,Twitter,Incident,2026-10-05 10:30,,tracking,Offered,,Delivery',
].join('\n');

const ZENDESK_JSON = [
  { id: 6001, type: 'problem', subject: 'يتوقف التطبيق عند الضغط على زر الدفع', description: 'يحدث منذ التحديث الأخير', status: 'open', priority: 'urgent', via: { channel: 'mobile' }, created_at: '2026-10-10T07:30:00Z', tags: ['payments'] },
  { id: 6002, type: 'incident', problem_id: 6001, subject: 'Checkout freezes on Android', status: 'solved', priority: 'high', via: { channel: 'email' }, created_at: '2026-10-11T09:00:00Z', solved_at: '2026-10-11T15:00:00Z', satisfaction_rating: { score: 'bad' } },
  { id: 6003, type: 'incident', problem_id: 6001, subject: 'الدفع لا يكتمل من الهاتف', status: 'open', priority: 'normal', via: { channel: 'chat' }, created_at: '2026-10-12T10:00:00Z' },
  { id: 6004, type: 'incident', problem_id: 5001, subject: 'OTP message missing again', status: 'open', priority: 'low', via: { channel: 'web' }, created_at: '2026-10-13T10:00:00Z' },
]
  .map((ticket) => JSON.stringify({ ticket }))
  .join('\n');

const FRESHDESK_CSV = [
  'Ticket ID,Subject,Description,Status,Priority,Source,Type,Created time,Resolved time,Resolution time (in hrs),Tags,Survey results,Full name,Email,Company Name',
  '7001,الطلب وصل بدون الشاحن,فتحت العلبة ولم أجد الشاحن,Resolved,High,Portal,Problem,2026-10-20 10:00:00,2026-10-21 12:30:00,26:30:00,"shipping, missing item",Extremely Happy,Fatima,f@example.com,',
  '7002,Store pickup code rejected,,Open,Medium,Phone,Question,2026-10-21 12:00:00,,,,Not Good,Ali,a@example.com,Beta LLC',
].join('\n');

/** A large Zendesk CSV, for a cancelled import. */
function bigExport(rows) {
  const lines = ['Id,Subject,Status,Priority,Via,Created at'];
  for (let i = 0; i < rows; i += 1) {
    lines.push(`${90000 + i},Bulk ticket number ${i} about a slow refund,Open,Normal,Email,2026-09-01 10:00`);
  }
  return lines.join('\n');
}

/** Writes `text` as `name` in the test folder and points the wizard's file at it. */
function offer(name, text) {
  const path = join(folder, name);
  writeFileSync(path, text);
  rmSync(driver.ticketLink, { force: true });
  symlinkSync(path, driver.ticketLink);
}

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

async function clickOn(selector) {
  const el = await app.find(selector);
  await app.execute('arguments[0].scrollIntoView({ block: "center" })', [el.ref()]);
  await el.click();
}

async function count() {
  return (await app.find('[data-testid="problem-count"]')).text();
}

/** Opens the wizard on the offered file and waits for its check. */
async function openWizard(name) {
  await go('#/problems');
  await clickOn('[data-testid="ticket-import-open"]');
  await clickOn('[data-testid="ticket-pick"]');
  await app.findWithText('[data-testid="ticket-file"]', name);
  await app.find('[data-testid="ticket-summary"]');
}

/**
 * The wizard's layout: inside the window; the dialog scrolls down, never
 * across, and its sections, tables and groups keep inside its width; the
 * page behind it stays still.
 */
async function wizardLayout() {
  const wrong = await app.execute(
    `const dialog = document.querySelector('[data-testid="ticket-import"]');
     const d = dialog.getBoundingClientRect();
     const wrong = [];
     if (d.left < 0 || d.top < 0 || d.right > innerWidth || d.bottom > innerHeight) wrong.push('the dialog leaves the window');
     if (dialog.scrollWidth > dialog.clientWidth + 1) wrong.push('the dialog scrolls across: ' + dialog.scrollWidth + ' in ' + dialog.clientWidth);
     for (const el of dialog.querySelectorAll('.import-settings, .import-result, .import-group, .import-values section, .import-preview-scroll, select')) {
       const b = el.getBoundingClientRect();
       if (b.width === 0) continue;
       if (b.left < d.left - 1 || b.right > d.right + 1) wrong.push((el.dataset.testid ?? el.className) + ' sticks out across: ' + Math.round(b.left) + '..' + Math.round(b.right) + ' in ' + Math.round(d.left) + '..' + Math.round(d.right));
     }
     return wrong;`,
  );
  assert.deepEqual(wrong, []);
  assert.deepEqual(await pageScroll(app), []);
}

test('a Zendesk CSV export: the good tickets imported, the bad row listed by row and column', async () => {
  offer('zendesk-tickets-october.csv', ZENDESK_CSV);
  await openWizard('zendesk-tickets-october.csv');
  assert.equal(await (await app.find('[data-testid="ticket-format"]')).property('value'), 'zendesk_csv');
  assert.equal(await (await app.find('[data-testid="ticket-map-subject"]')).property('value'), 'Subject');
  await app.findWithText('[data-testid="ticket-summary"]', '4 tickets read');
  await app.findWithText('[data-testid="ticket-summary"]', '1 bad row');
  await app.findWithText('[data-testid="import-issue"]', 'Row 4');
  await app.findWithText('[data-testid="import-issue"]', 'Subject');
  // The priority table maps Zendesk's words: Urgent is critical.
  await app.findWithText('[data-testid="ticket-severities"]', 'Urgent');
  assert.equal(await (await app.find('[data-testid="ticket-severity-0"]')).property('value'), 'critical');
  assert.equal((await app.findAll('[data-testid="ticket-import-all"]')).length, 0, 'a file with a bad row is not imported whole');
  await wizardLayout();
  await screenshot('en-ticket-import-check');
  await clickOn('[data-testid="ticket-import-good"]');
  await app.findWithText('[data-testid="ticket-outcome"]', '3 problems created');
  await app.findWithText('[data-testid="ticket-outcome"]', '1 bad row left out');
  await clickOn('[data-testid="ticket-close"]');
  await app.findWithText('[data-testid="problem-title"]', 'لا تصل رسالة رمز التحقق');
  // Text is kept exactly as in the file: the doubled quotes are one quote.
  await app.findWithText('[data-testid="problem-title"]', 'The invoice shows last month\'s plan, "again"');
  assert.equal(await count(), '3 problems');
});

test('the same file again adds nothing', async () => {
  await openWizard('zendesk-tickets-october.csv');
  await app.findWithText('[data-testid="ticket-summary"]', '3 already imported');
  assert.equal((await app.findAll('[data-testid="ticket-import-all"], [data-testid="ticket-import-good"]')).length, 0);
  await app.findWithText('[data-testid="ticket-nothing-new"]', 'nothing new to import');
  await clickOn('[data-testid="ticket-close-wizard"]');
  assert.equal(await count(), '3 problems');
});

test('a Zendesk JSON export: incidents become reports of their problem ticket', async () => {
  offer('zendesk-export.json', ZENDESK_JSON);
  await openWizard('zendesk-export.json');
  assert.equal(await (await app.find('[data-testid="ticket-format"]')).property('value'), 'zendesk_json');
  await app.findWithText('[data-testid="ticket-summary"]', '1 new problem');
  await app.findWithText('[data-testid="ticket-summary"]', '3 reports of problems');
  await app.findWithText('[data-testid="ticket-group"]', 'Incidents of ticket');
  await app.findWithText('[data-testid="ticket-becomes"]', 'A report of ticket');
  await screenshot('en-ticket-import-json');
  await clickOn('[data-testid="ticket-import-all"]');
  await app.findWithText('[data-testid="ticket-outcome"]', '1 problem created · 3 reports added');
  await clickOn('[data-testid="ticket-close"]');
  assert.equal(await count(), '4 problems');
  await clickOn('[data-testid="problem-row"] [data-testid="problem-title"]');
  await app.findWithText('h1', 'يتوقف التطبيق عند الضغط على زر الدفع');
  const reports = await app.findAll('[data-testid="occurrence-row"]');
  assert.equal(reports.length, 2, 'two incidents report the payment problem');
});

test('a large export cancelled half way leaves nothing behind', async () => {
  offer('zendesk-full-history.csv', bigExport(60000));
  await openWizard('zendesk-full-history.csv');
  await app.findWithText('[data-testid="ticket-summary"]', '60,000 new problems', 60000);
  await clickOn('[data-testid="ticket-import-all"]');
  await app.find('[data-testid="import-running"]');
  await clickOn('[data-testid="import-cancel"]');
  await app.findWithText('[data-testid="ticket-outcome"]', 'nothing was added', 120000);
  await clickOn('[data-testid="ticket-close"]');
  assert.equal(await count(), '4 problems');
});

test('in Arabic: a Freshdesk export, right to left, holding its layout', async () => {
  await go('#/settings');
  await (await app.find('[data-testid="language-ar"]')).click();
  await app.waitFor(async () => (await app.execute('return document.documentElement.dir')) === 'rtl', 'rtl');
  offer('freshdesk-tickets.csv', FRESHDESK_CSV);
  await openWizard('freshdesk-tickets.csv');
  assert.equal(await (await app.find('[data-testid="ticket-format"]')).property('value'), 'freshdesk_csv');
  await app.findWithText('[data-testid="ticket-summary"]', 'مشكلتان جديدتان');
  const dir = await app.execute('return getComputedStyle(document.querySelector("[data-testid=ticket-preview]")).direction');
  assert.equal(dir, 'rtl');
  await wizardLayout();
  await screenshot('ar-ticket-import-check');
  await clickOn('[data-testid="ticket-import-all"]');
  await app.findWithText('[data-testid="ticket-outcome"]', 'أُنشئت مشكلتان');
  await clickOn('[data-testid="ticket-close"]');
  await app.findWithText('[data-testid="problem-title"]', 'الطلب وصل بدون الشاحن');
  await screenshot('ar-ticket-import-done');
  await go('#/settings');
  await (await app.find('[data-testid="language-en"]')).click();
});
