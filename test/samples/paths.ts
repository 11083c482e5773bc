// Where the shared corpus of recorded RETS responses lives, and a reader for one file.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SAMPLES_DIR = path.join(REPO_ROOT, '..', 'shared', 'rets-samples');

/** The bytes of one sample, by its path relative to rets-samples/. */
export function readSample(rel: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(SAMPLES_DIR, rel)));
}

export function readSampleText(rel: string): string {
  return readFileSync(path.join(SAMPLES_DIR, rel), 'utf8');
}
