// The foundation, driven as a person would: add problems by typing, quit and
// come back, switch to Arabic, and recover from a file that is not a
// workspace. Screenshots land in target/e2e/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Driver, root, screenshot, tempDir, windowTitles } from '../app.mjs';
import { Key } from '../webdriver.mjs';

const en = JSON.parse(readFileSync(join(root, 'ui/src/i18n/en.json'), 'utf8'));
const ar = JSON.parse(readFileSync(join(root, 'ui/src/i18n/ar.json'), 'utf8'));

/** Looks a dotted key up in a translation file. */
function tr(messages, key) {
  const value = key.split('.').reduce((node, part) => node?.[part], messages);
  assert.equal(typeof value, 'string', `translation ${key} exists`);
  return value;
}

let driver;
const dir = tempDir();
const workspace = join(dir, 'team workspace.db');

before(async () => {
  driver = await Driver.start();
});

after(async () => {
  await driver?.stop();
});

const ENGLISH = 'Refund never arrived after the customer cancelled <b>twice</b>';
const ARABIC = 'العميل لم يستلم رسالة التأكيد بعد الدفع';

async function addProblem(app, title) {
  const input = await app.find('[data-testid="new-problem-title"]');
  await input.click();
  await input.type(title);
  await input.type(Key.Enter);
  await app.findWithText('[data-testid="problem-row"]', title);
  assert.equal(await input.property('value'), '', 'the field clears after saving');
}

test('add problems by typing, and find them again after a restart', async () => {
  let app = await driver.launch(workspace);
  try {
    await addProblem(app, ENGLISH);
    await addProblem(app, ARABIC);

    // A title over 300 characters is refused with a message beside the
    // field, and what was typed stays there.
    const input = await app.find('[data-testid="new-problem-title"]');
    const long = 'x'.repeat(301);
    await input.type(long);
    await input.type(Key.Enter);
    const error = await app.find('[data-testid="new-problem-title-error"]');
    assert.match(await error.text(), /300/);
    assert.equal(await input.property('value'), long);
    assert.equal(await input.attribute('aria-invalid'), 'true');
    await input.clear();

    assert.ok(
      windowTitles().includes('team workspace.db — Rootwise'),
      'the window title names the workspace file',
    );
    await screenshot('en-problems');
  } finally {
    await app.end();
  }

  app = await driver.launch(workspace);
  try {
    const rows = await app.waitFor(async () => {
      const found = await app.findAll('[data-testid="problem-row"]');
      return found.length === 2 ? found : undefined;
    }, 'two problems after the restart');
    const texts = await Promise.all(rows.map((r) => r.text()));
    assert.ok(texts[0].includes(ARABIC), 'newest first');
    assert.ok(texts[1].includes(ENGLISH), 'markup typed by the user is shown as text');
  } finally {
    await app.end();
  }
});

test('switch to Arabic: the layout turns right to left, the navigation is translated, and the choice is remembered', async () => {
  let app = await driver.launch(workspace);
  try {
    assert.equal(await app.execute('return document.documentElement.dir'), 'ltr');
    const navProblems = await app.find('[data-testid="nav-problems"]');
    assert.equal((await navProblems.text()).trim(), tr(en, 'nav.problems'));

    await (await app.find('[data-testid="nav-settings"]')).click();
    await (await app.find('[data-testid="language-ar"]')).click();
    await app.waitFor(
      async () => (await app.execute('return document.documentElement.dir')) === 'rtl',
      'dir="rtl"',
    );
    assert.equal(await app.execute('return document.documentElement.lang'), 'ar');
    for (const key of ['problems', 'analyses', 'personas', 'settings']) {
      const link = await app.find(`[data-testid="nav-${key}"]`);
      assert.equal((await link.text()).trim(), tr(ar, `nav.${key}`));
      assert.notEqual(tr(ar, `nav.${key}`), tr(en, `nav.${key}`));
    }
    // The sidebar sits on the right in Arabic.
    const side = await app.execute(
      'const r = document.querySelector("[data-testid=nav-problems]").getBoundingClientRect(); return r.left > window.innerWidth / 2;',
    );
    assert.equal(side, true);
    await screenshot('ar-settings');
    await (await app.find('[data-testid="nav-problems"]')).click();
    await app.findWithText('[data-testid="problem-row"]', ARABIC);
    await screenshot('ar-problems');
  } finally {
    await app.end();
  }

  app = await driver.launch(workspace);
  try {
    await app.waitFor(
      async () => (await app.execute('return document.documentElement.dir')) === 'rtl',
      'Arabic to be remembered',
    );
    await (await app.find('[data-testid="nav-settings"]')).click();
    await (await app.find('[data-testid="language-en"]')).click();
    await app.waitFor(
      async () => (await app.execute('return document.documentElement.dir')) === 'ltr',
      'back to English',
    );

    // The dark theme, chosen by hand, overrides the system's.
    await (await app.find('[data-testid="theme-dark"]')).click();
    await app.waitFor(
      async () => (await app.execute('return document.documentElement.dataset.theme')) === 'dark',
      'the dark theme',
    );
    const background = await app.execute(
      'return getComputedStyle(document.body).backgroundColor',
    );
    const [r, g, b] = background.match(/\d+/g).map(Number);
    assert.ok(r + g + b < 200, `a dark background (${background})`);
    await (await app.find('[data-testid="nav-problems"]')).click();
    await screenshot('en-dark-problems');
    await (await app.find('[data-testid="nav-settings"]')).click();
    await (await app.find('[data-testid="theme-system"]')).click();
  } finally {
    await app.end();
  }
});

