// Create or edit a connection profile. Secrets go to the host (its keychain) and never come
// back: an existing profile shows "stored" and an empty box keeps the stored secret. Every field
// says what is wrong with it as it is typed (profileValidation.ts); Save and Test stay disabled,
// with the reason, until the form is usable; Test logs in (and out) here and shows the result,
// and the doctor runs on the form's values inside the dialog (a Web API form's Test is the doctor).
// A connection is RETS or RESO Web API: the Web API part (WebApiFields.tsx) asks for the service
// root, the OAuth2 or bearer settings, extra headers and the page size.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { DEFAULT_TIMEOUTS, type Profile, type ProfileInput, type ProfileTestResult } from '../../../shared/contract';
import type { z } from 'zod';
import { host } from '../host/client';
import { useCreateProfile, useUpdateProfile } from '../host/queries';
import { validateProfileForm, type FormErrors, type ProfileForm } from './profileValidation';
import { toErrorInfo } from '../host/errors';
import { Dialog } from '../shell/Dialog';
import { ErrorBox } from '../shell/ErrorBox';
import { mainSecretField, secretPlace } from '../secrets/secretPlace';
import { DoctorPanel, type DoctorTarget } from '../doctor/DoctorPanel';
import { WebApiFields, webApiForm, webApiSettings, webApiSecrets, type WebApiForm } from './WebApiFields';

interface Props { profile?: Profile; onClose(): void; onSaved(p: Profile): void }

