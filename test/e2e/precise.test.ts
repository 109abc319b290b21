// Precise locks against the real Claude Code (2.1.331): a killed holder frees the workspace at
// once, a long Bash command keeps its lock past the TTL, read-only Bash passes a held workspace,
// a session whose idle lock was taken over is told so once, and a session that starts while
// another one works gets a heads-up. Each scenario has its own sandbox, HOME and API servers.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, inject, it, type TestContext } from "vitest";
import { bash, write } from "./support/fakeApi.mjs";
import {
  guardDecisions,
  SESSION_START_HOOK,
  settingsVariant,
  startTurnApi,
  transcript,
  turnPrompt,
  whereInRequest,
} from "./support/precise.mjs";
import { createSandbox, lockHash, type RunningSession, type Sandbox, type SessionResult } from "./support/session.mjs";

const claudeBin = inject("claudeBin");

const GATE_TIMEOUT_MS = 90_000;
const DEFAULT_TTL_MS = 300_000;
const SHORT_TTL = { CLAUDE_SESSION_GUARD_TTL_MS: "2000" };
const SHORT_TTL_MS = 2000;

/** A sandbox, plus anything else the test starts, torn down after its sessions have finished. */
function sandbox(onTestFinished: TestContext["onTestFinished"], extra: { close(): Promise<void> }[] = []): Sandbox {
  if (claudeBin === null) throw new Error("unreachable: the suite is skipped without Claude Code");
  const box = createSandbox(claudeBin, "csg-e2e-precise-");
  onTestFinished(async () => {
    await box.cleanup();
    await Promise.all(extra.map((e) => e.close()));
  });
  return box;
}

interface LockRecord {
  session_id: string;
  pid: number;
  acquired_at: number;
  ttl_ms: number;
}

function lockRecord(box: Sandbox, workspace: string): LockRecord {
  return JSON.parse(readFileSync(join(box.runtimeDir, `session-lock-${lockHash(workspace)}.json`), "utf8"));
}

/** What a run looked like, in one value, so a failure shows everything at once. */
function summary(run: SessionResult, toolResults = run.api.toolResults()) {
  return {
    exitCode: run.exitCode,
    denials: (run.result?.permission_denials ?? []).map((d: { tool_name: string }) => d.tool_name),
    toolResults: toolResults.map((r) => ({ is_error: r.is_error, content: r.content })),
    guardMessages: run.systemMessages.filter((m) => m.includes("claude-session-guard")),
    stderr: run.stderr,
  };
}

