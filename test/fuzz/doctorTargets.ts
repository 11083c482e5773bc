// The Web API doctor's readers of server bytes: the shape of a $metadata answer and whether
// @odata.count came quoted (both look only at a capped head, in one pass).
import { countIsQuoted, metadataShape } from '../../shared/doctor/diagnoseWebApi';
import { longRun, noise, repeated } from './generators';
import type { FuzzTarget } from './types';

export const doctorTargets: FuzzTarget[] = [
  {
    name: 'doctor Web API answer heads',
    parse(bytes) {
      const text = new TextDecoder().decode(bytes.subarray(0, 64 * 1024));
      metadataShape(text.slice(0, 512), 'application/xml');
      countIsQuoted(text);
    },
    generators: [
      repeated('count members', '{"@odata.count":', '"@odata.count"    ', '}'),
      repeated('blank after colon', '{"@odata.count":', ' ', '"1"}'),
      longRun('whitespace', '{"@odata.count":', ' ', '1}'),
      noise(),
    ],
  },
];
