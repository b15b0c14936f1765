/** Import preview: detected format, counts and every problem per file, who the annotations belong to; nothing is stored until Import. */
import { useEffect, useState } from 'react';
import { FORMATS, type FormatId } from '../../core/formats/index';
import { formatProblem } from '../../core/formats/problems';
import type { PickedFile } from '../../electron/bridge-contract';
import type { SpanlightDb } from '../db/database';
import { importAnnotated } from '../db/import-store';
import { trackWrite, whenWritten } from '../db/pending-writes';
import { Modal } from '../shell/Modal';
import { runFormatJob } from '../workers/format-client';
import { unknownLabels, type ParsedFile } from './parse-files';

/** Props of the import dialog. */
export interface ImportDialogProps {
  db: SpanlightDb;
  files: PickedFile[];
  annotator: string;
  knownLabels: ReadonlySet<string>;
  onClose: () => void;
  onImported: (summary: string) => void;
}

const MAX_PROBLEMS_SHOWN = 200;

/** Modal that reads the files in the format worker, previews the import and stores it in one transaction. */
export function ImportDialog({ db, files, annotator, knownLabels, onClose, onImported }: ImportDialogProps) {
  const [format, setFormat] = useState<FormatId | 'auto'>('auto');
  const [windows1252, setWindows1252] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const [parsed, setParsed] = useState<ParsedFile[] | null>(null);
  // The options the preview was read with: after a failed re-read they differ from those shown.
  const [readWith, setReadWith] = useState<{ format: FormatId | 'auto'; windows1252: boolean } | null>(null);
  const [reading, setReading] = useState(true);
  const stale = readWith !== null && (readWith.format !== format || readWith.windows1252 !== windows1252);

  useEffect(() => {
    let current = true;
    setReading(true);
    setError(null);
    runFormatJob('parse', { files, options: { format, windows1252 } })
      .then(
        (result) => {
          if (!current) return;
          setParsed(result);
          setReadWith({ format, windows1252 });
        },
        (e: unknown) => {
          if (current) setError(`Could not read the files, nothing was stored: ${e instanceof Error ? e.message : String(e)}`);
        },
      )
      .finally(() => {
        if (current) setReading(false);
      });
    return () => {
      current = false;
    };
  }, [files, format, windows1252]);

  return (
    <Modal title="Import" onClose={onClose}>
      {parsed ? (
        <ImportPreview {...{ db, annotator, knownLabels, onClose, onImported, parsed, reading, stale, format, setFormat, windows1252, setWindows1252, error, setError }} />
      ) : (
        <>
          {error ? (
            <p className="form-error" role="alert">
              {error}
            </p>
          ) : (
            <p>
              <progress aria-label="Reading files" /> Reading {files.length} file{files.length === 1 ? '' : 's'}…
            </p>
          )}
          <div className="modal-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}

interface ImportPreviewProps extends Omit<ImportDialogProps, 'files'> {
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

function ImportPreview(props: ImportPreviewProps) {
  const { db, annotator, knownLabels, onClose, onImported, parsed, reading, stale, format, setFormat, windows1252, setWindows1252, error, setError } = props;
  const [skipBad, setSkipBad] = useState(false);
  const [owner, setOwner] = useState<'file' | 'pick'>('file');
  const [picked, setPicked] = useState(annotator);
  const [busy, setBusy] = useState(false);
  const problems = parsed.flatMap((p) => p.problems);
  const errors = problems.filter((p) => p.severity === 'error');
  const documents = parsed.flatMap((p) => p.documents);
  const spanCount = documents.reduce((n, d) => n + d.sets.reduce((m, s) => m + s.spans.length, 0), 0);
  const unknown = unknownLabels(parsed, knownLabels);
  const notUtf8 = problems.some((p) => /UTF-8/.test(p.message));
  const blocked = documents.length === 0 || (errors.length > 0 && !skipBad) || (owner === 'pick' && !picked.trim());

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const accepted = skipBad ? parsed.flatMap((p) => p.documents) : parsed.filter((p) => !p.problems.some((q) => q.severity === 'error')).flatMap((p) => p.documents);
      // Imported spans merge into stored sets: an edit still on its way to disk is stored first, so neither overwrites the other.
      await whenWritten();
      const outcome = await trackWrite(importAnnotated(db, accepted, { defaultAnnotator: annotator, forceAnnotator: owner === 'pick' ? picked.trim() : undefined }));
      const skipped = errors.length ? `; ${errors.length} bad record(s) skipped` : '';
      onImported(
        `Imported ${outcome.added} new document${outcome.added === 1 ? '' : 's'}` +
          (outcome.duplicates ? `; ${outcome.duplicates} already present (same text), not duplicated` : '') +
          (outcome.spans ? `; ${outcome.spans} span(s) in ${outcome.sets} annotation set(s)` : '') +
          `${skipped}.`,
      );
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
        <fieldset className="field">
          <legend>Annotations belong to</legend>
          <label>
            <input type="radio" name="owner" checked={owner === 'file'} onChange={() => setOwner('file')} /> The annotator named in the file ({annotator} when none)
          </label>
          <label>
            <input type="radio" name="owner" checked={owner === 'pick'} onChange={() => setOwner('pick')} /> This annotator:
            <input aria-label="Annotator for imported annotations" value={picked} onChange={(e) => setPicked(e.target.value)} disabled={owner !== 'pick'} list="annotator-suggestions" />
            <datalist id="annotator-suggestions">
              <option value="gold" />
              <option value={annotator} />
            </datalist>
          </label>
        </fieldset>
      </div>
      <table className="import-preview" aria-label="Import preview">
        <thead>
          <tr>
            <th>File</th>
            <th>Format</th>
            <th>Documents</th>
            <th>Spans</th>
            <th>Problems</th>
          </tr>
        </thead>
        <tbody>
          {parsed.map((p) => (
            <tr key={p.name}>
              <td>{p.name}</td>
              <td>{p.format ? FORMATS.find((f) => f.id === p.format)?.name : '—'}</td>
              <td>{p.documents.length}</td>
              <td>{p.documents.reduce((n, d) => n + d.sets.reduce((m, s) => m + s.spans.length, 0), 0)}</td>
              <td>{p.problems.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {errors.length > 0 && !skipBad
          ? `Nothing will be imported while ${errors.length} problem(s) are errors: fix the file(s), or skip the bad records to import the ${documents.length} good document(s) with ${spanCount} span(s).`
          : `${documents.length} document(s), ${spanCount} span(s) ready to import.`}
      </p>
      {unknown.size > 0 && (
        <p className="hint">
          Labels not in this project's schema (kept, shown in grey): {[...unknown].map(([l, n]) => `${l} (${n})`).join(', ')}.
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
