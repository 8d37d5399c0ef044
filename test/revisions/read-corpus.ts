import { readFileSync } from 'node:fs';

import { type Manifest, pairsOf, type RevisionCorpus } from './manifest.ts';

/**
 * The corpus folder, beside the clone as CI lays it out: ../shared/corpora/revisions from the repository root
 * (this file is two levels down).
 */
const revisionsFolder = new URL('../../../shared/corpora/revisions/', import.meta.url);

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
