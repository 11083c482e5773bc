// The connection doctor's Node side: runDoctor probes a RETS connection step by step, runWebApiDoctor a RESO Web API one.
export { runDoctor, type DoctorOptions } from './runDoctor';
export { runWebApiDoctor, webApiSecrets, webApiTarget, type WebApiDoctorSettings } from './webApiDoctor';
