// The workspace a call changes is the one it locks, against the real Claude Code (2.1.331): a
// session started in one repository that writes into another (--add-dir, cd) locks that other
// one, a session may hold several and releases them all at Stop, and a worktree entered
// mid-session (EnterWorktree) is locked, not the main checkout.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, inject, it, type TestContext } from "vitest";
import { bash, write } from "./support/fakeApi.mjs";
import { createSandbox, lockHash, type Sandbox, type SessionResult } from "./support/session.mjs";

const claudeBin = inject("claudeBin");
const GATE_TIMEOUT_MS = 90_000;

function sandbox(onTestFinished: TestContext["onTestFinished"]): Sandbox {
  if (claudeBin === null) throw new Error("unreachable: the suite is skipped without Claude Code");
  const box = createSandbox(claudeBin, "csg-e2e-ws-");
  onTestFinished(() => box.cleanup());
  return box;
}

function lockOf(box: Sandbox, workspace: string): { session_id: string; workspace: string } | null {
  const path = join(box.runtimeDir, `session-lock-${lockHash(workspace)}.json`);
  return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null;
}

const denials = (run: SessionResult) => (run.result?.permission_denials ?? []).map((d: { tool_name: string }) => d.tool_name);
const call = (name: string, input: Record<string, unknown>) => ({ name, input });

describe.skipIf(claudeBin === null).concurrent("the workspace a call changes is the one it locks", () => {
  it("a session started in ws1 that writes into an added directory ws2 locks ws2: another session in ws2 is denied, naming ws2", async ({ expect, onTestFinished }) => {
    const box = sandbox(onTestFinished);
    const ws1 = box.gitRepo("ws1");
    const ws2 = box.gitRepo("ws2");
    const gate = box.gate();
    const a = await box.startSession({
      cwd: ws1,
      args: ["--add-dir", ws2],
      script: [write(join(ws2, "x.txt"), "a\n"), bash(gate.command, { timeout: GATE_TIMEOUT_MS })],
    });
    await gate.waitStarted(a);
    expect(lockOf(box, ws2)).toMatchObject({ workspace: ws2 });

    const b = await box.runSession({ cwd: ws2, script: [write(join(ws2, "x.txt"), "b\n")] });
    expect(denials(b)).toEqual(["Write"]);
    const reason = b.api.toolResults()[0]?.content ?? "";
    expect(b.api.hookContexts().join("\n")).toContain(`Workspace: ${ws2}`);
    expect(reason).toContain(`claude-session-guard clear --workspace ${ws2}`);
    expect(readFileSync(join(ws2, "x.txt"), "utf8")).toBe("a\n");
    gate.release();
    await a.done;
    expect(box.lockFiles()).toEqual([]);
  });

  it("a session that writes in two repositories in one turn holds both, and its Stop releases both", async ({ expect, onTestFinished }) => {
    const box = sandbox(onTestFinished);
    const ws1 = box.gitRepo("ws1");
    const ws2 = box.gitRepo("ws2");
    const run = await box.runSession({
      cwd: ws1,
      args: ["--add-dir", ws2],
      script: [write(join(ws1, "a.txt"), "a\n"), write(join(ws2, "b.txt"), "b\n"), bash(`ls "$HOME/.claude/runtime"`)],
    });
    expect(denials(run)).toEqual([]);
    // Inside the turn, both locks were there.
    const listing = run.api.toolResults()[2]?.content.split("\n") ?? [];
    expect(listing).toEqual(expect.arrayContaining([`session-lock-${lockHash(ws1)}.json`, `session-lock-${lockHash(ws2)}.json`]));
    expect(box.lockFiles()).toEqual([]);
  });

  it("after cd into a second repository, the session's commands lock that repository, not the one it started in", async ({ expect, onTestFinished }) => {
    const box = sandbox(onTestFinished);
    const ws1 = box.gitRepo("ws1");
    const ws2 = box.gitRepo("ws2");
    const gate = box.gate();
    const a = await box.startSession({
      cwd: ws1,
      args: ["--add-dir", ws2],
      // `cd` alone changes nothing (no lock); the next command runs in ws2.
      script: [bash(`cd '${ws2}'`), bash(`touch from-a.txt; ${gate.command}`, { timeout: GATE_TIMEOUT_MS })],
    });
    await gate.waitStarted(a);
    expect(existsSync(join(ws2, "from-a.txt"))).toBe(true);
    expect(lockOf(box, ws2)).toMatchObject({ workspace: ws2 });
    expect(lockOf(box, ws1)).toBeNull();

    const inWs2 = await box.runSession({ cwd: ws2, script: [write(join(ws2, "from-b.txt"), "b\n")] });
    expect(denials(inWs2)).toEqual(["Write"]);
    const inWs1 = await box.runSession({ cwd: ws1, script: [write(join(ws1, "from-c.txt"), "c\n")] });
    expect(denials(inWs1)).toEqual([]);
    gate.release();
    await a.done;
  });

  it("a session that enters a worktree mid-session (EnterWorktree) locks the worktree; a session in the main checkout is not denied by it", async ({ expect, onTestFinished }) => {
    const box = sandbox(onTestFinished);
    const repo = box.gitRepo("repo");
    const gate = box.gate();
    const a = await box.startSession({
      cwd: repo,
      allowedTools: "Write Bash Edit EnterWorktree ExitWorktree",
      script: [
        call("ToolSearch", { query: "select:EnterWorktree" }),
        call("EnterWorktree", { name: "wt1" }),
        // Relative to the session's cwd, which is the worktree now.
        write("in-worktree.txt", "a\n"),
        bash(gate.command, { timeout: GATE_TIMEOUT_MS }),
      ],
    });
    await gate.waitStarted(a);
    const worktree = join(repo, ".claude", "worktrees", "wt1");
    expect(readFileSync(join(worktree, "in-worktree.txt"), "utf8")).toBe("a\n");
    expect(lockOf(box, worktree)).toMatchObject({ workspace: worktree });
    expect(lockOf(box, repo)).toBeNull();

    const main = await box.runSession({ cwd: repo, script: [write(join(repo, "main.txt"), "b\n"), bash(`echo b >> '${join(repo, "main.txt")}'`)] });
    expect(denials(main)).toEqual([]);
    expect(readFileSync(join(repo, "main.txt"), "utf8")).toBe("b\nb\n");
    const inWorktree = await box.runSession({ cwd: worktree, script: [write(join(worktree, "b.txt"), "b\n")] });
    expect(denials(inWorktree)).toEqual(["Write"]);
    gate.release();
    await a.done;
  });
});
