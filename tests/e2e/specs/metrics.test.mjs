// What customers say, as a support lead measures it, in English and then in
// Arabic: a survey file with Arabic headers imported (one refused row named
// by row and column, the good rows taken), the dashboard's figures with
// their intervals, the trend drawn, the problem that hurts NPS most and its
// page's before/after for a done fix, an answer typed in (an NPS of 11
// refused), customer periods (more customers at the end than possible
// refused), the figures as CSV and the chart as PNG read back, and the
// layout held in both directions. Screenshots in target/e2e/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Driver, chartPaint, screenshot, tempDir } from '../app.mjs';
import { pageScroll, spills } from '../layout.mjs';
import { Key } from '../webdriver.mjs';

let driver;
let app;
const workspace = join(tempDir(), 'metrics.db');
const PROBLEM = 'The delivery tracking link opens an empty page';
const FIX = 'Send the carrier tracking link instead of our own page';
const AR_PROBLEM = 'تأخر استرداد المبلغ بعد إلغاء الطلب';

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

async function go(hash) {
  await app.execute(`window.location.hash = ${JSON.stringify(hash)}`);
}

async function clickOn(selector) {
  const el = await app.find(selector);
  await app.execute('arguments[0].scrollIntoView({ block: "center" })', [el.ref()]);
  await el.click();
}

async function typeInto(selector, text) {
  const el = await app.find(selector);
  await app.execute('arguments[0].scrollIntoView({ block: "center" }); arguments[0].value = ""', [el.ref()]);
  await el.click();
  await el.type(text);
}

/** Picks `value` in a select, as a person would, and lets the page react. */
async function choose(selector, value) {
  const el = await app.find(selector);
  await app.execute(
    `const [el, value] = arguments;
     el.scrollIntoView({ block: 'center' });
     el.value = value;
     el.dispatchEvent(new Event('change', { bubbles: true }));`,
    [el.ref(), value],
  );
}

async function addProblem(title) {
  await go('#/problems');
  const input = await app.find('[data-testid="new-problem-title"]');
  await input.click();
  await input.type(title);
  await input.type(Key.Enter);
  await app.findWithText('[data-testid="problem-title"]', title);
}

function exported(extension) {
  return readdirSync(driver.exportsDir)
    .filter((f) => f.endsWith(extension))
    .map((f) => join(driver.exportsDir, f));
}

/** Boxes of `selector` that overlap one another (more than 1 px each way). */
function overlaps(selector) {
  return app.execute(
    `const boxes = [...document.querySelectorAll(arguments[0])].map((el) => [el, el.getBoundingClientRect()]);
     const wrong = [];
     for (let i = 0; i < boxes.length; i += 1)
       for (let j = i + 1; j < boxes.length; j += 1) {
         const [a, b] = [boxes[i][1], boxes[j][1]];
         const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
         const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
         if (x > 1 && y > 1) wrong.push(boxes[i][0].dataset.testid + ' overlaps ' + boxes[j][0].dataset.testid);
       }
     return wrong;`,
    [selector],
  );
}

/** The dashboard's layout: cards apart and inside the page, nothing spilling, the page itself still. */
async function dashboardLayout() {
  assert.deepEqual(await overlaps('.metric-card'), []);
  assert.deepEqual(await spills(app, '[data-testid="dashboard-figures"]', '.metric-figure-value, .metric-figure-interval'), []);
  assert.deepEqual(await spills(app, '[data-testid="dashboard-hurts"]', '[data-testid="hurt-problem"]'), []);
  assert.deepEqual(await pageScroll(app), []);
}

