import { describe, expect, it } from 'vitest';

import { TruthIndex } from '../corpus/truth.ts';
import { revisionDoc } from './revision-doc.ts';
import { truthProblems } from './truth-invariants.ts';

/**
 * The ground truth of the real-revision corpus, proven on revisions small enough to check by hand: every target
 * character's base offset, and what the scorer then says of a highlight on the base.
 */

const first = 'Electron lets you build desktop applications with web technologies.';
const second = 'The main process creates windows and talks to the operating system.';
const third = 'Each renderer process shows one web page and runs its scripts.';
const fourth = 'Preload scripts run before the page and may expose a small bridge.';
const base = [first, second, third, fourth].join('\n\n');

/** The base offsets of target[start, end), or -1 for characters the revision wrote. */
function originsOf(target: string, start: number, end: number): number[] {
  return Array.from(revisionDoc(base, target).doc.origin.slice(start, end));
}

/** base offsets [from, from + length), in order. */
function range(from: number, length: number): number[] {
  return Array.from({ length }, (_, k) => from + k);
}

/** The scorer's truth for the base span of `text` (its first occurrence). */
function truthOf(target: string, text: string) {
  const start = base.indexOf(text);
  return new TruthIndex(revisionDoc(base, target).doc, base.length).truth(start, start + text.length);
}

