import { describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS, BRIDGE_METHODS } from '../../../electron/bridge-contract.js';
import { bridgeArgSchemas } from '../../../electron/bridge-validation.js';
import { createHandlers, type BridgeHandlers, type DialogPort } from '../../../electron/ipc-handlers.js';

const refuse: DialogPort = {
  pickFiles: async () => null,
  pickFolder: async () => null,
  pickSaveLocation: async () => null,
  pickSaveFolder: async () => null,
};

describe('bridge contract and handler map', () => {
  const channels = Object.values(BRIDGE_CHANNELS);

  it('has one unique, prefixed channel per method', () => {
    expect(new Set(channels).size).toBe(channels.length);
    expect(BRIDGE_METHODS).toEqual(Object.keys(BRIDGE_CHANNELS));
    for (const [method, channel] of Object.entries(BRIDGE_CHANNELS)) expect(channel).toBe(`spanlight:${method}`);
    expect(Object.isFrozen(BRIDGE_CHANNELS)).toBe(true);
  });

  it('has a handler and an argument schema for every channel, and nothing else', () => {
    const handlers = createHandlers({ dialogs: refuse, version: '1.2.3', platform: 'linux', backupDir: '/nonexistent/spanlight-backups' });
    for (const method of BRIDGE_METHODS) {
      expect(typeof handlers[method]).toBe('function');
      expect(bridgeArgSchemas[method]).toBeDefined();
    }
    expect(Object.keys(handlers).sort()).toEqual([...BRIDGE_METHODS].sort());
    expect(Object.keys(bridgeArgSchemas).sort()).toEqual([...BRIDGE_METHODS].sort());
  });

  it('reports the electron shell and treats cancelled dialogs as null / not saved', async () => {
    const handlers = createHandlers({ dialogs: refuse, version: '1.2.3', platform: 'linux', backupDir: '/nonexistent/spanlight-backups' });
    await expect(handlers.appInfo()).resolves.toEqual({ version: '1.2.3', platform: 'linux', shell: 'electron' });
    await expect(handlers.openTextFiles()).resolves.toBeNull();
    await expect(handlers.openFolder()).resolves.toBeNull();
    await expect(handlers.saveFile({ suggestedName: 'a.jsonl', content: '{}' })).resolves.toEqual({ saved: false });
  });
});

// Compile-time half of the coverage check (tsc -p tsconfig.tests.json): a map missing a method must not type-check.
// @ts-expect-error -- openTextFiles, openFolder, saveFile and the backup methods are missing
export const _incomplete: BridgeHandlers = {
  appInfo: async () => ({ version: '0', platform: 'linux', shell: 'electron' }),
};
