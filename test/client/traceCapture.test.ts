// What the transport hands the request inspector: a POST's form body and the response captured
// as it is read; a request whose form carries a credential (a token request's client_secret, a
// password field) keeps neither body.
import { afterEach, describe, expect, it } from 'vitest';
import { Transport } from '../../electron/rets/transport';
import { Trace, type TraceEntry } from '../../electron/rets/trace';
import type { CapturedBody } from '../../electron/rets/bodyCapture';
import { DEFAULT_SETTINGS } from '../../electron/rets/types';
import { startMiniRets, type MiniRets } from './miniRets';

let server: MiniRets | undefined;
let transport: Transport | undefined;
afterEach(async () => {
  await transport?.close();
  await server?.close();
});

describe('the trace of a request for the inspector', () => {
  it('keeps a redacted form and the body read, and nothing of a form that carries a secret', async () => {
    server = await startMiniRets({});
    transport = new Transport({ ...DEFAULT_SETTINGS, loginUrl: server.loginUrl, username: 'joe', password: 'pw', userAgent: 'Workbench/1.0', method: 'POST' }, new Trace(50));
    const ended: { entry: TraceEntry; body?: CapturedBody }[] = [];
    transport.trace.subscribe((entry, event) => { if (event === 'end') ended.push({ entry: { ...entry }, body: entry.capture?.result() }); });
    await (await transport.send({ transaction: 'Login', url: server.loginUrl })).text();
    const url = `${server.url}/rets/getMetadata`;
    const text = await (await transport.send({ transaction: 'GetMetadata', url, params: { Type: 'METADATA-CLASS', ID: 'Property' } })).text();
    const meta = ended.at(-1)!;
    expect(meta.entry.requestBody).toBe('Type=METADATA-CLASS&ID=Property');
    expect(meta.entry.bodyWithheld).toBeUndefined();
    expect(Buffer.from(meta.body!.head).toString('utf8')).toBe(text);

    const secret = await transport.send({ transaction: 'Other', url, params: { grant_type: 'client_credentials', client_secret: 'sh-9f2' } });
    await secret.text();
    const tok = ended.at(-1)!;
    expect(tok.entry.bodyWithheld).toBe('it carries credentials');
    expect(tok.entry.requestBody).toBeUndefined();
    expect(tok.body).toBeUndefined();
    expect(JSON.stringify(tok.entry)).not.toContain('sh-9f2');
  });
});
