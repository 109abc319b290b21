// What operator commands need from the world, as one injectable bundle: tests pass fakes or temp
// dirs, operator.ts passes the real thing. Commands return their output as data; only the entry
// point writes to the process.

import type * as nodeFs from "node:fs";
import type { LogEntry } from "../host/decisionLog.js";
import type { Clock } from "../lock/apply.js";
import type { LivenessProbe } from "../lock/decide.js";
import type { OpenedStore, StoreChoice } from "../lock/openStore.js";
import type { LockRecord } from "../lock/record.js";

import type { GitRunner } from "../settings/gitIgnore.js";
import type { RunResult } from "../world.js";
import type { Paint } from "./style.js";

export type { RunResult };

/** What the holder's machine says about it, when this is that machine (Claude Code's registry, /proc). */
export interface HolderFacts {
  name?: string;
  tmux?: string;
  tty?: string | null;
  cwd?: string;
  status?: string;
}
export type OperatorStore = OpenedStore;

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr?: string;
}

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
  | "rmdirSync"
  | "appendFileSync"
  | "realpathSync"
>;

export interface CommandDeps {
  env: NodeJS.ProcessEnv;
  cwd: string;
  clock: Clock;
  /** Opens the store a command chose (see commands/store.ts), as the hooks open theirs. */
  openStore(choice: StoreChoice): OperatorStore | Promise<OperatorStore>;
  probe: LivenessProbe;
  /** Where the decisions log lives. */
  logDir: string;
  log(entry: LogEntry): void;
  fs: CommandFs;
  /** Atomic replace (write-file-atomic): readers see the old file or the new one, never half. */
  writeFileAtomic(path: string, data: string): void;
  /** The running executable (process.argv[1]), for `install` when the bare name is not on PATH. */
  argv1: string;
  /** How to run this program here, for a message that tells someone to (host/selfInvocation.ts). */
  selfInvocation(): string;
  /** Runs git (install asks it whether a file is ignored); null when git cannot be run. */
  git: GitRunner;
  /** Runs `command` through `sh -c` as Claude Code does, with `input` on stdin (doctor's self-test). */
  runShell(command: string, input: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<RunResult>;
  tmpDir: string;
  /** What this machine can tell about a lock's holder (Claude Code's session registry, /proc), if anything. */
  holderFacts?(record: LockRecord): HolderFacts | null;
  /** Colours a command's own words for a terminal; absent or `plain` when output is not one. */
  paint?: Paint;
  /** This process's user, where the platform has uids: the runtime dir must be theirs. */
  uid?: number | undefined;
}
