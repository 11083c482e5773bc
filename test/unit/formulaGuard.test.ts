// The CSV formula guard as one cell transform: which first characters trigger it, what stays.
import { describe, expect, it } from 'vitest';
import { formulaGuardOn, guardFormula } from '../../shared/csv/formulaGuard';

describe('guardFormula', () => {
  it.each([
    ['=1+1', "'=1+1"], ['+SUM(A1)', "'+SUM(A1)"], ['-2+3+cmd', "'-2+3+cmd"], ['@SUM(1)', "'@SUM(1)"],
    ['\t=1', "'\t=1"], ['\r=1', "'\r=1"], ['-', "'-"], ['+', "'+"], ['-1e5', "'-1e5"],
    ['-88.250000', '-88.250000'], ['+1', '+1'], ['-.5', '-.5'], ['', ''], ['Main St', 'Main St'], ["'=x", "'=x"], [' =1', ' =1'],
  ])('%j becomes %j', (cell, want) => {
    expect(guardFormula(cell)).toBe(want);
  });

  it('defaults to the BOM choice unless set', () => {
    expect(formulaGuardOn({ bom: true })).toBe(true);
    expect(formulaGuardOn({ bom: false })).toBe(false);
    expect(formulaGuardOn({ bom: true, formulaGuard: false })).toBe(false);
    expect(formulaGuardOn({ bom: false, formulaGuard: true })).toBe(true);
  });
});
