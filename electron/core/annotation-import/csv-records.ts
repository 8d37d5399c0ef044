import { AnnotationFileError } from './types.ts';

/**
 * The records of CSV text (RFC 4180): fields separated by commas; a field in double quotes may hold commas, line
 * breaks and doubled quotes. Records end with CRLF as the RFC says, or with a lone LF or CR as other programs write
 * them; blank lines are skipped. A quote inside an unquoted field is kept as text, as spreadsheets read it. Throws
 * AnnotationFileError at a quote that is never closed or text after a closing quote, and RecordLimitError past
 * `maxRecords` records, so a huge file is refused before all of it is split.
 */
export function csvRecords(text: string, maxRecords: number): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let at = 0;
  let line = 1;
  const endField = () => {
    record.push(field);
    field = '';
    quoted = false;
  };
  const endRecord = () => {
    const blank = record.length === 0 && field === '' && !quoted;
    endField();
    if (!blank) records.push(record);
    if (records.length > maxRecords) throw new RecordLimitError();
    record = [];
  };
  while (at < text.length) {
    const character = text[at]!;
    if (character === '"' && field === '' && !quoted) {
      const close = closingQuote(text, at + 1);
      if (close === -1) {
        throw new AnnotationFileError(`This CSV file has a quote opened on line ${line} that is never closed.`);
      }
      const inside = text.slice(at + 1, close);
      line += inside.split(/\r\n|\r|\n/).length - 1;
      field = inside.replaceAll('""', '"');
      quoted = true;
      at = close + 1;
      if (at < text.length && !',\r\n'.includes(text[at]!)) {
        throw new AnnotationFileError(`This CSV file has text after a closing quote on line ${line}.`);
      }
    } else if (character === ',') {
      endField();
      at += 1;
    } else if (character === '\r' || character === '\n') {
      endRecord();
      at += character === '\r' && text[at + 1] === '\n' ? 2 : 1;
      line += 1;
    } else {
      const stop = Math.max(at + 1, nextSpecial(text, at));
      field += text.slice(at, stop);
      at = stop;
    }
  }
  if (field !== '' || quoted || record.length > 0) endRecord();
  return records;
}

/** More records than the caller takes: the reader turns it into its own refusal, which counts annotations. */
export class RecordLimitError extends Error {
  override name = 'RecordLimitError';
}

/** The index of the quote that closes a quoted field opened before `from` (a doubled quote is a quote), or -1. */
function closingQuote(text: string, from: number): number {
  for (let at = text.indexOf('"', from); at !== -1; at = text.indexOf('"', at + 2)) {
    if (text[at + 1] !== '"') return at;
  }
  return -1;
}

/** Where the next comma, line break or quote is, from `from` (the text's end when there is none). */
function nextSpecial(text: string, from: number): number {
  const match = /[",\r\n]/g;
  match.lastIndex = from;
  return match.exec(text)?.index ?? text.length;
}
