// doctor through the built binary: the registered commands really run (self-test), so PATH
// starts with a `claude-session-guard` symlink to bin/, then bin/ itself.

import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { md5_12 } from "../support/cli.js";
import { BIN, type Project, project } from "./project.js";

let p: Project;
beforeEach(() => {
  p = project();
});
afterEach(() => p.cleanup());

const example = JSON.parse(readFileSync(join(import.meta.dirname, "../../../settings.example.json"), "utf8"));

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
  it("passes after install and answers in one line after uninstall, in a project with its own hooks", async () => {
    p.writeSettings(unrelated);

    expect((await p.run(["install"])).code).toBe(0);
    const installed = await p.run(["doctor"]);
    expect(installed.stderr).toBe("");
    expect(installed.code).toBe(0);
    expect(installed.stdout).toMatch(/^pass {2}pretooluse: PreToolUse runs `pretooluse` for Edit, Write, MultiEdit, NotebookEdit, Bash, PowerShell, Monitor, ExitWorktree \(user\)$/m);
    expect(installed.stdout).toMatch(/^pass {2}reach: the guard's hooks reach every session of this user \(user\)$/m);
    expect(installed.stdout).toMatch(/^pass {2}self-test: 6 synthetic hook calls/m);
    expect(installed.stdout).toContain("Sessions already running keep the hooks they started with");
    expect(installed.stdout.trimEnd().split("\n").at(-1)).toBe("All checks passed: new Claude Code sessions in this directory are guarded.");
    // The self-test ran in a throwaway config dir: the real runtime dir holds no lock.
    expect(existsSync(join(p.runtime, `session-lock-${md5_12(p.dir)}.json`))).toBe(false);

    expect((await p.run(["uninstall"])).code).toBe(0);
    expect(JSON.parse(p.readSettings())).toEqual(unrelated);
    expect(await p.run(["doctor"])).toEqual({
      code: 1,
      stdout:
        "claude-session-guard is not installed for sessions started here: no settings file Claude Code reads here runs it, and no session-guard plugin is enabled. " +
        "To guard every session: claude-session-guard install\n",
      stderr: "",
    });
    // Where the bare name is not on PATH, the line names a command that still works there.
    const offPath = await p.run(["doctor"], { env: { PATH: process.env.PATH } });
    expect(offPath.stdout).toMatch(new RegExp(`To guard every session: ${join(dirname(realpathSync(BIN)), "claude-session-guard")} install\\n$`));
    const json = await p.run(["doctor", "--json"]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, checks: [{ id: "installed", status: "fail" }] });
  });

  it("after a project install, warns which sessions it leaves out, ends without claiming all is well, and says a subdirectory is not guarded", async () => {
    expect((await p.run(["install", "--scope", "project"])).code).toBe(0);
    const atRoot = await p.run(["doctor"]);
    expect(atRoot.code).toBe(0);
    expect(atRoot.stdout).toMatch(new RegExp(`^WARN {2}reach: Not guarded with project settings: sessions started in a subdirectory of ${p.dir}, `, "m"));
    expect(atRoot.stdout.trimEnd().split("\n").at(-1)).toBe("No check failed, but read the line marked WARN: each says where sessions may not be guarded, or what may go wrong.");

    mkdirSync(join(p.dir, "packages", "api"), { recursive: true });
    const below = await p.run(["doctor"], { cwd: join(p.dir, "packages", "api") });
    expect(below.code).toBe(1);
    expect(below.stdout).toBe(
      `Sessions started here are not guarded: the guard's hooks are in ${p.dir}/.claude/settings.json, which Claude Code reads only for sessions started in ${p.dir}, ` +
        `not in ${join(p.dir, "packages", "api")}. To guard every session: claude-session-guard install\n`,
    );
  });

  it("judges the same hooks in several scopes as Claude Code runs them: one command string runs once, two run twice", async () => {
    expect((await p.run(["install"])).code).toBe(0);
    expect((await p.run(["install", "--scope", "project"])).code).toBe(0);
    expect((await p.run(["install", "--scope", "local"])).code).toBe(0);
    const same = JSON.parse((await p.run(["doctor", "--json"])).stdout);
    expect(same.checks.find((c: { id: string }) => c.id === "duplicates")).toMatchObject({ status: "pass" });

    const viaPath = JSON.stringify(example).replaceAll('"claude-session-guard ', `"${join(p.pathDir, "claude-session-guard")} `);
    writeFileSync(join(p.config, "settings.json"), viaPath);
    const twice = JSON.parse((await p.run(["doctor", "--json"])).stdout);
    expect(twice.checks.find((c: { id: string }) => c.id === "duplicates")).toMatchObject({
      status: "warn",
      message: expect.stringContaining(`PreToolUse pretooluse runs 2 times (user: ${join(p.pathDir, "claude-session-guard")} pretooluse; project: claude-session-guard pretooluse)`),
    });
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
