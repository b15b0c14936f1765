import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A minimal window: events, close(), and the bridge object that marks Electron. */
function fakeWindow(inElectron: boolean) {
  return Object.assign(new EventTarget(), { close: vi.fn(), spanlight: inElectron ? {} : undefined });
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

function unload(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

/** The module fresh, in a fake window (Electron's or a tab's), with its unload guard installed. */
async function load(inElectron: boolean) {
  const win = fakeWindow(inElectron);
  vi.stubGlobal('window', win);
  const module = await import('../../../renderer/db/pending-writes');
  module.guardUnloadWhileWriting();
  return { win, ...module };
}

describe('the unload guard while an edit is being written', () => {
  beforeEach(() => vi.resetModules());
  afterEach(() => vi.unstubAllGlobals());

  it('lets the window unload when nothing is pending', async () => {
    await load(true);
    expect(unload()).toBe(false);
  });

  it('in a browser tab, holds the unload (the browser asks) while a write is pending, then lets it go', async () => {
    const { win, trackWrite, pendingWrites } = await load(false);
    const write = deferred();
    const tracked = trackWrite(write.promise);
    expect(pendingWrites()).toBe(1);
    expect(unload()).toBe(true);
    write.resolve();
    await tracked;
    expect(pendingWrites()).toBe(0);
    expect(win.close).not.toHaveBeenCalled();
    expect(unload()).toBe(false);
  });

  it('in Electron, closes the window once the last pending write is stored', async () => {
    const { win, trackWrite } = await load(true);
    const first = deferred();
    const second = deferred();
    const a = trackWrite(first.promise);
    const b = trackWrite(second.promise);
    expect(unload()).toBe(true);
    first.resolve();
    await a;
    expect(win.close).not.toHaveBeenCalled();
    second.resolve();
    await b;
    expect(win.close).toHaveBeenCalledTimes(1);
  });

  it('keeps the window open when a write fails, so its error stays in sight; closing again closes', async () => {
    const { win, trackWrite, pendingWrites } = await load(true);
    const failing = trackWrite(Promise.reject(new Error('QuotaExceededError')));
    expect(unload()).toBe(true);
    await expect(failing).rejects.toThrow('QuotaExceededError');
    expect(pendingWrites()).toBe(0);
    expect(win.close).not.toHaveBeenCalled();
    expect(unload()).toBe(false);
  });
});

describe('the unload guard while edits wait for a retry', () => {
  beforeEach(() => vi.resetModules());
  afterEach(() => vi.unstubAllGlobals());

  it('in a browser tab, asks every time while edits are not saved (the write failed, a retry waits)', async () => {
    const { registerUnsaved } = await load(false);
    let unsaved = 2;
    registerUnsaved(() => unsaved);
    expect(unload()).toBe(true);
    expect(unload()).toBe(true);
    unsaved = 0;
    expect(unload()).toBe(false);
  });

  it('in Electron, stays open once (the indicator says what is not saved) and closes on the second close', async () => {
    const { win, registerUnsaved } = await load(true);
    registerUnsaved(() => 1);
    expect(unload()).toBe(true);
    expect(unload()).toBe(false);
    expect(win.close).not.toHaveBeenCalled();
  });
});

describe('waiting for pending writes', () => {
  beforeEach(() => vi.resetModules());
  afterEach(() => vi.unstubAllGlobals());

  it('resolves at once when nothing is pending, else when the last write settles, failed ones included', async () => {
    vi.stubGlobal('window', fakeWindow(false));
    const { trackWrite, whenWritten } = await import('../../../renderer/db/pending-writes');
    await whenWritten();
    const first = deferred();
    const a = trackWrite(first.promise);
    const b = trackWrite(Promise.reject(new Error('disk full')));
    let done = false;
    const waited = whenWritten().then(() => (done = true));
    await expect(b).rejects.toThrow('disk full');
    await Promise.resolve();
    expect(done).toBe(false);
    first.resolve();
    await a;
    await waited;
    expect(done).toBe(true);
  });
});
