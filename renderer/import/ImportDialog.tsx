/** Import dialog: reads the picked files in the format worker, then previews them (`ImportPreview`); nothing is stored until Import. */
import { useEffect, useState } from 'react';
import type { FormatId } from '../../core/formats/index';
import type { PickedFile } from '../../electron/bridge-contract';
import type { SpanlightDb } from '../db/database';
import { Modal } from '../shell/Modal';
import { runFormatJob } from '../workers/format-client';
import type { ParsedFile } from './parse-files';
import { ImportPreview } from './ImportPreview';

/** Props of the import dialog. */
export interface ImportDialogProps {
  db: SpanlightDb;
  files: PickedFile[];
  /** The person importing (offered as a name; never given a file's annotations unless chosen). */
  annotator: string;
  knownLabels: ReadonlySet<string>;
  /** Adds labels the files use to the project's schema. */
  onAddLabels?: (names: string[]) => Promise<void>;
  onClose: () => void;
  onImported: (summary: string) => void;
}

/** Modal that reads the files in the format worker, previews the import and stores it in one transaction. */
export function ImportDialog({ db, files, annotator, knownLabels, onAddLabels, onClose, onImported }: ImportDialogProps) {
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
        <ImportPreview {...{ db, annotator, knownLabels, onAddLabels, onClose, onImported, parsed, reading, stale, format, setFormat, windows1252, setWindows1252, error, setError }} />
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

