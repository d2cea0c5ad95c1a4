// Team mode: two people's apps, each on its own computer (here: two app
// instances, each with its own settings and files), share one workspace
// through a team hub that runs here (`scripts/hub.sh`, as `make hub` does:
// a throw-away PostgreSQL cluster and the hub on 127.0.0.1). Each opens the
// team workspace from the hub; a problem added on one appears on the other;
// an edit there comes back; one disconnects, both work, it reconnects and
// both end the same. In English, then in Arabic. Screenshots in target/e2e/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Driver, root, screenshot, tempDir } from '../app.mjs';
import { spills } from '../layout.mjs';
import { Key } from '../webdriver.mjs';

const ar = JSON.parse(readFileSync(join(root, 'ui/src/i18n/ar.json'), 'utf8'));

const FROM_MONA = 'العميل لا يستلم رمز التحقق عبر الرسائل';
const FROM_KARIM = 'Refund form rejects valid IBANs';
const OFFLINE = 'Chat transcript lost after transfer';
// The apps sync every 2 s here (30 s normally), so a test waits seconds.
const SYNC = { ROOTWISE_SYNC_INTERVAL_MS: '2000' };
const WAIT = 60000;

let hub;
let karim;
let mona;

async function startHub() {
  const dir = tempDir('rootwise-e2e-hub-');
  const port = 18000 + (process.pid % 2000);
  const address = `http://127.0.0.1:${port}`;
  const child = spawn('bash', [join(root, 'scripts/hub.sh')], {
    env: {
      ...process.env,
      ROOTWISE_HUB_DIR: dir,
      ROOTWISE_HUB_PG_PORT: String(port + 1),
      ROOTWISE_HUB_LISTEN: `127.0.0.1:${port}`,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const until = Date.now() + 600000; // the first run builds the hub
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the hub exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${address}/v1/health`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error('the hub did not start');
    await new Promise((r) => setTimeout(r, 500));
  }
  const tokenFile = join(dir, 'token');
  assert.ok(existsSync(tokenFile));
  return { child, address, token: readFileSync(tokenFile, 'utf8').trim() };
}

async function stopHub() {
  if (hub === undefined) return;
  const exited = new Promise((r) => (hub.child.exitCode !== null ? r() : hub.child.once('exit', r)));
  try {
    process.kill(-hub.child.pid, 'SIGINT');
  } catch {
    // gone
  }
  await Promise.race([exited, new Promise((r) => setTimeout(r, 20000))]);
}

before(async () => {
  hub = await startHub();
  karim = { driver: await Driver.start({ env: SYNC }) };
  mona = { driver: await Driver.start({ offset: 2, env: SYNC }) };
});

after(async () => {
  await karim?.app?.end().catch(() => {});
  await mona?.app?.end().catch(() => {});
  await karim?.driver?.stop();
  await mona?.driver?.stop();
  await stopHub();
});

async function clickOn(app, selector) {
  const el = await app.find(selector);
  await app.execute('arguments[0].scrollIntoView({ block: "center" })', [el.ref()]);
  await el.click();
}

async function fill(app, selector, text) {
  const field = await app.find(selector);
  await field.click();
  await field.clear();
  await field.type(text);
}

/** The text of what `selector` shows, if it is on screen with a size. */
function shownText(app, selector) {
  return app.execute(
    `const el = document.querySelector(arguments[0]);
     if (el === null) return 'missing';
     const b = el.getBoundingClientRect();
     if (b.width === 0 || b.height === 0 || b.bottom > innerHeight || b.right > innerWidth || b.left < 0) {
       return 'off screen at ' + [b.left, b.top, b.right, b.bottom].map(Math.round).join(',');
     }
     return el.textContent.trim();`,
    [selector],
  );
}

/**
 * Shows `app`'s window alone on the display, for a screenshot: the other
 * one moves off the screen (still mapped, so it keeps running as it would
 * behind another window; minimising would pause it).
 */
async function alone(app, other, scrollTo = '[data-testid="team-section"]') {
  const [width, height] = (process.env.E2E_WINDOW ?? '1200x800').split('x').map(Number);
  await other.cmd('POST', '/window/rect', { x: width + 50, y: 0, width, height }).catch(() => {});
  await app.cmd('POST', '/window/rect', { x: 0, y: 0, width, height }).catch(() => {});
  await app.execute('document.querySelector(arguments[0])?.scrollIntoView({ block: "start" })', [scrollTo]);
  await new Promise((r) => setTimeout(r, 500));
}

async function settings(app) {
  await app.execute('window.location.hash = "#/settings"');
  await app.find('[data-testid="team-workspace-id"]');
}

/** Settings → Team: opens the hub's team workspace as a new file. */
async function openTeamWorkspace(app) {
  await settings(app);
  await fill(app, '[data-testid="team-address"]', hub.address);
  await fill(app, '[data-testid="team-token"]', hub.token);
  await clickOn(app, '[data-testid="team-list"]');
  // The list, or why there is none.
  const shown = await app.waitFor(
    () =>
      app.execute(
        `const list = document.querySelector('[data-testid="team-offered"]');
         const error = document.querySelector('[data-testid="team-error"], [data-testid="team-address-error"], [data-testid="team-token-error"]');
         return list?.textContent || (error ? 'error: ' + error.textContent : null);`,
      ),
    'the hub\'s workspaces',
    WAIT,
  );
  assert.match(shown, /Team workspace/);
  await clickOn(app, '[data-testid^="team-join-"]');
  await app.findWithText('[data-testid="workspace-file-name"]', 'Team workspace.db', WAIT);
  await app.find('[data-testid="team-connected"]', WAIT);
}

async function addProblem(app, title) {
  await app.execute('window.location.hash = "#/problems"');
  const input = await app.find('[data-testid="new-problem-title"]');
  await input.click();
  await input.type(title);
  await input.type(Key.Enter);
  await app.findWithText('[data-testid="problem-row"]', title);
}

async function openProblem(app, title) {
  await app.execute('window.location.hash = "#/problems"');
  await (await app.findWithText('[data-testid="problem-title"]', title, WAIT)).click();
  await app.find('[data-testid="field-owner"]');
}

async function setOwner(app, title, owner) {
  await openProblem(app, title);
  await fill(app, '[data-testid="field-owner"]', owner);
  const field = await app.find('[data-testid="field-owner"]');
  await field.type(Key.Enter);
  await app.findWithText('[data-testid="history-row"]', owner);
}

async function ownerBecomes(app, title, owner) {
  await openProblem(app, title);
  await app.waitFor(
    async () => (await (await app.find('[data-testid="field-owner"]')).property('value')) === owner,
    `the owner of "${title}" to become ${owner}`,
    WAIT,
  );
}

test('two apps share a team workspace through the hub, in English', async () => {
  const work = tempDir();
  karim.app = await karim.driver.launch(join(work, 'karim.db'));
  mona.app = await mona.driver.launch(join(work, 'mona.db'));
  for (const [app, name] of [
    [karim.app, 'Karim'],
    [mona.app, 'Mona'],
  ]) {
    await app.execute('window.location.hash = "#/settings"');
    await fill(app, '[data-testid="settings-display-name"]', name);
    await (await app.find('[data-testid="settings-display-name"]')).type(Key.Enter);
  }

  // Connecting with a wrong token says so, and keeps what was typed.
  await settings(karim.app);
  await fill(karim.app, '[data-testid="team-address"]', hub.address);
  await fill(karim.app, '[data-testid="team-token"]', 'rwh_wrong');
  await clickOn(karim.app, '[data-testid="team-connect"]');
  assert.match(await (await karim.app.find('[data-testid="team-error"]')).text(), /did not accept this token/);
  assert.equal(await (await karim.app.find('[data-testid="team-address"]')).property('value'), hub.address);
  await alone(karim.app, mona.app);
  await screenshot('en-team-refused');

  await openTeamWorkspace(karim.app);
  await openTeamWorkspace(mona.app);

  // Karim adds a problem; it appears on Mona's list by itself.
  await addProblem(karim.app, FROM_KARIM);
  await mona.app.execute('window.location.hash = "#/problems"');
  await mona.app.findWithText('[data-testid="problem-row"]', FROM_KARIM, WAIT);

  // Mona takes it; Karim sees her as its owner, and she is its author in history.
  await setOwner(mona.app, FROM_KARIM, 'Mona');
  await ownerBecomes(karim.app, FROM_KARIM, 'Mona');
  await addProblem(mona.app, FROM_MONA);
  await karim.app.execute('window.location.hash = "#/problems"');
  await karim.app.findWithText('[data-testid="problem-row"]', FROM_MONA, WAIT);

  await settings(karim.app);
  await karim.app.waitFor(
    async () => /Up to date/.test(await (await karim.app.find('[data-testid="team-state"]')).text()),
    'Karim up to date',
    WAIT,
  );
  await alone(karim.app, mona.app);
  await screenshot('en-team-connected');
  assert.equal(await shownText(karim.app, '[data-testid="hub-indicator"]'), 'Team: up to date');
  assert.deepEqual(await spills(karim.app, '[data-testid="team-section"]', '*'), []);
  assert.deepEqual(await spills(karim.app, '.sidebar-footer', '*'), []);

  // Mona disconnects; both go on working; she connects again and both
  // hold both people's work.
  await settings(mona.app);
  await clickOn(mona.app, '[data-testid="team-disconnect"]');
  await mona.app.find('[data-testid="team-form"]');
  await setOwner(karim.app, FROM_MONA, 'Karim');
  await addProblem(mona.app, OFFLINE);
  await settings(mona.app);
  await fill(mona.app, '[data-testid="team-address"]', hub.address);
  await fill(mona.app, '[data-testid="team-token"]', hub.token);
  await clickOn(mona.app, '[data-testid="team-connect"]');
  await mona.app.find('[data-testid="team-connected"]', WAIT);
  await ownerBecomes(mona.app, FROM_MONA, 'Karim');
  await karim.app.execute('window.location.hash = "#/problems"');
  await karim.app.findWithText('[data-testid="problem-row"]', OFFLINE, WAIT);
});

test('the Team settings in Arabic: right to left, nothing cut off', async () => {
  const app = mona.app;
  await settings(app);
  await clickOn(app, '[data-testid="language-ar"]');
  await app.waitFor(async () => (await app.execute('return document.documentElement.dir')) === 'rtl', 'rtl');
  await settings(app);
  const heading = await app.findWithText('[data-testid="team-section"] h2', ar.team.title);
  assert.ok(heading);
  await app.waitFor(
    async () => (await (await app.find('[data-testid="team-state"]')).text()).startsWith('محدَّثة'),
    'Arabic up to date',
    WAIT,
  );
  // The address reads left to right inside the right-to-left page.
  assert.equal(await (await app.find('[data-testid="team-connected-address"]')).attribute('dir'), 'ltr');
  const [sectionRight, headingRight] = await app.execute(
    `const s = document.querySelector('[data-testid="team-section"]').getBoundingClientRect();
     const h = document.querySelector('[data-testid="team-section"] h2').getBoundingClientRect();
     return [s.right, h.right];`,
  );
  assert.ok(Math.abs(sectionRight - headingRight) < 2, `heading at the right edge: ${headingRight} vs ${sectionRight}`);
  assert.deepEqual(await spills(app, '[data-testid="team-section"]', '*'), []);
  await alone(app, karim.app);
  await screenshot('ar-team-connected');
  assert.equal(await shownText(app, '[data-testid="hub-indicator"]'), ar.team.indicator.idle);
});
