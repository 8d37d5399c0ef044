/**
 * Static Electron security audit: runs electronegativity over the built app (out/: main, preload and the renderer's
 * HTML with its CSP) and fails on any HIGH or CRITICAL finding. electronegativity itself always exits 0, so its CSV
 * report is parsed here. Run with `npm run audit:electron` (it builds first); CI runs it. An optional argument names
 * another folder to audit (used to check that the gate does fail on an insecure window).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'))
  .version as string;
const failing = new Set(['HIGH', 'CRITICAL']);

/** One CSV record into fields: commas separate, double quotes wrap fields that hold commas ("" is a quote). */
function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field.trim());
      field = '';
    } else field += char;
  }
  fields.push(field.trim());
  return fields;
}

const workDir = mkdtempSync(path.join(tmpdir(), 'marginalia-audit-'));
try {
  const report = path.join(workDir, 'electronegativity.csv');
  const bin = path.join(root, 'node_modules/.bin/electronegativity');
  // -e: the version is given so the tool does not try to look it up online (there may be no network).
  const input = path.resolve(process.argv[2] ?? path.join(root, 'out'));
  const run = spawnSync(bin, ['-i', input, '-e', electronVersion, '-r', '-v', 'true', '-o', report], {
    encoding: 'utf8',
  });
  if (run.error) throw run.error;
  let csv: string;
  try {
    csv = readFileSync(report, 'utf8');
  } catch {
    console.error(run.stdout, run.stderr);
    throw new Error(`electronegativity wrote no report for ${input}; is it built (npm run build)?`);
  }
  const findings = csv
    .split('\n')
    .slice(1)
    .filter((line) => line.trim())
    .map((line) => {
      const [issue = '', severity = '', confidence = '', file = '', location = '', , description = ''] =
        parseCsvLine(line);
      return { issue, severity, confidence, file, location, description };
    });
  for (const f of findings) {
    console.log(
      `${f.severity.padEnd(8)} ${f.confidence.padEnd(9)} ${f.issue}  ${f.file}:${f.location}  ${f.description}`,
    );
  }
  const blocking = findings.filter((f) => failing.has(f.severity));
  console.log(
    `electronegativity (Electron ${electronVersion}): ${findings.length} findings, ${blocking.length} high or critical`,
  );
  // A file electronegativity cannot parse is skipped without a finding (it cannot read `#private` class fields, for
  // one), which would hide a missing guard. The main process and the preload must be read in full.
  const unread = [...`${run.stdout}\n${run.stderr}`.matchAll(/Error parsing (\S+) - (.*)/g)]
    .map(([, file = '', why = '']) => ({ file: path.relative(input, file), why }))
    .filter(({ file }) => !file.startsWith('renderer'));
  for (const { file, why } of unread) console.log(`UNREAD   ${file}: electronegativity could not parse it (${why})`);
  if (blocking.length > 0 || unread.length > 0) process.exitCode = 1;
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
