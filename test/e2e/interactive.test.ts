// What only the interactive terminal UI does, against the real Claude Code (2.1.331) in tmux:
// Esc ends a turn with no hook at all, and /clear gives a running session a new id while its
// background work goes on. The lock must follow both: an idle holder holds nothing, and a cleared
// session neither denies itself nor drops what its background work keeps.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, inject, it, type TestContext } from "vitest";
import { bash, write } from "./support/fakeApi.mjs";
import { guardDecisions, startTurnApi, turnPrompt } from "./support/precise.mjs";
import { keptFor, lockOf, until } from "./support/polling.js";
import { createSandbox, type Sandbox } from "./support/session.mjs";
import { hasTmux, Terminal } from "./support/terminal.js";

const claudeBin = inject("claudeBin");
const TMUX = hasTmux();
if (!TMUX && process.env.CI !== "true") {
  console.warn(`\n${"!".repeat(78)}\n!! SKIPPED: the interactive e2e suite needs tmux (apt-get install tmux).\n${"!".repeat(78)}\n`);
}

function sandbox(onTestFinished: TestContext["onTestFinished"], servers: { close(): Promise<void> }[]): { box: Sandbox; term: Terminal } {
  if (claudeBin === null) throw new Error("unreachable: the suite is skipped without Claude Code");
  if (!TMUX) throw new Error("tmux is required on CI (.ci/run installs it)");
  const box = createSandbox(claudeBin, "csg-e2e-tui-");
  const term = new Terminal(box);
  onTestFinished(async () => {
    await term.close();
    await box.cleanup();
    await Promise.all(servers.map((s) => s.close()));
  });
  return { box, term };
}

const deniedTools = (result: { permission_denials?: Array<{ tool_name: string }> } | null) => (result?.permission_denials ?? []).map((d) => d.tool_name);