test('the shortcut overlay opens with ? and closes with Escape', async () => {
  const app = await driver.launch(workspace);
  try {
    await (await app.find('[data-testid="nav-problems"]')).click();
    await app.execute('document.activeElement && document.activeElement.blur()');
    await app.keys('?');
    const overlay = await app.find('[data-testid="shortcut-overlay"]');
    assert.ok((await overlay.text()).length > 0);
    await screenshot('en-shortcuts');
    await app.keys(Key.Escape);
    await app.waitFor(
      async () => (await app.findAll('[data-testid="shortcut-overlay"]')).length === 0,
      'the overlay to close',
    );
  } finally {
    await app.end();
  }
});

/** Pastes `text` into the focused field as the clipboard would (WebDriver cannot reach the clipboard). */
async function paste(app, selector, text) {
  // The field first has to be there (the screen renders after the app mounts).
  await app.find(selector);
  await app.execute(
    `const el = document.querySelector(arguments[0]);
     el.focus();
     const data = new DataTransfer();
     data.setData('text/plain', arguments[1]);
     el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));`,
    [selector, text],
  );
}

test('pasted lines in a one-line title become one line with spaces, and the field says so, in English and Arabic', async () => {
  const app = await driver.launch(join(dir, 'pasted.db'));
  try {
    const field = '[data-testid="new-problem-title"]';
    await paste(app, field, 'Refund never arrives\nafter the customer\r\ncancels\ttwice');
    const input = await app.find(field);
    await app.waitFor(
      async () => (await input.property('value')) === 'Refund never arrives after the customer cancels twice',
      'the joined title',
    );
    const notice = await app.find('[data-testid="new-problem-title-joined"]');
    assert.equal((await notice.text()).trim(), tr(en, 'textField.joinedLines'));
    await screenshot('en-pasted-title');
    await input.type(Key.Enter);
    await app.findWithText('[data-testid="problem-row"]', 'Refund never arrives after the customer cancels twice');

    await (await app.find('[data-testid="nav-settings"]')).click();
    await (await app.find('[data-testid="language-ar"]')).click();
    await app.waitFor(async () => (await app.execute('return document.documentElement.dir')) === 'rtl', 'rtl');
    await (await app.find('[data-testid="nav-problems"]')).click();
    await paste(app, field, 'الاسترداد لا يصل\nبعد الإلغاء');
    await app.waitFor(
      async () => (await (await app.find(field)).property('value')) === 'الاسترداد لا يصل بعد الإلغاء',
      'the joined Arabic title',
    );
    const arabicNotice = await app.find('[data-testid="new-problem-title-joined"]');
    assert.equal((await arabicNotice.text()).trim(), tr(ar, 'textField.joinedLines'));
    await screenshot('ar-pasted-title');
    await (await app.find('[data-testid="nav-settings"]')).click();
    await (await app.find('[data-testid="language-en"]')).click();
    await app.waitFor(async () => (await app.execute('return document.documentElement.dir')) === 'ltr', 'ltr');
  } finally {
    await app.end();
  }
});

