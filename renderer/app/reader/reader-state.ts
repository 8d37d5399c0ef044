import type { HighlightColor } from '../../../common/contract.ts';

/**
 * The reader's UI state, as one pure reducer in the style of Hypothesis' sidebar store modules: the state, the
 * actions that change it, and a `readerReducer(state, action) => state` with no side effects. `Reader.tsx`
 * dispatches actions and renders from the state; focus, scrolling and IPC stay in Reader, which reads the state
 * at the moment it acts (`ReaderStore.getState`), so a key press that reaches two handlers acts once.
 *
 * Two modes can be on at once, because the user can open a highlight while re-attaching another:
 * - the popover: closed (reading), a *preview* that follows keyboard focus (`focus: 'none'`), or open to work in
 *   (`focus: 'note'` or `'controls'`, where focus went when it opened);
 * - re-attaching a highlight (the hint above the article, "Re-attach here" in the selection toolbar).
 */

/** The open popover: whose it is and where focus goes when it opens; `'none'` is a preview that follows focus. */
interface OpenPopover {
  readonly key: string;
  readonly focus: 'note' | 'controls' | 'none';
}

/** Re-attaching a highlight: which one, and where focus was when it started, to give it back on cancel. */
interface Reattaching {
  readonly key: string;
  readonly origin: Element | null;
}

/** What the article selection looks like to the chrome. `version` counts changes, so the toolbar re-measures. */
interface SelectionState {
  readonly active: boolean;
  readonly version: number;
  /** The article text a highlight would keep, when the selection also reaches outside it (see ArticleSurface). */
  readonly outside: string | undefined;
}

/** Everything the reader renders that is not an annotation. */
export interface ReaderState {
  readonly selection: SelectionState;
  readonly popover: OpenPopover | null;
  /** The highlight under the article's keyboard focus ring. */
  readonly current: string | null;
  readonly reattaching: Reattaching | null;
  /** The latest sentence for the screen reader's live region. */
  readonly announcement: string;
}

/** What can happen in the reader. */
export type ReaderAction =
  | { type: 'selection-changed'; active: boolean; outside: string | undefined }
  | { type: 'popover-opened'; key: string; focus: OpenPopover['focus'] }
  | { type: 'popover-closed' }
  /** The focus ring moved; `byKeys` when the user stepped there with the keyboard (see SurfaceEvents). */
  | { type: 'current-changed'; key: string | null; byKeys: boolean }
  | { type: 'highlighted'; key: string; color: HighlightColor; withNote: boolean }
  | { type: 'recoloured'; color: HighlightColor }
  | { type: 'deleted'; key: string }
  | { type: 'reattach-started'; key: string; origin: Element | null }
  | { type: 'reattach-cancelled' }
  | { type: 'reattach-confirmed' }
  | { type: 'announced'; text: string };

/** The state of a freshly opened article. */
export const initialReaderState: ReaderState = {
  selection: { active: false, version: 0, outside: undefined },
  popover: null,
  current: null,
  reattaching: null,
  announcement: '',
};

/** The next state after `action`; the same object when nothing changes. */
export function readerReducer(state: ReaderState, action: ReaderAction): ReaderState {
  switch (action.type) {
    case 'selection-changed':
      return {
        ...state,
        selection: { active: action.active, version: state.selection.version + 1, outside: action.outside },
      };
    case 'popover-opened':
      if (state.popover?.key === action.key && state.popover.focus === action.focus) return state;
      return { ...state, popover: { key: action.key, focus: action.focus } };
    case 'popover-closed':
      return state.popover === null ? state : { ...state, popover: null };
    case 'current-changed':
      return currentChanged(state, action.key, action.byKeys);
    case 'highlighted':
      return {
        ...state,
        announcement: `Highlighted in ${action.color}.`,
        popover: action.withNote ? { key: action.key, focus: 'note' } : state.popover,
      };
    case 'recoloured':
      return { ...state, announcement: `Changed to ${action.color}.` };
    case 'deleted':
      return {
        ...state,
        popover: null,
        reattaching: state.reattaching?.key === action.key ? null : state.reattaching,
        announcement: 'Highlight deleted.',
      };
    case 'reattach-started':
      return {
        ...state,
        popover: null,
        reattaching: { key: action.key, origin: action.origin },
        announcement: 'Re-attaching. Select the text where the highlight belongs, then press Enter. Escape cancels.',
      };
    case 'reattach-cancelled':
      // Escape reaches several handlers; only the first one cancels.
      if (state.reattaching === null) return state;
      return { ...state, reattaching: null, announcement: 'Re-attaching cancelled.' };
    case 'reattach-confirmed':
      if (state.reattaching === null) return state;
      return {
        ...state,
        reattaching: null,
        announcement: 'Re-attached. The highlight is now in the list in reading order.',
      };
    case 'announced':
      return { ...state, announcement: action.text };
  }
}

/**
 * Keyboard focus on a highlight opens its popover as a preview that follows the focus (Enter goes into it); focus
 * leaving every highlight closes a preview, but never a popover the user is working in. Choosing a sidebar card or
 * re-attaching moves the focus ring too (`byKeys` false): that only scrolls to and flashes the highlight, no preview
 * covers the text.
 */
function currentChanged(state: ReaderState, key: string | null, byKeys: boolean): ReaderState {
  if (key === null) return { ...state, current: null, popover: state.popover?.focus === 'none' ? null : state.popover };
  const preview = byKeys && state.reattaching === null && state.popover?.key !== key;
  return { ...state, current: key, popover: preview ? { key, focus: 'none' } : state.popover };
}

/** A reader state that handlers can read at the moment they act, and React can subscribe to. */
export interface ReaderStore {
  getState(): ReaderState;
  dispatch(action: ReaderAction): void;
  subscribe(listener: () => void): () => void;
}

/** A store around `readerReducer` (a minimal Redux store: synchronous dispatch, then the listeners). */
export function createReaderStore(initial: ReaderState = initialReaderState): ReaderStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action) {
      const next = readerReducer(state, action);
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
