import { readdirSync } from 'node:fs';
import path from 'node:path';

import type { TestProject } from 'vitest/node';

import { type DocumentNode, documentText } from '../../../common/document.ts';
import { ImportRefusedError, readArticleFile } from '../../../electron/core/import/index.ts';

/**
 * Runs in Node before the Chromium tests: imports every test document (test/fixtures/documents/, hostile pages
 * included) through the main process's own pipeline, and hands each tree, with the text main computes for it, to the
 * browser tests. test/renderer/imported/same-text.test.ts then renders each tree as the reader does and checks that
 * the renderer's text and offsets are the same: one text per article, whichever process reads it.
 */

/** One imported test document: its file, the stored tree, and main's text for it. */
export interface ImportedTestDocument {
  file: string;
  document: DocumentNode[];
  text: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    importedDocuments: ImportedTestDocument[];
  }
}

const fixtures = path.join(import.meta.dirname, '../../fixtures/documents');

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return /\.(html?|xhtml|md|markdown)$/i.test(entry.name) ? [full] : [];
  });
}

export default async function setup(project: TestProject): Promise<void> {
  const documents: ImportedTestDocument[] = [];
  for (const file of filesUnder(fixtures).sort()) {
    let imported;
    try {
      ({ imported } = await readArticleFile(file));
    } catch (error) {
      // A page the import refuses (one with NUL bytes reads as binary) has no tree to compare.
      if (error instanceof ImportRefusedError) continue;
      throw error;
    }
    if (imported.body.format !== 'document') continue;
    documents.push({
      file: path.relative(fixtures, file),
      document: imported.body.document,
      text: documentText(imported.body.document),
    });
  }
  project.provide('importedDocuments', documents);
}
