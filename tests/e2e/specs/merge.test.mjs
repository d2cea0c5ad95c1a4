// Two copies of a workspace, as a facilitator and a manager use them: the
// team's workspace is copied for a workshop laptop, both change the same
// problem offline, the laptop exports its changes and the team merges
// them. Both people's work is there, what lost is listed for review and
// comes back in one click, and merging the same file again changes
// nothing; in English, then in Arabic. Screenshots land in target/e2e/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Driver, root, screenshot, tempDir } from '../app.mjs';
import { spills } from '../layout.mjs';
import { Key } from '../webdriver.mjs';

const en = JSON.parse(readFileSync(join(root, 'ui/src/i18n/en.json'), 'utf8'));
const ar = JSON.parse(readFileSync(join(root, 'ui/src/i18n/ar.json'), 'utf8'));

let driver;
const dir = tempDir();
const team = join(dir, 'team.db');

const SHARED = 'Refund never arrives after a cancelled order';
const FROM_LAPTOP = 'لم يصل الطرد إلى العميل رغم تأكيد الشحن';
const FROM_TEAM = 'Agent hung up during the refund call';

before(async () => {
  driver = await Driver.start();
});

after(async () => {
  await driver?.stop();
});

async function clickOn(app, selector) {
  const el = await app.find(selector);
  await app.execute('arguments[0].scrollIntoView({ block: "center" })', [el.ref()]);
  await el.click();
}

async function addProblem(app, title) {
  const input = await app.find('[data-testid="new-problem-title"]');
  await input.click();
  await input.type(title);
  await input.type(Key.Enter);
  await app.findWithText('[data-testid="problem-row"]', title);
}

async function setOwner(app, title, owner) {
  await app.execute('window.location.hash = "#/problems"');
  await (await app.findWithText('[data-testid="problem-title"]', title)).click();
  const field = await app.find('[data-testid="field-owner"]');
  await field.click();
  await field.clear();
  await field.type(owner);
  await field.type(Key.Enter);
  await app.findWithText('[data-testid="history-row"]', owner);
}

async function fileMenu(app, item) {
  await clickOn(app, '[data-testid="file-menu"]');
  await clickOn(app, `[data-testid="file-menu-${item}"]`);
}

test('a workshop copy and the team merge each other’s work, in English', async () => {
  // The team's workspace, and a copy of it for the workshop laptop.
  let app = await driver.launch(team);
  try {
    await addProblem(app, SHARED);
    await fileMenu(app, 'copy');
    const name = await app.find('[data-testid="copy-name"]');
    await name.clear();
    await name.type('Workshop laptop');
    await clickOn(app, '[data-testid="copy-save"]');
    const saved = await app.find('[data-testid="copy-saved"]');
    assert.match(await saved.text(), /Workshop laptop/);
    await screenshot('en-copy-for-workshop');
    await clickOn(app, '[data-testid="copy-close"]');
  } finally {
    await app.end();
  }
  const laptop = join(driver.exportsDir, 'Workshop-laptop.db');
  assert.ok(existsSync(laptop), 'the copy is where the user saved it');

  // Offline at the workshop: the facilitator sets an owner and logs a problem.
  app = await driver.launch(laptop);
  try {
    await app.findWithText('[data-testid="problem-row"]', SHARED);
    await setOwner(app, SHARED, 'Mona');
    await app.execute('window.location.hash = "#/problems"');
    await addProblem(app, FROM_LAPTOP);
    await fileMenu(app, 'export');
    const choice = await app.find('[data-testid="export-for"]');
    // Named after the team's file when the copy was made.
    assert.match(await choice.text(), /team.*\(this copy was made from it\)/);
    await screenshot('en-export-changes');
    await clickOn(app, '[data-testid="export-save"]');
    const saved = await app.find('[data-testid="export-saved"]');
    assert.match(await saved.text(), /Saved \d+ changes to/);
  } finally {
    await app.end();
  }
  const exported = readdirSync(driver.exportsDir).filter((f) => f.endsWith('.rootwise-changes'));
  assert.equal(exported.length, 1, exported.join(', '));
  copyFileSync(join(driver.exportsDir, exported[0]), driver.changesFile);

  // Back at the office the manager changed the same field, later.
  app = await driver.launch(team);
  try {
    await setOwner(app, SHARED, 'Karim');
    await app.execute('window.location.hash = "#/problems"');
    await addProblem(app, FROM_TEAM);
    await fileMenu(app, 'merge');
    const summary = await app.find('[data-testid="merge-result-dialog"]');
    assert.match(await summary.text(), /From .*Workshop laptop/);
    assert.match(await (await app.find('[data-testid="merge-line-overwritten"]')).text(), /1 set aside/);
    await screenshot('en-merge-summary');
    await clickOn(app, '[data-testid="merge-review"]');

    // The review: the facilitator's owner was set aside, the manager's kept.
    assert.equal(await (await app.find('[data-testid="copy-rename"]')).property('value'), 'team');
    const item = await app.find('[data-testid="review-item"]');
    assert.match(await item.text(), new RegExp(SHARED));
    assert.equal(await (await app.find('[data-testid="review-lost"]')).text(), 'Mona');
    assert.equal(await (await app.find('[data-testid="review-kept"]')).text(), 'Karim');
    assert.deepEqual(await spills(app, '.review-card', '*'), []);
    await screenshot('en-merged-changes');

    // Both people's problems are in the list.
    await app.execute('window.location.hash = "#/problems"');
    await app.findWithText('[data-testid="problem-row"]', FROM_LAPTOP);
    await app.findWithText('[data-testid="problem-row"]', FROM_TEAM);
  } finally {
    await app.end();
  }
});

