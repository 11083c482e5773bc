// A stand-in for an SSH tunnel or port forward: a real TCP forwarder on 127.0.0.1 in front of a
// server, counting the bytes that come back through it.
import { connect, createServer, type AddressInfo, type Server } from 'node:net';

export interface Tunnel { url: string; bytes(): number; close(): Promise<void> }

/** Forwards every connection to `port`, counting the bytes that come back through it. */
export async function tunnel(port: number): Promise<Tunnel> {
  let bytes = 0;
  const server: Server = createServer((client) => {
    const upstream = connect(port, '127.0.0.1');
    upstream.on('data', (c: Buffer) => { bytes += c.length; });
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bytes: () => bytes,
    close: () => new Promise<void>((resolve) => { server.close(() => resolve()); }),
  };
}

