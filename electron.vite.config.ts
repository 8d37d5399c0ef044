import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * Development only (`npm run dev`): the React refresh preamble is an inline script, Vite injects CSS as <style>
 * tags and hot reload talks over a WebSocket, all of which the strict CSP forbids. Built and packaged apps keep the
 * strict policy from renderer/index.html untouched.
 */
function devContentSecurityPolicy(): Plugin {
  return {
    name: 'marginalia-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*"),
  };
}

/**
 * Ships the default article beside the main bundle (out/main/seed/), where electron/core/app-data.ts reads it with
 * fs: a file, not a bundler import, so that the same module also runs in plain Node.
 */
function shipSeedArticle(): Plugin {
  return {
    name: 'marginalia-seed-article',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'seed/default-article.txt',
        source: readFileSync(resolve(import.meta.dirname, 'electron/core/seed/default-article.txt'), 'utf8'),
      });
    },
  };
}

/** Builds the three processes into out/: main (ESM), preload (CommonJS, so it can run sandboxed), renderer. */
export default defineConfig({
  main: {
    plugins: [shipSeedArticle()],
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      // The workers are entries of their own: out/main/import-worker.js, started by
      // electron/core/import/import-runner.ts, and the backup copy's.
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          'import-worker': resolve(import.meta.dirname, 'electron/core/import/import-worker.ts'),
          // The backup copy's worker, out/main/backup-copy-worker.js (electron/core/backup/copy-in-worker.ts).
          'backup-copy-worker': resolve(import.meta.dirname, 'electron/core/backup/copy-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads cannot require() packages, so everything is bundled into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [react(), devContentSecurityPolicy()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
    },
  },
});
