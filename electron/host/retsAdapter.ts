// Backs the host's SessionLike with the RetsSession (electron/rets/session.ts).
import type { LoginInfo } from '../../shared/contract';
import type { LoginResponse } from '../../shared/rets/login';
import { RetsSession } from '../rets/session';
import { wholeMetadata } from '../rets/wholeMetadata';
import { redactText, redactUrl } from '../../shared/redact';
import { DEFAULT_SETTINGS, type ConnectionSettings } from '../rets/types';
import type { ProfileConnection } from './profiles';
import type { FetchedObject, SessionFactory, SessionLike, SessionSearchParams } from './sessionTypes';

export function connectionSettings(p: ProfileConnection): ConnectionSettings {
  return {
    ...DEFAULT_SETTINGS,
    loginUrl: p.loginUrl,
    username: p.username,
    password: p.password,
    userAgent: p.userAgent || DEFAULT_SETTINGS.userAgent,
    ...(p.uaPassword ? { uaPassword: p.uaPassword } : {}),
    retsVersion: p.retsVersion,
    authScheme: p.authScheme,
    method: p.method,
    connectTimeoutMs: p.timeouts.connectSeconds * 1000,
    idleTimeoutMs: p.timeouts.responseSeconds * 1000,
    ...(p.throttle.requestsPerMinute > 0 ? { throttlePerMinute: p.throttle.requestsPerMinute } : {}),
    ...(p.keepLoginHost ? { keepLoginHost: true } : {}),
  };
}

/** The login facts the renderer may see: capability URLs with secrets removed. */
export function loginInfo(r: LoginResponse, secrets: string[]): LoginInfo {
  const capabilities: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.capabilities)) capabilities[k] = redactUrl(v, secrets);
  const m = r.member;
  const opt = <K extends string>(k: K, v: string | number | undefined) => (v === undefined || v === '' ? {} : { [k]: v });
  return {
    capabilities,
    ...opt('metadataVersion', r.metadataVersion),
    ...opt('metadataTimestamp', r.metadataTimestamp),
    ...opt('memberName', m.memberName),
    ...opt('userId', m.userId ?? m.user),
    ...opt('userClass', m.userClass),
    ...opt('agentCode', m.agentCode),
    ...opt('brokerCode', m.brokerCode),
    ...opt('timeoutSeconds', r.timeoutSeconds),
    ...(r.warnings.length ? { warnings: r.warnings.map((w) => redactText(w, secrets)) } : {}),
  } as LoginInfo;
}

class RetsSessionAdapter implements SessionLike {
  private readonly s: RetsSession;
  private readonly secrets: string[];

  constructor(conn: ProfileConnection) {
    this.s = new RetsSession(connectionSettings(conn));
    this.secrets = [conn.password, conn.uaPassword ?? ''].filter((x) => x.length >= 4);
  }

  get trace() { return this.s.trace; }
  get loggedIn() { return this.s.loggedIn; }

  async login(signal?: AbortSignal): Promise<LoginInfo> {
    const r = this.s.loginResponse ?? (await this.s.login(signal));
    return loginInfo(r, this.secrets);
  }

  async metadata(signal?: AbortSignal) {
    const { metadata, raw, format } = await wholeMetadata(this.s, signal);
    return { metadata, raw, format };
  }

  search(params: SessionSearchParams, signal?: AbortSignal) {
    return this.s.search(params, signal);
  }

  searchAll(params: SessionSearchParams, signal?: AbortSignal) {
    return this.s.searchAll(params, {}, signal);
  }

  async getObjects(resource: string, type: string, key: string, ids: number[] | '*', signal?: AbortSignal): Promise<FetchedObject[]> {
    const out: FetchedObject[] = [];
    const idText = ids === '*' ? `${key}:*` : `${key}:${ids.join(':')}`;
    for await (const item of this.s.getObject({ resource, type, ids: idText }, signal)) {
      const objectId = Number(item.objectId);
      if (item.kind === 'error') {
        out.push({ objectId: Number.isFinite(objectId) ? objectId : 0, contentId: item.contentId, contentType: '', description: '', preferred: false, error: item.error });
      } else {
        out.push({
          objectId: Number.isFinite(objectId) ? objectId : 0, contentId: item.contentId, contentType: item.contentType,
          description: item.description ?? '', preferred: item.preferred,
          ...(item.location ? { location: item.location } : {}),
          ...(item.data.length ? { data: item.data } : {}),
        });
      }
    }
    return out;
  }

  async logout(signal?: AbortSignal): Promise<void> {
    await this.s.logout(signal);
  }

  close(): Promise<void> {
    return this.s.close();
  }
}

export const retsSessionFactory: SessionFactory = (conn) => new RetsSessionAdapter(conn);
