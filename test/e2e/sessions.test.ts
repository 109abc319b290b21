// The guard against Claude Code itself: real `claude -p` sessions (2.1.331) read
// settings.example.json, run our built hook for real tool calls and honour its decisions.
// Every test builds its own HOME, workspaces and API servers, so they run concurrently; a "gate"
// command keeps session A inside a tool call for exactly as long as a test needs it.
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, inject, it, type TestContext } from "vitest";
import { bash, edit, write } from "./support/fakeApi.mjs";
import { guardDecisions } from "./support/precise.mjs";
import { createSandbox, GUARD_BIN, lockHash, SETTINGS_EXAMPLE, type Sandbox, type SessionResult } from "./support/session.mjs";

const claudeBin = inject("claudeBin");

function sandbox(onTestFinished: TestContext["onTestFinished"]): Sandbox {
  if (claudeBin === null) throw new Error("unreachable: the suite is skipped without Claude Code");
  const box = createSandbox(claudeBin);
  onTestFinished(() => box.cleanup());
  return box;
}

function lockRecord(box: Sandbox, workspace: string, runtimeDir = box.runtimeDir): { session_id: string; pid: number } {
  return JSON.parse(readFileSync(join(runtimeDir, `session-lock-${lockHash(workspace)}.json`), "utf8"));
}

/** What a run looked like, in one value, so a failure shows everything at once. */
function summary(run: SessionResult) {
  return {
    exitCode: run.exitCode,
    denials: (run.result?.permission_denials ?? []).map((d: { tool_name: string }) => d.tool_name),
    toolResults: run.api.toolResults().map((r) => ({ is_error: r.is_error, content: r.content })),
    guardMessages: run.systemMessages.filter((m) => m.includes("claude-session-guard")),
    stderr: run.stderr,
  };
}

const GATE_TIMEOUT_MS = 90_000;

