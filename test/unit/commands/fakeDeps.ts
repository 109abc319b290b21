// Deps for calling operator commands in-process: a temp dir for HOME and the runtime dir, the
// real file store on it, a fixed clock, and recorders for what would go to the log or a shell.

import * as fs from "node:fs";
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CommandDeps, RunResult } from "../../../src/commands/deps.js";
import type { Liveness } from "../../../src/lock/decide.js";
import type { LogEntry } from "../../../src/host/decisionLog.js";
import { runtimeDir } from "../../../src/host/paths.js";
import { fileStore } from "../../../src/lock/fileStore.js";

export const NOW = 1_764_000_000_000;

export interface Fake extends CommandDeps {
  root: string;
  workspace: string;
  logged: LogEntry[];
  shell: Array<{ command: string; input: string; env: NodeJS.ProcessEnv }>;
  liveness: Liveness;
  cleanup(): void;
}

export function fakeDeps(overrides: Partial<CommandDeps> = {}): Fake {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "csg-unit-")));
  const workspace = join(root, "ws");
  mkdirSync(join(workspace, ".git"), { recursive: true });
  const env = { HOME: join(root, "home"), CLAUDE_CONFIG_DIR: join(root, "home", ".claude"), PATH: "/usr/bin:/bin" };
  const fake: Fake = {
    root,
    workspace,
    logged: [],
    shell: [],
    liveness: "unknown",
    env,
    cwd: workspace,
    clock: { now: () => NOW, sleep: async () => {} },
    openStore: () => fileStore(runtimeDir(env), { now: () => NOW }),
    probe: () => fake.liveness,
    logDir: join(root, "log"),
    log: (entry) => fake.logged.push(entry),
    fs,
    writeFileAtomic: (path, data) => fs.writeFileSync(path, data),
    argv1: "/opt/csg/bin/claude-session-guard.js",
    selfInvocation: () => "claude-session-guard",
    runShell: async (command, input, e): Promise<RunResult> => {
      fake.shell.push({ command, input, env: e });
      return { exitCode: 0, stdout: "", stderr: "", timedOut: false };
    },
    tmpDir: root,
    // No git here: commands that ask it see a directory outside any repository.
    git: () => ({ code: 128, stdout: "" }),
    uid: process.getuid?.(),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
    ...overrides,
  };
  return fake;
}

export function writeLock(deps: Fake, key: string, record: unknown): string {
  const dir = runtimeDir(deps.env);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `session-lock-${key}.json`);
  fs.writeFileSync(path, typeof record === "string" ? record : JSON.stringify(record));
  return path;
}
