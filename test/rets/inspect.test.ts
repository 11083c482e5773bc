// The offline inspect command, run as users run it: a subprocess on real saved responses.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, SAMPLES_DIR } from '../samples/paths';

interface Run { code: number; stdout: string; stderr: string }

function inspect(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(REPO_ROOT, 'bin', 'rets-workbench.cjs'), 'inspect', ...args],
      { cwd: REPO_ROOT, maxBuffer: 64 << 20, timeout: 60_000 }, (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
      });
  });
}

const S = (rel: string) => path.join(SAMPLES_DIR, rel);
const FLEX = 'troydavisson__PHRETS/tests/Integration/Fixtures/Http/get/retsgw.flexmls.com/';
const tmp = mkdtempSync(path.join(tmpdir(), 'inspect-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('rets-workbench inspect', () => {
  it('login and metadata from curl -i style recordings', async () => {
    const [login, md] = await Promise.all([
      inspect(S(FLEX + 'rets2_1_Login/aaae3d614d1660701f3d7508efb11004.txt'), '--kind', 'login', '--login-url', 'http://retsgw.flexmls.com/rets2_1/Login'),
      inspect(S(FLEX + 'rets2_1_GetMetadata/bbe857812f04d9e40c3508c212ab0ebe.txt'), '--kind=metadata'),
    ]);
    expect(login.code).toBe(0);
    const l = JSON.parse(login.stdout);
    expect(l.replyCode).toBe(0);
    expect(l.capabilities.Search).toBe('http://retsgw.flexmls.com/rets2_1/Search');
    expect(l.vendorCapabilities['X-SupportSite']).toBe('http://flexmls.com/rets/');
    expect(md.code).toBe(0);
    const m = JSON.parse(md.stdout);
    const a = m.resources[0].classes.find((c: { name: string }) => c.name === 'A');
    expect(a.fields).toHaveLength(313);
    expect(a.fields[0]).toMatchObject({ systemName: 'LIST_0', dataType: 'Character', maximumLength: 26 });
  });

  it('search: columns, count and rows', async () => {
    const r = await inspect(S(FLEX + 'rets2_1_Search/772dbb6548885978fd7b656175e0b817.txt'), '--kind', 'search');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.count).toBe(9057);
    expect(s.columns).toHaveLength(9);
    expect(s.rows.length).toBe(s.rowCount);
    expect(s.rows.flat()).toContain('Expired');
    expect(s.maxRows).toBe(true);
  });

  it('objects: real chunking undone, boundary from the recorded header; a bare body with --content-type', async () => {
    const [chunked, bare] = await Promise.all([
      inspect(S('NationalAssociationOfRealtors__libRETS/project/librets/test-network/src/resources/photo.1'), '--kind', 'object'),
      inspect(S('Homefinder__ruby-rets/spec/responses/get_object/multipart_success.txt'), '--kind', 'object', '--content-type', 'multipart/parallel; boundary=534546696C65426F756E647279'),
    ]);
    expect(chunked.code).toBe(0);
    const c = JSON.parse(chunked.stdout);
    expect(c.parts).toHaveLength(7);
    expect(c.parts[0]).toMatchObject({ contentId: '2917666', objectId: '1', contentType: 'image/jpeg', size: 39833 });
    expect(bare.code).toBe(0);
    const b = JSON.parse(bare.stdout);
    expect(b.parts.map((p: { contentType: string }) => p.contentType)).toEqual(['a/b', 'c/d']);
    expect(b.parts[0].size).toBeGreaterThan(0);
  });

  it('a chunked `curl -i` capture after a Digest 401', async () => {
    const file = path.join(tmp, 'login.txt');
    const body = '<RETS ReplyCode="0" ReplyText="OK">\r\n<RETS-RESPONSE>\r\nSearch=/rets/search\r\nGetMetadata=/rets/md\r\nLogin=/rets/login\r\n</RETS-RESPONSE>\r\n</RETS>\r\n';
    const chunked = `${(40).toString(16)}\r\n${body.slice(0, 40)}\r\n${(body.length - 40).toString(16)}\r\n${body.slice(40)}\r\n0\r\n\r\n`;
    writeFileSync(file, 'HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Digest realm="r", nonce="n"\r\nContent-Length: 0\r\n\r\n' +
      `HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked\r\n\r\n${chunked}`);
    const r = await inspect(file, '--kind', 'login', '--login-url', 'https://mls.example/rets/login');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).capabilities).toEqual({ Search: 'https://mls.example/rets/search', GetMetadata: 'https://mls.example/rets/md', Login: 'https://mls.example/rets/login' });
  });

  it('a curl -i capture of an HTTP error: the status and the start of the body, to the end of the file', async () => {
    const plain = path.join(tmp, 'error500.txt'); // neither Content-Length nor chunked: the body runs to the end
    writeFileSync(plain, 'HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\nServer: test\r\n\r\nA server error');
    const page = path.join(tmp, 'login401.txt');
    writeFileSync(page, 'HTTP/1.1 401 Unauthorized\r\nContent-Type: text/html\r\n\r\n<html><head><title>401 Authorization Required</title></head><body><h1>No</h1></body></html>\r\n');
    const [search, login] = await Promise.all([inspect(plain, '--kind', 'search'), inspect(page, '--kind', 'login')]);
    expect(search.code).toBe(1);
    expect(search.stderr).toMatch(/^rets-workbench inspect: The server answered HTTP 500 Internal Server Error; the body starts with "A server error"\./);
    expect(search.stderr).not.toMatch(/body was empty/);
    expect(login.code).toBe(1);
    expect(login.stderr).toBe('rets-workbench inspect: This is an HTML page (HTTP 401 Unauthorized), not a RETS login response: "401 Authorization Required".\n');
  });

  it('fails with one clear line on input it cannot parse', async () => {
    const garbage = path.join(tmp, 'garbage.txt');
    writeFileSync(garbage, 'hello world\n');
    const cut = path.join(tmp, 'cut.xml'); // a curl -i capture cut off mid-body
    writeFileSync(cut, readFileSync(S(FLEX + 'rets2_1_GetMetadata/bbe857812f04d9e40c3508c212ab0ebe.txt')).subarray(0, 50_000));
    const login = S(FLEX + 'rets2_1_Login/aaae3d614d1660701f3d7508efb11004.txt');
    const [html, truncated, notSearch, badKind, missing, notMetadata, unknownFlag] = await Promise.all([
      inspect(S('estately__rets/test/fixtures.rb__HTML_AUTH_FAILURE.html'), '--kind', 'login'),
      inspect(cut, '--kind', 'metadata'),
      inspect(garbage, '--kind', 'search'),
      inspect(garbage, '--kind', 'photos'),
      inspect(path.join(tmp, 'nope.txt'), '--kind', 'login'),
      inspect(login, '--kind', 'metadata'),
      inspect(login, '--kind', 'login', '--verbose'),
    ]);
    // A login reply is RETS, but not metadata: say so instead of printing empty resources.
    expect(notMetadata.code).toBe(1);
    expect(notMetadata.stderr).toBe('rets-workbench inspect: This is not RETS metadata: no METADATA-* block was found (save the body of a GetMetadata answer).\n');
    expect(html.code).toBe(1);
    expect(html.stderr).toMatch(/^rets-workbench inspect: This is an HTML page, not a RETS login response: "Apache Tomcat\/6.0.26 - Error report"\.\n$/);
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toMatch(/not well-formed XML.*truncated/);
    expect(truncated.stderr.trim().split('\n')).toHaveLength(1);
    expect(notSearch.code).toBe(1);
    expect(notSearch.stderr).toMatch(/^rets-workbench inspect: .*search response is not RETS/);
    expect(badKind.code).toBe(2);
    expect(badKind.stderr).toMatch(/--kind must be one of login, metadata, search, object/);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Cannot read .*nope\.txt: ENOENT/);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toMatch(/^rets-workbench inspect: Unknown option '--verbose'\.\n\nusage: rets-workbench inspect FILE/);
    expect(html.stdout + truncated.stdout + notSearch.stdout).toBe('');
  });
});
