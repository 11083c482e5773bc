// The RESO Web API part of the connection form: authentication (OAuth2 client credentials, the
// password grant, or a static bearer token), the token endpoint and client, extra headers some
// vendors need, and the page size. Secrets typed here go to the host's keychain on Save and never
// come back: a saved one shows as "stored" and an empty box keeps it.
import type { ReactNode } from 'react';
import type { Profile, WebApiSettings } from '../../../shared/contract';
import type { FormErrors, HeaderRow } from './profileValidation';
import { secretPlace } from '../secrets/secretPlace';

export interface WebApiForm {
  auth: WebApiSettings['auth'];
  tokenUrl: string; clientId: string; scope: string; clientAuth: WebApiSettings['clientAuth'];
  headers: HeaderRow[]; pageSize: string;
  /** Typed secrets (empty: keep the stored one). */
  clientSecret: string; token: string; password: string;
}

export function webApiForm(p: Profile | undefined): WebApiForm {
  const w = p?.type === 'webapi' ? p.webApi : undefined;
  return {
    auth: w?.auth ?? 'client-credentials', tokenUrl: w?.tokenUrl ?? '', clientId: w?.clientId ?? '', scope: w?.scope ?? '',
    clientAuth: w?.clientAuth ?? 'post', headers: Object.entries(w?.headers ?? {}).map(([name, value]) => ({ name, value })),
    pageSize: w?.pageSize ? String(w.pageSize) : '', clientSecret: '', token: '', password: '',
  };
}

/** The settings the profile keeps (no secrets); only what the chosen authentication uses. */
export function webApiSettings(w: WebApiForm): WebApiSettings {
  const headers: Record<string, string> = {};
  for (const h of w.headers) if (h.name.trim()) headers[h.name.trim()] = h.value;
  const oauth = w.auth !== 'bearer';
  return {
    auth: w.auth,
    ...(oauth && w.tokenUrl.trim() ? { tokenUrl: w.tokenUrl.trim() } : {}),
    clientId: oauth ? w.clientId.trim() : '',
    ...(oauth && w.scope.trim() ? { scope: w.scope.trim() } : {}),
    clientAuth: w.clientAuth,
    headers,
    ...(w.pageSize.trim() ? { pageSize: Number(w.pageSize) } : {}),
  };
}

/** The secrets typed for the chosen authentication. */
export function webApiSecrets(w: WebApiForm): { clientSecret?: string; token?: string; password?: string } {
  if (w.auth === 'bearer') return w.token ? { token: w.token } : {};
  return { ...(w.clientSecret ? { clientSecret: w.clientSecret } : {}), ...(w.auth === 'password' && w.password ? { password: w.password } : {}) };
}

const AUTH_LABEL: Record<WebApiSettings['auth'], string> = {
  'client-credentials': 'OAuth2 client credentials', password: 'OAuth2 password grant', bearer: 'Bearer token (static)',
};

interface Props {
  w: WebApiForm;
  onChange(patch: Partial<WebApiForm>): void;
  profile?: Profile;
  shown(k: keyof FormErrors): string | undefined;
  touch(k: string): () => void;
  /** The service root input (the profile's loginUrl, owned by the dialog). */
  serviceRoot: ReactNode;
  /** Username and password inputs, for the password grant. */
  user: ReactNode;
}

