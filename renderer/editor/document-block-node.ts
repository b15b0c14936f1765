/**
 * One block of the document (a line, or a piece of a very long line) as a Lexical element: a
 * `p.doc-paragraph` that carries its block index and global offsets, so DOM points map to offsets
 * without counting the blocks that are not rendered.
 */
import { ElementNode, type NodeKey } from 'lexical';
import type { TextBlock } from '../../core/text/blocks';

/** Attribute holding a block element's index (also the virtual list's index attribute). */
export const BLOCK_INDEX_ATTRIBUTE = 'data-block';

/** The Lexical node of a block. */
export class DocumentBlockNode extends ElementNode {
  /** @internal */
  __index: number;
  /** @internal */
  __start: number;
  /** @internal */
  __end: number;
  /** @internal */
  __continued: boolean;

  constructor(index = 0, block: TextBlock = { start: 0, end: 0, continued: false }, key?: NodeKey) {
    super(key);
    this.__index = index;
    this.__start = block.start;
    this.__end = block.end;
    this.__continued = block.continued;
  }

  override $config() {
    return this.config('spanlight-block', { extends: ElementNode });
  }

  override afterCloneFrom(prevNode: this): void {
    super.afterCloneFrom(prevNode);
    this.__index = prevNode.__index;
    this.__start = prevNode.__start;
    this.__end = prevNode.__end;
    this.__continued = prevNode.__continued;
  }

  override createDOM(): HTMLElement {
    const element = document.createElement('p');
    element.className = this.__continued ? 'doc-paragraph doc-continued' : 'doc-paragraph';
    element.setAttribute(BLOCK_INDEX_ATTRIBUTE, String(this.__index));
    element.dataset.start = String(this.__start);
    element.dataset.end = String(this.__end);
    // A blank line is spacing, not an empty paragraph for screen readers.
    if (this.__end === this.__start) element.setAttribute('aria-hidden', 'true');
    return element;
  }

  override updateDOM(): boolean {
    return false;
  }
}

/** Creates the node of block `index`. */
export function $createDocumentBlockNode(index: number, block: TextBlock): DocumentBlockNode {
  return new DocumentBlockNode(index, block);
}

/** The rendered block element holding `node` (a node inside the document text), or null. */
export function blockElementOf(node: Node | null): HTMLElement | null {
  const element = node instanceof Element ? node : node?.parentElement;
  return (element?.closest(`[${BLOCK_INDEX_ATTRIBUTE}]`) as HTMLElement | null) ?? null;
}

/** Index of a block element. */
export function blockIndexOf(element: Element): number {
  return Number(element.getAttribute(BLOCK_INDEX_ATTRIBUTE));
}
