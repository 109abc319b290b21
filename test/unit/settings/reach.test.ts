import * as fs from "node:fs";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { canonicalRoot, localSettingsPaths, reachOf } from "../../../src/settings/reach.js";

let root: string;
const uid = process.getuid?.() ?? 0;
const context = () => ({ fs, uid, home: join(root, "home") });

beforeEach(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), "csg-reach-")));
  mkdirSync(join(root, "home"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A main checkout at `main` with a linked worktree at `wt`, laid out as git lays them out. */
function repoWithWorktree() {
  const main = join(root, "main");
  mkdirSync(join(main, ".git", "worktrees", "wt"), { recursive: true });
  writeFileSync(join(main, ".git", "worktrees", "wt", "commondir"), "../..\n");
  mkdirSync(join(main, "pkg", "api"), { recursive: true });
  const wt = join(root, "wt");
  mkdirSync(join(wt, "src"), { recursive: true });
  writeFileSync(join(wt, ".git"), `gitdir: ${join(main, ".git", "worktrees", "wt")}\n`);
  return { main, wt };
}

describe("canonicalRoot", () => {
  it("is the main checkout for its subdirectories and for its linked worktrees", () => {
    const { main, wt } = repoWithWorktree();
    expect(canonicalRoot(join(main, "pkg", "api"), context())).toBe(main);
    expect(canonicalRoot(main, context())).toBe(main);
    expect(canonicalRoot(join(wt, "src"), context())).toBe(main);
  });

  it("is null outside git, for a repository at the home directory, and for one this user does not own", () => {
    const { main } = repoWithWorktree();
    mkdirSync(join(root, "plain"));
    expect(canonicalRoot(join(root, "plain"), context())).toBeNull();
    mkdirSync(join(root, "home", ".git"));
    mkdirSync(join(root, "home", "notes"));
    expect(canonicalRoot(join(root, "home", "notes"), context())).toBeNull();
    expect(canonicalRoot(main, { ...context(), uid: uid + 1 })).toBeNull();
    expect(canonicalRoot(main, { ...context(), uid: undefined })).toBeNull();
  });
});

describe("localSettingsPaths", () => {
  it("reads the start directory's file and the main checkout's, as Claude Code 2.1.331 does", () => {
    const { main, wt } = repoWithWorktree();
    expect(localSettingsPaths(join(main, "pkg"), context())).toEqual([join(main, "pkg", ".claude", "settings.local.json"), join(main, ".claude", "settings.local.json")]);
    expect(localSettingsPaths(main, context())).toEqual([join(main, ".claude", "settings.local.json")]);
    expect(localSettingsPaths(wt, context())).toEqual([join(wt, ".claude", "settings.local.json"), join(main, ".claude", "settings.local.json")]);
  });
});

describe("reachOf", () => {
  it("user settings reach every session; project settings only sessions started at their root", () => {
    const { main } = repoWithWorktree();
    expect(reachOf("user", "", context())).toEqual({ kind: "every" });
    expect(reachOf("project", main, context())).toEqual({ kind: "start-only", root: main });
  });

  it("local settings reach the whole repository from its main checkout, and only the start directory elsewhere", () => {
    const { main, wt } = repoWithWorktree();
    mkdirSync(join(root, "plain"));
    expect(reachOf("local", main, context())).toEqual({ kind: "repository", root: main });
    expect(reachOf("local", wt, context())).toEqual({ kind: "start-only", root: wt });
    expect(reachOf("local", join(root, "plain"), context())).toEqual({ kind: "start-only", root: join(root, "plain") });
  });
});
