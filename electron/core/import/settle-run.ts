import type { DocumentElement, DocumentNode } from '../../../common/document.ts';

/**
 * Settling a run: turning the inline content of one block (text as the page had it, inline elements, images, line
 * breaks) into the strings the tree stores, with whitespace as a browser would show it. Terms used here and in
 * html-to-document.ts:
 *
 * - run: inline content with no block boundary inside it; it starts and ends at a block's edge.
 * - collapsible whitespace: space, tab, newline, form feed, carriage return (not U+00A0, which a browser keeps).
 * - line start: the start of the run, or just after a line break; a space there is not shown.
 */

/** Inline content of a block as the walk gathered it, before whitespace is settled. */
export type RunItem =
  | { kind: 'text'; text: string }
  /** A kept inline element; `element` holds its tag and attributes, its content is still `items`. */
  | { kind: 'element'; element: DocumentElement; items: RunItem[] }
  /** br or img. */
  | { kind: 'void'; element: DocumentElement }
  /** Inside pre only: a block boundary there (a div inside pre) ends the line, if one is not ended already. */
  | { kind: 'line' };

/** A settled run: its nodes, and whether it shows anything (text other than whitespace, or an image). */
export interface SettledRun {
  nodes: DocumentNode[];
  visible: boolean;
}

const collapsible = /[ \t\n\f\r]+/g;

interface RunState {
  /** Text so far ends in a shown space, or a line has just started: a space here would not be shown. */
  spaceBefore: boolean;
  /** The last string written and where it is, so the space that ends a line can be taken back. */
  last: { nodes: DocumentNode[]; index: number } | undefined;
  /** Line breaks seen since the last visible content; written only when more follows, so none ends the run. */
  pendingBreaks: number;
  /** Something visible was written: a line break before it is not at the start of the run. */
  started: boolean;
}

/**
 * Settles a run outside pre. Runs of collapsible whitespace become one space; spaces at a line start or end are
 * dropped; a line break is stored as "\n" followed by a br (the string keeps the words on either side apart in the
 * text, the br shows the break), except at the start or end of the run, where a browser shows only blank space.
 * Inline elements left empty are dropped.
 */
export function settleRun(items: readonly RunItem[]): SettledRun {
  const state: RunState = { spaceBefore: true, last: undefined, pendingBreaks: 0, started: false };
  const nodes: DocumentNode[] = [];
  writeCollapsed(items, nodes, state);
  takeBackTrailingSpace(state);
  return { nodes: tidy(nodes), visible: state.started };
}

function writeCollapsed(items: readonly RunItem[], out: DocumentNode[], state: RunState): void {
  for (const item of items) {
    if (item.kind === 'text') {
      let text = item.text.replace(collapsible, ' ');
      if (state.spaceBefore && text.startsWith(' ')) text = text.slice(1);
      if (text === '') continue;
      const shows = /\S/.test(text);
      if (shows) writePendingBreaks(out, state);
      out.push(text);
      state.last = { nodes: out, index: out.length - 1 };
      state.spaceBefore = text.endsWith(' ');
      state.started ||= shows;
    } else if (item.kind === 'element') {
      const children: DocumentNode[] = [];
      out.push({ ...item.element, children });
      writeCollapsed(item.items, children, state);
    } else if (item.kind === 'void' && item.element.tag === 'br') {
      takeBackTrailingSpace(state);
      if (state.started) state.pendingBreaks += 1;
      state.spaceBefore = true;
    } else if (item.kind === 'void') {
      writePendingBreaks(out, state);
      out.push(item.element);
      state.last = undefined;
      state.spaceBefore = false;
      state.started = true;
    }
  }
}

function writePendingBreaks(out: DocumentNode[], state: RunState): void {
  for (; state.pendingBreaks > 0; state.pendingBreaks--) out.push('\n', { tag: 'br' });
}

/** A space before a line break or at the end of the run is not shown; it goes, so the text has no stray spaces. */
function takeBackTrailingSpace(state: RunState): void {
  if (!state.last) return;
  const { nodes, index } = state.last;
  const text = nodes[index];
  if (typeof text === 'string' && text.endsWith(' ')) nodes[index] = text.slice(0, -1);
  state.last = undefined;
}

/**
 * Settles the run inside a pre: the text is kept exactly (a carriage return becomes a newline, as the parser does
 * for the page itself), a `line` item ends the line before what follows unless it has just ended (so none is added
 * at the end), images are kept.
 */
export function settlePreservedRun(items: readonly RunItem[]): SettledRun {
  const state: PreservedState = { lineEnded: true, lineWanted: false, visible: false };
  const nodes: DocumentNode[] = [];
  writePreserved(items, nodes, state);
  return { nodes: tidy(nodes), visible: state.visible };
}

interface PreservedState {
  /** The text so far ends a line (or is empty): a block boundary here needs no newline. */
  lineEnded: boolean;
  /** A block boundary was met: a newline goes before whatever follows, unless the line has ended by then. */
  lineWanted: boolean;
  visible: boolean;
}

function writePreserved(items: readonly RunItem[], out: DocumentNode[], state: PreservedState): void {
  for (const item of items) {
    if (item.kind === 'line') {
      state.lineWanted = true;
      continue;
    }
    if (item.kind === 'element') {
      const children: DocumentNode[] = [];
      out.push({ ...item.element, children });
      writePreserved(item.items, children, state);
      continue;
    }
    const text = item.kind === 'text' ? item.text.replace(/\r\n?/g, '\n') : '';
    if (item.kind === 'text' && text === '') continue;
    if (state.lineWanted && !state.lineEnded) out.push('\n');
    state.lineWanted = false;
    if (item.kind === 'text') {
      out.push(text);
      state.lineEnded = text.endsWith('\n');
      state.visible ||= /\S/.test(text);
    } else {
      out.push(item.element);
      state.lineEnded = false;
      state.visible = true;
    }
  }
}

/**
 * Drops empty strings and the non-void elements they leave empty, and joins neighbouring strings, so the tree has
 * one string where the text has one stretch. Recursion is bounded: a run nests no deeper than the tree may.
 */
function tidy(nodes: readonly DocumentNode[]): DocumentNode[] {
  const out: DocumentNode[] = [];
  for (const node of nodes) {
    if (typeof node === 'string') {
      if (node !== '') appendText(out, node);
      continue;
    }
    if (!node.children) {
      out.push(node);
      continue;
    }
    const children = tidy(node.children);
    if (children.length > 0) out.push({ ...node, children });
  }
  return out;
}

/** Appends a string, joining it to a string just before it. */
export function appendText(nodes: DocumentNode[], text: string): void {
  const lastIndex = nodes.length - 1;
  const last = nodes[lastIndex];
  if (typeof last === 'string') nodes[lastIndex] = last + text;
  else nodes.push(text);
}
