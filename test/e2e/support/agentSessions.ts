// Runs real Codex CLI (`codex exec`) and Gemini CLI (`gemini -p`) sessions against their scripted
// APIs, inside a Claude Code sandbox (session.mjs): the same HOME, so the same runtime dir and
// locks, and the same PATH, whose `claude-session-guard` is the built bin/. Each agent is wired
// the way a user wires it: `claude-session-guard install --agent <agent> --scope user`, which for
// Codex also records the hooks' trust (no bypass flag: untrusted hooks would be skipped silently).

import { type ChildProcessByStdio, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import type { Readable } from "node:stream";
import { GEMINI_AUTH_SETTINGS, type GeminiStep, startFakeGeminiApi } from "./fakeGeminiApi.js";
import { type CodexStep, codexConfig, startFakeResponsesApi } from "./fakeResponsesApi.js";
import { GUARD_BIN, type Sandbox } from "./session.mjs";

/** @param {number} ms */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What one agent run looked like, in one value, so a failure shows everything at once. */
export interface AgentRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

export class AgentSession<Api extends { close(): Promise<void> }> {
  stdout = "";
  stderr = "";
  readonly done: Promise<AgentRun>;

  constructor(
    readonly child: ChildProcessByStdio<null, Readable, Readable>,
    readonly api: Api,
  ) {
    child.stdout.setEncoding("utf8").on("data", (d: string) => (this.stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (this.stderr += d));
    this.done = new Promise((resolve, reject) => {
      child.once("error", reject);
      child.once("close", (code) => resolve({ exitCode: code, stdout: this.stdout, stderr: this.stderr }));
    });
    this.done.catch(() => {});
  }

  get finished(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** Waits until `file` exists (a gated command started); fails fast if the session ended first. */
  async waitFor(file: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!existsSync(file)) {
      if (this.finished) throw new Error(`the session ended before ${file} appeared:\n${this.stdout}\n${this.stderr}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${file}`);
      await sleep(25);
    }
  }

  async stop(): Promise<void> {
    if (!this.finished) this.child.kill("SIGKILL");
    await this.done.catch(() => {});
    await this.api.close();
  }
}

/** The environment an agent runs with: nothing inherited that names an agent or the guard. */
function agentEnv(box: Sandbox, extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(CLAUDE|ANTHROPIC|CODEX|GEMINI|GOOGLE|OPENAI|COPILOT|CURSOR)/i.test(key)) env[key] = value;
  }
  return { ...env, PATH: [box.pathDir, process.env.PATH ?? ""].join(delimiter), HOME: box.home, TMPDIR: box.tmp, ...extra };
}

/** `claude-session-guard <args>` as the user would run it in the sandbox; throws with its output if it fails. */
export function guard(box: Sandbox, args: string[], env: Record<string, string> = {}, cwd = box.root): string {
  try {
    return execFileSync(process.execPath, [GUARD_BIN, ...args], { cwd, env: agentEnv(box, env), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    throw new Error(`claude-session-guard ${args.join(" ")} exited with ${e.status}:\n${e.stdout}${e.stderr}`);
  }
}

let codexHomes = 0;

/**
 * `codex exec` in `cwd`, playing `script`. Each run has its own CODEX_HOME (its config points at
 * its own API server), wired by the guard's install, so the hooks' trust is the install's.
 */
export async function startCodex(box: Sandbox, codexBin: string, { cwd, script }: { cwd: string; script: CodexStep[] }) {
  const api = await startFakeResponsesApi({ script });
  const codexHome = box.dir(`codex-home-${codexHomes++}`);
  writeFileSync(join(codexHome, "config.toml"), codexConfig(api.baseUrl));
  guard(box, ["install", "--agent", "codex", "--scope", "user"], { CODEX_HOME: codexHome });
  const child = spawn(codexBin, ["exec", "-s", "danger-full-access", "Carry out the scripted task."], {
    cwd,
    env: agentEnv(box, { CODEX_HOME: codexHome, FAKE_KEY: "x" }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new AgentSession(child, api);
}

/** `gemini -p` in `cwd`, playing `script`, with every tool offered (yolo) and the folder trusted. */
export async function startGemini(box: Sandbox, geminiBundle: string, { cwd, script }: { cwd: string; script: GeminiStep[] }) {
  const api = await startFakeGeminiApi({ script });
  const settings = join(box.home, ".gemini", "settings.json");
  if (!existsSync(settings)) {
    mkdirSync(join(box.home, ".gemini"), { recursive: true });
    writeFileSync(settings, `${JSON.stringify(GEMINI_AUTH_SETTINGS, null, 2)}\n`);
    guard(box, ["install", "--agent", "gemini", "--scope", "user"]);
  }
  const child = spawn(process.execPath, [geminiBundle, "-p", "Carry out the scripted task.", "--approval-mode", "yolo"], {
    cwd,
    env: agentEnv(box, { GEMINI_API_KEY: "x", GOOGLE_GEMINI_BASE_URL: api.url, GEMINI_CLI_TRUST_WORKSPACE: "true" }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new AgentSession(child, api);
}
