/**
 * WebAnno TSV 3.3, INCEpTION's interchange format: a header naming the layers and their features
 * (`#T_SP=type|feature|…` span layers, `#T_CH=` chains, `#T_RL=` relations), then per sentence its
 * `#Text=` line(s) and one line per token (`1-3<TAB>9-14<TAB>plays<TAB>…`, sub-tokens `1-3.1`), one
 * column per feature, stacked annotations separated by `|`, multi-token ones tied by `[N]`. Offsets
 * are UTF-16 code units (Java strings), as Spanlight's own.
 *
 * Read: the named-entity layer (label = its `value`) and custom span layers (label = their first
 * feature) as spans, other features kept in `extra.webanno`; tokens kept; other layers (POS, lemma,
 * chains, relations) counted and reported. Written by `webanno-tsv-write.ts`.
 */
import type { DocToken } from '../model.js';
import { problemAt, withoutBom } from './interchange.js';
import type { ImportedDocument, ImportedSpan, Problem, ReadOptions, ReadResult } from './types.js';

/** The type of INCEpTION's (and DKPro Core's) named-entity layer. */
export const NAMED_ENTITY = 'de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity';
/** Features of INCEpTION's named-entity layer. */
export const NAMED_ENTITY_FEATURES = ['identifier', 'value'];
/** Meta key of what a WebAnno document keeps for the way back: its layers' features and its sentences. */
export const WEBANNO_META_KEY = 'webanno';
/** The first line of every WebAnno TSV 3.x file. */
export const WEBANNO_FORMAT_LINE = /^#FORMAT=WebAnno TSV 3\.(\d+)\s*$/;

/** What `meta.webanno` holds. */
export interface WebAnnoMeta {
  /** Features of each span layer read, by type. */
  layers?: Record<string, string[]>;
  /** Index (in the document's tokens) of the first token of each sentence. */
  sentences?: number[];
  /** `#Sentence.id` of each sentence, when the file gave them. */
  sentence_ids?: (string | null)[];
}

const VALUE_ESCAPES: Record<string, string> = { '\\\\': '\\', '\\[': '[', '\\]': ']', '\\|': '|', '\\_': '_', '\\->': '->', '\\;': ';', '\\t': '\t', '\\n': '\n', '\\*': '*' };
const TEXT_ESCAPES: Record<string, string> = { '\\t': '\t', '\\n': '\n', '\\f': '\f', '\\r': '\r', '\\b': '\b', '\\\\': '\\' };

/** Undoes INCEpTION's escaping of a feature value (`\[`, `\|`, `\_`, `\->`, …). */
export function unescapeValue(value: string): string {
  return value.replace(/\\\\|\\\[|\\\]|\\\||\\_|\\->|\\;|\\t|\\n|\\\*/g, (m) => VALUE_ESCAPES[m]!);
}

/** Undoes INCEpTION's escaping of sentence text (TSV 3.2 and later): `\t`, `\n`, `\f`, `\r`, `\b`, `\\` and a backslash before other control characters. */
export function unescapeText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\\[tnfrb\\]|\\[\u0000-\u0007\u000e-\u001f]/g, (m) => TEXT_ESCAPES[m] ?? m.slice(1));
}

/** A layer declared in the header. */
interface Layer {
  kind: 'SP' | 'CH' | 'RL';
  type: string;
  /** The layer's features, in column order (slot and relation columns included). */
  columns: string[];
  /** Read as spans: the named-entity layer and custom span layers without slot features. */
  read: boolean;
  /** 1-based line of its header line. */
  line: number;
}

/** One annotation being read: its extent and its feature values. */
interface Annotation {
  layer: number;
  start: number;
  end: number;
  features: Record<string, string | null>;
}

const SHORT = (type: string) => type.split('.').pop() ?? type;

