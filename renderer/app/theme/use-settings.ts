import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

import type { MarginaliaApi } from '../../../common/contract.ts';
import type { Settings } from '../../../common/model.ts';
import { messageOf, unwrap } from '../api.ts';
import { applyTheme } from './theme.ts';

/** What the window shows until main says what the user chose: the theme following the OS, the sidebar shown. */
const untilKnown: Settings = { theme: 'system', sidebarHidden: false };

/**
 * The user's settings, as the window applies them: the theme on the page (before it paints, so the first paint
 * already follows the OS), the sidebar shown or hidden. `change` shows a change at once and has main keep it; if
 * main refuses, what was shown before comes back and the error says why.
 */
export function useSettings(api: MarginaliaApi, showError: (message: string) => void) {
  const [settings, setSettings] = useState<Settings>(untilKnown);
  /** The settings shown, for a refused change to go back to. */
  const shown = useRef(settings);

  // Before the browser paints, so a theme change never shows a frame of the old one.
  useLayoutEffect(() => {
    shown.current = settings;
  }, [settings]);
  useLayoutEffect(() => applyTheme(settings.theme), [settings.theme]);

  useEffect(() => {
    let current = true;
    api.settings.get().then(
      (result) => {
        if (current && result.ok) setSettings(result.value);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api]);

  const change = useCallback(
    (patch: Partial<Settings>) => {
      const before = shown.current;
      setSettings({ ...before, ...patch });
      api.settings
        .set(patch)
        .then(unwrap)
        .catch((reason: unknown) => {
          setSettings(before);
          showError(`Couldn’t keep that setting: ${messageOf(reason)}`);
        });
    },
    [api, showError],
  );

  return { settings, change };
}
