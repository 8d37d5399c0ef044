/**
 * Every place a quote occurs in a text, found quickly when the same text is searched again and again.
 *
 * Our own, because a benchmark showed it mattered: importing 100,000 annotations describes them article by article,
 * and looking for each quote's other copies (distinguishing-context.ts) scanned the whole ~50 KB article with
 * `indexOf` once a quote, ~100 times the same text: ~1.3–2 s of the import. Through this index, finding them for
 * the bench library's 100,000 highlights takes ~0.25 s (was 1.4 s), and its import stores in 5.2–5.7 s (was
 * 6.1–6.6 s).
 *
 * So the text searched last is remembered, and from its third search in a row it is indexed: a query then checks
 * only the places that start like it, not the whole text. A highlight made in the reader searches its text once or
 * twice and costs what `indexOf` did.
 *
 * The answer is always exactly the `indexOf` loop's: every start, rising, overlapping copies included ("abab" in
 * "ababab" at 0 and 2).
 */

/** Code units hashed at each indexed place. */
const gramLength = 4;

/**
 * Only every 8th place of the text is indexed. Reading a text in JavaScript, one `charCodeAt` a code unit, costs
 * 10 to 20 times what `indexOf` scanning it does, so an index of every place (tried first: 0.15–0.27 ms for 50 KB)
 * paid for itself only from ~20 searches of a text: an import with 10 highlights an article would have got slower. Every 8th place
 * builds in ~0.05 ms, the time of a few scans, and a quote of `sampleStep + gramLength - 1` code units
 * or more still covers an indexed place wherever it occurs, at one of its first `sampleStep` offsets.
 */
const sampleStep = 8;

/** A shorter quote may cover no indexed place, and is looked for with `indexOf`. */
const shortestIndexedQuote = sampleStep + gramLength - 1;

/** From this search of one text in a row it is indexed: by then the index costs about what the scans saved. */
const searchesBeforeIndexing = 3;

/**
 * The longest text indexed, in UTF-16 code units (a long book is ~2 million). The index takes under a byte a code
 * unit and is kept until another text is searched: ~12 MB at most, where indexing every place of a text of 50
 * million would have taken 200 MB. A longer text is searched with `indexOf`, as before.
 */
const maxIndexedLength = 16 * 1024 * 1024;

/** About this many indexed places share a bucket, besides those with the same characters. */
const placesPerBucket = 4;

/**
 * The indexed places of a text (place `s` is offset `s * sampleStep`), chained by a hash of the `gramLength` code
 * units from each: `firstPlace[bucket]` is a bucket's first place, `nextPlace[place]` the next one in the same
 * bucket, -1 past the last. Typed arrays only, nothing allocated a place.
 */
interface SampledIndex {
  readonly bucketShift: number;
  readonly firstPlace: Int32Array;
  readonly nextPlace: Int32Array;
}

/** The text searched last (compared with `===`), how often in a row, and its index once built. */
let lastText: string | undefined;
let searchesOfLastText = 0;
let lastIndex: SampledIndex | undefined;

/**
 * Every start of `exact` in `text`, rising: what `for (at = text.indexOf(exact); at !== -1; …)` gives. The quote is
 * never empty: that loop never ends on one (`indexOf('', at)` past the end is the end again), so it is refused.
 */
export function occurrencesOf(text: string, exact: string): number[] {
  if (exact.length === 0) throw new RangeError('cannot find the occurrences of an empty quote');
  const index = indexFor(text);
  if (index === undefined || exact.length < shortestIndexedQuote) return scanOccurrences(text, exact);
  return lookUpOccurrences(index, text, exact);
}

/** The index of `text` from its `searchesBeforeIndexing`th search in a row; undefined before, or when too long. */
function indexFor(text: string): SampledIndex | undefined {
  if (text !== lastText) {
    lastText = text;
    searchesOfLastText = 0;
    lastIndex = undefined;
  }
  searchesOfLastText++;
  if (lastIndex === undefined && searchesOfLastText >= searchesBeforeIndexing && text.length <= maxIndexedLength) {
    lastIndex = buildIndex(text);
  }
  return lastIndex;
}

/** The plain loop: the whole text scanned. */
function scanOccurrences(text: string, exact: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) found.push(at);
  return found;
}

/**
 * An occurrence at `at` covers the indexed place at `at + offset` for exactly one offset below `sampleStep`, where
 * its own code units from `offset` are. So for each offset, the places whose code units hash like the quote's from
 * there, each checked whole; each occurrence is found once, and sorted at the end.
 */
function lookUpOccurrences(index: SampledIndex, text: string, exact: string): number[] {
  const { bucketShift, firstPlace, nextPlace } = index;
  const found: number[] = [];
  for (let offset = 0; offset < sampleStep; offset++) {
    const bucket = bucketOf(gramKey(exact, offset), bucketShift);
    for (let place = firstPlace[bucket]!; place !== -1; place = nextPlace[place]!) {
      const at = place * sampleStep - offset;
      if (at >= 0 && text.startsWith(exact, at)) found.push(at);
    }
  }
  return found.length > 1 ? found.sort((a, b) => a - b) : found;
}

/**
 * The `gramLength` code units from `at`, packed 8 bits apart into 32. Exact for Latin-1 text; wider code units
 * overlap, which only puts more places in a bucket, each checked whole.
 */
function gramKey(text: string, at: number): number {
  let key = 0;
  for (let i = 0; i < gramLength; i++) key = (key << 8) ^ text.charCodeAt(at + i);
  return key;
}

/** The bucket of a key: Fibonacci hashing, the top bits of a multiplication, so that every code unit counts. */
function bucketOf(key: number, bucketShift: number): number {
  return Math.imul(key, 0x9e3779b1) >>> bucketShift;
}

/** Every `sampleStep`th place that has `gramLength` code units from it, chained into its bucket. */
function buildIndex(text: string): SampledIndex {
  const places = text.length < gramLength ? 0 : Math.floor((text.length - gramLength) / sampleStep) + 1;
  const bucketBits = Math.min(20, Math.max(8, Math.ceil(Math.log2(places / placesPerBucket + 1))));
  const bucketShift = 32 - bucketBits;
  const firstPlace = new Int32Array(1 << bucketBits).fill(-1);
  const nextPlace = new Int32Array(places);
  for (let place = places - 1; place >= 0; place--) {
    const bucket = bucketOf(gramKey(text, place * sampleStep), bucketShift);
    nextPlace[place] = firstPlace[bucket]!;
    firstPlace[bucket] = place;
  }
  return { bucketShift, firstPlace, nextPlace };
}
