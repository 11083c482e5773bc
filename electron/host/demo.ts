// The Demo MLS started in-process and offered as the ready-made profile.
import { DEMO_USER_AGENT, startDemoMls, type DemoMls, type DemoMlsOptions } from '../demo/index';
import { DEFAULT_TIMEOUTS } from '../../shared/contract';
import type { BuiltinProfile } from './profiles';

export const DEMO_PROFILE_ID = 'demo';
export const DEMO_WEBAPI_PROFILE_ID = 'demo-webapi';

/** What both Demo profiles leave at its default. */
function demoDefaults(): Pick<BuiltinProfile, 'retsVersion' | 'authScheme' | 'method' | 'throttle' | 'timeouts' | 'keepLoginHost'> {
  return { retsVersion: 'RETS/1.7.2', authScheme: 'auto', method: 'GET', throttle: { requestsPerMinute: 0 }, timeouts: { ...DEFAULT_TIMEOUTS }, keepLoginHost: false };
}

/** The Demo MLS's Web API with the working client (client credentials, scope api). */
function webApiProfile(demo: DemoMls): BuiltinProfile {
  const w = demo.webApi;
  const client = w.clients.find((c) => c.kind === 'client' && c.clientId === 'demo-client') ?? w.clients.find((c) => c.kind === 'client' && c.failureMode === 'none');
  return {
    id: DEMO_WEBAPI_PROFILE_ID,
    type: 'webapi',
    name: 'Demo MLS (Web API)',
    loginUrl: w.serviceRoot,
    username: '',
    password: '',
    clientSecret: client?.clientSecret ?? '',
    userAgent: DEMO_USER_AGENT,
    ...demoDefaults(),
    webApi: { auth: 'client-credentials', tokenUrl: w.tokenUrl, clientId: client?.clientId ?? 'demo-client', scope: w.scope, clientAuth: 'post', headers: {} },
  };
}

export async function startDemo(opts: DemoMlsOptions = {}): Promise<{ demo: DemoMls; profile: BuiltinProfile; webApiProfile: BuiltinProfile }> {
  const demo = await startDemoMls(opts);
  const account = demo.accounts.find((a) => a.username === 'demo') ?? demo.accounts[0];
  const profile: BuiltinProfile = {
    id: DEMO_PROFILE_ID,
    type: 'rets',
    name: 'Demo MLS (RETS)',
    loginUrl: demo.loginUrl,
    username: account.username,
    password: account.password,
    userAgent: account.userAgent || DEMO_USER_AGENT,
    ...(account.userAgentPassword ? { uaPassword: account.userAgentPassword } : {}),
    ...demoDefaults(),
  };
  return { demo, profile, webApiProfile: webApiProfile(demo) };
}