function parseHeader(lines: readonly string[], report: (m: string, line: number) => void): { layers: Layer[]; body: number } | null {
  const m = WEBANNO_FORMAT_LINE.exec(lines[0] ?? '');
  if (!m) {
    report(`not a WebAnno TSV 3 file: the first line must be "#FORMAT=WebAnno TSV 3.3" (it is ${JSON.stringify((lines[0] ?? '').slice(0, 60))})`, 1);
    return null;
  }
  if (Number(m[1]) < 2) report(`WebAnno TSV 3.${m[1]}: read as 3.3 (text escaping changed in 3.2; backslashes in sentence text may read differently)`, 1);
  const layers: Layer[] = [];
  let i = 1;
  for (; i < lines.length && lines[i]!.trim() !== ''; i++) {
    const h = /^#T_(SP|CH|RL)=([^|]+)(?:\|(.*))?$/.exec(lines[i]!);
    if (!h) {
      report(`header line not understood (expected #T_SP=, #T_CH= or #T_RL=): ${lines[i]!.slice(0, 80)}`, i + 1);
      continue;
    }
    const kind = h[1] as Layer['kind'];
    const type = h[2]!;
    const fields = h[3] !== undefined && h[3] !== '' ? h[3].split('|') : [];
    const columns = fields.length > 0 ? fields : [''];
    const slots = fields.some((f) => f.startsWith('ROLE_'));
    layers.push({ kind, type, columns, read: kind === 'SP' && !slots && (type === NAMED_ENTITY || type.startsWith('webanno.custom.')), line: i + 1 });
  }
  return { layers, body: i };
}

/** Splits stacked values at `|` not preceded by a backslash. */
function stacked(cell: string): string[] {
  return cell.split(/(?<!\\)\|/);
}

/** Reads one WebAnno TSV 3.x file into a document (see the module comment). */
export function readWebAnnoTsv(content: string, options: ReadOptions = {}): ReadResult {
  const file = options.fileName;
  const problems: Problem[] = [];
  const report = (m: string, line: number, severity: Problem['severity'] = 'error') => problems.push(problemAt(severity, m, file, line));
  const lines = withoutBom(content).split('\n').map((l) => l.replace(/\r$/, ''));
  const header = parseHeader(lines, (m, line) => report(m, line, line === 1 && !m.startsWith('not a') ? 'warning' : 'error'));
  if (!header) return { documents: [], problems };
  const { layers } = header;
  const columnOf: { layer: number; feature: string }[] = layers.flatMap((l, k) => l.columns.map((feature) => ({ layer: k, feature })));
  let text = '';
  let sentenceText = '';
  let sentenceId: string | null = null;
  let inSentence = false;
  const tokens: DocToken[] = [];
  const sentences: number[] = [];
  const sentenceIds: (string | null)[] = [];
  const annotations: Annotation[] = [];
  const byId = new Map<string, Annotation>();
  const skipped = new Map<number, number>();
  for (let i = header.body; i < lines.length; i++) {
    const line = lines[i]!;
    const n = i + 1;
    if (line === '') {
      inSentence = false;
      continue;
    }
    if (line.startsWith('#Sentence.id=')) {
      sentenceId = unescapeText(line.slice('#Sentence.id='.length));
      continue;
    }
    if (line.startsWith('#Text=')) {
      sentenceText += `${unescapeText(line.slice('#Text='.length))}\n`;
      continue;
    }
    const fields = line.split('\t');
    const unit = /^(\d+)-(\d+)(\.\d+)?$/.exec(fields[0]!);
    const offsets = /^(\d+)-(\d+)$/.exec(fields[1] ?? '');
    if (!unit || !offsets) {
      report(`line not understood (expected a token line "1-1<TAB>0-4<TAB>token<TAB>…"): ${line.slice(0, 80)}`, n);
      continue;
    }
    if (fields.length < columnOf.length + 3) {
      report(`${fields.length} fields where the header declares ${columnOf.length + 3}; line skipped`, n);
      continue;
    }
    const begin = Number(offsets[1]);
    const end = Number(offsets[2]);
    const sub = unit[3] !== undefined;
    if (!sub && !inSentence) {
      // A new sentence: place its text at its first token, as INCEpTION does.
      if (sentenceText === '') report('a sentence without a #Text line; its text is unknown', n);
      if (text.length > begin && text.endsWith('\n')) text = text.slice(0, -1);
      if (text.length < begin) text += ' '.repeat(begin - text.length);
      if (text.length !== begin) report(`the sentence starts at ${begin}, but the text before it is ${text.length} characters long`, n);
      sentences.push(tokens.length);
      sentenceIds.push(sentenceId);
      text += sentenceText;
      sentenceText = '';
      sentenceId = null;
      inSentence = true;
    }
    if (end < begin || end > text.length) {
      report(`offsets ${begin}-${end} are outside the sentence text; line skipped`, n);
      continue;
    }
    if (!sub) tokens.push({ start: begin, end });
    const onUnit = new Map<number, Annotation[]>();
    columnOf.forEach(({ layer, feature }, c) => {
      const cell = fields[c + 3]!;
      if (cell === '_' || cell === '') return;
      if (!layers[layer]!.read) {
        skipped.set(layer, (skipped.get(layer) ?? 0) + 1);
        return;
      }
      const here = onUnit.get(layer) ?? [];
      onUnit.set(layer, here);
      stacked(cell).forEach((raw, s) => {
        let value = raw;
        let id: string | undefined;
        if (value.endsWith(']') && !value.endsWith('\\]')) {
          const open = value.lastIndexOf('[');
          id = value.slice(open + 1, -1);
          value = value.slice(0, open);
        }
        let a: Annotation | undefined = here[s];
        if (!a && id !== undefined) {
          a = byId.get(`${layer}:${id}`);
          if (a) {
            a.end = end; // as INCEpTION does: the annotation ends where its last unit ends
            here[s] = a;
          }
        }
        if (!a) {
          a = { layer, start: begin, end, features: {} };
          annotations.push(a);
          here[s] = a;
          if (id !== undefined) byId.set(`${layer}:${id}`, a);
        }
        if (feature !== '') a.features[feature] = value === '*' ? null : unescapeValue(value);
      });
    });
  }
  for (const [layer, count] of skipped) {
    const { type, kind, line } = layers[layer]!;
    const what = kind === 'CH' ? 'chain layer' : kind === 'RL' ? 'relation layer' : 'layer';
    report(`${what} ${type} (${count} cell${count === 1 ? '' : 's'}) is not read: Spanlight reads the named-entity layer and custom span layers`, line, 'warning');
  }
  if (text.endsWith('\n')) text = text.slice(0, -1);
  return { documents: [buildDocument(text, tokens, sentences, sentenceIds, layers, annotations, problems, file, options)], problems };
}

