// The root-cause report from the app: a manager opens a problem, previews
// its report, switches it to Arabic on A4, saves it as PDF and as HTML
// (the save dialog is bypassed to the driver's export folder); the files
// are what they say (a PDF whose text holds the title, an HTML page in
// Arabic, right to left, without scripts). Then last month's report of
// closed problems. Screenshots land in target/e2e/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Driver, screenshot, tempDir } from '../app.mjs';
import { spills } from '../layout.mjs';
import { Key } from '../webdriver.mjs';

const TITLE = 'Refund form rejects valid IBANs <script>';
let driver;
let app;

before(async () => {
  driver = await Driver.start();
  app = await driver.launch(join(tempDir(), 'report.db'));
});

after(async () => {
  await app?.end().catch(() => {});
  await driver?.stop();
});

async function clickOn(selector) {
  const el = await app.find(selector);
  await app.execute('arguments[0].scrollIntoView({ block: "center" })', [el.ref()]);
  await el.click();
}

async function select(selector, value) {
  await app.execute(
    `const el = document.querySelector(arguments[0]);
     const set = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set;
     set.call(el, arguments[1]);
     el.dispatchEvent(new Event('change', { bubbles: true }));`,
    [selector, value],
  );
}

function saved(extension) {
  return readdirSync(driver.exportsDir).filter((f) => f.endsWith(extension));
}

test('a problem’s report: preview, Arabic on A4, saved as PDF and HTML', async () => {
  const input = await app.find('[data-testid="new-problem-title"]');
  await input.click();
  await input.type(TITLE);
  await input.type(Key.Enter);
  await (await app.findWithText('[data-testid="problem-title"]', 'Refund form')).click();
  await clickOn('[data-testid="problem-report"]');
  const frame = await app.find('[data-testid="report-preview-frame"]', 30000);
  assert.equal(await frame.attribute('sandbox'), '');
  const srcdoc = await frame.property('srcdoc');
  assert.match(srcdoc, /Refund form rejects valid IBANs &lt;script&gt;/, 'user text escaped in the preview');
  assert.doesNotMatch(srcdoc, /<script/);
  assert.deepEqual(await spills(app, '[data-testid="report-dialog"]', '.field, .button, iframe'), []);
  await screenshot('en-report-dialog');

  await select('[data-testid="report-language"]', 'ar');
  await select('[data-testid="report-paper"]', 'a4_portrait');
  await app.waitFor(
    async () => /lang="ar"/.test(await (await app.find('[data-testid="report-preview-frame"]')).property('srcdoc')),
    'the Arabic preview',
    30000,
  );
  await screenshot('ar-report-preview');

  await clickOn('[data-testid="report-save-pdf"]');
  await app.findWithText('[data-testid="report-saved"]', '.pdf', 60000);
  const [pdf] = saved('.pdf');
  assert.ok(pdf, 'a PDF in the export folder');
  const bytes = readFileSync(join(driver.exportsDir, pdf));
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  const text = execFileSync('pdftotext', ['-layout', join(driver.exportsDir, pdf), '-'], { encoding: 'utf8' });
  // (pdftotext moves the closing ">" of the left-to-right title around in
  // an Arabic page; the page itself shows it in place.)
  assert.match(text, /Refund form rejects valid IBANs <script/, 'the title prints as typed');
  assert.match(text, /تقرير السبب الجذري/, 'the Arabic heading');

  await clickOn('[data-testid="report-save-html"]');
  await app.findWithText('[data-testid="report-saved"]', '.html', 60000);
  const [html] = saved('.html');
  const page = readFileSync(join(driver.exportsDir, html), 'utf8');
  assert.match(page, /<html[^>]*lang="ar"[^>]*dir="rtl"|<html[^>]*dir="rtl"[^>]*lang="ar"/);
  assert.doesNotMatch(page, /<script/i);
  await app.find('body').then((b) => b.type(Key.Escape));
});

test('the report of problems closed last month', async () => {
  await app.execute('window.location.hash = "#/problems"');
  await clickOn('[data-testid="period-report"]');
  await app.find('[data-testid="report-preview-frame"]', 30000);
  const from = await (await app.find('[data-testid="report-from"]')).property('value');
  assert.ok(from.length > 0, 'a first day is offered');
  await screenshot('en-period-report');
  await clickOn('[data-testid="report-save-pdf"]');
  await app.findWithText('[data-testid="report-saved"]', '.pdf', 60000);
  assert.equal(saved('.pdf').length, 2);
});