describe('revisionDoc', () => {
  it('maps an unchanged text onto itself', () => {
    const { doc, runs } = revisionDoc(base, base);
    expect(Array.from(doc.origin)).toEqual(range(0, base.length));
    expect(runs).toEqual([{ targetStart: 0, baseStart: 0, length: base.length, kind: 'equal', copy: 0 }]);
  });

  it('an insertion: the new words are new, everything else keeps its offsets in order', () => {
    const at = base.indexOf('desktop');
    const target = `${base.slice(0, at)}cross-platform ${base.slice(at)}`;
    const inserted = 'cross-platform '.length;
    expect(originsOf(target, 0, at)).toEqual(range(0, at));
    expect(originsOf(target, at, at + inserted)).toEqual(Array(inserted).fill(-1));
    expect(originsOf(target, at + inserted, target.length)).toEqual(range(at, base.length - at));
    expect(truthProblems(base, target, revisionDoc(base, target))).toEqual([]);
    expect(truthOf(target, 'build desktop applications').state).toBe('intact');
  });

  it('a deletion: the rest keeps its offsets, the deleted words are nowhere', () => {
    const at = base.indexOf('and talks to the operating system');
    const cut = 'and talks to the operating system'.length;
    const target = base.slice(0, at - 1) + base.slice(at + cut);
    expect(originsOf(target, 0, target.length)).toEqual([
      ...range(0, at - 1),
      ...range(at + cut, base.length - at - cut),
    ]);
    expect(truthOf(target, 'talks to the operating system').state).toBe('destroyed');
    expect(truthOf(target, third).state).toBe('intact');
  });

  it('a moved paragraph keeps its base offsets at its new place', () => {
    const target = [first, third, second, fourth].join('\n\n');
    const doc = revisionDoc(base, target);
    expect(truthProblems(base, target, doc)).toEqual([]);
    for (const paragraph of [first, second, third, fourth]) {
      const at = target.indexOf(paragraph);
      expect(originsOf(target, at, at + paragraph.length), paragraph).toEqual(
        range(base.indexOf(paragraph), paragraph.length),
      );
    }
    expect(doc.runs.some((run) => run.kind === 'moved')).toBe(true);
    const truth = truthOf(target, second);
    expect(truth.state).toBe('intact');
    expect(truth.candidates[0]).toMatchObject({
      start: target.indexOf(second),
      end: target.indexOf(second) + second.length,
    });
  });

  it('a reworded sentence is new text: a highlight of it is destroyed, its neighbours are intact', () => {
    const reworded = 'Every page gets a process of its own, where its code runs.';
    const target = [first, second, reworded, fourth].join('\n\n');
    const doc = revisionDoc(base, target);
    expect(truthProblems(base, target, doc)).toEqual([]);
    const at = target.indexOf(reworded);
    const kept = originsOf(target, at, at + reworded.length).filter((o) => o !== -1).length;
    expect(kept / reworded.length).toBeLessThan(0.5);
    expect(truthOf(target, third).state).toBe('destroyed');
    expect(truthOf(target, second).state).toBe('intact');
    expect(truthOf(target, fourth).state).toBe('intact');
  });

  it('a paragraph copied to a second place is a copy there, and both places hold the highlight', () => {
    const target = [first, second, third, fourth, second].join('\n\n');
    const doc = revisionDoc(base, target);
    expect(truthProblems(base, target, doc)).toEqual([]);
    const copyAt = target.lastIndexOf(second);
    expect(originsOf(target, copyAt, copyAt + second.length)).toEqual(range(base.indexOf(second), second.length));
    expect(doc.doc.copy[copyAt]).toBe(1);
    expect(doc.doc.copy[target.indexOf(second)]).toBe(0);
    expect(truthOf(target, second).candidates.map((c) => c.copy)).toEqual([0, 1]);
  });

  it('a moved section whose heading starts like the new one there keeps its whole heading', () => {
    const sections = (...names: string[]): string =>
      names.map((name) => `### Event: '${name}'\n\nEmitted when the window is ${name}d by the user.`).join('\n\n');
    const before = sections('close', 'focuse', 'resize');
    const after = sections('close', 'minimize', 'resize', 'focuse');
    const doc = revisionDoc(before, after);
    expect(truthProblems(before, after, doc)).toEqual([]);
    const heading = "### Event: 'focuse'";
    const at = after.indexOf(heading);
    const from = before.indexOf(heading);
    const truth = new TruthIndex(doc.doc, before.length).truth(from, from + heading.length);
    expect(truth.state).toBe('intact');
    expect(truth.candidates.some((c) => c.start === at && c.end === at + heading.length)).toBe(true);
  });
  it('a repeated line edited in every section stays in its own section', () => {
    const param = ':param file: the file-like object to use for exporting the data.';
    const names = ['JsonItemExporter', 'XmlItemExporter', 'CsvItemExporter'];
    const section = (name: string, line: string): string =>
      `.. class:: ${name}(file, **kwargs)\n\n   Exports items in ${name.slice(0, -12)} format to the given file.\n\n   ${line}\n\n   The rest of the ${name} section.`;
    const before = names.map((name) => section(name, param)).join('\n\n');
    const after = names.map((name) => section(name, `${param} Its write method should accept bytes.`)).join('\n\n');
    const doc = revisionDoc(before, after);
    expect(truthProblems(before, after, doc)).toEqual([]);
    // Each line is the diff's equal text, in two pieces (the lines, then the characters of the changed block); as
    // pieces, the other sections' copies with a few more characters in common outweighed them.
    for (const name of names) {
      const from = before.indexOf(param, before.indexOf(name));
      const at = after.indexOf(param, after.indexOf(name));
      expect(Array.from(doc.doc.origin.slice(at, at + param.length)), name).toEqual(range(from, param.length));
    }
  });
  it('two sections with the same list, each edited alike, keep their own lists', () => {
    const list =
      '* `properties` String[] (optional) - Contains which features the dialog should use. The following values ' +
      'are supported:\n    * `openFile` - Allow files to be selected.\n    * `openDirectory` - Allow directories to ' +
      'be selected.\n    * `multiSelections` - Allow multiple paths to be selected.\n';
    const section = (name: string, items: string, message: string): string =>
      `### \`dialog.${name}([browserWindow, ]options)\`\n\n${items}  * \`message\` String (optional) - ${message}\n\n`;
    const messages = ['Message to display above input boxes.', 'Message above the boxes.'];
    const before = section('showOpenDialogSync', list, messages[0]!) + section('showOpenDialog', list, messages[1]!);
    // Each list gets the same new last line; the diff's equal runs end two characters before the shared runs that
    // cross from one section to the other.
    const edited = `${list.replace('String[]', 'string[]')}    * \`dontAddToRecent\` _Windows_ - Do not add the item.\n`;
    const after = section('showOpenDialogSync', edited, messages[0]!) + section('showOpenDialog', edited, messages[1]!);
    const doc = revisionDoc(before, after);
    expect(truthProblems(before, after, doc)).toEqual([]);
    const item = '* `multiSelections`';
    for (const find of ['indexOf', 'lastIndexOf'] as const) {
      const at = after[find](item);
      expect(Array.from(doc.doc.origin.slice(at, at + item.length)), find).toEqual(
        range(before[find](item), item.length),
      );
    }
  });

  it('a paragraph moved and rewrapped keeps its words: whitespace for other whitespace is no edit', () => {
    // Scrapy's loaders page: a paragraph moved down and its lines broken at other words. Between the new breaks the
    // shared runs are under 24 characters, so only growing the run before them across the breaks finds them.
    const para =
      'The item and the remaining keyword arguments are assigned to the Loader\n    context (see the processors).';
    const rewrapped =
      'The item and the remaining keyword arguments are\n    assigned to the Loader context (see\n  the processors).';
    const before = [first, para, second, third].join('\n\n');
    const after = [first, second, third, rewrapped].join('\n\n');
    const doc = revisionDoc(before, after);
    expect(truthProblems(before, after, doc)).toEqual([]);
    const words = 'assigned to the Loader';
    const at = after.indexOf(words);
    expect(Array.from(doc.doc.origin.slice(at, at + words.length))).toEqual(range(before.indexOf(words), words.length));
    // The new line breaks are new text inside the highlight; the highlight is intact, its true span the new lines.
    const quote = 'are assigned to the Loader\n    context';
    const from = before.indexOf(quote);
    const truth = new TruthIndex(doc.doc, before.length).truth(from, from + quote.length);
    expect(truth.state).toBe('intact');
    expect(truth.candidates[0]).toMatchObject({
      start: after.indexOf('are\n    assigned'),
      end: after.indexOf('context (see') + 'context'.length,
    });
  });

  it('rewrapped text next to text that is not the same stops at the first word that differs', () => {
    const before = `${first}\n\nThe Scrapy process continues running\nnormally after the dump.`;
    const after = `${first}\n\nThe Scrapy process continues\nrunning as usual after the dump.`;
    const doc = revisionDoc(before, after);
    expect(truthProblems(before, after, doc)).toEqual([]);
    const at = after.indexOf('running');
    expect(doc.doc.origin[at]).toBe(before.indexOf('running'));
    // "normally" became "as usual": beyond the new line break the words differ, so nothing grows there.
    expect(doc.doc.origin[after.indexOf('as usual')]).toBe(-1);
  });

  it('a list moved and re-indented keeps its items: a deeper indent is new whitespace inside the old', () => {
    // Electron's session page: each `details` list indented two more spaces. Each item is shorter than 24
    // characters, and the run before it ends inside the indent both have ("\n  "), the target's two spaces more.
    const list = 'The listener gets a `details` Object:\n  * `id` Integer\n  * `url` String\n  * `method` String';
    const before = [first, list, second, third].join('\n\n');
    const after = [first, second, third, list.replaceAll('\n  *', '\n    *')].join('\n\n');
    const doc = revisionDoc(before, after);
    expect(truthProblems(before, after, doc)).toEqual([]);
    for (const item of ['* `id` Integer', '* `url` String', '* `method` String']) {
      const at = after.indexOf(item);
      expect(Array.from(doc.doc.origin.slice(at, at + item.length)), item).toEqual(
        range(before.indexOf(item), item.length),
      );
    }
  });
});
