import { type KeyboardEvent } from 'react';

import type { Entry } from '../annotations/annotation-store.ts';
import { quoteText, shorten } from '../text.ts';

/** Props of the re-attach hint. */
export interface ReattachBannerProps {
  entry: Entry;
  onCancel(): void;
}

/**
 * The hint shown above the article while a highlight is being re-attached: what to do next, and a way out.
 * The selection toolbar then offers "Re-attach here" instead of colours.
 */
export function ReattachBanner({ entry, onCancel }: ReattachBannerProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancel();
  };
  return (
    <div className="reattach-banner" role="region" aria-label="Re-attaching a highlight" onKeyDown={onKeyDown}>
      <p className="reattach-text">
        Select the text where{' '}
        <q className="reattach-quote" dir="auto">
          {shorten(quoteText(entry.annotation.selectors), 70)}
        </q>{' '}
        belongs, then choose <strong>Re-attach here</strong> or press Enter.
      </p>
      <button type="button" className="text-button" aria-keyshortcuts="Escape" onClick={onCancel}>
        Cancel{' '}
        <kbd className="key-hint" aria-hidden="true">
          Esc
        </kbd>
      </button>
    </div>
  );
}
