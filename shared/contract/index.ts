// The IPC contract between the renderer and the host: every call and event, declared once with
// zod schemas, and the typed client both the Electron bridge and browser mode back.
export * from './common';
export * from './profiles';
export * from './session';
export * from './metadata';
export * from './metadataVersions';
export * from './search';
export * from './compactRows';
export * from './frames';
export * from './objects';
export * from './exportCsv';
export * from './snippets';
export * from './history';
export * from './trace';
export * from './doctor';
export * from './hostInfo';
export * from './files';
export * from './translate';
export * from './mapping';
export * from './calls';
export * from './events';
export * from './validate';
export * from './client';
export * from './transports';
