import { describe, expect, test, vi } from 'vitest';

import {
  createReaderStore,
  initialReaderState,
  type ReaderAction,
  readerReducer,
  type ReaderState,
} from '../../../renderer/app/reader/reader-state.ts';

/** The state after a run of actions from a fresh article. */
function after(...actions: ReaderAction[]): ReaderState {
  return actions.reduce(readerReducer, initialReaderState);
}

describe('readerReducer', () => {
  test('starts reading: no popover, no focus ring, not re-attaching, nothing selected', () => {
    expect(initialReaderState).toEqual({
      selection: { active: false, version: 0, outside: undefined },
      popover: null,
      current: null,
      reattaching: null,
      announcement: '',
    });
  });

  test('every selection change bumps the version, so the toolbar re-measures even when the selection looks the same', () => {
    const state = after(
      { type: 'selection-changed', active: true, outside: undefined },
      { type: 'selection-changed', active: true, outside: 'older than print' },
    );
    expect(state.selection).toEqual({ active: true, version: 2, outside: 'older than print' });
  });

  test('stepping onto a highlight with the keys opens a preview; stepping off every highlight closes it', () => {
    const preview = after({ type: 'current-changed', key: 'a', byKeys: true });
    expect(preview).toMatchObject({ current: 'a', popover: { key: 'a', focus: 'none' } });
    const next = readerReducer(preview, { type: 'current-changed', key: 'b', byKeys: true });
    expect(next.popover).toEqual({ key: 'b', focus: 'none' });
    expect(readerReducer(next, { type: 'current-changed', key: null, byKeys: true })).toMatchObject({
      current: null,
      popover: null,
    });
  });

  test('focus leaving the highlights never closes a popover the user is working in', () => {
    const state = after(
      { type: 'popover-opened', key: 'a', focus: 'note' },
      { type: 'current-changed', key: null, byKeys: true },
    );
    expect(state.popover).toEqual({ key: 'a', focus: 'note' });
  });

  test('the focus ring moved by a click, a sidebar choice or a re-attach opens no preview', () => {
    expect(after({ type: 'current-changed', key: 'a', byKeys: false })).toMatchObject({ current: 'a', popover: null });
  });

  test('stepping onto the highlight whose popover is open keeps it open as it was', () => {
    const state = after(
      { type: 'popover-opened', key: 'a', focus: 'controls' },
      { type: 'current-changed', key: 'a', byKeys: true },
    );
    expect(state.popover).toEqual({ key: 'a', focus: 'controls' });
  });

  test('a highlight made with a note opens its popover on the note; without one it only announces', () => {
    expect(after({ type: 'highlighted', key: 'a', color: 'green', withNote: true })).toMatchObject({
      popover: { key: 'a', focus: 'note' },
      announcement: 'Highlighted in green.',
    });
    expect(after({ type: 'highlighted', key: 'a', color: 'blue', withNote: false })).toMatchObject({
      popover: null,
      announcement: 'Highlighted in blue.',
    });
  });

  test('re-attaching closes the popover, remembers where focus was, and opens no preview while on', () => {
    const origin = document.createElement('button');
    const state = after(
      { type: 'popover-opened', key: 'a', focus: 'controls' },
      { type: 'reattach-started', key: 'a', origin },
    );
    expect(state).toMatchObject({ popover: null, reattaching: { key: 'a', origin } });
    expect(state.announcement).toMatch(/^Re-attaching\. Select the text/);
    expect(readerReducer(state, { type: 'current-changed', key: 'b', byKeys: true }).popover).toBeNull();
  });

  test('cancelling re-attaching acts once: a second cancel for the same Escape changes nothing', () => {
    const cancelled = after({ type: 'reattach-started', key: 'a', origin: null }, { type: 'reattach-cancelled' });
    expect(cancelled).toMatchObject({ reattaching: null, announcement: 'Re-attaching cancelled.' });
    expect(readerReducer(cancelled, { type: 'reattach-cancelled' })).toBe(cancelled);
    expect(readerReducer(initialReaderState, { type: 'reattach-confirmed' })).toBe(initialReaderState);
  });

  test('confirming leaves re-attaching and says where the highlight went', () => {
    expect(after({ type: 'reattach-started', key: 'a', origin: null }, { type: 'reattach-confirmed' })).toMatchObject({
      reattaching: null,
      announcement: 'Re-attached. The highlight is now in the list in reading order.',
    });
  });

  test('deleting the highlight being re-attached ends re-attaching; deleting another one does not', () => {
    const reattaching = after(
      { type: 'reattach-started', key: 'a', origin: null },
      { type: 'popover-opened', key: 'b', focus: 'controls' },
    );
    expect(readerReducer(reattaching, { type: 'deleted', key: 'b' })).toMatchObject({
      popover: null,
      reattaching: { key: 'a' },
      announcement: 'Highlight deleted.',
    });
    expect(readerReducer(reattaching, { type: 'deleted', key: 'a' }).reattaching).toBeNull();
  });

  test('closing a closed popover, or opening the one already open, returns the same state', () => {
    expect(readerReducer(initialReaderState, { type: 'popover-closed' })).toBe(initialReaderState);
    const open = after({ type: 'popover-opened', key: 'a', focus: 'controls' });
    expect(readerReducer(open, { type: 'popover-opened', key: 'a', focus: 'controls' })).toBe(open);
  });

  test('recolouring and plain announcements only change the announcement', () => {
    expect(after({ type: 'recoloured', color: 'pink' })).toEqual({
      ...initialReaderState,
      announcement: 'Changed to pink.',
    });
    expect(after({ type: 'announced', text: 'Hello.' })).toEqual({ ...initialReaderState, announcement: 'Hello.' });
  });
});

describe('createReaderStore', () => {
  test('applies actions synchronously and tells listeners only when the state changed', () => {
    const store = createReaderStore();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.dispatch({ type: 'popover-opened', key: 'a', focus: 'controls' });
    expect(store.getState().popover).toEqual({ key: 'a', focus: 'controls' });
    store.dispatch({ type: 'reattach-cancelled' });
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    store.dispatch({ type: 'popover-closed' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getState().popover).toBeNull();
  });
});
