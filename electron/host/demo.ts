// The Demo MLS started in-process and offered as the ready-made profile.
import { DEMO_USER_AGENT, startDemoMls, type DemoMls, type DemoMlsOptions } from '../demo/index';
import { DEFAULT_TIMEOUTS } from '../../shared/contract';
import type { BuiltinProfile } from './profiles';

export const DEMO_PROFILE_ID = 'demo';

export async function startDemo(opts: DemoMlsOptions = {}): Promise<{ demo: DemoMls; profile: BuiltinProfile }> {
  const demo = await startDemoMls(opts);
  const account = demo.accounts.find((a) => a.username === 'demo') ?? demo.accounts[0];
  const profile: BuiltinProfile = {
    id: DEMO_PROFILE_ID,
    name: 'Demo MLS',
    loginUrl: demo.loginUrl,
    username: account.username,
    password: account.password,
    userAgent: account.userAgent || DEMO_USER_AGENT,
    ...(account.userAgentPassword ? { uaPassword: account.userAgentPassword } : {}),
    retsVersion: 'RETS/1.7.2',
    authScheme: 'auto',
    method: 'GET',
    throttle: { requestsPerMinute: 0 },
    timeouts: { ...DEFAULT_TIMEOUTS },
    keepLoginHost: false,
  };
  return { demo, profile };
}
