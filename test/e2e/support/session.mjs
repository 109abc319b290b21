// Runs real `claude -p` sessions against the scripted API, each in a throwaway sandbox: its own
// HOME, TMPDIR, git workspaces and one API server per session. Hooks come from
// settings.example.json, copied byte for byte, so the file users copy is the file under test;
// only PATH is ours: it starts with a directory holding a `claude-session-guard` symlink to the
// built bin/claude-session-guard.js, which is what a global npm install puts on PATH.
import { spawn, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { REPO_ROOT } from "./claudeCode.mjs";
import { startFakeApi } from "./fakeApi.mjs";

/** @typedef {import("./fakeApi.mjs").ScriptStep} ScriptStep */

// Overridable so a deliberately broken copy of bin/ + dist/ can be tested without touching the
// build other people are using.
export const GUARD_BIN_DIR = process.env.E2E_GUARD_BIN_DIR || join(REPO_ROOT, "bin");
export const SETTINGS_EXAMPLE = join(REPO_ROOT, "settings.example.json");
export const GUARD_BIN = join(GUARD_BIN_DIR, "claude-session-guard.js");
export const ALLOWED_TOOLS = "Write Bash Edit";

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** First 12 hex chars of MD5(workspace path): the contract's lock file name. */
export function lockHash(/** @type {string} */ workspace) {
  return createHash("md5").update(workspace, "utf8").digest("hex").slice(0, 12);
}

/**
 * The environment Claude Code runs with. Anything inherited that names Claude, Anthropic or the
 * guard is dropped: a developer running the suite from inside a Claude Code session (or with
 * CLAUDE_SESSION_GUARD_DISABLE=1) must not leak that into the sessions under test.
 * @param {{ pathDir: string, home: string, tmp: string, apiUrl: string, extra?: Record<string, string | undefined> }} options
 */
export function sessionEnv({ pathDir, home, tmp, apiUrl, extra = {} }) {
  /** @type {Record<string, string>} */
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || /^(CLAUDE|ANTHROPIC)/i.test(key)) continue;
    env[key] = value;
  }
  Object.assign(env, {
    PATH: [pathDir, process.env.PATH ?? ""].join(delimiter),
    HOME: home,
    // Claude Code keeps per-session scratch dirs and sockets under TMPDIR.
    TMPDIR: tmp,
    ANTHROPIC_BASE_URL: apiUrl,
    ANTHROPIC_API_KEY: "any",
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
  });
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/**
 * @typedef {object} SessionOptions
 * @property {string} cwd  the directory the session starts in
 * @property {ScriptStep[]} [script]  tool calls the scripted model makes, one step per assistant message
 * @property {string} [prompt]
 * @property {string} [finalText]
 * @property {"json" | "stream-json"} [outputFormat]  stream-json (with --verbose) also shows hook system messages
 * @property {boolean} [streamInput]  keep the session open for more turns (--input-format stream-json)
 * @property {Record<string, string | undefined>} [env]  extra environment; undefined removes a variable
 * @property {string | null} [settingsPath]  other hooks than settings.example.json's (fixture capture); null: no --settings, only the files Claude Code finds itself
 * @property {string[]} [args]  more arguments for claude (--add-dir DIR, …)
 * @property {string} [allowedTools]  instead of ALLOWED_TOOLS
 */

/**
 * @typedef {object} SessionResult
 * @property {number | null} exitCode
 * @property {string} stdout
 * @property {string} stderr
 * @property {any} result  the final result object (`permission_denials`, `session_id`, ...)
 * @property {any[]} events  every JSON line printed (just `[result]` with --output-format json)
 * @property {string[]} systemMessages  what hooks showed the user (stream-json only)
 * @property {Awaited<ReturnType<typeof startFakeApi>>} api
 */

/** @param {string} stdout @param {"json" | "stream-json"} format */
function parseOutput(stdout, format) {
  if (format === "json") {
    const result = stdout.trim() ? JSON.parse(stdout) : null;
    return { result, events: result ? [result] : [] };
  }
  const events = stdout
    .split("\n")
    .filter((line) => line.trim().startsWith("{"))
    .map((line) => JSON.parse(line));
  const results = events.filter((e) => e.type === "result");
  return { result: results.at(-1) ?? null, events };
}

