// The undici Agent a session's requests go through (RETS and Web API alike): its connect timeout,
// and its idle timeout for both the headers and each wait between body chunks.
import { Agent } from 'undici';

export function httpAgent(settings: { connectTimeoutMs: number; idleTimeoutMs: number }): Agent {
  return new Agent({
    connect: { timeout: settings.connectTimeoutMs },
    headersTimeout: settings.idleTimeoutMs,
    bodyTimeout: settings.idleTimeoutMs,
    keepAliveTimeout: 10_000,
  });
}
