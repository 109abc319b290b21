// The real world, bound in one place: the process (env, argv, pid, stdin, stdout), the file
// system, the clock, and the shell. Both entry points build their dependencies from here; every
// other module takes what it needs as a parameter, so tests can hand it a fake.

import * as nodeFs from "node:fs";
import { hostname, tmpdir } from "node:os";
import envPaths from "env-paths";
import { errnoOf, messageOf, OutputError } from "./errors.js";
import { appendDecision, type LogEntry } from "./host/decisionLog.js";
import { runtimeDir } from "./host/paths.js";
import type { ProcessHost } from "./host/sessionProcess.js";
import { selfInvocation as findSelf } from "./host/selfInvocation.js";
import { readInput } from "./host/stdin.js";
import { firstShowing as rememberShowing } from "./host/warnings.js";
import type { Clock } from "./lock/apply.js";
import { output } from "./messages.js";

export const clock: Clock = {
  now: Date.now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export const env = (): NodeJS.ProcessEnv => process.env;

export const cwd = (): string => process.cwd();

/** The running executable (argv[1]), for `install` when the bare name is not on PATH. */
export const argv1 = (): string => process.argv[1] ?? "claude-session-guard";

export const tmpDir = (): string => tmpdir();

/** This process's user, where the platform has uids. */
export const uid = (): number | undefined => process.getuid?.();

export const fs = nodeFs;

/** Whether standard output is a terminal (colour is for terminals only). */
export const stdoutIsTerminal = (): boolean => process.getBuiltinModule("node:tty").isatty(1);

export const stdin = (): Promise<string> => readInput(process.stdin);

export { runtimeDir };

/** Where the decisions log lives: the user's state directory. */
export function logDir(): string {
  return envPaths("claude-session-guard", { suffix: "" }).log;
}

export function log(entry: LogEntry): void {
  appendDecision(logDir(), entry);
}

/** How to run this guard where its messages are read (host/selfInvocation.ts). */
export function selfInvocation(): string {
  return findSelf(argv1(), process.execPath, process.env.PATH);
}

/** Whether a session is to be shown this fail-open warning now (host/warnings.ts). */
export function firstShowing(session: string, problem: string): boolean {
  return rememberShowing(logDir(), session, problem, Date.now());
}

export const processHost = (): ProcessHost => ({
  platform: process.platform,
  ppid: process.ppid,
  readFile: (path) => nodeFs.readFileSync(path, "utf8"),
  exists(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === "EPERM";
    }
  },
  ps(pid, field) {
    try {
      // Loaded here, not at the top: only macOS needs it, and Linux hooks never pay for it.
      const { execFileSync } = process.getBuiltinModule("node:child_process");
      const out = execFileSync("ps", ["-o", `${field}=`, "-p", String(pid)], { encoding: "utf8", timeout: 1000 });
      return out.trim() || null;
    } catch {
      return null;
    }
  },
  hostname,
});

/**
 * Synchronous, complete writes: the process exits right after (a stdin read may still be
 * pending), and nothing written may be cut off. A stream that cannot be written (a full disk, a
 * closed pipe) is an OutputError, for the entry point to report in one line.
 */
export function write(fd: 1 | 2, text: string): void {
  const data = Buffer.from(text);
  let written = 0;
  while (written < data.length) {
    try {
      written += nodeFs.writeSync(fd, data, written, data.length - written);
    } catch (error) {
      const code = errnoOf(error);
      // A non-blocking pipe that is full: wait for the reader.
      if (code === "EAGAIN") Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
      else throw new OutputError(output.cannotWrite(fd === 1 ? "stdout" : "stderr", code ?? messageOf(error)), "EOUTPUT");
    }
  }
}

/** Writes to stderr, or nowhere when stderr itself is gone: there is nobody left to tell. */
export function warn(text: string): void {
  try {
    write(2, text);
  } catch {
    // See above.
  }
}

/**
 * `git args…` in `cwd`, synchronously, for what operator commands ask git (is a file ignored,
 * where the global excludes file is); null when git cannot be started at all.
 */
export function runGit(args: string[], cwd: string, env: NodeJS.ProcessEnv): { code: number | null; stdout: string } | null {
  const { spawnSync } = process.getBuiltinModule("node:child_process");
  const run = spawnSync("git", args, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 10_000 });
  if (run.error !== undefined) return null;
  return { code: run.status, stdout: run.stdout };
}

export interface RunResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Set when the command could not be started at all. */
  error?: string;
}

/** `sh -c command`, as Claude Code runs a command hook; the whole process group dies on timeout. */
export function runShell(command: string, input: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<RunResult> {
  const { spawn } = process.getBuiltinModule("node:child_process");
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
