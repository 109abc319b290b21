// The entry point of dist/operator.cjs: the operator commands (commander), loaded only for them
// and for --help, never on the hook path. Each command is a function of (options, deps) that
// returns its output; this file parses argv, builds the real deps, writes the output, and turns
// errors into exit codes in one place.

import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import writeFileAtomic from "write-file-atomic";
import pkg from "../package.json" with { type: "json" };
import { clearCommand } from "./commands/clear.js";
import type { CommandDeps, CommandResult } from "./commands/deps.js";
import { doctorCommand } from "./commands/doctor.js";
import { AGENTS, installCommand, SCOPES, uninstallCommand } from "./commands/install.js";
import { logCommand } from "./commands/log.js";
import { statusCommand } from "./commands/status.js";
import { ansi, plain, wantsColour } from "./commands/style.js";
import { GuardError, UserError } from "./errors.js";
import { HOOK_COMMANDS, HOOK_FLAGS } from "./hook/commands.js";
import { claudeConfigDir } from "./host/paths.js";
import { livenessProbe } from "./host/sessionProcess.js";
import { registryEntry, terminalOf } from "./host/sessionRegistry.js";
import { openStore } from "./lock/openStore.js";
import { failed, help, hook, printableText } from "./messages.js";
import * as world from "./world.js";

const NAME = "claude-session-guard";

/** The real world, as operator commands take it. */
export function realCommandDeps(): CommandDeps {
  const host = world.processHost();
  return {
    env: world.env(),
    paint: wantsColour(world.env(), world.stdoutIsTerminal()) ? ansi : plain,
    cwd: world.cwd(),
    clock: world.clock,
    openStore: (choice) => openStore(choice, { uid: world.uid() }),
    probe: livenessProbe(host),
    logDir: world.logDir(),
    log: world.log,
    fs: world.fs,
    writeFileAtomic: (path, data) => writeFileAtomic.sync(path, data),
    argv1: world.argv1(),
    selfInvocation: world.selfInvocation,
    runShell: world.runShell,
    git: world.runGit,
    tmpDir: world.tmpDir(),
    uid: world.uid(),
    holderFacts: (record) => {
      const entry = registryEntry(claudeConfigDir(world.env()), record, host);
      const tty = record.hostname === host.hostname() ? terminalOf(record.pid, host) : null;
      return entry === null && tty === null ? null : { ...entry, tty };
    },
  };
}

function count(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError(help.wholeNumber);
  return Number(value);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * The same flag as on the hook commands. Its value is checked by the command, not by commander,
 * whose error message would repeat the URL, password and all.
 */
const storeOption = () => new Option("--store <url>", help.store);

/** Builds the commander program; `run` receives each command's work so runProgram can await it. */
export function buildProgram(run: (work: () => Promise<CommandResult>) => void, deps: () => CommandDeps): Command {
  const program = new Command(NAME)
    .description(help.program)
    .version(pkg.version, "-v, --version", help.version)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => world.write(1, text),
      writeErr: (text) => world.warn(text),
      // Usage errors are printed once, as one line with a hint, by runProgram.
      outputError: () => {},
    })
    .showSuggestionAfterError();

  // The commands people type come first; the hook commands, which Claude Code runs, under their own heading.
  program.commandsGroup(help.commandsHeading);

  program
    .command("status")
    .description(help.status)
    .option("--all", help.statusAll)
    .option("--json", help.statusJson)
    .addOption(storeOption())
    .action((opts: { all?: boolean; json?: boolean; store?: string }) => run(() => statusCommand(opts, deps())));

  program
    .command("clear")
    .description(help.clear)
    .addOption(new Option("--workspace <path>", help.clearWorkspace).conflicts(["stale", "all"]))
    .addOption(new Option("--stale", help.clearStale).conflicts(["all"]))
    .option("--all", help.clearAll)
    .addOption(storeOption())
    .action((opts: { workspace?: string; stale?: boolean; all?: boolean; store?: string }) => run(() => clearCommand(opts, deps())));

  const scope = () => new Option("--scope <scope>", help.scope).choices(SCOPES);
  const agent = () => new Option("--agent <agent>", help.agent).choices(AGENTS).default("claude");

  program
    .command("install")
    .description(help.install)
    .addOption(scope())
    .addOption(agent())
    .option("--dry-run", help.dryRun)
    .action((opts: { scope?: string; agent: string; dryRun?: boolean }) => run(() => installCommand(opts, deps())));

  program
    .command("uninstall")
    .description(help.uninstall)
    .addOption(scope())
    .addOption(agent())
    .option("--dry-run", help.dryRun)
    .action((opts: { scope?: string; agent: string; dryRun?: boolean }) => run(() => uninstallCommand(opts, deps())));

  program
    .command("doctor")
    .description(help.doctor)
    .option("--settings <file>", help.doctorSettings, collect, [])
    .option("--json", help.doctorJson)
    .addOption(storeOption())
    .action((opts: { settings: string[]; json?: boolean; store?: string }) => run(() => doctorCommand(opts, deps())));

  program
    .command("log")
    .description(help.log)
    .option("-n, --lines <n>", help.logLines, count)
    .option("--json", help.logJson)
    .action((opts: { lines?: number; json?: boolean }) => run(() => logCommand(opts, deps())));

  program.helpCommand(true);

  // The hook commands run in the hook bundle (cli.ts); they are here for --help, from the same table.
  program.commandsGroup(help.hookCommandsHeading);
  for (const name of HOOK_COMMANDS) {
    const command = program.command(name).description(`${help.hooks[name]}; ${help.hookSuffix}`);
    for (const flag of HOOK_FLAGS) command.option(`--${flag.name} <${flag.value}>`, help.hookFlags[flag.key]);
    command.action(() => {});
  }

  return program;
}

export async function runProgram(argv: string[], makeDeps: () => CommandDeps = realCommandDeps): Promise<number> {
  let work: (() => Promise<CommandResult>) | undefined;
  let made: CommandDeps | undefined;
  const deps = () => (made ??= makeDeps());
  const program = buildProgram((w) => {
    work = w;
  }, deps);
  const usage = (problem: string) => {
    const text = problem.replace(/^error: /, "").replace(/\s*\n\s*/g, " ").replace(/\.$/, "");
    const named = argv.find((a) => program.commands.some((c) => c.name() === a));
    world.warn(`${printableText(help.usage(text, named === undefined ? `${NAME} --help` : `${NAME} ${named} --help`))}\n`);
  };
  try {
    await program.parseAsync(argv, { from: "user" });
    if (work === undefined) return 0;
    const result = await work();
    // Values from records and logs may hold control characters: none reaches the terminal raw,
    // only the colour a command painted its own words with, when colour is on.
    const colour = made?.paint !== undefined && made.paint !== plain;
    if (result.stdout) world.write(1, printableText(result.stdout, colour));
    if (result.stderr) world.warn(printableText(result.stderr));
    return result.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version arrive here too, with exit code 0.
      if (error.exitCode === 0) return 0;
      if (error.code !== "commander.help" && error.code !== "commander.helpDisplayed") usage(error.message);
      return 2;
    }
    if (error instanceof UserError && error.exitCode === 2) {
      usage(error.message);
      return 2;
    }
    if (error instanceof GuardError) {
      world.warn(`${printableText(failed(error.message))}\n`);
      return error instanceof UserError ? error.exitCode : 1;
    }
    world.warn(`${failed(hook.internalError(error instanceof Error ? (error.stack ?? error.message) : String(error)))}\n`);
    return 1;
  }
}
