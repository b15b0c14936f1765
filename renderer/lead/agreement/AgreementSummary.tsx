/** The report's overall figures, each with what it counts, and what was left out and why. */
import type { AgreementReport, CodingFigure } from '../../../core/agreement/types';
import { countOf, formatFigure, undefinedReason } from '../shared/figures';

function Coding({ name, figure, over, unit }: { name: string; figure: CodingFigure; over: string; unit: string }) {
  return (
    <div className="figure">
      <dt>{name}</dt>
      <dd>
        <span className="figure-value">{formatFigure(figure.value)}</span>
        <span className="figure-over">
          {countOf(figure.units, unit)} in {countOf(figure.documents, 'document')} {over}
          {figure.value === null ? ` — undefined: ${undefinedReason(figure.units)}` : ''}
        </span>
      </dd>
    </div>
  );
}

/** Documents, Fleiss' κ, α, unitizing α, and the exclusions. */
export function AgreementSummary({ report }: { report: AgreementReport }) {
  const unit = report.unit === 'token' ? 'token' : 'character';
  const { total, compared, complete } = report.documents;
  return (
    <section className="lead-card summary-card" aria-labelledby="summary-title">
      <h2 id="summary-title">Overall</h2>
      <dl className="figures">
        <div className="figure">
          <dt>Documents</dt>
          <dd>
            <span className="figure-value">{compared}</span>
            <span className="figure-over">
              compared (two or more annotators finished them) of {countOf(total, 'document')} with a counted set; {complete} finished by all {report.annotators.length}
            </span>
          </dd>
        </div>
        <Coding name="Fleiss’ κ" figure={report.fleissKappa} unit={unit} over="every annotator finished" />
        <Coding name="Krippendorff’s α" figure={report.alpha} unit={`pairable ${unit}`} over="two or more finished (missing annotators allowed)" />
        <div className="figure">
          <dt>Unitizing α</dt>
          <dd>
            <span className="figure-value">{formatFigure(report.unitizingAlpha.overall)}</span>
            <span className="figure-over">
              over {countOf(report.unitizingAlpha.length, 'character')} of the {countOf(report.unitizingAlpha.documents, 'document')} every annotator finished
            </span>
          </dd>
        </div>
      </dl>
      <details className="exclusions" open={report.excluded.length > 0 && report.excluded.length <= 4}>
        <summary>{report.excluded.length === 0 ? 'Nothing was left out' : `Left out of the figures (${report.excluded.reduce((n, e) => n + e.count, 0)})`}</summary>
        {report.excluded.length > 0 && (
          <ul>
            {report.excluded.map((e, i) => (
              <li key={i}>
                {e.count} × {e.reason}
                {e.annotator ? ` (${e.annotator})` : ''}
              </li>
            ))}
          </ul>
        )}
      </details>
    </section>
  );
}
