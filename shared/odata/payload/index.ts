// OData JSON payloads, streamed: rows in compact batches as bytes arrive.
export { createODataPayloadParser, type ODataPayloadEvent, type ODataPayloadOptions, type ODataPayloadParser } from './parser';
export { ODataRowBatch, type ODataValueKind } from './rowBatch';
export { decodeJsonString } from './jsonString';
