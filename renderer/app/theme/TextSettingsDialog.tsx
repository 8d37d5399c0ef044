import { useId } from 'react';

import { defaultSettings, fontFamilyChoices, settingRanges, type Settings } from '../../../common/model.ts';
import { SmallDialog } from '../components/SmallDialog.tsx';
import { usesMetaKey } from '../keyboard.ts';
import type { Typography } from './typography.ts';

/** Props of the "Text" dialog. */
export interface TextSettingsDialogProps {
  settings: Settings;
  /** One setting changed: shown at once, kept by main (use-settings.ts). */
  onChange<K extends keyof Typography>(key: K, value: Typography[K]): void;
  /** Escape, Done or a click outside: close and give focus back. */
  onClose(): void;
}

/** The typefaces as the dialog names them, each shown in its own face. */
const fontNames: Record<Typography['fontFamily'], string> = {
  serif: 'Serif',
  sans: 'Sans-serif',
  system: 'System',
  mono: 'Monospace',
};

/** The View menu's zoom keys (electron/main), as this platform writes them. */
const zoomKeys = usesMetaKey
  ? { zoomIn: '⌘+', zoomOut: '⌘−', reset: '⌘0' }
  : { zoomIn: 'Ctrl++', zoomOut: 'Ctrl+−', reset: 'Ctrl+0' };

/**
 * "Text" (the header's Aa button): the article's typeface, text size, line spacing and column width. Each change
 * shows on the article at once, so the dialog sits at the window's side without dimming it; the controls are native
 * radio buttons and sliders, which every screen reader and the arrow keys already know. Whole-window zoom is the
 * View menu's (Ctrl/⌘ +, −, 0), which the dialog names.
 */
export function TextSettingsDialog({ settings, onChange, onClose }: TextSettingsDialogProps) {
  const id = useId();
  const isDefault = (['fontFamily', 'fontSize', 'lineHeight', 'columnWidth'] as const).every(
    (key) => settings[key] === defaultSettings[key],
  );
  return (
    <SmallDialog title="Text" onClose={onClose} beside>
      <div className="text-settings">
        <fieldset className="export-choices">
          <legend className="web-label">Typeface</legend>
          <div className="font-choices">
            {fontFamilyChoices.map((family) => (
              <label key={family} className="font-choice">
                <input
                  type="radio"
                  name={`${id}-font`}
                  value={family}
                  checked={settings.fontFamily === family}
                  // Focus starts in the dialog, on the typeface chosen (as a radio group takes focus).
                  autoFocus={settings.fontFamily === family}
                  onChange={() => onChange('fontFamily', family)}
                />
                <span className="font-sample" data-sample={family}>
                  {fontNames[family]}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <SliderSetting
          label="Text size"
          range={settingRanges.fontSize}
          step={1}
          value={settings.fontSize}
          said={(px) => `${px} px`}
          onChange={(value) => onChange('fontSize', value)}
        />
        <SliderSetting
          label="Line spacing"
          range={settingRanges.lineHeight}
          step={0.05}
          value={settings.lineHeight}
          said={(height) => height.toFixed(2)}
          onChange={(value) => onChange('lineHeight', value)}
        />
        <SliderSetting
          label="Column width"
          range={settingRanges.columnWidth}
          step={1}
          value={settings.columnWidth}
          said={(chars) => `${chars} characters`}
          onChange={(value) => onChange('columnWidth', value)}
        />
        <p className="search-message">
          To zoom the whole window: {zoomKeys.zoomIn}, {zoomKeys.zoomOut}, and {zoomKeys.reset} for actual size.
        </p>
        <div className="dialog-buttons">
          <button
            type="button"
            className="text-button"
            aria-disabled={isDefault || undefined}
            onClick={() => {
              if (isDefault) return;
              onChange('fontFamily', defaultSettings.fontFamily);
              onChange('fontSize', defaultSettings.fontSize);
              onChange('lineHeight', defaultSettings.lineHeight);
              onChange('columnWidth', defaultSettings.columnWidth);
            }}
          >
            Reset to defaults
          </button>
          <button type="button" className="primary-button" onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    </SmallDialog>
  );
}

/** Props of one slider line. */
interface SliderSettingProps {
  label: string;
  range: { readonly min: number; readonly max: number };
  step: number;
  value: number;
  /** The value in the user's words: shown beside the slider and read out by screen readers. */
  said(value: number): string;
  onChange(value: number): void;
}

/** A labelled slider with its value written out beside it. */
function SliderSetting({ label, range, step, value, said, onChange }: SliderSettingProps) {
  const id = useId();
  return (
    <div className="slider-setting">
      <label className="web-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="range"
        min={range.min}
        max={range.max}
        step={step}
        value={value}
        aria-valuetext={said(value)}
        onChange={(event) => {
          // Rounded to the step: a slider's value is a decimal string, and 1.65 + 0.05 is not 1.7 in floating point.
          const stepped = Math.round(Number(event.target.value) / step) * step;
          onChange(Number(stepped.toFixed(2)));
        }}
      />
      <output htmlFor={id} className="slider-value">
        {said(value)}
      </output>
    </div>
  );
}
