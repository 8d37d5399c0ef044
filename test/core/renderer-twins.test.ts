import { describe, expect, it } from 'vitest';

import { highlightColors, limits } from '../../db/model.ts';
import { affixLength } from '../../renderer/anchoring/describe-text.ts';
import { colorOrder } from '../../renderer/painting/highlight-painter.ts';

/**
 * The renderer may not import db/model.ts as a value (the lint layer rule), so it restates two facts of the data
 * model. These tests keep each copy equal to the model's, so the layers cannot drift apart.
 */
describe('facts the renderer restates from the data model', () => {
  it('describes quotes with the context length the IPC schema accepts', () => {
    expect(affixLength).toBe(limits.affixLength);
  });

  it('offers the model’s colours in the model’s order (keys 1–5)', () => {
    expect([...colorOrder]).toEqual([...highlightColors]);
  });
});
