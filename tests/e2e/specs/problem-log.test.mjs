// The problem log, driven as a support lead would: a sample workspace,
// search in Arabic, filters kept in the URL, a full form with rejected
// input, edits in place, occurrences, delete with undo, the trash, merging
// duplicates, and the same screens in Arabic. Screenshots in target/e2e/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { chartPaint, Driver, screenshot, tempDir } from '../app.mjs';
import { Key } from '../webdriver.mjs';
import { cutText, pageScroll, spills } from '../layout.mjs';

let driver;
let app;
const workspace = join(tempDir(), 'problem log.db');

before(async () => {
  driver = await Driver.start();
  app = await driver.launch(workspace);
});

after(async () => {
  await app?.end();
  await driver?.stop();
});

const rows = () => app.findAll('[data-testid="problem-row"]');
const rowCount = async () => (await rows()).length;
const hash = () => app.execute('return window.location.hash');

/** Sets a field's value the way a paste would, for very long text. */
async function paste(el, text) {
  await app.execute(
    `const el = arguments[0];
     const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
     Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, arguments[1]);
     el.dispatchEvent(new Event('input', { bubbles: true }));`,
    [el.ref(), text],
  );
}

async function waitForRows(n, what) {
  await app.waitFor(async () => (await rowCount()) === n, what ?? `${n} rows`);
}

async function openProblem(title) {
  await (await app.findWithText('[data-testid="problem-title"]', title)).click();
  await app.find('[data-testid="field-title"]');
}

test('an empty workspace loads the sample problems, which search finds in Arabic without diacritics', async () => {
  await (await app.find('[data-testid="sample-load"]')).click();
  await app.waitFor(async () => (await rowCount()) >= 6, 'the sample problems');
  await app.find('[data-testid="sample-remove"]');
  await screenshot('en-problem-list-samples');

  const search = await app.find('[data-testid="problem-search"]');
  await search.click();
  // A sample description says "أكثر من مرة": search with a bare alef and
  // a taa marbuta written as haa, as people often type.
  await search.type('اكثر مره');
  await waitForRows(1, 'one match for the Arabic search');
  assert.match(await hash(), /q=/, 'the search text is in the URL');
  await search.clear();
  await app.execute('arguments[0].dispatchEvent(new Event("input", { bubbles: true }))', [
    search.ref(),
  ]);
});

test('filters live in the URL and survive navigation', async () => {
  await (await app.find('[data-testid="filters-clear"]')).click().catch(() => {});
  const all = await app.waitFor(async () => {
    const n = await rowCount();
    return n >= 6 ? n : undefined;
  }, 'all rows');
  await (await app.find('[data-testid="filter-status-investigating"]')).click();
  await app.waitFor(async () => (await rowCount()) < all, 'fewer rows');
  assert.match(await hash(), /status=investigating/);
  const filtered = await rowCount();
  await (await app.find('[data-testid="nav-settings"]')).click();
  await app.find('[data-testid="language-en"]');
  await app.cmd('POST', '/back', {});
  await waitForRows(filtered, 'the same filtered rows after going back');
  await (await app.find('[data-testid="filters-clear"]')).click();
  await waitForRows(all, 'all rows again');
});

test('the full form refuses bad input beside each field and keeps what was typed', async () => {
  await (await app.find('[data-testid="new-problem-full"]')).click();
  const customer = await app.find('[data-testid="new-field-customer"]');
  await customer.type('شركة الأفق للتجارة');
  const nps = await app.find('[data-testid="new-field-nps"]');
  await nps.type('11');
  const reference = await app.find('[data-testid="new-field-references-input"]');
  await paste(reference, 'R'.repeat(10_000));
  await reference.type(Key.Enter);
  await (await app.find('[data-testid="new-problem-submit"]')).click();
  for (const field of ['title', 'nps', 'references']) {
    const error = await app.find(`[data-testid="new-field-${field}-error"]`);
    assert.ok((await error.text()).length > 0, `an error beside ${field}`);
  }
  assert.equal(await customer.property('value'), 'شركة الأفق للتجارة', 'nothing typed is lost');
  await screenshot('en-new-problem-errors');

  const title = await app.find('[data-testid="new-field-title"]');
  await title.type('Branch staff cannot print a refund receipt');
  await nps.clear();
  await nps.type('4');
  // Remove the over-long reference.
  await (await app.find('[data-testid="new-field-references"] button')).click();
  await (await app.find('[data-testid="new-problem-submit"]')).click();
  const shown = await app.find('[data-testid="field-title"]');
  assert.equal(
    (await shown.property('value')) || (await shown.text()),
    'Branch staff cannot print a refund receipt',
  );
});

