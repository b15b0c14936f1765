/** The pair matrix: one cell per pair of annotators with the chosen figure, coloured by it; a cell opens the pair. */
import type { AgreementReport, PairAgreement } from '../../../core/agreement/types';
import { heatStyle } from '../shared/heat-colors';
import { HeatLegend } from '../shared/HeatLegend';
import { countOf, formatFigure } from '../shared/figures';

/** Which figure the matrix shows. */
export type PairMetric = 'exact' | 'overlap' | 'kappa' | 'alpha';

export const METRIC_NAMES: Record<PairMetric, string> = {
  exact: 'F1, exact',
  overlap: 'F1, overlap',
  kappa: 'Cohen’s κ',
  alpha: 'Krippendorff’s α',
};

/** The figure of a pair, and what it was computed over. */
export function pairFigure(pair: PairAgreement, metric: PairMetric): { value: number | null; over: string } {
  switch (metric) {
    case 'exact':
    case 'overlap': {
      const c = pair[metric];
      return { value: c.f1, over: `${c.tp} matched of ${c.aCount} and ${c.bCount} spans` };
    }
    case 'kappa':
      return { value: pair.cohenKappa.value, over: countOf(pair.cohenKappa.units, 'unit') };
    case 'alpha':
      return { value: pair.alpha.value, over: countOf(pair.alpha.units, 'pairable unit') };
  }
}

/** The pair of `a` and `b`, in either order. */
export function findPair(report: AgreementReport, a: string, b: string): PairAgreement | undefined {
  return report.pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
}

/** Props of the matrix. */
export interface PairMatrixProps {
  report: AgreementReport;
  metric: PairMetric;
  onMetric: (metric: PairMetric) => void;
  selected: { a: string; b: string } | null;
  onPair: (a: string, b: string) => void;
}

/** A table of annotators × annotators. */
export function PairMatrix({ report, metric, onMetric, selected, onPair }: PairMatrixProps) {
  const names = report.annotators;
  const isSelected = (a: string, b: string) => !!selected && ((selected.a === a && selected.b === b) || (selected.a === b && selected.b === a));
  return (
    <section className="lead-card" aria-labelledby="pair-matrix-title">
      <div className="card-head">
        <h2 id="pair-matrix-title">Pairs</h2>
        <label>
          Figure{' '}
          <select value={metric} onChange={(e) => onMetric(e.target.value as PairMetric)}>
            {(Object.keys(METRIC_NAMES) as PairMetric[]).map((m) => (
              <option key={m} value={m}>
                {METRIC_NAMES[m]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="card-caption" id="pair-matrix-caption">
          {metric === 'exact' || metric === 'overlap'
            ? `Span F1 of each pair over the documents both finished: 2 × matched ÷ (spans of one + spans of the other); ${metric === 'exact' ? 'same start, end and label' : 'same label and overlapping, one to one'}.`
            : `Over the ${report.unit === 'token' ? 'tokens' : 'characters'} of the documents both finished; a unit’s category is the labels covering it, or O.`}{' '}
          A cell opens the spans where the pair differs.
      </p>
      <table className="pair-matrix" aria-labelledby="pair-matrix-caption">
        <thead>
          <tr>
            <td />
            {names.map((n) => (
              <th key={n} scope="col">
                {n}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {names.map((row) => (
            <tr key={row}>
              <th scope="row">{row}</th>
              {names.map((col) => {
                if (row === col) return <td key={col} className="matrix-self" aria-label={`${row} with itself`}>—</td>;
                const pair = findPair(report, row, col);
                if (!pair) return <td key={col} />;
                const { value, over } = pairFigure(pair, metric);
                const style = value === null ? undefined : heatStyle(Math.max(0, value));
                return (
                  <td key={col} className="matrix-cell">
                    <button type="button" style={style} aria-pressed={isSelected(row, col)} onClick={() => onPair(row, col)}>
                      <span className="visually-hidden">
                        {row} and {col}, {METRIC_NAMES[metric]}:{' '}
                      </span>
                      <span className="cell-value">{formatFigure(value)}</span> <span className="cell-n">{countOf(pair.documents, 'doc')}</span>
                      <span className="visually-hidden"> ({over}); show the spans where they differ</span>
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <HeatLegend low="0" high="1" meaning={metric === 'kappa' || metric === 'alpha' ? '(below 0 shown as 0)' : ''} />
    </section>
  );
}
