// Starts tauri-driver and the built Rootwise app on temporary workspaces,
// and grabs screenshots of the X display.

import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Session } from './webdriver.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, '../..');
export const shotsDir = join(root, 'target', 'e2e');
export const appBinary = process.env.ROOTWISE_APP ?? join(root, 'target', 'debug', 'rootwise');

const PORT = Number(process.env.TAURI_DRIVER_PORT ?? 4444);

export function tempDir(prefix = 'rootwise-e2e-') {
  return mkdtempSync(join(tmpdir(), prefix));
}

async function waitForDriver(child, BASE) {
  const until = Date.now() + 20000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`tauri-driver exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${BASE}/status`);
      if (res.ok || res.status === 404 || res.status === 405) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error('tauri-driver did not start listening');
}

/**
 * A tauri-driver process with its own config folder, so the app's settings
 * (language, theme, display name) start fresh for each driver.
 */
export class Driver {
  /**
   * `offset` moves the driver's ports (a second driver beside the first
   * runs a second app at the same time); `env` adds to the app's environment.
   */
  static async start({ offset = 0, env: extra = {} } = {}) {
    const port = PORT + offset;
    if (!existsSync(appBinary)) {
      throw new Error(`${appBinary} is missing: build it with \`make app\` first`);
    }
    mkdirSync(shotsDir, { recursive: true });
    const home = tempDir('rootwise-e2e-home-');
    const env = {
      ...process.env,
      WEBKIT_DISABLE_DMABUF_RENDERER: '1',
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_DATA_HOME: join(home, 'data'),
      // Exports skip the native save dialog (WebDriver cannot click it) and land here.
      ROOTWISE_EXPORT_DIR: join(home, 'exports'),
      // Desktop notifications are also written here, one JSON line each.
      ROOTWISE_NOTIFY_LOG: join(home, 'notifications.jsonl'),
      // "Import CSV…" reads this file instead of asking in the native dialog.
      ROOTWISE_IMPORT_FILE: join(home, 'import.csv'),
      // "Add picture…" reads this file instead of asking in the native dialog.
      ROOTWISE_PICTURE_FILE: join(home, 'picture'),
      // "Merge changes…" reads this file instead of asking in the native dialog.
      ROOTWISE_CHANGES_FILE: join(home, 'merge.rootwise-changes'),
      // The survey import reads this file instead of asking in the native dialog.
      ROOTWISE_SURVEY_FILE: join(home, 'survey.csv'),
      // The help-desk import reads this file (a symbolic link the tests point
      // at each export, so the wizard shows the export's own name).
      ROOTWISE_TICKET_FILE: join(home, 'tickets'),
      LANG: 'C.UTF-8',
      ...extra,
    };
    mkdirSync(env.ROOTWISE_EXPORT_DIR, { recursive: true });
    delete env.ROOTWISE_WORKSPACE;
    const child = spawn(
      'tauri-driver',
      ['--port', String(port), '--native-port', String(port + 1)],
      // Its own process group, so stopping it also stops the WebKit driver
      // and any app it started (an app left running would hold the test
      // runner's output open and the suite would never end).
      { env, stdio: ['ignore', 'inherit', 'inherit'], detached: true },
    );
    const base = `http://127.0.0.1:${port}`;
    await waitForDriver(child, base);
    return new Driver(child, home, base);
  }

  constructor(child, home, base) {
    this.child = child;
    this.home = home;
    this.base = base;
    /** Where the app's exports go during the tests. */
    this.exportsDir = join(home, 'exports');
    /** The notifications the app showed, one JSON line each. */
    this.notifyLog = join(home, 'notifications.jsonl');
    /** The file "Import CSV…" reads. */
    this.importFile = join(home, 'import.csv');
    /** The file "Add picture…" reads. */
    this.pictureFile = join(home, 'picture');
    /** The file "Merge changes…" reads. */
    this.changesFile = join(home, 'merge.rootwise-changes');
    /** The file the survey import reads. */
    this.surveyFile = join(home, 'survey.csv');
    /** The link the help-desk import follows to its file. */
    this.ticketLink = join(home, 'tickets');
  }

  /** Starts the app on `workspace` and waits until its UI has mounted. */
  async launch(workspace) {
    const session = await Session.start(this.base, {
      'tauri:options': { application: appBinary, args: ['--workspace', workspace] },
    });
    await session.waitFor(
      () => session.execute('return document.querySelector("[data-app-ready]") !== null'),
      'the app to mount',
      30000,
    );
    // E2E_WINDOW=1920x1080 runs the suite in a window of that size (the
    // screen given to xvfb-run must be at least as large).
    const size = process.env.E2E_WINDOW?.match(/^(\d+)x(\d+)$/);
    if (size) {
      await session.cmd('POST', '/window/rect', { x: 0, y: 0, width: Number(size[1]), height: Number(size[2]) });
      await session.waitFor(
        async () => (await session.execute('return innerWidth')) === Number(size[1]),
        `a window ${size[0]} wide`,
      );
    }
    return session;
  }

  async stop() {
    const group = -this.child.pid;
    const exited = new Promise((r) => (this.child.exitCode !== null ? r() : this.child.once('exit', r)));
    try {
      process.kill(group, 'SIGTERM');
    } catch {
      // Already gone.
    }
    await exited;
    // Whatever of the group is still there (an app whose session did not end).
    await new Promise((r) => setTimeout(r, 300));
    try {
      process.kill(group, 'SIGKILL');
    } catch {
      // All gone.
    }
  }
}

/** Saves what the X display shows under target/e2e/NAME.png. */
export async function screenshot(name) {
  // Give fonts and layout a moment to settle before the grab.
  await new Promise((r) => setTimeout(r, 600));
  const file = join(shotsDir, `${name}.png`);
  execFileSync('timeout', ['20', 'import', '-window', 'root', file]);
  return file;
}

/** The titles of the windows on the X display (the shell sets them). */
export function windowTitles() {
  return execFileSync('xwininfo', ['-root', '-tree'], { encoding: 'utf8' });
}

/**
 * Waits until the chart inside `selector` has painted its canvas (charts
 * draw once the chart library has loaded) and returns how many of its
 * pixels are not transparent.
 */
export async function chartPaint(session, selector) {
  return session.waitFor(async () => {
    const painted = await session.execute(
      `const canvas = document.querySelector(arguments[0] + ' canvas');
       if (canvas === null || canvas.width === 0 || canvas.height === 0) return 0;
       const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
       let painted = 0;
       for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted += 1;
       return painted;`,
      [selector],
    );
    return painted > 0 ? painted : undefined;
  }, `the chart in ${selector} to draw`);
}
