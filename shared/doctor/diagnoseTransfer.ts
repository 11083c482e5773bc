// Warnings about how data arrives, not whether it does: a slow step (over a named limit, with
// what that pace means for a sync) and a response cut off mid-body (how many bytes came before
// the cut, and whether repeating the request cuts it at the same place).
import { formatSeconds } from './format';
import type { Diagnosis } from './types';

/** A step slower than this warns (the doctor's `slowStepMs` setting). */
export const DEFAULT_SLOW_STEP_MS = 3000;

const bytes = (n: number) => `${n.toLocaleString('en-US')} bytes`;

export function diagnoseSlow(title: string, ms: number, limitMs: number): Diagnosis {
  // A sync pages through many requests of this kind: say what this pace costs over a hundred of them.
  const hundred = (ms * 100) / 60_000;
  return {
    summary: `${title} took ${formatSeconds(ms)}, over the ${formatSeconds(limitMs)} the doctor expects.`,
    detail: `At this pace a sync that makes 100 such requests spends about ${hundred >= 1 ? `${Math.round(hundred)} min` : formatSeconds(ms * 100)} waiting on the server, and a large search or the full metadata may come near the response timeout.`,
    cause: 'The server (or the network or a proxy between) is slow to answer or sends its body slowly: a loaded server, a distant one, or a throttled account.',
    actions: [
      'Page with a larger Limit so a sync makes fewer requests, and run syncs off-peak.',
      'Raise the profile\'s response timeout if large searches or the metadata come near it.',
      'If it stays slow, send this report to the MLS support desk with the times shown.',
    ],
  };
}

/** What repeating a cut request found: the bytes each repeat got before its cut, or why it was not repeated. */
export type CutRepeat = { repeats: (number | 'complete')[] } | { skipped: string };

export function diagnoseCut(transaction: string, first: number, repeat: CutRepeat): Diagnosis {
  const summary = `The ${transaction} response was cut off after ${bytes(first)}: the connection closed before the body was complete.`;
  if ('skipped' in repeat) {
    return {
      summary,
      detail: `Not repeated: ${repeat.skipped}; repeating would spend requests the account may not have, so whether the cut falls at the same place is unknown.`,
      cause: 'The server, a proxy or the network closed the connection mid-body.',
      actions: ['Run the doctor again once the rate limit has passed to see whether the cut repeats.', 'Try a smaller request (fewer fields with Select, a lower Limit).'],
    };
  }
  const seen = [first, ...repeat.repeats];
  const list = seen.map((b) => (b === 'complete' ? 'complete' : b.toLocaleString('en-US'))).join(', ');
  if (repeat.repeats.every((b) => b === first)) {
    return {
      summary,
      detail: `Repeated ${repeat.repeats.length === 2 ? 'twice' : `${repeat.repeats.length} times`}: cut at the same place each time (bytes received: ${list}).`,
      cause: 'Something cuts this response at a fixed point: the server\'s own output limit, or a proxy or firewall between; not a flaky network.',
      actions: [
        'Ask the MLS whether responses are capped in size, quoting the byte count.',
        'Try a smaller request (fewer fields with Select, a lower Limit); if a proxy or VPN sits between, try without it.',
      ],
    };
  }
  return {
    summary,
    detail: `Repeated ${repeat.repeats.length === 2 ? 'twice' : `${repeat.repeats.length} times`}: the cut falls at different places (bytes received: ${list}).`,
    cause: 'The connection drops at varying points: an unstable network, or a server or proxy timing out mid-transfer.',
    actions: ['Retry later, or from another network, to see whether it follows the network.', 'Run syncs in smaller pages so a cut costs less.'],
  };
}
