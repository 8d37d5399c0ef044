import type { Annotation, HighlightColor, MarginaliaApi, Result, Selector } from '../../../common/contract.ts';
import type { TagCount } from '../../../common/model.ts';
import type { AnchorResult } from '../../anchoring/index.ts';
import { isLastingRefusal, messageOf, unwrap } from '../api.ts';
import { withTags } from '../highlights/tag-text.ts';
import { UndoGoneError, type UndoHistory } from '../undo/undo-history.ts';

/** One annotation as the renderer holds it. */
export interface Entry {
  /** The annotation id, chosen here when the highlight is made, so it never changes. */
  readonly key: string;
  /** While `pending`, the timestamps are local. */
  readonly annotation: Annotation;
  /** Where it sits in the article text now (the anchoring engine's own result), or that it could not be placed. */
  readonly placement: AnchorResult;
  /** True until the main process has stored it. */
  readonly pending: boolean;
}

/** An entry that anchored somewhere in the text. */
export type PlacedEntry = Entry & { readonly placement: Extract<AnchorResult, { start: number }> };

/** What the chrome renders: placed annotations in document order, orphans, and the latest error. */
export interface AnnotationsState {
  readonly loading: boolean;
  readonly placed: readonly PlacedEntry[];
  readonly orphans: readonly Entry[];
  readonly error: string | null;
}

/** Finds where each annotation's selectors point in the article as it is rendered now, in input order. */
export type PlaceAll = (selectorsList: ReadonlyArray<readonly Selector[]>) => AnchorResult[];

/** One kind of change to one highlight: what a failure is about, and what a later success must be to supersede it. */
interface Change {
  readonly kind: 'create' | 'color' | 'note' | 'tags' | 'selectors' | 'delete';
  readonly key: string;
}

function failureId(change: Change): string {
  return `${change.kind}:${change.key}`;
}

/** Whether two tag lists are the same, spelling and order included. */
function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, i) => tag === b[i]);
}

/** The failure slot of loading the article's highlights (not a change; only dismissing clears it). */
const loadFailure = 'load';

/**
 * The annotations of one article and every IPC call that changes them. Changes show at once (optimistic) and are
 * rolled back with a readable error when the call fails, except note text, which is kept so no typing is lost.
 * Lives outside React so the article surface can repaint synchronously and unload handlers can flush.
 */
export class AnnotationStore {
  readonly #api: MarginaliaApi;
  readonly #articleId: number;
  readonly #placeAll: PlaceAll;
  readonly #entries = new Map<string, Entry>();
  /** Ids whose create failed: later calls naming them fail too, and that failure was already reported. */
  readonly #failedCreates = new Set<string>();
  /** Highlights deleted here, as they were shown, with main's token to bring each back (Undo). */
  readonly #deleted = new Map<string, { entry: Entry; undoToken: string }>();
  /** The latest delete of each highlight, until main answers it (true: stored). */
  readonly #deleting = new Map<string, Promise<boolean>>();
  readonly #listeners = new Set<() => void>();
  #loading = true;
  /** Changes sent so far; numbers each call so a success can tell whether it was sent after a failure showed. */
  #sent = 0;
  /**
   * The failures still standing, oldest first, by what failed (see `Change`); the newest one's message is the error
   * shown. A failed colour, tags, delete, re-attach or create is rolled back, so the screen shows what is stored: it
   * stands until any change sent after it saves (saving works again; the banner would only mislead). A failed note
   * is not rolled back (typing is never lost), so the screen shows text that is not stored: it stands until a later
   * save of that same highlight's note succeeds, or the highlight is deleted. A recolour that saves, or another
   * highlight's note, proves nothing about it. A change already in flight when a failure showed clears nothing.
   * `after` is null for a failure no save can fix (the highlights failed to load): it stays until dismissed.
   */
  readonly #failures = new Map<string, { message: string; after: number | null }>();
  /** Highlights whose latest call main refused for good (isLastingRefusal): an undo of theirs is dropped, not kept. */
  readonly #lastingRefusals = new Set<string>();
  #loadGeneration = 0;
  /** Where the user's changes are recorded for Undo; none in tests that do not need it. */
  readonly #history: UndoHistory | undefined;
  /** True while Undo or Redo replays a change: that is not a new change to record. */
  #replaying = false;
  #snapshot: AnnotationsState = { loading: true, placed: [], orphans: [], error: null };

  constructor(api: MarginaliaApi, articleId: number, placeAll: PlaceAll, history?: UndoHistory) {
    this.#api = api;
    this.#history = history;
    this.#articleId = articleId;
    this.#placeAll = placeAll;
  }

  /** Registers a change listener (called synchronously on every change); returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** The current immutable state. */
  getSnapshot = (): AnnotationsState => this.#snapshot;

