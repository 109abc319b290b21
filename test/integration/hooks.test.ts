// Every row of the contract's "Hook commands", "Where locks live" and "Lock record" sections,
// through the built binary.

import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectAllow, expectDeny, expectFailOpen } from "./support/answers.js";
import { BIN, type CliResult, md5_12, payload, runCli, type Sandbox, sandbox } from "./support/cli.js";

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

const hook = (command: string, input: string, env: NodeJS.ProcessEnv = {}, args: string[] = []) =>
  runCli([command, ...args], { input, env: { ...box.env, ...env } });

const readLock = (path = box.lockPath()) => JSON.parse(readFileSync(path, "utf8"));

const writeLock = (record: Record<string, unknown>, path = box.lockPath()) => {
  mkdirSync(box.runtime, { recursive: true });
  writeFileSync(path, JSON.stringify(record));
};

function logEntries(): Array<Record<string, unknown>> {
  const path = join(box.home, ".local", "state", "claude-session-guard", "decisions.jsonl");
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8").trim().split("\n").map((l) => JSON.parse(l));
}

describe("pretooluse", () => {
  it("takes a free workspace silently and writes a full record", async () => {
    const before = Date.now();
    expectAllow(await hook("pretooluse", payload("sess-a-1234", box.workspace), { CLAUDE_PID: "4321" }));
    const record = readLock();
    expect(record).toMatchObject({
      schema_version: 1,
      session_id: "sess-a-1234",
      pid: 4321,
      ttl_ms: 300_000,
      workspace: box.workspace,
      generation: 1,
    });
    expect(record.acquired_at).toBeGreaterThanOrEqual(before);
    expect(record.acquired_at).toBeLessThanOrEqual(Date.now());
    expect(statSync(box.runtime).mode & 0o777).toBe(0o700);
    expect(logEntries()).toMatchObject([{ event: "pretooluse", outcome: "acquire", session: "sess-a-1234", workspace: box.workspace }]);
  });

  it("denies another session while the lock is fresh, and says who holds it and how to clear it", async () => {
    // The holder's pid must be a live process: a dead holder's lock is taken over at once.
    expectAllow(await hook("pretooluse", payload("aaaa1111-holder", box.workspace), { CLAUDE_PID: String(process.pid) }));
    const before = readFileSync(box.lockPath(), "utf8");
    const reason = expectDeny(await hook("pretooluse", payload("bbbb2222-other", box.workspace, { tool: "Bash" })));
    expect(reason).toContain(`session aaaa1111 (pid ${process.pid})`);
    expect(reason).toMatch(/last active \d+s ago, lock expires in (5m00s|4m5\ds)/);
    expect(reason).toContain(`Workspace: ${box.workspace}`);
    expect(reason.split("\n")[0]).toContain("holds this workspace, so this Bash was not run. Wait, or use a git worktree.");
    expect(reason).toContain("Do not work around the lock");
    expect(reason).toContain("git worktree");
    expect(reason).toContain(`claude-session-guard clear --workspace ${box.workspace}`);
    expect(readFileSync(box.lockPath(), "utf8")).toBe(before);
    expect(logEntries().at(-1)).toMatchObject({ outcome: "block", session: "bbbb2222-other", holder: { session_id: "aaaa1111-holder", pid: process.pid } });
  });

  it("names itself as it can be run when the bare name is not on PATH (a clone wired by absolute path): the executable beside it", async () => {
    expectAllow(await hook("pretooluse", payload("aaaa1111-holder", box.workspace), { CLAUDE_PID: String(process.pid) }));
    const reason = expectDeny(await hook("pretooluse", payload("bbbb2222-other", box.workspace), { PATH: "/usr/bin:/bin" }));
    expect(reason).toContain(`clear it: ${join(dirname(realpathSync(BIN)), "claude-session-guard")} clear --workspace ${box.workspace}`);
  });

  it("respects a minimal five-field record written by the original guard", async () => {
    writeLock({ schema_version: 1, session_id: "legacy-s", pid: 99, acquired_at: Date.now(), ttl_ms: 300000 });
    expect(expectDeny(await hook("pretooluse", payload("new-s", box.workspace)))).toContain("session legacy-s (pid 99)");
  });

  it("re-takes its own lock with a fresh record", async () => {
    writeLock({ schema_version: 1, session_id: "me", pid: 1, acquired_at: Date.now() - 60_000, ttl_ms: 300000, generation: 4, created_at: 5 });
    expectAllow(await hook("pretooluse", payload("me", box.workspace)));
    const record = readLock();
    expect(record.acquired_at).toBeGreaterThan(Date.now() - 10_000);
    expect(record).toMatchObject({ generation: 5, created_at: 5 });
  });

  it("takes over a stale lock of another session and logs the takeover", async () => {
    writeLock({ schema_version: 1, session_id: "old", pid: 1, acquired_at: Date.now() - 300_001 - 1000, ttl_ms: 300000 });
    expectAllow(await hook("pretooluse", payload("new", box.workspace)));
    expect(readLock().session_id).toBe("new");
    expect(logEntries().at(-1)).toMatchObject({ outcome: "takeover", reason: "stale", holder: { session_id: "old" } });
  });

  it.each([
    ["garbage", "not json at all"],
    ["an empty file", ""],
    ["a half-written record", '{"schema_version":1,"session_id":"x","pi'],
    ["a record from the far future", JSON.stringify({ schema_version: 1, session_id: "x", pid: 1, acquired_at: Date.now() + 10 * 300_000, ttl_ms: 300_000 })],
  ])("takes over %s as a corrupt lock", async (_name, text) => {
    mkdirSync(box.runtime, { recursive: true });
    writeFileSync(box.lockPath(), text);
    expectAllow(await hook("pretooluse", payload("new", box.workspace)));
    expect(readLock().session_id).toBe("new");
  });

  it("uses the TTL from CLAUDE_SESSION_GUARD_TTL_MS, and --ttl-ms over it", async () => {
    expectAllow(await hook("pretooluse", payload("s", box.workspace), { CLAUDE_SESSION_GUARD_TTL_MS: "5000" }));
    expect(readLock().ttl_ms).toBe(5000);
    expectAllow(await hook("pretooluse", payload("s", box.workspace), { CLAUDE_SESSION_GUARD_TTL_MS: "5000" }, ["--ttl-ms", "7000"]));
    expect(readLock().ttl_ms).toBe(7000);
    expectAllow(await hook("pretooluse", payload("s", box.workspace), {}, ["--ttl-ms=8000"]));
    expect(readLock().ttl_ms).toBe(8000);
  });

  it("lets a lock with a short TTL expire", async () => {
    expectAllow(await hook("pretooluse", payload("a", box.workspace), { CLAUDE_SESSION_GUARD_TTL_MS: "1000" }));
    expectDeny(await hook("pretooluse", payload("b", box.workspace)));
    await new Promise((r) => setTimeout(r, 1100));
    expectAllow(await hook("pretooluse", payload("b", box.workspace)));
    expect(readLock().session_id).toBe("b");
  });

  it.each(["abc", "0", "999", "1.5", "-1"])("fails open on an invalid TTL %j", async (value) => {
    const line = expectFailOpen(await hook("pretooluse", payload("s", box.workspace), { CLAUDE_SESSION_GUARD_TTL_MS: value }));
    expect(line).toContain("CLAUDE_SESSION_GUARD_TTL_MS");
    expect(existsSync(box.lockPath())).toBe(false);
  });

  it("extends the lease of a Bash call by its declared timeout", async () => {
    const input = { command: "npm run build", timeout: 420_000 };
    expectAllow(await hook("pretooluse", payload("s", box.workspace, { tool: "Bash", input })));
    expect(readLock().ttl_ms).toBe(300_000 + 420_000);
  });

  it("records the session's process: CLAUDE_PID, else the nearest non-shell ancestor", async () => {
    expectAllow(await hook("pretooluse", payload("s", box.workspace), { CLAUDE_PID: "777" }));
    expect(readLock().pid).toBe(777);
    expectAllow(await hook("pretooluse", payload("s", box.workspace), { CLAUDE_PID: "not-a-pid" }));
    expect(readLock().pid).toBe(process.pid);
  });
});

