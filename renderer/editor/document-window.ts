/**
 * Windowing of the document view: a TanStack virtualizer over the document's blocks decides which
 * blocks are near the screen, and only those are in Lexical's tree and the DOM. Blocks around the
 * selection's two ends stay rendered while it stretches off screen (a drag, Shift+PageDown), and the
 * space of the blocks not rendered is kept by padding and margins, so the scrollbar stays honest.
 */
import { elementScroll, observeElementOffset, observeElementRect, Virtualizer, type Range, type VirtualItem, type VirtualizerOptions } from '@tanstack/react-virtual';
import { $getRoot, $setSelection, SKIP_DOM_SELECTION_TAG, type LexicalEditor, type NodeKey } from 'lexical';
import type { Span } from '../../core/model';
import { blockAt, type TextBlock } from '../../core/text/blocks';
import { SpanBlockIndex } from '../../core/spans/block-index';
import { BLOCK_INDEX_ATTRIBUTE, blockElementOf, blockIndexOf } from './document-block-node';
import { $clearDocument, $renderWindow, $repaintBlocks, type BlockSource } from './render-document';
import { estimateBlockHeight, readTextMetrics, type TextMetrics } from './block-metrics';

/** How far beyond the visible blocks the window reaches, in screen heights (above and below). */
const OVERSCAN_SCREENS = 0.5;
/** At most this many blocks are rendered beyond the visible ones on each side. */
const OVERSCAN_MAX_BLOCKS = 40;
/** Wait after the first screen is shown before rendering the blocks around it. */
const FILL_DELAY_MS = 50;

const UPDATE_TAGS = [SKIP_DOM_SELECTION_TAG, 'history-merge'];

/** The windowed view of one document in one Lexical editor. */
export class DocumentWindow implements BlockSource {
  readonly virtualizer: Virtualizer<HTMLElement, HTMLElement>;
  private readonly index: SpanBlockIndex<Span>;
  private readonly rendered = new Map<number, NodeKey>();
  private order: number[] = [];
  private pins: number[] = [];
  private syncing = false;
  private again = false;
  private metrics: TextMetrics;
  private readonly options: VirtualizerOptions<HTMLElement, HTMLElement>;
  private readonly cleanups: (() => void)[] = [];
  private readonly renderListeners = new Set<() => void>();
  /** True until the first screen has been shown: only the visible blocks render, so it comes sooner. */
  private firstScreen = true;

  constructor(
    private readonly editor: LexicalEditor,
    readonly root: HTMLElement,
    readonly scroller: HTMLElement,
    readonly text: string,
    readonly blocks: readonly TextBlock[],
    spans: readonly Span[],
  ) {
    this.index = new SpanBlockIndex(blocks, spans);
    // Reads before any write, so the page is laid out once here (editor.css keeps the page's own
    // scroll anchoring off the scroller: the virtualizer corrects the scroll itself).
    this.metrics = readTextMetrics(root);
    this.options = {
      count: blocks.length,
      getScrollElement: () => scroller,
      estimateSize: (i) => estimateBlockHeight(blocks[i]!, this.metrics),
      scrollToFn: elementScroll,
      observeElementRect,
      observeElementOffset,
      scrollMargin: this.marginTop(),
      indexAttribute: BLOCK_INDEX_ATTRIBUTE,
      rangeExtractor: (range) => this.extract(range),
      onChange: () => this.sync(),
    };
    this.virtualizer = new Virtualizer(this.options);
    this.cleanups.push(this.virtualizer._didMount());
    // Blocks of a previous text in this editor go first; a new editor has none (no write, no layout).
    if (editor.getEditorState().read(() => $getRoot().getChildrenSize()) > 0) {
      this.editor.update(() => $clearDocument(this.rendered), { discrete: true, tag: UPDATE_TAGS });
    }
    // Reads the scroller's size (the page is still laid out) and renders the first screen.
    this.virtualizer._willUpdate();
    this.sync();
    // Once the first screen is painted, the blocks around it follow.
    const fill = setTimeout(() => {
      this.firstScreen = false;
      this.refreshRange();
    }, FILL_DELAY_MS);
    this.cleanups.push(() => clearTimeout(fill));
    const onSelection = () => this.refreshPins();
    document.addEventListener('selectionchange', onSelection);
    this.cleanups.push(() => document.removeEventListener('selectionchange', onSelection));
    // A new width re-wraps every line: measured heights no longer hold.
    let width = root.clientWidth;
    const resize = new ResizeObserver(() => {
      if (root.clientWidth === width) return;
      width = root.clientWidth;
      this.metrics = readTextMetrics(root);
      this.setOptions({ scrollMargin: this.marginTop() });
      this.virtualizer.measure();
    });
    resize.observe(root);
    this.cleanups.push(() => resize.disconnect());
  }

  /** Spans touching block `index` (for rendering). */
  spansOf(index: number): readonly Span[] {
    return this.index.spansOf(index);
  }

  /** Block indices rendered now, ascending. */
  get renderedIndices(): readonly number[] {
    return this.order;
  }

  /** Calls `listener` after every change of the rendered blocks (added, removed or repainted); returns an unsubscribe. */
  onRender(listener: () => void): () => void {
    this.renderListeners.add(listener);
    return () => this.renderListeners.delete(listener);
  }

  /** Takes a new version of the span list; repaints the rendered blocks it touches. Returns whether anything on screen changed. */
  setSpans(spans: readonly Span[]): boolean {
    const touched = [...this.index.update(spans)].filter((i) => this.rendered.has(i));
    if (touched.length === 0) return false;
    this.editor.update(() => $repaintBlocks(this, this.rendered, touched), { discrete: true, tag: UPDATE_TAGS });
    this.notifyRender();
    return true;
  }

