/**
 * Under the document list: the whole title of the document in focus (or the open one) and each
 * annotator's work on it — status, span count and spans per label, in the project's label colours.
 */
import type { LabelDef } from '../../core/model';
import type { DocumentRow } from '../db/database';
import { STATUS_NAMES } from './status-names';
import { annotatorsInOrder, labelCountsInOrder, type DocSummaries } from './team';

/** Props of the details. */
export interface DocumentDetailsProps {
  doc: DocumentRow | null;
  summaries: DocSummaries | undefined;
  self: string;
  labels: readonly LabelDef[];
  /** Whether the document has disagreements, when known. */
  disputed: boolean | null;
}

const UNKNOWN_COLOR = '#8a8f98';

/** The details section. */
export function DocumentDetails({ doc, summaries, self, labels, disputed }: DocumentDetailsProps) {
  if (!doc) return null;
  const names = annotatorsInOrder(summaries, self);
  return (
    // Focusable: on a small window it scrolls, and a keyboard user must be able to scroll it.
    <section className="doc-details" aria-label="Document details" tabIndex={0}>
      <p className="doc-details-title">{doc.title}</p>
      {names.length === 0 ? (
        <p className="hint">Nobody has annotated this document yet.</p>
      ) : (
        <dl className="doc-details-list">
          {names.map((name) => {
            const s = summaries!.get(name)!;
            return (
              <div key={name}>
                <dt className="doc-details-who">
                  {name}
                  {name === self ? ' (you)' : ''}
                </dt>
                <dd>
                  <span className={`status-badge status-${s.status}`}>{STATUS_NAMES[s.status]}</span> {s.spans} {s.spans === 1 ? 'span' : 'spans'}
                  {s.spans > 0 && (
                    <span className="label-counts">
                      {labelCountsInOrder(s.labels, labels).map(([label, n, color]) => (
                        <span key={label} className="label-count" title={color ? undefined : `${label} is not one of the project’s labels`}>
                          <span className="label-swatch" style={{ background: color ?? UNKNOWN_COLOR }} aria-hidden="true" />
                          {label}
                          {color ? null : (
                            <>
                              <span aria-hidden="true">?</span>
                              <span className="visually-hidden"> (not a project label)</span>
                            </>
                          )}{' '}
                          {n}
                        </span>
                      ))}
                    </span>
                  )}
                  {s.note && <span className="doc-details-note">Flag note: {s.note}</span>}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
      {disputed !== null && <p className="doc-details-verdict">{disputed ? 'The annotators’ done versions differ.' : 'No disagreement between done versions.'}</p>}
    </section>
  );
}
