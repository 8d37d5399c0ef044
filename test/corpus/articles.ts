import { parseTextArticle } from '../../electron/core/text-article.ts';
import { chance, deriveSeed, int, mulberry32, pick, type Rng, weighted } from './random.ts';
import { wordSpans } from './text.ts';

/**
 * The corpus's articles: English-like news articles generated from fixed seeds, plus the app's real default
 * article. Generated articles are built to be hard to anchor in, the way real ones are:
 * - a varied vocabulary in a dozen sentence shapes, with curly quotes and apostrophes (for typography edits);
 * - stock phrases ("according to people familiar with the matter") repeated across the article;
 * - a few short boilerplate sentences repeated word for word;
 * - deliberate near-duplicate sentences: a sentence copied elsewhere with one to three words changed, so a
 *   highlight whose text is deleted always has lookalikes to (wrongly) land on.
 */

export interface Article {
  /** Stable name, used in case ids and failure reports. */
  name: string;
  /** The anchor text: paragraphs joined by "\n\n". */
  text: string;
}

/** Seeds of the generated articles. Fixed: change them and every figure changes. */
const articleSeeds = [0x5eed0001, 0x5eed0002, 0x5eed0003, 0x5eed0004, 0x5eed0005] as const;

/** The default article as the app stores it, through the app's own parser. `raw` is the seed file's content. */
export function seedArticle(raw: string): Article {
  return { name: 'default-article', text: parseTextArticle(raw).content };
}