describe("pretooluse --wait", () => {
  const holder = () => hook("pretooluse", payload("holder", box.workspace), { CLAUDE_PID: String(process.pid) });

  it("takes the workspace when the holder's turn ends during the wait", async () => {
    expectAllow(await holder());
    const waiting = hook("pretooluse", payload("waiter", box.workspace), {}, ["--wait", "20"]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expectAllow(await hook("stop", payload("holder", box.workspace, { event: "Stop" })));
    expectAllow(await waiting);
    expect(readLock().session_id).toBe("waiter");
    expect(logEntries().at(-1)).toMatchObject({ outcome: "acquire", session: "waiter", waited_ms: expect.any(Number) });
  });

  it("denies when the wait runs out, and says it waited", async () => {
    expectAllow(await holder());
    const reason = expectDeny(await hook("pretooluse", payload("waiter", box.workspace), {}, ["--wait=1"]));
    expect(reason.split("\n")[0]).toContain("(Waited 1s.)");
    expect(readLock().session_id).toBe("holder");
  });

  it("fails open on a wait it cannot honour", async () => {
    expect(expectFailOpen(await hook("pretooluse", payload("waiter", box.workspace), {}, ["--wait", "301"]))).toContain("--wait must be");
  });
});

describe("where locks live", () => {
  it("puts the runtime dir under CLAUDE_CONFIG_DIR when set", async () => {
    const config = join(box.root, "cfg");
    expectAllow(await hook("pretooluse", payload("s", box.workspace), { CLAUDE_CONFIG_DIR: config }));
    expect(existsSync(join(config, "runtime", `session-lock-${md5_12(box.workspace)}.json`))).toBe(true);
    expect(existsSync(box.runtime)).toBe(false);
  });

  it("guards a subdirectory of the repository as the repository", async () => {
    const sub = join(box.workspace, "src", "deep");
    mkdirSync(sub, { recursive: true });
    expectAllow(await hook("pretooluse", payload("a", box.workspace)));
    expectDeny(await hook("pretooluse", payload("b", sub)));
  });

  it("resolves a symlinked cwd to the real workspace", async () => {
    const link = join(box.root, "link");
    symlinkSync(box.workspace, link);
    expectAllow(await hook("pretooluse", payload("a", link)));
    expect(readLock().workspace).toBe(box.workspace);
    expectDeny(await hook("pretooluse", payload("b", box.workspace)));
  });

  it("treats a linked git worktree as a separate workspace", async () => {
    const worktree = join(box.root, "wt");
    mkdirSync(worktree);
    writeFileSync(join(worktree, ".git"), `gitdir: ${box.workspace}/.git/worktrees/wt\n`);
    expectAllow(await hook("pretooluse", payload("a", box.workspace)));
    expectAllow(await hook("pretooluse", payload("b", worktree)));
    expect(readLock(box.lockPath(worktree)).session_id).toBe("b");
  });

  it("uses a directory outside any repository as its own workspace", async () => {
    const plain = join(box.root, "plain");
    mkdirSync(plain);
    expectAllow(await hook("pretooluse", payload("a", plain)));
    expect(readLock(box.lockPath(plain)).workspace).toBe(plain);
  });

  it("takes the payload's cwd over CLAUDE_PROJECT_DIR, which stays where the session started", async () => {
    const other = join(box.root, "elsewhere");
    mkdirSync(other);
    expectAllow(await hook("pretooluse", payload("a", other, { tool: "Bash" }), { CLAUDE_PROJECT_DIR: box.workspace }));
    expect(existsSync(box.lockPath(other))).toBe(true);
    expect(existsSync(box.lockPath())).toBe(false);
  });

  it("takes CLAUDE_SESSION_GUARD_WORKSPACE as the workspace", async () => {
    const pinned = join(box.root, "pinned");
    mkdirSync(pinned);
    expectAllow(await hook("pretooluse", payload("a", box.workspace), { CLAUDE_SESSION_GUARD_WORKSPACE: pinned }));
    expect(readLock(box.lockPath(pinned)).workspace).toBe(pinned);
  });

  it("hashes CLAUDE_SESSION_GUARD_WORKSPACE_ID instead of the path", async () => {
    const otherMount = join(box.root, "mnt");
    mkdirSync(join(otherMount, ".git"), { recursive: true });
    const env = { CLAUDE_SESSION_GUARD_WORKSPACE_ID: "acme/app" };
    expectAllow(await hook("pretooluse", payload("a", box.workspace), env));
    expect(existsSync(box.lockPath("acme/app"))).toBe(true);
    expectDeny(await hook("pretooluse", payload("b", otherMount), env));
  });
});

describe("posttooluse", () => {
  it("refreshes the lock of the session that holds it, back to the plain TTL", async () => {
    expectAllow(await hook("pretooluse", payload("a", box.workspace, { tool: "Bash", input: { command: "make", timeout: 600000 } })));
    const first = readLock();
    await new Promise((r) => setTimeout(r, 20));
    expectAllow(await hook("posttooluse", payload("a", box.workspace, { event: "PostToolUse" })));
    const second = readLock();
    expect(second.acquired_at).toBeGreaterThan(first.acquired_at);
    expect(second.ttl_ms).toBe(300_000);
    expect(second.generation).toBe(first.generation + 1);
  });

  it("never creates a lock", async () => {
    expectAllow(await hook("posttooluse", payload("a", box.workspace, { event: "PostToolUse" })));
    expect(existsSync(box.lockPath())).toBe(false);
  });

  it("never steals another session's lock, even a stale one", async () => {
    writeLock({ schema_version: 1, session_id: "other", pid: 1, acquired_at: 1000, ttl_ms: 300000 });
    const before = readFileSync(box.lockPath(), "utf8");
    expectAllow(await hook("posttooluse", payload("a", box.workspace, { event: "PostToolUse" })));
    expect(readFileSync(box.lockPath(), "utf8")).toBe(before);
  });
});

describe("stop", () => {
  it("releases the session's own lock (Stop and SessionEnd)", async () => {
    for (const event of ["Stop", "SessionEnd"]) {
      expectAllow(await hook("pretooluse", payload("a", box.workspace)));
      expectAllow(await hook("stop", payload("a", box.workspace, { event })));
      expect(existsSync(box.lockPath())).toBe(false);
    }
    expect(logEntries().filter((e) => e.outcome === "release")).toHaveLength(2);
    expectAllow(await hook("pretooluse", payload("b", box.workspace)));
  });

  it("leaves another session's lock alone", async () => {
    expectAllow(await hook("pretooluse", payload("a", box.workspace)));
    expectAllow(await hook("stop", payload("b", box.workspace, { event: "Stop" })));
    expect(readLock().session_id).toBe("a");
  });

  it("is silent when there is nothing to release", async () => {
    expectAllow(await hook("stop", payload("a", box.workspace, { event: "Stop" })));
  });
});

describe("CLAUDE_SESSION_GUARD_DISABLE", () => {
  it.each(["pretooluse", "posttooluse", "stop"])("turns %s into a silent allow, even on bad input", async (command) => {
    writeLock({ schema_version: 1, session_id: "other", pid: 1, acquired_at: Date.now(), ttl_ms: 300000 });
    const env = { CLAUDE_SESSION_GUARD_DISABLE: "1" };
    expectAllow(await hook(command, payload("me", box.workspace), env));
    expectAllow(await hook(command, "not json", env));
    expect(readLock().session_id).toBe("other");
  });

  it.each(["1", "true", "TRUE", "yes", "on"])("is on for %j, and each disabled call is logged with its tool", async (value) => {
    writeLock({ schema_version: 1, session_id: "other", pid: process.pid, acquired_at: Date.now(), ttl_ms: 300000 });
    expectAllow(await hook("pretooluse", payload("me", box.workspace), { CLAUDE_SESSION_GUARD_DISABLE: value }));
    expect(logEntries().at(-1)).toMatchObject({ event: "pretooluse", outcome: "disabled", session: "me", tool: "Write", cwd: box.workspace });
  });

  it.each(["0", "false", "no", "off", "", "maybe"])("is off for %j: the guard still denies", async (value) => {
    writeLock({ schema_version: 1, session_id: "other", pid: process.pid, acquired_at: Date.now(), ttl_ms: 300000 });
    expectDeny(await hook("pretooluse", payload("me", box.workspace), { CLAUDE_SESSION_GUARD_DISABLE: value }));
    expect(logEntries().at(-1)).toMatchObject({ outcome: "block", tool: "Write" });
  });
});

describe("fail open", () => {
  it.each([
    ["non-JSON stdin", "{not json", "not JSON"],
    ["empty stdin", "", "no hook payload"],
    ["a payload without session_id", JSON.stringify({ cwd: "/tmp", hook_event_name: "PreToolUse" }), "no session_id"],
    ["a JSON array", "[1,2]", "not a JSON object"],
  ])("on %s: exit 0, one stderr line and a log entry each time, a systemMessage the first time", async (_name, input, problem) => {
    const results = [];
    for (const command of ["pretooluse", "posttooluse", "stop"]) {
      const result = await hook(command, input);
      expect(expectFailOpen(result)).toContain(problem);
      results.push(result);
    }
    expect(JSON.parse(results[0]!.stdout).systemMessage).toContain("not guarding this workspace");
    expect(results.slice(1).map((r) => r.stdout)).toEqual(["", ""]);
    expect(logEntries().filter((e) => e.outcome === "fail-open")).toHaveLength(3);
  });

  it("shows a session a problem once, again when the problem changes, and to each session; logs every call", async () => {
    mkdirSync(box.lockPath(), { recursive: true });
    const shown = async (session: string, args: string[] = []) => {
      const result = await hook("pretooluse", payload(session, box.workspace), {}, args);
      expectFailOpen(result);
      return result.stdout === "" ? null : (JSON.parse(result.stdout).systemMessage as string);
    };
    expect(await shown("s")).toContain("not a regular file");
    expect(await shown("s")).toBeNull();
    expect(await shown("s")).toBeNull();
    expect(await shown("t")).toContain("not a regular file");
    expect(await shown("s", ["--bogus"])).toContain("--bogus");
    expect(await shown("s")).toContain("not a regular file");
    expect(logEntries().filter((e) => e.outcome === "fail-open")).toHaveLength(6);
  });

  it("on stdin larger than 4 MiB", async () => {
    const huge = JSON.stringify({ session_id: "s", cwd: box.workspace, pad: "x".repeat(4 * 1024 * 1024) });
    expect(expectFailOpen(await hook("pretooluse", huge))).toContain("larger than");
    expect(existsSync(box.lockPath())).toBe(false);
  });

  it("on stdin that never closes, within the read timeout", async () => {
    const started = Date.now();
    const result = await runCli(["pretooluse"], { env: box.env, holdStdin: true });
    expect(expectFailOpen(result)).toContain("within");
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("on a cwd that does not exist", async () => {
    expect(expectFailOpen(await hook("pretooluse", payload("s", join(box.root, "gone"))))).toContain("cannot resolve");
  });

  it.each([
    ["CLAUDE_CONFIG_DIR is a file", (b: Sandbox) => {
      writeFileSync(join(b.root, "cfgfile"), "");
      return { CLAUDE_CONFIG_DIR: join(b.root, "cfgfile") };
    }],
    ["the runtime dir is a file", (b: Sandbox) => {
      mkdirSync(b.config, { recursive: true });
      writeFileSync(b.runtime, "");
      return {};
    }],
  ])("on an unusable runtime dir (%s)", async (_name, setup) => {
    const env = setup(box);
    for (const command of ["pretooluse", "posttooluse", "stop"]) {
      expect(expectFailOpen(await hook(command, payload("s", box.workspace), env))).toMatch(/runtime|lock/);
    }
  });

  it("on a lock path that is a directory", async () => {
    mkdirSync(box.lockPath(), { recursive: true });
    expect(expectFailOpen(await hook("pretooluse", payload("s", box.workspace)))).toContain("not a regular file");
  });

  it("on a runtime dir it may not write (non-root only)", async () => {
    if (process.getuid?.() === 0) {
      // Root ignores permission bits; the unwritable cases above cover root.
      expect(process.getuid()).toBe(0);
      return;
    }
    mkdirSync(box.runtime, { recursive: true });
    chmodSync(box.runtime, 0o500);
    expectFailOpen(await hook("pretooluse", payload("s", box.workspace)));
  });

  it("on an unknown argument, without ever exiting 2", async () => {
    expect(expectFailOpen(await hook("pretooluse", payload("s", box.workspace), {}, ["--bogus"]))).toContain("--bogus");
    expect(existsSync(box.lockPath())).toBe(false);
  });

  it("keeps working when the log directory cannot be written", async () => {
    writeFileSync(join(box.home, ".local"), "a file where the state dir should be");
    expectAllow(await hook("pretooluse", payload("a", box.workspace)));
    expectDeny(await hook("pretooluse", payload("b", box.workspace)));
  });
});

describe("lost lock notice", () => {
  function notice(result: CliResult, event: string) {
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const out = JSON.parse(result.stdout);
    expect(Object.keys(out).sort()).toEqual(["hookSpecificOutput", "systemMessage"]);
    expect(out.hookSpecificOutput).not.toHaveProperty("permissionDecision");
    expect(out.hookSpecificOutput.hookEventName).toBe(event);
    expect(out.systemMessage).toMatch(/^claude-session-guard: /);
    return out as { systemMessage: string; hookSpecificOutput: { additionalContext: string } };
  }

  it("tells a session, once, that its lapsed lock was taken over, and by whom", async () => {
    expectAllow(await hook("pretooluse", payload("aaaa1111-a", box.workspace), { CLAUDE_SESSION_GUARD_TTL_MS: "1000" }));
    await new Promise((r) => setTimeout(r, 1100));
    expectAllow(await hook("pretooluse", payload("bbbb2222-b", box.workspace), { CLAUDE_PID: "5555" }));
    expectAllow(await hook("stop", payload("bbbb2222-b", box.workspace, { event: "Stop" })));
    const told = notice(await hook("pretooluse", payload("aaaa1111-a", box.workspace)), "PreToolUse");
    expect(told.systemMessage).toContain("session bbbb2222, pid 5555");
    expect(told.hookSpecificOutput.additionalContext).toContain("re-read");
    expect(told.hookSpecificOutput.additionalContext).toContain(box.workspace);
    expect(readLock().session_id).toBe("aaaa1111-a");
    expectAllow(await hook("pretooluse", payload("aaaa1111-a", box.workspace)));
    expect(logEntries().filter((e) => e.outcome === "lost")).toHaveLength(1);
  });

  it("keeps the notice while the taker still holds the workspace, and tells on the first allowed call", async () => {
    expectAllow(await hook("pretooluse", payload("a", box.workspace), { CLAUDE_SESSION_GUARD_TTL_MS: "1000" }));
    await new Promise((r) => setTimeout(r, 1100));
    expectAllow(await hook("pretooluse", payload("b", box.workspace)));
    expectDeny(await hook("pretooluse", payload("a", box.workspace)));
    expectAllow(await hook("stop", payload("b", box.workspace, { event: "Stop" })));
    notice(await hook("posttooluse", payload("a", box.workspace, { event: "PostToolUse" })), "PostToolUse");
    expectAllow(await hook("pretooluse", payload("a", box.workspace)));
  });

  it("is told by exactly one of a session's parallel calls", async () => {
    expectAllow(await hook("pretooluse", payload("a", box.workspace), { CLAUDE_SESSION_GUARD_TTL_MS: "1000" }));
    await new Promise((r) => setTimeout(r, 1100));
    expectAllow(await hook("pretooluse", payload("b", box.workspace)));
    expectAllow(await hook("stop", payload("b", box.workspace, { event: "Stop" })));
    const results = await Promise.all(Array.from({ length: 6 }, () => hook("pretooluse", payload("a", box.workspace))));
    expect(results.every((r) => r.code === 0 && r.stderr === "")).toBe(true);
    expect(results.filter((r) => r.stdout !== "")).toHaveLength(1);
  });
});

describe("sessionstart", () => {
  it("warns the user and Claude when another live session holds the workspace", async () => {
    expectAllow(await hook("pretooluse", payload("aaaa1111-a", box.workspace), { CLAUDE_PID: String(process.pid) }));
    const result = await hook("sessionstart", payload("bbbb2222-b", box.workspace, { event: "SessionStart" }));
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.hookSpecificOutput).toEqual({ hookEventName: "SessionStart", additionalContext: expect.stringContaining("session aaaa1111") });
    expect(out.systemMessage).toContain(`holds this workspace (${box.workspace})`);
    expect(out.systemMessage).toContain("will be denied");
  });

  it("says nothing when the workspace is free, stale, or held by the same session", async () => {
    expectAllow(await hook("sessionstart", payload("a", box.workspace, { event: "SessionStart" })));
    expectAllow(await hook("pretooluse", payload("a", box.workspace)));
    expectAllow(await hook("sessionstart", payload("a", box.workspace, { event: "SessionStart" })));
    writeLock({ schema_version: 1, session_id: "old", pid: 1, acquired_at: 1, ttl_ms: 300000 });
    expectAllow(await hook("sessionstart", payload("b", box.workspace, { event: "SessionStart" })));
  });

  it("fails open like every hook command", async () => {
    expectFailOpen(await hook("sessionstart", "nope"));
  });
});

describe("read-only Bash", () => {
  const bash = (session: string, command: string) => payload(session, box.workspace, { tool: "Bash", input: { command, description: "d" } });

  it.each(["git status", "git log --oneline -n 5", "grep -rn TODO src | head", "ls -la", "cat README.md"])(
    "lets %j through while another session holds the workspace, without taking the lock",
    async (command) => {
      expectAllow(await hook("pretooluse", payload("holder", box.workspace)));
      const before = readFileSync(box.lockPath(), "utf8");
      expectAllow(await hook("pretooluse", bash("reader", command)));
      expect(readFileSync(box.lockPath(), "utf8")).toBe(before);
    },
  );

  it("does not take a free workspace for a read-only command", async () => {
    expectAllow(await hook("pretooluse", bash("reader", "git diff HEAD")));
    expect(existsSync(box.lockPath())).toBe(false);
  });

  it.each(["git checkout -b x", "ls > out.txt", "npm install", "git status; rm -rf build", "echo $(touch x)"])(
    "guards %j like any mutating call",
    async (command) => {
      expectAllow(await hook("pretooluse", payload("holder", box.workspace)));
      expectDeny(await hook("pretooluse", bash("writer", command)));
    },
  );

  it("guards every Bash call with CLAUDE_SESSION_GUARD_STRICT_BASH=1", async () => {
    expectAllow(await hook("pretooluse", payload("holder", box.workspace)));
    expectDeny(await hook("pretooluse", bash("reader", "git status"), { CLAUDE_SESSION_GUARD_STRICT_BASH: "1" }));
  });

  it("parses the classifier (dist/bash.cjs) only for a call that runs a command", async () => {
    const out = join(box.root, "loaded.json");
    const trace = join(box.root, "trace.cjs");
    writeFileSync(trace, `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(out)}, JSON.stringify(Object.keys(require.cache))));\n`);
    const loaded = () => (JSON.parse(readFileSync(out, "utf8")) as string[]).filter((f) => f.endsWith(".cjs") && !f.endsWith("trace.cjs")).map((f) => f.split("/").pop());
    const env = { NODE_OPTIONS: `--require ${trace}` };

    expectAllow(await hook("pretooluse", payload("writer", box.workspace), env));
    expect(loaded()).toEqual(["cli.cjs"]);
    expectAllow(await hook("pretooluse", bash("writer", "git status"), env));
    expect(loaded()).toEqual(["cli.cjs", "bash.cjs"]);
  });
});

describe("dead holders", () => {
  const exitedPid = async () => {
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, ["-e", "0"]);
    await new Promise((r) => child.on("exit", r));
    return child.pid!;
  };

  it("takes over at once from a holder whose Claude Code process has exited", async () => {
    const gone = await exitedPid();
    expectAllow(await hook("pretooluse", payload("crashed", box.workspace), { CLAUDE_PID: String(gone) }));
    expectAllow(await hook("pretooluse", payload("next", box.workspace)));
    expect(readLock().session_id).toBe("next");
    expect(logEntries().at(-1)).toMatchObject({ outcome: "takeover", reason: "dead", holder: { session_id: "crashed", pid: gone } });
  });

  it("takes over from a holder that was killed but not yet reaped (a zombie)", async () => {
    const { spawn } = await import("node:child_process");
    // `exec sleep` replaces the shell, and sleep never reaps the killed background child.
    const parent = spawn("sh", ["-c", "sleep 1000 & echo $!; exec sleep 30"], { stdio: ["ignore", "pipe", "ignore"] });
    try {
      const pid = Number(await new Promise<string>((r) => parent.stdout.once("data", (d) => r(String(d).trim()))));
      expectAllow(await hook("pretooluse", payload("killed", box.workspace), { CLAUDE_PID: String(pid) }));
      process.kill(pid, "SIGKILL");
      await new Promise((r) => setTimeout(r, 100));
      expect(readFileSync(`/proc/${pid}/stat`, "utf8")).toMatch(/\) Z /);
      expectAllow(await hook("pretooluse", payload("next", box.workspace)));
      expect(readLock().session_id).toBe("next");
    } finally {
      parent.kill("SIGKILL");
    }
  });

  it("is not fooled by a reused pid: same pid, different start identity", async () => {
    expectAllow(await hook("pretooluse", payload("holder", box.workspace), { CLAUDE_PID: String(process.pid) }));
    const record = readLock();
    writeLock({ ...record, pid_start: `${record.pid_start}0` });
    expectAllow(await hook("pretooluse", payload("next", box.workspace)));
    expect(readLock().session_id).toBe("next");
  });

  it("falls back to the TTL for a holder on another host", async () => {
    expectAllow(await hook("pretooluse", payload("holder", box.workspace), { CLAUDE_PID: String(await exitedPid()) }));
    writeLock({ ...readLock(), hostname: "some-other-host" });
    expectDeny(await hook("pretooluse", payload("next", box.workspace)));
  });
});
