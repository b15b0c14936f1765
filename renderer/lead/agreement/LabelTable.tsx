/** Per-label figures of one pair (every label of the report, 0 rows for a label nobody used) and unitizing α over all annotators. */
import type { AgreementReport, PairAgreement, SpanCounts } from '../../../core/agreement/types';
import { heatStyle } from '../shared/heat-colors';
import { formatFigure } from '../shared/figures';

/** Props of the label table. */
export interface LabelTableProps {
  report: AgreementReport;
  pair: PairAgreement;
  onLabel: (label: string) => void;
}

function F1Cell({ counts }: { counts: SpanCounts }) {
  return (
    <td className="num heat-cell" style={counts.f1 === null ? undefined : heatStyle(counts.f1)}>
      {formatFigure(counts.f1)}
    </td>
  );
}

/** A table: label, spans of each side, matched and F1 (exact, overlap), unitizing α. */
export function LabelTable({ report, pair, onLabel }: LabelTableProps) {
  const rows = [...report.labels.map((l) => ({ label: l, scores: pair.labels[l]! })), { label: null, scores: { exact: pair.exact, overlap: pair.overlap } }];
  return (
    <table className="label-table">
      <caption className="card-caption">
        {pair.a} and {pair.b} over {pair.documents} document{pair.documents === 1 ? '' : 's'} both finished; counts summed over documents (micro). Unitizing α is over every chosen annotator, on the {report.unitizingAlpha.documents} documents all of them finished ({report.unitizingAlpha.length.toLocaleString('en')} characters). A label opens its spans, disagreements first.
      </caption>
      <thead>
        <tr>
          <th scope="col">Label</th>
          <th scope="col" className="num">{pair.a}</th>
          <th scope="col" className="num">{pair.b}</th>
          <th scope="col" className="num">Exact matched</th>
          <th scope="col" className="num">F1 exact</th>
          <th scope="col" className="num">Overlap matched</th>
          <th scope="col" className="num">F1 overlap</th>
          <th scope="col" className="num">Unitizing α</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ label, scores }) => (
          <tr key={label ?? '*'} className={label === null ? 'total-row' : undefined}>
            <th scope="row">
              {label === null ? (
                'All labels'
              ) : (
                <button type="button" className="link-button" onClick={() => onLabel(label)} title={`Show the spans of ${pair.a} and ${pair.b} labelled ${label}`}>
                  {label}
                </button>
              )}
            </th>
            <td className="num">{scores.exact.aCount}</td>
            <td className="num">{scores.exact.bCount}</td>
            <td className="num">{scores.exact.tp}</td>
            <F1Cell counts={scores.exact} />
            <td className="num">{scores.overlap.tp}</td>
            <F1Cell counts={scores.overlap} />
            <td className="num">{formatFigure(label === null ? report.unitizingAlpha.overall : report.unitizingAlpha.labels[label])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
