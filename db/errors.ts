/** A row the caller named does not exist. The IPC layer reports it as `not-found`; db/ stays free of electron/. */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** A row with the caller's chosen key already exists. The IPC layer reports it as `conflict`. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/**
 * The file was written by a newer Marginalia whose schema this version does not know. Opening it anyway could
 * silently drop or corrupt what the newer version stored, so it is refused before anything is written to it.
 */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly foundVersion: number,
    readonly knownVersion: number,
  ) {
    super(
      `This database was written by a newer version of Marginalia (schema ${foundVersion}; ` +
        `this version knows up to ${knownVersion}). Update Marginalia to open it.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}
