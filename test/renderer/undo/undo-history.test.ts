import { describe, expect, it } from 'vitest';

import { UndoGoneError, UndoHistory, type UndoStep } from '../../../renderer/app/undo/undo-history.ts';

/** A step that logs what it did, and can be made to fail or to wait. */
function step(label: string, owner: object, log: string[], behaviour: { fail?: Error; wait?: Promise<void> } = {}) {
  return {
    label,
    owner,
    async undo() {
      await behaviour.wait;
      if (behaviour.fail) throw behaviour.fail;
      log.push(`undo ${label}`);
    },
    async redo() {
      log.push(`redo ${label}`);
    },
  } satisfies UndoStep;
}

describe('UndoHistory', () => {
  it('keeps a step main refused for now, to try again, but drops one that can never be undone', async () => {
    const owner = {};
    const log: string[] = [];
    const history = new UndoHistory();
    history.record(step('older', owner, log));
    const flaky = { fail: new Error('the disk is full') as Error | undefined };
    history.record(step('flaky', owner, log, flaky));
    await expect(history.undo()).rejects.toThrow('the disk is full');
    expect(history.next('undo')?.label).toBe('flaky');
    flaky.fail = undefined;
    await expect(history.undo()).resolves.toMatchObject({ label: 'flaky' });

    history.record(step('gone', owner, log, { fail: new UndoGoneError('its article was deleted') }));
    await expect(history.undo()).rejects.toBeInstanceOf(UndoGoneError);
    // Not in the way of the older steps, and not redoable either.
    expect(history.next('undo')?.label).toBe('older');
    await expect(history.undo()).resolves.toMatchObject({ label: 'older' });
    expect(log).toEqual(['undo flaky', 'undo older']);
    expect(history.next('redo')?.label).toBe('older');
  });

  it('does not keep a step for redo when its owner was forgotten while it ran (its article closed meanwhile)', async () => {
    const owner = {};
    let finish!: () => void;
    const wait = new Promise<void>((resolve) => (finish = resolve));
    const history = new UndoHistory();
    history.record(step('recolour', owner, [], { wait }));
    const undoing = history.undo();
    await Promise.resolve();
    history.forget(owner);
    finish();
    await undoing;
    expect(history.canRedo).toBe(false);
    expect(history.canUndo).toBe(false);
  });

  it('undoes a given step out of turn, after which it cannot be redone; a step dropped is gone from both stacks', async () => {
    const owner = {};
    const log: string[] = [];
    const history = new UndoHistory();
    const first = step('first', owner, log);
    history.record(first);
    const second = step('second', owner, log);
    history.record(second);
    await expect(history.undo(first)).resolves.toMatchObject({ label: 'first' });
    await expect(history.undo(first)).resolves.toBeNull();
    expect(history.next('redo')).toBeUndefined();
    history.drop(second);
    expect(history.canUndo).toBe(false);
    expect(log).toEqual(['undo first']);
  });
});
