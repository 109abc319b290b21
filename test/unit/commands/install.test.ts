import * as fs from "node:fs";
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UserError } from "../../../src/errors.js";
import { installCommand, launcher, settingsPathFor, uninstallCommand } from "../../../src/commands/install.js";
import { type Fake, fakeDeps } from "./fakeDeps.js";

let deps: Fake;
let writes: string[];
beforeEach(() => {
  writes = [];
  deps = fakeDeps({
    writeFileAtomic: (path, data) => {
      writes.push(path);
      fs.writeFileSync(path, data);
    },
  });
});
afterEach(() => deps.cleanup());

const projectFile = () => join(deps.workspace, ".claude", "settings.json");
const read = (path = projectFile()) => readFileSync(path, "utf8");

function putOnPath() {
  const bin = join(deps.root, "bin");
  mkdirSync(bin);
  writeFileSync(join(bin, "claude-session-guard"), "#!/bin/sh\n");
  chmodSync(join(bin, "claude-session-guard"), 0o755);
  deps.env = { ...deps.env, PATH: `${bin}:/usr/bin` };
}

describe("settingsPathFor", () => {
  it("puts project and local settings under the workspace root, even from a subdirectory", () => {
    mkdirSync(join(deps.workspace, "a", "b"), { recursive: true });
    deps.cwd = join(deps.workspace, "a", "b");
    expect(settingsPathFor("project", deps)).toBe(join(deps.workspace, ".claude", "settings.json"));
    expect(settingsPathFor("local", deps)).toBe(join(deps.workspace, ".claude", "settings.local.json"));
    expect(settingsPathFor("user", deps)).toBe(join(deps.env.CLAUDE_CONFIG_DIR!, "settings.json"));
  });
});

describe("launcher: the command install writes", () => {
  it("is the bare name when a shell finds claude-session-guard on PATH", () => {
    putOnPath();
    expect(launcher(deps)).toEqual({ prefix: "claude-session-guard", onPath: true });
  });

  it("is the real path of the running bin otherwise, quoted when it has spaces", () => {
    const dir = join(deps.root, "my tools");
    mkdirSync(dir);
    writeFileSync(join(dir, "claude-session-guard.js"), "");
    symlinkSync(join(dir, "claude-session-guard.js"), join(deps.root, "link.js"));
    deps.argv1 = join(deps.root, "link.js");
    expect(launcher(deps)).toEqual({ prefix: `'${dir}/claude-session-guard.js'`, onPath: false });
  });

  it("is never a path into npx's cache", () => {
    deps.argv1 = "/root/.npm/_npx/1a2b/node_modules/claude-session-guard/bin/claude-session-guard.js";
    expect(() => launcher(deps)).toThrow(UserError);
  });
});

const userFile = () => join(deps.env.CLAUDE_CONFIG_DIR!, "settings.json");
const localFile = () => join(deps.workspace, ".claude", "settings.local.json");
const added = [
  "  + PreToolUse: claude-session-guard pretooluse",
  "  + PostToolUse: claude-session-guard posttooluse",
  "  + PostToolUseFailure: claude-session-guard posttooluse",
  "  + Stop: claude-session-guard stop",
  "  + StopFailure: claude-session-guard stop",
  "  + SessionEnd: claude-session-guard stop",
  "  + SessionStart: claude-session-guard sessionstart",
];
const KEEP = "Sessions already running keep the hooks they started with; new sessions pick up the change.";
const unguardedProject = (root: string, here: string | null) =>
  `Not guarded with --scope project: sessions started in a subdirectory of ${root}${here === null ? "" : ` (such as ${here})`}, ` +
  `because Claude Code reads ${root}/.claude/settings.json only for sessions started in ${root}; ` +
  `and sessions started elsewhere that change ${root} through --add-dir, because Claude Code never loads hooks from added directories. ` +
  "claude-session-guard install (user scope, the default) guards every session.";

