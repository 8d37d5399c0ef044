import { defaultSettings, fontFamilyChoices, settingRanges, type Settings, themeChoices } from './model.ts';

/**
 * The settings that `values` (setting name → value, as stored or as main served them) say, over the defaults. A
 * value this version does not know (written by a newer Marginalia, say, or out of range) reads as the default
 * instead of breaking the app, and unknown names are ignored. Main reads the stored settings with it
 * (db/settings.ts), and the page reads the ones main put on it for its first paint (renderer/app/theme).
 */
export function settingsFrom(values: Iterable<readonly [string, unknown]>): Settings {
  const settings: Settings = { ...defaultSettings };
  for (const [key, value] of values) {
    if (key === 'theme') settings.theme = oneOf(themeChoices, value) ?? settings.theme;
    if (key === 'fontFamily') settings.fontFamily = oneOf(fontFamilyChoices, value) ?? settings.fontFamily;
    if (key === 'sidebarHidden' && typeof value === 'boolean') settings.sidebarHidden = value;
    if (
      key === 'fontSize' ||
      key === 'lineHeight' ||
      key === 'columnWidth' ||
      key === 'zoom' ||
      key === 'sidebarWidth'
    ) {
      settings[key] = inRange(settingRanges[key], value) ?? settings[key];
    }
  }
  return settings;
}

function oneOf<T extends string>(choices: readonly T[], value: unknown): T | undefined {
  return choices.find((choice) => choice === value);
}

function inRange(range: { min: number; max: number }, value: unknown): number | undefined {
  return typeof value === 'number' && value >= range.min && value <= range.max ? value : undefined;
}
