/**
 * jsdom has no layout; xyflow needs ResizeObserver, DOMMatrixReadOnly and
 * element sizes to render (see xyflow's "Testing" guide). Test files of the
 * diagram import this; it is not part of the global setup.
 */
import { vi } from "vitest";

class ResizeObserverStub {
  private readonly callback: ResizeObserverCallback;
  constructor(callback: ResizeObserverCallback) {
    this.callback = callback;
  }
  observe(target: Element) {
    this.callback([{ target } as ResizeObserverEntry], this);
  }
  unobserve() {
    /* nothing to stop */
  }
  disconnect() {
    /* nothing to stop */
  }
}

class DOMMatrixReadOnlyStub {
  m22: number;
  constructor(transform?: string) {
    const scale = /scale\(([\d.]+)\)/.exec(transform ?? "")?.[1];
    this.m22 = scale === undefined ? 1 : Number(scale);
  }
}

/** Installs the stubs; call at the top of a test file (vi.unstubAllGlobals is not needed between tests). */
export function installXyflowStubs(): void {
  vi.stubGlobal("ResizeObserver", ResizeObserverStub);
  vi.stubGlobal("DOMMatrixReadOnly", DOMMatrixReadOnlyStub);
  // A viewport for fitView and culling; nodes report their inline size.
  Object.defineProperties(HTMLElement.prototype, {
    offsetHeight: {
      configurable: true,
      get(this: HTMLElement) {
        return this.style.height.endsWith("px") ? Number.parseFloat(this.style.height) : 600;
      },
    },
    offsetWidth: {
      configurable: true,
      get(this: HTMLElement) {
        return this.style.width.endsWith("px") ? Number.parseFloat(this.style.width) : 1000;
      },
    },
  });
  (SVGElement.prototype as unknown as { getBBox: () => DOMRect }).getBBox = () =>
    ({ x: 0, y: 0, width: 0, height: 0 }) as DOMRect;
}
