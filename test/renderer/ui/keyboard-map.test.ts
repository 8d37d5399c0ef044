import { describe, expect, test } from 'vitest';

import {
  isOpenFileShortcut,
  selectionCommandFor,
  surfaceCommandFor,
  usesMetaKey,
} from '../../../renderer/app/keyboard.ts';

const key = (k: string, init: KeyboardEventInit = {}) => new KeyboardEvent('keydown', { key: k, ...init });

describe('the keyboard map', () => {
  test('1–5 pick colours by key or by physical digit key, N adds a note', () => {
    expect(selectionCommandFor(key('1'))).toEqual({ kind: 'highlight', color: 'yellow' });
    expect(selectionCommandFor(key('5'))).toEqual({ kind: 'highlight', color: 'purple' });
    // AZERTY: the digit row gives "é" unshifted, but the physical key is still Digit2.
    expect(selectionCommandFor(key('é', { code: 'Digit2' }))).toEqual({ kind: 'highlight', color: 'green' });
    expect(selectionCommandFor(key('N', { shiftKey: true }))).toEqual({ kind: 'note' });
    expect(selectionCommandFor(key('6'))).toBeUndefined();
  });

  test('shortcuts with Ctrl, Cmd or Alt are left to the system (Ctrl+C copies)', () => {
    expect(selectionCommandFor(key('1', { ctrlKey: true }))).toBeUndefined();
    expect(selectionCommandFor(key('n', { metaKey: true }))).toBeUndefined();
    expect(surfaceCommandFor(key(']', { ctrlKey: true }))).toBeUndefined();
  });

  test('Tab is never taken from the user', () => {
    expect(surfaceCommandFor(key('Tab'))).toBeUndefined();
    expect(surfaceCommandFor(key('Tab', { shiftKey: true }))).toBeUndefined();
  });

  test('Enter with text selected confirms (re-attaching); Shift+Enter does not', () => {
    expect(selectionCommandFor(key('Enter'))).toEqual({ kind: 'confirm' });
    expect(selectionCommandFor(key('Enter', { shiftKey: true }))).toBeUndefined();
  });

  test('Ctrl+O (⌘O on macOS) opens a file; with Shift or Alt it does not', () => {
    const command = usesMetaKey ? { metaKey: true } : { ctrlKey: true };
    expect(isOpenFileShortcut(key('o', command))).toBe(true);
    expect(isOpenFileShortcut(key('O', command))).toBe(true);
    expect(isOpenFileShortcut(key('o'))).toBe(false);
    expect(isOpenFileShortcut(key('O', { ...command, shiftKey: true }))).toBe(false);
    expect(isOpenFileShortcut(key('o', { ...command, altKey: true }))).toBe(false);
  });
});