test('the review in Arabic: the set-aside owner comes back, and merging again changes nothing', async () => {
  const app = await driver.launch(team);
  try {
    await app.execute('window.location.hash = "#/settings"');
    await clickOn(app, '[data-testid="language-ar"]');
    await app.waitFor(async () => (await app.execute('return document.documentElement.dir')) === 'rtl', 'rtl');
    await fileMenu(app, 'review');
    const heading = await app.find('h1');
    assert.equal(await heading.text(), ar.changes.review.title);
    const kind = await app.find('[data-testid="review-kind"]');
    assert.equal(await kind.text(), ar.changes.review.kind.overwritten);
    // Right to left: the field's label column sits at the right of the table.
    const [labelRight, lostRight] = await app.execute(
      `const row = document.querySelector('[data-testid="review-field"]');
       return [row.querySelector('th').getBoundingClientRect().right, row.querySelector('[data-testid="review-lost"]').getBoundingClientRect().right];`,
    );
    assert.ok(labelRight > lostRight, `label at ${labelRight}, lost value at ${lostRight}`);
    assert.deepEqual(await spills(app, '.review-card', '*'), []);
    assert.deepEqual(await spills(app, 'main', '.review-card'), []);
    await screenshot('ar-merged-changes');

    await clickOn(app, '[data-testid="review-bring-back"]');
    const outcome = await app.find('[data-testid="review-outcome"]');
    assert.match(await outcome.text(), /عادت النسخة الموضوعة جانبًا/);
    await app.find('[data-testid="review-empty"]');

    // The owner is the facilitator's again.
    await app.execute('window.location.hash = "#/problems"');
    await (await app.findWithText('[data-testid="problem-title"]', SHARED)).click();
    await app.waitFor(
      async () => (await (await app.find('[data-testid="field-owner"]')).property('value')) === 'Mona',
      'the set-aside owner back',
    );

    // The same file again: nothing new.
    await fileMenu(app, 'merge');
    const summary = await app.find('[data-testid="merge-result-dialog"]');
    assert.match(await summary.text(), new RegExp(ar.changes.merge.nothing.slice(0, 20)));
    await screenshot('ar-merge-again');
    assert.ok(en.changes.merge.nothing.length > 0);
  } finally {
    await app.end();
  }
});
