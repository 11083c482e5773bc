// The host: every contract call wired to its service, each request validated against the
// contract's schema first. Electron's IPC handlers and browser mode's HTTP server both call
// `host.call(name, request)` and forward `host.events`.
import type { Envelope, CallName, CallParsedRequest, CallResponse, FilePurpose, HostInfo } from '../../shared/contract';
import { isCallName, parseCallRequest, unknownCallError } from '../../shared/contract';
import type { DemoMlsOptions, DemoMls } from '../demo/index';
import { startDemo } from './demo';
import { listenOnRememberedPort } from './rememberedPorts';
import { EventBus } from './events';
import { ExportService, type ExportRequest, type ExportTarget } from './exportCsv';
import { FileHandles } from './fileHandles';
import { HistoryStore } from './history';
import { inputError, toErrorInfo } from './hostError';
import { MetadataService } from './metadataCache';
import { OperationRunner } from './operations';
import { diffSides, saveDiff, type DiffDeps } from './metadataDiffService';
import type { StoreLimits } from './metadataStore';
import { dataLayout, prepareDataFolder, type DataLayout } from './paths';
import { PhotoService } from './photos';
import { ProfileStore } from './profiles';
import { SearchService } from './searchService';
import { SecretStore, type SecretStoreOptions } from './secrets';
import { SessionPool } from './sessions';
import type { SessionFactory } from './sessionTypes';

// The clients are loaded on first use: browser mode answers its first page sooner.
const lazySessionFactory: SessionFactory = async (conn) => (conn.type === 'webapi'
  ? (await import('./odataAdapter')).odataSessionFactory(conn)
  : (await import('./retsAdapter')).retsSessionFactory(conn));
import { SnippetStore } from './snippets';
import { MappingStore } from './mappings';
import { lookupFiller } from './lookupFill';
import { DEMO_WEBAPI_PROFILE_ID } from './demo';
import { openMetadataPath, openMetadataText } from './metadataFile';
import { sweepDataTemps, TempJournal } from './tempFiles';
import { basename } from 'node:path';
import { randomBytes } from 'node:crypto';
import { testProfile } from './profileTest';
import { DoctorService } from './doctor';
import { DEFAULT_TRACE_CAP_BYTES, TraceRing } from './traceRing';
import { savedName, savedResponse, toDetail } from './traceRecord';
import { writeFileAtomic } from './files';
import { translateQuery } from './translateService';

export interface HostOptions {
  dataDir: string;
  mode: 'electron' | 'browser';
  version?: string;
  secrets?: SecretStoreOptions;
  /** Start the Demo MLS in-process and offer it as a profile (default true). */
  demo?: boolean | DemoMlsOptions;
  /** How a media path becomes a URL the page can load (browser: /media/…; Electron: its scheme). */
  mediaUrl?: (path: string) => string;
  /** Native file dialogs (Electron): the chosen path, or null when cancelled. Absent in browser mode. */
  dialogs?: FileDialogs;
  /** Backoff base for photo retries (tests shorten it). */
  retryBaseMs?: number;
  /** Largest photo fetched from a Location URL (default: the GetObject object cap). */
  photoCapBytes?: number;
  /** The request log's size cap per profile, in MB (default 50). */
  traceCapMB?: number;
  /** Metadata versions kept per profile (count and bytes). */
  metadataCache?: StoreLimits;
}

export interface FileDialogs {
  chooseSave(purpose: FilePurpose, defaultName: string): Promise<string | null>;
  chooseOpen(purpose: FilePurpose): Promise<string | null>;
}

/**
 * The host's services with real paths, for the CLI (which runs as the user and names its own
 * files). Never reachable through the contract: there, files are handles the host issued.
 */
export interface LocalFiles {
  exportCsv(req: ExportRequest, path: string): { operationId: string };
  importSnippets(path: string): ReturnType<SnippetStore['importPath']>;
  exportSnippets(path: string, ids?: string[]): ReturnType<SnippetStore['exportText']>;
  openMetadataFile(path: string): ReturnType<typeof openMetadataPath>;
}

