/**
 * What `convert` learns while it writes, record by record: the annotation sets to write of each
 * document, the warnings to give once (unfinished sets, several annotators in a one-annotator format,
 * predictions written as labels, whatever the writer could not hold) and the counts of the summary.
 */
import { carriesAnnotator } from '../../core/formats/dispatch.js';
import { predictionWarning, representsStatus, type FormatId } from '../../core/formats/index.js';
import type { ExportItem, ImportedDocument, OffsetUnit, Problem } from '../../core/formats/types.js';
import { toItems } from './items.js';
import type { Piece } from './record-writer.js';
import type { Reporter } from './report.js';

/** Formats whose files (or pairs) are per document, one per annotation set: several annotators are no problem. */
const PER_DOCUMENT_FILES = new Set<FormatId>(['brat', 'webanno']);

/** The state of one conversion. */
export class ConvertState {
  records = 0;
  spans = 0;
  unfinishedLeftOut = 0;
  private unfinishedWarned = false;
  private readonly annotators = new Set<string>();
  private readonly said = new Set<string>();

  /** Starts a conversion to `to`, reporting to `report`; `display` names the input in problems. */
  constructor(
    private readonly to: FormatId,
    private readonly display: string,
    private readonly annotator: string,
    private readonly doneOnly: boolean,
    private readonly report: Reporter,
    private readonly offsets: OffsetUnit,
  ) {}

  private warn(doc: ImportedDocument, message: string): void {
    const p: Problem = { severity: 'warning', file: doc.file ?? this.display, message };
    if (doc.line !== undefined) p.line = doc.line;
    this.report.problem(p);
  }

  /** The items of a document to write (unfinished ones left out with --done-only), warning once about what the target cannot mark. */
  items(doc: ImportedDocument): ExportItem[] {
    const all = toItems(doc, this.annotator);
    const items = this.doneOnly ? all.filter((i) => i.set.status === 'done') : all;
    this.unfinishedLeftOut += all.length - items.length;
    if (items.length === 0) return items;
    const unfinished = items.find((i) => !representsStatus(this.to, i.set.status));
    // A document the input holds no annotation for (plain text to annotate) is not a finished set gone wrong.
    if (unfinished && doc.sets.length > 0 && !this.unfinishedWarned) {
      this.unfinishedWarned = true;
      this.warn(doc, `an annotation with status ${unfinished.set.status} (from a Prodigy reject or ignore, or a cancelled Label Studio annotation) goes into a ${this.to} file, which cannot mark it, and will read as finished; --done-only leaves out every annotation that is not done`);
    }
    for (const item of items) {
      if (this.annotators.has(item.set.annotator)) continue;
      this.annotators.add(item.set.annotator);
      if (this.annotators.size === 2 && !PER_DOCUMENT_FILES.has(this.to) && !carriesAnnotator(this.to)) {
        this.warn(doc, `records of several annotators (${[...this.annotators].join(' and ')} so far) go into one ${this.to} file, which cannot say who annotated a record; convert to spanlight, label-studio or huggingface to keep them apart`);
      }
      const predictions = predictionWarning(this.to, [item.set.annotator]);
      if (predictions && !this.said.has('predictions')) {
        this.said.add('predictions');
        this.warn(doc, predictions);
      }
    }
    return items;
  }

  /** Reports what the writer changed or could not hold for a document's items, and counts them. */
  written(doc: ImportedDocument, items: readonly ExportItem[], piece: Piece): void {
    let dropped = 0;
    for (const c of piece.changes) {
      this.report.change(c, doc.file ?? this.display, doc.line, doc.text, this.offsets);
      if (c.action === 'dropped') dropped++;
    }
    for (const w of piece.warnings ?? []) {
      if (this.said.has(w)) continue;
      this.said.add(w);
      this.warn(doc, w);
    }
    this.records++;
    for (const i of items) this.spans += i.set.spans.length;
    this.spans -= dropped;
  }
}
