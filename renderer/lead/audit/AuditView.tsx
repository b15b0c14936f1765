/**
 * The audit view: a reference (gold) against a model's predictions or any annotator — precision,
 * recall and F1 per label, the audit classes, every error in context — exported as JSON and CSV.
 * Against a person it reads as feedback: what they missed, added, labelled differently.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AuditClass, AuditReport } from '../../../core/agreement/index';
import type { AgreementUnit } from '../../../core/agreement/types';
import { GOLD_ANNOTATOR, type LabelDef } from '../../../core/model';
import { bridge } from '../../platform/bridge';
import { agreementClient } from '../agreement-service';
import type { LeadCorpusState } from '../use-lead-corpus';
import type { LeadFocus } from '../views';
import { LeadProgress } from '../shared/LeadProgress';
import { ViewHeading } from '../shared/ViewHeading';
import { formatFigure } from '../shared/figures';
import { auditErrorsCsv, auditReportJson, auditScoresCsv } from './audit-export';
import { ClassBars } from './ClassBars';
import { ScoresTable } from './ScoresTable';
import { ErrorBrowser } from './ErrorBrowser';

/** Props of the audit view. */
export interface AuditViewProps {
  corpus: LeadCorpusState;
  labels: readonly LabelDef[];
  self: string;
  onOpen: (focus: LeadFocus) => void;
  onMessage: (message: string, kind?: 'error' | 'info') => void;
}

const fileSafe = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '-');

