import { type Outcome, type Tally, wrongOf } from './run-revisions.ts';

/**
 * The corpus's figures, one per BENCH line (test/bench/revisions.ts prints them): per distance
 * (`revisions-d1-…`, `-d5-`, `-d30-`) and over all pairs (`revisions-all-…`).
 */

export interface Figure {
  name: string;
  value: number;
  unit: 'count' | '%';
}

/** A percentage; NaN when there is nothing to divide (such figures are left out). */
const percent = (part: number, whole: number): number => (whole === 0 ? Number.NaN : (100 * part) / whole);

function figuresOf(prefix: string, t: Tally): Figure[] {
  const correct = t.exact + t.moved + t.fuzzy;
  const orphans = t.missed + t.orphanDamaged + t.orphanDestroyed;
  return [
    { name: `${prefix}-anchorings`, value: t.anchorings, unit: 'count' },
    { name: `${prefix}-survived`, value: t.survived, unit: 'count' },
    { name: `${prefix}-damaged`, value: t.damaged, unit: 'count' },
    { name: `${prefix}-destroyed`, value: t.destroyed, unit: 'count' },
    { name: `${prefix}-correct`, value: correct, unit: 'count' },
    { name: `${prefix}-exact-pct`, value: percent(t.exact, t.anchorings), unit: '%' },
    { name: `${prefix}-moved-pct`, value: percent(t.moved, t.anchorings), unit: '%' },
    { name: `${prefix}-fuzzy-pct`, value: percent(t.fuzzy, t.anchorings), unit: '%' },
    { name: `${prefix}-wrong`, value: wrongOf(t), unit: 'count' },
    { name: `${prefix}-wrong-elsewhere`, value: t.wrongElsewhere + t.wrongDestroyed, unit: 'count' },
    { name: `${prefix}-wrong-imprecise`, value: t.wrongImprecise, unit: 'count' },
    { name: `${prefix}-missed`, value: t.missed, unit: 'count' },
    { name: `${prefix}-orphan-pct`, value: percent(orphans, t.anchorings), unit: '%' },
    { name: `${prefix}-placed-of-surviving-pct`, value: percent(t.placedSurvived, t.survived), unit: '%' },
    { name: `${prefix}-destroyed-orphaned-pct`, value: percent(t.orphanDestroyed, t.destroyed), unit: '%' },
  ];
}

/** Every figure of the outcome: the pair count, each distance's, then all pairs'. */
export function revisionFigures(outcome: Outcome): Figure[] {
  const figures: Figure[] = [{ name: 'revisions-pairs', value: outcome.pairs, unit: 'count' }];
  for (const [distance, tally] of outcome.byDistance) {
    figures.push(...figuresOf(`revisions-d${distance}`, tally));
  }
  figures.push(...figuresOf('revisions-all', outcome.overall));
  return figures.filter((f) => Number.isFinite(f.value));
}
