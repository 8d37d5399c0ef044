/**
 * Reference pages grow by copying an entry and changing a word: a new sibling then holds the highlight's context on
 * both sides with one word of its quote changed, while the highlight's own words, moved, keep one side.
 */
import { describe, expect, it } from 'vitest';

import { anchorAllText, describeText } from '../../../renderer/anchoring/index.ts';

const event = (name: string, sentence: string) =>
  `#### Event: '${name}' _Windows_\n\nReturns:\n\n* \`event\` KeyboardEvent\n* \`bounds\` [Rectangle](structures/rectangle.md) - The bounds of tray icon.\n\n${sentence}\n\n`;

const double = 'Emitted when the tray icon is double clicked.';
const base =
  `# Tray\n\nAdd icons to the notification area.\n\n` +
  event('click', 'Emitted when the tray icon is clicked.') +
  event('double-click', double) +
  event('balloon-show', 'Emitted when the tray balloon shows.') +
  event('balloon-click', 'Emitted when the tray balloon is clicked.');

describe('a sibling entry copied from the highlight’s own', () => {
  it('does not take the highlight, which moved with its words and one side of its context', () => {
    // The double-click entry moves up, and a middle-click entry copied from it takes its old place.
    const target =
      `# Tray\n\nAdd icons to the notification area.\n\n` +
      event('double-click', double) +
      event('click', 'Emitted when the tray icon is clicked.') +
      event('middle-click', 'Emitted when the tray icon is middle clicked.') +
      event('balloon-show', 'Emitted when the tray balloon shows.') +
      event('balloon-click', 'Emitted when the tray balloon is clicked.');
    const at = base.indexOf(double);
    const neighbours = ['Add icons to the notification area.', 'Emitted when the tray balloon shows.'].map((q) =>
      describeText(base, base.indexOf(q), base.indexOf(q) + q.length),
    );
    const [found] = anchorAllText(target, [describeText(base, at, at + double.length), ...neighbours]);
    expect(found?.start).toBe(target.indexOf(double));
    expect(found?.status.kind).toBe('moved');
  });
});
