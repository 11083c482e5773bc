// Export of the grid's visible columns writes them in the order shown, whatever order the server
// answered in; nothing the server sent is dropped when a chosen column is not there.
import { describe, expect, it } from 'vitest';
import { createSearchParser } from '../../shared/rets/search/index';
import type { RowBatch } from '../../shared/rets/search/types';
import { columnPositions, OrderedBatch } from '../../shared/rets/search/orderedBatch';
import { CompactRowBatch } from '../../shared/rets/search/rowBatch';

const body = new TextEncoder().encode('<RETS ReplyCode="0" ReplyText="OK"><DELIMITER value="09"/><COLUMNS>\tL_ListingKey\tL_City\tL_ListPrice\t</COLUMNS><DATA>\t1\tAvon\t100\t</DATA><DATA>\t2\tBath &amp; Co\t200\t</DATA></RETS>');

describe('columns in a chosen order', () => {
  it('maps chosen names onto the server columns (exact, then ignoring case)', () => {
    const cols = ['L_ListingKey', 'L_City', 'L_ListPrice'];
    expect(columnPositions(['L_ListPrice', 'l_listingkey'], cols)).toEqual([2, 0]);
    expect(columnPositions(cols, cols)).toBeNull();
    expect(columnPositions(['L_ListPrice', 'Nope'], cols)).toBeNull();
  });

  it('reads a batch through the order, bytes included', () => {
    const parser = createSearchParser('auto');
    const batches: RowBatch[] = [];
    for (const e of [...parser.push(body), ...parser.end()]) if (e.kind === 'rows') batches.push(e.batch);
    expect(batches[0]).toBeInstanceOf(CompactRowBatch);
    const b = new OrderedBatch(batches[0]!, ['L_ListPrice', 'L_City'], [2, 1]);
    expect(b.row(1)).toEqual(['200', 'Bath & Co']);
    expect(new TextDecoder().decode(b.fieldBytes(1, 1))).toBe('Bath & Co');
    expect(b.toObjects()[0]).toEqual({ L_ListPrice: '100', L_City: 'Avon' });
  });
});
