// The Web API's state for the server, and what `startDemoMls` and `demo-mls --json` tell users:
// service roots, token URL and every account with its credentials.
import type { DemoResource } from '../catalog';
import type { Dataset } from '../dataset';
import { WEB_CLIENTS, WEB_STATIC_TOKENS, WEB_USERS, type WebFailure } from './accounts';
import { buildWebModel } from './entities';
import { reviseWebModel, type MetadataRevision } from '../metadataRevision';
import type { WebApiState } from './handler';
import { TokenStore } from './oauth';
import { buildService, SERVICE_PATHS, TOKEN_PATH } from './service';

export interface WebApiAccountInfo {
  /** How the account authenticates. */
  kind: 'client' | 'user' | 'token';
  clientId?: string;
  clientSecret?: string;
  /** Grants the client's token endpoint accepts. */
  grants?: string[];
  username?: string;
  password?: string;
  token?: string;
  failureMode: WebFailure;
  description: string;
}

export interface WebApiInfo {
  /** Lookup-resource style (string lookups, OData 4.01). */
  serviceRoot: string;
  /** EnumType style in the vendor namespace DemoMLS.Enums (OData 4.0). */
  enumServiceRoot: string;
  tokenUrl: string;
  scope: string;
  clients: WebApiAccountInfo[];
}

export function buildWebApi(ds: Dataset, catalog: readonly DemoResource[], now: () => number, shortTokenSeconds: () => number, revision: MetadataRevision = 1): WebApiState {
  const model = reviseWebModel(buildWebModel(ds, catalog), revision);
  return {
    services: { lookup: buildService(model, 'lookup'), enum: buildService(model, 'enum') },
    tokens: new TokenStore(now, shortTokenSeconds),
    hits: new Map(),
    now,
  };
}

export function webApiInfo(baseUrl: string): WebApiInfo {
  return {
    serviceRoot: `${baseUrl}${SERVICE_PATHS.lookup}`,
    enumServiceRoot: `${baseUrl}${SERVICE_PATHS.enum}`,
    tokenUrl: `${baseUrl}${TOKEN_PATH}`,
    scope: 'api',
    clients: [
      ...WEB_CLIENTS.map((c): WebApiAccountInfo => ({ kind: 'client', clientId: c.clientId, clientSecret: c.clientSecret, grants: [...c.grants], failureMode: c.failure, description: c.description })),
      ...WEB_USERS.map((u): WebApiAccountInfo => ({ kind: 'user', username: u.username, password: u.password, failureMode: u.failure, description: u.description })),
      ...WEB_STATIC_TOKENS.map((t): WebApiAccountInfo => ({ kind: 'token', token: t.token, failureMode: t.failure, description: t.description })),
    ],
  };
}