  /** The entry under a key, if it still exists. */
  get(key: string): Entry | undefined {
    return this.#entries.get(key);
  }

  /**
   * Fetches the article's annotations (or takes the answer to a request already made, `asked`) and anchors them all;
   * a later call supersedes an earlier one.
   */
  async load(asked?: Promise<Result<Annotation[]>>): Promise<void> {
    const generation = ++this.#loadGeneration;
    try {
      const annotations = unwrap(await (asked ?? this.#api.annotations.list({ articleId: this.#articleId })));
      if (generation !== this.#loadGeneration) return;
      // One batch: highlights found where they were help place their neighbours after an edit.
      const placements = this.#placeAll(annotations.map((a) => a.selectors));
      annotations.forEach((annotation, i) => {
        const placement = placements[i] ?? { status: { kind: 'orphan' } };
        this.#entries.set(annotation.id, { key: annotation.id, annotation, placement, pending: false });
      });
    } catch (error) {
      if (generation !== this.#loadGeneration) return;
      this.#failures.delete(loadFailure);
      this.#failures.set(loadFailure, { message: `Couldn't load your highlights: ${messageOf(error)}`, after: null });
    }
    this.#loading = false;
    this.#emit();
  }

  /**
   * Adds a highlight at once and stores it; returns its key, which is also its id. The id is chosen here, so
   * recolouring, a note or a delete can be sent straight away: the main process handles calls in the order they
   * were made, so they arrive after the create. On failure the highlight disappears and the error shows.
   */
  create(color: HighlightColor, selectors: Selector[], placement: AnchorResult, note = ''): string {
    const id = crypto.randomUUID();
    const now = new Date().toISOString();
    const annotation: Annotation = {
      id,
      articleId: this.#articleId,
      color,
      selectors,
      note,
      tags: [],
      createdAt: now,
      updatedAt: now,
    };
    this.#entries.set(id, { key: id, annotation, placement, pending: true });
    this.#emit();
    this.#record('Highlight', id, {
      undo: () => this.remove(id),
      redo: () => this.#restoreDeleted(id),
    });

    const sent = ++this.#sent;
    void (async () => {
      try {
        const stored = unwrap(
          await this.#api.annotations.create({
            id,
            articleId: this.#articleId,
            color,
            selectors,
            ...(note ? { note } : {}),
          }),
        );
        this.#succeeded({ kind: 'create', key: id }, sent);
        const current = this.#entries.get(id);
        // Changes made while the call was in flight were sent after it and are already shown: keep them.
        if (current) {
          const { color: keptColor, note: keptNote, selectors: keptSelectors, tags: keptTags } = current.annotation;
          this.#set({
            ...current,
            annotation: { ...stored, color: keptColor, note: keptNote, selectors: keptSelectors, tags: keptTags },
            pending: false,
          });
        }
      } catch (error) {
        this.#failedCreates.add(id);
        this.#entries.delete(id);
        this.#fail({ kind: 'create', key: id }, `Couldn't save the highlight: ${messageOf(error)}`);
      }
    })();
    return id;
  }

  /** Recolours at once; reverts if the call fails. */
  setColor(key: string, color: HighlightColor): Promise<boolean> {
    const before = this.#entries.get(key);
    if (!before || before.annotation.color === color) return Promise.resolve(true);
    this.#set({ ...before, annotation: { ...before.annotation, color } });
    this.#record('Colour change', key, {
      undo: () => this.setColor(key, before.annotation.color),
      redo: () => this.setColor(key, color),
    });
    return this.#send({ kind: 'color', key }, this.#api.annotations.update({ id: key, color }), () => {
      const now = this.#entries.get(key);
      if (now && now.annotation.color === color)
        this.#set({ ...now, annotation: { ...now.annotation, color: before.annotation.color } });
      return "Couldn't change the colour";
    });
  }

  /**
   * Saves a note. The call is sent synchronously, even while the create is in flight, so a flush from an unload
   * handler reaches the main process. On failure the text stays on screen (never lose typing) and the error shows.
   */
  setNote(key: string, note: string): Promise<boolean> {
    const before = this.#entries.get(key);
    if (!before) return Promise.resolve(true);
    if (before.annotation.note !== note) {
      this.#set({ ...before, annotation: { ...before.annotation, note } });
      // One step per save, and the note saver saves once typing pauses: one undo per pause, not per keystroke.
      this.#record('Note edit', key, {
        undo: () => this.setNote(key, before.annotation.note),
        redo: () => this.setNote(key, note),
      });
    }
    return this.#send(
      { kind: 'note', key },
      this.#api.annotations.update({ id: key, note }),
      () => "Couldn't save the note",
    );
  }

  /**
   * Replaces a highlight's tags at once (normalised, each once whatever its case) and stores them; once stored, the
   * tags show as main spelled them (a tag already used elsewhere keeps that spelling). Reverts if the call fails.
   */
  setTags(key: string, tags: readonly string[]): Promise<boolean> {
    const before = this.#entries.get(key);
    const wanted = withTags([], tags);
    if (!before || sameTags(before.annotation.tags, wanted)) return Promise.resolve(true);
    this.#set({ ...before, annotation: { ...before.annotation, tags: wanted } });
    this.#record('Tag change', key, {
      undo: () => this.setTags(key, before.annotation.tags),
      redo: () => this.setTags(key, wanted),
    });
    const showing = () => this.#entries.get(key)?.annotation.tags === wanted;
    return this.#send(
      { kind: 'tags', key },
      this.#api.annotations.setTags({ id: key, tags: wanted }),
      () => {
        const now = this.#entries.get(key);
        if (now && showing()) this.#set({ ...now, annotation: { ...now.annotation, tags: before.annotation.tags } });
        return "Couldn't change the tags";
      },
      (stored) => {
        const now = this.#entries.get(key);
        // A later change of the tags is already on its way: it, not this reply, says what they are.
        if (now && showing()) this.#set({ ...now, annotation: { ...now.annotation, tags: stored.tags } });
      },
    );
  }

  /** Every tag in use in the library, most used first: suggestions while tagging. */
  tagsInUse = async (): Promise<TagCount[]> => unwrap(await this.#api.tags.list());

  /** Removes at once; restores it if the call fails. */
  remove(key: string): Promise<boolean> {
    const before = this.#entries.get(key);
    if (!before) return Promise.resolve(true);
    this.#entries.delete(key);
    this.#emit();
    this.#record('Delete highlight', key, {
      undo: () => this.#restoreDeleted(key),
      redo: () => this.remove(key),
    });
    const deleting = this.#send(
      { kind: 'delete', key },
      this.#api.annotations.delete({ id: key }),
      () => {
        this.#entries.set(key, before);
        return "Couldn't delete the highlight";
      },
      ({ undoToken }) => this.#deleted.set(key, { entry: before, undoToken }),
    );
    this.#deleting.set(key, deleting);
    return deleting;
  }

  /**
   * Brings back a highlight this store deleted (Undo of a delete, Redo of a highlight made), as main kept it: same
   * id, note, tags and dates. Shown at once; if main refuses, it goes again and the error says why.
   */
  async #restoreDeleted(key: string): Promise<boolean> {
    // A delete still on its way has no token yet: wait for main's answer.
    await this.#deleting.get(key);
    const deleted = this.#deleted.get(key);
    // The delete failed and was rolled back, so the highlight is still here: nothing to bring back.
    if (!deleted || this.#entries.has(key)) return true;
    this.#set(deleted.entry);
    return this.#send(
      { kind: 'create', key },
      this.#api.annotations.restore({ undoToken: deleted.undoToken }),
      () => {
        this.#entries.delete(key);
        return "Couldn't bring the highlight back";
      },
      (stored) => {
        // Only now: if main refused, the token still brings it back on the next try.
        this.#deleted.delete(key);
        const now = this.#entries.get(key);
        if (now) this.#set({ ...now, annotation: stored, pending: false });
      },
    );
  }

  /**
   * Moves an annotation to new selectors (re-attaching an orphan to text the user chose) and shows it there at
   * once; if the call fails it goes back where it was (for an orphan: back to "Couldn't place") and the error shows.
   */
  reattach(key: string, selectors: Selector[], placement: AnchorResult): Promise<boolean> {
    const before = this.#entries.get(key);
    if (!before) return Promise.resolve(true);
    this.#set({ ...before, annotation: { ...before.annotation, selectors }, placement });
    this.#record('Re-attach highlight', key, {
      undo: () => this.#undoReattach(key, before),
      redo: () => this.reattach(key, selectors, placement),
    });
    return this.#send({ kind: 'selectors', key }, this.#api.annotations.update({ id: key, selectors }), () => {
      const now = this.#entries.get(key);
      if (now && now.annotation.selectors === selectors) {
        this.#set({
          ...now,
          annotation: { ...now.annotation, selectors: before.annotation.selectors },
          placement: before.placement,
        });
      }
      return "Couldn't re-attach the highlight";
    });
  }

  /**
   * Puts a re-attached highlight back where it was (for an orphan: back to "Couldn't place"). Main restores the
   * selectors it replaced itself: an orphan's no longer fit the text, so they could not be sent as an update.
   */
  #undoReattach(key: string, was: Entry): Promise<boolean> {
    const now = this.#entries.get(key);
    if (!now) return Promise.resolve(true);
    const moved = now.annotation.selectors;
    this.#set({
      ...now,
      annotation: { ...now.annotation, selectors: was.annotation.selectors },
      placement: was.placement,
    });
    return this.#send({ kind: 'selectors', key }, this.#api.annotations.undoReattach({ id: key }), () => {
      const current = this.#entries.get(key);
      if (current && current.annotation.selectors === was.annotation.selectors) {
        this.#set({ ...current, annotation: { ...current.annotation, selectors: moved }, placement: now.placement });
      }
      return "Couldn't undo the re-attach";
    });
  }

  /** Clears the status area's error: the user has read it. */
  dismissError(): void {
    if (this.#failures.size === 0) return;
    this.#failures.clear();
    this.#emit();
  }

  /**
   * Awaits a call that was already sent; `saved` gets what it stored. On failure `rollback` undoes the optimistic
   * change and names what failed; a failure that only follows from the annotation's create having failed is not
   * reported twice.
   */
  async #send<T>(
    change: Change,
    call: Promise<Result<T>>,
    rollback: () => string,
    saved?: (value: T) => void,
  ): Promise<boolean> {
    const sent = ++this.#sent;
    try {
      const value = unwrap(await call);
      this.#lastingRefusals.delete(change.key);
      this.#succeeded(change, sent);
      saved?.(value);
      return true;
    } catch (error) {
      if (isLastingRefusal(error)) this.#lastingRefusals.add(change.key);
      else this.#lastingRefusals.delete(change.key);
      // The highlight was never stored: there is nothing to change, and that failure was reported already.
      if (this.#failedCreates.has(change.key)) return true;
      this.#fail(change, `${rollback()}: ${messageOf(error)}`);
      return false;
    }
  }

  /**
   * Records a change the user made for Undo, unless Undo or Redo is making it. The replayed calls are this store's
   * own, so a replayed change is shown, stored and reported exactly as the original was.
   */
  #record(label: string, key: string, step: { undo: () => Promise<boolean>; redo: () => Promise<boolean> }): void {
    if (this.#replaying || !this.#history) return;
    const replay = (change: () => Promise<boolean>) => async (): Promise<void> => {
      this.#replaying = true;
      let saved: Promise<boolean>;
      try {
        saved = change();
      } finally {
        this.#replaying = false;
      }
      // Refused by main: the change was rolled back and the status area says why. The step stays to try again,
      // unless the refusal will stand (the highlight's article was deleted, it moved again): then it goes.
      if (await saved) return;
      if (this.#lastingRefusals.has(key)) throw new UndoGoneError('that highlight can no longer be changed back');
      throw new Error('it was not saved');
    };
    this.#history.record({ label, owner: this, undo: replay(step.undo), redo: replay(step.redo) });
  }

  #set(entry: Entry): void {
    this.#entries.set(entry.key, entry);
    this.#emit();
  }

  #fail(change: Change, message: string): void {
    const id = failureId(change);
    this.#failures.delete(id); // Re-inserted last: the newest failure is the one shown.
    this.#failures.set(id, { message, after: this.#sent });
    this.#emit();
  }

  /** A change that was sent as number `sent` saved: the failures it supersedes stop standing. */
  #succeeded(change: Change, sent: number): void {
    // A rolled-back failure goes with any later save; an unsaved note only with saving (or deleting) its highlight.
    const settlesNote =
      change.kind === 'note' || change.kind === 'delete' ? failureId({ kind: 'note', key: change.key }) : undefined;
    const superseded = (id: string): boolean => !id.startsWith('note:') || id === settlesNote;
    let cleared = false;
    for (const [id, failure] of this.#failures) {
      if (failure.after === null || sent <= failure.after || !superseded(id)) continue;
      this.#failures.delete(id);
      cleared = true;
    }
    if (cleared) this.#emit();
  }

  #emit(): void {
    const placed: PlacedEntry[] = [];
    const orphans: Entry[] = [];
    for (const entry of this.#entries.values()) {
      if (entry.placement.status.kind === 'orphan') orphans.push(entry);
      else placed.push(entry as PlacedEntry);
    }
    placed.sort(
      (a, b) =>
        a.placement.start - b.placement.start ||
        a.placement.end - b.placement.end ||
        a.annotation.createdAt.localeCompare(b.annotation.createdAt),
    );
    orphans.sort((a, b) => a.annotation.createdAt.localeCompare(b.annotation.createdAt));
    const error = [...this.#failures.values()].at(-1)?.message ?? null;
    this.#snapshot = { loading: this.#loading, placed, orphans, error };
    for (const listener of this.#listeners) listener();
  }
}
