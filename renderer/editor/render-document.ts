/**
 * Writes a document's paragraphs and span highlights into the Lexical tree (root → chunks of
 * paragraphs): a first screenful, the rest appended in order, and single paragraphs repainted after an edit.
 */
import { $createParagraphNode, $createTextNode, $getNodeByKey, $getRoot, type ElementNode } from 'lexical';
import { $createDocumentChunkNode, estimatedLines, PARAGRAPHS_PER_CHUNK } from './document-chunk-node';
import type { Paragraph } from '../../core/text/paragraphs';
import { paragraphSegments, type PaintSpan } from '../../core/spans/segments';
import { $createSpanMarkNode } from './span-mark-node';

function $fillParagraph(node: ElementNode, text: string, paragraph: Paragraph, spans: readonly PaintSpan[]): void {
  node.clear();
  for (const seg of paragraphSegments(paragraph, spans)) {
    const textNode = $createTextNode(text.slice(seg.start, seg.end));
    if (seg.spanIds.length === 0) {
      node.append(textNode);
    } else {
      node.append($createSpanMarkNode(seg.spanIds).append(textNode));
    }
  }
}

/** Empties the tree: a new document is about to be appended. */
export function $clearDocument(): void {
  $getRoot().clear();
}

/** Appends paragraphs `[from, to)` at the end of the tree (`from` continues the last chunk, if any); returns their node keys in order. */
export function $appendParagraphs(
  text: string,
  paragraphs: readonly Paragraph[],
  from: number,
  to: number,
  spansByParagraph: readonly (readonly PaintSpan[])[],
): string[] {
  const root = $getRoot();
  const keys: string[] = [];
  let chunk = root.getLastChild<ElementNode>();
  for (let i = from; i < to; i++) {
    if (i % PARAGRAPHS_PER_CHUNK === 0 || !chunk) {
      const members = paragraphs.slice(i, i + PARAGRAPHS_PER_CHUNK - (i % PARAGRAPHS_PER_CHUNK));
      chunk = $createDocumentChunkNode(estimatedLines(members.map((p) => p.end - p.start)));
      root.append(chunk);
    }
    const node = $createParagraphNode();
    $fillParagraph(node, text, paragraphs[i]!, spansByParagraph[i] ?? []);
    chunk.append(node);
    keys.push(node.getKey());
  }
  return keys;
}

/** Repaints the given paragraphs (by index) with their current spans; paragraphs not yet appended are skipped. */
export function $renderParagraphs(
  text: string,
  paragraphs: readonly Paragraph[],
  keys: readonly string[],
  indices: Iterable<number>,
  spansByParagraph: readonly (readonly PaintSpan[])[],
): void {
  for (const i of indices) {
    const key = keys[i];
    const node = key === undefined ? null : $getNodeByKey<ElementNode>(key);
    if (node) $fillParagraph(node, text, paragraphs[i]!, spansByParagraph[i] ?? []);
  }
}