test('a file that is not a workspace is refused with its path, left untouched, and another can be chosen', async () => {
  const bad = join(dir, 'meeting notes.db');
  const content = 'Notes from the Tuesday review, not a database.\n'.repeat(50);
  writeFileSync(bad, content);
  const app = await driver.launch(bad);
  try {
    const screen = await app.find('[data-testid="workspace-error"]');
    assert.ok((await screen.text()).includes(bad), 'the message names the file');
    await screenshot('en-workspace-error');

    const fresh = join(dir, 'fresh.db');
    const field = await app.find('[data-testid="workspace-path-input"]');
    await field.type(fresh);
    await (await app.find('[data-testid="workspace-path-open"]')).click();
    await addProblem(app, 'Opened after choosing another file');
    assert.ok(windowTitles().includes('fresh.db — Rootwise'), 'the title follows the new file');
  } finally {
    await app.end();
  }
  assert.equal(readFileSync(bad, 'utf8'), content, 'the bad file was not overwritten');
});

test('a folder given as the workspace is said to be a folder, and a workspace can be created inside it', async () => {
  const folder = join(dir, 'Team files');
  mkdirSync(folder, { recursive: true });
  const app = await driver.launch(folder);
  try {
    const message = await app.find('[data-testid="workspace-error-message"]');
    const text = await message.text();
    assert.ok(text.includes(folder), 'the message names the folder');
    assert.ok(text.includes('is a folder, not a workspace file'), text);
    assert.ok(!text.includes('SQLite'), 'it does not call the folder a database');
    const inside = join(folder, 'workspace.db');
    assert.ok((await (await app.find('[data-testid="workspace-folder-way-out"]')).text()).includes(inside));
    await screenshot('en-workspace-folder');
    await (await app.find('[data-testid="workspace-create-in-folder"]')).click();
    await addProblem(app, 'Logged in the workspace inside the folder');
    assert.ok(windowTitles().includes('workspace.db — Rootwise'), 'the title names the new file');
    assert.ok(readFileSync(inside).subarray(0, 15).toString() === 'SQLite format 3', 'a workspace was created inside');
  } finally {
    await app.end();
  }
});

test('a workspace from a newer Rootwise is refused, in Arabic, naming both versions, and left untouched', async () => {
  const future = join(dir, 'from the future.db');
  // A Rootwise workspace (application id "RWKS") at schema version 99.
  execFileSync('python3', [
    '-c',
    `import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("PRAGMA application_id = 1381452627")
c.execute("PRAGMA user_version = 99")
c.execute("CREATE TABLE problems (id TEXT)")
c.commit()`,
    future,
  ]);
  const before = readFileSync(future);
  // The user picked Arabic earlier: the settings file says so.
  const configDir = join(driver.home, 'config', 'org.rootwise.desktop');
  mkdirSync(configDir, { recursive: true });
  writeFileSync(
    join(configDir, 'settings.json'),
    JSON.stringify({ displayName: 'هدى', language: 'ar', theme: 'light' }),
  );
  const app = await driver.launch(future);
  try {
    const screen = await app.find('[data-testid="workspace-error"]');
    const text = await screen.text();
    assert.equal(await app.execute('return document.documentElement.dir'), 'rtl');
    assert.ok(text.includes(future), 'the message names the file');
    assert.ok(text.includes('99'), 'and the version found');
    await screenshot('ar-workspace-too-new');
  } finally {
    await app.end();
  }
  assert.deepEqual(readFileSync(future), before, 'the newer workspace was not touched');
});

test('in Arabic, a folder is said to be a folder and the way out is translated', async () => {
  // The previous test left Arabic chosen in the settings.
  const folder = join(dir, 'مجلد الفريق');
  mkdirSync(folder, { recursive: true });
  const app = await driver.launch(folder);
  try {
    const message = await app.find('[data-testid="workspace-error-message"]');
    assert.equal(await app.execute('return document.documentElement.dir'), 'rtl');
    const text = await message.text();
    assert.ok(text.includes(folder), 'the message names the folder');
    assert.ok(text.includes('مجلد، وليس ملف مساحة عمل'), text);
    const button = await app.find('[data-testid="workspace-create-in-folder"]');
    assert.equal((await button.text()).trim(), tr(ar, 'workspace.createInFolder'));
    await screenshot('ar-workspace-folder');
  } finally {
    await app.end();
  }
});
