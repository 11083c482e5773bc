// Files through the real browser-mode server: the API never takes a path (writes go to
// downloads, reads come from uploads), uploads stream to a capped 0600 temp file and come back as
// single-use handles, operation ids cannot climb out of exports/, and errors quote a picked file
// only as a short escaped excerpt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHost, type Host } from '../../electron/host/host';
import { startBrowserServer, type BrowserServer } from '../../electron/server/server';
import { api, httpRequest, type Reply } from './httpHelpers';

const samples = join(__dirname, '..', '..', '..', 'shared', 'rets-samples');
const XML_CAPTURE = join(samples, 'troydavisson__PHRETS/tests/Integration/Fixtures/Http/get/retsgw.flexmls.com/rets2_1_GetMetadata/bbe857812f04d9e40c3508c212ab0ebe.txt');

let dir: string;
let host: Host;
let srv: BrowserServer;
let small: BrowserServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rw-files-'));
  host = await createHost({ dataDir: join(dir, 'data'), mode: 'browser', demo: false, secrets: { disableKeychain: true } });
  srv = await startBrowserServer({ host });
  // The same host behind a server with a 64 KiB upload cap, to go over it cheaply.
  small = await startBrowserServer({ host, maxUploadBytes: 64 * 1024 });
});

afterAll(async () => {
  await small?.close();
  await srv?.close();
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** POSTs a body in chunks (no Content-Length: chunked, as a streamed upload arrives). */
function upload(server: BrowserServer, query: string, bytes: Buffer, opts: { chunk?: number; headers?: Record<string, string>; contentLength?: boolean } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/octet-stream', 'x-rets-workbench-token': server.token, ...opts.headers };
    if (opts.contentLength) headers['content-length'] = String(bytes.length);
    const req = request({ host: '127.0.0.1', port: server.port, method: 'POST', path: `/uploads?${query}`, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, json: () => JSON.parse(text) });
      });
    });
    // Once the server has answered (413), the rest of the body may meet a closed socket.
    req.on('error', (err) => { if (!['EPIPE', 'ECONNRESET'].includes((err as NodeJS.ErrnoException).code ?? '')) reject(err); });
    const size = opts.chunk ?? 16 * 1024;
    let at = 0;
    const next = () => {
      while (at < bytes.length) {
        const part = bytes.subarray(at, at + size);
        at += part.length;
        if (!req.write(part)) { req.once('drain', next); return; }
      }
      req.end();
    };
    next();
  });
}

const uploadsLeft = () => (existsSync(host.layout.uploads) ? readdirSync(host.layout.uploads) : []);
const errorOf = (r: Reply) => (r.json() as { ok: false; error: { message: string; kind: string } }).error;

describe('no call takes a path', () => {
  it('refuses snippets.export to a path: no file is written', async () => {
    const planted = join(dir, 'planted-bashrc');
    const r = await api(srv.port, srv.token, 'snippets.export', { path: planted });
    expect(r.status).toBe(400);
    expect(existsSync(planted)).toBe(false);
  });

  it('refuses export.start to a path: no file is written', async () => {
    const planted = join(dir, 'planted.csv');
    const r = await api(srv.port, srv.token, 'export.start', { profileId: 'demo', resource: 'Property', class: 'RES', query: '(L_Status=A)', destination: { kind: 'path', path: planted } });
    expect(r.status).toBe(400);
    expect(existsSync(planted)).toBe(false);
  });

  it('refuses snippets.import and metadata.openFile of /etc/passwd without echoing it', async () => {
    for (const name of ['snippets.import', 'metadata.openFile']) {
      const r = await api(srv.port, srv.token, name, { path: '/etc/passwd' });
      expect(r.status, name).toBe(400);
      expect(r.body).not.toContain('root:');
    }
    const snippets = await api(srv.port, srv.token, 'snippets.list', {});
    expect((snippets.json() as { data: { snippets: unknown[] } }).data.snippets).toEqual([]);
  });

  it('refuses a handle the host never issued', async () => {
    const r = await api(srv.port, srv.token, 'metadata.openFile', { handle: 'A'.repeat(24) });
    expect(r.status).toBe(200);
    expect(errorOf(r).message).toMatch(/no longer valid/);
  });

  it('has no dialog in browser mode: files.chooseSave answers null', async () => {
    const r = await api(srv.port, srv.token, 'files.chooseSave', { purpose: 'export-csv', defaultName: 'x.csv' });
    expect(r.json()).toEqual({ ok: true, data: null });
    const path = await api(srv.port, srv.token, 'files.chooseSave', { purpose: 'export-csv', defaultName: '../../x.csv' });
    expect(path.status).toBe(400);
  });
});