  /** Repaints every rendered block (label colours or names changed). */
  repaintAll(): void {
    this.editor.update(() => $repaintBlocks(this, this.rendered, this.order), { discrete: true, tag: UPDATE_TAGS });
    this.notifyRender();
  }

  /** Index of the block holding `offset`. */
  blockAt(offset: number): number {
    return blockAt(this.blocks, offset);
  }

  /** Stops listening and observing. */
  destroy(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.renderListeners.clear();
  }

  private marginTop(): number {
    return this.root.offsetTop;
  }

  private setOptions(change: Partial<VirtualizerOptions<HTMLElement, HTMLElement>>): void {
    Object.assign(this.options, change);
    this.virtualizer.setOptions({ ...this.options });
    this.virtualizer._willUpdate();
  }

  /** The blocks the selection's ends are in (rendered ones). */
  private currentPins(): number[] {
    const pins = new Set<number>();
    const selection = window.getSelection();
    if (selection && selection.rangeCount > 0) {
      for (const [node, offset] of [
        [selection.anchorNode, selection.anchorOffset],
        [selection.focusNode, selection.focusOffset],
      ] as const) {
        if (!node || !this.root.contains(node)) continue;
        const block = node === this.root ? this.root.children[Math.min(offset, this.root.children.length - 1)] : blockElementOf(node);
        if (block?.hasAttribute(BLOCK_INDEX_ATTRIBUTE)) pins.add(blockIndexOf(block));
      }
    }
    return [...pins].sort((a, b) => a - b);
  }

  private refreshPins(): void {
    const pins = this.currentPins();
    if (pins.join() === this.pins.join()) return;
    this.pins = pins;
    this.refreshRange();
  }

  private refreshRange(): void {
    // A new extractor makes the virtualizer recompute its indexes.
    this.setOptions({ rangeExtractor: (range) => this.extract(range) });
    this.sync();
  }

  /** Visible blocks, the overscan around them (in screen heights), and the pinned blocks. */
  private extract(range: Range): number[] {
    const measurements = this.virtualizer.measurementsCache;
    const reach = this.firstScreen ? 0 : (this.virtualizer.scrollRect?.height ?? 800) * OVERSCAN_SCREENS;
    let first = range.startIndex;
    const top = measurements[first]?.start ?? 0;
    while (first > 0 && range.startIndex - first < OVERSCAN_MAX_BLOCKS && top - measurements[first - 1]!.start < reach) first--;
    let last = range.endIndex;
    const bottom = measurements[last]?.end ?? 0;
    while (last < range.count - 1 && last - range.endIndex < OVERSCAN_MAX_BLOCKS && measurements[last + 1]!.end - bottom < reach) last++;
    const indices: number[] = [];
    const pins = this.pins.filter((p) => p < range.count);
    let p = 0;
    while (p < pins.length && pins[p]! < first) indices.push(pins[p++]!);
    for (let i = first; i <= last; i++) indices.push(i);
    while (p < pins.length && pins[p]! <= last) p++;
    while (p < pins.length) indices.push(pins[p++]!);
    return indices;
  }

  /** Brings the Lexical tree and the spacing in line with the virtualizer; re-entrant calls run once more at the end. */
  private sync(): void {
    if (this.syncing) {
      this.again = true;
      return;
    }
    this.syncing = true;
    try {
      for (let round = 0; round < 8; round++) {
        this.again = false;
        const items = this.virtualizer.getVirtualItems();
        const wanted = items.map((item) => item.index);
        if (wanted.join() !== this.order.join()) this.render(wanted);
        this.layout(this.virtualizer.getVirtualItems());
        if (!this.again) break;
      }
    } finally {
      this.syncing = false;
    }
  }

  private render(wanted: number[]): void {
    let created: number[] = [];
    this.editor.update(
      () => {
        // Lexical's own selection is not used (the view is read-only): it must not follow removed nodes.
        $setSelection(null);
        created = $renderWindow(this, this.rendered, wanted);
      },
      { discrete: true, tag: UPDATE_TAGS },
    );
    this.order = wanted;
    for (const index of created) {
      const element = this.editor.getElementByKey(this.rendered.get(index)!);
      if (element) this.virtualizer.measureElement(element);
    }
    this.virtualizer.measureElement(null);
    this.notifyRender();
  }

  /** Padding above and below the rendered blocks, and a margin before a block that follows a gap, stand in for the blocks not rendered. */
  private layout(items: VirtualItem[]): void {
    const style = this.root.style;
    if (items.length === 0) {
      style.paddingTop = '';
      style.paddingBottom = '';
      return;
    }
    const margin = this.options.scrollMargin ?? 0;
    setPx(style, 'paddingTop', items[0]!.start - margin);
    for (let k = 0; k < items.length; k++) {
      const element = this.editor.getElementByKey(this.rendered.get(items[k]!.index) ?? '');
      if (element) setPx(element.style, 'marginTop', k === 0 ? 0 : items[k]!.start - items[k - 1]!.end);
    }
    setPx(style, 'paddingBottom', this.virtualizer.getTotalSize() + margin - items[items.length - 1]!.end);
  }

  private notifyRender(): void {
    for (const listener of this.renderListeners) listener();
  }
}

function setPx(style: CSSStyleDeclaration, property: 'paddingTop' | 'paddingBottom' | 'marginTop', value: number): void {
  const next = Math.abs(value) < 0.5 ? '' : `${Math.max(0, value).toFixed(1)}px`;
  if (style[property] !== next) style[property] = next;
}