describe.skipIf(claudeBin === null || (!TMUX && process.env.CI !== "true")).concurrent("the lock in the interactive terminal UI", () => {
  it("a denial reads at a glance: who holds the workspace (its name and tmux pane) and what to do, in the first line the UI shows", async ({ expect, onTestFinished }) => {
    const servers: { close(): Promise<void> }[] = [];
    const { box, term } = sandbox(onTestFinished, servers);
    const ws = box.gitRepo("my-app");
    const gate = box.gate();
    const aApi = await startTurnApi({ turns: [[bash(gate.command, { timeout: 300_000, description: "run the migrations" })]] });
    const bApi = await startTurnApi({
      turns: [[write(join(ws, "src", "auth.ts"), "export {};\n"), bash("git add -A && git commit -m 'Split the auth middleware'", { description: "commit" })]],
    });
    servers.push(aApi, bApi);
    const a = term.open("api", { cwd: ws, apiUrl: aApi.url, env: { CLAUDE_CODE_SESSION_NAME: "api-refactor" } });
    await a.ready();
    await a.type(turnPrompt(0));
    await until("A's command to run", () => existsSync(gate.started));

    const b = term.open("web", { cwd: ws, apiUrl: bApi.url });
    await b.ready();
    await b.type(turnPrompt(0));
    await b.waitFor(/Not run · permission denied/, 90_000);
    await sleep(1_500);
    const screen = b.screen();
    gate.release();
    console.log(`What the second session's terminal shows (tmux capture):\n${screen}`);
    // Claude Code wraps long lines itself, with an indent (and a bar for Bash): read them joined.
    const joined = screen.replace(/\s*\n[\s│]*/g, " ");
    const who = 'session "api-refactor" \\(tmux api:@\\d+\\.%\\d+, working\\) holds this workspace';
    expect(joined).toMatch(new RegExp(`Error: PreToolUse:Write hook error: claude-session-guard: ${who}, so this Write was not run\\. Wait, or use a git worktree\\.`));
    expect(joined).toMatch(/If that session is gone or stuck, clear it: claude-session-guard clear --workspace /);
    expect(joined).toMatch(new RegExp(`Reason: PreToolUse:Bash hook error: claude-session-guard: ${who}, so this Bash was not run\\. Wait, or use a git worktree\\.`));
    // The details for Claude never reach the screen.
    expect(screen).not.toContain("Held by:");
    expect(existsSync(join(ws, "src", "auth.ts"))).toBe(false);
  });

  it("Esc leaves a holder idle, holding nothing: another session gets in within seconds, and the holder is told on its next call", async ({ expect, onTestFinished }) => {
    const servers: { close(): Promise<void> }[] = [];
    const { box, term } = sandbox(onTestFinished, servers);
    const ws = box.gitRepo("ws");
    const started = join(box.root, "long-command-started");
    const aApi = await startTurnApi({
      turns: [
        [bash(`python3 -c "import pathlib,time; pathlib.Path('${started}').touch(); time.sleep(120)"`, { timeout: 300_000, description: "a long command" })],
        [write(join(ws, "a-again.txt"), "a\n")],
      ],
    });
    servers.push(aApi);
    const a = term.open("a", { cwd: ws, apiUrl: aApi.url });
    await a.ready();
    await a.type(turnPrompt(0));
    await until("A's long command to run", () => existsSync(started));
    const holder = await until("A's lock", () => lockOf(box, ws));

    a.keys("Escape");
    await a.waitFor(/Interrupted/);
    const b = await box.runSession({ cwd: ws, script: [write(join(ws, "from-b.txt"), "b\n")] });
    expect(deniedTools(b.result), "B, seconds after A's Esc").toEqual([]);
    expect(readFileSync(join(ws, "from-b.txt"), "utf8")).toBe("b\n");
    // What let B in: A's idle state, not the lapse of A's lock, which is good for minutes.
    const takeover = guardDecisions(box.home).find((e) => e.outcome === "takeover" && e.session === b.result.session_id);
    expect(takeover).toMatchObject({ reason: "idle", holder: { session_id: holder.session_id } });
    expect(Date.parse(takeover.time) - holder.acquired_at).toBeLessThan(holder.ttl_ms);

    // A's next call: allowed, and told that its lock was taken while it sat idle.
    await a.type(turnPrompt(1));
    await until("A's next Write", () => existsSync(join(ws, "a-again.txt")), 60_000);
    const told = await a.waitFor(/lost its lock/);
    expect(told).toMatch(/sat idle at its prompt/);
    // The note for Claude rides on the request after the Write, which may leave after the screen shows the warning.
    await until("the note to reach Claude", () => JSON.stringify(aApi.requests).includes(`it lost its lock on the workspace ${ws}`));
    expect(lockOf(box, ws)?.session_id ?? holder.session_id).toBe(holder.session_id);
  });

  it("/clear in the middle of background work: the new session keeps what the work holds, never denies itself, and lets go when the work ends", async ({ expect, onTestFinished }) => {
    const servers: { close(): Promise<void> }[] = [];
    const { box, term } = sandbox(onTestFinished, servers);
    const ws = box.gitRepo("ws");
    const shared = join(ws, "shared.txt");
    const aApi = await startTurnApi({
      turns: [
        [bash(`python3 -c 'import time; time.sleep(20)'; echo a > '${shared}'`, { background: true, timeout: 120_000, description: "slow writer" })],
        [write(join(ws, "after-clear.txt"), "mine\n")],
      ],
    });
    servers.push(aApi);
    const a = term.open("a", { cwd: ws, apiUrl: aApi.url });
    await a.ready();
    await a.type(turnPrompt(0));
    const before = await until("A's turn to end with its background command keeping the lock", () => keptFor(box, ws));

    await a.type("/clear");
    const adopted = await until("the cleared session to take over its own lock", () => {
      const now = lockOf(box, ws);
      return now !== null && now.session_id !== before.session_id && now;
    });
    expect(adopted.work).toMatchObject([{ type: "shell" }]);

    const b = await box.runSession({ cwd: ws, script: [write(shared, "b\n")] });
    expect(deniedTools(b.result), "B while A's background command runs, after A's /clear").toEqual(["Write"]);

    await a.type(turnPrompt(1));
    await until("A's write after /clear", () => existsSync(join(ws, "after-clear.txt")), 60_000);
    expect(a.screen()).not.toMatch(/holds this workspace, so this/);

    await until("A's background command to finish and A's lock to go", () => existsSync(shared) && lockOf(box, ws) === null, 90_000);
    expect(readFileSync(shared, "utf8")).toBe("a\n");
    const c = await box.runSession({ cwd: ws, script: [write(shared, "b\n")] });
    expect(deniedTools(c.result)).toEqual([]);
    expect(readFileSync(shared, "utf8")).toBe("b\n");
  });
});