describe('operation ids', () => {
  it('refuses ids that could name a folder outside exports/', async () => {
    for (const operationId of ['..', 'a.b', '../x', 'a/b', '']) {
      const r = await api(srv.port, srv.token, 'export.start', { operationId, profileId: 'demo', resource: 'Property', class: 'RES', query: '(L_Status=A)', destination: { kind: 'download', fileName: 'x.csv' } });
      expect(r.status, operationId).toBe(400);
    }
    expect(readdirSync(host.layout.root)).not.toContain('x.csv');
  });
});

describe('uploads', () => {
  it('streams a recorded metadata capture to a 0600 file and opens it by its handle, once', async () => {
    const r = await upload(srv, `purpose=metadata&name=${encodeURIComponent('flexmls GetMetadata.txt')}`, readFileSync(XML_CAPTURE));
    expect(r.status, r.body).toBe(200);
    const { data } = r.json() as { data: { handle: string; name: string; bytes: number } };
    expect(data.name).toBe('flexmls GetMetadata.txt');
    expect(data.bytes).toBe(statSync(XML_CAPTURE).size);
    expect(r.body).not.toContain(host.layout.root);
    const stored = uploadsLeft();
    expect(stored).toHaveLength(1);
    expect(statSync(join(host.layout.uploads, stored[0])).mode & 0o777).toBe(0o600);
    expect(statSync(host.layout.uploads).mode & 0o777).toBe(0o700);

    const opened = await api(srv.port, srv.token, 'metadata.openFile', { handle: data.handle });
    const env = opened.json() as { ok: boolean; data: { source: { name: string; format: string; bytes: number }; metadata: { resources: { id: string }[] } } };
    expect(env.ok, opened.body.slice(0, 300)).toBe(true);
    expect(env.data.source).toMatchObject({ name: 'flexmls GetMetadata.txt', format: 'STANDARD-XML' });
    expect(env.data.metadata.resources.map((x) => x.id)).toEqual(['Property']);
    // Used once, then gone: the handle and the file.
    expect(uploadsLeft()).toEqual([]);
    const again = await api(srv.port, srv.token, 'metadata.openFile', { handle: data.handle });
    expect(errorOf(again).message).toMatch(/no longer valid/);
  });

  it('answers 413 over the cap and keeps nothing, streamed or declared', async () => {
    const big = Buffer.alloc(1024 * 1024, 'x');
    const streamed = await upload(small, 'purpose=metadata&name=big.xml', big);
    expect(streamed.status).toBe(413);
    expect(errorOf(streamed).message).toMatch(/larger than 64 KB/);
    expect(uploadsLeft()).toEqual([]);
    const declared = await upload(small, 'purpose=metadata&name=big.xml', big, { contentLength: true });
    expect(declared.status).toBe(413);
    expect(uploadsLeft()).toEqual([]);
    // Under the cap the same server takes it.
    const fits = await upload(small, 'purpose=metadata&name=small.xml', Buffer.alloc(1000, 'y'));
    expect(fits.status).toBe(200);
    // Not metadata: the error names the file, and the upload is gone once its handle was used.
    const notMetadata = await api(srv.port, srv.token, 'metadata.openFile', { handle: (fits.json() as { data: { handle: string } }).data.handle });
    expect(errorOf(notMetadata).message).toContain('"small.xml" could not be read as RETS metadata');
    expect(uploadsLeft()).toEqual([]);
  });

  it('refuses uploads without the token, with a form content type or for a write purpose', async () => {
    expect((await upload(srv, 'purpose=metadata', Buffer.from('x'), { headers: { 'x-rets-workbench-token': 'wrong' } })).status).toBe(401);
    const form = await httpRequest(srv.port, { method: 'POST', path: '/uploads?purpose=metadata', headers: { 'content-type': 'text/plain', 'x-rets-workbench-token': srv.token }, body: 'hello' });
    expect(form.status).toBe(415);
    expect((await upload(srv, 'purpose=export-csv', Buffer.from('a'))).status).toBe(400);
  });

  it('quotes a picked file that is not valid JSON only as a short escaped excerpt', async () => {
    const lines = Array.from({ length: 50 }, (_, i) => `user${i}:x:${i}:${i}:secret-${i}:/home/u${i}:/bin/sh`).join('\n');
    const up = await upload(srv, 'purpose=snippets-import&name=passwd', Buffer.from(`\u001b[31m${lines}`));
    const { handle } = (up.json() as { data: { handle: string } }).data;
    const r = await api(srv.port, srv.token, 'snippets.import', { handle });
    const error = errorOf(r);
    expect(error.message).toContain('not valid JSON');
    expect(error.message).toContain('\\u001b[31muser0:x:0:0');
    expect(error.message).not.toContain('\u001b');
    expect(error.message).not.toContain('secret-2');
    expect(error.message.length).toBeLessThan(200);
    expect(uploadsLeft()).toEqual([]);
  });

  it('imports snippets from an upload and exports them as a download', async () => {
    const content = JSON.stringify({ snippets: [{ name: 'Active', resource: 'Property', class: 'RES', query: '(L_Status=A)' }] });
    const up = await upload(srv, 'purpose=snippets-import&name=team.json', Buffer.from(content));
    const { handle } = (up.json() as { data: { handle: string } }).data;
    const imported = await api(srv.port, srv.token, 'snippets.import', { handle });
    expect((imported.json() as { data: { imported: { name: string }[] } }).data.imported.map((s) => s.name)).toEqual(['Active']);
    const out = await api(srv.port, srv.token, 'snippets.export', { download: true });
    const { downloadUrl, count } = (out.json() as { data: { downloadUrl: string; count: number } }).data;
    expect(count).toBe(1);
    const file = await httpRequest(srv.port, { path: downloadUrl, headers: { 'x-rets-workbench-token': srv.token } });
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toContain('rets-workbench-snippets.json');
    expect((JSON.parse(file.body) as { snippets: { name: string }[] }).snippets[0].name).toBe('Active');
  });
});

