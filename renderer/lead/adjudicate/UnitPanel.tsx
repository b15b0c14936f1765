/**
 * The current disagreement unit: each annotator's spans there (numbered, as the keys that take
 * them), what gold holds now, and the resolutions: take one annotator's spans, take every span,
 * drop, edit by hand, or accept an agreed unit.
 */
import type { AdjudicationUnit, Resolution } from '../../../core/adjudication/index';
import type { LabelDef, Span } from '../../../core/model';
import { SpanInContext } from '../shared/SpanInContext';
import { EditForm } from './EditForm';

/** Props of the unit panel. */
export interface UnitPanelProps {
  unit: AdjudicationUnit;
  text: string;
  labels: readonly LabelDef[];
  /** The compared annotators, in key order (1 takes the first). */
  annotators: readonly string[];
  /** Annotators with a counted set on this document. */
  present: ReadonlySet<string>;
  /** Gold spans overlapping the unit now. */
  gold: readonly Span[];
  editing: boolean;
  editSeed: { start: number; end: number } | null;
  onEdit: (open: boolean) => void;
  onResolve: (resolution: Resolution) => void;
}

const KIND_NAMES: Record<AdjudicationUnit['kind'], string> = {
  agreed: 'everyone made the same spans',
  label: 'same boundaries, different labels',
  boundaries: 'same label, different boundaries',
  missing: 'not everyone made a span here',
  mixed: 'different boundaries and labels',
};

/** The panel. */
export function UnitPanel({ unit, text, labels, annotators, present, gold, editing, editSeed, onEdit, onResolve }: UnitPanelProps) {
  return (
    <section className="unit-panel" aria-labelledby="unit-title">
      <h2 id="unit-title">
        «{text.slice(unit.start, unit.end).replace(/\s+/g, ' ')}» <span className="unit-kind">{KIND_NAMES[unit.kind]}</span>
      </h2>
      <table className="unit-lanes">
        <caption className="visually-hidden">Each annotator’s spans in this disagreement, and gold</caption>
        <tbody>
          {annotators.map((name, i) => {
            const spans = unit.spans.filter((s) => s.annotator === name).map((s) => s.span);
            return (
              <tr key={name}>
                <th scope="row">
                  <kbd aria-hidden="true">{i + 1}</kbd> {name}
                </th>
                <td>
                  {!present.has(name) ? (
                    <span className="hint">did not finish this document</span>
                  ) : spans.length === 0 ? (
                    <SpanInContext text={text} start={unit.start} end={unit.end} span={null} who={null} labels={labels} context={25} />
                  ) : (
                    spans.map((s) => <SpanInContext key={s.id} text={text} start={unit.start} end={unit.end} span={s} who={null} labels={labels} context={25} />)
                  )}
                </td>
                <td>
                  {present.has(name) && (
                    <button type="button" onClick={() => onResolve({ kind: 'take', annotator: name })} aria-keyshortcuts={String(i + 1)}>
                      Take {name}’s{spans.length === 0 ? ' (no span)' : ''}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
          <tr className="gold-lane">
            <th scope="row">gold</th>
            <td colSpan={2}>
              {gold.length === 0 ? (
                <span className="hint">{unit.resolved ? 'dropped: no span here' : 'not decided yet'}</span>
              ) : (
                gold.map((s) => <SpanInContext key={s.id} text={text} start={unit.start} end={unit.end} span={s} who={null} labels={labels} context={25} />)
              )}
              {gold.length > 0 && gold[0]!.origin && <span className="origin-note"> — {describeOrigin(gold[0]!)}</span>}
            </td>
          </tr>
        </tbody>
      </table>
      <div className="unit-actions">
        {unit.agreed && (
          <button type="button" className="primary" onClick={() => onResolve({ kind: 'agreed' })}>
            Accept
          </button>
        )}
        <button type="button" onClick={() => onResolve({ kind: 'all' })} aria-keyshortcuts="B">
          Take every span <kbd aria-hidden="true">B</kbd>
        </button>
        <button type="button" onClick={() => onResolve({ kind: 'drop' })} aria-keyshortcuts="X">
          Drop <kbd aria-hidden="true">X</kbd>
        </button>
        <button type="button" aria-expanded={editing} onClick={() => onEdit(!editing)} aria-keyshortcuts="E">
          Edit… <kbd aria-hidden="true">E</kbd>
        </button>
      </div>
      {editing && <EditForm key={`${unit.docId}:${unit.key}:${editSeed?.start}-${editSeed?.end}`} unit={unit} text={text} labels={labels} seed={editSeed} onApply={(s) => onResolve({ kind: 'edit', ...s })} onCancel={() => onEdit(false)} />}
    </section>
  );
}

/** Where a gold span came from, in words. */
export function describeOrigin(span: Span): string {
  const o = span.origin;
  if (!o) return 'added by hand';
  const who = o.annotators.join(', ');
  switch (o.resolution) {
    case 'agreed':
      return `agreed by ${who}`;
    case 'chosen':
      return `${o.annotators[0]}’s span${o.annotators.length > 1 ? ` (also ${o.annotators.slice(1).join(', ')})` : ''}`;
    case 'both':
      return `one of every span, from ${who}`;
    case 'edited':
      return who ? `edited from ${who}` : 'added by hand';
  }
}
