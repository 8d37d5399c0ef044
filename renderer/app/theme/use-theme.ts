import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

import type { MarginaliaApi } from '../../../common/contract.ts';
import type { ThemeChoice } from '../../../common/model.ts';
import { messageOf, unwrap } from '../api.ts';
import { applyTheme } from './theme.ts';

/**
 * The user's theme: System until main says what they chose (so the first paint already follows the OS), then their
 * choice. `choose` shows a new one at once and has main keep it; if main refuses, the one before comes back and the
 * error says why.
 */
export function useTheme(api: MarginaliaApi, showError: (message: string) => void) {
  const [choice, setChoice] = useState<ThemeChoice>('system');

  /** The theme shown, for a refused change to go back to. */
  const shown = useRef(choice);
  // Before the browser paints, so a theme change never shows a frame of the old one.
  useLayoutEffect(() => {
    shown.current = choice;
    return applyTheme(choice);
  }, [choice]);

  useEffect(() => {
    let current = true;
    api.settings.get().then(
      (result) => {
        if (current && result.ok) setChoice(result.value.theme);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api]);

  const choose = useCallback(
    (next: ThemeChoice) => {
      const before = shown.current;
      setChoice(next);
      api.settings
        .set({ theme: next })
        .then(unwrap)
        .catch((reason: unknown) => {
          setChoice(before);
          showError(`Couldn’t keep the theme: ${messageOf(reason)}`);
        });
    },
    [api, showError],
  );

  return { choice, choose };
}
