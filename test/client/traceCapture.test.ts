// What the transport hands the request inspector: a POST's form body and the response captured
// as it is read; a request whose form carries a credential (a token request's client_secret, a
// password field) keeps neither body.
import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

  it("keeps a login's answer without the session id or a password it quotes", async () => {
    const sid = 'c0ffee-5e55-10n';
    const srv = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml', 'set-cookie': `RETS-Session-ID=${sid}; path=/` });
      res.end(`<RETS ReplyCode="0" ReplyText="Hi">\r\n<RETS-RESPONSE>\r\nSearch=http://h/rets/search;jsessionid=${sid}\r\nBroker=B1\r\nX-Note password=pw-42\r\n</RETS-RESPONSE>\r\n</RETS>\r\n`);
    });
    await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}/login`;
      transport = new Transport({ ...DEFAULT_SETTINGS, loginUrl: url, username: 'joe', password: 'pw-42', userAgent: 'W/1.0' }, new Trace(50));
      let kept = '';
      transport.trace.subscribe((entry, event) => { if (event === 'end') kept = Buffer.from(entry.capture!.result().head).toString('latin1'); });
      const text = await (await transport.send({ transaction: 'Login', url })).text();
      expect(text).toContain(sid);
      expect(kept).toContain('Search=http://h/rets/search;jsessionid=REDACTED');
      expect(kept).toContain('Broker=B1');
      expect(kept).not.toContain(sid);
      expect(kept).not.toContain('pw-42');
    } finally {
      await transport?.close();
      transport = undefined;
      await new Promise((resolve) => srv.close(resolve));
    }
  });
});
