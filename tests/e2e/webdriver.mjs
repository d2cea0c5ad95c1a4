// A small W3C WebDriver client (classic protocol, no BiDi): enough to drive
// the app as a person would. WebKitWebDriver rejects BiDi, so a client that
// insists on it (WebdriverIO 9) would need workarounds; this one never asks.

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** Special keys, as the protocol spells them. */
export const Key = {
  Enter: '\uE007',
  Escape: '\uE00C',
  Tab: '\uE004',
  Backspace: '\uE003',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Delete: '\uE017',
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export class WebDriverError extends Error {
  constructor(error, message) {
    super(`${error}: ${message}`);
    this.error = error;
  }
}

async function call(base, method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({ value: null }));
  if (!res.ok || (json.value && json.value.error)) {
    throw new WebDriverError(json.value?.error ?? `http ${res.status}`, json.value?.message ?? '');
  }
  return json.value;
}

export class Session {
  /** Starts a session on the driver at `base` (e.g. http://127.0.0.1:4444). */
  static async start(base, capabilities) {
    const value = await call(base, 'POST', '/session', {
      capabilities: { alwaysMatch: capabilities },
    });
    return new Session(base, value.sessionId);
  }

  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  async end() {
    await this.cmd('DELETE', '');
  }

  /** Runs a script in the page and returns its value. */
  execute(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  async findAll(css) {
    const found = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    return found.map((e) => new Element(this, e[ELEMENT]));
  }

  /** Waits until `probe` returns a truthy value and returns it. */
  async waitFor(probe, what, timeout = 15000) {
    const until = Date.now() + timeout;
    let last;
    while (Date.now() < until) {
      try {
        const value = await probe();
        if (value) return value;
      } catch (e) {
        last = e;
      }
      await sleep(100);
    }
    throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${last.message})` : ''}`);
  }

  /** Waits for the first element matching `css`. */
  async find(css, timeout) {
    return this.waitFor(async () => (await this.findAll(css))[0], css, timeout);
  }

  /** Waits for an element matching `css` whose text contains `text`. */
  async findWithText(css, text, timeout) {
    return this.waitFor(
      async () => {
        for (const el of await this.findAll(css)) {
          if ((await el.textContent()).includes(text)) return el;
        }
        return undefined;
      },
      `${css} containing ${JSON.stringify(text)}`,
      timeout,
    );
  }

  /** Presses keys together (modifiers first), e.g. chord(Key.Control, Key.Shift, 'z'). */
  async chord(...keys) {
    const actions = [
      ...keys.map((k) => ({ type: 'keyDown', value: k })),
      ...[...keys].reverse().map((k) => ({ type: 'keyUp', value: k })),
    ];
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.cmd('DELETE', '/actions');
  }

  /**
   * Drags with the mouse as a person would: press on `from`, move in small
   * steps to `to` (elements), release. Pointer events, not HTML5 drag.
   */
  async drag(from, to, steps = 12) {
    const centre = async (el) =>
      this.execute(
        `const r = arguments[0].getBoundingClientRect();
         return [Math.round(r.left + r.width / 2), Math.round(r.top + Math.min(r.height / 2, 40))];`,
        [el.ref()],
      );
    const [x0, y0] = await centre(from);
    const [x1, y1] = await centre(to);
    const actions = [
      { type: 'pointerMove', duration: 0, x: x0, y: y0 },
      { type: 'pointerDown', button: 0 },
      { type: 'pause', duration: 100 },
    ];
    for (let i = 1; i <= steps; i++) {
      actions.push({
        type: 'pointerMove',
        duration: 30,
        x: Math.round(x0 + ((x1 - x0) * i) / steps),
        y: Math.round(y0 + ((y1 - y0) * i) / steps),
      });
    }
    actions.push({ type: 'pause', duration: 150 }, { type: 'pointerUp', button: 0 });
    await this.cmd('POST', '/actions', {
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }],
    });
    await this.cmd('DELETE', '/actions');
  }

  /** Sends keys to whatever has focus. */
  async keys(text) {
    const actions = [];
    for (const ch of text) {
      actions.push({ type: 'keyDown', value: ch }, { type: 'keyUp', value: ch });
    }
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.cmd('DELETE', '/actions');
  }
}

export class Element {
  constructor(session, id) {
    this.session = session;
    this.id = id;
  }

  cmd(method, path, body) {
    return this.session.cmd(method, `/element/${this.id}${path}`, body);
  }

  /** The element as a script argument. */
  ref() {
    return { [ELEMENT]: this.id };
  }

  click() {
    return this.cmd('POST', '/click', {});
  }

  type(text) {
    return this.cmd('POST', '/value', { text });
  }

  clear() {
    return this.cmd('POST', '/clear', {});
  }

  /** The rendered text, as WebDriver computes it. */
  text() {
    return this.cmd('GET', '/text');
  }

  /**
   * The DOM text. WebKitWebDriver's rendered text leaves out what sits in
   * <bdi> elements, which the app uses to isolate user text.
   */
  textContent() {
    return this.session.execute('return arguments[0].textContent', [this.ref()]);
  }

  property(name) {
    return this.cmd('GET', `/property/${name}`);
  }

  attribute(name) {
    return this.cmd('GET', `/attribute/${name}`);
  }
}
