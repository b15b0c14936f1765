/** Height estimates of blocks not laid out yet, from the text's font and column width (measured heights replace them once rendered). */
import type { TextBlock } from '../../core/text/blocks';

/** What an estimate needs: characters per line and line height in pixels. */
export interface TextMetrics {
  charsPerLine: number;
  lineHeight: number;
}

/** Average character width of running text, in em (proportional fonts, Latin text). */
const CHAR_EM = 0.47;

/** Reads the metrics of the document text element. */
export function readTextMetrics(root: HTMLElement): TextMetrics {
  const style = getComputedStyle(root);
  const fontSize = parseFloat(style.fontSize) || 16;
  const lineHeight = parseFloat(style.lineHeight) || fontSize * 1.5;
  const width = root.clientWidth - (parseFloat(style.paddingLeft) || 0) - (parseFloat(style.paddingRight) || 0);
  return { charsPerLine: Math.max(20, Math.floor(width / (fontSize * CHAR_EM))), lineHeight };
}

/** Expected height of a block: its wrapped lines (at least one). */
export function estimateBlockHeight(block: TextBlock, metrics: TextMetrics): number {
  return Math.max(1, Math.ceil((block.end - block.start) / metrics.charsPerLine)) * metrics.lineHeight;
}
