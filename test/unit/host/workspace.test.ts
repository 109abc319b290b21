import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { WorkspaceError } from "../../../src/errors.js";
import { resolveWorkspace, workspaceKey, workspaceOfTarget } from "../../../src/host/workspace.js";

const root = realpathSync(mkdtempSync(join(tmpdir(), "csg-ws-")));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const repo = join(root, "repo");
mkdirSync(join(repo, ".git"), { recursive: true });
mkdirSync(join(repo, "src", "deep"), { recursive: true });
const worktree = join(root, "wt");
mkdirSync(worktree);
writeFileSync(join(worktree, ".git"), "gitdir: ../repo/.git/worktrees/wt\n");
const plain = join(root, "plain", "dir");
mkdirSync(plain, { recursive: true });
symlinkSync(join(repo, "src"), join(root, "link"));

describe("resolveWorkspace", () => {
  it("hashes the path with MD5 and keeps 12 hex chars", () => {
    expect(workspaceKey("/tmp/ws")).toBe("59fa73ff390f");
  });

  it("climbs from a subdirectory to the directory holding .git", () => {
    expect(resolveWorkspace({}, join(repo, "src", "deep")).path).toBe(repo);
  });

  it("treats a linked worktree (a .git file) as its own workspace", () => {
    expect(resolveWorkspace({}, worktree).path).toBe(worktree);
  });

  it("resolves symlinks before climbing", () => {
    expect(resolveWorkspace({}, join(root, "link")).path).toBe(repo);
  });

  it("uses the start directory itself outside any repository", () => {
    expect(resolveWorkspace({}, plain).path).toBe(plain);
  });

  it("takes the payload's cwd over CLAUDE_PROJECT_DIR, which stays at the start directory", () => {
    expect(resolveWorkspace({ CLAUDE_PROJECT_DIR: plain }, join(repo, "src")).path).toBe(repo);
  });

  it("falls back to CLAUDE_PROJECT_DIR when the payload has no cwd", () => {
    expect(resolveWorkspace({ CLAUDE_PROJECT_DIR: plain }, null).path).toBe(plain);
  });

  it("takes CLAUDE_SESSION_GUARD_WORKSPACE as the workspace, without climbing", () => {
    expect(resolveWorkspace({ CLAUDE_SESSION_GUARD_WORKSPACE: join(repo, "src") }, plain).path).toBe(join(repo, "src"));
  });

  it("hashes CLAUDE_SESSION_GUARD_WORKSPACE_ID instead of the path", () => {
    const ws = resolveWorkspace({ CLAUDE_SESSION_GUARD_WORKSPACE_ID: "team/app" }, repo);
    expect(ws).toEqual({ path: repo, key: workspaceKey("team/app") });
  });

  it("fails with a WorkspaceError when the directory does not exist", () => {
    expect(() => resolveWorkspace({}, join(root, "missing"))).toThrow(WorkspaceError);
  });

  it("fails with a WorkspaceError when there is no cwd at all", () => {
    expect(() => resolveWorkspace({}, null)).toThrow(/no cwd/);
  });
});

describe("workspaceOfTarget", () => {
  const other = join(root, "other");
  mkdirSync(join(other, ".git"), { recursive: true });
  writeFileSync(join(other, "exists.txt"), "x");
  symlinkSync(join(other, "exists.txt"), join(repo, "into-other.txt"));

  it("is the repository of the file a call changes, not of the cwd", () => {
    expect(workspaceOfTarget({}, join(other, "exists.txt"), repo).path).toBe(other);
  });

  it("resolves a path that does not exist yet through its nearest existing ancestor", () => {
    expect(workspaceOfTarget({}, join(other, "new", "dir", "file.ts"), repo).path).toBe(other);
  });

  it("takes a relative path against the cwd", () => {
    expect(workspaceOfTarget({}, "../other/new.txt", repo).path).toBe(other);
    expect(workspaceOfTarget({}, "src/new.txt", repo).path).toBe(repo);
  });

  it("follows symlinks to where the write lands", () => {
    expect(workspaceOfTarget({}, join(repo, "into-other.txt"), repo).path).toBe(other);
  });

  it("counts a target inside no repository as the workspace of the cwd", () => {
    expect(workspaceOfTarget({}, join(plain, "scratch.txt"), join(repo, "src")).path).toBe(repo);
    expect(workspaceOfTarget({}, "/nonexistent-root-dir/x/y.txt", join(repo, "src")).path).toBe(repo);
  });

  it("is the linked worktree itself for a file inside it", () => {
    expect(workspaceOfTarget({}, join(worktree, "a.txt"), repo).path).toBe(worktree);
  });

  it("still yields to CLAUDE_SESSION_GUARD_WORKSPACE", () => {
    expect(workspaceOfTarget({ CLAUDE_SESSION_GUARD_WORKSPACE: plain }, join(other, "exists.txt"), repo).path).toBe(plain);
  });
});