/** The view. */
export function AuditView({ corpus: state, labels, self, onOpen, onMessage }: AuditViewProps) {
  const corpus = state.corpus;
  const names = useMemo(() => corpus?.annotators.map((a) => a.name) ?? [], [corpus]);
  const [gold, setGold] = useState<string | null>(null);
  const [pred, setPred] = useState<string | null>(null);
  const [unit, setUnit] = useState<AgreementUnit>('token');
  const [report, setReport] = useState<AuditReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [classFilter, setClassFilter] = useState<AuditClass | 'all'>('all');
  const [labelFilter, setLabelFilter] = useState('');
  const run = useRef(0);

  const reference = gold ?? (names.includes(GOLD_ANNOTATOR) ? GOLD_ANNOTATOR : (names[0] ?? null));
  const compared = pred ?? names.find((n) => n.startsWith('model:')) ?? (names.includes(self) && self !== reference ? self : names.find((n) => n !== reference)) ?? null;
  const labelNames = useMemo(() => labels.map((l) => l.name), [labels]);
  const feedback = !!compared && !compared.startsWith('model:');

  useEffect(() => {
    if (!corpus || !reference || !compared || reference === compared) return setReport(null);
    const mine = ++run.current;
    setBusy(true);
    setError(null);
    // Against a person both sides count when done; a model's predictions count whatever their status.
    agreementClient()
      .audit({ gold: reference, pred: compared, unit, labels: labelNames, ...(feedback ? { predStatuses: ['done'] } : {}) })
      .then(
        (r) => mine === run.current && (setReport(r), setBusy(false)),
        (e: unknown) => mine === run.current && (setBusy(false), setError(`Could not audit: ${e instanceof Error ? e.message : String(e)}`)),
      );
  }, [corpus, reference, compared, unit, labelNames, feedback]);

  const save = async (name: string, content: string, kind: 'json' | 'csv') => {
    try {
      const result = await bridge.saveFile({ suggestedName: name, content, filters: [{ name: kind.toUpperCase(), extensions: [kind] }] });
      if (result.saved) onMessage(`Saved the audit to ${result.location ?? name}.`, 'info');
    } catch (e) {
      onMessage(`Could not save the audit: ${e instanceof Error ? e.message : String(e)}`, 'error');
    }
  };
  const base = report ? `audit-${fileSafe(report.gold)}-vs-${fileSafe(report.pred)}` : 'audit';

  const select = (id: string, value: string | null, onChange: (v: string) => void) => (
    <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
      {names.map((n) => (
        <option key={n} value={n}>
          {n}
        </option>
      ))}
    </select>
  );

  return (
    <div className="lead-view">
      <div className="lead-scroll">
        <header className="lead-header">
          <ViewHeading>Audit</ViewHeading>
          {corpus && (
            <div className="lead-options row">
              <label htmlFor="audit-gold">Reference</label>
              {select('audit-gold', reference, setGold)}
              <label htmlFor="audit-pred">against</label>
              {select('audit-pred', compared, setPred)}
              <label>
                Accuracy units{' '}
                <select value={unit} onChange={(e) => setUnit(e.target.value as AgreementUnit)}>
                  <option value="token">tokens</option>
                  <option value="char">characters</option>
                </select>
              </label>
              {names.includes(GOLD_ANNOTATOR) && names.includes(self) && self !== GOLD_ANNOTATOR && (reference !== GOLD_ANNOTATOR || compared !== self) && (
                <button type="button" onClick={() => (setGold(GOLD_ANNOTATOR), setPred(self))}>
                  Your spans against gold
                </button>
              )}
              {report && (
                <span className="export-buttons" role="group" aria-label="Export the report">
                  <button type="button" onClick={() => void save(`${base}.json`, auditReportJson(report, corpus.texts), 'json')}>
                    Export JSON
                  </button>
                  <button type="button" onClick={() => void save(`${base}-scores.csv`, auditScoresCsv(report), 'csv')}>
                    Scores CSV
                  </button>
                  <button type="button" onClick={() => void save(`${base}-errors.csv`, auditErrorsCsv(report, corpus.texts, corpus.titles), 'csv')}>
                    Errors CSV
                  </button>
                </span>
              )}
            </div>
          )}
        </header>
        <LeadProgress loading={state.loading ?? (busy ? 'Auditing…' : null)} progress={null} error={error ?? state.error} what="Auditing" />
        {corpus && reference === compared && <p className="empty">Choose two different annotators.</p>}
        {corpus && names.length < 2 && <p className="empty">An audit needs two annotators’ sets: import gold and a model’s predictions (annotator model:NAME), or adjudicate.</p>}
        {report && corpus && (
          <div className="agreement-grid">
            <section className="lead-card" aria-labelledby="audit-summary-title">
              <h2 id="audit-summary-title">{feedback ? `${report.pred}’s spans against ${report.gold}` : `${report.pred} against ${report.gold}`}</h2>
              <p className="card-caption">
                {report.documents} document(s) have both sets ({report.gold}: finished sets; {report.pred}: {feedback ? 'finished sets' : 'any status'}).
                {report.excluded.length > 0 && ` Left out: ${report.excluded.map((e) => `${e.count} × ${e.reason}${e.annotator ? ` (${e.annotator})` : ''}`).join('; ')}.`}
              </p>
              <dl className="figures">
                <div className="figure">
                  <dt>F1 exact</dt>
                  <dd>
                    <span className="figure-value">{formatFigure(report.exact.f1)}</span>
                    <span className="figure-over">
                      P {formatFigure(report.exact.precision)} · R {formatFigure(report.exact.recall)} · {report.exact.tp} of {report.exact.aCount} reference spans, {report.exact.bCount} compared
                    </span>
                  </dd>
                </div>
                <div className="figure">
                  <dt>F1 overlap</dt>
                  <dd>
                    <span className="figure-value">{formatFigure(report.overlap.f1)}</span>
                    <span className="figure-over">
                      P {formatFigure(report.overlap.precision)} · R {formatFigure(report.overlap.recall)} · {report.overlap.tp} matched
                    </span>
                  </dd>
                </div>
                <div className="figure">
                  <dt>Accuracy</dt>
                  <dd>
                    <span className="figure-value">{formatFigure(report.tokens.accuracy)}</span>
                    <span className="figure-over">
                      {report.tokens.correct.toLocaleString('en')} of {report.tokens.units.toLocaleString('en')} {report.unit === 'token' ? 'tokens' : 'characters'} with the same labels (or none)
                    </span>
                  </dd>
                </div>
              </dl>
            </section>
            <section className="lead-card" aria-labelledby="classes-title">
              <h2 id="classes-title">{feedback ? 'Feedback' : 'Audit classes'}</h2>
              <p className="card-caption">Every reference span and every compared span is in exactly one class (one-to-one matching, the same whatever order the files come in). A class filters the list below.</p>
              <ClassBars report={report} feedback={feedback} selected={classFilter} onSelect={setClassFilter} />
            </section>
            <section className="lead-card wide-card" aria-labelledby="scores-title">
              <h2 id="scores-title">By label</h2>
              <ScoresTable report={report} onLabel={(l) => (setLabelFilter(l), setClassFilter('all'))} />
            </section>
            <ErrorBrowser report={report} texts={corpus.texts} titles={corpus.titles} labels={labels} feedback={feedback} classFilter={classFilter} labelFilter={labelFilter} onClassFilter={setClassFilter} onLabelFilter={setLabelFilter} onOpen={onOpen} />
          </div>
        )}
      </div>
    </div>
  );
}
