// "Test" on a profile: a fresh session (not the shared one) logs in and out, so a test never
// disturbs running work and an unsaved draft can be tried before saving.
import type { z } from 'zod';
import type { ProfileTestRequest, ProfileTestResult } from '../../shared/contract';
import { ProfileInput } from '../../shared/contract';
import { toErrorInfo } from './hostError';
import { splitUserinfo } from './loginUrlUserinfo';
import { checkWebApi, type ProfileConnection, type ProfileStore } from './profiles';
import type { SessionFactory } from './sessionTypes';

type Req = z.output<typeof ProfileTestRequest>;
type Res = z.output<typeof ProfileTestResult>;

export async function connectionFor(req: { profileId: string } | { draft: z.input<typeof ProfileInput> }, profiles: ProfileStore): Promise<ProfileConnection> {
  if ('profileId' in req) return profiles.connection(req.profileId);
  const d = ProfileInput.parse(req.draft);
  const { password, uaPassword, clientSecret, token, ...fields } = d;
  checkWebApi(fields);
  // Userinfo in the URL is read as saving would read it, and never sent in the URL.
  const split = splitUserinfo(fields.loginUrl);
  if (split) {
    fields.loginUrl = split.url;
    fields.username ||= split.username;
  }
  return {
    ...fields, id: 'draft', password: password ?? split?.password ?? '', ...(uaPassword ? { uaPassword } : {}),
    ...(clientSecret ? { clientSecret } : {}), ...(token ? { token } : {}),
  };
}

export async function testProfile(req: Req, profiles: ProfileStore, factory: SessionFactory): Promise<Res> {
  const started = Date.now();
  const conn = await connectionFor(req, profiles);
  const session = await factory(conn);
  try {
    const login = await session.login();
    await session.logout().catch(() => undefined);
    return { ok: true, elapsedMs: Date.now() - started, login };
  } catch (err) {
    return { ok: false, elapsedMs: Date.now() - started, error: toErrorInfo(err, 'Login') };
  } finally {
    await session.close().catch(() => undefined);
  }
}
