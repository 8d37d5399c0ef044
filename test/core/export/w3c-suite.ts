import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import Ajv, { type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/**
 * The W3C Web Annotation test suite's data (its SOURCE.md says which commit), beside the clone as CI lays it out:
 * ../shared/corpora/web-annotation-tests from the repository root (this file is three levels down).
 */
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const suiteFolder = path.join(repoRoot, '..', 'shared', 'corpora', 'web-annotation-tests');

/**
 * Whether the suite is there. CI lays `../shared` beside the clone; a clone elsewhere has none, and then the suite's
 * tests say so and do not run, as the real-revision corpus tests do.
 */
export function hasWebAnnotationSuite(): boolean {
  return existsSync(path.join(suiteFolder, 'annotations', 'annotationMusts.test'));
}

/** Why the suite's tests did not run, for the test runner's output. */
export const noWebAnnotationSuite = `the W3C Web Annotation suite is not at ${suiteFolder} (CI puts ../shared beside the clone)`;

/** One assertion of the suite, compiled: its file (as the manifest names it) and the check. */
interface Assertion {
  file: string;
  check: ValidateFunction;
}

/** The suite's manifests of MUST assertions: for an annotation, a collection, and a page (or a collection with one). */
export type MustManifest =
  'annotations/annotationMusts.test' | 'collections/collectionMusts.test' | 'collections/pages/pageMusts.test';

/**
 * The assertions a manifest lists, compiled with every schema of `definitions/` added first, as the suite's README
 * says. The schemas are draft-04; their own keywords (`assertionType`, `expectedResult`, …) are metadata for the
 * suite's runner. `strictTypes` is off because the suite's schemas leave `type` implicit beside `required` and
 * `items`, as draft-04 allows; Ajv would only warn about it.
 */
export function musts(manifest: MustManifest): Assertion[] {
  const ajv = new Ajv({ strictTypes: false });
  ajv.addVocabulary(['assertionType', 'expectedResult', 'onUnexpectedResult', 'errorMessage']);
  addFormats(ajv);
  const definitions = path.join(suiteFolder, 'definitions');
  for (const file of readdirSync(definitions)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    ajv.addSchema(readJson(path.join(definitions, file)) as object);
  }
  const { assertions } = readJson(path.join(suiteFolder, manifest)) as { assertions: string[] };
  return assertions.map((file) => {
    const schema = readJson(path.join(suiteFolder, file)) as { assertionType: string; expectedResult: string };
    // Every assertion of these manifests is a MUST that expects `valid`; one that did not would need reading otherwise.
    if (schema.assertionType !== 'must' || schema.expectedResult !== 'valid') {
      throw new Error(`${file} is not a "must … valid" assertion`);
    }
    return { file, check: ajv.compile(schema) };
  });
}

/** The assertions `annotation` fails, by file name: empty when it passes them all. */
export function failedMusts(assertions: readonly Assertion[], annotation: unknown): string[] {
  return assertions.filter((assertion) => !assertion.check(annotation)).map((assertion) => assertion.file);
}

/** The suite's hand-made sample annotations of one kind, by file name, as text (some incorrect ones are not JSON). */
export function samples(kind: 'correct' | 'incorrect'): { file: string; text: string }[] {
  const folder = path.join(suiteFolder, 'tools', 'samples', kind);
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((file) => ({ file, text: readFileSync(path.join(folder, file), 'utf8') }));
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}
