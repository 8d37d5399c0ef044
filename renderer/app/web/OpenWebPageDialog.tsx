import { type FormEvent, useId, useRef, useState } from 'react';

import type { MarginaliaApi, OpenedArticle } from '../../../common/contract.ts';
import { limits } from '../../../common/model.ts';
import { messageOf, unwrap } from '../api.ts';
import { SmallDialog, useStillShown } from '../components/SmallDialog.tsx';

/** Props of the "Open web page…" dialog. */
export interface OpenWebPageDialogProps {
  api: MarginaliaApi;
  /** Main fetched and stored the page: show it (the dialog is done). */
  onOpened(opened: OpenedArticle): void;
  /** Escape, Cancel or a click outside: close and give focus back. */
  onClose(): void;
}

/**
 * "Open web page…" (Ctrl/⌘+L): a small modal dialog with one address field. The address is checked by main when the
 * user submits it, never here, so there is one judge of what can be fetched (`example.com/page` means https; only
 * http and https). While main fetches (it gives up after 30 seconds) the dialog says "Opening…"; a refusal or a
 * failed fetch is shown in the dialog, in main's words, with the address kept so the user can fix it. Escape or
 * Cancel closes it at any time; a page that arrives after that is not shown (main has stored it: it is in the
 * library).
 */
export function OpenWebPageDialog({ api, onOpened, onClose }: OpenWebPageDialogProps) {
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const live = useStillShown();
  const id = useId();

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const opened = unwrap(await api.articles.openWebPage({ url: address }));
      if (live.current) onOpened(opened);
    } catch (reason) {
      if (!live.current) return;
      setError(messageOf(reason));
      setBusy(false);
      input.current?.focus({ preventScroll: true });
    }
  }

  return (
    <SmallDialog title="Open web page" busy={busy} onClose={onClose}>
      <form className="web-form" onSubmit={(event) => void submit(event)}>
        <label className="web-label" htmlFor={`${id}-address`}>
          Web address
        </label>
        <input
          ref={input}
          id={`${id}-address`}
          className="search-input web-address"
          type="text"
          inputMode="url"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          autoFocus
          placeholder="example.com/article"
          maxLength={limits.urlMaxLength}
          readOnly={busy}
          aria-invalid={error !== null || undefined}
          aria-describedby={error !== null ? `${id}-error` : `${id}-hint`}
          value={address}
          onChange={(event) => {
            setAddress(event.target.value);
            setError(null);
          }}
        />
        {error !== null ? (
          <p id={`${id}-error`} className="search-message error-text" role="alert">
            {error}
          </p>
        ) : (
          <p id={`${id}-hint`} className="search-message" role="status">
            {busy
              ? 'Fetching the page… this can take up to 30 seconds.'
              : 'The page is fetched once and kept in your library, with its images.'}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" className="text-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary-button" aria-disabled={busy || undefined}>
            {busy ? 'Opening…' : 'Open'}
          </button>
        </div>
      </form>
    </SmallDialog>
  );
}
