// The connection doctor's shared part: step and report types, the diagnosis rules, the Markdown report.
export * from './types';
