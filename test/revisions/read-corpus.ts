import { existsSync, readFileSync } from 'node:fs';

import { type Manifest, pairsOf, type RevisionCorpus } from './manifest.ts';

/**
 * The corpus folder, beside the clone as CI lays it out: ../shared/corpora/revisions from the repository root
 * (this file is two levels down).
 */
const revisionsFolder = new URL('../../../shared/corpora/revisions/', import.meta.url);

/**
 * Whether the corpus is there. CI lays `../shared` beside the clone; a clone elsewhere has none, and then the corpus
 * tests say so and do not run, as the real-Electron ones do without Electron.
 */
export function hasRevisionCorpus(folder: URL = revisionsFolder): boolean {
  return existsSync(new URL('manifest.json', folder));
}

/** Why the corpus tests did not run, for the test runner's output. */
export const noRevisionCorpus = `the real-revision corpus is not at ${revisionsFolder.pathname} (CI puts ../shared beside the clone)`;

/** Reads the manifest and every version a pair uses (Node only). */
export function readRevisionCorpus(folder: URL = revisionsFolder): RevisionCorpus {
  const manifest = JSON.parse(readFileSync(new URL('manifest.json', folder), 'utf8')) as Manifest;
  const pairs = pairsOf(manifest);
  const texts: Record<string, string> = {};
  for (const pair of pairs) {
    for (const file of [pair.baseFile, pair.targetFile]) {
      texts[file] ??= readFileSync(new URL(file, folder), 'utf8');
    }
  }
  return { pairs, texts };
}
