/** The audit classes as bars (count and share of rows), each a button that filters the error list. */
import { AUDIT_CLASSES, type AuditClass, type AuditReport } from '../../../core/agreement/index';
import { CLASS_NAMES } from './class-names';

/** Props of the bars. */
export interface ClassBarsProps {
  report: AuditReport;
  /** Name the classes as feedback to an annotator. */
  feedback: boolean;
  selected: AuditClass | 'all';
  onSelect: (c: AuditClass | 'all') => void;
}

/** A list of labelled bars. */
export function ClassBars({ report, feedback, selected, onSelect }: ClassBarsProps) {
  const max = Math.max(1, ...AUDIT_CLASSES.map((c) => report.classes[c]));
  return (
    <ul className="class-bars">
      {AUDIT_CLASSES.map((c) => {
        const n = report.classes[c];
        const names = CLASS_NAMES[c];
        const title = feedback ? names.feedback : names.name;
        return (
          <li key={c}>
            <button
              type="button"
              className={`class-bar class-${c}`}
              aria-pressed={selected === c}
              disabled={c === 'correct'}
              onClick={() => onSelect(selected === c ? 'all' : c)}
            >
              <span className="class-name">{title}</span>
              <span className="class-track" aria-hidden="true">
                <span className="class-fill" style={{ width: `${(100 * n) / max}%` }} />
              </span>
              <span className="class-count">{n}</span>
              <span className="class-meaning">
                {names.meaning}
                {c !== 'correct' && <span className="visually-hidden">; show only these</span>}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
