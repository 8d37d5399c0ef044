/**
 * Reference pages repeat a section word for word (a call's sync and async forms): a highlight in the second copy has
 * nothing in its context to tell it from the first, and stage 2 takes the copy nearest to its stored position.
 */
import { describe, expect, it } from 'vitest';

import { anchorAllText, describeText } from '../../../renderer/anchoring/index.ts';

// More than `affixMaxLength` (512) characters alike on either side of the highlight: its context is not extended.
const options = Array.from(
  { length: 24 },
  (_, i) => `  * \`option${i}\` String (optional) - What the dialog does with setting ${i}.\n`,
).join('');
const section = (name: string) => `### \`dialog.${name}(options)\`\n\n* \`options\` Object\n${options}\n`;
const quote = 'What the dialog does with setting 12.';
const before = 'The sync form blocks the main process until the dialog is closed.\n\n';
const after = 'On Windows the dialog is modal to its parent window.\n';
const base = `# dialog\n\n${section('showMessageBoxSync')}${before}${section('showMessageBox')}${after}`;

describe('a highlight in one of two identical sections', () => {
  it('stays in its own section when text inserted before it brings the other copy nearer its stored position', () => {
    const inserted = Array.from({ length: 80 }, (_, i) => `A new paragraph ${i} about dialogs in general.\n\n`).join(
      '',
    );
    const target = `# dialog\n\n${section('showMessageBoxSync')}${inserted}${before}${section('showMessageBox')}${after}`;
    const at = base.lastIndexOf(quote);
    const own = target.lastIndexOf(quote);
    // The first section's copy is nearer the stored position than the highlight's own text is now.
    expect(at - target.indexOf(quote)).toBeLessThan(own - at);
    const neighbours = [before.trim(), after.trim()].map((q) =>
      describeText(base, base.indexOf(q), base.indexOf(q) + q.length),
    );
    const [found] = anchorAllText(target, [describeText(base, at, at + quote.length), ...neighbours]);
    expect(found?.start).toBe(own);
    expect(found?.status.kind).toBe('moved');
  });
});
