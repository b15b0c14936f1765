/** Finds paragraph elements in the rendered document, which groups them in chunks of PARAGRAPHS_PER_CHUNK. */
import { PARAGRAPHS_PER_CHUNK } from './document-chunk-node';

/** The element of paragraph `index`, or undefined when it is not rendered (yet). */
export function paragraphElement(root: HTMLElement, index: number): Element | undefined {
  return root.children[Math.floor(index / PARAGRAPHS_PER_CHUNK)]?.children[index % PARAGRAPHS_PER_CHUNK];
}

/** Index of the paragraph holding `node` (a node inside the text); -1 when it is not inside a paragraph. */
export function paragraphIndexOf(root: HTMLElement, node: Node): number {
  let child: Node | null = node;
  while (child && child.parentNode?.parentNode !== root) child = child.parentNode;
  const chunk = child?.parentNode;
  if (!child || !(chunk instanceof Element)) return -1;
  const chunkIndex = Array.prototype.indexOf.call(root.children, chunk) as number;
  return chunkIndex * PARAGRAPHS_PER_CHUNK + (Array.prototype.indexOf.call(chunk.children, child) as number);
}

/**
 * The paragraph a DOM point between paragraphs stands before: for a point in the root (between
 * chunks) or in a chunk (between its paragraphs); null for a point elsewhere.
 */
export function paragraphBeforePoint(root: HTMLElement, node: Node, offset: number): number | null {
  if (node === root) return offset * PARAGRAPHS_PER_CHUNK;
  if (node.parentNode === root && node instanceof Element) {
    return (Array.prototype.indexOf.call(root.children, node) as number) * PARAGRAPHS_PER_CHUNK + offset;
  }
  return null;
}
