// The operator CLI (commander). Loaded only for operator commands and --help, never on the
// hook path, so commander and write-file-atomic cost a hook nothing. The wiring here is thin:
// each command is a function of (options, deps) that returns its output; this file parses argv,
// builds the real deps, writes the output, and turns errors into exit codes in one place.

import { spawn } from "node:child_process";
import * as nodeFs from "node:fs";
import { tmpdir } from "node:os";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import writeFileAtomic from "write-file-atomic";
import pkg from "../../package.json" with { type: "json" };
import { logDir, realHookDeps } from "../cli.js";
import { livenessProbe } from "../host/sessionProcess.js";
import { clearCommand } from "./clear.js";
import type { CommandDeps, CommandResult, RunResult } from "./deps.js";
import { doctorCommand } from "./doctor.js";
import { UserError } from "./errors.js";
import { installCommand, SCOPES, uninstallCommand } from "./install.js";
import { logCommand } from "./log.js";
import { M } from "./messages.js";
import { statusCommand } from "./status.js";

const NAME = "claude-session-guard";

/**
 * The real world. Store selection and the decisions log are shared with the hook path: a
 * command's `--store` reaches openStore exactly as a hook's does.
 */
export function realCommandDeps(env: NodeJS.ProcessEnv = process.env): CommandDeps {
  const hook = realHookDeps(env, {});
  return {
    env,
    cwd: process.cwd(),
    now: Date.now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    openStore: (e, flag) => realHookDeps(e, { store: flag }).openStore(e),
    probe: livenessProbe(hook.host),
    logDir: logDir(),
    log: hook.log,
    fs: nodeFs,
    writeFileAtomic: (path, data) => writeFileAtomic.sync(path, data),
    argv1: process.argv[1] ?? NAME,
    runShell,
    tmpDir: tmpdir(),
  };
}

/** `sh -c command`, as Claude Code runs a command hook; the whole process group dies on timeout. */
export function runShell(command: string, input: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn("/bin/sh", ["-c", command], { env, stdio: ["pipe", "pipe", "pipe"], detached: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, timeoutMs);
    child.stdout.on("data", (c: Buffer) => out.push(c));
    child.stderr.on("data", (c: Buffer) => err.push(c));
    // A hook that exits before reading its stdin must not crash us with EPIPE.
    child.stdin.on("error", () => {});
    child.stdin.end(input);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ exitCode: null, stdout: "", stderr: "", timedOut: false, error: error.message });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8"), timedOut });
    });
  });
}

