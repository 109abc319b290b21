import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { WorkspaceError } from "../../../src/errors.js";
import { resolveWorkspace, workspaceKey } from "../../../src/host/workspace.js";

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

  it("prefers CLAUDE_PROJECT_DIR over the payload's cwd", () => {
    expect(resolveWorkspace({ CLAUDE_PROJECT_DIR: plain }, join(repo, "src")).path).toBe(plain);
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
