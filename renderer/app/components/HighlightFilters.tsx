import '../../styles/tags-and-filters.css';

import { useId } from 'react';

import { type HighlightColor, highlightColors } from '../../../common/model.ts';
import { colorName } from '../text.ts';

/** Props of the colour toggles. */
export interface ColorFilterProps {
  selected: readonly HighlightColor[];
  onToggle(color: HighlightColor): void;
}

/**
 * One toggle button per colour (aria-pressed), in toolbar order; the pressed ones are the colours shown, none pressed
 * shows every colour. A group named "Filter by colour", so each button is just the colour's name with "highlights".
 */
export function ColorFilter({ selected, onToggle }: ColorFilterProps) {
  const labelId = useId();
  return (
    <div className="color-filter" role="group" aria-labelledby={labelId}>
      <span id={labelId} className="visually-hidden">
        Filter by colour
      </span>
      {highlightColors.map((color) => (
        <button
          key={color}
          type="button"
          className={`swatch-button swatch-${color}`}
          aria-label={`${colorName(color)} highlights`}
          title={`Show ${color} highlights`}
          aria-pressed={selected.includes(color)}
          onClick={() => onToggle(color)}
        >
          <span className="swatch-dot" aria-hidden="true" />
        </button>
      ))}
    </div>
  );
}

/** Props of the tag picker. */
export interface TagPickerProps {
  /** The tags to choose from, in the order to show them. */
  tags: readonly string[];
  /** The chosen tag, or null for any. */
  value: string | null;
  onChange(tag: string | null): void;
}

/** A menu of tags to narrow a list to one ("Any tag" first); a chosen tag stays listed even once no highlight has it. */
export function TagPicker({ tags, value, onChange }: TagPickerProps) {
  const id = useId();
  const listed = value !== null && !tags.includes(value) ? [value, ...tags] : tags;
  return (
    <span className="tag-filter">
      <label htmlFor={id}>Tag</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
      >
        <option value="">Any tag</option>
        {listed.map((tag) => (
          <option key={tag} value={tag}>
            {tag}
          </option>
        ))}
      </select>
    </span>
  );
}
