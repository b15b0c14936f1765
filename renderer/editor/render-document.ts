/**
 * Writes the blocks on screen into the Lexical tree (root → block paragraphs → text and marks):
 * blocks that come into view are added in order, blocks that leave are removed, and an edit
 * repaints the rendered blocks it touches. Blocks that are not rendered cost nothing.
 */
import { $createTextNode, $getNodeByKey, $getRoot, type ElementNode, type LexicalNode, type NodeKey } from 'lexical';
import type { Span } from '../../core/model';
import type { TextBlock } from '../../core/text/blocks';
import { paragraphSegments } from '../../core/spans/segments';
import { $createDocumentBlockNode } from './document-block-node';
import { $createSpanMarkNode } from './span-mark-node';

/** What rendering needs: the text, its blocks, and the spans touching a block. */
export interface BlockSource {
  text: string;
  blocks: readonly TextBlock[];
  spansOf(index: number): readonly Span[];
}

/** Fills block `index`'s node with its text runs, highlighted where spans cover them. */
export function $fillBlock(node: ElementNode, source: BlockSource, index: number): void {
  node.clear();
  const block = source.blocks[index]!;
  const spans = source.spansOf(index);
  const byId = new Map(spans.map((s) => [s.id, s]));
  for (const seg of paragraphSegments(block, spans)) {
    const textNode = $createTextNode(source.text.slice(seg.start, seg.end));
    if (seg.spanIds.length === 0) {
      node.append(textNode);
      continue;
    }
    const covering = seg.spanIds.map((id) => byId.get(id)!);
    const labels = covering.map((s) => s.label);
    const chips = covering.filter((s) => s.start === seg.start).map((s) => s.label);
    node.append($createSpanMarkNode(seg.spanIds, { labels, chips }).append(textNode));
  }
}

/**
 * Makes the root hold exactly the blocks `wanted` (ascending indices) in order, reusing the ones
 * already rendered; `rendered` maps block index → node key and is updated. Returns the new blocks.
 */
export function $renderWindow(source: BlockSource, rendered: Map<number, NodeKey>, wanted: readonly number[]): number[] {
  const keep = new Set(wanted);
  for (const [index, key] of rendered) {
    if (keep.has(index)) continue;
    $getNodeByKey(key)?.remove();
    rendered.delete(index);
  }
  const created: number[] = [];
  let previous: LexicalNode | null = null;
  for (const index of wanted) {
    const key = rendered.get(index);
    const existing = key === undefined ? null : $getNodeByKey<ElementNode>(key);
    if (existing) {
      previous = existing;
      continue;
    }
    const node = $createDocumentBlockNode(index, source.blocks[index]!);
    $fillBlock(node, source, index);
    if (previous) previous.insertAfter(node, false);
    else {
      const first = $getRoot().getFirstChild();
      if (first) first.insertBefore(node, false);
      else $getRoot().append(node);
    }
    rendered.set(index, node.getKey());
    created.push(index);
    previous = node;
  }
  return created;
}

/** Repaints the rendered blocks among `indices` with their current spans. */
export function $repaintBlocks(source: BlockSource, rendered: ReadonlyMap<number, NodeKey>, indices: Iterable<number>): void {
  for (const index of indices) {
    const key = rendered.get(index);
    const node = key === undefined ? null : $getNodeByKey<ElementNode>(key);
    if (node) $fillBlock(node, source, index);
  }
}

/** Empties the tree. */
export function $clearDocument(rendered: Map<number, NodeKey>): void {
  $getRoot().clear();
  rendered.clear();
}
