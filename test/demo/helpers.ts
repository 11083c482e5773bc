// Small HTTP helpers for the demo MLS tests: Basic login with fetch, then requests with the cookie.
import { execFile } from 'node:child_process';

export interface Reply { status: number; headers: Headers; text: string; bytes: Buffer }

export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export async function get(url: string, headers: Record<string, string> = {}): Promise<Reply> {
  const res = await fetch(url, { headers, redirect: 'manual' });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, text: bytes.toString('utf8'), bytes };
}

/** Logs in with Basic and returns the Cookie header value to send on. */
export async function login(loginUrl: string, user = 'demo', password = 'demo', headers: Record<string, string> = {}): Promise<{ cookie: string; reply: Reply }> {
  const reply = await get(loginUrl, { Authorization: basic(user, password), ...headers });
  const set = reply.headers.get('set-cookie') ?? '';
  return { cookie: set.split(';')[0], reply };
}

export function replyCode(text: string): number {
  const m = /ReplyCode="(\d+)"/.exec(text);
  return m ? Number(m[1]) : -1;
}

/** Runs Debian's curl and returns stdout (as a Buffer) and stderr. */
export function curl(args: string[]): Promise<{ stdout: Buffer; stderr: string; code: number }> {
  return new Promise((resolve) => {
    execFile('curl', args, { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ stdout, stderr: stderr.toString('utf8'), code: err ? ((err as { code?: number }).code ?? 1) : 0 });
    });
  });
}
