// What operator commands need from the world, as one injectable bundle: tests pass fakes or temp
// dirs, program.ts passes the real thing. Commands return their output as data; only
// runProgram writes to the process.

import type * as nodeFs from "node:fs";
import type { LivenessProbe } from "../core/decide.js";
import type { LogEntry } from "../host/decisionLog.js";
import type { LockStore } from "../store/port.js";

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr?: string;
}

/** The file store can also sweep its leftover temp and claim files; other stores need not. */
export type OperatorStore = LockStore & { sweep?(olderThanMs: number): string[] };

export type CommandFs = Pick<
  typeof nodeFs,
  | "readFileSync"
  | "writeFileSync"
  | "statSync"
  | "lstatSync"
  | "accessSync"
  | "mkdirSync"
  | "mkdtempSync"
  | "unlinkSync"
  | "rmSync"
  | "realpathSync"
>;

export interface RunResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Set when the command could not be started at all. */
  error?: string;
}

export interface CommandDeps {
  env: NodeJS.ProcessEnv;
  cwd: string;
  now(): number;
  sleep(ms: number): Promise<void>;
  /** The store `flag` (a `--store` URL) or else `env` selects, as the hooks choose it (openStore). */
  openStore(env: NodeJS.ProcessEnv, flag?: string): OperatorStore | Promise<OperatorStore>;
  probe: LivenessProbe;
  /** Where the decisions log lives. */
  logDir: string;
  log(entry: LogEntry): void;
  fs: CommandFs;
  /** Atomic replace (write-file-atomic): readers see the old file or the new one, never half. */
  writeFileAtomic(path: string, data: string): void;
  /** The running executable (process.argv[1]), for `install` when the bare name is not on PATH. */
  argv1: string;
  /** Runs `command` through `sh -c` as Claude Code does, with `input` on stdin (doctor's self-test). */
  runShell(command: string, input: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<RunResult>;
  tmpDir: string;
}