export interface Host {
  readonly events: EventBus;
  readonly layout: DataLayout;
  readonly profiles: ProfileStore;
  readonly secrets: SecretStore;
  readonly demo?: DemoMls;
  /** Validates and runs one contract call; never throws. */
  call(name: string, request: unknown): Promise<Envelope<unknown>>;
  /** As `call`, also saying when the call was refused before it ran (browser mode answers 404 / 400). */
  dispatch(name: string, request: unknown): Promise<Dispatched>;
  media(path: string): Promise<{ contentType: string; body: Uint8Array } | undefined>;
  download(id: string): { path: string; fileName: string } | undefined;
  /** Handles for files the host chose (dialogs, uploads). */
  readonly files: FileHandles;
  readonly local: LocalFiles;
  close(): Promise<void>;
}

/** A call's envelope, and why it never ran when it was refused at the door. */
export interface Dispatched { envelope: Envelope<unknown>; refused?: 'unknown-call' | 'invalid-request' }

type Handlers = { [N in CallName]: (req: CallParsedRequest<N>) => Promise<CallResponse<N>> | CallResponse<N> };

export async function createHost(opts: HostOptions): Promise<Host> {
  const layout = dataLayout(opts.dataDir);
  await prepareDataFolder(layout);
  const events = new EventBus();
  const secrets = new SecretStore({ file: layout.secretsFile, ...opts.secrets });
  const profiles = new ProfileStore(layout.profiles, secrets);
  const ops = new OperationRunner(events);
  const traces = new TraceRing(layout.traces, Math.round((opts.traceCapMB ?? DEFAULT_TRACE_CAP_BYTES / 1048576) * 1048576));
  const pool = new SessionPool(profiles, lazySessionFactory, events, traces);
  const metadata = new MetadataService(layout.metadataCache, pool, (e) => events.emit(e), opts.metadataCache);
  const history = new HistoryStore(layout.history);
  const snippets = new SnippetStore(layout.snippets);
  const search = new SearchService(pool, ops, events, history);
  const withLookups = lookupFiller(async (profileId, name) => {
    const session = await pool.session(profileId);
    if (!session.lookupValues) throw inputError('This connection\'s lookups arrive whole with its metadata.');
    return session.lookupValues(name);
  });
  const mappings = new MappingStore(layout.mappings, {
    metadata: async (id) => withLookups(id, (await metadata.get(id)).metadata),
    profileName: async (id) => (await profiles.get(id)).name,
  });
  // A killed host's temp files go before anything new is written.
  const journal = new TempJournal(layout.tempJournal);
  const { otherHostRunning } = await journal.recover();
  if (!otherHostRunning) await sweepDataTemps(layout.exports, layout.uploads);
  const files = new FileHandles();
  // An upload nobody opened goes when its handle expires, even if no other file call comes.
  const pruneFiles = setInterval(() => files.prune(), 60_000);
  pruneFiles.unref();
  const exporter = new ExportService(layout.exports, pool, metadata, ops, journal, async (id) => (await mappings.get(id)).mapping);
  const photos = new PhotoService(layout.objectCache, pool, metadata, opts.mediaUrl ?? ((p) => `/media/${p}`), opts.retryBaseMs, opts.photoCapBytes);
  const diffDeps: DiffDeps = {
    metadata, profiles, files, keepDownload: (id, name, content, ext) => exporter.keepDownload(id, name, content, ext),
    mapping: async (id) => (await mappings.get(id)).mapping,
  };
  const doctor = new DoctorService(profiles, ops, async () => (await import('./doctorRunner')).doctorRunner);

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
    profiles.addBuiltin(started.webApiProfile);
  }

  const info = async (): Promise<HostInfo> => ({
    mode: opts.mode,
    version: opts.version ?? '0.1.0',
    platform: process.platform,
    keychain: await secrets.status(),
    secretsFile: await secrets.fileStatus(),
    ...(demo && demoProfileId ? { demo: { profileId: demoProfileId, loginUrl: demo.loginUrl } } : {}),
  });

  const profileChanged = async (id: string) => {
    await pool.forget(id);
    events.emit({ type: 'profiles.changed' });
  };

  // A dialog's answer becomes a handle; only the base name goes back, for display.
  const chosen = (path: string | null | undefined, purpose: FilePurpose, access: 'read' | 'write') =>
    (path ? { handle: files.issue(path, purpose, access), name: basename(path) } : null);

  const handlers: Handlers = {
    'host.info': () => info(),
    'files.chooseSave': async (r) => chosen(await opts.dialogs?.chooseSave(r.purpose, r.defaultName), r.purpose, 'write'),
    'files.chooseOpen': async (r) => chosen(await opts.dialogs?.chooseOpen(r.purpose), r.purpose, 'read'),

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
      await traces.clear(r.id).catch(() => undefined);
      await metadata.forget(r.id).catch(() => undefined);
      await mappings.forget(r.id).catch(() => undefined);
      return { ok: true as const };
    },
    'profiles.test': (r) => testProfile(r, profiles, lazySessionFactory),
    'profiles.sessionSecrets': async (r) => {
      const profile = await profiles.sessionSecrets(r.id, r.password, r.uaPassword);
      await profileChanged(r.id);
      return { profile };
    },

    'secrets.status': () => secrets.fileStatus(),
    'secrets.unlock': async (r) => {
      const { created } = await secrets.unlockFile(r.passphrase);
      const moved = await profiles.moveMemorySecretsToFile();
      events.emit({ type: 'profiles.changed' });
      return { ...(await secrets.fileStatus()), created, moved };
    },

    'session.connect': (r) => pool.connect(r.profileId),
    'session.disconnect': (r) => pool.disconnect(r.profileId),
    'session.status': async (r) => { await profiles.get(r.profileId); return pool.status(r.profileId); },

    'metadata.get': (r) => metadata.get(r.profileId, r.refresh),
    'metadata.lookupValues': async (r) => {
      const session = await pool.session(r.profileId);
      if (!session.lookupValues) throw inputError('This connection\'s lookups arrive whole with its metadata.', 'Open the lookup in the explorer: its values are there.');
      return { lookup: await session.lookupValues(r.lookupName) };
    },
    'metadata.openFile': (r) => ('handle' in r ? files.use(r.handle, 'metadata', 'read', (f) => openMetadataPath(f.path, f.name)) : openMetadataText(r.name, r.content)),
    'metadata.versions': async (r) => { await profiles.get(r.profileId); return metadata.versions(r.profileId); },
    'metadata.acknowledgeChange': async (r) => { await profiles.get(r.profileId); await metadata.acknowledge(r.profileId); return { ok: true as const }; },
    'metadata.diff': (r) => diffSides(diffDeps, r),
    'metadata.saveDiff': (r) => saveDiff(diffDeps, r),

    'search.start': (r) => search.start(r),
    'search.cancel': (r) => ({ cancelled: search.cancel(r.operationId) }),

    'objects.list': (r) => photos.list(r),

    'export.start': (r) => {
      const target: ExportTarget = r.destination.kind === 'file'
        ? { kind: 'path', path: files.take(r.destination.handle, 'export-csv', 'write').path }
        : r.destination;
      return exporter.start(r, target);
    },
    'export.cancel': (r) => ({ cancelled: exporter.cancel(r.operationId) }),

    'snippets.list': () => snippets.listAll(),
    'snippets.save': async (r) => { const snippet = await snippets.save(r); events.emit({ type: 'snippets.changed' }); return { snippet }; },
    'snippets.delete': async (r) => { await snippets.delete(r.id); events.emit({ type: 'snippets.changed' }); return { ok: true as const }; },
    'snippets.import': async (r) => {
      const out = 'content' in r ? await snippets.importText(r.content) : await files.use(r.handle, 'snippets-import', 'read', (f) => snippets.importPath(f.path));
      events.emit({ type: 'snippets.changed' });
      return out;
    },
    'snippets.export': async (r) => {
      const path = r.handle ? files.take(r.handle, 'snippets-export', 'write').path : undefined;
      const out = await snippets.exportText(r.ids, path);
      const downloadUrl = r.download ? await exporter.keepDownload(`snippets-${randomBytes(6).toString('hex')}`, out.fileName, out.content) : undefined;
      return { content: out.content, fileName: out.fileName, count: out.count, ...(downloadUrl ? { downloadUrl } : {}) };
    },

    'history.list': async (r) => ({ entries: await history.list(r.profileId, r.limit) }),
    'history.clear': async (r) => { await history.clear(r.profileId); events.emit({ type: 'history.changed' }); return { ok: true as const }; },

    // A profile that does not exist has no log (and gets no folder).
    'trace.list': async (r) => { await profiles.get(r.profileId); return { entries: await pool.trace(r.profileId, r.afterId) }; },
    'trace.clear': async (r) => { await profiles.get(r.profileId); await pool.clearTrace(r.profileId); return { ok: true as const }; },
    'trace.get': async (r) => {
      await profiles.get(r.profileId);
      const kept = await traces.read(r.profileId, r.id);
      if (!kept) throw inputError(`Request ${r.id} is no longer in the log.`, 'The log keeps the newest requests up to its size cap; run the request again to see it.');
      return toDetail(kept.record, kept.body);
    },
    'trace.saveResponse': async (r) => {
      await profiles.get(r.profileId);
      const kept = await traces.read(r.profileId, r.id);
      if (!kept) throw inputError(`Request ${r.id} is no longer in the log.`, 'Run the request again, then save its response.');
      const bytes = savedResponse(kept.record, kept.body);
      const fileName = savedName(kept.record);
      if (r.handle) {
        const target = files.take(r.handle, 'response', 'write');
        await writeFileAtomic(target.path, bytes);
        return { fileName: target.name, bytes: bytes.byteLength };
      }
      const downloadUrl = r.download ? await exporter.keepDownload(`response-${randomBytes(6).toString('hex')}`, fileName, bytes, '.http') : undefined;
      return { fileName, bytes: bytes.byteLength, ...(downloadUrl ? { downloadUrl } : {}) };
    },

    'mapping.propose': async (r) => {
      await profiles.get(r.profileId);
      if (r.target?.kind === 'dictionary') {
        return files.use(r.target.handle, 'data-dictionary', 'read', (f) => mappings.propose(r.profileId, { kind: 'dictionary', path: f.path, name: f.name }));
      }
      const target = { kind: 'profile' as const, profileId: r.target?.profileId ?? DEMO_WEBAPI_PROFILE_ID };
      return r.dictionary
        ? files.use(r.dictionary, 'data-dictionary', 'read', (d) => mappings.propose(r.profileId, target, { path: d.path, name: d.name }))
        : mappings.propose(r.profileId, target);
    },
    'mapping.get': async (r) => { await profiles.get(r.profileId); return mappings.get(r.profileId); },
    'mapping.save': async (r) => { await profiles.get(r.profileId); return mappings.save(r.profileId, r.mapping); },
    'mapping.import': async (r) => {
      await profiles.get(r.profileId);
      return 'content' in r ? mappings.importText(r.profileId, r.content) : files.use(r.handle, 'mapping-import', 'read', (f) => mappings.importPath(r.profileId, f.path));
    },
    'mapping.export': async (r) => {
      await profiles.get(r.profileId);
      const path = r.handle ? files.take(r.handle, 'mapping-export', 'write').path : undefined;
      const out = await mappings.exportText(r.profileId, path);
      const downloadUrl = r.download ? await exporter.keepDownload(`mapping-${randomBytes(6).toString('hex')}`, out.fileName, out.content) : undefined;
      return { ...out, ...(downloadUrl ? { downloadUrl } : {}) };
    },

    'doctor.start': (r) => doctor.start(r),
    'translate.query': (r) => translateQuery(r, { get: async (id) => ({ metadata: await withLookups(id, (await metadata.get(id)).metadata) }), mapping: async (id) => (await mappings.get(id)).mapping, name: async (id) => (await profiles.get(id)).name }),
    'doctor.cancel': (r) => ({ cancelled: doctor.cancel(r.operationId) }),
  };

  const dispatch = async (name: string, request: unknown): Promise<Dispatched> => {
    if (!isCallName(name)) return { envelope: { ok: false, error: unknownCallError(name) }, refused: 'unknown-call' };
    const parsed = parseCallRequest(name, request);
    if (!parsed.ok) return { envelope: { ok: false, error: parsed.error }, refused: 'invalid-request' };
    try {
      const handler = handlers[parsed.name] as (req: unknown) => Promise<unknown> | unknown;
      return { envelope: { ok: true, data: await handler(parsed.request) } };
    } catch (err) {
      return { envelope: { ok: false, error: toErrorInfo(err) } };
    }
  };

  return {
    events, layout, profiles, secrets, demo,
    dispatch,
    call: async (name, request) => (await dispatch(name, request)).envelope,
    media: (path) => photos.media(path),
    download: (id) => exporter.download(id),
    files,
    local: {
      exportCsv: (req, path) => exporter.start(req, { kind: 'path', path }),
      importSnippets: async (path) => { const out = await snippets.importPath(path); events.emit({ type: 'snippets.changed' }); return out; },
      exportSnippets: (path, ids) => snippets.exportText(ids, path),
      openMetadataFile: (path) => openMetadataPath(path),
    },
    async close() {
      ops.cancelAll();
      clearInterval(pruneFiles);
      await files.clear();
      await journal.close();
      await pool.closeAll();
      await demo?.close();
    },
  };
}
