// The connection doctor's shared part: step and report types, the diagnosis rules, the Markdown report.
export * from './types';
export * from './format';
export * from './diagnoseNetwork';
export * from './diagnoseHttp';
export * from './diagnoseLogin';
export * from './diagnoseSession';
export * from './report';
export * from './diagnoseTransfer';
export * from './diagnoseWebApi';
export * from './diagnoseQuota';
