/**
 * The window's queue of edits on their way to disk, in the order they were made. An edit leaves the
 * queue only once IndexedDB has stored it. A failed write keeps it (and every later one) queued,
 * says why in words, and is retried: by itself with a growing pause, on the next edit, and when the
 * user asks; a connection Dexie closed is reopened first. Nothing says "saved" while anything waits.
 */
import type { SpanlightDb } from './database';
import { trackWrite, registerUnsaved } from './pending-writes';

/** Why the last write failed, in words a user can act on. */
export interface SaveFailure {
  kind: 'quota' | 'closed' | 'other';
  /** What went wrong ("the disk is full …"). */
  reason: string;
  /** What to do about it. */
  advice: string;
  /** The error as the browser gave it. */
  detail: string;
  /** Failed attempts in a row. */
  attempts: number;
  /** When the next automatic retry starts (ms since the epoch), or null while one runs. */
  retryAt: number | null;
}

/** What the save indicator shows. */
export interface SaveState {
  /** Edits not on disk yet. */
  pending: number;
  /** Set while the last attempt failed (edits stay queued). */
  failure: SaveFailure | null;
}

/** One queued write. */
export interface QueuedWrite<R> {
  /** Which set it belongs to, for the per-set count of unsaved edits. */
  key: string;
  /** Writes it (called again on retry; must be all or nothing). */
  write: () => Promise<R>;
  /** Called once it is stored, in queue order. */
  written: (result: R) => void;
}

const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 15_000];

function errorName(error: unknown): string {
  if (!(error instanceof Error)) return '';
  const inner = (error as Error & { inner?: unknown }).inner;
  return inner instanceof Error && inner.name !== 'Error' ? inner.name : error.name;
}

/** Puts a failed write into words. */
export function describeFailure(error: unknown, attempts: number, retryAt: number | null): SaveFailure {
  const name = errorName(error);
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const keep = 'Keep this window open: your changes stay here and are saved as soon as the write succeeds.';
  if (name === 'QuotaExceededError' || /quota/i.test(detail)) {
    return { kind: 'quota', reason: 'the disk is full (or the browser’s storage quota for Spanlight is used up)', advice: `Free some disk space, then press Retry (Spanlight also retries by itself). ${keep}`, detail, attempts, retryAt };
  }
  if (name === 'DatabaseClosedError' || name === 'InvalidStateError') {
    return { kind: 'closed', reason: 'the connection to the browser’s storage was closed', advice: `Spanlight reopens it and retries; press Retry to try now. ${keep}`, detail, attempts, retryAt };
  }
  return { kind: 'other', reason: `the browser refused the write (${detail})`, advice: `Press Retry, or free disk space if the disk is nearly full. ${keep}`, detail, attempts, retryAt };
}

/** Options of a queue (tests replace the wait for the next painted frame). */
export interface SaveQueueOptions {
  /** Runs before a batch of writes starts: by default, waits until the edit is on screen. */
  beforeWrite?: () => Promise<void>;
}

/** The ordered queue of one database's writes. */
export class SaveQueue {
  private readonly items: QueuedWrite<unknown>[] = [];
  private failure: SaveFailure | null = null;
  private running: Promise<void> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private state: SaveState = { pending: 0, failure: null };
  private readonly listeners = new Set<() => void>();
  private readonly idleTasks = new Map<string, () => Promise<unknown>>();
  private readonly drained: (() => void)[] = [];

  constructor(
    private readonly db: SpanlightDb,
    private readonly options: SaveQueueOptions = {},
  ) {
    registerUnsaved(() => this.items.length);
  }

  /** Queues a write after every earlier one; starts writing unless a failure is waiting for its retry. */
  enqueue<R>(item: QueuedWrite<R>): void {
    this.items.push(item as QueuedWrite<unknown>);
    this.publish();
    // A new edit is also a retry.
    this.start(this.failure === null);
  }

  /** Retries now (the Retry button). */
  retry(): void {
    this.start(false);
  }

  /** Current state (a stable object between changes, for React). */
  snapshot = (): SaveState => this.state;

  /** Subscribes to state changes; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** How many queued writes belong to `key`. */
  pendingFor(key: string): number {
    return this.items.reduce((n, item) => n + (item.key === key ? 1 : 0), 0);
  }

  /** Resolves once every write queued so far is stored (it never resolves while they keep failing). */
  flushed(): Promise<void> {
    if (this.items.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  /**
   * Runs `task` (a fold) once the queue is empty and healthy; one per `key`, latest wins. A failing
   * task is not retried: what it would tidy stays correct as it is.
   */
  whenIdle(key: string, task: () => Promise<unknown>): void {
    this.idleTasks.set(key, task);
    if (!this.running && this.items.length === 0 && this.failure === null) this.start(false);
  }

  private start(waitForPaint: boolean): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.running) return;
    if (this.failure) this.setFailure({ ...this.failure, retryAt: null });
    const run = this.run(waitForPaint);
    this.running = run.finally(() => (this.running = null));
    // Tracked while it runs: a reload or export waits for it, a failure keeps the window open.
    void trackWrite(this.running).catch(() => undefined);
  }

  private async run(waitForPaint: boolean): Promise<void> {
    if (waitForPaint && this.options.beforeWrite) await this.options.beforeWrite();
    // Edits queued while a tidying task ran found the queue running and did not start it: write them too.
    do {
      while (this.items.length > 0) {
        const item = this.items[0]!;
        let result: unknown;
        try {
          if (!this.db.isOpen()) await this.db.open();
          result = await item.write();
        } catch (error) {
          this.failed(error);
          throw error;
        }
        this.items.shift();
        this.failure = null;
        this.publish();
        item.written(result);
      }
      for (const resolve of this.drained.splice(0)) resolve();
      await this.runIdleTasks();
    } while (this.items.length > 0);
  }

  private async runIdleTasks(): Promise<void> {
    while (this.idleTasks.size > 0 && this.items.length === 0) {
      const [key, task] = this.idleTasks.entries().next().value!;
      this.idleTasks.delete(key);
      try {
        await task();
      } catch (error) {
        console.warn(`spanlight: tidying ${key} failed, it stays as it is:`, error);
      }
    }
  }

  private failed(error: unknown): void {
    const attempts = (this.failure?.attempts ?? 0) + 1;
    const delay = RETRY_DELAYS_MS[Math.min(attempts, RETRY_DELAYS_MS.length) - 1]!;
    // Dexie closes its connection after some failures: reopen before the next attempt.
    if (errorName(error) === 'DatabaseClosedError' || !this.db.isOpen()) this.db.close();
    this.setFailure(describeFailure(error, attempts, Date.now() + delay));
    this.retryTimer = setTimeout(() => this.start(false), delay);
  }

  private setFailure(failure: SaveFailure | null): void {
    this.failure = failure;
    this.publish();
  }

  private publish(): void {
    const next: SaveState = { pending: this.items.length, failure: this.failure };
    if (next.pending === this.state.pending && next.failure === this.state.failure) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }
}

const queues = new WeakMap<SpanlightDb, SaveQueue>();

/** The save queue of `db` (one per database per window). */
export function saveQueueOf(db: SpanlightDb, options?: SaveQueueOptions): SaveQueue {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = new SaveQueue(db, options)));
  return queue;
}
