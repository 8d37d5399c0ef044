import type { Ref } from 'react';

import { limits } from '../../../common/model.ts';

/** Props of the text field that drives a listbox. */
export interface ListboxFieldProps {
  inputRef: Ref<HTMLInputElement>;
  className: string;
  /** The field's accessible name. */
  label: string;
  /** The id of the listbox it controls, and of the line that says which keys work. */
  listId: string;
  keysId: string;
  /** The id of the active option, or undefined when there is none. */
  activeId: string | undefined;
  /** Whether the listbox has options to show. */
  expanded: boolean;
  placeholder: string;
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
}

/**
 * The text field of an ARIA 1.2 combobox (the search and library dialogs): focus stays here while the arrow keys
 * move the listbox's active option (aria-activedescendant). Typing is never autocorrected or autocompleted.
 */
export function ListboxField(props: ListboxFieldProps) {
  const { inputRef, className, label, listId, keysId, activeId, expanded, placeholder, value, onChange, onBlur } =
    props;
  return (
    <input
      ref={inputRef}
      className={className}
      type="text"
      role="combobox"
      aria-label={label}
      aria-expanded={expanded}
      aria-controls={listId}
      aria-autocomplete="list"
      aria-describedby={keysId}
      aria-activedescendant={activeId}
      autoComplete="off"
      spellCheck={false}
      maxLength={limits.searchMaxLength}
      placeholder={placeholder}
      autoFocus
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onBlur={onBlur}
    />
  );
}
