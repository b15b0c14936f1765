/**
 * A block of consecutive paragraphs. A long document is a few dozen chunks rather than thousands
 * of root paragraphs: Lexical reconciles an edit through one chunk, and the browser skips laying out
 * chunks off screen (content-visibility) with a few dozen observations instead of thousands.
 */
import { ElementNode, type NodeKey } from 'lexical';

/** How many paragraphs a chunk holds (the last one may hold fewer). */
export const PARAGRAPHS_PER_CHUNK = 50;

/** Characters per rendered line and the line height in em, for a chunk's height before it is laid out. */
const CHARS_PER_LINE = 85;
const LINE_EM = 2.1;

/** Lines a run of paragraphs is expected to take (each at least one), for a chunk's placeholder height. */
export function estimatedLines(paragraphLengths: readonly number[]): number {
  return paragraphLengths.reduce((sum, length) => sum + Math.max(1, Math.ceil(length / CHARS_PER_LINE)), 0);
}

/** The Lexical node of a chunk: a `div.doc-chunk` whose placeholder height stands in for it until it is on screen. */
export class DocumentChunkNode extends ElementNode {
  /** @internal */
  __estimatedLines: number;

  constructor(lines = 1, key?: NodeKey) {
    super(key);
    this.__estimatedLines = lines;
  }

  override $config() {
    return this.config('spanlight-chunk', { extends: ElementNode });
  }

  override afterCloneFrom(prevNode: this): void {
    super.afterCloneFrom(prevNode);
    this.__estimatedLines = prevNode.__estimatedLines;
  }

  override createDOM(): HTMLElement {
    const element = document.createElement('div');
    element.className = 'doc-chunk';
    element.style.containIntrinsicSize = `auto ${(this.__estimatedLines * LINE_EM).toFixed(1)}em`;
    return element;
  }

  override updateDOM(): boolean {
    return false;
  }
}

/** Creates a chunk expected to take `lines` lines. */
export function $createDocumentChunkNode(lines: number): DocumentChunkNode {
  return new DocumentChunkNode(lines);
}
