import { describe, expect, it } from "vitest";
import type { LockRecord } from "../../../src/lock/record.js";
import { livenessProbe, type ProcessHost, sessionPid, startIdentity } from "../../../src/host/sessionProcess.js";

const BOOT = "0f0e-boot";

/** A fake Linux host: a process table of pid -> [name, ppid, starttime]. */
function linuxHost(
  table: Record<number, [string, number, number]>,
  ppid: number,
  alive = new Set(Object.keys(table).map(Number)),
  zombies = new Set<number>(),
): ProcessHost {
  return {
    platform: "linux",
    ppid,
    readFile(path) {
      if (path === "/proc/sys/kernel/random/boot_id") return `${BOOT}\n`;
      const pid = Number(/^\/proc\/(\d+)\/stat$/.exec(path)?.[1]);
      const entry = table[pid];
      if (!entry) throw Object.assign(new Error("ENOENT"), { code: "ENOENT" });
      const [name, parent, start] = entry;
      // Fields after the name: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt
      // utime stime cutime cstime priority nice threads itrealvalue starttime ...
      return `${pid} (${name}) ${zombies.has(pid) ? "Z" : "S"} ${parent} 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 ${start} 1000 10\n`;
    },
    exists: (pid) => alive.has(pid),
    ps: () => null,
    hostname: () => "here",
  };
}

describe("sessionPid", () => {
  it("uses CLAUDE_PID when it is a positive integer", () => {
    expect(sessionPid({ CLAUDE_PID: "4321" }, linuxHost({}, 99))).toBe(4321);
  });

  it.each(["0", "-5", "abc", "12.5", ""])("ignores CLAUDE_PID=%j and walks the process tree", (value) => {
    const host = linuxHost({ 30: ["sh", 20, 1], 20: ["claude", 1, 1] }, 30);
    expect(sessionPid({ CLAUDE_PID: value }, host)).toBe(20);
  });

  it("skips shells between the hook and Claude Code", () => {
    const host = linuxHost({ 40: ["bash", 30, 1], 30: ["sh", 20, 1], 20: ["node", 10, 1], 10: ["zsh", 1, 1] }, 40);
    expect(sessionPid({}, host)).toBe(20);
  });

  it("takes the parent when sh -c exec'd straight into the hook", () => {
    expect(sessionPid({}, linuxHost({ 20: ["claude", 1, 1] }, 20))).toBe(20);
  });

  it("keeps a process whose name merely contains parentheses and spaces", () => {
    expect(sessionPid({}, linuxHost({ 20: ["my (odd) app", 1, 1] }, 20))).toBe(20);
  });

  it("falls back to the parent pid when /proc cannot be read", () => {
    expect(sessionPid({}, linuxHost({}, 77))).toBe(77);
  });

  it("asks ps on macOS", () => {
    const host: ProcessHost = {
      ...linuxHost({}, 30),
      platform: "darwin",
      ps: (pid, field) => (field === "ppid,comm" ? ({ 30: "20 /bin/zsh", 20: "1 /usr/local/bin/claude" } as Record<number, string>)[pid] ?? null : null),
    };
    expect(sessionPid({}, host)).toBe(20);
  });
});

describe("startIdentity", () => {
  it("combines the boot id and the start time on Linux", () => {
    expect(startIdentity(20, linuxHost({ 20: ["claude", 1, 98765] }, 1))).toBe(`linux:${BOOT}:98765`);
  });

  it("is null for a process that does not exist", () => {
    expect(startIdentity(20, linuxHost({}, 1))).toBeNull();
  });
});

describe("livenessProbe", () => {
  const record = (over: Partial<LockRecord> = {}): LockRecord => ({
    schema_version: 1,
    session_id: "s",
    pid: 20,
    acquired_at: 0,
    ttl_ms: 1,
    hostname: "here",
    pid_start: `linux:${BOOT}:500`,
    ...over,
  });

  it("reports alive when the pid runs with the same start identity", () => {
    expect(livenessProbe(linuxHost({ 20: ["claude", 1, 500] }, 1))(record())).toBe("alive");
  });

  it("reports dead when the holder was killed but not yet reaped (a zombie)", () => {
    const table: Record<number, [string, number, number]> = { 20: ["claude", 1, 500] };
    expect(livenessProbe(linuxHost(table, 1, new Set([20]), new Set([20])))(record())).toBe("dead");
  });

  it("reports dead when no such process exists", () => {
    expect(livenessProbe(linuxHost({}, 1))(record())).toBe("dead");
  });

  it("reports dead when the pid was reused by a process that started later", () => {
    expect(livenessProbe(linuxHost({ 20: ["vim", 1, 777] }, 1))(record())).toBe("dead");
  });

  it("cannot judge a holder from another boot: a reboot, or another machine with the same host name", () => {
    expect(livenessProbe(linuxHost({}, 1))(record({ pid_start: "linux:old-boot:500" }))).toBe("unknown");
    expect(livenessProbe(linuxHost({ 20: ["claude", 1, 500] }, 1))(record({ pid_start: "linux:old-boot:500" }))).toBe("unknown");
  });

  it("treats a process it may not signal (EPERM) as alive when its identity matches", () => {
    // exists() already maps EPERM to true; the identity still decides.
    const host = { ...linuxHost({ 20: ["claude", 1, 500] }, 1), exists: () => true };
    expect(livenessProbe(host)(record())).toBe("alive");
  });

  it("cannot judge a holder on another host, or a running pid without a start identity", () => {
    expect(livenessProbe(linuxHost({}, 1))(record({ hostname: "elsewhere" }))).toBe("unknown");
    expect(livenessProbe(linuxHost({}, 1))(record({ hostname: undefined }))).toBe("unknown");
    expect(livenessProbe(linuxHost({ 20: ["claude", 1, 500] }, 1))(record({ pid_start: undefined }))).toBe("unknown");
  });

  it("reports dead when a same-host holder without a start identity has no process", () => {
    expect(livenessProbe(linuxHost({}, 1))(record({ pid_start: undefined }))).toBe("dead");
  });

  it("cannot judge when the process exists but its identity cannot be read", () => {
    const host = { ...linuxHost({}, 1), exists: () => true };
    expect(livenessProbe(host)(record())).toBe("unknown");
  });
});