export function ProfileDialog({ profile, onClose, onSaved }: Props) {
  const [f, setF] = useState({
    name: profile?.name ?? '', loginUrl: profile?.loginUrl ?? '', username: profile?.username ?? '',
    password: '', userAgent: profile?.userAgent ?? 'RETSWorkbench/1.0', uaPassword: '',
    retsVersion: profile?.retsVersion ?? 'RETS/1.7.2', authScheme: profile?.authScheme ?? 'auto',
    method: profile?.method ?? 'GET', rpm: String(profile?.throttle.requestsPerMinute ?? 0),
    connectS: String(profile?.timeouts.connectSeconds ?? DEFAULT_TIMEOUTS.connectSeconds),
    responseS: String(profile?.timeouts.responseSeconds ?? DEFAULT_TIMEOUTS.responseSeconds),
    keepLoginHost: profile?.keepLoginHost ?? false,
    type: profile?.type ?? 'rets',
  });
  const [w, setW] = useState<WebApiForm>(() => webApiForm(profile));
  const webapi = f.type === 'webapi';
  const [touched, setTouched] = useState<Set<string>>(() => new Set(profile ? Object.keys(f) : []));
  const [tried, setTried] = useState(false);
  // The doctor on the form's values, shown in place of the form (which keeps its state) until closed.
  const [doctor, setDoctor] = useState<DoctorTarget | null>(null);
  const [note, setNote] = useState('');
  const create = useCreateProfile();
  const update = useUpdateProfile();
  const busy = create.isPending || update.isPending;
  const err = create.error ?? update.error;
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => { setF((s) => ({ ...s, [k]: e.target.value })); test.reset(); };
  const errors: FormErrors = validateProfileForm({ ...f, ...w } as ProfileForm);
  const problems = Object.values(errors);
  // A saved password never comes back: a test of an edited profile without a newly typed one
  // tests the saved profile, so only while the form still matches it.
  const dirty = !!profile && JSON.stringify(fields()) !== JSON.stringify(savedFields(profile));
  const typedSecrets = webapi ? webApiSecrets(w) : { ...(f.password ? { [mainSecretField(profile)]: f.password } : {}), ...(f.uaPassword ? { uaPassword: f.uaPassword } : {}) };
  const typedAny = Object.keys(typedSecrets).length > 0;
  const needsPassword = !webapi && !!profile?.hasPassword && !f.password && dirty;
  const blocked = problems.length ? `${problems.length === 1 ? 'Fix this field' : `Fix ${problems.length} fields`}: ${problems[0]}` : undefined;
  const testBlocked = blocked ?? (needsPassword ? 'Type the password to test the changed settings (the stored one never comes back to the app)' : undefined);
  const test = useMutation({
    mutationFn: (): Promise<z.infer<typeof ProfileTestResult>> => host.profiles.test(profile && !typedAny && !dirty ? { profileId: profile.id } : { draft: draft() }),
  });
  // A field says what is wrong once it holds something or has been left: a new, empty form is not all red.
  const shown = (k: keyof FormErrors) => (touched.has(k) || tried || String((f as Record<string, unknown>)[k] ?? (w as unknown as Record<string, unknown>)[k] ?? '').trim() !== '' ? errors[k] : undefined);
  const touch = (k: string) => () => setTouched((t) => (t.has(k) ? t : new Set(t).add(k)));

  function fields() {
    return {
      name: f.name, loginUrl: f.loginUrl, username: webapi && w.auth !== 'password' ? '' : f.username, userAgent: f.userAgent,
      retsVersion: f.retsVersion as ProfileInput['retsVersion'], authScheme: f.authScheme as ProfileInput['authScheme'],
      method: f.method as ProfileInput['method'], throttle: { requestsPerMinute: Number(f.rpm) || 0 },
      // Numbers are checked in the form (profileValidation.ts) before Save or Test can send them.
      timeouts: { connectSeconds: Number(f.connectS), responseSeconds: Number(f.responseS) },
      keepLoginHost: f.keepLoginHost,
      ...(webapi ? { type: 'webapi' as const, webApi: webApiSettings(w) } : profile?.type === 'webapi' ? { type: 'rets' as const } : {}),
    };
  }
  /** The form's values with the secrets typed in it (absent ones: none). */
  function draft(): ProfileInput {
    return { ...fields(), ...(webapi ? webApiSecrets(w) : { [mainSecretField(profile)]: f.password || undefined, uaPassword: f.uaPassword || undefined }) };
  }
  function runDoctor() {
    setNote('');
    setDoctor(profile && !typedAny && !dirty ? { profileId: profile.id, name: f.name } : { draft: draft(), name: f.name || 'draft' });
  }
  async function save() {
    setTried(true);
    if (blocked) return;
    const p = profile
      ? await update.mutateAsync({ id: profile.id, patch: { ...fields(), ...typedSecrets } })
      : await create.mutateAsync({ ...fields(), ...typedSecrets });
    onSaved(p);
  }

  return (
    <Dialog
      title={profile ? `Edit ${profile.name}` : 'New connection'} onClose={onClose} testId="profile-dialog" wide
      footer={<>
        {/* A Web API form's Test is its doctor (token, service document, $metadata, paging, Media, quota). */}
        <button className="btn" onClick={() => { setTried(true); if (testBlocked) return; if (webapi) runDoctor(); else test.mutate(); }} disabled={!!testBlocked || test.isPending || !!doctor}
          title={testBlocked ?? (webapi ? 'Run the Web API doctor on these settings, step by step' : 'Log in and out with these settings')} data-testid="profile-test">{test.isPending ? 'Testing…' : 'Test connection'}</button>
        {!webapi && <button className="btn ghost" onClick={runDoctor} disabled={!!blocked || !!doctor} title={blocked ?? 'Run the connection doctor, step by step'} data-testid="profile-doctor">Doctor…</button>}
        <span className="rw-dialog-reason" data-testid="profile-blocked">{testBlocked ?? note}</span>
        <button className="btn" onClick={onClose}>Cancel</button>
        <button className="btn primary" onClick={() => void save().catch(() => undefined)} disabled={busy || !!blocked} title={blocked} data-testid="profile-save">{busy ? 'Saving…' : 'Save'}</button>
      </>}
    >
      {doctor && (
        <div className="rw-dialog-doctor">
          <DoctorPanel target={doctor} onClose={() => setDoctor(null)} onToast={setNote} closeLabel="Back to the form" />
        </div>
      )}
      <div hidden={!!doctor}>
      <div className="rw-conn-type" role="radiogroup" aria-label="Connection type">
        {(['rets', 'webapi'] as const).map((t) => (
          <label key={t} className="check"><input type="radio" name="type" value={t} checked={f.type === t} onChange={() => { setF((s) => ({ ...s, type: t })); test.reset(); }} />{t === 'rets' ? 'RETS' : 'RESO Web API'}</label>
        ))}
      </div>
      {!profile && webapi && (
        <div className="info-box">
          A RESO Web API provider documents a <b>service root</b> (ends in /odata or /reso/odata) and how to get a token: most use
          <b> OAuth2 client credentials</b> (token URL, client ID and secret, often a scope); some give a long-lived <b>bearer token</b>.
          Secrets go to the OS keychain, never into the connection file.
        </div>
      )}
      {!profile && !webapi && (
        <div className="info-box">
          Your MLS sends you these when it grants RETS access: a <b>login URL</b> (ends in /Login or login.ashx), a <b>username</b> and
          <b> password</b>, and often a <b>User-Agent</b> with its own <b>UA password</b> — copy them exactly, the User-Agent is case-sensitive.
          Many MLSs also whitelist your IP address; the connection test tells you if that is the problem.
        </div>
      )}
      {err && <ErrorBox error={toErrorInfo(err)} />}
      {test.data && <TestResult result={test.data} />}
      {test.error && <ErrorBox error={toErrorInfo(test.error)} testId="profile-test-error" />}
      {webapi ? (
        <div className="form-grid" data-testid="webapi-form">
          <label className="field wide">Name<input className="input" value={f.name} onChange={set('name')} onBlur={touch('name')} aria-invalid={!!shown('name')} placeholder="Acme MLS (Web API)" name="name" autoFocus /><FieldError text={shown('name')} /></label>
          <WebApiFields
            w={w} onChange={(patch) => { setW((s) => ({ ...s, ...patch })); test.reset(); }} profile={profile} shown={shown} touch={touch}
            serviceRoot={<label className="field wide">Service root<input className="input mono" value={f.loginUrl} onChange={set('loginUrl')} onBlur={touch('loginUrl')} aria-invalid={!!shown('loginUrl')} placeholder="https://api.example-mls.com/reso/odata" name="loginUrl" /><FieldError text={shown('loginUrl')} /></label>}
            user={<>
              <label className="field">Username<input className="input" value={f.username} onChange={set('username')} onBlur={touch('username')} aria-invalid={!!shown('username')} name="username" autoComplete="off" /><FieldError text={shown('username')} /></label>
              <label className="field">Password {profile?.hasPassword && <span className="small">· stored</span>}
                <input className="input" type="password" value={f.password} onChange={(e) => { set('password')(e); setW((s) => ({ ...s, password: e.target.value })); }} name="password" autoComplete="new-password" placeholder={profile?.hasPassword ? 'unchanged' : ''} /></label>
            </>}
          />
          <label className="field">User-Agent<input className="input mono" value={f.userAgent} onChange={set('userAgent')} onBlur={touch('userAgent')} aria-invalid={!!shown('userAgent')} name="userAgent" /><FieldError text={shown('userAgent')} /></label>
          <label className="field">Throttle (requests a minute, 0 = none)<input className="input num" inputMode="numeric" value={f.rpm} onChange={set('rpm')} onBlur={touch('rpm')} aria-invalid={!!shown('rpm')} name="throttle" /><FieldError text={shown('rpm')} /></label>
          <label className="field">Connect timeout (seconds)<input className="input num" inputMode="numeric" value={f.connectS} onChange={set('connectS')} onBlur={touch('connectS')} aria-invalid={!!shown('connectS')} name="connectTimeout" /><FieldError text={shown('connectS')} /></label>
          <label className="field" title="How long the server may stay silent before its next bytes">Response timeout (seconds)<input className="input num" inputMode="numeric" value={f.responseS} onChange={set('responseS')} onBlur={touch('responseS')} aria-invalid={!!shown('responseS')} name="responseTimeout" /><FieldError text={shown('responseS')} /></label>
        </div>
      ) : (
      <div className="form-grid">
        <label className="field">Name<input className="input" value={f.name} onChange={set('name')} onBlur={touch('name')} aria-invalid={!!shown('name')} placeholder="Acme MLS" name="name" autoFocus /><FieldError text={shown('name')} /></label>
        <label className="field">Username<input className="input" value={f.username} onChange={set('username')} onBlur={touch('username')} aria-invalid={!!shown('username')} name="username" autoComplete="off" /><FieldError text={shown('username')} /></label>
        <label className="field wide">Login URL<input className="input mono" value={f.loginUrl} onChange={set('loginUrl')} onBlur={touch('loginUrl')} aria-invalid={!!shown('loginUrl')} placeholder="https://rets.example-mls.com/rets/login" name="loginUrl" /><FieldError text={shown('loginUrl')} /></label>
        <label className="field">Password {profile && <span className="small" data-testid="secret-place">· {secretPlace(profile)}</span>}
          <input className="input" type="password" value={f.password} onChange={set('password')} name="password" autoComplete="new-password" placeholder={profile?.hasPassword ? 'unchanged' : ''} /></label>
        <label className="field">User-Agent<input className="input mono" value={f.userAgent} onChange={set('userAgent')} onBlur={touch('userAgent')} aria-invalid={!!shown('userAgent')} name="userAgent" /><FieldError text={shown('userAgent')} /></label>
        <label className="field">UA password {profile?.hasUaPassword && <span className="small">· stored</span>}
          <input className="input" type="password" value={f.uaPassword} onChange={set('uaPassword')} name="uaPassword" autoComplete="new-password" placeholder={profile?.hasUaPassword ? 'unchanged' : 'only if the MLS gave you one'} /></label>
        <label className="field">RETS version
          <select className="input" value={f.retsVersion} onChange={set('retsVersion')} name="retsVersion">
            {['RETS/1.5', 'RETS/1.7', 'RETS/1.7.2', 'RETS/1.8'].map((v) => <option key={v}>{v}</option>)}
          </select><FieldError text={shown('retsVersion')} /></label>
        <label className="field">Authentication
          <select className="input" value={f.authScheme} onChange={set('authScheme')} name="authScheme">
            <option value="auto">Automatic (Digest or Basic)</option><option value="digest">Digest</option><option value="basic">Basic</option>
          </select></label>
        <label className="field">HTTP method
          <select className="input" value={f.method} onChange={set('method')} name="method"><option>GET</option><option>POST</option></select></label>
        <label className="field">Throttle (requests a minute, 0 = none)<input className="input num" inputMode="numeric" value={f.rpm} onChange={set('rpm')} onBlur={touch('rpm')} aria-invalid={!!shown('rpm')} name="throttle" /><FieldError text={shown('rpm')} /></label>
        <label className="field">Connect timeout (seconds)<input className="input num" inputMode="numeric" value={f.connectS} onChange={set('connectS')} onBlur={touch('connectS')} aria-invalid={!!shown('connectS')} name="connectTimeout" /><FieldError text={shown('connectS')} /></label>
        <label className="field" title="How long the server may stay silent: raise it for MLS servers that think for minutes before a large search or the full metadata">Response timeout (seconds)<input className="input num" inputMode="numeric" value={f.responseS} onChange={set('responseS')} onBlur={touch('responseS')} aria-invalid={!!shown('responseS')} name="responseTimeout" /><FieldError text={shown('responseS')} /></label>
        <label className="check wide" title="The server's login reply may name its own host in the URLs for search, metadata and photos; through an SSH tunnel, a proxy or a port forward those requests would go around it">
          <input type="checkbox" checked={f.keepLoginHost} onChange={(e) => setF((s) => ({ ...s, keepLoginHost: e.target.checked }))} name="keepLoginHost" />
          Send every request to the login URL&apos;s host (server reached through a tunnel or proxy)</label>
      </div>
      )}
      </div>
    </Dialog>
  );
}

