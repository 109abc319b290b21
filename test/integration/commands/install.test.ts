// install / uninstall through the built binary, bad paths included.

import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
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
  it("by default writes the bare command into the user's settings, which every session reads, and nothing into the repository", async () => {
    mkdirSync(join(p.dir, "src", "deep"), { recursive: true });
    const result = await p.run(["install"], { cwd: join(p.dir, "src", "deep") });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Installed the guard's hooks in ${join(p.config, "settings.json")}:`);
    expect(result.stdout).not.toContain("Not guarded");
    expect(JSON.parse(readFileSync(join(p.config, "settings.json"), "utf8"))).toEqual(example);
    expect(existsSync(join(p.dir, ".claude"))).toBe(false);
  });

  it("--scope project writes the repository root's .claude/settings.json from a subdirectory, and says which sessions it leaves out", async () => {
    mkdirSync(join(p.dir, "src", "deep"), { recursive: true });
    const result = await p.run(["install", "--scope", "project"], { cwd: join(p.dir, "src", "deep") });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Installed the guard's hooks in ${p.settingsPath()}:`);
    expect(result.stdout).toContain(
      `Not guarded with --scope project: sessions started in a subdirectory of ${p.dir} (such as ${join(p.dir, "src", "deep")}), because Claude Code reads ${p.settingsPath()} only for sessions started in ${p.dir}; ` +
        `and sessions started elsewhere that change ${p.dir} through --add-dir, because Claude Code never loads hooks from added directories.`,
    );
    expect(JSON.parse(p.readSettings())).toEqual(example);
  });

  it("--scope local keeps .claude/settings.local.json out of git through git's global excludes file, once", async () => {
    const result = await p.run(["install", "--scope", "local"]);
    expect(result.code).toBe(0);
    const ignore = join(p.home, ".config", "git", "ignore");
    expect(result.stdout).toContain(`Kept .claude/settings.local.json out of git: added the rule **/.claude/settings.local.json to ${ignore}`);
    expect(readFileSync(ignore, "utf8")).toBe("**/.claude/settings.local.json\n");
    const git = (...args: string[]) => execFileSync("git", args, { cwd: p.dir, env: { PATH: process.env.PATH, HOME: p.home }, encoding: "utf8" });
    expect(git("status", "--porcelain", "--untracked-files=all")).toBe("");
    expect(git("check-ignore", "-v", ".claude/settings.local.json")).toBe(`${ignore}:1:**/.claude/settings.local.json\t.claude/settings.local.json\n`);

    const again = await p.run(["install", "--scope", "local"]);
    expect(again.stdout).not.toContain("Kept .claude/settings.local.json out of git");
    expect(readFileSync(ignore, "utf8")).toBe("**/.claude/settings.local.json\n");
  });

  it("--scope local puts the rule in the excludes file the user's git config names", async () => {
    writeFileSync(join(p.home, ".gitconfig"), "[core]\n\texcludesFile = ~/.gitignore_global\n");
    writeFileSync(join(p.home, ".gitignore_global"), "*.swp\n");
    expect((await p.run(["install", "--scope", "local"])).code).toBe(0);
    expect(readFileSync(join(p.home, ".gitignore_global"), "utf8")).toBe("*.swp\n**/.claude/settings.local.json\n");
    expect(existsSync(join(p.home, ".config", "git", "ignore"))).toBe(false);
  });

  it("says that the guard's plugin, enabled in the user's settings, would run every hook a second time", async () => {
    mkdirSync(p.config, { recursive: true });
    writeFileSync(join(p.config, "settings.json"), JSON.stringify({ enabledPlugins: { "session-guard@session-guard": true, "other@x": true } }));
    const user = await p.run(["install"]);
    expect(user.code).toBe(0);
    expect(user.stdout).toContain(`Note: the plugin session-guard@session-guard, enabled in ${join(p.config, "settings.json")}, runs these hooks too, so every hook would run twice.`);
    expect(user.stdout).toContain("/plugin uninstall session-guard@session-guard");
    // From a project install too, since the user's settings reach every session; its undo names the scope.
    const project = await p.run(["install", "--scope", "project"]);
    expect(project.stdout).toContain("every hook would run twice");
    expect(project.stdout).toContain("claude-session-guard uninstall --scope project");
  });

  it("says nothing of a plugin that is disabled or is not the guard's", async () => {
    mkdirSync(p.config, { recursive: true });
    writeFileSync(join(p.config, "settings.json"), JSON.stringify({ enabledPlugins: { "session-guard@session-guard": false, "other@x": true } }));
    const result = await p.run(["install"]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain("plugin");
  });

  it("writes the absolute path of this installation when the bare name is not on PATH", async () => {
    const off = project({ onPath: false });
    try {
      const result = await off.run(["install", "--scope", "project"], { env: { PATH: process.env.PATH } });
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
    expect((await p.run(["install", "--scope", "project"])).code).toBe(0);
    const after = p.readSettings();
    expect(after).toMatch(/^\{\n {4}"permissions": \{\n {8}"allow"/);
    const parsed = JSON.parse(after);
    expect(parsed.permissions).toEqual(unrelated.permissions);
    expect(parsed.hooks.PreToolUse[0]).toEqual(unrelated.hooks.PreToolUse[0]);
    expect(parsed.hooks.Notification).toEqual(unrelated.hooks.Notification);

    const again = await p.run(["install", "--scope", "project"]);
    expect(again).toMatchObject({ code: 0, stderr: "" });
    expect(again.stdout).toMatch(new RegExp(`^Nothing to change: the guard's hooks are already installed in ${p.settingsPath()}\\.\\nNot guarded with --scope project: `));
    expect(p.readSettings()).toBe(after);

    expect((await p.run(["uninstall", "--scope", "project"])).code).toBe(0);
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
    expect(existsSync(join(p.config, "settings.json"))).toBe(false);
    expect(existsSync(p.config)).toBe(true);
  });

  it("leaves a settings file that is not JSON untouched: exit 1, naming the line and column", async () => {
    const broken = '{\n  "permissions": {},\n  "hooks": {\n    "Stop": [],\n  }\n}\n';
    p.writeSettings(broken);
    const result = await p.run(["install", "--scope", "project"]);
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: `claude-session-guard: ${p.settingsPath()} is not valid JSON: line 5, column 3: a trailing comma before }. Left untouched: fix it by hand and run the command again.\n`,
    });
    expect(p.readSettings()).toBe(broken);
    expect((await p.run(["uninstall", "--scope", "project"])).code).toBe(1);
    expect(p.readSettings()).toBe(broken);
  });

  it("rejects an unknown scope with exit 2 and a one-line hint", async () => {
    const result = await p.run(["install", "--scope", "global"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "claude-session-guard: option '--scope <scope>' argument 'global' is invalid. Allowed choices are user, project, local. Run `claude-session-guard install --help` for usage.\n",
    );
  });

  it("exits 1 with a clear message when .claude cannot be created (a file is in the way)", async () => {
    writeFileSync(join(p.dir, ".claude"), "not a directory");
    const result = await p.run(["install", "--scope", "project"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^claude-session-guard: cannot create .*\/project\/\.claude: .*\n$/);
  });

  // Root passes every access() check, and a rename replaces even a read-only file: the mode bits
  // are what says the owner made it read-only, for root as for anyone.
  it("refuses a settings file with mode 444, whoever runs it (root included): exit 1, file untouched", async () => {
    const path = p.writeSettings(unrelated);
    chmodSync(path, 0o444);
    const before = p.readSettings();
    const result = await p.run(["install", "--scope", "project"]);
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: `claude-session-guard: ${path} is read-only (mode 444). Left untouched: make it writable (chmod u+w ${path}) and run the command again, or add the hooks by hand (see settings.example.json).\n`,
    });
    expect(p.readSettings()).toBe(before);
  });

  it("refuses a read-only .claude directory, naming the directory and no temp file", async () => {
    const path = p.writeSettings(unrelated);
    const dir = join(p.dir, ".claude");
    chmodSync(dir, 0o555);
    try {
      const result = await p.run(["install", "--scope", "project"]);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `claude-session-guard: the directory ${dir} is read-only (mode 555), and the settings file in it is replaced by writing a new file there. ` +
          `Left untouched: make it writable (chmod u+w ${dir}) and run the command again, or add the hooks by hand (see settings.example.json).\n`,
      );
      expect(readdirSync(dir)).toEqual(["settings.json"]);
      expect(JSON.parse(readFileSync(path, "utf8"))).toEqual(unrelated);
    } finally {
      chmodSync(dir, 0o755);
    }
  });
});

