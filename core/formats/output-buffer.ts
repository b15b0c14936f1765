/**
 * Output text built a line at a time without ever holding millions of small strings or a deep
 * rope: lines are joined into chunks of about 64 K characters, which go to a sink as they fill (a
 * file being written) or are joined once at the end.
 */

/** Receives output text in pieces, in order. */
export type TextSink = (chunk: string) => void;

const CHUNK = 1 << 16;

/** Collects output; see the module comment. */
export class OutputBuffer {
  private parts: string[] = [];
  private size = 0;
  private readonly chunks: string[] = [];

  /** Sends full chunks to `sink` when given; else keeps them for `finish`. */
  constructor(private readonly sink?: TextSink) {}

  /** Appends text. */
  push(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) this.flush();
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (this.sink) this.sink(chunk);
    else this.chunks.push(chunk);
  }

  /** The whole output (empty when it went to a sink, which has then received everything). */
  finish(): string {
    this.flush();
    if (this.sink) return '';
    const all = this.chunks.join('');
    this.chunks.length = 0;
    return all;
  }
}
