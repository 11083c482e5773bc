// A port on 127.0.0.1 whose SYNs go unanswered, so a connect hangs in SYN-SENT like one to a
// firewall that drops packets. Linux drops a SYN when the listener's accept queue is full (even
// with tcp_syncookies=1, which only covers a full SYN queue), so: listen with backlog 1 in a
// worker thread that then blocks (Atomics.wait) and never accepts, and fill the queue with two
// connections. No root, no sysctl.
import { connect, type Socket } from 'node:net';
import { Worker } from 'node:worker_threads';
import type { Endpoint } from './servers';

const BACKLOG = 1;
/** Linux queues backlog + 1 connections before it drops SYNs. */
const FILLERS = BACKLOG + 1;

// Plain CommonJS run by the worker: no tsx there.
const LISTENER = `
const { parentPort, workerData } = require('node:worker_threads');
const net = require('node:net');
const wake = new Int32Array(workerData.wake);
const server = net.createServer((s) => s.destroy());
server.listen({ host: '127.0.0.1', port: 0, backlog: workerData.backlog }, () => {
  parentPort.postMessage(server.address().port);
  Atomics.wait(wake, 0, 0); // the event loop stops here: nothing is accepted until woken
  server.close();
});
`;

function opened(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ host: '127.0.0.1', port });
    const t = setTimeout(() => { s.destroy(); reject(new Error('filling the accept queue: a connect did not complete in 2 s')); }, 2000);
    s.once('connect', () => { clearTimeout(t); resolve(s); });
    s.once('error', (e) => { clearTimeout(t); reject(e); });
  });
}

/** An endpoint whose further connects hang until the client gives up; close() frees everything. */
export async function droppingEndpoint(): Promise<Endpoint> {
  const wake = new SharedArrayBuffer(4);
  const worker = new Worker(LISTENER, { eval: true, workerData: { wake, backlog: BACKLOG } });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const fillers: Socket[] = [];
  const close = async (): Promise<void> => {
    for (const s of fillers) s.destroy();
    const flag = new Int32Array(wake);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
    await exited;
  };
  try {
    for (let k = 0; k < FILLERS; k += 1) fillers.push(await opened(port));
  } catch (e) {
    await close();
    throw e;
  }
  return { port, url: `http://127.0.0.1:${port}/rets/login`, close };
}
