// The connection doctor's Node side: runDoctor probes a connection step by step.
export { runDoctor, type DoctorOptions } from './runDoctor';
