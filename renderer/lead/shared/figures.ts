/** How the lead's views print figures: fixed decimals, a dash for an undefined one, counts with their unit. */

/** A ratio or coefficient with `digits` decimals, or an em dash when it is undefined (null). */
export function formatFigure(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);
}

/** A count with its noun, singular or plural ("1 document", "3 documents"). */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? singular : plural}`;
}

/** Why a kappa or alpha is undefined, for the caption beside its dash. */
export function undefinedReason(units: number): string {
  return units === 0 ? 'no units to compare' : 'one category everywhere: chance agreement is total';
}
