// Login, Logout and the capability URLs.
import { type Ctx, baseHeaders, sendReply } from './context';
import { METADATA_DATE as DEFAULT_DATE, METADATA_VERSION as DEFAULT_VERSION } from './metadataModel';

export const PATHS = {
  login: '/rets/login', search: '/rets/search', getMetadata: '/rets/getMetadata', getObject: '/rets/getObject',
  logout: '/rets/logout', action: '/rets/action', api: '/rets/API', media: '/rets/media/',
};
const TIMEOUT_SECONDS = 1800;

export function handleLogin(ctx: Ctx): void {
  const account = ctx.account!;
  const timeout = account.failure === 'session-timeout' ? ctx.state.tuning.shortSessionSeconds : TIMEOUT_SECONDS;
  const session = ctx.state.sessions.create(account, timeout);
  ctx.session = session;
  ctx.extraHeaders['Set-Cookie'] = [`RETS-Session-ID=${session.id}; path=/`];
  const base = ctx.state.baseUrl;
  const metadataVersion = ctx.state.metadata.system?.version ?? DEFAULT_VERSION;
  const metadataDate = ctx.state.metadata.system?.date ?? DEFAULT_DATE;
  const identity = account.version === '1.8'
    ? [`Info=USERID;Character;${account.username}`, 'Info=USERCLASS;Character;Agent', 'Info=USERLEVEL;Int;1', 'Info=AGENTCODE;Character;A31000',
      'Info=BROKERCODE;Character;DEMO', 'Info=BROKERBRANCH;Character;01', `Info=MEMBERNAME;Character;Demo User (${account.username})`,
      `Info=METADATAVERSION;Character;${metadataVersion}`, `Info=METADATATIMESTAMP;DateTime;${metadataDate}`,
      `Info=MINMETADATATIMESTAMP;DateTime;${metadataDate}`, `Info=TimeoutSeconds;Int;${TIMEOUT_SECONDS}`, 'Info=VendorName;Character;RETS Workbench',
      'Info=ServerProductName;Character;DemoMLS', 'Info=ServerProductVersion;Character;1.0']
    : [`MemberName=Demo User (${account.username})`, `User=${account.username},1,Agent,A31000`, 'Broker=DEMO,01',
      `MetadataVersion=${metadataVersion}`, `MinMetadataVersion=${metadataVersion}`,
      ...(account.version === '1.5' ? [] : [`MetadataTimestamp=${metadataDate}`, `MinMetadataTimestamp=${metadataDate}`]),
      'OfficeList=DEMO;01', 'Balance=0', `TimeoutSeconds=${TIMEOUT_SECONDS}`];
  const caps = [`Login=${base}${PATHS.login}`, `Search=${PATHS.search}`, `GetMetadata=${PATHS.getMetadata}`, `GetObject=${PATHS.getObject}`,
    `Logout=${PATHS.logout}`, `X-ApiAccessSettings=${PATHS.api}`];
  sendReply(ctx, 0, 'Operation Successful', 200, `<RETS-RESPONSE>\r\n${[...identity, ...caps].join('\r\n')}\r\n</RETS-RESPONSE>\r\n`);
}

export function handleLogout(ctx: Ctx): void {
  const s = ctx.session;
  if (s) ctx.state.sessions.end(s.id);
  const seconds = s ? Math.round((Date.now() - s.started) / 1000) : 0;
  ctx.extraHeaders['Set-Cookie'] = ['RETS-Session-ID=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT'];
  sendReply(ctx, 0, 'Logging out', 200, `<RETS-RESPONSE>\r\nConnectTime=${seconds}\r\nBilling=Demo account: no charge\r\nSignOffMessage=Goodbye from the Demo MLS.\r\n</RETS-RESPONSE>\r\n`);
}

/** The vendor X-ApiAccessSettings capability: a small JSON document, as flexmls serves one. */
export function handleApiSettings(ctx: Ctx): void {
  const body = JSON.stringify({ D: { Success: true, Results: [{ RetsAccess: true, MaxRowsPerSearch: ctx.state.maxRows, RateLimitPerMinute: ctx.account?.failure === 'rate-limit' ? ctx.state.tuning.rateLimitPerMinute : null, PhotoAccess: true }] } });
  ctx.res.writeHead(200, { ...baseHeaders(ctx, 'application/json; charset=utf-8'), 'Content-Length': Buffer.byteLength(body) });
  ctx.res.end(body);
}