describe("installCommand", () => {
  it("writes the user's settings by default, with the example's entries, atomically, and leaves no session out", async () => {
    putOnPath();
    const result = await installCommand({}, deps);
    expect(result.stdout).toBe([`Installed the guard's hooks in ${userFile()}:`, ...added, KEEP, ""].join("\n"));
    expect(JSON.parse(read(userFile()))).toEqual(JSON.parse(readFileSync(join(import.meta.dirname, "../../../settings.example.json"), "utf8")));
    expect(writes).toEqual([userFile()]);
    expect(fs.existsSync(join(deps.workspace, ".claude"))).toBe(false);
  });

  it("changes nothing the second time and says so, without writing", async () => {
    putOnPath();
    await installCommand({}, deps);
    writes = [];
    expect((await installCommand({}, deps)).stdout).toBe(`Nothing to change: the guard's hooks are already installed in ${userFile()}.\n`);
    expect(writes).toEqual([]);
  });

  it("keeps the file's indentation, other keys and hooks", async () => {
    putOnPath();
    mkdirSync(join(deps.workspace, ".claude"));
    writeFileSync(projectFile(), '{\n\t"model": "opus",\n\t"hooks": {\n\t\t"Stop": [{"hooks": [{"type": "command", "command": "say done"}]}]\n\t}\n}\n');
    await installCommand({ scope: "project" }, deps);
    const text = read();
    expect(text.startsWith('{\n\t"model": "opus",\n\t"hooks": {\n\t\t"Stop": [\n\t\t\t{\n')).toBe(true);
    expect(JSON.parse(text).hooks.Stop).toEqual([
      { hooks: [{ type: "command", command: "say done" }] },
      { hooks: [{ type: "command", command: "claude-session-guard stop", timeout: 5 }] },
    ]);
  });

  it("--dry-run prints the changes and writes nothing", async () => {
    const result = await installCommand({ dryRun: true }, deps);
    expect(result.stdout).toMatch(/^Would change .*settings\.json:\n {2}\+ PreToolUse: /);
    expect(result.stdout).toMatch(/Dry run: nothing was written\.\n$/);
    expect(fs.existsSync(userFile())).toBe(false);
  });

  it("leaves a file that is not JSON untouched and names the line and column", async () => {
    mkdirSync(join(deps.workspace, ".claude"));
    const broken = '{\n  "model": "opus"\n  "hooks": {}\n}\n';
    writeFileSync(projectFile(), broken);
    await expect(installCommand({ scope: "project" }, deps)).rejects.toThrow(`${projectFile()} is not valid JSON: line 3, column 3: expected "," or "}"`);
    expect(read()).toBe(broken);
  });

  it("refuses a file this user cannot write even where a rename would replace it", async () => {
    mkdirSync(join(deps.workspace, ".claude"));
    writeFileSync(projectFile(), "{}\n");
    deps.fs = {
      ...fs,
      accessSync: () => {
        throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
      },
    };
    const error = await installCommand({ scope: "project" }, deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(1);
    expect((error as UserError).message).toContain(`${projectFile()} is read-only (EACCES). Left untouched: make it writable`);
    expect(writes).toEqual([]);
  });

  it("refuses a file its owner made read-only (mode 444) even when access() allows writing it, as it does for root", async () => {
    mkdirSync(join(deps.workspace, ".claude"));
    writeFileSync(projectFile(), "{}\n");
    chmodSync(projectFile(), 0o444);
    deps.fs = { ...fs, accessSync: () => {} };
    await expect(installCommand({ scope: "project" }, deps)).rejects.toThrow(
      `${projectFile()} is read-only (mode 444). Left untouched: make it writable (chmod u+w ${projectFile()}) and run the command again, or add the hooks by hand (see settings.example.json).`,
    );
    expect(writes).toEqual([]);
    expect(read()).toBe("{}\n");
  });

  it("refuses a .claude directory its owner made read-only, naming the directory", async () => {
    const dir = join(deps.workspace, ".claude");
    mkdirSync(dir);
    writeFileSync(projectFile(), "{}\n");
    chmodSync(dir, 0o555);
    try {
      await expect(installCommand({ scope: "project" }, deps)).rejects.toThrow(
        `the directory ${dir} is read-only (mode 555), and the settings file in it is replaced by writing a new file there. Left untouched: make it writable (chmod u+w ${dir})`,
      );
      expect(writes).toEqual([]);
    } finally {
      chmodSync(dir, 0o755);
    }
  });

  it("names the directory, never the temp file, when writing into it is refused", async () => {
    const dir = join(deps.workspace, ".claude");
    deps.writeFileAtomic = (path) => {
      throw Object.assign(new Error(`EACCES: permission denied, open '${path}.3829328'`), { code: "EACCES" });
    };
    const error = (await installCommand({ scope: "project" }, deps).catch((e: unknown) => e)) as UserError;
    expect(error.message).toBe(
      `the directory ${dir} is read-only (EACCES), and the settings file in it is replaced by writing a new file there. ` +
        `Left untouched: make it writable (chmod u+w ${dir}) and run the command again, or add the hooks by hand (see settings.example.json).`,
    );
  });

  it("rejects an unknown scope as a usage error", async () => {
    await expect(installCommand({ scope: "global" }, deps)).rejects.toEqual(new UserError('unknown scope "global": use user, project or local', 2));
  });

  it("--scope project says which sessions it leaves unguarded, naming the subdirectory it was run from", async () => {
    putOnPath();
    const atRoot = (await installCommand({ scope: "project" }, deps)).stdout;
    expect(atRoot).toBe([`Installed the guard's hooks in ${projectFile()}:`, ...added, unguardedProject(deps.workspace, null), KEEP, ""].join("\n"));
    mkdirSync(join(deps.workspace, "pkg"));
    deps.cwd = join(deps.workspace, "pkg");
    expect((await installCommand({ scope: "project" }, deps)).stdout).toBe(
      `Nothing to change: the guard's hooks are already installed in ${projectFile()}.\n${unguardedProject(deps.workspace, join(deps.workspace, "pkg"))}\n`,
    );
  });

  it("--scope local in a repository's main checkout leaves out only sessions started outside it", async () => {
    putOnPath();
    const out = (await installCommand({ scope: "local" }, deps)).stdout;
    expect(out).toContain(
      `Not guarded with --scope local: sessions started outside ${deps.workspace} and its git worktrees that change it through --add-dir, ` +
        `because Claude Code never loads hooks from added directories (sessions started anywhere in the repository read ${localFile()}). `,
    );
  });

  it("--scope local in a linked worktree leaves out its subdirectories, whose sessions read the main checkout's file instead", async () => {
    putOnPath();
    const main = join(deps.root, "main");
    mkdirSync(join(main, ".git", "worktrees", "wt"), { recursive: true });
    writeFileSync(join(main, ".git", "worktrees", "wt", "commondir"), "../..\n");
    const wt = join(deps.root, "wt");
    mkdirSync(wt);
    writeFileSync(join(wt, ".git"), `gitdir: ${join(main, ".git", "worktrees", "wt")}\n`);
    deps.cwd = wt;
    expect((await installCommand({ scope: "local" }, deps)).stdout).toContain(
      `Not guarded with --scope local: sessions started in a subdirectory of ${wt}, because Claude Code reads ${wt}/.claude/settings.local.json only for sessions started in ${wt}; `,
    );
  });

  it("--scope local keeps the file out of git the way Claude Code does, and says so", async () => {
    putOnPath();
    const calls: string[][] = [];
    deps.git = (args) => {
      calls.push(args);
      if (args[0] === "check-ignore") return { code: 1, stdout: "" };
      if (args[0] === "ls-files") return { code: 1, stdout: "" };
      return { code: 1, stdout: "" };
    };
    const ignore = join(deps.env.HOME!, ".config", "git", "ignore");
    const out = (await installCommand({ scope: "local" }, deps)).stdout;
    expect(out).toContain(
      `Kept .claude/settings.local.json out of git: added the rule **/.claude/settings.local.json to ${ignore}, git's global excludes file, as Claude Code does when it writes that file.\n`,
    );
    expect(read(ignore)).toBe("**/.claude/settings.local.json\n");
    expect(calls[0]).toEqual(["check-ignore", "-q", "--", ".claude/settings.local.json"]);
  });
});

describe("uninstallCommand", () => {
  it("removes what install added, leaving the file as it was before", async () => {
    putOnPath();
    mkdirSync(join(deps.workspace, ".claude"));
    const before = '{\n    "env": {\n        "A": "1"\n    }\n}\n';
    writeFileSync(projectFile(), before);
    await installCommand({ scope: "project" }, deps);
    const result = await uninstallCommand({ scope: "project" }, deps);
    expect(result.stdout).toMatch(/^Removed the guard's hooks from .*\n {2}- PreToolUse: claude-session-guard pretooluse\n/);
    expect(read()).toBe(before);
    expect((await uninstallCommand({ scope: "project" }, deps)).stdout).toBe(`Nothing to change: ${projectFile()} has no guard hooks.\n`);
  });

  it("removes a file that held only the guard's hooks, and the .claude directory that leaves empty", async () => {
    putOnPath();
    await installCommand({ scope: "project" }, deps);
    const dir = join(deps.workspace, ".claude");
    const result = await uninstallCommand({ scope: "project" }, deps);
    expect(result.stdout).toBe(
      [`Removed the guard's hooks from ${projectFile()}:`, ...added.map((l) => l.replace("+", "-")), `Removed ${projectFile()}: nothing else was in it.`, `Removed the empty directory ${dir}.`, KEEP, ""].join(
        "\n",
      ),
    );
    expect(fs.existsSync(dir)).toBe(false);
  });

  it("keeps a .claude directory that holds anything else", async () => {
    putOnPath();
    await installCommand({ scope: "project" }, deps);
    writeFileSync(join(deps.workspace, ".claude", "notes.md"), "mine\n");
    const result = await uninstallCommand({ scope: "project" }, deps);
    expect(result.stdout).not.toContain("empty directory");
    expect(fs.existsSync(projectFile())).toBe(false);
    expect(read(join(deps.workspace, ".claude", "notes.md"))).toBe("mine\n");
  });

  it("says what it would remove in a dry run, and removes nothing", async () => {
    putOnPath();
    await installCommand({ scope: "project" }, deps);
    const result = await uninstallCommand({ scope: "project", dryRun: true }, deps);
    expect(result.stdout).toContain(`Would remove ${projectFile()}: nothing else is in it.\nDry run: nothing was written.\n`);
    expect(fs.existsSync(projectFile())).toBe(true);
  });

  it("works on the user scope, removing a file left empty but never the config directory", async () => {
    await installCommand({}, deps);
    expect(JSON.parse(read(userFile())).hooks.Stop).toHaveLength(1);
    const result = await uninstallCommand({}, deps);
    expect(result.stdout).toContain(`Removed ${userFile()}: nothing else was in it.\n`);
    expect(fs.existsSync(userFile())).toBe(false);
    expect(fs.existsSync(deps.env.CLAUDE_CONFIG_DIR!)).toBe(true);
  });
});
