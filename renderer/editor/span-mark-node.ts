/** A Lexical MarkNode keyed by span ids that paints its labels' colours (background for the innermost, one bar per span). */
import { MarkNode } from '@lexical/mark';
import type { EditorConfig } from 'lexical';

/** What a mark needs to know to paint: the label colour and name of each span id. */
export interface PaintContext {
  labelOf(spanId: string): { name: string; color: string } | undefined;
}

/** Theme key under which the editor's PaintContext is passed to nodes. */
export const PAINT_THEME_KEY = 'spanlightPaint';

const BAR_PX = 3;

function hexToRgba(hex: string, alpha: number): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  return `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, ${alpha})`;
}

/** Sets the data attributes and colours of a mark element for the given span ids (outermost first). */
export function paintMark(element: HTMLElement, ids: readonly string[], paint: PaintContext | undefined): void {
  element.dataset.spanIds = ids.join(' ');
  const labels = ids.map((id) => paint?.labelOf(id)).filter((l): l is { name: string; color: string } => l !== undefined);
  if (labels.length === 0) return;
  const innermost = labels[labels.length - 1]!;
  element.dataset.labels = labels.map((l) => l.name).join(' ');
  element.title = labels.map((l) => l.name).join(' + ');
  element.style.backgroundColor = hexToRgba(innermost.color, 0.3);
  // One coloured bar per covering span, stacked under the text: overlaps stay visibly distinct.
  element.style.boxShadow = labels.map((l, i) => `inset 0 -${BAR_PX * (labels.length - i)}px 0 0 ${l.color}`).reverse().join(', ');
  element.style.paddingBottom = `${BAR_PX * (labels.length - 1)}px`;
}

/** A MarkNode that paints span labels; ids are the span ids covering this run of text. */
export class SpanMarkNode extends MarkNode {
  override $config() {
    return this.config('spanlight-mark', { extends: MarkNode });
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = super.createDOM(config);
    paintMark(element, this.__ids, config.theme[PAINT_THEME_KEY] as PaintContext | undefined);
    return element;
  }

  override updateDOM(prevNode: this, element: HTMLElement, config: EditorConfig): boolean {
    super.updateDOM(prevNode, element, config);
    if (prevNode.__ids.join(' ') !== this.__ids.join(' ')) {
      paintMark(element, this.__ids, config.theme[PAINT_THEME_KEY] as PaintContext | undefined);
    }
    return false;
  }
}

/** Creates a span mark for the given ids. */
export function $createSpanMarkNode(ids: readonly string[]): SpanMarkNode {
  return new SpanMarkNode(ids);
}