test('edit in place, log occurrences, and see it in the history', async () => {
  const owner = await app.find('[data-testid="field-owner"]');
  await owner.click();
  await owner.type('Mariam Saleh');
  await owner.type(Key.Enter);
  await app.findWithText('[data-testid="history-row"]', 'Mariam Saleh');

  const status = await app.find('[data-testid="field-status"]');
  await status.click();
  await (await app.find('[data-testid="field-status"] option[value="investigating"]')).click();
  await app.waitFor(
    async () => (await (await app.find('[data-testid="field-status"]')).property('value')) === 'investigating',
    'status investigating',
  );

  await (await app.find('[data-testid="occurrence-log-open"]')).click();
  await (await app.find('[data-testid="occurrence-ticket"]')).type('ZD-90210');
  // Customers write emoji; send-keys drops them, so paste (as a person would).
  await paste(await app.find('[data-testid="occurrence-note"]'), 'اتصلت العميلة مرة ثالثة من الفرع 😡🙏');
  await (await app.find('[data-testid="occurrence-submit"]')).click();
  await app.findWithText('[data-testid="occurrence-row"]', 'ZD-90210');
  await app.findWithText('[data-testid="occurrence-row"]', '😡🙏');
  // The machine has no emoji font: the bundled one draws them, not empty boxes.
  await app.waitFor(
    () =>
      app.execute(
        `return [...document.fonts].some((face) => face.family.replace(/"/g, '') === 'Noto Color Emoji' && face.status === 'loaded')`,
      ),
    'the bundled emoji face to load for the note',
  );
  await app.waitFor(
    async () => (await (await app.find('[data-testid="occurrence-count"]')).text()).includes('2'),
    'two reports',
  );
  await chartPaint(app, '[data-testid="sparkline"]');
  await screenshot('en-problem-detail');
  // Only the main area scrolls: the page stays put, the sidebar with it.
  assert.deepEqual(await pageScroll(app), [], 'the problem page');
  await app.execute('document.querySelector("[data-testid=occurrence-row]").scrollIntoView({ block: "center" })');
  await screenshot('en-problem-detail-scrolled');
});

test('delete offers undo, and the trash restores', async () => {
  await (await app.find('[data-testid="problem-delete"]')).click();
  await (await app.find('[data-testid="undo-delete"]')).click();
  await app.find('[data-testid="field-title"]');

  await (await app.find('[data-testid="problem-delete"]')).click();
  await app.find('[data-testid="undo-toast"]');
  await (await app.find('[data-testid="nav-trash"]')).click();
  const row = await app.findWithText('[data-testid="trash-row"]', 'Branch staff cannot print');
  await screenshot('en-trash');
  const restore = (await app.findAll('[data-testid="trash-restore"]'))[0];
  assert.ok(row && restore);
  await restore.click();
  await app.waitFor(
    async () => (await app.findAll('[data-testid="trash-row"]')).length === 0,
    'an empty trash',
  );
  await (await app.find('[data-testid="nav-problems"]')).click();
  await app.findWithText('[data-testid="problem-row"]', 'Branch staff cannot print');
});

test('merge two duplicates: the survivor keeps the reports', async () => {
  const search = await app.find('[data-testid="problem-search"]');
  await search.click();
  await search.type('refund');
  await app.waitFor(async () => (await rowCount()) === 2, 'the two refund problems');
  const boxes = await app.findAll('[data-testid="problem-select"]');
  await boxes[0].click();
  await boxes[1].click();
  await (await app.find('[data-testid="merge-open"]')).click();
  const survivor = await app.find('[data-testid^="merge-survivor-"]');
  await survivor.click();
  await screenshot('en-merge-dialog');
  await (await app.find('[data-testid="merge-confirm"]')).click();
  await app.find('[data-testid="field-title"]');
  const count = await (await app.find('[data-testid="occurrence-count"]')).text();
  assert.ok(Number(count.match(/\d+/)?.[0]) >= 3, `the reports moved over (${count})`);
});

test('the problem log in Arabic', async () => {
  await (await app.find('[data-testid="nav-settings"]')).click();
  await (await app.find('[data-testid="language-ar"]')).click();
  await app.waitFor(async () => (await app.execute('return document.documentElement.dir')) === 'rtl', 'rtl');
  await (await app.find('[data-testid="nav-problems"]')).click();
  await (await app.find('[data-testid="filters-clear"]')).click().catch(() => {});
  await app.waitFor(async () => (await rowCount()) >= 6, 'rows');
  await screenshot('ar-problem-list');
  await openProblem('رمز التحقق');
  // The reported day shows whole in the side panel, in Arabic too.
  assert.deepEqual(await cutText(app, '[data-testid="field-reportedOn"] input, input[data-testid="field-reportedOn"]'), []);
  assert.deepEqual(await spills(app, '.field--inline', '.date-field'), []);
  await screenshot('ar-problem-detail');
  assert.deepEqual(await pageScroll(app), [], 'the Arabic problem page');
  await app.execute('document.querySelector("[data-testid=main]").scrollTop = 600');
  await screenshot('ar-problem-detail-scrolled');
  await (await app.find('[data-testid="nav-problems"]')).click();
  await (await app.find('[data-testid="new-problem-full"]')).click();
  await (await app.find('[data-testid="new-problem-submit"]')).click();
  await app.find('[data-testid="new-field-title-error"]');
  await screenshot('ar-new-problem-errors');
});
