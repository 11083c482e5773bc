// The Demo MLS's metadata as a client saves it: RETS 1.5, 1.7.2 and 1.8 (accounts rets15, demo,
// rets18; GetMetadata SYSTEM * COMPACT) and the Web API's $metadata (EnumType flavour), over HTTP.
import { startDemoMls } from '../../electron/demo/index';
import { get, login } from '../demo/helpers';

export interface DemoMetadata { rets15: string; rets172: string; rets18: string; webApi: string }

export async function fetchDemoMetadata(): Promise<DemoMetadata> {
  const mls = await startDemoMls({ listings: 20, seed: 3 });
  try {
    const rets = async (user: string) => {
      const { cookie } = await login(mls.loginUrl, user, 'demo');
      const r = await get(`${mls.baseUrl}/rets/getMetadata?Type=METADATA-SYSTEM&ID=*&Format=COMPACT`, { Cookie: cookie });
      if (r.status !== 200) throw new Error(`GetMetadata as ${user}: HTTP ${r.status}`);
      return r.text;
    };
    const web = await get(`${mls.baseUrl}/reso/odata-enum/$metadata`, { Authorization: 'Bearer demo-static-token' });
    if (web.status !== 200) throw new Error(`$metadata: HTTP ${web.status}`);
    return { rets15: await rets('rets15'), rets172: await rets('demo'), rets18: await rets('rets18'), webApi: web.text };
  } finally {
    await mls.close();
  }
}
