import { describe, expect, test } from 'vitest';

import { caretMoveFor, isCaretModeToggle } from '../../../renderer/app/reader/caret-keys.ts';

const key = (k: string, init: KeyboardEventInit = {}) => new KeyboardEvent('keydown', { key: k, ...init });

describe('the caret keys', () => {
  test('F7 alone toggles caret mode', () => {
    expect(isCaretModeToggle(key('F7'))).toBe(true);
    expect(isCaretModeToggle(key('F7', { shiftKey: true }))).toBe(false);
    expect(isCaretModeToggle(key('F7', { ctrlKey: true }))).toBe(false);
    expect(isCaretModeToggle(key('F8'))).toBe(false);
  });

  test('arrows move by character and line, Home/End to the line’s ends; Shift extends', () => {
    expect(caretMoveFor(key('ArrowRight'), false)).toEqual({
      alter: 'move',
      direction: 'right',
      granularity: 'character',
    });
    expect(caretMoveFor(key('ArrowLeft', { shiftKey: true }), false)).toEqual({
      alter: 'extend',
      direction: 'left',
      granularity: 'character',
    });
    expect(caretMoveFor(key('ArrowDown'), false)).toMatchObject({ direction: 'forward', granularity: 'line' });
    expect(caretMoveFor(key('ArrowUp'), true)).toMatchObject({ direction: 'backward', granularity: 'line' });
    expect(caretMoveFor(key('End', { shiftKey: true }), false)).toEqual({
      alter: 'extend',
      direction: 'forward',
      granularity: 'lineboundary',
    });
    expect(caretMoveFor(key('Home'), true)).toMatchObject({ direction: 'backward', granularity: 'lineboundary' });
  });

  test('words: Ctrl+arrows elsewhere, ⌥+arrows on macOS; ⌘ and Ctrl+Home/End reach line and text ends', () => {
    expect(caretMoveFor(key('ArrowRight', { ctrlKey: true, shiftKey: true }), false)).toEqual({
      alter: 'extend',
      direction: 'right',
      granularity: 'word',
    });
    expect(caretMoveFor(key('ArrowLeft', { altKey: true }), true)).toMatchObject({ granularity: 'word' });
    expect(caretMoveFor(key('ArrowLeft', { altKey: true }), false)).toBeUndefined();
    expect(caretMoveFor(key('ArrowRight', { ctrlKey: true }), true)).toBeUndefined();
    expect(caretMoveFor(key('ArrowRight', { metaKey: true }), true)).toMatchObject({
      direction: 'forward',
      granularity: 'lineboundary',
    });
    expect(caretMoveFor(key('End', { ctrlKey: true }), false)).toMatchObject({
      direction: 'forward',
      granularity: 'article',
    });
    expect(caretMoveFor(key('ArrowUp', { metaKey: true }), true)).toMatchObject({
      direction: 'backward',
      granularity: 'article',
    });
  });

  test('Alt+↑/↓ and Alt+Home/End are left for stepping between highlights, on every platform', () => {
    for (const mac of [false, true]) {
      for (const k of ['ArrowUp', 'ArrowDown', 'Home', 'End'])
        expect(caretMoveFor(key(k, { altKey: true }), mac)).toBeUndefined();
    }
  });

  test('other keys keep their meaning: digits, N, brackets, Tab, Enter, Space, Page Down', () => {
    for (const k of ['1', '5', 'n', ']', '[', 'Tab', 'Enter', ' ', 'PageDown', 'Escape', 'F7'])
      expect(caretMoveFor(key(k), false)).toBeUndefined();
  });
});
