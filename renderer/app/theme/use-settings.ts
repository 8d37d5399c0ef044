import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

import type { MarginaliaApi } from '../../../common/contract.ts';
import type { Settings } from '../../../common/model.ts';
import { settingsFrom } from '../../../common/settings-values.ts';
import { messageOf, unwrap } from '../api.ts';
import { applyTheme } from './theme.ts';
import { applyTypography } from './typography.ts';

/**
 * What the window shows until main answers: the settings main put on the entry page as it served it (data-settings,
 * electron/main/renderer-files.ts), else the defaults; read the way main reads stored ones, so a value this version
 * does not know is the default here too.
 */
function untilKnown(): Settings {
  let served: unknown;
  try {
    served = JSON.parse(document.documentElement.dataset['settings'] ?? '{}');
  } catch {
    served = {};
  }
  return settingsFrom(typeof served === 'object' && served !== null ? Object.entries(served) : []);
}

/**
 * The user's settings, as the window applies them: the theme and the article's type on the page (before it paints,
 * so the first paint already follows the OS), the sidebar shown or hidden. `change` shows a change at once and has main keep it; if
 * main refuses, what was shown before comes back and the error says why.
 */
export function useSettings(api: MarginaliaApi, showError: (message: string) => void) {
  const [settings, setSettings] = useState<Settings>(() => {
    const known = untilKnown();
    // The type is on the page before anything is rendered, so an article never sees it change as it opens (what
    // follows type changes, block-sizes.ts and place-keeper.ts, would lay it out again or move it for nothing).
    applyTypography(known);
    return known;
  });
  /**
   * The latest change of each setting, numbered: main's first answer does not overwrite a setting changed before it
   * came, and a refused change goes back only where no later change has been made.
   */
  const changes = useRef({ count: 0, latest: new Map<keyof Settings, number>() });

  // Before the browser paints, so a theme change never shows a frame of the old one; the type likewise.
  useLayoutEffect(() => applyTheme(settings.theme), [settings.theme]);
  const { fontFamily, fontSize, lineHeight, columnWidth } = settings;
  useLayoutEffect(
    () => applyTypography({ fontFamily, fontSize, lineHeight, columnWidth }),
    [fontFamily, fontSize, lineHeight, columnWidth],
  );

  useEffect(() => {
    let current = true;
    api.settings.get().then(
      (result) => {
        if (!current || !result.ok) return;
        const stored = result.value;
        // What the user changed meanwhile stays as they changed it.
        setSettings((shown) => {
          const next = { ...stored };
          for (const key of changes.current.latest.keys()) Object.assign(next, { [key]: shown[key] });
          return next;
        });
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api]);

  const change = useCallback(
    <K extends keyof Settings>(key: K, value: Settings[K]) => {
      const number = ++changes.current.count;
      changes.current.latest.set(key, number);
      let before: Settings[K] | undefined;
      setSettings((shown) => {
        before ??= shown[key];
        return { ...shown, [key]: value };
      });
      api.settings
        .set({ [key]: value })
        .then(unwrap)
        .catch((reason: unknown) => {
          // A later change of the same setting has been shown (and sent) since: that one stands.
          if (changes.current.latest.get(key) === number && before !== undefined) {
            const back = before;
            setSettings((shown) => ({ ...shown, [key]: back }));
          }
          showError(`Couldn’t keep that setting: ${messageOf(reason)}`);
        });
    },
    [api, showError],
  );

  return { settings, change };
}
