// Nested Web API cell text read for people: element counts, collections joined (Media by their
// MediaURLs), the names an $expand lists; text that is not what it seems is left as it is.
import { describe, expect, it } from 'vitest';
import { arrayCount, expandedNames, joinCollection, nestedSummary } from '../../shared/odata/nestedValues';

describe('nested values', () => {
  it('counts the elements of a JSON array, not the commas inside strings or nested values', () => {
    expect(arrayCount('[]')).toBe(0);
    expect(arrayCount(' [ ] ')).toBe(0);
    expect(arrayCount('["a,b","c\\"],d"]')).toBe(2);
    expect(arrayCount('[{"A":[1,2,3]},{"B":{"c":1,"d":2}},null]')).toBe(3);
    expect(arrayCount('{"A":1}')).toBeUndefined();
    expect(arrayCount('"[1,2]"')).toBeUndefined();
  });

  it('says a Media array as photos and other navigations as items', () => {
    expect(nestedSummary('Media', '[{"MediaURL":"u1"},{"MediaURL":"u2"}]')).toBe('2 photos');
    expect(nestedSummary('Media', '[{"MediaURL":"u1"}]')).toBe('1 photo');
    expect(nestedSummary('Rooms', '[]')).toBe('0 items');
    expect(nestedSummary('Media', 'not json')).toBeUndefined();
  });

  it('joins a collection with the separator; Media items by their MediaURL, other objects as JSON', () => {
    expect(joinCollection('["Dishwasher","Range"]', '; ')).toBe('Dishwasher; Range');
    expect(joinCollection('[1,true,null]', '|')).toBe('1|true|');
    expect(joinCollection('[{"MediaURL":"https://x/1.jpg","Order":1},{"MediaURL":"https://x/2.jpg"}]', ' ')).toBe('https://x/1.jpg https://x/2.jpg');
    expect(joinCollection('[{"Room":"Kitchen"}]', ',')).toBe('{"Room":"Kitchen"}');
    expect(joinCollection('[1, 2', ',')).toBe('[1, 2');
    expect(joinCollection('plain text', ',')).toBe('plain text');
    const deep = `${'['.repeat(40)}${']'.repeat(40)}`;
    expect(joinCollection(deep, ',')).toBe(deep);
  });

  it('reads the navigation names of an $expand, options and all', () => {
    expect(expandedNames('Media')).toEqual(['Media']);
    expect(expandedNames(' Media($select=MediaURL,Order;$top=5) , ListAgent ')).toEqual(['Media', 'ListAgent']);
    expect(expandedNames('')).toEqual([]);
    expect(expandedNames(undefined)).toEqual([]);
  });
});
