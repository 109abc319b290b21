// install / uninstall through the built binary, bad paths included.

import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
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
    PreToolUse: [{ matcher: "Bash", hooks: [{ type: "command", command: "./scripts/check-bash.sh", timeout: 10 }] }],
    PostToolUse: [{ matcher: "Edit|Write", hooks: [{ type: "command", command: "npx prettier --write ." }] }],
    Notification: [{ hooks: [{ type: "command", command: "notify-send claude" }] }],
  },
};

describe("install", () => {
  it("writes the bare command when it is on PATH, into the repository root's .claude/settings.json from a subdirectory", async () => {
    mkdirSync(join(p.dir, "src", "deep"), { recursive: true });
    const result = await p.run(["install"], { cwd: join(p.dir, "src", "deep") });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Installed the guard's hooks in ${p.settingsPath()}:`);
    expect(JSON.parse(p.readSettings())).toEqual(example);
  });

  it("writes the absolute path of this installation when the bare name is not on PATH", async () => {
    const off = project({ onPath: false });
    try {
      const result = await off.run(["install"], { env: { PATH: process.env.PATH } });
      expect(result.code).toBe(0);
      const written = JSON.parse(off.readSettings()).hooks.PreToolUse[0].hooks[0].command;
      expect(written).toBe(`${BIN} pretooluse`);
      expect(written).not.toMatch(/npx/);
      expect(result.stdout).toContain("Note: claude-session-guard is not on PATH");
    } finally {
      off.cleanup();
    }
  });

  it("keeps other keys, other hooks and 4-space indentation; a second run changes nothing and says so", async () => {
    const before = `${JSON.stringify(unrelated, null, 4)}\n`;
    p.writeSettings(before);
    expect((await p.run(["install"])).code).toBe(0);
    const after = p.readSettings();
    expect(after).toMatch(/^\{\n {4}"permissions": \{\n {8}"allow"/);
    const parsed = JSON.parse(after);
    expect(parsed.permissions).toEqual(unrelated.permissions);
    expect(parsed.hooks.PreToolUse[0]).toEqual(unrelated.hooks.PreToolUse[0]);
    expect(parsed.hooks.Notification).toEqual(unrelated.hooks.Notification);

    const again = await p.run(["install"]);
    expect(again).toEqual({ code: 0, stdout: `Nothing to change: the guard's hooks are already installed in ${p.settingsPath()}.\n`, stderr: "" });
    expect(p.readSettings()).toBe(after);

    expect((await p.run(["uninstall"])).code).toBe(0);
    expect(p.readSettings()).toBe(before);
  });

  it("--dry-run shows the changes and writes nothing", async () => {
    const result = await p.run(["install", "--dry-run", "--scope", "local"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Would change ${p.settingsPath("settings.local.json")}:\n  + PreToolUse: claude-session-guard pretooluse\n`);
    expect(existsSync(join(p.dir, ".claude"))).toBe(false);
  });

  it("--scope user writes <CLAUDE_CONFIG_DIR>/settings.json", async () => {
    expect((await p.run(["install", "--scope", "user"])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(p.config, "settings.json"), "utf8"))).toEqual(example);
    expect((await p.run(["uninstall", "--scope=user"])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(p.config, "settings.json"), "utf8"))).toEqual({});
  });

  it("leaves a settings file that is not JSON untouched: exit 1, naming the line and column", async () => {
    const broken = '{\n  "permissions": {},\n  "hooks": {\n    "Stop": [],\n  }\n}\n';
    p.writeSettings(broken);
    const result = await p.run(["install"]);
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: `claude-session-guard: ${p.settingsPath()} is not valid JSON: line 5, column 3: a trailing comma before }. Left untouched: fix it by hand and run the command again.\n`,
    });
    expect(p.readSettings()).toBe(broken);
    expect((await p.run(["uninstall"])).code).toBe(1);
    expect(p.readSettings()).toBe(broken);
  });

  it("rejects an unknown scope with exit 2 and a one-line hint", async () => {
    const result = await p.run(["install", "--scope", "global"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "claude-session-guard: option '--scope <scope>' argument 'global' is invalid. Allowed choices are project, local, user. Run `claude-session-guard install --help` for usage.\n",
    );
  });

  it("exits 1 with a clear message when .claude cannot be created (a file is in the way)", async () => {
    writeFileSync(join(p.dir, ".claude"), "not a directory");
    const result = await p.run(["install"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^claude-session-guard: cannot create .*\/project\/\.claude: .*\n$/);
  });

  // Root ignores file permissions, so as root the check runs as the unprivileged `nobody` user
  // (uid 65534) on files chowned to it: the file is read-only for its owner while its directory
  // stays writable, which is exactly where an atomic rename would otherwise replace it.
  it("refuses a read-only settings file: exit 1, file untouched", async () => {
    const path = p.writeSettings(unrelated);
    const asRoot = process.getuid?.() === 0;
    chmodSync(path, 0o444);
    let run = () => p.run(["install"]);
    if (asRoot) {
      for (const dir of [p.root, p.dir, join(p.dir, ".claude")]) chmodSync(dir, 0o755);
      chownSync(join(p.dir, ".claude"), 65534, 65534);
      chownSync(path, 65534, 65534);
      run = () => runAs(65534, ["install"], p);
    }
    const before = p.readSettings();
    const result = await run();
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `claude-session-guard: ${path} is read-only (EACCES). Left untouched: make it writable (chmod u+w ${path}) or add the hooks by hand (see settings.example.json).\n`,
    );
    expect(p.readSettings()).toBe(before);
  });
});

function runAs(uid: number, args: string[], proj: Project): Promise<{ code: number | null; stdout: string; stderr: string }> {
  try {
    const stdout = execFileSync(process.execPath, [BIN, ...args], { cwd: proj.dir, env: proj.env, uid, gid: uid, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return Promise.resolve({ code: 0, stdout, stderr: "" });
  } catch (error) {
    const e = error as { status: number | null; stdout: string; stderr: string };
    return Promise.resolve({ code: e.status, stdout: e.stdout, stderr: e.stderr });
  }
}

describe("uninstall", () => {
  it("removes old absolute-path and plugin-root variants, and only those", async () => {
    const settings = structuredClone(unrelated) as Record<string, any>;
    settings.hooks.PreToolUse.push({ matcher: "Edit|Write|MultiEdit|NotebookEdit|Bash", hooks: [{ type: "command", command: "/usr/lib/node_modules/claude-session-guard/bin/claude-session-guard.js pretooluse", timeout: 5 }] });
    settings.hooks.Stop = [{ hooks: [{ type: "command", command: 'node "${CLAUDE_PLUGIN_ROOT}/bin/claude-session-guard.js" stop' }] }];
    p.writeSettings(settings);
    const result = await p.run(["uninstall"]);
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n").filter((l) => l.startsWith("  - "))).toHaveLength(2);
    expect(JSON.parse(p.readSettings())).toEqual(unrelated);
  });

  it("drops the hooks key when nothing is left", async () => {
    p.writeSettings({ model: "opus", ...example });
    expect((await p.run(["uninstall"])).code).toBe(0);
    expect(JSON.parse(p.readSettings())).toEqual({ model: "opus" });
  });
});
