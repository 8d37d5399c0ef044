import { spawn } from 'node:child_process';
import path from 'node:path';

import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeTempDir } from '../../db/temp-dir.ts';

/**
 * A crash test of our own: a child process writes to a real library through the real handlers and is killed with
 * SIGKILL at a random moment, 200 times over the same library. After each kill the library opens, passes SQLite's
 * integrity_check, and holds every write the child had been told was saved: created highlights with their latest
 * acknowledged note and tags, deleted ones gone. The one write in flight at the kill may have happened or not.
 */

const kills = Number(process.env['CRASH_KILLS'] ?? 200);
const writer = path.join(import.meta.dirname, 'crash-writer.ts');

interface Line {
  ready?: boolean;
  error?: string;
  try?: 'create' | 'note' | 'tags' | 'delete';
  ok?: 'create' | 'note' | 'tags' | 'delete';
  id?: string;
  note?: string;
  tags?: string[];
}

/** What the library must hold for each highlight the child was told about: its note and tags, or that it is gone. */
type Expected = Map<string, { note: string; tags: string[] } | 'deleted'>;

let temp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  temp = makeTempDir();
});
afterAll(() => temp.cleanup());

/** Runs the child until it has made some writes, kills it at a random moment, and returns every line it printed. */
function runAndKill(dataDir: string, seed: number, killAfterMs: number): Promise<Line[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dataDir, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (timer === undefined && out.includes('"ready"')) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') {
        reject(new Error(`the writer stopped by itself (code ${code}): ${err || out.slice(-500)}`));
        return;
      }
      // The last line may be cut off by the kill: only whole lines count.
      const lines = out
        .split('\n')
        .slice(0, -1)
        .map((line) => JSON.parse(line) as Line);
      resolve(lines);
    });
  });
}

function apply(expected: Expected, line: Line): void {
  const id = line.id!;
  if (line.ok === 'create') expected.set(id, { note: '', tags: [] });
  else if (line.ok === 'delete') expected.set(id, 'deleted');
  else {
    const current = expected.get(id);
    if (current === undefined || current === 'deleted') throw new Error(`an edit of ${id}, which it never had`);
    if (line.ok === 'note') expected.set(id, { ...current, note: line.note! });
    if (line.ok === 'tags') expected.set(id, { ...current, tags: line.tags! });
  }
}

/** What the library holds for the highlight `id`, read straight from the database file. */
function stored(db: Database.Database, id: string): { note: string; tags: string[] } | 'deleted' {
  const row = db.prepare<[string], { note: string }>('SELECT note FROM annotations WHERE id = ?').get(id);
  if (!row) return 'deleted';
  const tags = db
    .prepare<[string], string>('SELECT tag FROM annotation_tags WHERE annotation_id = ? ORDER BY tag')
    .pluck()
    .all(id);
  return { note: row.note, tags };
}

describe('killed at random moments', () => {
  it(`keeps every acknowledged write and a sound database, ${kills} kills in a row`, { timeout: 600_000 }, async () => {
    const dataDir = path.join(temp.dir, 'library');
    const expected: Expected = new Map();
    let acknowledged = 0;
    let inFlightSeen = 0;
    for (let kill = 0; kill < kills; kill += 1) {
      const lines = await runAndKill(dataDir, 1000 + kill, (kill * 37) % 120);
      expect(lines.filter((line) => line.error)).toEqual([]);
      const before = new Map(expected);
      let pending: Line | undefined;
      for (const line of lines) {
        if (line.try) pending = line;
        if (line.ok) {
          apply(expected, line);
          acknowledged += 1;
          pending = undefined;
        }
      }

      const db = new Database(path.join(dataDir, 'marginalia.db'), { fileMustExist: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        for (const [id, want] of expected) {
          const have = stored(db, id);
          if (pending?.id === id) {
            // The write in flight: either it happened or it did not.
            const after = new Map(expected);
            apply(after, { ...pending, ok: pending.try });
            expect([want, after.get(id), before.get(id)]).toContainEqual(have);
            inFlightSeen += 1;
          } else {
            expect(have, `highlight ${id} after kill ${kill}`).toEqual(want);
          }
        }
        // A highlight created in flight that never was acknowledged may be there; nothing else may.
        const ids = db.prepare<[], string>('SELECT id FROM annotations').pluck().all();
        for (const id of ids) if (!expected.has(id)) expect(id).toBe(pending?.id);
        // Whichever way the write in flight went, the next run starts from what is stored.
        if (pending?.id) expected.set(pending.id, stored(db, pending.id));
      } finally {
        db.close();
      }
    }
    // The kills came at many moments: plenty of writes were made and checked, some of them caught in flight.
    expect(acknowledged).toBeGreaterThan(kills * 2);
    expect(inFlightSeen).toBeGreaterThan(0);
  });
});
