/**
 * The import preview: per file its format, documents, spans, problems, whose annotations they are
 * (editable) and what happens to documents that already have spans under that name; the counts
 * come from the same plan the import follows, so preview and result agree.
 */
import { useMemo, useState } from 'react';
import { FORMATS, type FormatId } from '../../core/formats/index';
import { formatProblem } from '../../core/formats/problems';
import { goodRecords } from '../../core/formats/skip-bad';
import type { SpanlightDb } from '../db/database';
import { storeImport, type FileImportPlan, type ImportPlan } from '../db/import-store';
import { trackWrite, whenWritten } from '../db/pending-writes';
import { unknownLabels, type ParsedFile } from './parse-files';
import { defaultOwner, filesWithoutOwner, importSources, ownershipOf } from './import-sources';
import { useImportPlan } from './use-import-plan';

const MAX_PROBLEMS_SHOWN = 200;

/** Props of the preview. */
export interface ImportPreviewProps {
  db: SpanlightDb;
  /** The person importing (suggested, never assumed). */
  annotator: string;
  knownLabels: ReadonlySet<string>;
  /** Adds labels the files use to the project's schema. */
  onAddLabels?: (names: string[]) => Promise<void>;
  onClose: () => void;
  onImported: (summary: string) => void;
  parsed: ParsedFile[];
  /** The files are being read again with changed options; the preview shows the previous reading. */
  reading: boolean;
  /** The preview was read with other options than those shown (a re-read failed): it cannot be imported. */
  stale: boolean;
  format: FormatId | 'auto';
  setFormat: (format: FormatId | 'auto') => void;
  windows1252: boolean;
  setWindows1252: (on: boolean) => void;
  error: string | null;
  setError: (error: string | null) => void;
}

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/** What importing the file does to the stored annotations, in words. */
function effectOf(plan: FileImportPlan | undefined): string {
  if (!plan) return '…';
  const parts = [`${plural(plan.newDocuments, 'new document')}`];
  if (plan.existingDocuments) parts.push(`${plural(plan.existingDocuments, 'document')} already stored (same text), not duplicated`);
  if (plan.spans) parts.push(`${plural(plan.newSpans, 'span')} to add`);
  if (plan.setsWithSpans) {
    const done = plan.doneSetsWithSpans ? `, ${plan.doneSetsWithSpans} of them done` : '';
    parts.push(`${plural(plan.setsWithSpans, 'document')} already ${plan.setsWithSpans === 1 ? 'has' : 'have'} spans by ${plan.annotators.join(', ')}${done}: the new spans go beside them, statuses kept`);
  }
  if (plan.identicalSpans) parts.push(`${plural(plan.identicalSpans, 'identical span')} already there, skipped`);
  if (plan.tokensAdded) parts.push(`tokens added to ${plural(plan.tokensAdded, 'stored document')}`);
  return parts.join('; ');
}

/** The result message of an import. */
function summaryOf(plan: ImportPlan, badRecords: number): string {
  const who = [...new Set(plan.files.flatMap((f) => f.annotators))];
  return (
    `Imported ${plan.added} new document${plan.added === 1 ? '' : 's'}` +
    (plan.duplicates ? `; ${plan.duplicates} already present (same text), not duplicated` : '') +
    (plan.spans ? `; ${plan.spans} span(s) in ${plan.sets} annotation set(s) of ${who.join(', ')}` : '') +
    (plan.identical ? `; ${plan.identical} identical span(s) already there, skipped` : '') +
    (badRecords ? `; ${badRecords} bad record(s) skipped` : '') +
    '. To take it back: Backup & data… → Undo import.'
  );
}