const people = [
  'Maria Okafor',
  'Tomas Lindqvist',
  'Ana Beltrán',
  'David Mensah',
  'Yuki Tanaka',
  'Priya Raman',
  'Jonas Weber',
  'Elena Petrova',
  'Samuel Adeyemi',
  'Claire Dubois',
  'Rafael Ortega',
  'Hannah Kowalski',
  'Omar Haddad',
  'Ingrid Solberg',
  'Lucas Ferreira',
  'Mei Chen',
  'Niamh Gallagher',
  'Kofi Boateng',
];
const roles = [
  'the finance minister',
  'the mayor',
  'a senior negotiator',
  'the union leader',
  'the committee chair',
  'a ministry spokesperson',
  'the chief economist',
  'the harbour master',
  'the regional governor',
  'an independent analyst',
  'the opposition leader',
  'the company’s chief executive',
  'a former diplomat',
  'the city’s planning director',
];
const bodies = [
  'the city council',
  'the regional assembly',
  'the central bank',
  'the transport ministry',
  'the port authority',
  'the health agency',
  'the finance committee',
  'the water board',
  'the teachers’ union',
  'the national rail operator',
  'the energy regulator',
  'the university senate',
  'the coalition government',
  'the European Commission',
];
const places = [
  'Brussels',
  'Geneva',
  'the northern districts',
  'the river valley',
  'the capital',
  'the coastal towns',
  'Lisbon',
  'Tallinn',
  'the old harbour',
  'the eastern suburbs',
  'Marseille',
  'Gdańsk',
  'Rotterdam',
  'the mountain villages',
];
const topics = [
  'the budget for next year',
  'the harbour expansion',
  'tariffs on imported steel',
  'the new water treatment plan',
  'the pension reform',
  'the rail link to the airport',
  'rents in the city centre',
  'the fishing quotas',
  'the school closures',
  'the wind farm off the coast',
  'the hospital merger',
  'the ban on night flights',
  'the bridge repairs',
  'the housing subsidy',
  'the tram extension',
  'the minimum wage increase',
  'the grain export deal',
  'the flood defences',
];
const saidVerbs = [
  'said',
  'warned',
  'argued',
  'announced',
  'confirmed',
  'suggested',
  'insisted',
  'acknowledged',
  'noted',
  'claimed',
  'told reporters',
];
const actions = [
  'delay',
  'approve',
  'reject',
  'review',
  'expand',
  'suspend',
  'revise',
  'fund',
  'block',
  'postpone',
  'renegotiate',
  'scrap',
  'accelerate',
  'challenge',
];
const participles = [
  'delayed',
  'approved',
  'rejected',
  'reviewed',
  'expanded',
  'suspended',
  'revised',
  'funded',
  'blocked',
  'postponed',
  'renegotiated',
  'scrapped',
];
const times = [
  'on Monday',
  'on Tuesday',
  'on Wednesday',
  'on Thursday',
  'on Friday',
  'late on Sunday',
  'earlier this month',
  'last week',
  'by the end of the year',
  'before the summer recess',
  'within weeks',
  'next spring',
  'in March',
  'in the autumn',
];
const adjectives = [
  'sharp',
  'modest',
  'unexpected',
  'lengthy',
  'costly',
  'bitter',
  'cautious',
  'broad',
  'narrow',
  'temporary',
  'permanent',
  'significant',
  'steady',
  'sudden',
  'quiet',
  'fragile',
];
const nouns = [
  'increase',
  'decline',
  'delay',
  'dispute',
  'agreement',
  'shortfall',
  'compromise',
  'recovery',
  'backlash',
  'setback',
  'surplus',
  'review',
  'walkout',
  'deadlock',
];
const openersList = [
  'However,',
  'Meanwhile,',
  'In the meantime,',
  'Separately,',
  'Earlier,',
  'At the same time,',
  'Despite the delays,',
  'For now,',
  'Still,',
  'In recent months,',
  'On paper,',
  'By most accounts,',
];
/** Phrases a news article repeats: each is used many times, so quotes on them have verbatim twins. */
const stockPhrases = [
  'according to people familiar with the matter',
  'it was not immediately clear whether',
  'the ministry said in a statement',
  'declined to comment on the record',
  'people familiar with the negotiations said',
  'in a statement released late on',
];
/** Short sentences repeated word for word. */
const boilerplate = [
  'Talks are expected to resume next week.',
  'The ministry declined to comment.',
  'No date has been set for a vote.',
  'The figures have not been independently verified.',
];
const quotedClauses: Array<(rng: Rng) => string> = [
  (rng) => `We don’t expect ${pick(rng, topics)} to be settled ${pick(rng, times)}`,
  (rng) => `It’s a ${pick(rng, adjectives)} ${pick(rng, nouns)}, and we’re not going to pretend otherwise`,
  (rng) => `Nobody wants a ${pick(rng, adjectives)} ${pick(rng, nouns)} over ${pick(rng, topics)}`,
  (rng) => `We’ve said from the start that ${pick(rng, bodies)} can’t ${pick(rng, actions)} this alone`,
  (rng) => `There is no ‘${pick(rng, adjectives)} fix’ for ${pick(rng, topics)}`,
  (rng) => `If they ${pick(rng, actions)} it now, people in ${pick(rng, places)} will pay for it`,
];

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function subject(rng: Rng): string {
  return weighted(rng, [
    [3, () => pick(rng, bodies)],
    [2, () => pick(rng, roles)],
    [2, () => pick(rng, people)],
    [1, () => `${pick(rng, people)}, ${pick(rng, roles)},`],
  ] as const)();
}

function amount(rng: Rng): string {
  return weighted(rng, [
    [1, () => `${int(rng, 2, 48)}.${int(rng, 0, 9)} percent`],
    [1, () => `${int(rng, 2, 900)} million euros`],
    [1, () => `${int(rng, 1, 9)},${int(rng, 100, 999)} workers`],
    [1, () => `${int(rng, 12, 95)} households`],
  ] as const)();
}