function count(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError("must be a whole number of at least 1");
  return Number(value);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * The same flag as on the hook commands. Its value is checked by the command, not by commander,
 * whose error message would repeat the URL, password and all.
 */
const storeOption = () =>
  new Option("--store <url>", "lock store: redis://[user:password@]host[:port][/db] or rediss://… (default: CLAUDE_SESSION_GUARD_STORE, else files in the runtime dir)");

/** Builds the commander program; `run` receives each command's work so runProgram can await it. */
export function buildProgram(run: (work: () => Promise<CommandResult>) => void, deps: () => CommandDeps): Command {
  const program = new Command(NAME)
    .description("Keep two Claude Code sessions from changing the same workspace at once.")
    .version(pkg.version)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => writeAll(1, text),
      writeErr: (text) => writeAll(2, text),
      // Usage errors are printed once, as one line with a hint, by runProgram.
      outputError: () => {},
    })
    .showSuggestionAfterError();

  for (const [name, summary] of [
    ["pretooluse", "hook: take the workspace lock for this session, or deny the tool call"],
    ["posttooluse", "hook: refresh the lock if this session holds it"],
    ["stop", "hook: release the lock if this session holds it (Stop and SessionEnd)"],
    ["sessionstart", "hook: tell a new session when another session holds the workspace"],
  ] as const) {
    program
      .command(name)
      .description(`${summary}; reads one Claude Code hook payload on stdin`)
      .option("--ttl-ms <ms>", "lock time-to-live in ms (default 300000, or CLAUDE_SESSION_GUARD_TTL_MS)")
      .option("--store <url>", "lock store (default: files in the runtime dir, or CLAUDE_SESSION_GUARD_STORE)")
      .action(() => {});
  }

  program
    .command("status")
    .description("show the current directory's workspace lock, or every lock with --all")
    .option("--all", "every lock in the store (the runtime dir, or Redis)")
    .option("--json", "print a JSON array of {workspace, hash, path, session_id, pid, acquired_at, ttl_ms, age_ms, state}")
    .addOption(storeOption())
    .action((opts: { all?: boolean; json?: boolean; store?: string }) => run(() => statusCommand(opts, deps())));

  program
    .command("clear")
    .description("remove a lock: the current directory's workspace (default), PATH's, every stale one, or all")
    .addOption(new Option("--workspace <path>", "the workspace whose lock to remove").conflicts(["stale", "all"]))
    .addOption(new Option("--stale", "every stale, dead or corrupt lock, and leftover temp files").conflicts(["all"]))
    .option("--all", "every lock, including ones live sessions hold")
    .addOption(storeOption())
    .action((opts: { workspace?: string; stale?: boolean; all?: boolean; store?: string }) => run(() => clearCommand(opts, deps())));

  const scope = () =>
    new Option("--scope <scope>", "project: .claude/settings.json; local: .claude/settings.local.json; user: <config>/settings.json")
      .choices(SCOPES)
      .default("project");

  program
    .command("install")
    .description("add the guard's hooks to a Claude Code settings file, keeping everything else")
    .addOption(scope())
    .option("--dry-run", "print what would change and write nothing")
    .action((opts: { scope: string; dryRun?: boolean }) => run(() => installCommand(opts, deps())));

  program
    .command("uninstall")
    .description("remove the guard's hooks (and only those) from a Claude Code settings file")
    .addOption(scope())
    .option("--dry-run", "print what would change and write nothing")
    .action((opts: { scope: string; dryRun?: boolean }) => run(() => uninstallCommand(opts, deps())));

  program
    .command("doctor")
    .description("check that this directory is guarded: hook wiring, a live self-test, the lock store; exit 1 on failure")
    .option("--settings <file>", "check only this settings file or plugin hooks.json (repeatable)", collect, [])
    .option("--json", "print {checks: [{id, status, message, hint}], ok}")
    .addOption(storeOption())
    .action((opts: { settings: string[]; json?: boolean; store?: string }) => run(() => doctorCommand(opts, deps())));

  program
    .command("log")
    .description("the most recent decisions: blocks, takeovers, releases, clears, fail-opens")
    .option("-n, --lines <n>", "how many (default 20)", count)
    .option("--json", "print the entries as a JSON array")
    .action((opts: { lines?: number; json?: boolean }) => run(() => logCommand(opts, deps())));

  return program;
}

export async function runProgram(argv: string[], deps: () => CommandDeps = () => realCommandDeps()): Promise<number> {
  let work: (() => Promise<CommandResult>) | undefined;
  const program = buildProgram((w) => {
    work = w;
  }, deps);
  try {
    await program.parseAsync(argv, { from: "user" });
    if (work === undefined) return 0;
    const result = await work();
    if (result.stdout) writeAll(1, result.stdout);
    if (result.stderr) writeAll(2, result.stderr);
    return result.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version arrive here too, with exit code 0.
      if (error.exitCode === 0) return 0;
      if (error.code !== "commander.help" && error.code !== "commander.helpDisplayed") {
        writeAll(2, `${usageLine(error.message, argv)}\n`);
      }
      return 2;
    }
    if (error instanceof UserError) {
      writeAll(2, `${error.exitCode === 2 ? usageLine(error.message, argv) : M.failed(error.message)}\n`);
      return error.exitCode;
    }
    throw error;
  }
}

const COMMANDS = ["status", "clear", "install", "uninstall", "doctor", "log", "pretooluse", "posttooluse", "stop", "sessionstart"];

/** One line: the problem, and where to read the usage of the command that was meant. */
function usageLine(message: string, argv: string[]): string {
  const problem = message.replace(/^error: /, "").replace(/\s*\n\s*/g, " ").replace(/\.$/, "");
  const command = argv.find((a) => COMMANDS.includes(a));
  const help = command === undefined ? `${NAME} --help` : `${NAME} ${command} --help`;
  return `${M.failed(problem)}. Run \`${help}\` for usage.`;
}

/** Synchronous, complete writes: the bin exits right after, and nothing may be cut off. */
function writeAll(fd: number, text: string): void {
  const data = Buffer.from(text);
  let written = 0;
  while (written < data.length) {
    try {
      written += nodeFs.writeSync(fd, data, written, data.length - written);
    } catch (error) {
      // A non-blocking pipe that is full: wait for the reader.
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}