test('a survey file with a bad row: the row and column named, the good rows imported', async () => {
  await addProblem(PROBLEM);
  // The fix is done today (imported as done, as a manager would bring in a tracker's list).
  writeFileSync(driver.importFile, `title,problem,status,owner\r\n${FIX},"${PROBLEM}",done,Lina Haddad\r\n`);
  await go('#/actions');
  await clickOn('[data-testid="import-actions"]');
  await app.findWithText('[data-testid="import-done"]', 'Imported 1 action');

  // Forty NPS answers over the last seven weeks, most of them detractors
  // about the problem, one with a score of 11, and a comment in Arabic.
  const rows = ['التاريخ,الدرجة,القناة,التعليق,المشكلة'];
  for (let i = 0; i < 40; i += 1) {
    const score = i % 4 === 0 ? 9 : i % 4 === 1 ? 7 : 3;
    const comment = i === 2 ? '"الرابط يفتح صفحة فارغة، أين طلبي؟"' : '';
    rows.push(`${day(-1 - i)},${score},email,${comment},"${PROBLEM}"`);
  }
  rows.splice(6, 0, `${day(-3)},11,chat,,`);
  writeFileSync(driver.surveyFile, `\ufeff${rows.join('\r\n')}\r\n`);

  await go('#/dashboard/answers');
  await clickOn('[data-testid="open-survey-import"]');
  await clickOn('[data-testid="import-pick"]');
  await app.findWithText('[data-testid="import-file"]', 'survey.csv');
  // The columns are recognised from their Arabic names.
  assert.equal(await (await app.find('[data-testid="import-map-score"]')).property('value'), '1');
  assert.equal(await (await app.find('[data-testid="import-map-respondedOn"]')).property('value'), '0');
  assert.equal(await (await app.find('[data-testid="import-map-problem"]')).property('value'), '4');
  await clickOn('[data-testid="import-check"]');
  const issue = await app.find('[data-testid="import-issue"]');
  const text = await issue.textContent();
  assert.ok(text.includes('Row 7') && text.includes('الدرجة') && text.includes('0 to 10') && text.includes('11'), text);
  assert.equal((await app.findAll('[data-testid="import-all"]')).length, 0, 'a file with a bad row is not imported whole');
  await app.findWithText('[data-testid="import-summary"]', '40 good rows');
  await screenshot('en-survey-import-check');
  await clickOn('[data-testid="import-good"]');
  await app.findWithText('[data-testid="import-outcome"]', '40 answers imported. 1 bad row left out.');
  await clickOn('[data-testid="import-close"]');
  await app.findWithText('[data-testid="recent-answer"]', 'NPS');
});

test('the dashboard: figures with intervals, the trend, the problem that hurts NPS most', async () => {
  await go('#/dashboard');
  const nps = await app.find('[data-testid="figure-nps-value-value"]');
  // 10 promoters, 10 passives, 20 detractors of 40: 25% − 50% = −25.
  assert.equal((await nps.textContent()).replace(/[\u202a-\u202e\u2066-\u2069]/g, ''), '-25');
  const interval = (await (await app.find('[data-testid="figure-nps-value-interval"]')).textContent()).replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
  assert.match(interval, /^95% interval -\d+ to [-+]?\d+$/);
  const npsCard = await (await app.find('[data-testid="figure-nps"]')).textContent();
  assert.ok(npsCard.includes('40 answers') && !npsCard.includes('Few answers'), npsCard);
  assert.ok((await app.findAll('[data-testid="figure-csat-value-thin"]')).length === 0);
  assert.ok((await chartPaint(app, '[data-testid="trend-plot"]')) > 0);
  await app.findWithText('[data-testid="hurt-problem"]', PROBLEM);
  await dashboardLayout();
  await screenshot('en-dashboard');

  // A channel with no answers leaves the figures empty, never made up.
  await choose('[data-testid="dashboard-channel"]', 'phone');
  await app.findWithText('[data-testid="figure-nps"]', 'No answers yet');
  await app.find('[data-testid="dashboard-empty"]');
  await choose('[data-testid="dashboard-channel"]', '');
  await app.findWithText('[data-testid="figure-nps"]', '40 answers');

  // The problem's customer segment becomes a filter: its answers only.
  await go('#/problems');
  await (await app.findWithText('[data-testid="problem-title"]', PROBLEM)).click();
  const segment = await app.find('[data-testid="field-segment"]');
  await app.execute('arguments[0].scrollIntoView({ block: "center" })', [segment.ref()]);
  await segment.click();
  await segment.type('Marketplace sellers');
  await segment.type(Key.Enter);
  await app.findWithText('[data-testid="history-row"]', 'Marketplace sellers');
  await go('#/dashboard');
  await app.waitFor(
    async () => (await app.findAll('[data-testid="dashboard-segment"] option[value="Marketplace sellers"]')).length === 1,
    'the segment to be offered',
  );
  await choose('[data-testid="dashboard-segment"]', 'Marketplace sellers');
  await app.findWithText('[data-testid="figure-nps"]', '40 answers');
  await choose('[data-testid="dashboard-segment"]', '');
  // No journey map yet: the touchpoint filter says so.
  const touchpoint = await app.find('[data-testid="dashboard-touchpoint"]');
  assert.equal(await touchpoint.property('disabled'), true);

  // The figures as CSV (in the reader's words) and the chart as a PNG.
  await clickOn('[data-testid="dashboard-export-csv"]');
  await app.find('[data-testid="dashboard-export-saved"]');
  const csv = readFileSync(exported('.csv')[0], 'utf8');
  assert.ok(csv.startsWith('\ufeffFrom,To,Measure,Value,Low (95%),High (95%),n,Few answers'), csv.slice(0, 120));
  assert.match(csv, /Net Promoter Score,-25(\.0+)?,-?\d/);
  await clickOn('[data-testid="dashboard-export-png"]');
  await app.find('[data-testid="dashboard-png-saved"]');
  const png = readFileSync(exported('.png')[0]);
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  assert.ok(png.length > 5000, `a drawn chart, not an empty picture (${png.length} bytes)`);

  // Click through to the problem: its own measures and the fix's before/after.
  await (await app.findWithText('[data-testid="hurt-problem"]', PROBLEM)).click();
  const section = await app.find('[data-testid="problem-measures"]');
  await app.execute('arguments[0].scrollIntoView({ block: "start" })', [section.ref()]);
  await app.findWithText('[data-testid="problem-figure-nps"]', '40 answers');
  const fix = await app.findWithText('[data-testid="fix-effect"]', FIX);
  const before = await (await app.find('[data-testid="fix-nps-before"]')).textContent();
  assert.ok(before.includes('40 answers'), before);
  // Done today: nothing after it yet, and the verdict says so plainly.
  assert.ok((await fix.textContent()).includes('Not enough answers'));
  await screenshot('en-problem-measures');
});

