import '../../styles/tags-and-filters.css';

import { type KeyboardEvent, useId, useRef, useState } from 'react';

import { limits } from '../../../common/model.ts';
import { foldForSearch } from '../../../common/search-fold.ts';
import { normaliseTag, sameTag, withTags } from '../highlights/tag-text.ts';
import { listKeyTarget } from './list-keys.ts';

/** Props of a highlight's tag field. */
export interface TagFieldProps {
  tags: readonly string[];
  /** The tags after the user added or removed one. */
  onChange(tags: string[]): void;
  /** Tags in use in the library, most used first: what typing suggests. */
  known: readonly string[];
}

/** Suggestions shown at once: enough to choose from, few enough to read at a glance in a popover. */
const maxSuggestions = 6;

/**
 * The known tags that fit what was typed and are not on the highlight yet: the ones starting with it first, then
 * the ones with a word starting with it, each group most used first; case and accents ignored.
 */
function suggestionsFor(typed: string, known: readonly string[], tags: readonly string[]): string[] {
  const text = foldForSearch(normaliseTag(typed));
  const unused = known.filter((tag) => !tags.some((own) => sameTag(own, tag)));
  const starts = unused.filter((tag) => foldForSearch(tag).startsWith(text));
  const words = unused.filter(
    (tag) =>
      !starts.includes(tag) &&
      foldForSearch(tag)
        .split(' ')
        .some((word) => word.startsWith(text)),
  );
  return [...starts, ...words].slice(0, maxSuggestions);
}

/**
 * A highlight's tags: one chip per tag with a remove button, then a text field that adds a tag on Enter or a comma
 * (a pasted "a, b, c" adds three). Backspace in the empty field removes the last tag. The field is an ARIA 1.2
 * combobox over the tags already in use: typing (or ArrowDown) lists them, ArrowUp/ArrowDown move the active one,
 * Enter or a click adds it, Escape closes the list (a second Escape reaches the popover and closes it).
 */
export function TagField({ tags, onChange, known }: TagFieldProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState('');
  const suggestions = open ? suggestionsFor(text, known, tags) : [];
  const optionId = (i: number) => `${id}-suggestion-${i}`;
  const full = tags.length >= limits.tagsPerAnnotation;

  function add(typed: readonly string[]): void {
    const next = withTags(tags, typed).slice(0, limits.tagsPerAnnotation);
    const added = next.filter((tag) => !tags.includes(tag));
    if (added.length > 0) onChange(next);
    const refused = withTags(tags, typed).length > limits.tagsPerAnnotation;
    setAnnouncement(
      refused
        ? `A highlight can have at most ${limits.tagsPerAnnotation} tags.`
        : added.length > 0
          ? `Added ${added.map((tag) => `tag ${tag}`).join(', ')}.`
          : '',
    );
  }

  function remove(tag: string): void {
    onChange(tags.filter((own) => own !== tag));
    setAnnouncement(`Removed tag ${tag}.`);
    // The chip and its button are gone: the field is where the user was working.
    input.current?.focus();
  }

  function type(value: string): void {
    // A comma ends a tag, typed or pasted; what follows the last one stays in the field.
    const pieces = value.split(',');
    const rest = pieces.pop() ?? '';
    if (pieces.length > 0) add(pieces);
    setText(rest);
    setOpen(normaliseTag(rest) !== '');
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        return;
      }
      const target = listKeyTarget(event.key, active, suggestions.length);
      if (target !== undefined) setActive(target);
      return;
    }
    if (event.key === 'Enter') {
      const chosen = suggestions[active];
      if (chosen === undefined && normaliseTag(text) === '') return;
      event.preventDefault();
      add([chosen ?? text]);
      setText('');
      setOpen(false);
      setActive(-1);
      return;
    }
    if (event.key === 'Escape' && open) {
      // Stops here: only a second Escape closes the popover.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setActive(-1);
      return;
    }
    if (event.key === 'Backspace' && text === '' && tags.length > 0) {
      event.preventDefault();
      remove(tags[tags.length - 1] as string);
    }
  }

  const expanded = suggestions.length > 0;
  return (
    <div className="tag-field">
      <label className="popover-label" htmlFor={`${id}-input`}>
        Tags
      </label>
      <div className="tag-box" onClick={(event) => event.target === event.currentTarget && input.current?.focus()}>
        {tags.length > 0 && (
          <ul className="tag-chips" aria-label="Tags of this highlight">
            {tags.map((tag) => (
              <li key={tag} className="tag-chip">
                <span dir="auto">{tag}</span>
                <button
                  type="button"
                  className="tag-remove"
                  aria-label={`Remove tag ${tag}`}
                  title={`Remove tag ${tag}`}
                  onClick={() => remove(tag)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          ref={input}
          id={`${id}-input`}
          className="tag-input"
          type="text"
          role="combobox"
          aria-expanded={expanded}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-describedby={`${id}-keys`}
          autoComplete="off"
          spellCheck={false}
          dir="auto"
          maxLength={limits.tagMaxLength}
          placeholder={full ? `At most ${limits.tagsPerAnnotation} tags` : tags.length > 0 ? 'Add a tag…' : 'Add tags…'}
          readOnly={full}
          value={text}
          onChange={(event) => type(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
      </div>
      <ul id={`${id}-list`} className="tag-suggestions" role="listbox" aria-label="Tags in use" hidden={!expanded}>
        {suggestions.map((tag, i) => (
          <li
            key={tag}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className="tag-suggestion"
            dir="auto"
            onMouseDown={(event) => event.preventDefault()}
            onMouseMove={() => i !== active && setActive(i)}
            onClick={() => {
              add([tag]);
              setText('');
              setOpen(false);
              setActive(-1);
            }}
          >
            {tag}
          </li>
        ))}
      </ul>
      <p id={`${id}-keys`} className="visually-hidden">
        Enter or a comma adds a tag; Backspace in the empty field removes the last one; ↓ lists the tags in use.
      </p>
      {/* A live region without role=status: the window's status bar is the one status, this only echoes edits. */}
      <div className="visually-hidden tag-announcement" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </div>
  );
}
