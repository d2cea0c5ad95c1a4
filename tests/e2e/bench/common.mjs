// What the UI benchmarks share: generating their data, summing up samples,
// and timing keys typed into the focused field.

import { execFileSync } from 'node:child_process';
import { root } from '../app.mjs';

/** Runs `rootwise-gen ARGS… WORKSPACE` (release) and returns the id `found` matches in what it printed. */
export function generate(args, workspace, found) {
  const out = execFileSync(
    'cargo',
    ['run', '-q', '--release', '-p', 'rootwise-core', '--bin', 'rootwise-gen', '--', ...args, workspace],
    { cwd: root, encoding: 'utf8' },
  );
  const id = found.exec(out)?.[1];
  if (id === undefined) throw new Error(`no id in: ${out}`);
  return id;
}

/** Median, p95 and max of samples in milliseconds. */
export function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return `min ${s[0].toFixed(1)} ms, median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms (${s.length} samples)`;
}

/**
 * Types `text` into the focused field and returns each key's time from
 * keydown to React's commit and to the next frame, as [commit, frame].
 */
export async function timeKeys(app, text) {
  await app.execute(`
    window.__keys = [];
    document.addEventListener('keydown', (e) => { window.__t0 = e.timeStamp; }, true);
    document.addEventListener('input', () => {
      const t0 = window.__t0, t1 = performance.now();
      requestAnimationFrame(() => window.__keys.push([t1 - t0, performance.now() - t0]));
    });`);
  await app.keys(text);
  await app.waitFor(async () => (await app.execute('return window.__keys.length')) >= text.length - 5, 'the key timings');
  return app.execute('return window.__keys');
}
