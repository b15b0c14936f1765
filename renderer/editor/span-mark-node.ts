/**
 * A Lexical MarkNode for one run of text covered by the same spans: a background for the innermost
 * label, one coloured bar per span, and a label chip where spans start ("LOCATION" before "Kiev"),
 * which screen readers read as "LOCATION: Kiev".
 */
import { MarkNode } from '@lexical/mark';
import type { EditorConfig, NodeKey } from 'lexical';
import { chipColors, highlightAlpha, parseHex } from '../../core/labels/label-colors';

/** What a mark needs to know to paint: the colour of each label. */
export interface PaintContext {
  colorOf(label: string): string;
}

/** Theme key under which the editor's PaintContext is passed to nodes. */
export const PAINT_THEME_KEY = 'spanlightPaint';

/** The labels a run of text shows. */
export interface MarkPaint {
  /** Label of each covering span, outermost first (parallel to the mark's ids). */
  labels: readonly string[];
  /** Labels of the spans that start at this run, outermost first: shown as a chip before it. */
  chips: readonly string[];
}

const BAR_PX = 3;
/** The document text colour (styles.css `--text`), which highlights must keep readable. */
const TEXT_COLOR = '#1b1f24';
const NO_PAINT: MarkPaint = { labels: [], chips: [] };

const tints = new Map<string, string>();
function tintOf(color: string): string {
  let tint = tints.get(color);
  if (tint === undefined) {
    const rgb = parseHex(color) ?? { r: 136, g: 136, b: 136 };
    tint = `rgba(${rgb.r}, ${rgb.g}, ${rgb.b}, ${highlightAlpha(color, TEXT_COLOR)})`;
    tints.set(color, tint);
  }
  return tint;
}

const chipsByColor = new Map<string, { background: string; text: string }>();
function chipOf(color: string): { background: string; text: string } {
  let chip = chipsByColor.get(color);
  if (!chip) {
    chip = chipColors(color);
    chipsByColor.set(color, chip);
  }
  return chip;
}

/** Sets the data attributes and colours of a mark element for the given span ids (outermost first). */
export function paintMark(element: HTMLElement, ids: readonly string[], paint: MarkPaint, context: PaintContext | undefined): void {
  element.dataset.spanIds = ids.join(' ');
  const { labels, chips } = paint;
  if (labels.length === 0) return;
  const colors = labels.map((l) => context?.colorOf(l) ?? '#888888');
  element.dataset.labels = labels.join(' ');
  element.title = labels.join(' + ');
  element.style.backgroundColor = tintOf(colors[colors.length - 1]!);
  // One coloured bar per covering span, stacked under the text: overlaps stay visibly distinct.
  element.style.boxShadow = colors.map((c, i) => `inset 0 -${BAR_PX * (colors.length - i)}px 0 0 ${c}`).reverse().join(', ');
  element.style.paddingBottom = `${BAR_PX * (colors.length - 1)}px`;
  if (chips.length > 0) {
    element.dataset.chip = chips.join(' · ');
    element.dataset.chipSpoken = `${chips.join(', ')}: `;
    // One label: its own colour; several starting together: a neutral chip naming them all.
    const chip = chips.length === 1 ? chipOf(context?.colorOf(chips[0]!) ?? '#888888') : { background: '#374151', text: '#ffffff' };
    element.style.setProperty('--chip-bg', chip.background);
    element.style.setProperty('--chip-fg', chip.text);
  } else {
    delete element.dataset.chip;
    delete element.dataset.chipSpoken;
  }
}

/** A MarkNode that paints span labels; ids are the span ids covering this run of text. */
export class SpanMarkNode extends MarkNode {
  /** @internal */
  __paint: MarkPaint;

  constructor(ids?: readonly string[], paint: MarkPaint = NO_PAINT, key?: NodeKey) {
    super(ids, key);
    this.__paint = paint;
  }

  override $config() {
    return this.config('spanlight-mark', { extends: MarkNode });
  }

  override afterCloneFrom(prevNode: this): void {
    super.afterCloneFrom(prevNode);
    this.__paint = prevNode.__paint;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = super.createDOM(config);
    paintMark(element, this.__ids, this.__paint, config.theme[PAINT_THEME_KEY] as PaintContext | undefined);
    return element;
  }

  override updateDOM(prevNode: this, element: HTMLElement, config: EditorConfig): boolean {
    super.updateDOM(prevNode, element, config);
    if (prevNode.__ids.join(' ') !== this.__ids.join(' ') || prevNode.__paint !== this.__paint) {
      paintMark(element, this.__ids, this.__paint, config.theme[PAINT_THEME_KEY] as PaintContext | undefined);
    }
    return false;
  }
}

/** Creates a span mark for the given ids and labels. */
export function $createSpanMarkNode(ids: readonly string[], paint: MarkPaint): SpanMarkNode {
  return new SpanMarkNode(ids, paint);
}