export class RunningSession {
  /**
   * @param {import("node:child_process").ChildProcessWithoutNullStreams} child
   * @param {Awaited<ReturnType<typeof startFakeApi>>} api
   * @param {"json" | "stream-json"} format
   */
  constructor(child, api, format) {
    this.child = child;
    this.api = api;
    this.format = format;
    this.stdout = "";
    this.stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d) => (this.stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d) => (this.stderr += d));
    // Claude Code may close its stdin first; a late end() must not become an unhandled EPIPE.
    child.stdin.on("error", () => {});
    /** @type {Promise<SessionResult>} */
    this.done = new Promise((resolve, reject) => {
      child.once("error", reject);
      child.once("close", (code) => {
        try {
          const { result, events } = parseOutput(this.stdout, format);
          resolve({
            exitCode: code,
            stdout: this.stdout,
            stderr: this.stderr,
            result,
            events,
            systemMessages: systemMessages(events),
            api,
          });
        } catch (error) {
          reject(new Error(`could not parse claude output (exit ${code}): ${error}\nstdout:\n${this.stdout}\nstderr:\n${this.stderr}`));
        }
      });
    });
    // A rejection nobody awaited yet must not crash the worker; callers see it through `done`.
    this.done.catch(() => {});
  }

  get finished() {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** Sends one more user turn (streamInput sessions only). */
  send(/** @type {string} */ prompt) {
    this.child.stdin.write(`${JSON.stringify({ type: "user", message: { role: "user", content: prompt } })}\n`);
  }

  /** Ends a streamInput session: Claude Code finishes and fires SessionEnd. */
  endInput() {
    this.child.stdin.end();
  }

  /** Parsed stdout lines so far (stream-json). */
  events() {
    return parseOutput(this.stdout.slice(0, this.stdout.lastIndexOf("\n") + 1), "stream-json").events;
  }

  /** Resolves once `count` turns have ended (a `result` line per turn, stream-json only). */
  async waitForTurns(/** @type {number} */ count, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const turns = this.events().filter((e) => e.type === "result");
      if (turns.length >= count) return turns;
      if (this.finished) throw new Error(`session exited after ${turns.length} of ${count} turns\n${this.stderr}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for turn ${count}`);
      await sleep(25);
    }
  }

  kill() {
    if (!this.finished) this.child.kill("SIGKILL");
  }
}

/** @param {any[]} events */
function systemMessages(events) {
  return events
    .filter((e) => e?.type === "system" && e.subtype === "informational" && typeof e.content === "string")
    .map((e) => String(e.content));
}

/**
 * A Bash command that marks when it has started and then holds its session inside a tool call
 * until the test releases it, so "while A works" is a fact rather than a race against a sleep.
 * It gives up on its own after `maxSeconds`, or when the sandbox is deleted.
 */
export class Gate {
  /** @param {string} dir */
  constructor(dir, maxSeconds = 60) {
    mkdirSync(dir, { recursive: true });
    this.started = join(dir, "started");
    this.released = join(dir, "released");
    this.command =
      `touch '${this.started}'; i=0; ` +
      `while [ ! -e '${this.released}' ] && [ -e '${this.started}' ] && [ $i -lt ${maxSeconds * 20} ]; ` +
      `do sleep 0.05; i=$((i+1)); done; echo gate-opened`;
  }

  /** Waits until the gated command runs; fails fast if the session ended first. */
  async waitStarted(/** @type {RunningSession} */ session, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    while (!existsSync(this.started)) {
      if (session.finished) {
        const r = await session.done;
        throw new Error(`session ended before its gated command started: ${JSON.stringify(r.result)}\n${r.stderr}`);
      }
      if (Date.now() > deadline) throw new Error("timed out waiting for the gated command to start");
      await sleep(25);
    }
  }

  release() {
    writeFileSync(this.released, "");
  }
}

export class Sandbox {
  /** @param {string} claudeBin @param {string} root */
  constructor(claudeBin, root) {
    this.claudeBin = claudeBin;
    this.root = root;
    this.home = this.dir("home");
    this.tmp = this.dir("tmp");
    this.pathDir = this.dir("path");
    symlinkSync(GUARD_BIN, join(this.pathDir, "claude-session-guard"));
    this.settingsPath = join(root, "settings.json");
    copyFileSync(SETTINGS_EXAMPLE, this.settingsPath);
    /** @type {RunningSession[]} */
    this.sessions = [];
    /** @type {Gate[]} */
    this.gates = [];
    this.worktrees = 0;
  }

