import { describe, expect, it } from "vitest";
import { holderText } from "../../../src/hook/holder.js";
import type { LockRecord } from "../../../src/lock/record.js";
import { hook as M } from "../../../src/messages.js";

const NOW = 1_764_000_000_000;
const record: LockRecord = { schema_version: 1, session_id: "8a22b5eb-1111-2222-3333-444455556666", pid: 23671, acquired_at: NOW - 4_000, ttl_ms: 300_000 };

describe("holderText", () => {
  it("names a session as Claude Code's registry knows it (name, tmux pane) and says what it is doing", () => {
    const text = holderText(record, NOW + 296_000, NOW, { name: "api-refactor", tmux: "csgA:@0.%0", status: "busy" }, "/dev/pts/3");
    expect(text.who).toBe('session "api-refactor" (tmux csgA:@0.%0, working)');
  });

  it("falls back to the tty, then to the pid and the session id, leaving out what is not known", () => {
    expect(holderText(record, NOW, NOW, { name: "ws-e3" }, "/dev/pts/3").who).toBe('session "ws-e3" (/dev/pts/3)');
    expect(holderText(record, NOW, NOW, { name: "ws-e3" }, null).who).toBe('session "ws-e3" (pid 23671)');
    expect(holderText(record, NOW, NOW, null, null).who).toBe("session 8a22b5eb (pid 23671)");
    expect(holderText({ ...record, agent: "codex" }, NOW, NOW, null, null).who).toBe("Codex CLI session 8a22b5eb (pid 23671)");
  });

  it("says when a holder waits for its user, or keeps the workspace for background work", () => {
    const working = { ...record, work: [{ type: "shell", id: "b1", since: NOW - 1000, until: NOW + 60_000 }] };
    expect(holderText(working, NOW, NOW, { status: "idle" }, null).who).toBe("session 8a22b5eb (pid 23671, background work running)");
    expect(holderText(record, NOW, NOW, { status: "waiting", waitingFor: "permission prompt" }, null).who).toBe("session 8a22b5eb (pid 23671, waiting for permission)");
    expect(holderText(record, NOW, NOW, { status: "waiting", waitingFor: "dialog open" }, null).who).toBe("session 8a22b5eb (pid 23671, waiting for its user)");
  });

  it("shortens a long name and shows control characters escaped", () => {
    expect(holderText(record, NOW, NOW, { name: "n".repeat(60) }, null).who).toBe(`session "${"n".repeat(39)}…" (pid 23671)`);
    expect(holderText(record, NOW, NOW, { name: "a\u001bb" }, null).who).toContain('"a\\x1bb"');
  });
});

describe("the denial's first line", () => {
  // Claude Code 2.1.331 folds a denied Bash call to the first line of the reason and cuts it at
  // 200 characters, counting its own 28-character prefix.
  const SHOWN = 200 - "PreToolUse:Bash hook error: ".length;
  const holder = (entry: Parameters<typeof holderText>[3]) => holderText(record, NOW + 296_000, NOW, entry, null);

  it("says who holds the workspace and what to do, whole, for a named session in tmux", () => {
    const first = M.denyReason("Bash", "/home/ana/src/my-app", holder({ name: "api-refactor", tmux: "csgA:@0.%0", status: "busy" })).split("\n")[0]!;
    expect(first).toBe('claude-session-guard: session "api-refactor" (tmux csgA:@0.%0, working) holds this workspace, so this Bash was not run. Wait, or use a git worktree.');
    expect(first.length).toBeLessThanOrEqual(SHOWN);
  });

  it("keeps who and what to do whole with a holder waiting for permission, and says after them how long it waited", () => {
    const first = M.denyReason("Bash", "/w", holder({ name: "api-refactor", tmux: "csgA:@0.%0", status: "waiting" }), 300_000).split("\n")[0]!;
    expect(first).toMatch(/waiting for permission\) holds this workspace, so this Bash was not run\. Wait, or use a git worktree\. \(Waited 5m00s\.\)$/);
    expect(first.indexOf("git worktree.") + "git worktree.".length).toBeLessThanOrEqual(SHOWN);
  });

  it("puts the way out on the second line and the rest in the context for Claude", () => {
    const h = holder(null);
    expect(M.denyReason("Write", "/w s", h, 0, "csg").split("\n")[1]).toBe(
      "Do not work around the lock with another tool or command. If that session is gone or stuck, clear it: csg clear --workspace '/w s'",
    );
    expect(M.denyContext("/w s", h)).toMatch(/^Workspace: \/w s\nHeld by: session 8a22b5eb \(pid 23671\); last active 4s ago, lock expires in 4m56s/);
  });
});
