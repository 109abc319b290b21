// Faults and hostile set-ups, through the built binary: a runtime directory others can write,
// symlinks planted where the guard writes, a hook descheduled in the middle of its race, records
// and payloads out of range, unwritable output, control characters, and files owned by another
// user. Each test pins down one defect found against the shipped bundle.

import { execFileSync, spawn } from "node:child_process";
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { onPath } from "../support/redisServer.js";
import { expectAllow, expectDeny, expectFailOpen } from "./support/answers.js";
import { BIN, type CliResult, payload, runCli, type Sandbox, sandbox, TEST_NODE } from "./support/cli.js";

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

const IS_ROOT = process.getuid?.() === 0;
/** An unprivileged user for the tests that need files owned by someone else (they run as root). */
const NOBODY = 65534;
const live = { CLAUDE_PID: String(process.pid) };

const hook = (command: string, input: string, env: NodeJS.ProcessEnv = {}, args: string[] = []) =>
  runCli([command, ...args], { input, env: { ...box.env, ...env } });
const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { env: { ...box.env, ...env }, cwd: box.workspace });
/** doctor on the documented wiring: with nothing installed it would answer only that. */
const DOCTOR = ["doctor", "--settings", join(import.meta.dirname, "../../settings.example.json")];

const writeLock = (record: unknown, path = box.lockPath()) => {
  mkdirSync(box.runtime, { recursive: true, mode: 0o700 });
  writeFileSync(path, typeof record === "string" ? record : JSON.stringify(record), { mode: 0o600 });
};
const record = (session: string, over: Record<string, unknown> = {}) => ({
  schema_version: 1,
  session_id: session,
  pid: process.pid,
  acquired_at: Date.now(),
  ttl_ms: 300_000,
  workspace: box.workspace,
  ...over,
});

describe("the runtime directory", () => {
  it("is refused when others can write to it: the hook fails open, says how to fix it, and writes nothing", async () => {
    mkdirSync(box.runtime, { recursive: true });
    chmodSync(box.runtime, 0o777);
    const line = expectFailOpen(await hook("pretooluse", payload("s", box.workspace), live));
    expect(line).toContain(box.runtime);
    expect(line).toContain(`chmod 700 ${box.runtime}`);
    expect(readdirSync(box.runtime)).toEqual([]);
  });

  it.skipIf(!IS_ROOT)("is refused when it belongs to another user (needs root to arrange)", async () => {
    mkdirSync(box.runtime, { recursive: true, mode: 0o700 });
    chownSync(box.runtime, NOBODY, NOBODY);
    const line = expectFailOpen(await hook("pretooluse", payload("s", box.workspace), live));
    expect(line).toContain(`belongs to uid ${NOBODY}`);
    expect(readdirSync(box.runtime)).toEqual([]);
  });

  it("makes doctor fail, with the fix", async () => {
    mkdirSync(box.runtime, { recursive: true });
    chmodSync(box.runtime, 0o777);
    const result = await cli([...DOCTOR, "--json"]);
    const check = JSON.parse(result.stdout).checks.find((c: { id: string }) => c.id === "runtime-dir");
    expect(check).toMatchObject({ status: "fail", hint: expect.stringContaining(`chmod 700 ${box.runtime}`) });
    expect(result.code).toBe(1);
  });

  it("a takeover never writes a notice through symlinks planted at the names its temp file could have", async () => {
    // A stale lock of session "old": the takeover leaves "old" a notice. Another user who can
    // write the runtime directory plants symlinks at every temp name the next hook processes
    // might compute (pid and counter), each pointing at a file the guard's user can write.
    writeLock(record("old", { acquired_at: Date.now() - 3_600_000 }));
    const victim = join(box.root, "victim.txt");
    writeFileSync(victim, "precious\n");
    const { createHash } = await import("node:crypto");
    const notice = join(box.runtime, `session-notice-${box.lockPath().match(/session-lock-(\w{12})\.json$/)![1]}-${createHash("md5").update("old").digest("hex").slice(0, 12)}.json`);
    const lastPid = Number(readFileSync("/proc/sys/kernel/ns_last_pid", "utf8"));
    for (let pid = lastPid + 1; pid < lastPid + 400; pid++) for (const counter of ["0", "1", "2"]) symlinkSync(victim, `${notice}.${pid}.${counter}.tmp`);
    expectAllow(await hook("pretooluse", payload("new", box.workspace), live));
    expect(JSON.parse(readFileSync(box.lockPath(), "utf8")).session_id).toBe("new");
    expect(readFileSync(victim, "utf8")).toBe("precious\n");
  });

  it("doctor on a runtime dir that is a file says what to do about the directory, not to rm -r the lock", async () => {
    writeFileSync(box.config, "");
    execFileSync("rm", ["-rf", box.config]);
    mkdirSync(box.config, { recursive: true });
    writeFileSync(box.runtime, "not a directory");
    const result = await cli(DOCTOR);
    expect(result.stdout).not.toMatch(/rm -r .*session-lock/);
    expect(result.stdout).toContain(box.runtime);
  });
});

