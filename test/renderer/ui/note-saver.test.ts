import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

import { NoteSaver } from '../../../renderer/app/annotations/note-saver.ts';

describe('NoteSaver', () => {
  let saved: Array<[string, string]>;
  let saver: NoteSaver;
  beforeEach(() => {
    vi.useFakeTimers();
    saved = [];
    saver = new NoteSaver((key, note) => saved.push([key, note]), 400);
  });
  afterEach(() => {
    saver.dispose();
    vi.useRealTimers();
  });

  test('saves only the latest text, once typing pauses', () => {
    saver.change('a', 'H');
    vi.advanceTimersByTime(300);
    saver.change('a', 'Hi');
    vi.advanceTimersByTime(399);
    expect(saved).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(saved).toEqual([['a', 'Hi']]);
  });

  test('flushes everything pending when the page hides or goes away', () => {
    saver.change('a', 'one');
    saver.change('b', 'two');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(saved).toEqual([
      ['a', 'one'],
      ['b', 'two'],
    ]);
    saver.change('a', 'three');
    window.dispatchEvent(new Event('beforeunload'));
    expect(saved).toHaveLength(3);
    vi.advanceTimersByTime(1000);
    expect(saved).toHaveLength(3);
  });

  test('flushes when the window is hidden (minimised, switched away, closing on some platforms)', () => {
    saver.change('a', 'hidden');
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    try {
      document.dispatchEvent(new Event('visibilitychange'));
    } finally {
      visibility.mockRestore();
    }
    expect(saved).toEqual([['a', 'hidden']]);
  });

  test('discard drops pending text; flush of one key leaves the others', () => {
    saver.change('a', 'gone');
    saver.change('b', 'kept');
    saver.discard('a');
    saver.flush('b');
    expect(saved).toEqual([['b', 'kept']]);
    expect(saver.hasPending('a')).toBe(false);
  });

  test('dispose flushes and stops listening', () => {
    saver.change('a', 'last');
    saver.dispose();
    expect(saved).toEqual([['a', 'last']]);
    saver.change('a', 'after');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(saved).toHaveLength(1);
  });
});
