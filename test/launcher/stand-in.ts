import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * A stand-in for the Electron binary (a shell script that writes its working folder and arguments to a file and
 * exits 0) and the release zip a mirror would serve it in.
 */

/** The script: line 1 is the folder it was started in, each further line one argument. */
export function standInScript(recordFile: string): string {
  return `#!/bin/sh\n{ pwd -P; for arg in "$@"; do printf '%s\\n' "$arg"; done; } > '${recordFile}'\n`;
}

/** One file of a zip. */
export interface ZipEntry {
  readonly name: string;
  readonly content: string | Buffer;
  /** Unix permission bits, kept in the zip so the extracted stand-in is executable. */
  readonly mode?: number;
}

/** A zip archive of stored (uncompressed) files with Unix modes: all Electron's installer needs to extract. */
export function zipOf(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const data = Buffer.isBuffer(entry.content) ? entry.content : Buffer.from(entry.content);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, so the external attributes carry a mode
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((0o100000 | (entry.mode ?? 0o644)) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** A SHASUMS256.txt line set, in the format Electron publishes and @electron/get verifies. */
export function shasums(files: Record<string, Buffer>): string {
  return Object.entries(files)
    .map(([name, data]) => `${createHash('sha256').update(data).digest('hex')} *${name}`)
    .join('\n');
}
