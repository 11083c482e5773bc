// Streams a file the server hands out (an export, a renderer asset). The file is opened before any
// header goes out, and the answer describes the handle that was opened, so a file removed or
// replaced after it was found is a clean "not there" instead of a stream error; a read that fails
// later ends only that response. Nothing here can throw past the request.
import { open, type FileHandle } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';

/** Sends the file with these headers; false (nothing sent) when it is not a readable regular file. */
export async function sendFile(res: ServerResponse, path: string, headers: Record<string, string>): Promise<boolean> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch {
    return false;
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) { await handle.close(); return false; }
    // Status and headers go out with the first bytes: a read that fails before them still lets
    // the caller's socket be closed without a half answer that looks whole.
    res.statusCode = 200;
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    if (st.size > 0) res.setHeader('content-length', String(st.size));
  } catch {
    await handle.close().catch(() => undefined);
    return false;
  }
  const stream = handle.createReadStream({ autoClose: true });
  // pipeline destroys both ends on a failure (the client sees a cut, not a complete file) and
  // settles once: the error is this response's, not the process's.
  await pipeline(stream, res).catch(() => {
    res.destroy();
  });
  return true;
}
