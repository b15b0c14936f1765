/** Decodes picked files, detects their formats and reads them into documents and problems, before anything is stored. */
import { decodeUtf8 } from '../../core/formats/plaintext';
import { detectFormat, type FormatId } from '../../core/formats/index';
import { readFiles, type TextFile } from '../../core/formats/dispatch';
import type { ImportedDocument, Problem } from '../../core/formats/types';
import type { PickedFile } from '../../electron/bridge-contract';

/** How to read the picked files. */
export interface ParseOptions {
  /** Force one format for every file, or detect per file. */
  format: FormatId | 'auto';
  /** Decode files that are not valid UTF-8 as Windows-1252 instead of rejecting them. */
  windows1252: boolean;
}

/** What one file (or brat pair) yielded. */
export interface ParsedFile {
  name: string;
  format: FormatId | null;
  documents: ImportedDocument[];
  problems: Problem[];
}

const LABEL_NAMES = /labels?(\.names)?\.json$|label_names\.(json|txt)$|dataset_info\.json$/i;

function decode(file: PickedFile, windows1252: boolean): { text: string } | { problem: Problem } {
  // brat counts a .txt file's BOM as character 0: keep it for the brat reader, which shifts the offsets.
  const utf8 = decodeUtf8(file.bytes, file.name, { keepBom: /\.txt$/i.test(file.name) });
  if ('text' in utf8 || !windows1252) return utf8;
  return { text: new TextDecoder('windows-1252').decode(file.bytes) };
}

/** Reads every picked file; brat `.txt` files pair with the `.ann` of the same name; a Hugging Face label file feeds the HF readers. */
export function parsePickedFiles(files: readonly PickedFile[], options: ParseOptions): ParsedFile[] {
  const decoded: (TextFile & { format: FormatId | null })[] = [];
  const parsed: ParsedFile[] = [];
  for (const file of files) {
    const result = decode(file, options.windows1252);
    if ('problem' in result) {
      parsed.push({ name: file.name, format: null, documents: [], problems: [result.problem] });
      continue;
    }
    // Sniff at least the whole first record: a long JSONL line can hold its spans after a megabyte of text.
    const firstLine = result.text.indexOf('\n');
    const sniff = result.text.slice(0, Math.max(64 * 1024, firstLine + 1));
    const format = options.format === 'auto' ? detectFormat(file.name, sniff) : options.format;
    decoded.push({ name: file.name, text: result.text, format });
  }
  const labelFile = decoded.find((f) => LABEL_NAMES.test(f.name));
  const annBases = new Set(decoded.filter((f) => f.format === 'brat').map((f) => f.name.replace(/\.ann$/i, '')));
  for (const file of decoded) {
    if (file === labelFile && decoded.some((f) => f.format === 'huggingface')) continue;
    const pairedTxt = file.name.toLowerCase().endsWith('.txt') && annBases.has(file.name.replace(/\.txt$/i, ''));
    if (pairedTxt) continue;
    if (!file.format) {
      parsed.push({ name: file.name, format: null, documents: [], problems: [{ severity: 'error', file: file.name, message: `${file.name}: format not recognised; choose one in the Format list.` }] });
      continue;
    }
    const group: TextFile[] = [file];
    if (file.format === 'brat') {
      const txt = decoded.find((f) => f.name === file.name.replace(/\.ann$/i, '.txt'));
      if (txt) group.push(txt);
    }
    const result = readFiles(file.format, group, { labelNames: labelFile?.text });
    parsed.push({ name: file.name, format: file.format, documents: result.documents, problems: result.problems });
  }
  return parsed;
}

/** Labels used by the parsed spans that the project schema does not define, with their span counts. */
export function unknownLabels(parsed: readonly ParsedFile[], known: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const file of parsed)
    for (const doc of file.documents)
      for (const set of doc.sets)
        for (const span of set.spans) if (!known.has(span.label)) counts.set(span.label, (counts.get(span.label) ?? 0) + 1);
  return counts;
}