/** The preview and its Import button. */
export function ImportPreview(props: ImportPreviewProps) {
  const { db, annotator, knownLabels, onAddLabels, onClose, onImported, parsed, reading, stale, format, setFormat, windows1252, setWindows1252, error, setError } = props;
  const [skipBad, setSkipBad] = useState(false);
  const [owners, setOwners] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const problems = parsed.flatMap((p) => p.problems);
  const errors = problems.filter((p) => p.severity === 'error');
  const good = useMemo(() => parsed.map((p) => goodRecords(p)), [parsed]);
  const goodDocuments = good.flatMap((g) => g.documents);
  const badRecords = good.reduce((n, g) => n + g.badRecords, 0);
  const goodSpans = goodDocuments.reduce((n, d) => n + d.sets.reduce((m, s) => m + s.spans.length, 0), 0);
  const unknown = unknownLabels(parsed, knownLabels);
  const notUtf8 = problems.some((p) => /UTF-8/.test(p.message));
  const ownerless = filesWithoutOwner(parsed, owners);
  const sources = useMemo(() => importSources(parsed, owners, skipBad), [parsed, owners, skipBad]);
  const { plan, error: planError } = useImportPlan(db, sources);
  const importable = sources.reduce((n, s) => n + s.documents.length, 0);
  const blocked = importable === 0 || (errors.length > 0 && !skipBad) || ownerless.length > 0 || !plan;

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      // Imported spans join stored sets: an edit still on its way to disk is stored first.
      await whenWritten();
      const stored = await trackWrite(storeImport(db, sources, { record: true }));
      onImported(summaryOf(stored, skipBad ? badRecords : 0));
    } catch (e) {
      setError(`Nothing was stored: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className="import-options">
        <label className="field">
          Format
          <select value={format} onChange={(e) => setFormat(e.target.value as FormatId | 'auto')}>
            <option value="auto">Detect from each file</option>
            {FORMATS.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <table className="import-preview" aria-label="Import preview">
        <thead>
          <tr>
            <th>File</th>
            <th>Format</th>
            <th>Documents</th>
            <th>Spans</th>
            <th>Problems</th>
            <th>Annotations of</th>
            <th>What happens</th>
          </tr>
        </thead>
        <tbody>
          {parsed.map((p) => {
            const ownership = ownershipOf(p);
            const filePlan = plan?.files.find((f) => f.file === p.name);
            return (
              <tr key={p.name}>
                <td>{p.name}</td>
                <td>{p.format ? FORMATS.find((f) => f.id === p.format)?.name : '—'}</td>
                <td>{p.documents.length}</td>
                <td>{p.documents.reduce((n, d) => n + d.sets.reduce((m, s) => m + s.spans.length, 0), 0)}</td>
                <td>{p.problems.length}</td>
                <td>
                  {ownership.annotated ? (
                    <OwnerField file={p.name} value={owners[p.name] ?? defaultOwner(p)} named={ownership.named} unnamed={ownership.unnamed} self={annotator} onChange={(v) => setOwners((o) => ({ ...o, [p.name]: v }))} />
                  ) : (
                    <span className="hint">no annotations</span>
                  )}
                </td>
                <td className="import-effect">{sources.some((s) => s.file === p.name) ? effectOf(filePlan) : 'nothing (errors)'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <datalist id="annotator-suggestions">
        <option value="gold" />
        <option value={annotator} />
      </datalist>
      <p>
        {errors.length > 0 && !skipBad
          ? `Nothing will be imported while ${errors.length} problem(s) are errors: fix the file(s), or skip the bad records to import the ${goodDocuments.length} good document(s) with ${goodSpans} span(s).`
          : `${importable} document(s), ${sources.reduce((n, s) => n + s.documents.reduce((m, d) => m + d.sets.reduce((k, t) => k + t.spans.length, 0), 0), 0)} span(s) ready to import.`}
        {plan && (errors.length === 0 || skipBad) && ` ${plural(plan.added, 'new document')}; ${plural(plan.spans, 'span')} to add${plan.identical ? `; ${plural(plan.identical, 'identical span')} already there, skipped` : ''}.`}
      </p>
      {ownerless.length > 0 && (
        <p className="form-error" role="alert">
          Say whose annotations are in {ownerless.join(', ')}: {ownerless.length === 1 ? 'it names' : 'they name'} no annotator.
        </p>
      )}
      {planError && (
        <p className="form-error" role="alert">
          {planError}
        </p>
      )}
      {unknown.size > 0 && (
        <p className="hint unknown-import-labels">
          Labels not in this project's schema (kept, shown in grey): {[...unknown].map(([l, n]) => `${l} (${n})`).join(', ')}.{' '}
          {onAddLabels && (
            <button type="button" onClick={() => onAddLabels([...unknown.keys()]).catch((e: unknown) => setError(`The labels were not added: ${e instanceof Error ? e.message : String(e)}`))}>
              Add {unknown.size === 1 ? 'it' : `these ${unknown.size}`} to the labels
            </button>
          )}
        </p>
      )}
      {problems.length > 0 && (
        <div className={errors.length ? 'form-error' : 'hint'} role={errors.length ? 'alert' : undefined} aria-label="Import problems">
          <ul className="problem-list">
            {problems.slice(0, MAX_PROBLEMS_SHOWN).map((p, i) => (
              <li key={i}>
                {p.severity === 'warning' ? 'Warning: ' : ''}
                {formatProblem(p)}
              </li>
            ))}
          </ul>
          {problems.length > MAX_PROBLEMS_SHOWN && <p>…and {problems.length - MAX_PROBLEMS_SHOWN} more.</p>}
        </div>
      )}
      {errors.length > 0 && (
        <label className="checkbox">
          <input type="checkbox" checked={skipBad} onChange={(e) => setSkipBad(e.target.checked)} /> Skip bad records and import the rest
          {skipBad && badRecords > 0 && ` (${plural(badRecords, 'bad record')} left out whole, documents included)`}
        </label>
      )}
      {(notUtf8 || windows1252) && (
        <label className="checkbox">
          <input type="checkbox" checked={windows1252} onChange={(e) => setWindows1252(e.target.checked)} /> Decode files that are not UTF-8 as Windows-1252
        </label>
      )}
      {reading && <progress aria-label="Reading files" />}
      {busy && <progress aria-label="Importing" />}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={blocked || busy || reading || stale} onClick={() => void run()}>
          Import
        </button>
      </div>
    </>
  );
}

interface OwnerFieldProps {
  file: string;
  value: string;
  named: string[];
  unnamed: number;
  self: string;
  onChange: (value: string) => void;
}

/** The annotator of one file's annotations, editable. */
function OwnerField({ file, value, named, unnamed, self, onChange }: OwnerFieldProps) {
  const note =
    unnamed > 0
      ? named.length > 0
        ? `for the annotations naming no one; those naming ${named.join(', ')} keep their names`
        : 'the file names no annotator: named after the file'
      : named.length > 1 && !value.trim()
        ? `as the file says: ${named.join(', ')}`
        : '';
  return (
    <span className="owner-field">
      <input aria-label={`Annotator for ${file}`} value={value} placeholder={named.length > 1 ? 'as in the file' : 'annotator name'} list="annotator-suggestions" onChange={(e) => onChange(e.target.value)} />
      {note && <span className="hint">{note}</span>}
      {value.trim() === self && <span className="hint">into your own annotations</span>}
    </span>
  );
}
