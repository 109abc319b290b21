// The lock lives exactly as long as a session's work, against the real Claude Code (2.1.331):
// a background command or a background agent keeps it past the turn's Stop until that work ends,
// even past the TTL, and a turn that ends on an API error (StopFailure) lets go at once. Each
// scenario has its own sandbox, HOME and API servers.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, inject, it, type TestContext } from "vitest";
import { apiError, bash, write } from "./support/fakeApi.mjs";
import { startTurnApi, turnPrompt } from "./support/precise.mjs";
import { agent, reached, scriptPrompt, startScriptApi } from "./support/scripts.js";
import { keptFor, lockOf, until } from "./support/polling.js";
import { createSandbox, type RunningSession, type Sandbox } from "./support/session.mjs";

const claudeBin = inject("claudeBin");

function sandbox(onTestFinished: TestContext["onTestFinished"], servers: { close(): Promise<void> }[]): Sandbox {
  if (claudeBin === null) throw new Error("unreachable: the suite is skipped without Claude Code");
  const box = createSandbox(claudeBin, "csg-e2e-lifetime-");
  onTestFinished(async () => {
    await box.cleanup();
    await Promise.all(servers.map((s) => s.close()));
  });
  return box;
}

/** A command that runs `seconds` and then writes `text` into `file`. */
const slowWrite = (seconds: number, file: string, text: string) =>
  `python3 -c 'import time; time.sleep(${seconds})'; echo ${text} > '${file}'`;

/** A session B with two turns of one Write each: one while A's work runs, one after. */
async function second(box: Sandbox, cwd: string, file: string, servers: { close(): Promise<void> }[]): Promise<RunningSession & { apiOf: Awaited<ReturnType<typeof startTurnApi>> }> {
  const api = await startTurnApi({ turns: [[write(file, "b\n")], [write(file, "b\n")]] });
  servers.push(api);
  const b = await box.startSession({ cwd, streamInput: true, prompt: turnPrompt(0), env: { ANTHROPIC_BASE_URL: api.url } });
  return Object.assign(b, { apiOf: api });
}

function denied(turn: { permission_denials?: Array<{ tool_name: string }> }): string[] {
  return (turn.permission_denials ?? []).map((d) => d.tool_name);
}

