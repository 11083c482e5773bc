// The Demo MLS's metadata as a client saves it: RETS 1.5, 1.7.2 and 1.8 (accounts rets15, demo,
// rets18; GetMetadata SYSTEM * COMPACT) and the Web API's $metadata (both flavours), over HTTP.
import { startDemoMls } from '../../electron/demo/index';
import { get, login } from '../demo/helpers';

export interface DemoMetadata {
  rets15: string; rets172: string; rets18: string;
  /** EnumType lookups (`/reso/odata-enum`). */
  webApi: string;
  /** String lookups whose values are rows of the Lookup entity set (`/reso/odata`). */
  webApiStrings: string;
}

export async function fetchDemoMetadata(): Promise<DemoMetadata> {
  const mls = await startDemoMls({ listings: 20, seed: 3 });
  try {
    const rets = async (user: string) => {
      const { cookie } = await login(mls.loginUrl, user, 'demo');
      const r = await get(`${mls.baseUrl}/rets/getMetadata?Type=METADATA-SYSTEM&ID=*&Format=COMPACT`, { Cookie: cookie });
      if (r.status !== 200) throw new Error(`GetMetadata as ${user}: HTTP ${r.status}`);
      return r.text;
    };
    const web = async (root: string) => {
      const r = await get(`${mls.baseUrl}/reso/${root}/$metadata`, { Authorization: 'Bearer demo-static-token' });
      if (r.status !== 200) throw new Error(`${root}/$metadata: HTTP ${r.status}`);
      return r.text;
    };
    return { rets15: await rets('rets15'), rets172: await rets('demo'), rets18: await rets('rets18'), webApi: await web('odata-enum'), webApiStrings: await web('odata') };
  } finally {
    await mls.close();
  }
}
