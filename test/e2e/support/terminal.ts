// Claude Code's interactive terminal UI, driven in tmux: a private tmux server per sandbox (its
// own socket, started with the sandbox's environment, so nothing reaches the real HOME), a pane
// per session, keys in and the screen out. For what only the UI does: Esc, /clear, what a person
// sees.

import { execFileSync } from "node:child_process";
import { chmodSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Sandbox, sessionEnv } from "./session.mjs";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

/** Whether tmux can run here: the interactive suites need it (CI installs it). */
export function hasTmux(): boolean {
  try {
    execFileSync("tmux", ["-V"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export class Terminal {
  private readonly socket: string;

  constructor(private readonly box: Sandbox) {
    this.socket = `csg-${box.root.split("/").pop()}`;
  }

  tmux(...args: string[]): string {
    return execFileSync("tmux", ["-L", this.socket, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  }

  /**
   * Starts `claude` in a new pane, in `cwd`, against the API at `apiUrl`, with the sandbox's
   * settings (settings.example.json), and the onboarding, the workspace trust and the API key
   * accepted beforehand. The default permission mode needs the real API, so edits are accepted
   * and Bash is allowed outright.
   */
  open(name: string, options: { cwd: string; apiUrl: string; env?: Record<string, string>; args?: string[] }): Pane {
    this.seed([options.cwd]);
    const env = sessionEnv({ pathDir: this.box.pathDir, home: this.box.home, tmp: this.box.tmp, apiUrl: options.apiUrl, extra: { TERM: "xterm-256color", ...options.env } });
    const args = ["--settings", this.box.settingsPath, "--permission-mode", "acceptEdits", "--allowedTools", "Bash", ...(options.args ?? [])];
    const launcher = join(this.box.root, `launch-${name}.sh`);
    writeFileSync(
      launcher,
      ["#!/bin/sh", ...Object.entries(env).map(([k, v]) => `export ${k}=${quote(v)}`), `cd ${quote(options.cwd)}`, `exec ${quote(this.box.claudeBin)} ${args.map(quote).join(" ")}`, ""].join("\n"),
    );
    chmodSync(launcher, 0o755);
    // The server takes the environment of its first client: the sandbox's, never the real one.
    const command = `env -i PATH=${quote(env.PATH ?? "/usr/bin:/bin")} TMUX="$TMUX" TMUX_PANE="$TMUX_PANE" /bin/sh ${quote(launcher)}; sleep 600`;
    this.tmux("new-session", "-d", "-s", name, "-x", "160", "-y", "45", command);
    return new Pane(this, name, this.box);
  }

  private seed(dirs: string[]): void {
    const path = join(this.box.home, ".claude.json");
    let current: Record<string, any> = {};
    try {
      current = JSON.parse(readFileSync(path, "utf8"));
    } catch {
      // First session of the sandbox.
    }
    const projects = { ...(current.projects ?? {}) };
    for (const dir of dirs) projects[dir] = { hasTrustDialogAccepted: true, hasCompletedProjectOnboarding: true };
    writeFileSync(path, JSON.stringify({ ...current, hasCompletedOnboarding: true, customApiKeyResponses: { approved: ["any"], rejected: [] }, projects }));
  }

  /**
   * Ends every pane, then waits (up to 15 s) for the Claude Code processes in them to exit: they
   * write their session files while they shut down, and the sandbox can only be removed after.
   */
  async close(): Promise<void> {
    const running = this.claudePids();
    try {
      this.tmux("kill-server");
    } catch {
      // Never started, or already gone.
    }
    const deadline = Date.now() + 15_000;
    while (running.some(alive) && Date.now() < deadline) await sleep(100);
  }

  /** The Claude Code processes of this sandbox's panes, by the session registry. */
  private claudePids(): number[] {
    const dir = join(this.box.home, ".claude", "sessions");
    const pids: number[] = [];
    for (const name of safeList(dir)) {
      try {
        const entry = JSON.parse(readFileSync(join(dir, name), "utf8"));
        if (typeof entry.pid === "number" && typeof entry.tmux === "string") pids.push(entry.pid);
      } catch {
        // Torn or gone: that process is on its way out anyway.
      }
    }
    return pids;
  }
}

export class Pane {
  constructor(
    private readonly terminal: Terminal,
    readonly name: string,
    private readonly box: Sandbox,
  ) {}

  screen(): string {
    return this.terminal.tmux("capture-pane", "-p", "-J", "-S", "-200", "-t", this.name);
  }

  keys(...keys: string[]): void {
    this.terminal.tmux("send-keys", "-t", this.name, ...keys);
  }

  /** Types `text` as a person would, then Enter. */
  async type(text: string): Promise<void> {
    this.terminal.tmux("send-keys", "-t", this.name, "-l", text);
    await sleep(400);
    this.keys("Enter");
  }

  async waitFor(pattern: RegExp, timeoutMs = 60_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = this.screen();
      if (pattern.test(text)) return text;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern} in pane ${this.name}:\n${text}`);
      await sleep(250);
    }
  }

  /** Waits until the prompt is up (the status line shows the permission mode the sandbox starts in). */
  async ready(timeoutMs = 60_000): Promise<void> {
    await this.waitFor(/accept edits on/, timeoutMs);
  }

  /** The Claude Code process in this pane: the sandbox's session registry names it by its cwd. */
  async claudePid(cwd: string, timeoutMs = 30_000): Promise<number> {
    const dir = join(this.box.home, ".claude", "sessions");
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const name of safeList(dir)) {
        if (!name.endsWith(".json")) continue;
        try {
          const entry = JSON.parse(readFileSync(join(dir, name), "utf8"));
          if (entry.cwd === cwd && typeof entry.tmux === "string" && entry.entrypoint === "cli") return entry.pid;
        } catch {
          // Torn while Claude Code writes it in place: read it again.
        }
      }
      if (Date.now() > deadline) throw new Error(`no registry entry for the pane ${this.name} in ${dir}`);
      await sleep(200);
    }
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
