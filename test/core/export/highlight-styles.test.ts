import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { highlightColors } from '../../../common/model.ts';
import { highlightClass, highlightRule } from '../../../electron/core/export/highlight-styles.ts';

const appStyles = readFileSync(new URL('../../../renderer/painting/highlights.css', import.meta.url), 'utf8');

describe('the exported highlight styles', () => {
  it.each(highlightColors)('paint %s as the app does, under the class the app gives it', (color) => {
    const appColour = new RegExp(`--marginalia-${color}:\\s*([^;]+);`).exec(appStyles)?.[1];
    expect(appColour).toBeDefined();
    expect(highlightClass(color)).toBe(`marginalia-${color}`);
    expect(highlightRule(color)).toBe(`.marginalia-${color} { background-color: ${appColour}; }`);
  });
});
