/**
 * The real-revision corpus's manifest (../shared/corpora/revisions/manifest.json, described in its SOURCE.md) and the
 * pairs it lists. Pure: the Chromium test gets the same pairs, read in Node (read-corpus.ts).
 */

/** How many content changes lie between a pair's base and target. */
export type Distance = 1 | 5 | 30;

export const distances: readonly Distance[] = [1, 5, 30];

interface ManifestVersion {
  commit: string;
  /** Relative to the corpus folder: "electron/api-browser-window/564c0b41dfc4.md". */
  file: string;
}

interface ManifestDocument {
  repo: string;
  slug: string;
  format: 'markdown' | 'rst';
  versions: ManifestVersion[];
  pairs: Array<{ base: string; target: string; distance: Distance }>;
}

export interface Manifest {
  documents: ManifestDocument[];
}

/** A (base, target) pair: two real versions of one document. */
export interface RevisionPair {
  /** "<repo-short>/<slug> <base12>→<target12>", e.g. "electron/api-browser-window 564c0b41dfc4→64622ceae306". */
  id: string;
  distance: Distance;
  /** The versions' files, relative to the corpus folder (a base is shared by its three pairs). */
  baseFile: string;
  targetFile: string;
}

/** The pairs with every version's text: what a run needs, and all the Chromium test is sent. */
export interface RevisionCorpus {
  pairs: RevisionPair[];
  /** Each version's text by its file. */
  texts: Record<string, string>;
}

/** Every pair of the manifest, in its order (document by document, base by base, distance 1, 5, 30). */
export function pairsOf(manifest: Manifest): RevisionPair[] {
  return manifest.documents.flatMap((document) => {
    const fileOf = new Map(document.versions.map((v) => [v.commit, v.file]));
    const file = (commit: string): string => {
      const found = fileOf.get(commit);
      if (!found) throw new Error(`${document.slug}: no version ${commit} in the manifest`);
      return found;
    };
    const short = document.repo.split('/')[1];
    return document.pairs.map((pair) => ({
      id: `${short}/${document.slug} ${pair.base.slice(0, 12)}→${pair.target.slice(0, 12)}`,
      distance: pair.distance,
      baseFile: file(pair.base),
      targetFile: file(pair.target),
    }));
  });
}

/** A version's text; throws for a file the corpus does not hold. */
export function textOf(corpus: RevisionCorpus, file: string): string {
  const text = corpus.texts[file];
  if (text === undefined) throw new Error(`the revision corpus has no ${file}`);
  return text;
}
