/**
 * The agreement view: choose annotators and units, read the pair matrix, the per-label figures,
 * the confusion heat map and the documents ranked by disagreement; every figure opens the spans
 * behind it. Computed in the agreement worker, with progress; the window never waits on it.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AgreementUnit } from '../../../core/agreement/types';
import type { AgreementReport, AgreementProgress } from '../../../core/agreement/types';
import type { PairDetails } from '../../../core/agreement/pair-details';
import type { LabelDef } from '../../../core/model';
import { agreementClient } from '../agreement-service';
import { countedStatuses, defaultAnnotators } from '../corpus';
import type { LeadCorpusState } from '../use-lead-corpus';
import type { LeadFocus } from '../views';
import { AnnotatorPicker } from '../shared/AnnotatorPicker';
import { SpanDrillDown } from '../shared/SpanDrillDown';
import { confusionCell, drillRows, labelPairings, pairDisagreements, type Drill } from '../shared/drill';
import { AgreementSummary } from './AgreementSummary';
import { PairMatrix, findPair, type PairMetric } from './PairMatrix';
import { LabelTable } from './LabelTable';
import { ConfusionHeatMap } from './ConfusionHeatMap';
import { DisagreementRanking } from './DisagreementRanking';
import { LeadProgress } from '../shared/LeadProgress';
import { ViewHeading } from '../shared/ViewHeading';

/** Props of the agreement view. */
export interface AgreementViewProps {
  corpus: LeadCorpusState;
  labels: readonly LabelDef[];
  onOpen: (focus: LeadFocus) => void;
}

/** Whose confusion the heat map shows: a pair, one annotator against the rest, or every pair summed. */
type ConfusionSource = { kind: 'pair'; a: string; b: string } | { kind: 'rest'; annotator: string } | { kind: 'all' };

const sourceKey = (s: ConfusionSource) => (s.kind === 'pair' ? `pair\u0000${s.a}\u0000${s.b}` : s.kind === 'rest' ? `rest\u0000${s.annotator}` : 'all');

