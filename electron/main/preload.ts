// The preload: runs sandboxed with context isolation and exposes on window.retsWorkbench exactly
// the named functions of the contract (one per call, each bound to its own channel) and an event
// subscription. The page never sees ipcRenderer and cannot pick a channel.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { callNames, type CallName } from '../../shared/contract/calls';
import type { Envelope } from '../../shared/contract/common';
import { bridgeGlobalName } from '../../shared/contract/transports';
import { callChannel, EVENT_CHANNEL } from './ipcChannels';

function callFunction(name: CallName) {
  const channel = callChannel(name);
  return (request: unknown): Promise<Envelope<unknown>> => ipcRenderer.invoke(channel, request) as Promise<Envelope<unknown>>;
}

const bridge: Record<string, unknown> = {};
for (const name of callNames) bridge[name] = callFunction(name);
bridge.onEvent = (listener: (event: unknown) => void): (() => void) => {
  const wrapped = (_e: IpcRendererEvent, event: unknown) => listener(event);
  ipcRenderer.on(EVENT_CHANNEL, wrapped);
  return () => { ipcRenderer.removeListener(EVENT_CHANNEL, wrapped); };
};

contextBridge.exposeInMainWorld(bridgeGlobalName, Object.freeze(bridge));
