// IPC: one handler per contract call. The sender of every message is checked (the app's own
// main frame only) and every payload is validated against the contract's schema by host.call.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { callNames } from '../../shared/contract/calls';
import type { Envelope } from '../../shared/contract/common';
import type { Host } from '../host/host';
import { callChannel, EVENT_CHANNEL } from './ipcChannels';
import { isTrustedSender } from './policy';

// Only the top frame of our own page; never a subframe or a page that navigated elsewhere.
function trustedSender(event: IpcMainInvokeEvent, devServerUrl: string | undefined): boolean {
  return isTrustedSender(event.senderFrame, devServerUrl);
}

export function registerIpc(host: Host, devServerUrl: string | undefined): void {
  for (const name of callNames) {
    ipcMain.handle(callChannel(name), async (event, request: unknown): Promise<Envelope<unknown>> => {
      if (!trustedSender(event, devServerUrl)) {
        return { ok: false, error: { kind: 'auth', transaction: 'Other', message: 'This call came from a page that is not the workbench and was refused.' } };
      }
      return host.call(name, request);
    });
  }
}

/** Forwards host events to the window (until it closes); search.rows `bytes` go as a Uint8Array (structured clone). */
export function forwardEvents(host: Host, contents: WebContents): () => void {
  const off = host.events.subscribe((event) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
  });
  contents.once('destroyed', off);
  return off;
}