test('an answer typed in: an NPS of 11 refused, a good one kept', async () => {
  await go('#/dashboard/answers');
  await typeInto('[data-testid="response-score"]', '11');
  await clickOn('[data-testid="response-submit"]');
  const error = await app.find('[data-testid="response-score-error"]');
  assert.match(await error.textContent(), /Enter a score from 0 to 10/);
  // What was typed stays for the user to correct.
  assert.equal(await (await app.find('[data-testid="response-score"]')).property('value'), '11');
  await typeInto('[data-testid="response-score"]', '10');
  await typeInto('[data-testid="response-customer"]', 'Maha Khalil');
  await clickOn('[data-testid="response-submit"]');
  await app.findWithText('[data-testid="recent-answer"]', 'Maha Khalil');
  await screenshot('en-survey-answers');
});

test('customer periods: an impossible end count refused, retention worked out', async () => {
  await go('#/dashboard/customers');
  await typeInto('[data-testid="period-customersStart"]', '1000');
  await typeInto('[data-testid="period-customersNew"]', '150');
  await typeInto('[data-testid="period-customersEnd"]', '1200');
  await clickOn('[data-testid="period-submit"]');
  await app.findWithText('[data-testid="period-customersEnd-error"]', '1150');
  await typeInto('[data-testid="period-customersEnd"]', '1050');
  await typeInto('[data-testid="period-revenuePerCustomer"]', '1200');
  await typeInto('[data-testid="period-margin"]', '25');
  await clickOn('[data-testid="period-submit"]');
  // (1050 − 150) ÷ 1000 = 90%; churn 10%; 1200 × 0.25 × 10 = 3000.
  await app.findWithText('[data-testid="period-crr"]', '90%');
  await app.findWithText('[data-testid="period-churn"]', '10%');
  await app.findWithText('[data-testid="period-clv"]', '3,000');
  await screenshot('en-customers');
});

test('in Arabic: the dashboard runs right to left and holds its layout', async () => {
  await go('#/settings');
  await (await app.find('[data-testid="language-ar"]')).click();
  await app.waitFor(async () => (await app.execute('return document.documentElement.dir')) === 'rtl', 'rtl');
  await addProblem(AR_PROBLEM);
  await go('#/dashboard/answers');
  await typeInto('[data-testid="response-score"]', '2');
  await typeInto('[data-testid="response-comment"]', 'انتظرت أسبوعين ولم يصلني المبلغ');
  await clickOn('[data-testid="response-pick-problem"]');
  await typeInto('[data-testid="response-problem-search"]', 'استرداد');
  await clickOn('[data-testid="response-problem-option"]');
  await app.findWithText('[data-testid="response-problem"]', AR_PROBLEM);
  await clickOn('[data-testid="response-submit"]');
  await app.findWithText('[data-testid="recent-answer"]', 'انتظرت أسبوعين');
  await screenshot('ar-survey-answers');

  await go('#/dashboard');
  await app.findWithText('[data-testid="figure-nps"]', 'صافي نقاط الترويج');
  assert.ok((await chartPaint(app, '[data-testid="trend-plot"]')) > 0);
  // The value axis sits on the right in Arabic: the plot's first painted
  // column of pixels is the axis labels' side.
  const dir = await app.execute('return getComputedStyle(document.querySelector("[data-testid=dashboard-figures]")).direction');
  assert.equal(dir, 'rtl');
  // A negative NPS keeps its minus in front in Arabic too: embedded left to
  // right, with no right-to-left mark that would send the sign after the digits.
  const shown = await (await app.find('[data-testid="figure-nps-value-value"]')).textContent();
  assert.match(shown, /^\u202a-\d+\u202c$/, JSON.stringify(shown));
  await app.findWithText('[data-testid="hurt-problem"]', AR_PROBLEM);
  await dashboardLayout();
  await screenshot('ar-dashboard');

  await go('#/dashboard/customers');
  await app.find('[data-testid="period-row"]');
  assert.deepEqual(await pageScroll(app), []);
  await screenshot('ar-customers');
  await go('#/settings');
  await (await app.find('[data-testid="language-en"]')).click();
});