describe("contention", () => {
  const strace = onPath("strace");

  it.skipIf(strace === null && process.env.CI !== "true")(
    "a hook descheduled past its budget between reading a free lock and taking it denies, instead of failing open",
    async () => {
      if (strace === null) throw new Error("strace is required on CI (.ci/run installs it)");
      // Hook A reads "no lock", then its link(2) is held back 2.5 s while B takes the lock.
      const a = new Promise<CliResult>((resolve, reject) => {
        const child = spawn(
          strace,
          ["-f", "-o", "/dev/null", "-e", "trace=link", "-e", "inject=link:delay_enter=2500000:when=1", TEST_NODE, BIN, "pretooluse"],
          { env: { PATH: process.env.PATH, ...box.env, ...live } },
        );
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d) => (stdout += d));
        child.stderr.on("data", (d) => (stderr += d));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code, stdout, stderr }));
        child.stdin.end(payload("session-a", box.workspace));
      });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expectAllow(await hook("pretooluse", payload("session-b", box.workspace), live));
      const reason = expectDeny(await a);
      expect(reason).toContain("session session-");
      expect(JSON.parse(readFileSync(box.lockPath(), "utf8")).session_id).toBe("session-b");
    },
  );
});

describe("a symlink at the lock path", () => {
  it("is taken over as a corrupt lock at once, never written through, and status, doctor and clear see it for what it is", async () => {
    const target = join(box.root, "elsewhere.json");
    writeFileSync(target, JSON.stringify(record("someone-else")));
    mkdirSync(box.runtime, { recursive: true, mode: 0o700 });
    symlinkSync(target, box.lockPath());

    const status = await cli(["status", "--json"]);
    expect(JSON.parse(status.stdout)).toMatchObject([{ state: "corrupt", session_id: null }]);
    const doctor = JSON.parse((await cli([...DOCTOR, "--json"])).stdout).checks.find((c: { id: string }) => c.id === "lock");
    expect(doctor.message).toContain("symbolic link");

    expectAllow(await hook("pretooluse", payload("s", box.workspace), live));
    expect(lstatSync(box.lockPath()).isSymbolicLink()).toBe(false);
    expect(JSON.parse(readFileSync(box.lockPath(), "utf8")).session_id).toBe("s");
    expect(JSON.parse(readFileSync(target, "utf8")).session_id).toBe("someone-else");
  });

  it("is removed by clear, which leaves its target alone", async () => {
    const target = join(box.root, "elsewhere.json");
    writeFileSync(target, "{}");
    mkdirSync(box.runtime, { recursive: true, mode: 0o700 });
    symlinkSync(target, box.lockPath());
    const result = await cli(["clear"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("symbolic link");
    expect(existsSync(box.lockPath())).toBe(false);
    expect(readFileSync(target, "utf8")).toBe("{}");
  });
});

describe("records and payloads out of range", () => {
  it("a session id too long to record faithfully fails open and takes no lock, so nobody can mistake it for corrupt", async () => {
    const line = expectFailOpen(await hook("pretooluse", payload("x".repeat(65_300), box.workspace), live));
    expect(line).toContain("session_id");
    expect(existsSync(box.lockPath())).toBe(false);
  });

  it("judges a record with a ttl_ms beyond the guard's own ceiling by that ceiling", async () => {
    writeLock(record("forever", { acquired_at: Date.now() - 8 * 86_400_000, ttl_ms: 2 ** 53 - 1 }));
    expectAllow(await hook("pretooluse", payload("s", box.workspace), live));
    expect(JSON.parse(readFileSync(box.lockPath(), "utf8")).session_id).toBe("s");
  });

  it("shows such a record's time left as at most the ceiling", async () => {
    writeLock(record("forever", { ttl_ms: 2 ** 53 - 1 }));
    const [entry] = JSON.parse((await cli(["status", "--json"])).stdout);
    expect(entry.state).toBe("held");
    const table = (await cli(["status"])).stdout;
    expect(table).toMatch(/forever\s+\d+\s+\d+s\s+(169h59m|170h00m)\s+held/);
  });

  it("a cwd that is a regular file fails open with what is wrong, not as an internal error", async () => {
    const file = join(box.root, "a-file");
    writeFileSync(file, "");
    const line = expectFailOpen(await hook("pretooluse", JSON.stringify({ session_id: "s", cwd: file, hook_event_name: "PreToolUse", tool_name: "Bash", tool_input: { command: "touch x" } }), live));
    expect(line).toContain("not a directory");
    expect(line).not.toContain("internal error");
  });

  it("a NUL byte in cwd never reaches stderr raw", async () => {
    const result = await hook("pretooluse", JSON.stringify({ session_id: "s", cwd: `${box.workspace}\u0000evil`, hook_event_name: "PreToolUse", tool_name: "Bash", tool_input: { command: "touch x" } }), live);
    const line = expectFailOpen(result);
    expect(line).not.toContain("\u0000");
    expect(line).not.toContain("internal error");
  });
});

describe("output", () => {
  it("a hook whose stdout cannot be written exits 0 with one line on stderr", async () => {
    writeLock(record("holder"));
    const out = execFileSync("sh", ["-c", `'${TEST_NODE}' '${BIN}' pretooluse > /dev/full; echo "exit=$?"`], {
      input: payload("other", box.workspace),
      env: { PATH: process.env.PATH, ...box.env, ...live },
      encoding: "utf8",
      stdio: ["pipe", "pipe", "pipe"],
    });
    expect(out.trim()).toBe("exit=0");
  });

  it("says so in one stderr line", async () => {
    writeLock(record("holder"));
    const child = spawn("sh", ["-c", `'${TEST_NODE}' '${BIN}' pretooluse > /dev/full`], { env: { PATH: process.env.PATH, ...box.env, ...live } });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.stdin.end(payload("other", box.workspace));
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
    const lines = stderr.split("\n").filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^claude-session-guard: /);
  });

  it("an operator command whose stdout cannot be written exits 1 with one line, not a stack trace", () => {
    let failure: { status: number; stderr: string } | null = null;
    try {
      execFileSync("sh", ["-c", `'${TEST_NODE}' '${BIN}' status > /dev/full`], { env: { PATH: process.env.PATH, ...box.env }, cwd: box.workspace, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
    } catch (error) {
      failure = error as { status: number; stderr: string };
    }
    expect(failure?.status).toBe(1);
    expect(failure?.stderr.trim().split("\n")).toHaveLength(1);
    expect(failure?.stderr).toMatch(/^claude-session-guard: /);
  });

  it("status and log print control characters in session ids escaped, never raw", async () => {
    writeLock(record("evil\u001b]0;pwned\u0007\nline"));
    await hook("pretooluse", payload("other\u001b[31m", box.workspace), live);
    for (const args of [["status"], ["status", "--all"], ["log"]]) {
      const { stdout } = await cli(args);
      expect(stdout, args.join(" ")).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
      expect(stdout.trim().split("\n").length, args.join(" ")).toBeLessThanOrEqual(3);
    }
  });
});

describe("operator commands", () => {
  it("clear --workspace with an empty path (an unset variable) is a usage error and removes nothing", async () => {
    writeLock(record("holder"));
    const result = await cli(["clear", "--workspace", ""]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--workspace");
    expect(existsSync(box.lockPath())).toBe(true);
  });

  it("log skips a line that is JSON but not an entry", async () => {
    const dir = join(box.home, ".local", "state", "claude-session-guard");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "decisions.jsonl"), 'null\n42\n"text"\n{"time":"2026-01-01T00:00:00.000Z","event":"stop","outcome":"release","session":"s","workspace":"/w"}\n');
    const result = await cli(["log"]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
    expect(result.stdout).toContain("release");
  });

  it("clear --stale removes lost-lock notices nobody came back for in a day, clear --all every notice, and doctor counts them", async () => {
    mkdirSync(box.runtime, { recursive: true, mode: 0o700 });
    const notice = (at: number) => JSON.stringify({ by: { session_id: "b", pid: 1 }, at, reason: "stale", generation: 1 });
    const old = join(box.runtime, "session-notice-0123456789ab-aaaaaaaaaaaa.json");
    const fresh = join(box.runtime, "session-notice-0123456789ab-bbbbbbbbbbbb.json");
    writeFileSync(old, notice(Date.now() - 25 * 3_600_000));
    writeFileSync(fresh, notice(Date.now()));
    // When a notice was left is its file's time.
    const dayAgo = new Date(Date.now() - 25 * 3_600_000);
    utimesSync(old, dayAgo, dayAgo);
    const doctor = JSON.parse((await cli([...DOCTOR, "--json"])).stdout).checks.find((c: { id: string }) => c.id === "notices");
    expect(doctor).toMatchObject({ status: "warn", message: expect.stringContaining("1 ") });
    expect((await cli(["clear", "--stale"])).stdout).toContain(old);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    await cli(["clear", "--all"]);
    expect(existsSync(fresh)).toBe(false);
  });
});

describe.skipIf(!IS_ROOT)("files another user owns (needs root to arrange; the guard runs as an unprivileged user)", () => {
  /** Runs the binary as NOBODY, in a home NOBODY owns. */
  function asNobody(args: string[], input = ""): Promise<CliResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(TEST_NODE, [BIN, ...args], { env: { PATH: process.env.PATH, ...box.env, ...live }, cwd: box.workspace, uid: NOBODY, gid: NOBODY });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(input);
    });
  }

  beforeEach(() => {
    mkdirSync(box.runtime, { recursive: true, mode: 0o700 });
    execFileSync("chown", ["-R", `${NOBODY}:${NOBODY}`, box.root]);
    chmodSync(box.root, 0o755);
  });

  it("an unreadable lock another user owns: the hook says whose it is and how to remove it; clear removes it", async () => {
    writeLock(record("roots"));
    chownSync(box.lockPath(), 0, 0);
    chmodSync(box.lockPath(), 0o600);
    const line = expectFailOpen(await asNobody(["pretooluse"], payload("s", box.workspace)));
    expect(line).toContain("uid 0");
    expect(line).not.toContain("directory");
    const status = await asNobody(["status"]);
    expect(status.stdout + status.stderr).not.toContain("a directory?");
    const cleared = await asNobody(["clear", "--stale"]);
    expect(cleared.code).toBe(0);
    expect(existsSync(box.lockPath())).toBe(false);
  });

  it("a readable lock of a dead holder another user owns: the hook says so instead of EPERM, and clear --stale removes it", async () => {
    writeLock(record("roots", { pid: 2 ** 22 + 7, hostname: (await import("node:os")).hostname() }));
    chownSync(box.lockPath(), 0, 0);
    chmodSync(box.lockPath(), 0o644);
    const line = expectFailOpen(await asNobody(["pretooluse"], payload("s", box.workspace)));
    expect(line).toContain("uid 0");
    expect(line).not.toContain("EPERM");
    const cleared = await asNobody(["clear", "--stale"]);
    expect(cleared).toMatchObject({ code: 0 });
    expect(existsSync(box.lockPath())).toBe(false);
  });

});
