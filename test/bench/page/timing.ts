/** Timing helpers that run inside the page. */

export interface FrameTiming<T> {
  result: T;
  /** Synchronous JavaScript only. */
  jsMs: number;
  /** JavaScript plus the rendering update that shows it: style, layout, pre-paint, paint, commit. */
  totalMs: number;
}

/** Resolves at the next animation frame. */
export function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Two frames: whatever was pending has been styled, laid out and painted. */
export async function settle(): Promise<void> {
  await nextFrame();
  await nextFrame();
}

/**
 * Runs `work` at the very start of an animation frame (inside a rAF callback, so no time is spent idling until
 * vsync) and stops the clock in a task posted from that callback. Tasks cannot run during the rendering update, so
 * that task runs only after the frame's style, layout, paint and commit are done: `totalMs` is the work plus the
 * main-thread rendering it caused. (Rasterization happens off the main thread and is not included.)
 */
export function timeFrame<T>(work: () => T): Promise<FrameTiming<T>> {
  return new Promise((resolve, reject) => {
    requestAnimationFrame(() => {
      const t0 = performance.now();
      let result: T;
      try {
        result = work();
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      const t1 = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve({ result, jsMs: t1 - t0, totalMs: performance.now() - t0 });
      };
      channel.port2.postMessage(null);
    });
  });
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Forces a full garbage collection (Chromium launched with --js-flags=--expose-gc). */
export function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (!g) throw new Error('gc() is not exposed: launch Chromium with --js-flags=--expose-gc');
  g();
}

/** Used JS heap in MB after a forced GC (--enable-precise-memory-info makes it unrounded). */
export function heapMB(): number {
  gc();
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  if (!memory) throw new Error('performance.memory is not available');
  return memory.usedJSHeapSize / (1024 * 1024);
}

/**
 * Memory the browser attributes to the page (JS heap and DOM/Blink objects such as StaticRanges), in MB, via
 * performance.measureUserAgentSpecificMemory(); undefined when unavailable (it needs cross-origin isolation).
 */
export async function pageMemoryMB(): Promise<number | undefined> {
  const measure = (performance as Performance & { measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }> })
    .measureUserAgentSpecificMemory;
  if (!globalThis.crossOriginIsolated || !measure) return undefined;
  gc();
  const result = await measure.call(performance);
  return result.bytes / (1024 * 1024);
}