  /** mkdir -p under the sandbox root; returns the real path. */
  dir(/** @type {string[]} */ ...parts) {
    const path = join(this.root, ...parts);
    mkdirSync(path, { recursive: true });
    return realpathSync(path);
  }

  /** A fresh `git init` repository with one commit (worktrees need one). */
  gitRepo(/** @type {string} */ name) {
    const path = this.dir(name);
    const git = (/** @type {string[]} */ ...args) =>
      execFileSync("git", ["-c", "user.name=e2e", "-c", "user.email=e2e@example.invalid", ...args], {
        cwd: path,
        stdio: "pipe",
        env: { ...process.env, HOME: this.home, GIT_CONFIG_NOSYSTEM: "1" },
      });
    git("init", "-q", "-b", "main");
    writeFileSync(join(path, "README.md"), "e2e workspace\n");
    git("add", "README.md");
    git("commit", "-q", "-m", "init");
    return path;
  }

  /**
   * `git worktree add` of `repo` at `relPath` (under the sandbox root; inside the repository
   * too, the way Claude Code's own worktrees live in .claude/worktrees/) on a new branch.
   */
  worktree(/** @type {string} */ repo, /** @type {string} */ relPath) {
    const path = join(this.root, relPath);
    execFileSync("git", ["worktree", "add", "-q", "-b", `e2e-${this.worktrees++}`, path], {
      cwd: repo,
      stdio: "pipe",
      env: { ...process.env, HOME: this.home, GIT_CONFIG_NOSYSTEM: "1" },
    });
    return realpathSync(path);
  }

  gate() {
    const gate = new Gate(join(this.root, "gates", String(this.gates.length)));
    this.gates.push(gate);
    return gate;
  }

  /** Where the guard keeps locks for sessions of this sandbox (CLAUDE_CONFIG_DIR unset). */
  get runtimeDir() {
    return join(this.home, ".claude", "runtime");
  }

  /** Names of the lock files present now. */
  lockFiles(runtimeDir = this.runtimeDir) {
    try {
      return readdirSync(runtimeDir).filter((name) => /^session-lock-[0-9a-f]{12}\.json$/.test(name));
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code === "ENOENT") return [];
      throw error;
    }
  }

  /** @param {SessionOptions} options */
  async startSession(options) {
    const format = options.outputFormat ?? (options.streamInput ? "stream-json" : "json");
    const api = await startFakeApi({ script: options.script ?? [], finalText: options.finalText });
    const args = ["-p"];
    if (options.streamInput) args.push("--input-format", "stream-json");
    else args.push(options.prompt ?? "Carry out the scripted task.");
    if (options.settingsPath !== null) args.push("--settings", options.settingsPath ?? this.settingsPath);
    args.push("--allowedTools", options.allowedTools ?? ALLOWED_TOOLS, "--output-format", format, ...(options.args ?? []));
    if (format === "stream-json") args.push("--verbose");
    const child = spawn(this.claudeBin, args, {
      cwd: options.cwd,
      env: sessionEnv({ pathDir: this.pathDir, home: this.home, tmp: this.tmp, apiUrl: api.url, extra: options.env }),
      stdio: ["pipe", "pipe", "pipe"],
    });
    const session = new RunningSession(child, api, format);
    this.sessions.push(session);
    if (options.streamInput) session.send(options.prompt ?? "Carry out the scripted task.");
    else child.stdin.end();
    return session;
  }

  /** @param {SessionOptions} options */
  async runSession(options) {
    return (await this.startSession(options)).done;
  }

  /**
   * Lets every session finish on its own before anything is killed: Claude Code runs Bash in a
   * process session of its own, so killing Claude Code would orphan a gated command that then
   * writes into the sandbox while it is being deleted.
   */
  async cleanup() {
    for (const gate of this.gates) gate.release();
    for (const session of this.sessions) session.endInput();
    const settled = Promise.all(this.sessions.map((session) => session.done.catch(() => {})));
    const killer = setTimeout(() => this.sessions.forEach((session) => session.kill()), 15_000);
    await settled;
    clearTimeout(killer);
    await Promise.all(this.sessions.map((session) => session.api.close()));
    rmSync(this.root, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}

/** @param {string} claudeBin @param {string} [prefix] */
export function createSandbox(claudeBin, prefix = "csg-e2e-") {
  return new Sandbox(claudeBin, realpathSync(mkdtempSync(join(tmpdir(), prefix))));
}
