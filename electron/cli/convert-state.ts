/**
 * What `convert` learns while it writes, record by record: the annotation sets to write of each
 * document, the warnings to give once (unfinished sets, several annotators in a one-annotator format,
 * predictions written as labels, whatever the writer could not hold) and the counts of the summary.
 * It tells what it finds to `ConvertEvents` (`LiveEvents` prints them as they come).
 */
import { carriesAnnotator } from '../../core/formats/dispatch.js';
import { predictionWarning, representsStatus, type FormatId } from '../../core/formats/index.js';
import type { ExportItem, ImportedDocument, OffsetUnit, Problem } from '../../core/formats/types.js';
import { toItems } from './items.js';
import type { Piece } from './record-writer.js';
import { formatChange, type Reporter } from './report.js';

/** What a conversion tells, in record order. */
export interface ConvertEvents {
  /** A problem to print. */
  problem(p: Problem): void;
  /** A problem to print the first time its key is told. */
  once(key: string, p: Problem): void;
  /** An annotator met at a document (`p` locates it and says what to warn if it is the second one). */
  annotator(name: string, p: Problem): void;
  /** A span the writer changed or dropped, formatted (see `formatChange`). */
  change(line: string): void;
}

/** Formats whose files (or pairs) are per document, one per annotation set: several annotators are no problem. */
const PER_DOCUMENT_FILES = new Set<FormatId>(['brat', 'webanno']);

/** Events printed as they come, each once-warning once, the several-annotators warning at the second annotator. */
export class LiveEvents implements ConvertEvents {
  private readonly said = new Set<string>();
  private readonly annotators = new Set<string>();

  /** Prints to `report`; `to` decides whether several annotators are worth a warning. */
  constructor(private readonly report: Reporter, private readonly to: FormatId) {}

  problem(p: Problem): void {
    this.report.problem(p);
  }

  once(key: string, p: Problem): void {
    if (this.said.has(key)) return;
    this.said.add(key);
    this.report.problem(p);
  }

  annotator(name: string, p: Problem): void {
    if (this.annotators.has(name)) return;
    this.annotators.add(name);
    if (this.annotators.size === 2 && !PER_DOCUMENT_FILES.has(this.to) && !carriesAnnotator(this.to)) {
      this.report.problem({ ...p, message: `records of several annotators (${[...this.annotators].join(' and ')} so far) go into one ${this.to} file, which cannot say who annotated a record; convert to spanlight, label-studio or huggingface to keep them apart` });
    }
  }

  change(line: string): void {
    this.report.changeLine(line);
  }
}

/** The state of one conversion (of the whole input, or of the records one worker thread is given). */
export class ConvertState {
  records = 0;
  spans = 0;
  unfinishedLeftOut = 0;

  /** Starts a conversion to `to`; `display` names the input in problems. */
  constructor(
    private readonly to: FormatId,
    private readonly display: string,
    private readonly annotator: string,
    private readonly doneOnly: boolean,
    private readonly events: ConvertEvents,
    private readonly offsets: OffsetUnit,
  ) {}

  private at(doc: ImportedDocument, message: string): Problem {
    const p: Problem = { severity: 'warning', file: doc.file ?? this.display, message };
    if (doc.line !== undefined) p.line = doc.line;
    return p;
  }

  /** The items of a document to write (unfinished ones left out with --done-only), warning once about what the target cannot mark. */
  items(doc: ImportedDocument): ExportItem[] {
    const all = toItems(doc, this.annotator);
    const items = this.doneOnly ? all.filter((i) => i.set.status === 'done') : all;
    this.unfinishedLeftOut += all.length - items.length;
    if (items.length === 0) return items;
    const unfinished = items.find((i) => !representsStatus(this.to, i.set.status));
    // A document the input holds no annotation for (plain text to annotate) is not a finished set gone wrong.
    if (unfinished && doc.sets.length > 0) {
      this.events.once('unfinished', this.at(doc, `an annotation with status ${unfinished.set.status} (from a Prodigy reject or ignore, or a cancelled Label Studio annotation) goes into a ${this.to} file, which cannot mark it, and will read as finished; --done-only leaves out every annotation that is not done`));
    }
    for (const item of items) {
      this.events.annotator(item.set.annotator, this.at(doc, ''));
      const predictions = predictionWarning(this.to, [item.set.annotator]);
      if (predictions) this.events.once('predictions', this.at(doc, predictions));
    }
    return items;
  }

  /** Reports what the writer changed or could not hold for a document's items, and counts them. */
  written(doc: ImportedDocument, items: readonly ExportItem[], piece: Piece): void {
    let dropped = 0;
    for (const c of piece.changes) {
      this.events.change(formatChange(c, doc.file ?? this.display, doc.line, doc.text, this.offsets));
      if (c.action === 'dropped') dropped++;
    }
    for (const w of piece.warnings ?? []) this.events.once(`writer: ${w}`, this.at(doc, w));
    this.records++;
    for (const i of items) this.spans += i.set.spans.length;
    this.spans -= dropped;
  }
}
