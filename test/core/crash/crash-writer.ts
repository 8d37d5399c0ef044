/**
 * The child of the crash test (crash.test.ts): opens the library in the folder it is given and writes to it through
 * the real handlers, as the app does, until it is killed. Before each write it prints what it is about to do
 * (`TRY`), and once the write's answer is in, `OK`: the parent counts only what was acknowledged, and allows the
 * one write in flight at the kill to have happened or not. Lines go out with writeSync, so a line printed is a line
 * the parent gets, whenever the kill comes.
 */
import { writeSync } from 'node:fs';

import type { Result } from '../../../common/contract.ts';
import { openAppData } from '../../../electron/core/app-data.ts';
import { dispatchApi } from '../../harness/dispatch-api.ts';

const [dataDir, seedText] = process.argv.slice(2);
if (!dataDir || !seedText) throw new Error('usage: crash-writer.ts <data folder> <seed>');

let seed = Number(seedText) >>> 0;
/** mulberry32: the same writes for the same seed. */
function random(): number {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

function say(line: unknown): void {
  writeSync(1, `${JSON.stringify(line)}\n`);
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const app = openAppData(dataDir, { log: (error) => say({ error: String(error) }) });
const api = dispatchApi(app.dispatch);
const article = value(await api.articles.getDefault());
const words = article.content.split(/(?<=\s)/);
const starts: number[] = [];
for (let at = 0, i = 0; i < words.length; i += 1) {
  starts.push(at);
  at += words[i]!.length;
}
const live = value(await api.annotations.list({ articleId: article.id })).map((a) => a.id);
say({ ready: true });

for (let n = 0; ; n += 1) {
  const pick = random();
  const id = live[Math.floor(random() * live.length)];
  if (pick < 0.45 || !id) {
    const index = Math.floor(random() * (words.length - 4));
    const start = starts[index]!;
    const end = starts[index + 3]!;
    const selectors = [
      { type: 'TextQuoteSelector' as const, exact: article.content.slice(start, end), prefix: '', suffix: '' },
      { type: 'TextPositionSelector' as const, start, end },
    ];
    const newId = crypto.randomUUID();
    say({ try: 'create', id: newId });
    value(await api.annotations.create({ id: newId, articleId: article.id, color: 'yellow', selectors }));
    live.push(newId);
    say({ ok: 'create', id: newId });
  } else if (pick < 0.75) {
    const note = `note ${n} ${'x'.repeat(Math.floor(random() * 400))}`;
    say({ try: 'note', id, note });
    value(await api.annotations.update({ id, note }));
    say({ ok: 'note', id, note });
  } else if (pick < 0.9) {
    const tags = [`t${n % 7}`, `u${n % 3}`];
    say({ try: 'tags', id, tags });
    value(await api.annotations.setTags({ id, tags }));
    say({ ok: 'tags', id, tags: [...tags].sort() });
  } else {
    say({ try: 'delete', id });
    value(await api.annotations.delete({ id }));
    live.splice(live.indexOf(id), 1);
    say({ ok: 'delete', id });
  }
}
