// OData error replies: `{"error": {"code", "message", "target", "details"}}` with the HTTP status
// a RESO server gives for each mistake.
import type { ServerResponse } from 'node:http';

export interface ErrorDetail { code: string; message: string; target?: string }

export class WebApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly target?: string, readonly details: ErrorDetail[] = [], readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

export function errorBody(e: WebApiError): string {
  return JSON.stringify({ error: { code: e.code, message: e.message, ...(e.target ? { target: e.target } : {}), details: e.details } });
}

export function sendError(res: ServerResponse, e: WebApiError, headers: Record<string, string> = {}): void {
  const body = errorBody(e);
  res.writeHead(e.status, { 'Content-Type': 'application/json; charset=utf-8', 'OData-Version': '4.0', ...headers, ...e.headers, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