async function waitForExit(session: RunningSession, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!session.finished) {
    if (Date.now() > deadline) throw new Error("the killed session did not exit");
    await sleep(10);
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** What the SessionStart hook printed, parsed, for each run of it that printed anything. */
function sessionStartOutputs(run: SessionResult): any[] {
  return run.events
    .filter((e) => e.type === "system" && e.subtype === "hook_response" && e.hook_event === "SessionStart" && typeof e.stdout === "string" && e.stdout.trim() !== "")
    .map((e) => JSON.parse(e.stdout));
}

/** The SessionStart hook messages Claude Code kept to show the user. */
function shownAtStart(box: Sandbox, sessionId: string): string[] {
  return transcript(box.home, sessionId)
    .filter((line) => line.attachment?.type === "hook_system_message" && line.attachment.hookEvent === "SessionStart")
    .map((line) => line.attachment.content);
}

describe.skipIf(claudeBin === null).concurrent("precise locks under Claude Code", () => {
  it("lets another session in at once when the holder's Claude Code was killed mid-command, long before the TTL", async ({
    expect,
    onTestFinished,
  }) => {
    const apis: { close(): Promise<void> }[] = [];
    const box = sandbox(onTestFinished, apis);
    const ws = box.gitRepo("ws");
    const bApi = await startTurnApi({ turns: [[write(join(ws, "from-b.txt"), "b\n")]] });
    apis.push(bApi);
    const gate = box.gate();
    const a = await box.startSession({ cwd: ws, script: [bash(gate.command, { timeout: GATE_TIMEOUT_MS })] });
    await gate.waitStarted(a);
    const held = lockRecord(box, ws);
    expect(held).toMatchObject({ pid: a.child.pid });
    // Only dead-holder detection can free this lock within the test: it is good for minutes.
    expect(held.ttl_ms).toBeGreaterThanOrEqual(DEFAULT_TTL_MS);

    const killedAt = Date.now();
    a.child.kill("SIGKILL");
    // Once reaped, the pid names no process. Until then the guard sees a zombie, which it counts as alive.
    await waitForExit(a);
    const b = await box.runSession({ cwd: ws, prompt: turnPrompt(0), env: { ANTHROPIC_BASE_URL: bApi.url } });
    const bFinishedAfterMs = Date.now() - killedAt;

    expect(summary(b, bApi.toolResults())).toMatchObject({ exitCode: 0, denials: [], toolResults: [{ is_error: false }] });
    expect(readFileSync(join(ws, "from-b.txt"), "utf8")).toBe("b\n");
    const takeover = guardDecisions(box.home).find((e) => e.outcome === "takeover" && e.session === b.result.session_id);
    expect(takeover).toMatchObject({ event: "pretooluse", reason: "dead", workspace: ws, holder: { session_id: held.session_id, pid: a.child.pid } });
    // Most of the time after the kill is B's own start-up; the guard's share starts when the API
    // hands B its Write.
    const writeIssuedAt = bApi.requests.find((r) => Array.isArray(r.body?.tools))?.at ?? Number.NaN;
    const takenAt = Date.parse(takeover.time);
    console.log(
      `(a) B took the dead holder's lock ${takenAt - killedAt} ms after the kill, ${takenAt - writeIssuedAt} ms after its Write ` +
        `was issued; B's whole session ended ${bFinishedAfterMs} ms after the kill (the lock's TTL: ${held.ttl_ms} ms)`,
    );
    expect(takenAt - writeIssuedAt).toBeGreaterThanOrEqual(0);
    // "dead" above says what freed the lock; the TTL, not this machine's speed, is the bound it beats.
    expect(takenAt - held.acquired_at).toBeLessThan(held.ttl_ms);
  });

  it("keeps a live holder's lock past the TTL while its Bash command runs within its declared timeout", async ({ expect, onTestFinished }) => {
    const box = sandbox(onTestFinished);
    const ws = box.gitRepo("ws");
    const gate = box.gate();
    const a = await box.startSession({ cwd: ws, env: SHORT_TTL, script: [bash(gate.command, { timeout: 60_000 })] });
    await gate.waitStarted(a);
    const held = lockRecord(box, ws);
    // Let the plain TTL lapse while the command is still running.
    await sleep(Math.max(0, held.acquired_at + SHORT_TTL_MS + 1000 - Date.now()));

    const b = await box.runSession({ cwd: ws, env: SHORT_TTL, script: [write(join(ws, "from-b.txt"), "b\n")] });
    gate.release();
    const aRun = await a.done;

    expect(summary(aRun)).toMatchObject({ exitCode: 0, denials: [], toolResults: [{ is_error: false, content: "gate-opened" }] });
    expect(summary(b)).toMatchObject({ exitCode: 0, denials: ["Write"] });
    expect(existsSync(join(ws, "from-b.txt"))).toBe(false);
    expect(b.api.toolResults()[0]?.content).toContain(`(pid ${a.child.pid}, working) holds this workspace`);
    expect(b.api.hookContexts().join("\n")).toContain(`session ${held.session_id.slice(0, 8)} (pid ${a.child.pid})`);
    // Denied after the plain TTL had run out: only the lease kept A's lock.
    const block = guardDecisions(box.home).find((e) => e.outcome === "block" && e.session === b.result.session_id);
    expect(Date.parse(block?.time) - held.acquired_at).toBeGreaterThan(SHORT_TTL_MS);

    const c = await box.runSession({ cwd: ws, env: SHORT_TTL, script: [write(join(ws, "from-c.txt"), "c\n")] });
    expect(summary(c)).toMatchObject({ exitCode: 0, denials: [], toolResults: [{ is_error: false }] });
    expect(readFileSync(join(ws, "from-c.txt"), "utf8")).toBe("c\n");
    expect(box.lockFiles()).toEqual([]);
  });

  it("lets another session run read-only Bash in a held workspace, and still denies its Write", async ({ expect, onTestFinished }) => {
    const box = sandbox(onTestFinished);
    const ws = box.gitRepo("ws");
    const gate = box.gate();
    const a = await box.startSession({ cwd: ws, script: [bash(gate.command, { timeout: GATE_TIMEOUT_MS })] });
    await gate.waitStarted(a);
    const held = lockRecord(box, ws);

    const b = await box.runSession({
      cwd: ws,
      script: [
        bash("git status"),
        bash("ls -la"),
        bash("grep -rn 'e2e workspace' . | head"),
        write(join(ws, "from-b.txt"), "b\n"),
      ],
    });
    // The read-only calls neither took nor disturbed A's lock.
    expect(lockRecord(box, ws).session_id).toBe(held.session_id);
    gate.release();
    await a.done;

    expect(summary(b)).toMatchObject({
      exitCode: 0,
      denials: ["Write"],
      toolResults: [{ is_error: false }, { is_error: false }, { is_error: false }, { is_error: true }],
    });
    const [status, listing, grep, denied] = b.api.toolResults();
    expect(status?.content).toContain("On branch main");
    expect(listing?.content).toMatch(/ README\.md$/m);
    expect(grep?.content).toContain("README.md:1:e2e workspace");
    expect(denied?.content).toMatch(/^PreToolUse:Write hook error: claude-session-guard: /);
    expect(existsSync(join(ws, "from-b.txt"))).toBe(false);
  });

  it("tells a session, once, that its lock was taken over while it sat idle", async ({ expect, onTestFinished }) => {
    const apis: { close(): Promise<void> }[] = [];
    const box = sandbox(onTestFinished, apis);
    const ws = box.gitRepo("ws");
    const file = (name: string) => join(ws, name);
    const aApi = await startTurnApi({
      turns: [[write(file("a1.txt"), "a1\n")], [write(file("a2.txt"), "a2\n"), write(file("a3.txt"), "a3\n")]],
    });
    apis.push(aApi);
    // A's Stop and SessionEnd hooks are missing (as if they had failed), so its turn ends holding the lock.
    const noRelease = settingsVariant(box.root, "no-release.json", { drop: ["Stop", "SessionEnd"] });
    const a = await box.startSession({
      cwd: ws,
      streamInput: true,
      prompt: turnPrompt(0),
      settingsPath: noRelease,
      env: { ...SHORT_TTL, ANTHROPIC_BASE_URL: aApi.url },
    });
    const [firstTurn] = await a.waitForTurns(1);
    const aSession: string = firstTurn.session_id;
    const held = lockRecord(box, ws);
    expect(held.session_id).toBe(aSession);
    await sleep(Math.max(0, held.acquired_at + SHORT_TTL_MS + 500 - Date.now()));

    const bRunning = await box.startSession({ cwd: ws, env: SHORT_TTL, script: [write(file("from-b.txt"), "b\n")] });
    const b = await bRunning.done;
    expect(summary(b)).toMatchObject({ exitCode: 0, denials: [], toolResults: [{ is_error: false }] });
    expect(box.lockFiles()).toEqual([]);

    const turnOneRequests = aApi.requests.length;
    a.send(turnPrompt(1));
    await a.waitForTurns(2);
    a.endInput();
    const aRun = await a.done;

    expect(summary(aRun, aApi.toolResults())).toMatchObject({
      exitCode: 0,
      denials: [],
      toolResults: [{ is_error: false }, { is_error: false }, { is_error: false }],
    });
    expect(["a1.txt", "a2.txt", "a3.txt"].map((n) => readFileSync(file(n), "utf8"))).toEqual(["a1\n", "a2\n", "a3\n"]);

    const tookOver = `it lapsed and another Claude Code session (session ${b.result.session_id.slice(0, 8)}, pid ${bRunning.child.pid}) took over at `;
    // The user is told once, in turn 2, by the first call that found the notice.
    const told = aRun.systemMessages.filter((m) => m.includes("lost its lock"));
    expect(told).toEqual([
      expect.stringContaining(`PreToolUse:Write says: claude-session-guard: this session lost its lock on ${ws} while it was away: ${tookOver}`),
    ]);
    // Claude is told once: nothing in turn 1, and one copy in the last request, which carries the
    // whole conversation. 2.1.331 puts a PreToolUse hook's additionalContext in a message of its
    // own after that call's tool_result: the call that carried the notice has already run, and
    // Claude reads the notice before it chooses its next call.
    const notice = "lost its lock on the workspace";
    expect(aApi.requests.slice(0, turnOneRequests).flatMap((r) => whereInRequest(r.body, notice))).toEqual([]);
    const last = aApi.requests.at(-1)?.body;
    const found = whereInRequest(last, notice);
    expect(found).toHaveLength(1);
    const [{ at, role, text }] = found as [(typeof found)[number]];
    console.log(`(d) Claude received, in messages[${at}] (role ${role}):\n${text}`);
    expect(text).toMatch(
      new RegExp(`^PreToolUse:Write hook additional context: While this session was away, it lost its lock on the workspace ${escape(ws)}: ${escape(tookOver)}`),
    );
    expect(text).toContain("re-read every file you intend to change");
    const messages = last.messages as { role: string; content: { type: string; input?: { file_path?: string } }[] }[];
    expect(messages[Number(at) + 1]?.content.find((c) => c.type === "tool_use")?.input?.file_path).toBe(file("a3.txt"));
  });

  it("gives a session that starts while another one works a heads-up naming the holder, and none when the workspace is free", async ({
    expect,
    onTestFinished,
  }) => {
    const box = sandbox(onTestFinished);
    const ws = box.gitRepo("ws");
    const withStart = settingsVariant(box.root, "with-sessionstart.json", { add: { SessionStart: SESSION_START_HOOK } });
    const gate = box.gate();
    const a = await box.startSession({ cwd: ws, script: [bash(gate.command, { timeout: GATE_TIMEOUT_MS })] });
    await gate.waitStarted(a);
    const held = lockRecord(box, ws);

    const b = await box.runSession({ cwd: ws, settingsPath: withStart, outputFormat: "stream-json", script: [write(join(ws, "from-b.txt"), "b\n")] });
    gate.release();
    await a.done;
    expect(summary(b)).toMatchObject({ exitCode: 0, denials: ["Write"] });

    const holder = `session ${held.session_id.slice(0, 8)} (pid ${a.child.pid})`;
    // In -p mode 2.1.331 prints a SessionStart systemMessage only inside the hook_response event;
    // the transcript keeps it as the message shown to the user.
    const [headsUp, ...more] = sessionStartOutputs(b);
    expect(more).toEqual([]);
    expect(headsUp).toEqual({
      systemMessage: expect.stringMatching(new RegExp(`^claude-session-guard: session "[^"]+" \\(pid ${a.child.pid}, working\\) holds this workspace \\(${escape(ws)}\\); last active `)),
      hookSpecificOutput: {
        hookEventName: "SessionStart",
        additionalContext: expect.stringContaining(`Another Claude Code session currently holds the lock on this workspace (${ws}): ${holder}, `),
      },
    });
    expect(shownAtStart(box, b.result.session_id)).toEqual([headsUp.systemMessage]);
    // Claude has it before its first step.
    const first = b.api.requests.find((r) => Array.isArray(r.body?.tools))?.body;
    const found = whereInRequest(first, `SessionStart hook additional context: ${headsUp.hookSpecificOutput.additionalContext}`);
    expect(found).toHaveLength(1);
    console.log(`(e) Claude received, in messages[${found[0]?.at}] (role ${found[0]?.role}):\n${found[0]?.text.split("\n")[0]}`);

    const c = await box.runSession({ cwd: ws, settingsPath: withStart, outputFormat: "stream-json", script: [write(join(ws, "from-c.txt"), "c\n")] });
    expect(summary(c)).toMatchObject({ exitCode: 0, denials: [], toolResults: [{ is_error: false }], guardMessages: [] });
    expect(sessionStartOutputs(c)).toEqual([]);
    expect(shownAtStart(box, c.result.session_id)).toEqual([]);
    expect(c.api.requests.flatMap((r) => whereInRequest(r.body, "SessionStart hook additional context"))).toEqual([]);
  });
});
