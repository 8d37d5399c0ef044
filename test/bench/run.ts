/**
 * `npm run bench`: builds the benchmark page (test/bench/page) with Vite, opens it in headless Chromium through
 * playwright-core (files served from memory by request interception; no network, no server), runs the steps the
 * page exposes and prints one `BENCH <name> <value> <unit>` line per figure, then BENCH-TARGET lines. The targets
 * are informational: the exit code is 0 unless something crashed. See test/bench/README.md.
 *
 * BENCH_SCALES=1000,10000 runs only some scales (default: 1000,10000,50000); BENCH_STEPS=anchorPaint,addOne only
 * some steps (setup always runs). Both are for working on the bench; the figures to report come from a full run.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';

import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';

import { chromiumArgs, chromiumExecutable } from '../support/chromium.ts';

interface Line {
  name: string;
  value: number;
  unit: string;
}

const here = import.meta.dirname;
const origin = 'http://127.0.0.1:4173';
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

const figures = new Map<string, Line>();

function format(line: Line): string {
  const { value, unit } = line;
  if (unit === 'count' || unit === 'chars') return String(Math.round(value));
  if (!Number.isFinite(value)) return String(value);
  return value.toFixed(Math.abs(value) < 10 ? 2 : 1);
}

function print(lines: readonly Line[]): void {
  for (const line of lines) {
    figures.set(line.name, line);
    console.log(`BENCH ${line.name} ${format(line)} ${line.unit}`);
  }
}

async function buildPage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: resolve(here, 'page'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2023', reportCompressedSize: false, sourcemap: false },
  });
}

async function step(page: Page, name: string, arg?: unknown): Promise<Line[]> {
  return page.evaluate(
    ([stepName, stepArg]) => {
      const api = (window as unknown as { __bench: Record<string, (a: unknown) => Promise<Line[]>> }).__bench;
      const fn = api[stepName as string];
      if (!fn) throw new Error(`no bench step ${String(stepName)}`);
      return fn(stepArg);
    },
    [name, arg] as const,
  );
}

interface Scale {
  n: number;
  steps: Array<[string, unknown]>;
}

const scales: Scale[] = [
  {
    n: 1_000,
    steps: [
      ['anchorPaint', { doc: 'edited', runs: 5 }],
      ['anchorPaint', { doc: 'original', runs: 7 }],
      ['addOne', { runs: 7 }],
      ['markVsOurs', { runs: 5, markRuns: 3, budgetMs: 20_000, verify: true }],
    ],
  },
  {
    n: 10_000,
    steps: [
      ['anchorPaint', { doc: 'edited', runs: 5 }],
      ['anchorPaint', { doc: 'original', runs: 7 }],
      ['breakdown', { runs: 5 }],
      ['addOne', { runs: 9 }],
      ['scrollFlash', { runs: 7 }],
      ['scrollCheck', { positions: 12 }],
      ['apache', { limit: 10_000, budgetMs: 15_000, runs: 5 }],
      ['markVsOurs', { runs: 5, markRuns: 2, budgetMs: 30_000, verify: true }],
    ],
  },
  {
    n: 50_000,
    steps: [
      ['anchorPaint', { doc: 'edited', runs: 3 }],
      ['anchorPaint', { doc: 'original', runs: 3 }],
      ['addOne', { runs: 5 }],
      ['markVsOurs', { runs: 3, markRuns: 1, budgetMs: 20_000, verify: false }],
    ],
  },
];

const targets: Array<{ name: string; op: '<' | '>='; target: number; unit: string }> = [
  { name: 'anchor-paint-10k', op: '<', target: 50, unit: 'ms' },
  { name: 'vs-apache-annotator', op: '>=', target: 20, unit: 'x' },
  { name: 'vs-mark-paint', op: '>=', target: 5, unit: 'x' },
  { name: 'add-one-at-10k', op: '<', target: 5, unit: 'ms' },
  { name: 'anchor-paint-edited-10k', op: '<', target: 500, unit: 'ms' },
];

async function main(): Promise<void> {
  const started = performance.now();
  const only = process.env.BENCH_SCALES?.split(',').map(Number);
  const onlySteps = process.env.BENCH_STEPS?.split(',');
  const outDir = await mkdtemp(join(tmpdir(), 'marginalia-bench-'));
  const browser = await (async () => {
    await buildPage(outDir);
    return chromium.launch({
      executablePath: chromiumExecutable(),
      args: [
        ...chromiumArgs,
        '--js-flags=--expose-gc',
        '--enable-precise-memory-info',
        '--enable-blink-features=ForceEagerMeasureMemory',
      ],
    });
  })();
  try {
    const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== origin) return route.abort();
      const path = normalize(join(outDir, url.pathname === '/' ? 'index.html' : url.pathname));
      if (!path.startsWith(outDir)) return route.abort();
      try {
        const body = await readFile(path);
        return route.fulfill({
          status: 200,
          body,
          contentType: contentTypes[extname(path)] ?? 'application/octet-stream',
          // Cross-origin isolation: 5 µs performance.now() and performance.measureUserAgentSpecificMemory().
          headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
        });
      } catch {
        return route.fulfill({ status: 404, body: 'not found' });
      }
    });
    for (const scale of scales) {
      if (only && !only.includes(scale.n)) continue;
      // A fresh page per scale, so heap figures and Chromium's highlight state start clean.
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning')
          console.error(`page ${message.type()}: ${message.text()}`);
      });
      await page.goto(`${origin}/`);
      await page.waitForSelector('html[data-ready="true"]');
      print(await step(page, 'setup', scale.n));
      for (const [name, arg] of scale.steps) {
        if (!onlySteps || onlySteps.includes(name)) print(await step(page, name, arg));
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await rm(outDir, { recursive: true, force: true });
  }

  for (const { name, op, target, unit } of targets) {
    const figure = figures.get(name);
    if (!figure) {
      console.log(`BENCH-TARGET ${name} MISSING (not measured) ${op} ${target} ${unit}`);
      continue;
    }
    const pass = op === '<' ? figure.value < target : figure.value >= target;
    console.log(
      `BENCH-TARGET ${name} ${pass ? 'PASS' : 'FAIL'} ${format(figure)} ${figure.unit} ${op} ${target} ${unit}`,
    );
  }
  console.log(`bench finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
