/**
 * Where the arrow keys move the active option of a listbox driven from a text field (the search and library
 * dialogs): ArrowDown/ArrowUp one step, Home/End to the ends, clamped to the list. Undefined for any other key, or
 * when the list is empty, so the key keeps its usual meaning.
 */
export function listKeyTarget(key: string, current: number, count: number): number | undefined {
  if (count === 0) return undefined;
  const last = count - 1;
  const clamp = (to: number) => Math.max(0, Math.min(last, to));
  switch (key) {
    case 'ArrowDown':
      return clamp(current + 1);
    case 'ArrowUp':
      return clamp(current - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return undefined;
  }
}
