// The host: every contract call wired to its service, each request validated against the
// contract's schema first. Electron's IPC handlers and browser mode's HTTP server both call
// `host.call(name, request)` and forward `host.events`.
import type { Envelope, CallName, CallParsedRequest, CallResponse, HostInfo } from '../../shared/contract';
import { parseCallRequest } from '../../shared/contract';
import type { DemoMlsOptions, DemoMls } from '../demo/index';
import { startDemo } from './demo';
import { listenOnRememberedPort } from './rememberedPorts';
import { EventBus } from './events';
import { ExportService } from './exportCsv';
import { HistoryStore } from './history';
import { inputError, toErrorInfo } from './hostError';
import { MetadataService } from './metadataCache';
import { OperationRegistry } from './operations';
import { dataLayout, prepareDataFolder, type DataLayout } from './paths';
import { PhotoService } from './photos';
import { ProfileStore } from './profiles';
import { SearchService } from './searchService';
import { SecretStore, type SecretStoreOptions } from './secrets';
import { SessionPool } from './sessions';
import type { SessionFactory } from './sessionTypes';

// The RETS client is loaded on first use: browser mode answers its first page sooner.
const lazyRetsFactory: SessionFactory = async (conn) => (await import('./retsAdapter')).retsSessionFactory(conn);
import { SnippetStore } from './snippets';
import { openMetadataFile } from './metadataFile';
import { testProfile } from './profileTest';
import { DoctorService } from './doctor';

export interface HostOptions {
  dataDir: string;
  mode: 'electron' | 'browser';
  version?: string;
  secrets?: SecretStoreOptions;
  /** Start the Demo MLS in-process and offer it as a profile (default true). */
  demo?: boolean | DemoMlsOptions;
  /** How a media path becomes a URL the page can load (browser: /media/…; Electron: its scheme). */
  mediaUrl?: (path: string) => string;
  /** Native save dialog (Electron). */
  chooseSavePath?: (defaultName: string) => Promise<string | null>;
  sessionFactory?: SessionFactory;
  /** Backoff base for photo retries (tests shorten it). */
  retryBaseMs?: number;
  /** Largest photo fetched from a Location URL (default: the GetObject object cap). */
  photoCapBytes?: number;
}

export interface Host {
  readonly events: EventBus;
  readonly layout: DataLayout;
  readonly profiles: ProfileStore;
  readonly secrets: SecretStore;
  readonly demo?: DemoMls;
  /** Validates and runs one contract call; never throws. */
  call(name: string, request: unknown): Promise<Envelope<unknown>>;
  media(path: string): Promise<{ contentType: string; body: Uint8Array } | undefined>;
  download(id: string): { path: string; fileName: string } | undefined;
  close(): Promise<void>;
}

type Handlers = { [N in CallName]: (req: CallParsedRequest<N>) => Promise<CallResponse<N>> | CallResponse<N> };

