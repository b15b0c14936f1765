/**
 * Tells every window on the same profile (and this one) that annotation sets changed on disk: an
 * operation was appended (the open views read the operations they have not seen), or sets were
 * rewritten whole (an import, an undone import, a restore: the views reload them), or a schema edit
 * renamed or removed a label in every set and in the log (the views reload their sets and rebuild
 * their undo history; the project's labels changed), or only the project row changed (name,
 * labels' colours and keys, guidelines, settings).
 */
import type { SpanlightDb } from './database';

/** A change of stored sets. */
export type SetChange =
  | { kind: 'ops'; docId: string; annotator: string; seq: number }
  | { kind: 'reset'; docId: string; annotator: string }
  | { kind: 'reset-all' }
  | { kind: 'labels' }
  | { kind: 'project' };

type Listener = (change: SetChange) => void;

interface Hub {
  channel: BroadcastChannel | null;
  listeners: Set<Listener>;
}

const hubs = new Map<string, Hub>();

function hubOf(db: SpanlightDb): Hub {
  const hub = hubs.get(db.name);
  if (hub) return hub;
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`spanlight-sets:${db.name}`);
  const created: Hub = { channel, listeners: new Set() };
  if (channel) channel.onmessage = (event: MessageEvent<SetChange>) => deliver(created, event.data);
  hubs.set(db.name, created);
  return created;
}

function deliver(hub: Hub, change: SetChange): void {
  for (const listener of [...hub.listeners]) listener(change);
}

/** Announces changes already on disk, to this window's listeners and to the other windows. */
export function announceSetChanges(db: SpanlightDb, changes: readonly SetChange[]): void {
  const hub = hubOf(db);
  for (const change of changes) {
    hub.channel?.postMessage(change);
    queueMicrotask(() => deliver(hub, change));
  }
}

/** Calls `listener` on every change of `db`'s sets, from this window or another; returns the unsubscribe function. */
export function onSetChange(db: SpanlightDb, listener: Listener): () => void {
  const hub = hubOf(db);
  hub.listeners.add(listener);
  return () => hub.listeners.delete(listener);
}
