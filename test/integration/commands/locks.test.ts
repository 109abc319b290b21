// status, clear and log through the built binary, against locks the hook commands really took.

import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { md5_12, payload } from "../support/cli.js";
import { type Project, project } from "./project.js";

let p: Project;
beforeEach(() => {
  p = project();
});
afterEach(() => p.cleanup());

const A = "aaaaaaaa-1111-4000-8000-000000000001";
const B = "bbbbbbbb-2222-4000-8000-000000000002";
const hook = (command: string, session: string, event = "PreToolUse") => p.run([command], { input: payload(session, p.dir, { event }) });
const lockPath = () => join(p.runtime, `session-lock-${md5_12(p.dir)}.json`);

describe("status", () => {
  it("says there is no lock, with a missing runtime dir, and does not create it", async () => {
    expect(await p.run(["status"])).toEqual({ code: 0, stdout: `No lock on ${p.dir}: no session holds this workspace.\n`, stderr: "" });
    expect(await p.run(["status", "--all", "--json"])).toEqual({ code: 0, stdout: "[]\n", stderr: "" });
    expect((await p.run(["status", "--all"])).stdout).toBe(`No locks in ${p.runtime}.\n`);
    expect(existsSync(p.runtime)).toBe(false);
  });

  it("shows the holder of the current workspace, from a subdirectory too", async () => {
    await hook("pretooluse", A);
    mkdirSync(join(p.dir, "sub"));
    const result = await p.run(["status"], { cwd: join(p.dir, "sub") });
    expect(result.code).toBe(0);
    const [header, row] = result.stdout.trimEnd().split("\n");
    expect(header).toMatch(/^WORKSPACE\s+HOLDER\s+PID\s+AGE\s+LEFT\s+STATE\s+DOING$/);
    expect(row).toMatch(new RegExp(`^${p.dir}\\s+aaaaaaaa\\s+\\d+\\s+\\d+s\\s+(4m5\\d|5m00)s\\s+held$`));
  });

  it("--json lists every lock with the contract's fields", async () => {
    await hook("pretooluse", A);
    mkdirSync(p.runtime, { recursive: true });
    writeFileSync(join(p.runtime, "session-lock-0123456789ab.json"), JSON.stringify({ session_id: "min", pid: 1, acquired_at: 1, ttl_ms: 1000 }));
    const entries = JSON.parse((await p.run(["status", "--all", "--json"])).stdout);
    expect(entries).toEqual([
      expect.objectContaining({ workspace: null, hash: "0123456789ab", session_id: "min", state: "stale" }),
      expect.objectContaining({ workspace: p.dir, hash: md5_12(p.dir), path: lockPath(), session_id: A, ttl_ms: 300000, state: "held" }),
    ]);
  });

  it("exits 1 with what to remove by hand when the lock path is a directory", async () => {
    mkdirSync(lockPath(), { recursive: true });
    const result = await p.run(["status"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `claude-session-guard: the lock ${lockPath()} is not a regular file (a directory?), and the guard never deletes directories: remove it by hand (rm -r ${lockPath()})\n`,
    );
  });
});

describe("clear", () => {
  it("clears a live session's lock, names it, logs it, and lets the other session in", async () => {
    expect((await hook("pretooluse", A)).stdout).toBe("");
    expect((await hook("pretooluse", B)).stdout).toContain('"permissionDecision":"deny"');
    const cleared = await p.run(["clear", "--workspace", p.dir]);
    expect(cleared.code).toBe(0);
    expect(cleared.stdout).toMatch(new RegExp(`^Removed the lock of ${p.dir}: it was held by session aaaaaaaa \\(pid \\d+\\), last active \\d+s ago, a live session\\.`));
    expect(existsSync(lockPath())).toBe(false);
    expect((await hook("pretooluse", B)).stdout).toBe("");
    const log = JSON.parse((await p.run(["log", "--json"])).stdout) as Array<{ outcome: string; holder?: { session_id: string } }>;
    expect(log.map((e) => e.outcome)).toEqual(["acquire", "block", "clear", "acquire"]);
    expect(log[2]?.holder?.session_id).toBe(A);
  });

  it("has nothing to clear with a missing runtime dir", async () => {
    expect(await p.run(["clear"])).toEqual({ code: 0, stdout: `No lock on ${p.dir}: nothing to clear.\n`, stderr: "" });
    expect(await p.run(["clear", "--stale"])).toEqual({ code: 0, stdout: "No stale, dead or corrupt locks: nothing to clear.\n", stderr: "" });
    expect(existsSync(p.runtime)).toBe(false);
  });

  it("--stale keeps a held lock and removes a corrupt one", async () => {
    await hook("pretooluse", A);
    writeFileSync(join(p.runtime, "session-lock-0123456789ab.json"), "garbage");
    const result = await p.run(["clear", "--stale"]);
    expect(result.stdout).toBe(`Removed the unreadable lock file ${join(p.runtime, "session-lock-0123456789ab.json")} (not JSON).\n`);
    expect(readdirSync(p.runtime).filter((n) => n.startsWith("session-lock-"))).toEqual([`session-lock-${md5_12(p.dir)}.json`]);
  });

  it("refuses a lock path that is a directory: exit 1, says what to remove by hand, removes nothing", async () => {
    mkdirSync(join(lockPath(), "inside"), { recursive: true });
    const result = await p.run(["clear"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`remove it by hand (rm -r ${lockPath()})`);
    expect(existsSync(join(lockPath(), "inside"))).toBe(true);
    const all = await p.run(["clear", "--all"]);
    expect(all.code).toBe(1);
    expect(all.stderr).toBe(`claude-session-guard: the lock ${lockPath()} is not a regular file (a directory?), and the guard never deletes directories: remove it by hand (rm -r ${lockPath()})\n`);
    expect(existsSync(join(lockPath(), "inside"))).toBe(true);
  });
});

describe("log", () => {
  it("prints the last N decisions as lines, naming the holder and since when", async () => {
    await hook("pretooluse", A);
    await hook("pretooluse", B);
    await hook("stop", A, "Stop");
    const result = await p.run(["log", "-n", "2"]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^\\S+Z  block +session bbbbbbbb  Write  ${p.dir}  holder aaaaaaaa \\(pid \\d+\\) active since \\S+Z$`));
    expect(lines[1]).toMatch(new RegExp(`^\\S+Z  release +session aaaaaaaa  -      ${p.dir}  holder aaaaaaaa `));
  });

  it("shows a call the disable switch let through, with its tool and the directory it ran in", async () => {
    await p.run(["pretooluse"], { input: payload(A, p.dir, { tool: "Bash" }), env: { CLAUDE_SESSION_GUARD_DISABLE: "yes" } });
    const result = await p.run(["log"]);
    expect(result.stdout).toMatch(new RegExp(`^\\S+Z  disabled +session aaaaaaaa  Bash  ${p.dir}\n$`));
  });
});
