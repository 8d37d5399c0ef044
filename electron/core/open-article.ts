import type { Database } from 'better-sqlite3';

import type { DroppedFiles } from '../../common/contract.ts';
import type { OpenedArticle } from '../../common/model.ts';
import { dropMissingImages } from './import/drop-missing-images.ts';
import type { ImportRunner } from './import/import-runner.ts';
import { type ImportedArticle, ImportRefusedError } from './import/types.ts';
import { describeSource, storeImportedArticle } from './import-article.ts';
import { type AddressSpace, addressSpaceOfPage, type ResolveHost } from './web/address-space.ts';
import { fetchPage } from './web/fetch-page.ts';
import { loadImages } from './web/load-images.ts';

/** What opening needs: the worker that reads documents, and how to reach the web (tests may pass their own fetch). */
export interface OpenDeps {
  importer: ImportRunner;
  fetch?: typeof globalThis.fetch | undefined;
  /** How host names are resolved to tell where they lead (address-space.ts); tests pass made-up names' addresses. */
  resolveHost?: ResolveHost | undefined;
}

/**
 * Opens a file the user chose (dialog, drop, command line, the OS): reads and sanitises it, loads its images once,
 * then stores it or re-imports it. ImportRefusedError, with nothing stored, when it cannot be an article.
 */
export async function openArticleFile(db: Database, filePath: string, deps: OpenDeps): Promise<OpenedArticle> {
  const { source, imported } = await deps.importer.readFile(filePath);
  // Its own images beside it may be read; its web images are asked only of the internet, as a web page's: a file is
  // often a page saved from the web, and a hostile one must not make the reader ask the user's router for anything.
  return storeWithImages(db, source, imported, { ...deps, allowFiles: true, pageSpace: 'public' });
}

/**
 * Fetches a web page, keeps its main content (Readability), sanitises it, loads its images and stores it.
 * `startSpace` is where the address leads, when the caller has looked it up already (to ask the user about it).
 */
export async function openWebPage(
  db: Database,
  url: string,
  deps: OpenDeps,
  startSpace?: AddressSpace,
): Promise<OpenedArticle> {
  const page = await fetchPage(url, {
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.resolveHost ? { resolveHost: deps.resolveHost } : {}),
    startSpace,
  });
  // The address the page was finally served from is its identity: opening it again is a re-import. A #fragment
  // names a place in the page, not another page.
  const source = withoutFragment(page.url);
  const imported = await deps.importer.importHtml(page.html, page.url);
  // Its images may not be asked of anywhere more private than where the page was finally served from: the start's
  // space when it was not redirected, else looked up. A lookup that fails or takes too long leaves the page trusted
  // as the internet's, the safe side.
  const pageSpace =
    startSpace && new URL(url).href === page.url
      ? startSpace
      : await addressSpaceOfPage(new URL(page.url), {
          resolveHost: deps.resolveHost,
          signal: AbortSignal.timeout(pageLookupTimeoutMs),
        }).catch((): AddressSpace => 'public');
  return storeWithImages(db, source, imported, { ...deps, allowFiles: false, pageSpace });
}

/** How long to wait for the resolver to say where a fetched page's name leads. */
const pageLookupTimeoutMs = 10_000;

/** Opens several files, each on its own: one that cannot be opened does not stop the others. */
export async function openArticleFiles(
  db: Database,
  filePaths: readonly string[],
  deps: OpenDeps,
): Promise<DroppedFiles> {
  const opened: OpenedArticle[] = [];
  const refused: DroppedFiles['refused'] = [];
  for (const filePath of filePaths) {
    try {
      opened.push(await openArticleFile(db, filePath, deps));
    } catch (error) {
      if (!(error instanceof ImportRefusedError)) throw error;
      refused.push({ file: filePath, reason: error.message });
    }
  }
  return { opened, refused };
}

async function storeWithImages(
  db: Database,
  source: string,
  imported: ImportedArticle,
  options: OpenDeps & { allowFiles: boolean; pageSpace: AddressSpace },
): Promise<OpenedArticle> {
  const { images, dropped } =
    imported.images.length === 0
      ? { images: [], dropped: 0 }
      : await loadImages(imported.images, {
          allowFiles: options.allowFiles,
          pageSpace: options.pageSpace,
          ...(options.fetch ? { fetch: options.fetch } : {}),
          ...(options.resolveHost ? { resolveHost: options.resolveHost } : {}),
        });
  const notices = [...imported.notices];
  if (dropped > 0) {
    notices.push(
      dropped === 1
        ? `1 image of ${describeSource(source)} could not be loaded and was left out.`
        : `${dropped} images of ${describeSource(source)} could not be loaded and were left out.`,
    );
  }
  const body =
    dropped > 0 && imported.body.format === 'document'
      ? {
          format: 'document' as const,
          document: dropMissingImages(imported.body.document, new Set(images.map((image) => image.name))),
        }
      : imported.body;
  return storeImportedArticle(db, source, { ...imported, body, notices }, images);
}

function withoutFragment(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}
