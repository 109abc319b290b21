// Runs the built CLI (bin/ -> dist/) as a child process: what users run is what is tested.

import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nodeBinaryPath } from "../../support/nodeVersions.mjs";

/**
 * The Node that runs bin/: the one running the tests, or, in a node<major> project
 * (CSG_TEST_NODE_MAJOR), that major from .cache/, installed by the project's global setup.
 */
export const TEST_NODE = ((major) => (major ? (nodeBinaryPath(Number(major)) ?? `/missing/node-${major}`) : process.execPath))(process.env.CSG_TEST_NODE_MAJOR);

/** The built bin/; CSG_TEST_BIN points the suite at another build (say, an older one, to see a test fail on it). */
export const BIN = process.env.CSG_TEST_BIN ?? join(import.meta.dirname, "../../../bin/claude-session-guard.js");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Leave stdin open (never write, never close) to exercise the read timeout. */
  holdStdin?: boolean;
  /** The Node binary to run bin/ with; TEST_NODE by default. */
  node?: string;
}

export function runCli(args: string[], { input = "", env = {}, cwd, holdStdin = false, node = TEST_NODE }: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, [BIN, ...args], { env: { PATH: process.env.PATH, ...env }, cwd });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.on("error", () => {}); // the hook may exit before reading a huge payload
    if (!holdStdin) child.stdin.end(input);
  });
}

/** A throwaway machine: its own HOME, Claude config dir and a git workspace. */
export interface Sandbox {
  root: string;
  home: string;
  config: string;
  runtime: string;
  workspace: string;
  env: NodeJS.ProcessEnv;
  lockPath(workspacePath?: string): string;
  cleanup(): void;
}

export function sandbox(): Sandbox {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "csg-it-")));
  const home = join(root, "home");
  const config = join(home, ".claude");
  const workspace = join(root, "ws");
  mkdirSync(join(workspace, ".git"), { recursive: true });
  mkdirSync(home, { recursive: true });
  // The bare name on PATH, as a global install leaves it: the hook then names itself by it.
  const path = join(root, "path");
  mkdirSync(path);
  symlinkSync(BIN, join(path, "claude-session-guard"));
  return {
    root,
    home,
    config,
    runtime: join(config, "runtime"),
    workspace,
    env: { HOME: home, XDG_STATE_HOME: join(home, ".local", "state"), PATH: `${path}:${process.env.PATH}` },
    lockPath: (path = workspace) => join(config, "runtime", `session-lock-${md5_12(path)}.json`),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

export function md5_12(text: string): string {
  return createHash("md5").update(text, "utf8").digest("hex").slice(0, 12);
}

export interface PayloadOptions {
  event?: string;
  tool?: string;
  input?: Record<string, unknown>;
}

/** A payload shaped like the ones Claude Code 2.1.331 sends (see test/fixtures). */
export function payload(sessionId: string, cwd: string, { event = "PreToolUse", tool = "Write", input }: PayloadOptions = {}): string {
  const base = {
    session_id: sessionId,
    transcript_path: join(cwd, `${sessionId}.jsonl`),
    cwd,
    prompt_id: "6887a1",
    permission_mode: "default",
    hook_event_name: event,
  };
  if (event === "Stop") return JSON.stringify({ ...base, stop_hook_active: false, last_assistant_message: "done" });
  if (event === "SessionEnd") return JSON.stringify({ ...base, reason: "other" });
  return JSON.stringify({
    ...base,
    tool_name: tool,
    tool_input: input ?? (tool === "Bash" ? { command: "touch a", description: "touch" } : { file_path: join(cwd, "a.txt"), content: "x\n" }),
    tool_use_id: "toolu_01",
    ...(event === "PostToolUse" && { tool_response: {}, duration_ms: 3 }),
  });
}