const modifiers = [
  '',
  '',
  '',
  'the proposed ',
  'the long-delayed ',
  'last year’s ',
  'the controversial ',
  'a revised version of ',
  'the second phase of ',
  'funding for ',
];
const objects = [
  'local businesses',
  'commuters',
  'farmers in the region',
  'smaller ports',
  'tenants',
  'the fishing fleet',
  'night-shift nurses',
  'first-time buyers',
  'exporters',
  'rural schools',
  'the tourism sector',
  'pensioners',
];
const tails: Array<(rng: Rng) => string> = [
  () => '',
  () => '',
  () => '',
  (rng) => `, which ${pick(rng, objects)} have opposed for years`,
  (rng) => ` after ${pick(rng, bodies)} ${pick(rng, ['raised', 'questioned', 'flagged', 'disputed'])} the costs`,
  (rng) => ` despite a ${pick(rng, adjectives)} ${pick(rng, nouns)} in ${pick(rng, places)}`,
  (rng) => ` as ${pick(rng, objects)} ${pick(rng, ['waited', 'protested', 'looked on', 'asked for clarity'])}`,
  (rng) =>
    `, a move ${pick(rng, objects)} ${pick(rng, ['welcomed', 'criticised', 'had long sought', 'called premature'])}`,
  (rng) =>
    ` while ${pick(rng, places)} ${pick(rng, ['held its own vote', 'waited for the results', 'counted the cost'])}`,
];

/** A noun phrase naming a policy matter, with a modifier now and then. */
function topic(rng: Rng): string {
  const m = pick(rng, modifiers);
  const t = pick(rng, topics);
  return m === '' ? t : m + t.replace(/^the /, '');
}

function tail(rng: Rng): string {
  return pick(rng, tails)(rng);
}