function buildDocument(
  text: string, tokens: DocToken[], sentences: number[], sentenceIds: (string | null)[], layers: Layer[], annotations: Annotation[],
  problems: Problem[], file: string | undefined, options: ReadOptions,
): ImportedDocument {
  const spans: ImportedSpan[] = [];
  let unlabelled = 0;
  let zeroWidth = 0;
  // Annotations of one layer over the same text keep the order they came in (INCEpTION stacks them so).
  const sameExtent = new Map<string, number>();
  for (const a of annotations) {
    if (a.start === a.end) {
      zeroWidth++;
      continue;
    }
    const layer = layers[a.layer]!;
    const labelFeature = layer.type === NAMED_ENTITY ? 'value' : layer.columns.find((c) => c !== '');
    const value = labelFeature !== undefined ? a.features[labelFeature] : null;
    const label = value ?? SHORT(layer.type);
    if (value === null || value === undefined) unlabelled++;
    const span: ImportedSpan = { start: a.start, end: a.end, label, source: 'imported' };
    const others = Object.entries(a.features).filter(([k, v]) => k !== labelFeature && v !== null);
    const webanno: Record<string, unknown> = {};
    if (layer.type !== NAMED_ENTITY) webanno['layer'] = layer.type;
    if (others.length > 0) webanno['features'] = Object.fromEntries(others);
    // No value in the file: written back as "*", not as the name given here.
    if (value === null || value === undefined) webanno['no_value'] = true;
    const key = `${a.layer}:${a.start}:${a.end}`;
    const rank = sameExtent.get(key) ?? 0;
    sameExtent.set(key, rank + 1);
    if (rank > 0) webanno['rank'] = rank;
    if (Object.keys(webanno).length > 0) span.extra = { webanno };
    spans.push(span);
  }
  if (zeroWidth > 0) problems.push(problemAt('warning', `${zeroWidth} zero-width annotation(s) not read: a Spanlight span covers at least one character`, file));
  if (unlabelled > 0) problems.push(problemAt('warning', `${unlabelled} annotation(s) have no label value: read with their layer's name as label`, file));
  const meta: Record<string, unknown> = {};
  if (options.fileName !== undefined) meta['source'] = options.fileName.split(/[\\/]/).pop()!.replace(/\.tsv$/i, '');
  const kept: WebAnnoMeta = { layers: Object.fromEntries(layers.filter((l) => l.read).map((l) => [l.type, l.columns.filter((c) => c !== '')])), sentences };
  if (sentenceIds.some((id) => id !== null)) kept.sentence_ids = sentenceIds;
  meta[WEBANNO_META_KEY] = kept;
  spans.sort((x, y) => x.start - y.start || y.end - x.end);
  return { text, meta, sets: [{ spans }], line: 1, tokens, ...(file !== undefined ? { file } : {}) };
}

