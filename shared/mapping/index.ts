// Mapping a server's fields to a target vocabulary (the RESO Data Dictionary by default).
export * from './types';
export * from './target';
export * from './dataDictionary';
export * from './propose';
export * from './coverage';
export * from './file';
export * from './use';
export * from './translation';
