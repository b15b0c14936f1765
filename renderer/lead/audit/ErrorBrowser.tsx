/** Every error of the audit in its sentence, filterable by class and label, each opening its document at the error. */
import { useEffect, useState } from 'react';
import { AUDIT_CLASSES, type AuditClass, type AuditReport, type AuditRow } from '../../../core/agreement/index';
import type { LabelDef } from '../../../core/model';
import { SpanInContext } from '../shared/SpanInContext';
import type { LeadFocus } from '../views';
import { CLASS_NAMES } from './class-names';

/** Props of the error browser. */
export interface ErrorBrowserProps {
  report: AuditReport;
  texts: ReadonlyMap<string, string>;
  titles: ReadonlyMap<string, string>;
  labels: readonly LabelDef[];
  feedback: boolean;
  classFilter: AuditClass | 'all';
  labelFilter: string;
  onClassFilter: (c: AuditClass | 'all') => void;
  onLabelFilter: (label: string) => void;
  onOpen: (focus: LeadFocus) => void;
}

const PAGE = 50;

/** The label an error is filed under: the reference span's, or the compared one's for an added span. */
export function errorLabel(row: AuditRow): string {
  return (row.gold ?? row.pred)!.label;
}

/** Errors matching the filters, in the report's order (document, then text order). */
export function filterErrors(errors: readonly AuditRow[], classFilter: AuditClass | 'all', labelFilter: string): AuditRow[] {
  return errors.filter((e) => (classFilter === 'all' || e.class === classFilter) && (labelFilter === '' || errorLabel(e) === labelFilter || e.pred?.label === labelFilter));
}

/** The browser. */
export function ErrorBrowser({ report, texts, titles, labels, feedback, classFilter, labelFilter, onClassFilter, onLabelFilter, onOpen }: ErrorBrowserProps) {
  const [shown, setShown] = useState(PAGE);
  useEffect(() => setShown(PAGE), [report, classFilter, labelFilter]);
  const rows = filterErrors(report.errors, classFilter, labelFilter);
  const name = (c: AuditClass) => (feedback ? CLASS_NAMES[c].feedback : CLASS_NAMES[c].name);
  return (
    <section className="lead-card wide-card" aria-labelledby="errors-title">
      <div className="card-head">
        <h2 id="errors-title">
          {feedback ? `Where ${report.pred} differs from ${report.gold}` : 'Errors'} <span className="count">({rows.length} of {report.errors.length})</span>
        </h2>
        <label>
          Class{' '}
          <select value={classFilter} onChange={(e) => onClassFilter(e.target.value as AuditClass | 'all')}>
            <option value="all">every class</option>
            {AUDIT_CLASSES.filter((c) => c !== 'correct').map((c) => (
              <option key={c} value={c}>
                {name(c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Label{' '}
          <select value={labelFilter} onChange={(e) => onLabelFilter(e.target.value)}>
            <option value="">every label</option>
            {report.labels.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
      </div>
      {rows.length === 0 ? (
        <p className="empty">{report.errors.length === 0 ? 'No error: every span matches exactly.' : 'No error of this class and label.'}</p>
      ) : (
        <ol className="error-rows">
          {rows.slice(0, shown).map((e, i) => {
            const text = texts.get(e.docId) ?? '';
            const spans = [e.gold, e.pred].filter((s) => s !== null);
            const start = Math.min(...spans.map((s) => s.start));
            const end = Math.max(...spans.map((s) => s.end));
            const title = e.name ?? titles.get(e.docId) ?? e.docId;
            return (
              <li key={i} className="error-row">
                <div className="drill-row-head">
                  <span className={`class-badge class-${e.class}`}>{name(e.class)}</span>
                  {e.shared && <span className="hint">{e.shared === 'pred' ? `one ${report.pred} span covers several` : `split over several ${report.pred} spans`}</span>}
                  <span className="drill-doc" title={title}>
                    {title}
                  </span>
                  <button type="button" onClick={() => onOpen({ docId: e.docId, start, end, annotators: [report.gold, report.pred] })} aria-label={`Open ${title} at “${text.slice(start, end)}”`}>
                    Open
                  </button>
                </div>
                <SpanInContext text={text} start={start} end={end} span={e.gold} who={report.gold} labels={labels} />
                <SpanInContext text={text} start={start} end={end} span={e.pred} who={report.pred} labels={labels} />
              </li>
            );
          })}
        </ol>
      )}
      {shown < rows.length && (
        <button type="button" className="show-more" onClick={() => setShown((n) => n + PAGE)}>
          Show {Math.min(PAGE, rows.length - shown)} more of {rows.length - shown}
        </button>
      )}
    </section>
  );
}