/** One sentence, in one of about twenty shapes with optional openers and tails. */
function sentence(rng: Rng): string {
  const opener = chance(rng, 0.2) ? `${pick(rng, openersList)} ` : '';
  const shape = int(rng, 0, 21);
  let s: string;
  switch (shape) {
    case 0:
      s = `${opener}${subject(rng)} ${pick(rng, saidVerbs)} ${pick(rng, times)} that ${pick(rng, bodies)} would ${pick(rng, actions)} ${topic(rng)}${tail(rng)}.`;
      break;
    case 1:
      s = `“${pick(rng, quotedClauses)(rng)},” ${pick(rng, people)}, ${pick(rng, roles)}, ${pick(rng, saidVerbs)}.`;
      break;
    case 2:
      s = `${opener}${capitalize(pick(rng, stockPhrases))}, ${pick(rng, bodies)} is expected to ${pick(rng, actions)} ${topic(rng)} ${pick(rng, times)}.`;
      break;
    case 3:
      s = `The ${pick(rng, nouns)} follows a ${pick(rng, adjectives)} ${pick(rng, nouns)} in ${pick(rng, places)}, where ${amount(rng)} were affected ${pick(rng, times)}.`;
      break;
    case 4:
      s = `${pick(rng, people)} ${pick(rng, saidVerbs)} the ${pick(rng, adjectives)} ${pick(rng, nouns)} was “${pick(rng, quotedClauses)(rng).toLowerCase()}” and called for ${topic(rng)} to be ${pick(rng, participles)}.`;
      break;
    case 5:
      s = `Will ${pick(rng, bodies)} ${pick(rng, actions)} ${topic(rng)} ${pick(rng, times)}?`;
      break;
    case 6:
      s = `${opener}${subject(rng)} ${pick(rng, saidVerbs)} it had ${pick(rng, participles)} ${topic(rng)}, ${pick(rng, stockPhrases)}.`;
      break;
    case 7:
      s = `Figures published ${pick(rng, times)} showed a ${pick(rng, adjectives)} ${pick(rng, nouns)} of ${amount(rng)} in ${pick(rng, places)}${tail(rng)}.`;
      break;
    case 8:
      s = `${opener}${capitalize(stockPhrases[1]!)} ${pick(rng, bodies)} would ${pick(rng, actions)} ${topic(rng)} before ${pick(rng, places)} voted.`;
      break;
    case 9:
      s = `${pick(rng, people)}’s office ${pick(rng, saidVerbs)} that ${pick(rng, roles)} had ${pick(rng, participles)} the plan ${pick(rng, times)}, a claim ${pick(rng, bodies)} denied.`;
      break;
    case 10:
      s = `In ${pick(rng, places)}, residents said the ${pick(rng, nouns)} over ${topic(rng)} had left them ${pick(rng, adjectives)} and “tired of waiting.”`;
      break;
    case 11:
      s = pick(rng, boilerplate);
      break;
    case 12:
      s = `${opener}Under the plan, ${pick(rng, bodies)} would ${pick(rng, actions)} ${topic(rng)} and ${pick(rng, actions)} support for ${pick(rng, objects)}.`;
      break;
    case 13:
      s = `Critics, among them ${pick(rng, people)}, say ${topic(rng)} ${pick(rng, ['does little for', 'comes too late for', 'was written without', 'will mostly benefit'])} ${pick(rng, objects)}${tail(rng)}.`;
      break;
    case 14:
      s = `${capitalize(pick(rng, objects))} in ${pick(rng, places)} ${pick(rng, ['have waited', 'have campaigned', 'have been asking'])} ${int(rng, 2, 14)} years for ${topic(rng)}.`;
      break;
    case 15:
      s = `${opener}The cost of ${topic(rng)} has risen to ${int(rng, 2, 900)} million euros, ${pick(rng, ['roughly double', 'well above', 'close to', 'a third more than'])} the first estimate.`;
      break;
    case 16:
      s = `Asked whether ${pick(rng, bodies)} would ${pick(rng, actions)} ${topic(rng)}, ${pick(rng, people)} ${pick(rng, ['said only that', 'replied that', 'would say only that'])} “${pick(rng, ['nothing is off the table', 'it’s too early to tell', 'we’ll see', 'the numbers speak for themselves'])}.”`;
      break;
    case 17:
      s = `${opener}${capitalize(pick(rng, roles))} is due to ${pick(rng, ['meet', 'brief', 'write to', 'visit'])} ${pick(rng, bodies)} ${pick(rng, times)}${tail(rng)}.`;
      break;
    case 18:
      s = `${pick(rng, ['A poll', 'A survey', 'An internal report', 'A leaked memo'])} ${pick(rng, ['found', 'suggested', 'showed'])} that ${int(rng, 11, 89)} percent of ${pick(rng, objects)} ${pick(rng, ['back', 'oppose', 'know little about', 'have doubts about'])} ${topic(rng)}.`;
      break;
    case 19:
      s = `It’s the ${pick(rng, ['first', 'second', 'third', 'latest'])} time this year that ${topic(rng)} has been ${pick(rng, participles)}, and ${pick(rng, objects)} ${pick(rng, ['aren’t', 'weren’t', 'won’t be'])} the last to ${pick(rng, ['notice', 'complain', 'pay for it'])}.`;
      break;
    case 20:
      s = `${opener}${pick(rng, people)} ${pick(rng, ['has argued', 'has long maintained', 'wrote last year'])} that ${pick(rng, objects)} ${pick(rng, ['deserve', 'cannot afford', 'were promised'])} ${topic(rng)}${tail(rng)}.`;
      break;
    default:
      s = `${opener}${subject(rng)} ${pick(rng, saidVerbs)} the ${pick(rng, nouns)} was ${pick(rng, adjectives)} but that ${topic(rng)} ${chance(rng, 0.5) ? 'wasn’t' : 'isn’t'} finished.`;
  }
  return capitalize(s);
}

/** Words a lookalike may swap in. */
const swapWords = [
  ...adjectives,
  ...nouns,
  ...actions,
  ...participles,
  'Tuesday',
  'Thursday',
  'Friday',
  'council',
  'ministry',
  'agency',
  'board',
  'union',
  'harbour',
  'airport',
  'coast',
  'city',
  'town',
  'plan',
  'vote',
  'deal',
];

/** One word a lookalike replaced: text[start, end) became `replacement`. */
export interface WordChange {
  start: number;
  end: number;
  replacement: string;
}

/**
 * `text` with `count` words changed (only words whose letters start inside [from, to) when given), each replaced
 * by a different word: a lookalike, close enough to fool a fuzzy matcher, different enough to be other text.
 * Changes at least one word when any word is eligible.
 */
