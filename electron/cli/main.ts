// `rets-workbench <command>`: one entry, each command in its own module, loaded on demand so a
// quick `dmql check` does not pay for the HTTP server or the demo data generator.

type CommandModule = { run(args: string[]): Promise<number> };

const commands: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {};

/** Registers a command; each command module calls this from commands.ts. */
export function registerCommand(name: string, summary: string, load: () => Promise<CommandModule>): void {
  commands[name] = { summary, load };
}

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return ['usage: rets-workbench <command> [options]', '', 'commands:', ...lines, ''].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  await import('./commands');
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const cmd = commands[name];
  if (!cmd) {
    process.stderr.write(`rets-workbench: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  const mod = await cmd.load();
  try {
    return await mod.run(rest);
  } catch (e) {
    // A typed error outside a server job (a locked secrets file, a wrong passphrase): the input said no.
    const { describeError, isRetsError } = await import('../../shared/rets/errors');
    if (!isRetsError(e)) throw e;
    process.stderr.write(`rets-workbench ${name}: ${describeError(e.info)}\n`);
    return 1;
  }
}