describe("uninstall", () => {
  it("removes old absolute-path and plugin-root variants, and only those", async () => {
    const settings = structuredClone(unrelated) as Record<string, any>;
    settings.hooks.PreToolUse.push({ matcher: "Edit|Write|MultiEdit|NotebookEdit|Bash", hooks: [{ type: "command", command: "/usr/lib/node_modules/claude-session-guard/bin/claude-session-guard.js pretooluse", timeout: 5 }] });
    settings.hooks.Stop = [{ hooks: [{ type: "command", command: 'node "${CLAUDE_PLUGIN_ROOT}/bin/claude-session-guard.js" stop' }] }];
    p.writeSettings(settings);
    const result = await p.run(["uninstall", "--scope", "project"]);
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n").filter((l) => l.startsWith("  - "))).toHaveLength(2);
    expect(JSON.parse(p.readSettings())).toEqual(unrelated);
  });

  it("drops the hooks key when nothing is left", async () => {
    p.writeSettings({ model: "opus", ...example });
    expect((await p.run(["uninstall", "--scope", "project"])).code).toBe(0);
    expect(JSON.parse(p.readSettings())).toEqual({ model: "opus" });
  });

  it("removes the settings file and the .claude directory install created, once nothing else is in them", async () => {
    expect((await p.run(["install", "--scope", "project"])).code).toBe(0);
    expect((await p.run(["install", "--scope", "local"])).code).toBe(0);
    const project = await p.run(["uninstall", "--scope", "project"]);
    expect(project.stdout).toContain(`Removed ${p.settingsPath()}: nothing else was in it.\n`);
    expect(readdirSync(join(p.dir, ".claude"))).toEqual(["settings.local.json"]);
    const local = await p.run(["uninstall", "--scope", "local"]);
    expect(local.stdout).toContain(`Removed the empty directory ${join(p.dir, ".claude")}.\n`);
    expect(existsSync(join(p.dir, ".claude"))).toBe(false);
  });
});