function lookalike(text: string, rng: Rng, count: number, from = 0, to = text.length): string {
  return applyWordChanges(text, lookalikeChanges(text, rng, count, from, to));
}

/**
 * The word changes `lookalike` makes (same choices from the same stream), offsets in `text`, last word first: apply
 * them in this order and earlier offsets stay valid. Lets an edit know which characters of a lookalike are new.
 */
export function lookalikeChanges(text: string, rng: Rng, count: number, from = 0, to = text.length): WordChange[] {
  const words = wordSpans(text, 0, text.length)
    .map((w) => {
      const m = /[\p{L}\p{N}]+/u.exec(text.slice(w.start, w.end));
      return m && { start: w.start + m.index, end: w.start + m.index + m[0].length };
    })
    .filter(
      (w): w is { start: number; end: number } => w !== null && w.start >= from && w.start < to && w.end - w.start >= 2,
    );
  if (words.length === 0) return [];
  const chosen = new Set<number>();
  for (let i = 0; i < count * 3 && chosen.size < Math.min(count, words.length); i++)
    chosen.add(int(rng, 0, words.length - 1));
  const changes: WordChange[] = [];
  for (const index of [...chosen].sort((a, b) => b - a)) {
    const w = words[index]!;
    const old = text.slice(w.start, w.end);
    let replacement = pick(rng, swapWords);
    for (let tries = 0; tries < 5 && replacement.toLowerCase() === old.toLowerCase(); tries++)
      replacement = pick(rng, swapWords);
    if (replacement.toLowerCase() === old.toLowerCase()) replacement = `${old}s`;
    if (/^\p{Lu}/u.test(old)) replacement = capitalize(replacement);
    changes.push({ start: w.start, end: w.end, replacement });
  }
  return changes;
}

function applyWordChanges(text: string, changes: readonly WordChange[]): string {
  let out = text;
  for (const c of changes) out = out.slice(0, c.start) + c.replacement + out.slice(c.end);
  return out;
}

/** New sentences and paragraphs for insertions, from their own stream so edits never copy the article. */
export function newSentence(rng: Rng): string {
  return sentence(rng);
}

export function newParagraph(rng: Rng): string {
  const n = int(rng, 2, 4);
  return Array.from({ length: n }, () => sentence(rng)).join(' ');
}

/** A generated article: 36–50 paragraphs of 3–6 sentences (≈ 20–30 thousand characters), with lookalikes planted. */
function generateArticle(seed: number): Article {
  const rng = mulberry32(deriveSeed(seed, 'article'));
  const paragraphs: string[][] = [];
  const count = int(rng, 36, 50);
  for (let p = 0; p < count; p++) {
    paragraphs.push(Array.from({ length: int(rng, 3, 6) }, () => sentence(rng)));
  }
  // Near-duplicates: about one sentence in twelve gets a twin elsewhere with one to three words changed.
  const all = paragraphs.flatMap((sentences, p) => sentences.map((s, i) => ({ p, i, s })));
  const twins = Math.round(all.length / 12);
  for (let t = 0; t < twins; t++) {
    const { p, s } = pick(rng, all);
    let target = int(rng, 0, paragraphs.length - 1);
    if (Math.abs(target - p) < 2) target = (p + 2 + int(rng, 0, paragraphs.length - 5)) % paragraphs.length;
    const sentences = paragraphs[target]!;
    sentences.splice(int(rng, 0, sentences.length), 0, lookalike(s, rng, int(rng, 1, 3)));
  }
  return { name: `generated-${(seed >>> 0).toString(16)}`, text: paragraphs.map((s) => s.join(' ')).join('\n\n') };
}

/** Every article of the corpus: the generated ones, then the default article when its raw text is given. */
export function corpusArticles(defaultArticleRaw?: string): Article[] {
  const articles = articleSeeds.map((seed) => generateArticle(seed));
  if (defaultArticleRaw !== undefined) articles.push(seedArticle(defaultArticleRaw));
  return articles;
}