export async function createHost(opts: HostOptions): Promise<Host> {
  const layout = dataLayout(opts.dataDir);
  await prepareDataFolder(layout);
  const events = new EventBus();
  const secrets = new SecretStore(opts.secrets);
  const profiles = new ProfileStore(layout.profiles, secrets);
  const ops = new OperationRegistry();
  const pool = new SessionPool(profiles, opts.sessionFactory ?? lazyRetsFactory, events);
  const metadata = new MetadataService(layout.metadataCache, pool);
  const history = new HistoryStore(layout.history);
  const snippets = new SnippetStore(layout.snippets);
  const search = new SearchService(pool, ops, events, history);
  const exporter = new ExportService(layout.exports, pool, metadata, ops, events);
  const photos = new PhotoService(layout.objectCache, pool, metadata, opts.mediaUrl ?? ((p) => `/media/${p}`), opts.retryBaseMs, opts.photoCapBytes);
  const doctor = new DoctorService(profiles, ops, events, async () => (await import('./doctorRunner')).doctorRunner);

  let demo: DemoMls | undefined;
  let demoProfileId: string | undefined;
  if (opts.demo !== false) {
    const demoOpts = typeof opts.demo === 'object' ? opts.demo : {};
    const started = demoOpts.port !== undefined
      ? await startDemo(demoOpts)
      : (await listenOnRememberedPort(opts.dataDir, 'demo', async (port) => {
        const s = await startDemo({ ...demoOpts, port });
        return { ...s, port: s.demo.port };
      }));
    demo = started.demo;
    demoProfileId = started.profile.id;
    profiles.addBuiltin(started.profile);
  }

  const info = async (): Promise<HostInfo> => ({
    mode: opts.mode,
    version: opts.version ?? '0.1.0',
    platform: process.platform,
    keychain: await secrets.status(),
    ...(demo && demoProfileId ? { demo: { profileId: demoProfileId, loginUrl: demo.loginUrl } } : {}),
  });

  const profileChanged = async (id: string) => {
    await pool.forget(id);
    events.emit({ type: 'profiles.changed' });
  };

  const handlers: Handlers = {
    'host.info': () => info(),
    'host.chooseSavePath': async (r) => ({ path: opts.chooseSavePath ? await opts.chooseSavePath(r.defaultName) : null }),

    'profiles.list': () => profiles.listAll(),
    'profiles.get': async (r) => ({ profile: await profiles.get(r.id) }),
    'profiles.create': async (r) => {
      const profile = await profiles.create(r);
      events.emit({ type: 'profiles.changed' });
      return { profile };
    },
    'profiles.update': async (r) => {
      const profile = await profiles.update(r.id, r.patch);
      await profileChanged(r.id);
      await metadata.forget(r.id).catch(() => undefined);
      return { profile };
    },
    'profiles.delete': async (r) => {
      await profiles.delete(r.id);
      await profileChanged(r.id);
      await metadata.forget(r.id).catch(() => undefined);
      return { ok: true as const };
    },
    'profiles.test': (r) => testProfile(r, profiles, opts.sessionFactory ?? lazyRetsFactory),

    'session.connect': (r) => pool.connect(r.profileId),
    'session.disconnect': (r) => pool.disconnect(r.profileId),
    'session.status': async (r) => { await profiles.get(r.profileId); return pool.status(r.profileId); },

    'metadata.get': (r) => metadata.get(r.profileId, r.refresh),
    'metadata.openFile': (r) => openMetadataFile(r),

    'search.start': (r) => search.start(r),
    'search.cancel': (r) => ({ cancelled: search.cancel(r.operationId) }),

    'objects.list': (r) => photos.list(r),

    'export.start': (r) => {
      if (r.destination.kind === 'path' && opts.mode === 'browser' && !r.destination.path.trim()) throw inputError('Choose where to save the file.');
      return exporter.start(r);
    },
    'export.cancel': (r) => ({ cancelled: exporter.cancel(r.operationId) }),

    'snippets.list': () => snippets.listAll(),
    'snippets.save': async (r) => { const snippet = await snippets.save(r); events.emit({ type: 'snippets.changed' }); return { snippet }; },
    'snippets.delete': async (r) => { await snippets.delete(r.id); events.emit({ type: 'snippets.changed' }); return { ok: true as const }; },
    'snippets.import': async (r) => {
      const imported = 'content' in r ? await snippets.importText(r.content) : await snippets.importPath(r.path);
      events.emit({ type: 'snippets.changed' });
      return { imported };
    },
    'snippets.export': (r) => snippets.exportText(r.ids, r.path),

    'history.list': async (r) => ({ entries: await history.list(r.profileId, r.limit) }),
    'history.clear': async (r) => { await history.clear(r.profileId); events.emit({ type: 'history.changed' }); return { ok: true as const }; },

    'trace.list': (r) => ({ entries: pool.trace(r.profileId, r.afterId) }),
    'trace.clear': (r) => { pool.clearTrace(r.profileId); return { ok: true as const }; },

    'doctor.start': (r) => doctor.start(r),
    'doctor.cancel': (r) => ({ cancelled: doctor.cancel(r.operationId) }),
  };

  return {
    events, layout, profiles, secrets, demo,
    async call(name, request) {
      const parsed = parseCallRequest(name, request);
      if (!parsed.ok) return { ok: false, error: parsed.error };
      try {
        const handler = handlers[parsed.name] as (req: unknown) => Promise<unknown> | unknown;
        return { ok: true, data: await handler(parsed.request) };
      } catch (err) {
        return { ok: false, error: toErrorInfo(err) };
      }
    },
    media: (path) => photos.media(path),
    download: (id) => exporter.download(id),
    async close() {
      ops.cancelAll();
      await pool.closeAll();
      await demo?.close();
    },
  };
}
