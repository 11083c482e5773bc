// The renderer's side of "Open as Web API query": which profile a tab translates for, and how the
// notes of a real translation (the Demo's RETS and Web API metadata over HTTP) become markers on
// the source query and messages for the new tab, and the two commands in the palette's list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile, TranslateResponse } from '../../shared/contract';
import { buildSchema } from '../../shared/dmql';
import { deriveMapping, dmqlToOData } from '../../shared/translate/index';
import { appCommands } from '../../renderer/src/shell/appCommands';
import { counterpartOf, notesOf } from '../../renderer/src/shell/translatedTab';
import { type DemoSides, startSides } from './demoSides';

let sides: DemoSides;
beforeAll(async () => { sides = await startSides(100, 3); }, 120_000);
afterAll(async () => { await sides?.close(); });

const profile = (id: string, type: 'rets' | 'webapi', builtin = false) => ({ id, type, builtin, name: id }) as unknown as Profile;

describe('Open as Web API query', () => {
  it('translates for the other built-in Demo, else the first profile of the other protocol', () => {
    const list = [profile('mine', 'webapi'), profile('demo', 'rets', true), profile('demo-webapi', 'webapi', true), profile('mls-a', 'rets')];
    expect(counterpartOf(list, list[1])?.id).toBe('demo-webapi');
    expect(counterpartOf(list, list[3])?.id).toBe('mine');
    expect(counterpartOf(list, list[0])?.id).toBe('demo');
    expect(counterpartOf([list[3]], list[3])).toBeUndefined();
  });

  it("shows the translation's notes as markers on the source and messages quoting it", () => {
    const query = '(L_Status=|A),(ROOM_KIT_LVL=|M),(L_AddressStreet=O?k*)';
    const r = dmqlToOData(query, { source: buildSchema(sides.metadata, 'Property', 'RES'), target: sides.property, mapping: deriveMapping(sides.metadata, 'Property', sides.property) });
    const { messages, sourceDiagnostics } = notesOf(query, { ...r, resource: 'Property' } as TranslateResponse);
    expect(r.complete).toBe(false);
    expect(sourceDiagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, query.slice(d.range.start, d.range.end)])).toEqual([
      ['translate/unmapped-field', '(ROOM_KIT_LVL=|M)'], ['translate/wildcard-one', '(L_AddressStreet=O?k*)'],
    ]);
    expect(messages.find((m) => m.severity === 'error')?.text).toMatch(/^ROOM_KIT_LVL has no counterpart in Property .* \(at “\(ROOM_KIT_LVL=\|M\)”\)$/);
    expect(messages.length).toBe(r.notes.length);
  });

  it('offers the commands only where the tab can be translated', () => {
    const base = { keys: { snippets: { label: '' }, history: { label: '' } }, run() {}, cancel() {}, running: false, snippets() {}, history() {}, saveSnippet() {}, newTab() {}, toggleLog() {}, filterMetadata() {}, find() {}, newConnection() {}, shortcuts() {} } as unknown as Parameters<typeof appCommands>[0];
    expect(appCommands(base).map((c) => c.id)).not.toContain('open-as-webapi');
    const ids = appCommands({ ...base, openAsWebApi() {}, openAsRets() {} }).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['open-as-webapi', 'open-as-rets']));
  });
});
