// What the streaming GetObject parser emits. Push-based and pure like the search parsers:
//   const p = createObjectParser(contentType, httpHeaders); events = p.push(chunk) …; p.end().

/** One object's headers (from its multipart part, or from the HTTP response for a single object). */
export interface ObjectHeaders {
  contentId?: string;
  objectId?: string;
  contentType?: string;
  location?: string;
  contentDescription?: string;
  contentSubDescription?: string;
  preferred?: boolean;
  uid?: string;
  /** RETS 1.8 `ObjectData: Name=Value` headers. */
  objectData: Record<string, string>;
  /** Every header, names lower-cased (repeated ones joined with ", "). */
  all: Record<string, string>;
}

export type ObjectEvent =
  | { kind: 'part-start'; index: number; headers: ObjectHeaders }
  | { kind: 'data'; index: number; chunk: Uint8Array }
  /** size: the part body's byte length, whatever it holds (a Location part's RETS reply sends no data but counts). */
  | { kind: 'part-end'; index: number; size: number }
  /** This object could not be delivered (RETS error part, e.g. 20403); the others can. */
  | { kind: 'object-error'; index: number; headers: ObjectHeaders; replyCode?: number; replyText: string; whole: boolean; size: number }
  | { kind: 'warning'; message: string };

export interface ObjectParser {
  push(chunk: Uint8Array): ObjectEvent[];
  end(): ObjectEvent[];
}
