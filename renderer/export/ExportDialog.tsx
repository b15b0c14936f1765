/** Export the project in any format: which documents, which annotators (including gold and model:*), which offset unit or tag scheme. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { OffsetUnit, SpanChange } from '../../core/formats/types';
import { FORMATS, formatInfo, representsStatus, type FormatId } from '../../core/formats/index';
import type { TagScheme } from '../../core/formats/conll';
import type { SpanlightDb } from '../db/database';
import { countDone, listAnnotators, loadExportItems } from '../db/project-store';
import { bridge } from '../platform/bridge';
import { Modal } from '../shell/Modal';
import { runFormatJob } from '../workers/format-client';
import { describeOffsets } from '../../core/formats/interchange';
import { documentTitle } from '../../core/formats/plaintext';
import { whenWritten } from '../db/pending-writes';
import { saveQueueOf } from '../db/save-queue';

/** Props of the export dialog. */
export interface ExportDialogProps {
  db: SpanlightDb;
  annotator: string;
  onClose: () => void;
  onMessage: (message: string, kind?: 'error' | 'info') => void;
}

/** Modal with export options; writes through the save dialog (Electron) or a download (browser). */
export function ExportDialog({ db, annotator, onClose, onMessage }: ExportDialogProps) {
  const [annotators, setAnnotators] = useState<string[]>([annotator]);
  const [who, setWho] = useState<string>(annotator);
  // Unfinished documents would go out as "no entities here": done ones only unless asked.
  const [doneOnly, setDoneOnly] = useState(true);
  const [counts, setCounts] = useState<{ total: number; done: number } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [offsets, setOffsets] = useState<OffsetUnit>('codepoint');
  const [format, setFormat] = useState<FormatId>('spanlight');
  const [scheme, setScheme] = useState<TagScheme>('iob2');
  const [rows, setRows] = useState<'document' | 'sentence'>('document');
  // Spanlight JSONL: every document's tokens (85 % of an export's size); documents that brought their own always write them.
  const [tokens, setTokens] = useState(false);
  // What the last export could not hold, said once (e.g. predictions written as labels).
  const [warnings, setWarnings] = useState<string[]>([]);
  const info = formatInfo(format);
  const [busy, setBusy] = useState<string | null>(null);
  // Spans the last export could not write as they were, described for people: document title and span text.
  const [changes, setChanges] = useState<{ key: string; text: string }[] | null>(null);
  const unit = info.nativeUnitOnly ? info.nativeUnit : offsets;
  // Edits whose save failed are not on disk: the export reads the disk, so they are not in it.
  const queue = saveQueueOf(db);
  const saves = useSyncExternalStore(queue.subscribe, queue.snapshot);

  useEffect(() => {
    listAnnotators(db).then(
      (names) => setAnnotators([...new Set([annotator, ...names])]),
      (error: unknown) => onMessage(`Could not list annotators: ${String(error)}`, 'error'),
    );
  }, [db, annotator, onMessage]);

  // A list of dropped spans belongs to the export that made it: other options, other export.
  useEffect(() => {
    setChanges(null);
    setNotice(null);
    setWarnings([]);
  }, [format, who, doneOnly, offsets, scheme, rows, tokens]);

  useEffect(() => {
    let current = true;
    countDone(db, who === '*' ? null : who).then(
      (c) => {
        if (current) setCounts(c);
      },
      (error: unknown) => onMessage(`Could not count documents: ${String(error)}`, 'error'),
    );
    return () => {
      current = false;
    };
  }, [db, who, onMessage]);

  const run = async () => {
    setNotice(null);
    setBusy('Reading documents…');
    try {
      // An edit made a moment ago may still be on its way to disk: export it too.
      await whenWritten();
      const items = await loadExportItems(db, { doneOnly, annotator: who === '*' ? null : who, fallbackAnnotator: annotator });
      if (items.length === 0) {
        setNotice(doneOnly ? `No document is marked done${who === '*' ? '' : ` by ${who}`} yet: nothing to export. Choose “All documents” to export unfinished ones too.` : 'Nothing to export.');
        return;
      }
      setBusy(`Writing ${items.length} record${items.length === 1 ? '' : 's'}…`);
      const baseName = `spanlight-${format}${doneOnly ? '-done' : ''}`;
      const result = await runFormatJob('write', { format, items, options: { offsets: unit, scheme, baseName, ...(format === 'huggingface' ? { rows } : {}), ...(format === 'spanlight' && tokens ? { tokens } : {}) } });
      setBusy('Saving…');
      setWarnings(result.warnings);
      const docs = new Map(items.map((i) => [i.doc.id, i.doc]));
      setChanges(result.changes.map((c) => ({ key: `${c.docId}/${c.annotator}/${c.spanId}`, text: describeChange(c, docs.get(c.docId), unit) })));
      const [only] = result.files;
      const saved =
        result.files.length === 1 && only
          ? await bridge.saveFile({ suggestedName: only.name, content: only.content, filters: [{ name: info.name, extensions: [only.name.split('.').pop()!] }] })
          : await bridge.saveFiles({ files: result.files, archiveName: `${baseName}.zip` });
      if (saved.saved) {
        const dropped = result.changes.length ? ` ${result.changes.length} span(s) could not be written as they were (listed in the dialog).` : '';
        onMessage(`Exported ${items.length} record(s) to ${saved.location ?? 'your downloads'}.${dropped}`, result.changes.length ? 'error' : 'info');
        if (!result.changes.length && !result.warnings.length) onClose();
      }
    } catch (error) {
      setNotice(`Export failed, nothing was written: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Modal title="Export annotations" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <label className="field">
          Format
          <select
            value={format}
            onChange={(e) => {
              const next = e.target.value as FormatId;
              setFormat(next);
              setOffsets(formatInfo(next).nativeUnit);
            }}
          >
            {FORMATS.filter((f) => f.id !== 'text').map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
        <p className="hint">{info.description}</p>
        <label className="field">
          Annotator
          <select value={who} onChange={(e) => setWho(e.target.value)}>
            {annotators.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
            <option value="*">All annotators</option>
          </select>
        </label>
        <fieldset className="field">
          <legend>Documents</legend>
          <label>
            <input type="radio" name="docs" checked={doneOnly} onChange={() => setDoneOnly(true)} /> Done only{counts ? ` (${counts.done} of ${counts.total})` : ''}
          </label>
          <label>
            <input type="radio" name="docs" checked={!doneOnly} onChange={() => setDoneOnly(false)} /> All documents, unfinished ones included
          </label>
        </fieldset>
        {!doneOnly && !representsStatus(format, 'in_progress') && (
          <p className="hint" role="note">
            {info.name} cannot mark a document unfinished: the spans of unfinished documents will read as complete, and a document without spans as
            “nothing to tag here”.
          </p>
        )}
        {info.nativeUnitOnly ? (
          <p className="hint">Offsets in {info.nativeUnit === 'codepoint' ? 'Unicode code points' : 'UTF-16 code units'}, as {info.name} counts them.</p>
        ) : info.offsets ? (
        <fieldset className="field">
          <legend>Offsets</legend>
          <label>
            <input type="radio" name="offsets" checked={offsets === 'codepoint'} onChange={() => setOffsets('codepoint')} /> Unicode code points (Python, spaCy, Prodigy)
          </label>
          <label>
            <input type="radio" name="offsets" checked={offsets === 'utf16'} onChange={() => setOffsets('utf16')} /> UTF-16 code units (JavaScript)
          </label>
        </fieldset>
        ) : (
          <fieldset className="field">
            <legend>Tag scheme</legend>
            <label>
              <input type="radio" name="scheme" checked={scheme === 'iob2'} onChange={() => setScheme('iob2')} /> IOB2
            </label>
            <label>
              <input type="radio" name="scheme" checked={scheme === 'bilou'} onChange={() => setScheme('bilou')} /> BILOU
            </label>
          </fieldset>
        )}
        {format === 'huggingface' && (
          <fieldset className="field">
            <legend>Rows</legend>
            <label>
              <input type="radio" name="rows" checked={rows === 'document'} onChange={() => setRows('document')} /> One per document
            </label>
            <label>
              <input type="radio" name="rows" checked={rows === 'sentence'} onChange={() => setRows('sentence')} /> One per sentence (as the conll2003 dataset)
            </label>
          </fieldset>
        )}
        {format === 'spanlight' && (
          <fieldset className="field">
            <legend>Tokens</legend>
            <label>
              <input type="checkbox" checked={tokens} onChange={(e) => setTokens(e.target.checked)} /> Write every document&apos;s tokens (documents that came with their
              own tokens always include them)
            </label>
          </fieldset>
        )}
        {saves.failure && saves.pending > 0 && (
          <p className="form-error" role="alert" aria-label="Unsaved edits">
            {saves.pending} edit{saves.pending === 1 ? ' is' : 's are'} not saved ({saves.failure.reason}): {saves.pending === 1 ? 'it is' : 'they are'} not in this export. Let them be saved first (Retry now, under the toolbar), then export.
          </p>
        )}
        {busy && (
          <p role="status">
            <progress aria-label="Exporting" /> {busy}
          </p>
        )}
        {notice && (
          <p className="form-error" role="alert">
            {notice}
          </p>
        )}
        {warnings.length > 0 && (
          <div className="form-error" role="alert">
            <p>What {info.name} could not hold:</p>
            <ul>
              {warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </div>
        )}
        {changes && changes.length > 0 && (
          <div className="form-error" role="alert">
            <p>These spans could not be written as they were:</p>
            <ul>
              {changes.map((c) => (
                <li key={c.key}>{c.text}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="primary" disabled={busy !== null}>
            Export
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** One line for a span an export could not write as it was: label, text, offsets in the export's unit, the document's title, who, what happened. */
function describeChange(c: SpanChange, doc: { text: string; meta: Record<string, unknown> } | undefined, unit: OffsetUnit): string {
  if (!doc) return `${c.label} ${c.start}-${c.end} (UTF-16) in ${c.docId} (${c.annotator}): ${c.action} — ${c.reason}`;
  return `${c.label} “${doc.text.slice(c.start, c.end)}” at ${describeOffsets(doc.text, c.start, c.end, unit)} in “${documentTitle(doc.meta, doc.text)}” (${c.annotator}): ${c.action} — ${c.reason}`;
}
