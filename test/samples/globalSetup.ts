// The recorded responses live beside the repository (../shared/rets-samples): say so once, plainly,
// instead of letting every test that reads one fail with a bare ENOENT.
import { existsSync } from 'node:fs';
import { SAMPLES_DIR } from './paths';

export default function checkSamples(): void {
  if (!existsSync(SAMPLES_DIR)) {
    throw new Error(`The recorded RETS responses are missing: expected ${SAMPLES_DIR} (../shared/rets-samples beside the repository). Clone the shared folder next to this one, then run the tests again.`);
  }
}