/** The agreement view. */
export function AgreementView({ corpus: state, labels, onOpen }: AgreementViewProps) {
  const corpus = state.corpus;
  const [includeUnfinished, setIncludeUnfinished] = useState(false);
  const [picked, setPicked] = useState<string[] | null>(null);
  const [unit, setUnit] = useState<AgreementUnit>('token');
  const [metric, setMetric] = useState<PairMetric>('exact');
  const [report, setReport] = useState<AgreementReport | null>(null);
  const [progress, setProgress] = useState<AgreementProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pair, setPair] = useState<{ a: string; b: string } | null>(null);
  const [source, setSource] = useState<ConfusionSource | null>(null);
  const [cell, setCell] = useState<{ row: string; column: string } | null>(null);
  const [drill, setDrill] = useState<Drill | null>(null);
  const run = useRef(0);
  const details = useRef(new Map<string, Promise<PairDetails>>());

  const chosen = useMemo(() => picked ?? (corpus ? defaultAnnotators(corpus.annotators, includeUnfinished) : []), [picked, corpus, includeUnfinished]);
  const chosenKey = chosen.join('\u0000');
  const labelNames = useMemo(() => labels.map((l) => l.name), [labels]);
  const statuses = useMemo(() => countedStatuses(includeUnfinished), [includeUnfinished]);

  useEffect(() => {
    details.current = new Map();
    setDrill(null);
    setCell(null);
    if (!corpus || chosen.length < 2) {
      setReport(null);
      return;
    }
    const mine = ++run.current;
    setError(null);
    setProgress({ done: 0, total: corpus.documents.length });
    agreementClient()
      .agreement({ annotators: chosen, unit, labels: labelNames, statuses }, (p) => mine === run.current && setProgress(p))
      .then(
        (r) => {
          if (mine !== run.current) return;
          setReport(r);
          setProgress(null);
          const first = r.pairs[0];
          setPair((p) => (p && findPair(r, p.a, p.b) ? p : first ? { a: first.a, b: first.b } : null));
          setSource((s) => (s && (s.kind === 'all' || (s.kind === 'rest' ? r.annotators.includes(s.annotator) : findPair(r, s.a, s.b))) ? s : first ? { kind: 'pair', a: first.a, b: first.b } : null));
        },
        (e: unknown) => {
          if (mine !== run.current) return;
          setProgress(null);
          setError(`Could not compute agreement: ${e instanceof Error ? e.message : String(e)}`);
        },
      );
    // chosenKey stands for chosen (a new array each render).
  }, [corpus, chosenKey, unit, labelNames, statuses]);

  const detailsOf = useCallback(
    (a: string, b: string) => {
      const key = `${a}\u0000${b}`;
      let found = details.current.get(key);
      if (!found) details.current.set(key, (found = agreementClient().pairDetails({ a, b, statuses, labels: labelNames })));
      return found;
    },
    [statuses, labelNames],
  );

  const showDrill = useCallback(
    (make: () => Promise<Drill>) => {
      make().then(setDrill, (e: unknown) => setError(`Could not list the spans: ${e instanceof Error ? e.message : String(e)}`));
    },
    [],
  );

  const onPair = (a: string, b: string) => {
    const p = report && findPair(report, a, b);
    if (!p) return;
    setPair({ a: p.a, b: p.b });
    setSource({ kind: 'pair', a: p.a, b: p.b });
    setCell(null);
    showDrill(async () => ({
      title: `Where ${p.a} and ${p.b} differ`,
      caption: `Spans at the same boundaries with different labels, or with nothing at the other’s boundaries: what lowers their exact F1 (over ${p.documents} documents both finished).`,
      rows: drillRows(pairDisagreements((await detailsOf(p.a, p.b)).boundaries), p.a, p.b),
    }));
  };

  const onLabel = (label: string) => {
    if (!pair) return;
    showDrill(async () => ({
      title: `${label}: ${pair.a} and ${pair.b}`,
      caption: `Overlap matching of ${label} (same label, overlapping, one to one): spans left unmatched first, then the matched pairs.`,
      rows: drillRows(labelPairings((await detailsOf(pair.a, pair.b)).overlap, label), pair.a, pair.b),
    }));
  };

  const onCell = (row: string, column: string) => {
    if (!report || !source) return;
    setCell({ row, column });
    const pairs: [string, string][] =
      source.kind === 'pair'
        ? [[source.a, source.b]]
        : source.kind === 'rest'
          ? report.annotators.filter((n) => n !== source.annotator).map((n) => [source.annotator, n])
          : report.pairs.map((p) => [p.a, p.b]);
    showDrill(async () => {
      const rows = (await Promise.all(pairs.map(async ([a, b]) => drillRows(confusionCell((await detailsOf(a, b)).boundaries, row, column), a, b)))).flat();
      return {
        title: `${row} → ${column}`,
        caption: `Spans labelled ${row === 'none' ? '(no span)' : row} on the rows’ side and ${column === 'none' ? '(no span)' : column} on the columns’ side, at identical boundaries.`,
        rows,
      };
    });
  };

  const matrix = report && source ? (source.kind === 'pair' ? findPair(report, source.a, source.b)?.confusion : source.kind === 'rest' ? report.oneVsRest[source.annotator] : report.confusion) : undefined;
  const selectedPair = report && pair ? findPair(report, pair.a, pair.b) : undefined;

  return (
    <div className="lead-view">
      <div className="lead-scroll">
        <header className="lead-header">
          <ViewHeading>Agreement</ViewHeading>
          {corpus && (
            <div className="lead-controls">
              <AnnotatorPicker legend="Annotators to compare" annotators={corpus.annotators} chosen={chosen} onChange={setPicked} includeUnfinished={includeUnfinished} />
              <div className="lead-options">
                <label>
                  κ and α units{' '}
                  <select value={unit} onChange={(e) => setUnit(e.target.value as AgreementUnit)}>
                    <option value="token">tokens</option>
                    <option value="char">characters</option>
                  </select>
                </label>
                <label className="checkbox">
                  <input type="checkbox" checked={includeUnfinished} onChange={(e) => setIncludeUnfinished(e.target.checked)} /> Count unfinished sets too (in progress, flagged, skipped)
                </label>
                <p className="hint">{includeUnfinished ? 'Unfinished sets count as they are: a document still being tagged reads as “no spans here”.' : 'Only sets marked done count: an unfinished set would read as “no spans here”.'}</p>
              </div>
            </div>
          )}
        </header>
        <LeadProgress loading={state.loading} progress={progress} error={error ?? state.error} what="Computing agreement" />
        {corpus && chosen.length < 2 && <p className="empty">Choose two or more annotators to compare.</p>}
        {report && (
          <div className="agreement-grid">
            <AgreementSummary report={report} />
            <PairMatrix report={report} metric={metric} onMetric={setMetric} selected={pair} onPair={onPair} />
            <section className="lead-card" aria-labelledby="confusion-title">
              <div className="card-head">
                <h2 id="confusion-title">Label confusion</h2>
                <label>
                  Of{' '}
                  <select
                    value={source ? sourceKey(source) : ''}
                    onChange={(e) => {
                      const [kind, x, y] = e.target.value.split('\u0000');
                      setCell(null);
                      setSource(kind === 'pair' ? { kind, a: x!, b: y! } : kind === 'rest' ? { kind, annotator: x! } : { kind: 'all' });
                    }}
                  >
                    {report.pairs.map((p) => (
                      <option key={`${p.a}-${p.b}`} value={sourceKey({ kind: 'pair', a: p.a, b: p.b })}>
                        {p.a} × {p.b}
                      </option>
                    ))}
                    {report.annotators.map((n) => (
                      <option key={n} value={sourceKey({ kind: 'rest', annotator: n })}>
                        {n} against the rest
                      </option>
                    ))}
                    <option value="all">every pair, summed</option>
                  </select>
                </label>
              </div>
              {matrix && source && (
                <ConfusionHeatMap
                  matrix={matrix}
                  rows={source.kind === 'pair' ? source.a : source.kind === 'rest' ? source.annotator : 'first of each pair'}
                  columns={source.kind === 'pair' ? source.b : source.kind === 'rest' ? 'the others' : 'second of each pair'}
                  selected={cell}
                  onCell={onCell}
                />
              )}
            </section>
            {selectedPair && (
              <section className="lead-card wide-card" aria-labelledby="labels-title">
                <div className="card-head">
                  <h2 id="labels-title">By label</h2>
                  <label>
                    Pair{' '}
                    <select value={`${selectedPair.a}\u0000${selectedPair.b}`} onChange={(e) => {
                      const [a, b] = e.target.value.split('\u0000');
                      setPair({ a: a!, b: b! });
                    }}>
                      {report.pairs.map((p) => (
                        <option key={`${p.a}-${p.b}`} value={`${p.a}\u0000${p.b}`}>
                          {p.a} × {p.b}
                        </option>
                      ))}
                    </select>
                  </label>
                </div>
                <LabelTable report={report} pair={selectedPair} onLabel={onLabel} />
              </section>
            )}
            <DisagreementRanking report={report} titles={corpus!.titles} onOpen={onOpen} />
          </div>
        )}
      </div>
      {drill && corpus && <SpanDrillDown drill={drill} texts={corpus.texts} titles={corpus.titles} labels={labels} onOpen={onOpen} onClose={() => (setDrill(null), setCell(null))} />}
    </div>
  );
}