describe.skipIf(claudeBin === null).concurrent("claude-session-guard under Claude Code", () => {
  it("denies another session's Write and Bash while a session works in the workspace, and tells Claude who holds it", async ({
    expect,
    onTestFinished,
  }) => {
    const box = sandbox(onTestFinished);
    const ws = box.gitRepo("ws");
    const gate = box.gate();
    const a = await box.startSession({ cwd: ws, script: [bash(gate.command, { timeout: GATE_TIMEOUT_MS })] });
    await gate.waitStarted(a);
    // The record names the long-lived Claude Code process (CLAUDE_PID), not a short-lived hook.
    const record = lockRecord(box, ws);
    expect(record.pid).toBe(a.child.pid);

    const b = await box.runSession({
      cwd: ws,
      script: [write(join(ws, "from-b.txt"), "b\n"), bash(`echo b > '${join(ws, "from-b-bash.txt")}'`)],
    });
    gate.release();
    const aRun = await a.done;

    expect(summary(aRun)).toMatchObject({ exitCode: 0, denials: [], toolResults: [{ is_error: false }] });
    const holder: string = aRun.result.session_id;
    expect(record.session_id).toBe(holder);
    expect(summary(b)).toMatchObject({ exitCode: 0, denials: ["Write", "Bash"] });
    expect(existsSync(join(ws, "from-b.txt"))).toBe(false);
    expect(existsSync(join(ws, "from-b-bash.txt"))).toBe(false);

    const results = b.api.toolResults();
    expect(results.map((r) => r.is_error)).toEqual([true, true]);
    expect(results[0]?.content).toMatch(/^PreToolUse:Write hook error: claude-session-guard: /);
    expect(results[1]?.content).toMatch(/^PreToolUse:Bash hook error: claude-session-guard: /);
    for (const { content } of results) {
      // The first line names the holder as a person knows it: its name (derived by Claude Code) and pid.
      expect(content.split("\n")[0]).toMatch(new RegExp(`^PreToolUse:(Write|Bash) hook error: claude-session-guard: session "[^"]+" \\(pid ${a.child.pid}, working\\) holds this workspace, so this \\1 was not run\\. Wait, or use a git worktree\\.$`));
      expect(content).toContain(`claude-session-guard clear --workspace ${ws}`);
    }
    // The rest reaches Claude only, beside the denial: the session id, the workspace, what to tell the user.
    const contexts = b.api.hookContexts().filter((c) => c.startsWith("PreToolUse:"));
    expect(contexts).toHaveLength(2);
    for (const context of contexts) {
      expect(context).toMatch(/^PreToolUse:(Write|Bash) hook additional context: Workspace: /);
      expect(context).toContain(`Held by: session ${holder.slice(0, 8)} (pid ${a.child.pid})`);
    }
  });

  it("lets a new session in once the holder's turn has ended, and leaves no lock behind", async ({ expect, onTestFinished }) => {
    const box = sandbox(onTestFinished);
    const ws = box.gitRepo("ws");
    const gate = box.gate();
    // Stream input keeps A alive after its turn: only the Stop hook can have freed the workspace.
    const a = await box.startSession({ cwd: ws, streamInput: true, script: [bash(gate.command, { timeout: GATE_TIMEOUT_MS })] });
    await gate.waitStarted(a);
    const heldBy = lockRecord(box, ws).session_id;
    gate.release();
    const [turn] = await a.waitForTurns(1);
    expect(turn.session_id).toBe(heldBy);
    expect(a.finished).toBe(false);
    expect(box.lockFiles()).toEqual([]);

    const c = await box.runSession({
      cwd: ws,
      script: [write(join(ws, "from-c.txt"), "c\n"), bash(`echo c > '${join(ws, "from-c-bash.txt")}'`)],
    });
    expect(summary(c)).toMatchObject({ exitCode: 0, denials: [], toolResults: [{ is_error: false }, { is_error: false }] });
    expect(readFileSync(join(ws, "from-c.txt"), "utf8")).toBe("c\n");
    expect(readFileSync(join(ws, "from-c-bash.txt"), "utf8")).toBe("c\n");

    a.endInput();
    expect((await a.done).exitCode).toBe(0);
    expect(box.lockFiles()).toEqual([]);
  });

  it("never blocks a session on its own lock, in a row or with parallel calls in one message", async ({ expect, onTestFinished }) => {
    const box = sandbox(onTestFinished);
    const ws = box.gitRepo("ws");
    const file = (name: string) => join(ws, name);
    const run = await box.runSession({
      cwd: ws,
      outputFormat: "stream-json",
      script: [
        write(file("one.txt"), "1\n"),
        edit(file("one.txt"), "1", "one"),
        bash(`echo two >> '${file("one.txt")}'`),
        [write(file("a.txt"), "a\n"), write(file("b.txt"), "b\n"), bash(`echo c > '${file("c.txt")}'`)],
        // Read-only commands run concurrently, so their PreToolUse hooks race each other.
        [1, 2, 3, 4].map((n) => bash(`sleep 0.3; echo parallel-${n}`)),
      ],
    });

    expect(summary(run)).toMatchObject({ exitCode: 0, denials: [], guardMessages: [] });
    const results = run.api.toolResults();
    expect(results).toHaveLength(10);
    expect(results.filter((r) => r.is_error)).toEqual([]);
    expect(readFileSync(file("one.txt"), "utf8")).toBe("one\ntwo\n");
    expect(["a.txt", "b.txt", "c.txt"].map((n) => readFileSync(file(n), "utf8"))).toEqual(["a\n", "b\n", "c\n"]);
    expect(box.lockFiles()).toEqual([]);
  });

  it("does not block a session in a linked git worktree while the main checkout is busy", async ({ expect, onTestFinished }) => {
    const box = sandbox(onTestFinished);
    const repo = box.gitRepo("repo");
    // One worktree beside the repository and one inside it, where Claude Code puts its own.
    const beside = box.worktree(repo, "repo-feature");
    const inside = box.worktree(repo, "repo/.claude/worktrees/feature");
    const gate = box.gate();
    const a = await box.startSession({ cwd: repo, script: [bash(gate.command, { timeout: GATE_TIMEOUT_MS })] });
    await gate.waitStarted(a);

    const runIn = (dir: string) =>
      box.runSession({ cwd: dir, script: [write(join(dir, "wt.txt"), "wt\n"), bash(`echo wt > '${join(dir, "wt-bash.txt")}'`)] });
    const [besideRun, insideRun] = await Promise.all([runIn(beside), runIn(inside)]);
    gate.release();
    await a.done;

    for (const [dir, run] of [
      [beside, besideRun],
      [inside, insideRun],
    ] as const) {
      expect(summary(run)).toMatchObject({ exitCode: 0, denials: [], toolResults: [{ is_error: false }, { is_error: false }] });
      expect(readFileSync(join(dir, "wt.txt"), "utf8")).toBe("wt\n");
      expect(readFileSync(join(dir, "wt-bash.txt"), "utf8")).toBe("wt\n");
    }
    expect(box.lockFiles()).toEqual([]);
  });

  it("blocks a session started in a subdirectory like one at the repository root", async ({ expect, onTestFinished }) => {
    const box = sandbox(onTestFinished);
    const ws = box.gitRepo("ws");
    const sub = box.dir("ws", "packages", "app");
    const gate = box.gate();
    const a = await box.startSession({ cwd: ws, script: [bash(gate.command, { timeout: GATE_TIMEOUT_MS })] });
    await gate.waitStarted(a);

    const b = await box.runSession({
      cwd: sub,
      script: [write(join(sub, "from-sub.txt"), "sub\n"), bash(`echo sub > '${join(sub, "from-sub-bash.txt")}'`)],
    });
    // The root's lock is the only one: the subdirectory session never got a workspace of its own.
    expect(box.lockFiles()).toEqual([`session-lock-${lockHash(ws)}.json`]);
    gate.release();
    await a.done;

    expect(summary(b)).toMatchObject({ exitCode: 0, denials: ["Write", "Bash"] });
    expect(existsSync(join(sub, "from-sub.txt"))).toBe(false);
    expect(existsSync(join(sub, "from-sub-bash.txt"))).toBe(false);
    for (const { content } of b.api.toolResults()) {
      expect(content).toContain(`claude-session-guard clear --workspace ${ws}`);
      expect(content).not.toContain(sub);
    }
  });

  it.for([
    {
      name: "~/.claude/runtime is a regular file",
      setup: (box: Sandbox) => {
        mkdirSync(join(box.home, ".claude"), { recursive: true });
        writeFileSync(box.runtimeDir, "not a directory\n");
        return {};
      },
    },
    {
      name: "CLAUDE_CONFIG_DIR's runtime is a regular file",
      setup: (box: Sandbox) => {
        const config = box.dir("config");
        writeFileSync(join(config, "runtime"), "not a directory\n");
        return { CLAUDE_CONFIG_DIR: config };
      },
    },
  ])("fails open, and says so once in the session, when $name", async ({ setup }, { expect, onTestFinished }) => {
    const box = sandbox(onTestFinished);
    const ws = box.gitRepo("ws");
    const env = setup(box);
    const run = await box.runSession({
      cwd: ws,
      env,
      outputFormat: "stream-json",
      script: [write(join(ws, "open.txt"), "open\n"), bash(`echo open > '${join(ws, "open-bash.txt")}'`)],
    });

    expect(summary(run)).toMatchObject({ exitCode: 0, denials: [], toolResults: [{ is_error: false }, { is_error: false }] });
    expect(readFileSync(join(ws, "open.txt"), "utf8")).toBe("open\n");
    expect(readFileSync(join(ws, "open-bash.txt"), "utf8")).toBe("open\n");
    // The same problem on every hook of the session (SessionStart, each PreToolUse and PostToolUse,
    // Stop) is shown once: by the first hook that met it. In -p mode 2.1.331 reports a SessionStart
    // systemMessage in its hook_response event; any other as "<Event>:<Tool> says: <message>".
    const atStart = run.events
      .filter((e) => e.type === "system" && e.subtype === "hook_response" && e.hook_event === "SessionStart" && typeof e.stdout === "string" && e.stdout.trim() !== "")
      .map((e) => JSON.parse(e.stdout).systemMessage as string);
    const shown = [...atStart, ...run.systemMessages.filter((m) => m.includes("claude-session-guard"))];
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(/claude-session-guard: not guarding this workspace: the runtime directory /);
    // Every call still left its line in the log.
    const failOpens = guardDecisions(box.home).filter((e) => e.outcome === "fail-open");
    expect(failOpens.map((e) => e.event)).toEqual(expect.arrayContaining(["sessionstart", "pretooluse", "posttooluse", "stop"]));
    expect(failOpens.filter((e) => e.event === "pretooluse")).toHaveLength(2);
  });

  it("uses settings.example.json verbatim, wiring every hook to the built bin", async ({ expect, onTestFinished }) => {
    const box = sandbox(onTestFinished);
    expect(readFileSync(box.settingsPath)).toEqual(readFileSync(SETTINGS_EXAMPLE));
    const settings = JSON.parse(readFileSync(box.settingsPath, "utf8"));
    const commands = Object.fromEntries(
      Object.entries(settings.hooks as Record<string, { hooks: { command: string }[] }[]>).map(([event, groups]) => [
        event,
        groups.flatMap((g) => g.hooks.map((h) => h.command)),
      ]),
    );
    expect(commands).toMatchObject({
      PreToolUse: ["claude-session-guard pretooluse"],
      PostToolUse: ["claude-session-guard posttooluse"],
      Stop: ["claude-session-guard stop"],
      SessionEnd: ["claude-session-guard stop"],
    });

    const ws = box.gitRepo("ws");
    const run = await box.runSession({
      cwd: ws,
      script: [bash(`readlink -f "$(command -v claude-session-guard)"; ls "$HOME/.claude/runtime"`)],
    });
    expect(summary(run)).toMatchObject({ exitCode: 0, denials: [] });
    // Inside the tool call the PreToolUse hook has already taken the lock through our bin, and
    // noted it in the session's index of the locks it holds.
    const [listing] = run.api.toolResults();
    expect(listing?.content.split("\n")).toEqual([
      realpathSync(GUARD_BIN),
      `session-held-${lockHash(run.result.session_id)}.keys`,
      `session-lock-${lockHash(ws)}.json`,
    ]);
    expect(box.lockFiles()).toEqual([]);
  });
});
