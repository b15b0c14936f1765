/** Documents ranked by disagreement (disputed units), each opening in the comparison. */
import { useState } from 'react';
import type { AgreementReport } from '../../../core/agreement/types';
import type { LeadFocus } from '../views';

/** Props of the ranking. */
export interface DisagreementRankingProps {
  report: AgreementReport;
  titles: ReadonlyMap<string, string>;
  onOpen: (focus: LeadFocus) => void;
}

const PAGE = 20;

/** An ordered list, most disputed first. */
export function DisagreementRanking({ report, titles, onOpen }: DisagreementRankingProps) {
  const [shown, setShown] = useState(PAGE);
  const disputed = report.disagreements.filter((d) => d.score > 0);
  const agreedDocs = report.disagreements.length - disputed.length;
  return (
    <section className="lead-card" aria-labelledby="ranking-title">
      <h2 id="ranking-title">Documents by disagreement</h2>
      <p className="card-caption">
        A unit is a group of overlapping spans (any annotator’s); it is disputed unless every annotator of the document made exactly the same spans there. {disputed.length} of {report.disagreements.length} compared documents have disputed units
        {agreedDocs > 0 ? `; ${agreedDocs} have none` : ''}.
      </p>
      <ol className="ranking">
        {disputed.slice(0, shown).map((d) => {
          const title = d.name ?? titles.get(d.docId) ?? d.docId;
          return (
            <li key={d.docId}>
              <button type="button" className="ranking-row" onClick={() => onOpen({ docId: d.docId, annotators: report.annotators })} aria-label={`${title}: ${d.score} disputed, ${d.agreed} agreed units. Adjudicate`}>
                <span className="ranking-score" aria-hidden="true">
                  {d.score}
                </span>
                <span className="ranking-title">{title}</span>
                <span className="ranking-meta" aria-hidden="true">
                  {d.score} disputed · {d.agreed} agreed · {d.annotators.join(', ')}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      {shown < disputed.length && (
        <button type="button" className="show-more" onClick={() => setShown((n) => n + PAGE)}>
          Show more documents ({disputed.length - shown} left)
        </button>
      )}
    </section>
  );
}