describe.skipIf(claudeBin === null).concurrent("the lock lives as long as the session's work", () => {
  it("a background command keeps the workspace past the turn's Stop, until it ends and the session's last Stop comes", async ({ expect, onTestFinished }) => {
    const servers: { close(): Promise<void> }[] = [];
    const box = sandbox(onTestFinished, servers);
    const ws = box.gitRepo("ws");
    const shared = join(ws, "shared.txt");
    // The command runs until the test lets it go: "while A's work runs" is a fact, not a race with B's start.
    const gate = box.gate();
    const aApi = await startScriptApi({ scripts: { a: [bash(`${gate.command}; echo a > '${shared}'`, { background: true, timeout: 90_000, description: "slow writer" })] } });
    servers.push(aApi);
    // In -p mode Claude Code waits for the background command, is re-invoked when it ends, and stops.
    const a = await box.startSession({ cwd: ws, prompt: scriptPrompt("a"), env: { ANTHROPIC_BASE_URL: aApi.url } });

    // A's turn is over (its Stop listed the command), and the lock says what keeps it.
    const kept = await until("A's Stop to keep the lock for its background command", () => keptFor(box, ws));
    expect(kept.work).toMatchObject([{ type: "shell", description: "slow writer" }]);

    const b = await second(box, ws, shared, servers);
    const [first] = await b.waitForTurns(1, 90_000);
    expect(denied(first), "B while A's background command runs").toEqual(["Write"]);
    const reason = b.apiOf.toolResults()[0]?.content ?? "";
    expect(reason).toMatch(/\) holds this workspace, so this Write was not run\./);
    expect(b.apiOf.hookContexts().join("\n")).toMatch(/Kept for its background shell "slow writer"/);

    gate.release();
    expect((await a.done).exitCode).toBe(0);
    expect(readFileSync(shared, "utf8")).toBe("a\n");
    expect(lockOf(box, ws)).toBeNull();
    b.send(turnPrompt(1));
    const [, after] = await b.waitForTurns(2, 90_000);
    expect(denied(after), "B once A's work has ended").toEqual([]);
    expect(readFileSync(shared, "utf8")).toBe("b\n");
  });

  it("a background agent keeps the workspace its session took past the main turn's Stop, until it finishes", async ({ expect, onTestFinished }) => {
    const servers: { close(): Promise<void> }[] = [];
    const box = sandbox(onTestFinished, servers);
    const ws = box.gitRepo("ws");
    const shared = join(ws, "shared.txt");
    const gate = box.gate();
    const aApi = await startScriptApi({
      scripts: {
        // The main turn writes, launches an agent in the background, and ends.
        main: [write(shared, "a0\n"), agent("sub")],
        // The agent works until the test lets it go, then writes the same file.
        sub: [bash(gate.command, { timeout: 90_000 }), write(shared, "a\n")],
      },
    });
    servers.push(aApi);
    const a = await box.startSession({ cwd: ws, prompt: scriptPrompt("main"), env: { ANTHROPIC_BASE_URL: aApi.url } });

    // The main turn has ended with the agent still running: its Stop kept the lock for it.
    await until("A's main turn to end", () => reached(aApi, "main", 2));
    const kept = await until("the lock to name the running agent", () => keptFor(box, ws, "subagent"));
    expect(kept.session_id).toBe((await until("A's session id", () => lockOf(box, ws)))?.session_id);

    const b = await second(box, ws, shared, servers);
    const [first] = await b.waitForTurns(1, 90_000);
    expect(denied(first), "B while A's agent runs").toEqual(["Write"]);

    gate.release();
    expect((await a.done).exitCode).toBe(0);
    expect(readFileSync(shared, "utf8")).toBe("a\n");
    expect(lockOf(box, ws)).toBeNull();
    b.send(turnPrompt(1));
    const [, after] = await b.waitForTurns(2, 90_000);
    expect(denied(after)).toEqual([]);
    expect(readFileSync(shared, "utf8")).toBe("b\n");
  });

  it("a background command keeps the workspace past the TTL, for as long as it declared it may run", async ({ expect, onTestFinished }) => {
    const servers: { close(): Promise<void> }[] = [];
    const box = sandbox(onTestFinished, servers);
    const ws = box.gitRepo("ws");
    const shared = join(ws, "shared.txt");
    const ttl = { CLAUDE_SESSION_GUARD_TTL_MS: "2000" };
    // Long enough that B, started 4 s after A's TTL ran out, meets it running even on a loaded machine.
    const aApi = await startScriptApi({ scripts: { a: [bash(slowWrite(30, shared, "a"), { background: true, timeout: 90_000 })] } });
    servers.push(aApi);
    const a = await box.startSession({ cwd: ws, prompt: scriptPrompt("a"), env: { ANTHROPIC_BASE_URL: aApi.url, ...ttl } });
    const kept = await until("A's Stop to keep the lock", () => keptFor(box, ws));
    // Well past A's 2 s TTL since its last refresh or Stop.
    await sleep(Math.max(0, kept.acquired_at + 4000 - Date.now()));

    const b = await second(box, ws, shared, servers);
    const [first] = await b.waitForTurns(1, 90_000);
    expect(denied(first), "B after A's TTL, while A's command still runs").toEqual(["Write"]);
    expect((await a.done).exitCode).toBe(0);
    b.send(turnPrompt(1));
    const [, after] = await b.waitForTurns(2, 90_000);
    expect(denied(after)).toEqual([]);
    expect(readFileSync(shared, "utf8")).toBe("b\n");
  });

  it("a turn that ends on an API error (StopFailure) lets go of the workspace at once, not after the TTL", async ({ expect, onTestFinished }) => {
    const servers: { close(): Promise<void> }[] = [];
    const box = sandbox(onTestFinished, servers);
    const ws = box.gitRepo("ws");
    const aApi = await startTurnApi({ turns: [[write(join(ws, "a.txt"), "a\n"), apiError(500)]] });
    servers.push(aApi);
    // StopFailure fires only while the session goes on: a stream-json session with its input open.
    const a = await box.startSession({ cwd: ws, streamInput: true, prompt: turnPrompt(0), env: { ANTHROPIC_BASE_URL: aApi.url } });
    await a.waitForTurns(1, 90_000);
    expect(existsSync(join(ws, "a.txt"))).toBe(true);
    await until("StopFailure to release A's lock", () => lockOf(box, ws) === null, 15_000);

    const b = await box.runSession({ cwd: ws, script: [write(join(ws, "b.txt"), "b\n")] });
    expect((b.result?.permission_denials ?? []).length).toBe(0);
    expect(readFileSync(join(ws, "b.txt"), "utf8")).toBe("b\n");
    a.endInput();
    await a.done;
  });
});
