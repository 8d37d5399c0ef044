import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A real, small file system for tests that need a full disk or a read-only folder: a tmpfs mounted on a fresh
 * folder. Mounting needs root on Linux, which CI has; `tmpfsUnavailableReason()` says why it cannot be had elsewhere.
 */
export interface Tmpfs {
  readonly dir: string;
  /** Changes the size (tmpfs allows it while mounted): grow it to read back what a full disk kept. */
  resize(bytes: number): void;
  /** Makes the whole file system read-only (true) or writable again (false). */
  setReadOnly(readOnly: boolean): void;
  /** Unmounts it and removes the folder. */
  remove(): void;
}

/** Why no tmpfs can be mounted here, or undefined when it can. On CI it must be mountable: callers fail there. */
export function tmpfsUnavailableReason(): string | undefined {
  if (process.platform !== 'linux') return `mounting a tmpfs needs Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root';
  return undefined;
}

/** Mounts a tmpfs of `bytes` on a new folder under the OS temp dir. */
export function mountTmpfs(bytes: number): Tmpfs {
  const dir = mkdtempSync(path.join(tmpdir(), 'marginalia-tmpfs-'));
  const mount = (options: string) =>
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'pipe' });
  const remount = (options: string) => execFileSync('mount', ['-o', `remount,${options}`, dir], { stdio: 'pipe' });
  try {
    mount(`size=${bytes},mode=0755`);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    resize: (size) => remount(`size=${size}`),
    setReadOnly: (readOnly) => remount(readOnly ? 'ro' : 'rw'),
    remove: () => {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
