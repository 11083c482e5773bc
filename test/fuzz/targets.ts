// Every parser the fuzz harness runs. A new parser adds its targets here (one import, one spread):
// each target is { name, parse(bytes), generators, typed? } (see types.ts).
import { odataCsdlFuzzTargets } from '../odata-csdl/fuzzTargets';
import { odataFilterFuzzTargets } from '../odata/fuzzTargets';
import { nestedValuesFuzzTargets } from '../odata/nestedValuesFuzzTargets';
import { dmqlTargets } from './dmqlTargets';
import { doctorTargets } from './doctorTargets';
import { mappingTargets } from './mappingTargets';
import { retsTargets } from './retsTargets';
import { contractTargets } from './contractTargets';
import type { FuzzTarget } from './types';

export const targets: FuzzTarget[] = [
  ...retsTargets,
  ...dmqlTargets,
  ...odataCsdlFuzzTargets,
  ...odataFilterFuzzTargets,
  ...nestedValuesFuzzTargets,
  ...doctorTargets,
  ...mappingTargets,
  ...contractTargets,
];
