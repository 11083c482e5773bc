// The command line's secret store: the keychain, else the encrypted secrets file in the data
// folder, unlocked by RETS_WORKBENCH_PASSPHRASE or (on a terminal) a prompt, asked only when a
// secret in it is needed. With RETS_WORKBENCH_PASSPHRASE set and no keychain, the first saved
// secret makes the file (the opt-in for a headless box).
import { dataLayout, defaultDataDir } from '../host/paths';
import { SecretStore } from '../host/secrets';
import { promptHidden } from './doctorPrompt';

export function cliSecretStore(env: NodeJS.ProcessEnv = process.env): SecretStore {
  const given = env.RETS_WORKBENCH_PASSPHRASE;
  return new SecretStore({
    file: dataLayout(defaultDataDir(env)).secretsFile,
    fileOptIn: Boolean(given),
    passphrase: async () => given || (process.stdin.isTTY ? promptHidden('Passphrase of the secrets file: ') : undefined),
  });
}
