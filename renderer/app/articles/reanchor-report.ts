import type { ReanchorReport } from '../../../common/contract.ts';

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * What re-opening a changed article did to its highlights, for the status message: the four counts in the words
 * the issue uses ("1 kept, 0 moved, 0 fuzzy, 1 orphaned") and, when some could not be placed, where to find them.
 */
export function describeReport(title: string, report: ReanchorReport): string {
  const total = report.kept + report.moved + report.fuzzy + report.orphaned;
  const name = `“${title}”`;
  if (total === 0) return `${name} has changed. It had no highlights to re-place.`;
  const counts = `${report.kept} kept, ${report.moved} moved, ${report.fuzzy} fuzzy, ${report.orphaned} orphaned`;
  let text = `${name} has changed; ${total === 1 ? 'its highlight was' : `its ${total} highlights were`} re-placed: ${counts}.`;
  if (report.fuzzy > 0)
    text += ` ${report.fuzzy === 1 ? 'The fuzzy one is' : 'Fuzzy ones are'} marked “Closest match” in the sidebar.`;
  if (report.orphaned > 0) {
    text +=
      report.orphaned === 1
        ? ' The orphaned one is under “Couldn’t place” in the sidebar, where you can re-attach it.'
        : ` The ${count(report.orphaned, 'orphan', 'orphans')} are under “Couldn’t place” in the sidebar, where you can re-attach them.`;
  }
  return text;
}
