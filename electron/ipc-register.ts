// Registers the handler map on ipcMain, one channel per bridge method, behind the sender check
// and the argument schemas.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { BRIDGE_CHANNELS, BRIDGE_METHODS } from './bridge-contract.js';
import { bridgeArgSchemas } from './bridge-validation.js';
import type { BridgeHandlers } from './ipc-handlers.js';
import { isTrustedSender } from './security.js';

/** The part of an invoke event the sender check reads. */
export type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

/** True when the event comes from the top frame of a page on the app's own origin. */
export function isTrustedEvent(event: SenderEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isTrustedSender(frame.url);
}

/** Handles every bridge channel: rejects untrusted senders and malformed arguments, then calls the handler. */
export function registerBridgeHandlers(ipc: Pick<IpcMain, 'handle'>, handlers: BridgeHandlers): void {
  for (const method of BRIDGE_METHODS) {
    const channel = BRIDGE_CHANNELS[method];
    const handler = handlers[method] as (...args: unknown[]) => Promise<unknown>;
    const schema = bridgeArgSchemas[method];
    ipc.handle(channel, async (event, ...args: unknown[]) => {
      if (!isTrustedEvent(event)) {
        console.warn(`spanlight: refused ${channel} from untrusted sender ${event.senderFrame?.url ?? '(no frame)'}`);
        throw new Error(`${channel}: untrusted sender`);
      }
      const parsed = schema.safeParse(args);
      if (!parsed.success) throw new Error(`${channel}: invalid arguments: ${z.prettifyError(parsed.error)}`);
      return handler(...(parsed.data as unknown[]));
    });
  }
}
