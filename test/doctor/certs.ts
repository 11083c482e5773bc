// Test certificates made with the openssl CLI: a CA, a leaf it signed that expired in 2020, a leaf
// for another host name, and a self-signed leaf. EC keys keep generation fast.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Pem { key: string; cert: string }
export interface TestCerts { ca: string; expired: Pem; otherName: Pem; selfSigned: Pem; dir: string; cleanup(): void }

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

function ossl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

export function makeCerts(): TestCerts {
  const dir = mkdtempSync(path.join(tmpdir(), 'doctor-certs-'));
  const read = (f: string) => readFileSync(path.join(dir, f), 'utf8');
  writeFileSync(path.join(dir, 'index.txt'), '');
  writeFileSync(path.join(dir, 'serial'), '1000\n');
  writeFileSync(path.join(dir, 'ca.cnf'), [
    '[ca]', 'default_ca=d', '[d]', `dir=${dir}`, 'database=$dir/index.txt', 'new_certs_dir=$dir', 'serial=$dir/serial',
    'default_md=sha256', 'policy=p', 'copy_extensions=copy', 'unique_subject=no', '[p]', 'commonName=supplied',
    '[ip]', 'subjectAltName=IP:127.0.0.1', '[other]', 'subjectAltName=DNS:other.example',
  ].join('\n'));
  ossl(dir, ['req', '-x509', ...EC, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Doctor Test CA']);
  const leaf = (name: string, cn: string, ext: string, dates: string[]) => {
    ossl(dir, ['req', '-new', ...EC, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`]);
    ossl(dir, ['ca', '-batch', '-config', 'ca.cnf', '-cert', 'ca.pem', '-keyfile', 'ca.key', '-in', `${name}.csr`, '-out', `${name}.pem`, '-extensions', ext, ...dates]);
    return { key: read(`${name}.key`), cert: read(`${name}.pem`) };
  };
  const expired = leaf('expired', '127.0.0.1', 'ip', ['-startdate', '20200101000000Z', '-enddate', '20200201000000Z']);
  const otherName = leaf('other', 'other.example', 'other', ['-days', '2']);
  ossl(dir, ['req', '-x509', ...EC, '-keyout', 'self.key', '-out', 'self.pem', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1']);
  return {
    ca: read('ca.pem'), expired, otherName, selfSigned: { key: read('self.key'), cert: read('self.pem') }, dir,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
