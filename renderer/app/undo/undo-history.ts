import { limits } from '../../../common/model.ts';
import { isLastingRefusal, messageOf } from '../api.ts';

/**
 * One thing the user did, with how to take it back and how to do it again. Both run the change as the app's own
 * optimistic calls do: shown at once, stored by main, reported in the status area if main refuses.
 */
export interface UndoStep {
  /** What the step did, in the user's words ("Recolour highlight"), for the announcement after an undo. */
  readonly label: string;
  /** Whose step it is (an article's annotation store): `forget(owner)` drops its steps when it closes. */
  readonly owner: object;
  /** What the notice says once it is undone or redone, where "Undone: <label>." would say it less well. */
  readonly undoneMessage?: string;
  readonly redoneMessage?: string;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

/**
 * Thrown by a step's undo or redo that can never succeed now (main no longer has what it needs, or a newer change
 * is in the way): the history drops the step instead of keeping it to try again, so it cannot block every older one.
 */
export class UndoGoneError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UndoGoneError';
  }
}

/** A refusal of an undo or redo as the history should treat it: dropped when it will stand (isLastingRefusal). */
export function undoRefusal(reason: unknown): unknown {
  return isLastingRefusal(reason) ? new UndoGoneError(messageOf(reason)) : reason;
}

/** What undo or redo did: the step's label and its own message, if any, or null when there was nothing to do. */
export type Replayed = { readonly label: string; readonly message: string | undefined } | null;

/** Undo as far back as a user plausibly goes; older steps are dropped first. */
const longestHistory = limits.undoSteps;

/**
 * The user's changes in the order they made them, for Ctrl/⌘+Z and Ctrl/⌘+Shift+Z (Ctrl+Y). A new change after an
 * undo drops what could have been redone, as every editor does. Presses are replayed one after another, never
 * overlapping, so pressing Ctrl+Z three times quickly undoes the three latest changes in order. The history lives in
 * this window's memory only: after a restart it starts empty, so it can never undo a change it did not see.
 */
export class UndoHistory {
  readonly #done: UndoStep[] = [];
  readonly #undone: UndoStep[] = [];
  #queue: Promise<unknown> = Promise.resolve();
  #recorded = 0;
  /** Owners forgotten (their article closed): a step of theirs still running when that happened is not kept. */
  readonly #forgotten = new WeakSet<object>();

  /** How many changes were recorded so far: whether anything was done since a given moment. */
  get recorded(): number {
    return this.#recorded;
  }

  /** Records a change the user just made. */
  record(step: UndoStep): void {
    this.#recorded += 1;
    this.#done.push(step);
    if (this.#done.length > longestHistory) this.#done.shift();
    this.#undone.length = 0;
  }

  /**
   * Takes back the latest change not yet undone; or, given a step (a notice's Undo button), that step: out of turn
   * when changes were made after it, and then it cannot be redone, since redoing it would jump ahead of them too.
   * Null when there is nothing to undo, or the step given is not waiting to be undone (undone already).
   */
  undo(step?: UndoStep): Promise<Replayed> {
    return this.#replay(
      this.#done,
      this.#undone,
      (s) => s.undo(),
      step,
      (s) => s.undoneMessage,
    );
  }

  /** Does again the latest change undone, if nothing new was done since. */
  redo(): Promise<Replayed> {
    return this.#replay(
      this.#undone,
      this.#done,
      (s) => s.redo(),
      undefined,
      (s) => s.redoneMessage,
    );
  }

  /** Drops a step that turned out not to have happened (main refused the change it records). */
  drop(step: UndoStep): void {
    for (const steps of [this.#done, this.#undone]) {
      const at = steps.lastIndexOf(step);
      if (at !== -1) steps.splice(at, 1);
    }
  }

  /** The step the next undo or redo would replay, if any (to tell whose it is before pressing). */
  next(direction: 'undo' | 'redo'): UndoStep | undefined {
    return (direction === 'undo' ? this.#done : this.#undone).at(-1);
  }

  /** Drops an owner's steps (its article closed): undoing them would change what the user no longer sees. */
  forget(owner: object): void {
    this.#forgotten.add(owner);
    for (const steps of [this.#done, this.#undone]) {
      const kept = steps.filter((step) => step.owner !== owner);
      steps.splice(0, steps.length, ...kept);
    }
  }

  get canUndo(): boolean {
    return this.#done.length > 0;
  }

  get canRedo(): boolean {
    return this.#undone.length > 0;
  }

  #replay(
    from: UndoStep[],
    to: UndoStep[],
    run: (step: UndoStep) => Promise<void>,
    asked: UndoStep | undefined,
    message: (step: UndoStep) => string | undefined,
  ): Promise<Replayed> {
    const next = this.#queue.then(async (): Promise<Replayed> => {
      // Taken when its turn comes, not when the key was pressed: an earlier press may have changed the stacks.
      const at = asked ? from.lastIndexOf(asked) : from.length - 1;
      const step = from[at];
      if (!step) return null;
      const inTurn = at === from.length - 1;
      from.splice(at, 1);
      try {
        await run(step);
      } catch (error) {
        // Not done: it stays where it was, so the next press tries it again rather than skipping past it; unless it
        // can never be done now, and would block every older step.
        if (!(error instanceof UndoGoneError) && !this.#forgotten.has(step.owner)) from.splice(at, 0, step);
        throw error;
      }
      if (inTurn && !this.#forgotten.has(step.owner)) to.push(step);
      return { label: step.label, message: message(step) };
    });
    this.#queue = next.catch(() => undefined);
    return next;
  }
}