function savedFields(p: Profile) {
  return {
    name: p.name, loginUrl: p.loginUrl, username: p.type === 'webapi' && p.webApi?.auth !== 'password' ? '' : p.username, userAgent: p.userAgent, retsVersion: p.retsVersion, authScheme: p.authScheme,
    method: p.method, throttle: { requestsPerMinute: p.throttle.requestsPerMinute }, timeouts: { connectSeconds: p.timeouts.connectSeconds, responseSeconds: p.timeouts.responseSeconds },
    keepLoginHost: p.keepLoginHost,
    ...(p.type === 'webapi' ? { type: 'webapi' as const, webApi: webApiSettings(webApiForm(p)) } : {}),
  };
}

function FieldError({ text }: { text?: string }) {
  return text ? <span className="rw-field-msg" role="alert">{text}</span> : null;
}

function TestResult({ result }: { result: z.infer<typeof ProfileTestResult> }) {
  if (!result.ok) return result.error ? <ErrorBox error={result.error} testId="profile-test-error" /> : null;
  const l = result.login;
  return (
    <div className="rw-test-ok" role="status" data-testid="profile-test-ok">
      ✓ Logged in and out in {Math.round(result.elapsedMs)} ms
      {l?.serverRetsVersion && <> · {l.serverRetsVersion}</>}
      {l && <> · {Object.keys(l.capabilities).length} capabilities</>}
      {l?.metadataVersion && <> · metadata {l.metadataVersion}</>}
    </div>
  );
}
