import { useEffect, useId, useState } from 'react';

import type { MarginaliaApi } from '../../../common/contract.ts';
import type { BackupEntry, BackupReason } from '../../../common/model.ts';
import { messageOf, unwrap } from '../api.ts';
import { SmallDialog } from '../components/SmallDialog.tsx';

/** Props of the "Restore backup…" dialog. */
export interface BackupsDialogProps {
  api: MarginaliaApi;
  /** Escape, Close or a click outside: close and give focus back. */
  onClose(): void;
}

const reasonText: Record<BackupReason, string> = {
  quit: 'on quitting',
  hourly: 'after an hour of use',
  'before-restore': 'before a restore',
  manual: 'by hand',
};

function counts(entry: Extract<BackupEntry, { good: true }>): string {
  const articles = entry.articles === 1 ? '1 article' : `${entry.articles.toLocaleString()} articles`;
  const highlights = entry.highlights === 1 ? '1 highlight' : `${entry.highlights.toLocaleString()} highlights`;
  return `${articles}, ${highlights}`;
}

/**
 * "Restore backup…": the library's backups, newest first, each with its date, why it was made and what it holds (a
 * damaged one says why and cannot be chosen). Restore asks first, saying the library as it is now is backed up
 * before; main then closes the library, puts the backup in its place, opens it again and reloads the window.
 */
export function BackupsDialog({ api, onClose }: BackupsDialogProps) {
  const [backups, setBackups] = useState<BackupEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState<BackupEntry | null>(null);
  const [restoring, setRestoring] = useState(false);
  const id = useId();

  useEffect(() => {
    let live = true;
    api.backups.list().then(
      (result) => {
        if (!live) return;
        if (result.ok) setBackups(result.value);
        else setError(`Couldn’t list the backups: ${result.error.message}`);
      },
      (reason: unknown) => live && setError(`Couldn’t list the backups: ${messageOf(reason)}`),
    );
    return () => {
      live = false;
    };
  }, [api]);

  async function restore(entry: BackupEntry): Promise<void> {
    setRestoring(true);
    setError(null);
    try {
      unwrap(await api.backups.restore({ name: entry.name }));
      // Main reloads the window with the restored library; until then, say so.
    } catch (reason) {
      setError(`Couldn’t restore the backup: ${messageOf(reason)}`);
      setRestoring(false);
      setAsking(null);
    }
  }

  return (
    <SmallDialog
      title="Restore a backup"
      busy={backups === null || restoring}
      onClose={onClose}
      locked={restoring}
      onKeyDown={(event) => {
        // Escape in the question goes back to the list, not out of the dialog.
        if (event.key === 'Escape' && asking && !restoring) {
          event.preventDefault();
          setAsking(null);
        }
      }}
    >
      {asking ? (
        <div role="alertdialog" aria-labelledby={`${id}-ask`} className="web-form">
          <p id={`${id}-ask`} className="search-message">
            Restore the backup of {new Date(asking.createdAt).toLocaleString()}? Your library as it is now is backed up
            first, so this can be undone by restoring that backup.
          </p>
          <p className="search-message" role="status">
            {restoring ? 'Restoring… the window reloads when it is done.' : ''}
          </p>
          <div className="dialog-buttons">
            <button type="button" className="text-button" onClick={() => setAsking(null)} disabled={restoring}>
              Cancel
            </button>
            <button
              type="button"
              className="primary-button"
              autoFocus
              aria-disabled={restoring || undefined}
              onClick={() => !restoring && void restore(asking)}
            >
              {restoring ? 'Restoring…' : 'Restore'}
            </button>
          </div>
        </div>
      ) : (
        <div className="web-form">
          {error !== null && (
            <p className="search-message error-text" role="alert">
              {error}
            </p>
          )}
          {backups === null && error === null && (
            <p className="search-message" role="status">
              Checking the backups…
            </p>
          )}
          {backups !== null && backups.length === 0 && (
            <p className="search-message" role="status">
              There are no backups yet: Marginalia makes one every time it quits and after every hour of use.
            </p>
          )}
          {backups !== null && backups.length > 0 && (
            <ul className="backup-list" aria-label="Backups">
              {backups.map((entry, index) => (
                <li key={entry.name} className="backup-entry">
                  <span className="backup-when">
                    {new Date(entry.createdAt).toLocaleString()}, {reasonText[entry.reason]}
                  </span>
                  <span className="export-hint">{entry.good ? counts(entry) : `Damaged: ${entry.damaged}`}</span>
                  <button
                    type="button"
                    className="text-button"
                    disabled={!entry.good}
                    autoFocus={index === 0}
                    aria-label={`Restore the backup of ${new Date(entry.createdAt).toLocaleString()}`}
                    onClick={() => setAsking(entry)}
                  >
                    Restore…
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="dialog-buttons">
            <button type="button" className="text-button" onClick={onClose}>
              Close
            </button>
          </div>
        </div>
      )}
    </SmallDialog>
  );
}