describe('a killed host\'s temp files', () => {
  it('are removed at the next start: exports and uploads by a sweep, exports elsewhere through the journal', async () => {
    const base = mkdtempSync(join(tmpdir(), 'rw-killed-'));
    try {
      const data = join(base, 'data');
      const elsewhere = join(base, 'Documents');
      mkdirSync(join(data, 'exports', 'export-1'), { recursive: true });
      mkdirSync(join(data, 'uploads'), { recursive: true });
      mkdirSync(elsewhere, { recursive: true });
      // What a host killed mid-export leaves: temp files (tempPathFor's names) and its journal.
      const exportTemp = join(data, 'exports', 'export-1', '.listings.csv.0123456789ab.tmp');
      const finished = join(data, 'exports', 'export-1', 'done.csv');
      const upload1 = join(data, 'uploads', 'c0ffee.upload');
      const userTemp = join(elsewhere, '.report.csv.a1b2c3d4e5f6.tmp');
      const userFile = join(elsewhere, 'report-old.csv');
      for (const f of [exportTemp, finished, upload1, userTemp, userFile]) writeFileSync(f, 'partial');
      // The killed host's journal, under a process id that has exited.
      const deadPid = spawnSync('true').pid!;
      const journal = join(data, 'temp-journal', `${deadPid}.json`);
      mkdirSync(join(data, 'temp-journal'));
      writeFileSync(journal, JSON.stringify({ temps: [userTemp, userFile] }));

      const next = await createHost({ dataDir: data, mode: 'browser', demo: false, secrets: { disableKeychain: true } });
      expect(existsSync(exportTemp)).toBe(false);
      expect(existsSync(upload1)).toBe(false);
      expect(existsSync(userTemp)).toBe(false);
      expect(existsSync(journal)).toBe(false);
      // Only temp-file names are ever removed; finished files stay.
      expect(existsSync(finished)).toBe(true);
      expect(existsSync(userFile)).toBe(true);
      // The running host keeps its own journal, and removes it when it closes.
      expect(readdirSync(join(data, 'temp-journal'))).toEqual([`${process.pid}.json`]);
      await next.close();
      expect(readdirSync(join(data, 'temp-journal'))).toEqual([]);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('are left alone while another host runs on the same data folder', async () => {
    const base = mkdtempSync(join(tmpdir(), 'rw-shared-'));
    try {
      const data = join(base, 'data');
      mkdirSync(join(data, 'exports', 'export-2'), { recursive: true });
      mkdirSync(join(data, 'temp-journal'), { recursive: true });
      const inProgress = join(data, 'exports', 'export-2', '.big.csv.00112233aabb.tmp');
      writeFileSync(inProgress, 'rows so far');
      // A live process (this test's parent) holds a journal listing its export in progress.
      const other = join(data, 'temp-journal', `${process.ppid}.json`);
      writeFileSync(other, JSON.stringify({ temps: [inProgress] }));
      const next = await createHost({ dataDir: data, mode: 'browser', demo: false, secrets: { disableKeychain: true } });
      await next.close();
      expect(existsSync(inProgress)).toBe(true);
      expect(existsSync(other)).toBe(true);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});

describe('desktop dialogs', () => {
  it('turn the chosen path into a handle; only the base name reaches the renderer', async () => {
    const base = mkdtempSync(join(tmpdir(), 'rw-dialogs-'));
    const chosen = join(base, 'chosen', 'snippets.json');
    mkdirSync(join(base, 'chosen'));
    const desk = await createHost({
      dataDir: join(base, 'data'), mode: 'electron', demo: false, secrets: { disableKeychain: true },
      dialogs: { chooseSave: async () => chosen, chooseOpen: async () => XML_CAPTURE },
    });
    try {
      const save = await desk.call('files.chooseSave', { purpose: 'snippets-export', defaultName: 'snippets.json' });
      expect(save.ok).toBe(true);
      const picked = (save as { data: { handle: string; name: string } }).data;
      expect(picked.name).toBe('snippets.json');
      expect(JSON.stringify(save)).not.toContain(base);
      const out = await desk.call('snippets.export', { handle: picked.handle });
      expect(out.ok).toBe(true);
      expect(JSON.parse(readFileSync(chosen, 'utf8'))).toEqual({ snippets: [] });
      // A save handle cannot be used to read, and an open handle cannot be used to write.
      const open = (await desk.call('files.chooseOpen', { purpose: 'metadata' })) as { ok: true; data: { handle: string } };
      const wrong = await desk.call('snippets.export', { handle: open.data.handle });
      expect(wrong.ok).toBe(false);
      expect(existsSync(XML_CAPTURE)).toBe(true);
      // The local API (CLI) keeps real paths.
      const cliFile = join(base, 'cli.json');
      await desk.local.exportSnippets(cliFile);
      expect(existsSync(cliFile)).toBe(true);
    } finally {
      await desk.close();
      rmSync(base, { recursive: true, force: true });
    }
  });
});
