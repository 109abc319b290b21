import * as fs from "node:fs";
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type GitRunner, globalExcludesFile, keepLocalSettingsOutOfGit } from "../../../src/settings/gitIgnore.js";

let root: string;
let home: string;
beforeEach(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), "csg-ignore-")));
  home = join(root, "home");
  mkdirSync(home);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A git that answers check-ignore, ls-files and config as told, and records what it was asked. */
function fakeGit(answers: { ignored?: boolean; tracked?: boolean; excludesFile?: string; repository?: boolean }) {
  const calls: Array<{ args: string[]; env: NodeJS.ProcessEnv }> = [];
  const git: GitRunner = (args, _cwd, env) => {
    calls.push({ args, env });
    if (answers.repository === false) return { code: 128, stdout: "" };
    if (args[0] === "check-ignore") return { code: answers.ignored ? 0 : 1, stdout: "" };
    if (args[0] === "ls-files") return { code: answers.tracked ? 0 : 1, stdout: "" };
    return answers.excludesFile === undefined ? { code: 1, stdout: "" } : { code: 0, stdout: `${answers.excludesFile}\n` };
  };
  return { git, calls };
}

const deps = (git: GitRunner, env: NodeJS.ProcessEnv = {}) => ({ git, fs, env: { HOME: home, ...env }, home });
const defaultFile = () => join(home, ".config", "git", "ignore");

describe("keepLocalSettingsOutOfGit", () => {
  it("appends the rule to ~/.config/git/ignore, creating it, when git does not ignore the file yet", () => {
    const { git } = fakeGit({});
    expect(keepLocalSettingsOutOfGit(root, deps(git), false)).toEqual({ kind: "added", file: defaultFile(), dryRun: false, tracked: false });
    expect(readFileSync(defaultFile(), "utf8")).toBe("**/.claude/settings.local.json\n");
  });

  it("keeps the rules already in the file, on a line of their own", () => {
    mkdirSync(join(home, ".config", "git"), { recursive: true });
    writeFileSync(defaultFile(), "*.swp\n.DS_Store");
    keepLocalSettingsOutOfGit(root, deps(fakeGit({}).git), false);
    expect(readFileSync(defaultFile(), "utf8")).toBe("*.swp\n.DS_Store\n**/.claude/settings.local.json\n");
  });

  it("writes nothing when git ignores the file already, or when the rule is there", () => {
    expect(keepLocalSettingsOutOfGit(root, deps(fakeGit({ ignored: true }).git), false)).toEqual({ kind: "ignored" });
    expect(fs.existsSync(defaultFile())).toBe(false);
    mkdirSync(join(home, ".config", "git"), { recursive: true });
    writeFileSync(defaultFile(), "**/.claude/settings.local.json\n");
    expect(keepLocalSettingsOutOfGit(root, deps(fakeGit({ tracked: true }).git), false)).toEqual({ kind: "tracked", file: defaultFile() });
    expect(readFileSync(defaultFile(), "utf8")).toBe("**/.claude/settings.local.json\n");
  });

  it("does nothing outside a git repository, and nothing in a dry run", () => {
    expect(keepLocalSettingsOutOfGit(root, deps(fakeGit({ repository: false }).git), false)).toEqual({ kind: "no-repository" });
    expect(keepLocalSettingsOutOfGit(root, deps(fakeGit({}).git), true)).toEqual({ kind: "added", file: defaultFile(), dryRun: true, tracked: false });
    expect(fs.existsSync(defaultFile())).toBe(false);
  });
});

describe("globalExcludesFile", () => {
  it("asks git for core.excludesFile the way Claude Code does, and expands ~", () => {
    const { git, calls } = fakeGit({ excludesFile: "~/my-ignores" });
    expect(globalExcludesFile(root, deps(git))).toBe(join(home, "my-ignores"));
    expect(calls[0]).toMatchObject({ args: ["--git-dir=/dev/null", "config", "--no-includes", "core.excludesfile"], env: { GIT_CONFIG_NOSYSTEM: "1" } });
    expect(globalExcludesFile(root, deps(fakeGit({ excludesFile: "/etc/ignores" }).git))).toBe("/etc/ignores");
  });

  it("falls back to $XDG_CONFIG_HOME/git/ignore, then ~/.config/git/ignore", () => {
    expect(globalExcludesFile(root, deps(fakeGit({}).git, { XDG_CONFIG_HOME: "/xdg" }))).toBe("/xdg/git/ignore");
    expect(globalExcludesFile(root, deps(fakeGit({}).git, { XDG_CONFIG_HOME: "relative" }))).toBe(defaultFile());
  });
});
