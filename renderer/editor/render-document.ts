/** Writes a document's paragraphs and span highlights into the Lexical tree, whole or paragraph by paragraph. */
import { $createParagraphNode, $createTextNode, $getNodeByKey, $getRoot, type ElementNode } from 'lexical';
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

/** Replaces the whole tree with the document; returns the paragraph node keys in order. */
export function $renderDocument(text: string, paragraphs: readonly Paragraph[], spansByParagraph: readonly (readonly PaintSpan[])[]): string[] {
  const root = $getRoot();
  root.clear();
  const keys: string[] = [];
  paragraphs.forEach((paragraph, i) => {
    const node = $createParagraphNode();
    $fillParagraph(node, text, paragraph, spansByParagraph[i] ?? []);
    root.append(node);
    keys.push(node.getKey());
  });
  return keys;
}

/** Repaints only the given paragraphs (by index) with their current spans. */
export function $renderParagraphs(
  text: string,
  paragraphs: readonly Paragraph[],
  keys: readonly string[],
  indices: Iterable<number>,
  spansByParagraph: readonly (readonly PaintSpan[])[],
): void {
  for (const i of indices) {
    const node = $getNodeByKey<ElementNode>(keys[i]!);
    if (node) $fillParagraph(node, text, paragraphs[i]!, spansByParagraph[i] ?? []);
  }
}