export function WebApiFields({ w, onChange, profile, shown, touch, serviceRoot, user }: Props) {
  const stored = (has: boolean | undefined) => (has && profile ? <span className="small" data-testid="secret-stored">· {secretPlace({ ...profile, hasPassword: true })}</span> : null);
  const oauth = w.auth !== 'bearer';
  const setHeader = (i: number, patch: Partial<HeaderRow>) => onChange({ headers: w.headers.map((h, j) => (j === i ? { ...h, ...patch } : h)) });
  return (
    <>
      {serviceRoot}
      <label className="field">Authentication
        <select className="input" value={w.auth} onChange={(e) => onChange({ auth: e.target.value as WebApiForm['auth'] })} name="webapiAuth">
          {(Object.keys(AUTH_LABEL) as WebApiForm['auth'][]).map((a) => <option key={a} value={a}>{AUTH_LABEL[a]}</option>)}
        </select></label>
      {oauth ? (
        <label className="field" title="How the client ID and secret travel to the token endpoint">Client authentication
          <select className="input" value={w.clientAuth} onChange={(e) => onChange({ clientAuth: e.target.value as WebApiForm['clientAuth'] })} name="clientAuth">
            <option value="post">In the form (client_secret_post)</option><option value="basic">HTTP Basic (client_secret_basic)</option>
          </select></label>
      ) : (
        <label className="field">Token {stored(profile?.hasToken)}
          <input className="input" type="password" value={w.token} onChange={(e) => onChange({ token: e.target.value })} name="token" autoComplete="new-password" placeholder={profile?.hasToken ? 'unchanged' : 'the access token the MLS issued'} /></label>
      )}
      {oauth && (
        <>
          <label className="field wide">Token URL<input className="input mono" value={w.tokenUrl} onChange={(e) => onChange({ tokenUrl: e.target.value })} onBlur={touch('tokenUrl')} aria-invalid={!!shown('tokenUrl')} placeholder="https://api.example-mls.com/oauth2/token" name="tokenUrl" /><FieldError text={shown('tokenUrl')} /></label>
          <label className="field">Client ID<input className="input mono" value={w.clientId} onChange={(e) => onChange({ clientId: e.target.value })} onBlur={touch('clientId')} aria-invalid={!!shown('clientId')} name="clientId" autoComplete="off" /><FieldError text={shown('clientId')} /></label>
          <label className="field">Client secret {stored(profile?.hasClientSecret)}
            <input className="input" type="password" value={w.clientSecret} onChange={(e) => onChange({ clientSecret: e.target.value })} name="clientSecret" autoComplete="new-password" placeholder={profile?.hasClientSecret ? 'unchanged' : w.auth === 'password' ? 'only if the MLS gave the client one' : ''} /></label>
          <label className="field">Scope<input className="input mono" value={w.scope} onChange={(e) => onChange({ scope: e.target.value })} name="scope" placeholder="often api (blank: the server's default)" /></label>
          <label className="field">Page size (rows a page, blank = server's)<input className="input num" inputMode="numeric" value={w.pageSize} onChange={(e) => onChange({ pageSize: e.target.value })} onBlur={touch('pageSize')} aria-invalid={!!shown('pageSize')} name="pageSize" /><FieldError text={shown('pageSize')} /></label>
        </>
      )}
      {!oauth && <label className="field">Page size (rows a page, blank = server's)<input className="input num" inputMode="numeric" value={w.pageSize} onChange={(e) => onChange({ pageSize: e.target.value })} onBlur={touch('pageSize')} aria-invalid={!!shown('pageSize')} name="pageSize" /><FieldError text={shown('pageSize')} /></label>}
      {w.auth === 'password' && user}
      <div className="field wide" data-testid="extra-headers">
        <span>Extra headers <span className="small">(some vendors need one, e.g. an API key or dataset; not secret: kept in the connection file)</span></span>
        {w.headers.map((h, i) => (
          <div key={i} className="rw-header-row">
            <input className="input mono" value={h.name} onChange={(e) => setHeader(i, { name: e.target.value })} onBlur={touch('headers')} placeholder="X-Header-Name" aria-label={`Header ${i + 1} name`} name="headerName" />
            <input className="input mono" value={h.value} onChange={(e) => setHeader(i, { value: e.target.value })} placeholder="value" aria-label={`Header ${i + 1} value`} name="headerValue" />
            <button type="button" className="btn ghost icon small" title="Remove this header" onClick={() => onChange({ headers: w.headers.filter((_, j) => j !== i) })}>✕</button>
          </div>
        ))}
        <div><button type="button" className="btn small" onClick={() => onChange({ headers: [...w.headers, { name: '', value: '' }] })} data-testid="add-header">Add header</button></div>
        <FieldError text={shown('headers')} />
      </div>
    </>
  );
}

function FieldError({ text }: { text?: string }) {
  return text ? <span className="rw-field-msg" role="alert">{text}</span> : null;
}
