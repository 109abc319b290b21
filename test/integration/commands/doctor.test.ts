// doctor through the built binary: the registered commands really run (self-test), so PATH
// starts with a `claude-session-guard` symlink to bin/, then bin/ itself.

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { md5_12 } from "../support/cli.js";
import { type Project, project } from "./project.js";

let p: Project;
beforeEach(() => {
  p = project();
});
afterEach(() => p.cleanup());

const unrelated = {
  permissions: { allow: ["Bash(npm test)"] },
  hooks: {
    PreToolUse: [{ matcher: "Bash", hooks: [{ type: "command", command: "true", timeout: 10 }] }],
    Stop: [{ hooks: [{ type: "command", command: "true" }] }],
  },
};

function statuses(stdout: string): Record<string, string> {
  const data = JSON.parse(stdout) as { checks: Array<{ id: string; status: string }> };
  return Object.fromEntries(data.checks.map((c) => [c.id, c.status]));
}

describe("doctor", () => {
  it("passes after install and fails after uninstall, in a project with its own hooks", async () => {
    p.writeSettings(unrelated);

    expect((await p.run(["install", "--scope", "project"])).code).toBe(0);
    const installed = await p.run(["doctor"]);
    expect(installed.stderr).toBe("");
    expect(installed.code).toBe(0);
    expect(installed.stdout).toMatch(/^pass {2}pretooluse: PreToolUse runs `pretooluse` for Edit, Write, MultiEdit, NotebookEdit, Bash, PowerShell, Monitor, ExitWorktree \(project\)$/m);
    expect(installed.stdout).toMatch(/^pass {2}self-test: 6 synthetic hook calls/m);
    expect(installed.stdout).toContain("Sessions already running keep the hooks they started with");
    expect(installed.stdout.trimEnd().split("\n").at(-1)).toBe("All checks passed: new Claude Code sessions in this directory are guarded.");
    // The self-test ran in a throwaway config dir: the real runtime dir holds no lock.
    expect(existsSync(join(p.runtime, `session-lock-${md5_12(p.dir)}.json`))).toBe(false);

    expect((await p.run(["uninstall", "--scope", "project"])).code).toBe(0);
    expect(JSON.parse(p.readSettings())).toEqual(unrelated);
    const uninstalled = await p.run(["doctor", "--json"]);
    expect(uninstalled.code).toBe(1);
    expect(statuses(uninstalled.stdout)).toMatchObject({ pretooluse: "fail", posttooluse: "fail", stop: "fail", sessionend: "fail" });
    expect(JSON.parse(uninstalled.stdout).ok).toBe(false);
  });

  it("checks only the files given with --settings, and validates this repository's plugin hooks", async () => {
    const pluginHooks = join(import.meta.dirname, "../../../hooks/hooks.json");
    const result = await p.run(["doctor", "--settings", pluginHooks, "--json"]);
    expect(result.stderr).toBe("");
    const data = JSON.parse(result.stdout);
    expect(data.ok).toBe(true);
    expect(statuses(result.stdout)).toMatchObject({ [`settings:${pluginHooks}`]: "pass", "self-test": "pass", executable: "pass" });
    expect(Object.keys(statuses(result.stdout))).not.toContain("settings:user");
  });

  it("fails a given settings file that is not JSON, naming the line", async () => {
    const path = p.writeSettings('{\n  "hooks": {\n    "Stop": [\n  }\n}\n');
    const result = await p.run(["doctor", "--settings", path]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`FAIL  settings:${path}: ${path} is not valid JSON: line 4, column 3`);
  });

  it("creates a missing runtime dir and reports it usable", async () => {
    p.writeSettings(JSON.parse(readFileSync(join(import.meta.dirname, "../../../settings.example.json"), "utf8")));
    expect(existsSync(p.runtime)).toBe(false);
    const result = await p.run(["doctor", "--json"]);
    expect(statuses(result.stdout)["runtime-dir"]).toBe("pass");
    expect(existsSync(p.runtime)).toBe(true);
    expect(result.code).toBe(0);
  });

  it("fails when the runtime dir cannot exist (its parent is a file) and when the lock path is a directory", async () => {
    p.writeSettings(JSON.parse(readFileSync(join(import.meta.dirname, "../../../settings.example.json"), "utf8")));
    const blocked = join(p.root, "config-file");
    writeFileSync(blocked, "");
    const noDir = await p.run(["doctor", "--json"], { env: { CLAUDE_CONFIG_DIR: blocked } });
    expect(noDir.code).toBe(1);
    expect(statuses(noDir.stdout)["runtime-dir"]).toBe("fail");

    const lock = join(p.runtime, `session-lock-${md5_12(p.dir)}.json`);
    mkdirSync(lock, { recursive: true });
    const dirLock = await p.run(["doctor"]);
    expect(dirLock.code).toBe(1);
    expect(dirLock.stdout).toContain(`— fix: remove it by hand: rm -r ${lock}`);
    rmSync(lock, { recursive: true });
  });

  it("warns, without failing, about a stale lock left on this workspace", async () => {
    p.writeSettings(JSON.parse(readFileSync(join(import.meta.dirname, "../../../settings.example.json"), "utf8")));
    mkdirSync(p.runtime, { recursive: true });
    writeFileSync(
      join(p.runtime, `session-lock-${md5_12(p.dir)}.json`),
      JSON.stringify({ schema_version: 1, session_id: "old", pid: 999999, acquired_at: Date.now() - 3_600_000, ttl_ms: 300_000 }),
    );
    const result = await p.run(["doctor"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`WARN  lock: a stale lock is left on ${p.dir}; the next session takes it over — fix: claude-session-guard clear --workspace ${p.dir}`);
  });
});
