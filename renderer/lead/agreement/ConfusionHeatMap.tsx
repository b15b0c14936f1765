/** A confusion heat map: row annotator's labels against the column annotator's, at identical boundaries, with "none". */
import type { ConfusionMatrix } from '../../../core/agreement/types';
import { heatStyle } from '../shared/heat-colors';
import { HeatLegend } from '../shared/HeatLegend';
import { countOf } from '../shared/figures';

/** Props of the heat map. */
export interface ConfusionHeatMapProps {
  matrix: ConfusionMatrix;
  /** Whose labels the rows and the columns are ("alice", "bob", "the others"). */
  rows: string;
  columns: string;
  onCell: (row: string, column: string) => void;
  selected: { row: string; column: string } | null;
}

/** The matrix as a table of coloured, numbered buttons. */
export function ConfusionHeatMap({ matrix, rows, columns, onCell, selected }: ConfusionHeatMapProps) {
  const max = Math.max(1, ...matrix.cells.flat());
  return (
    <>
      <table className="confusion">
        <caption className="card-caption">
          Rows: {rows}’s labels; columns: {columns}’s. Spans at identical boundaries; <em>none</em>: nothing at those boundaries on the other side. The diagonal holds the exact matches. A cell opens its spans.
        </caption>
        <thead>
          <tr>
            <td className="confusion-corner">
              {rows} ↓ · {columns} →
            </td>
            {matrix.labels.map((l) => (
              <th key={l} scope="col">
                {l}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.labels.map((row, i) => (
            <tr key={row}>
              <th scope="row">{row}</th>
              {matrix.labels.map((column, j) => {
                const n = matrix.cells[i]![j]!;
                if (row === 'none' && column === 'none') return <td key={column} className="confusion-void" aria-label="none with none: not counted" />;
                const on = selected?.row === row && selected.column === column;
                return (
                  <td key={column} className={i === j ? 'diagonal' : undefined}>
                    <button
                      type="button"
                      style={heatStyle(n / max)}
                      aria-pressed={on}
                      aria-label={`${rows} ${row}, ${columns} ${column}: ${countOf(n, 'span')}. Show them`}
                      onClick={() => onCell(row, column)}
                    >
                      {n}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <HeatLegend low="0" high={String(max)} meaning="spans" />
    </>
  );
}
