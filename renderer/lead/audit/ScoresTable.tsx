/** Precision, recall and F1 per label (exact and overlap) with the counts behind them, then micro and macro. */
import type { AuditReport } from '../../../core/agreement/index';
import type { SpanCounts } from '../../../core/agreement/types';
import { heatStyle } from '../shared/heat-colors';
import { formatFigure } from '../shared/figures';

function Ratios({ c }: { c: SpanCounts | { precision: number | null; recall: number | null; f1: number | null } }) {
  return (
    <>
      <td className="num">{formatFigure(c.precision)}</td>
      <td className="num">{formatFigure(c.recall)}</td>
      <td className="num heat-cell" style={c.f1 === null ? undefined : heatStyle(c.f1)}>
        {formatFigure(c.f1)}
      </td>
    </>
  );
}

/** The scores table. */
export function ScoresTable({ report, onLabel }: { report: AuditReport; onLabel: (label: string) => void }) {
  return (
    <table className="scores-table">
      <caption className="card-caption">
        {report.gold} is the reference: recall = matched ÷ its spans, precision = matched ÷ {report.pred}’s spans. Exact: same start, end and label; overlap: same label and overlapping, one to one. Over {report.documents} document(s) with both sets; micro = counts summed over labels, macro = mean over labels.
      </caption>
      <thead>
        <tr>
          <th scope="col" rowSpan={2}>Label</th>
          <th scope="col" rowSpan={2} className="num">{report.gold}</th>
          <th scope="col" rowSpan={2} className="num">{report.pred}</th>
          <th scope="colgroup" colSpan={4} className="group">Exact</th>
          <th scope="colgroup" colSpan={4} className="group">Overlap</th>
        </tr>
        <tr>
          {['matched', 'P', 'R', 'F1', 'matched', 'P', 'R', 'F1'].map((h, i) => (
            <th key={i} scope="col" className="num">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {report.labels.map((label) => {
          const s = report.perLabel[label]!;
          return (
            <tr key={label}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onLabel(label)} title={`Show the errors of ${label}`}>
                  {label}
                </button>
              </th>
              <td className="num">{s.exact.aCount}</td>
              <td className="num">{s.exact.bCount}</td>
              <td className="num">{s.exact.tp}</td>
              <Ratios c={s.exact} />
              <td className="num">{s.overlap.tp}</td>
              <Ratios c={s.overlap} />
            </tr>
          );
        })}
        <tr className="total-row">
          <th scope="row">All labels (micro)</th>
          <td className="num">{report.exact.aCount}</td>
          <td className="num">{report.exact.bCount}</td>
          <td className="num">{report.exact.tp}</td>
          <Ratios c={report.exact} />
          <td className="num">{report.overlap.tp}</td>
          <Ratios c={report.overlap} />
        </tr>
        <tr className="total-row">
          <th scope="row">Macro average</th>
          <td />
          <td />
          <td />
          <Ratios c={report.macro.exact} />
          <td />
          <Ratios c={report.macro.overlap} />
        </tr>
      </tbody>
    </table>
  );
}
