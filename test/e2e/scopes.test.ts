// Which sessions each `install` scope guards, and how often a hook registered in several places
// runs, against the real Claude Code (2.1.331): sessions started with no --settings, so they load
// exactly the files Claude Code finds itself, after `claude-session-guard install` wrote them.
// What `install` and `doctor` say about scopes and duplicates rests on these runs.
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, inject, it, type TestContext } from "vitest";
import { write } from "./support/fakeApi.mjs";
import { createSandbox, GUARD_BIN, type Sandbox } from "./support/session.mjs";

const claudeBin = inject("claudeBin");

function sandbox(onTestFinished: TestContext["onTestFinished"]): Sandbox {
  if (claudeBin === null) throw new Error("unreachable: the suite is skipped without Claude Code");
  const box = createSandbox(claudeBin, "csg-e2e-scopes-");
  onTestFinished(() => box.cleanup());
  return box;
}

/** The environment both Claude Code's hooks and the operator commands see in this sandbox. */
const stateOf = (box: Sandbox) => join(box.root, "state");
const operatorEnv = (box: Sandbox) => ({ PATH: `${box.pathDir}:${process.env.PATH}`, HOME: box.home, XDG_STATE_HOME: stateOf(box) });

function guard(box: Sandbox, args: string[], cwd: string): string {
  return execFileSync(process.execPath, [GUARD_BIN, ...args], { cwd, env: operatorEnv(box), encoding: "utf8" });
}

/** The workspaces a session's calls locked, from the decisions log: where the guard ran for it. */
function acquiredBy(box: Sandbox, sessionId: string): string[] {
  const log = join(stateOf(box), "claude-session-guard", "decisions.jsonl");
  if (!existsSync(log)) return [];
  return readFileSync(log, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line))
    .filter((e) => e.outcome === "acquire" && e.session === sessionId)
    .map((e) => e.workspace);
}

/** One Write to `target` by a session started in `cwd`, loading only the settings Claude Code finds. */
async function writeFrom(box: Sandbox, cwd: string, target: string, args: string[] = []) {
  const run = await box.runSession({ cwd, settingsPath: null, script: [write(target, "x\n")], args, env: { XDG_STATE_HOME: stateOf(box) } });
  if (run.exitCode !== 0 || !existsSync(target)) throw new Error(`the session did not write ${target}: ${run.stderr}`);
  return run.result.session_id as string;
}

describe.skipIf(claudeBin === null).concurrent("install scopes under Claude Code", () => {
  it("install (user scope, the default) guards a session started in a subdirectory, and one that changes the repository through --add-dir", async ({
    expect,
    onTestFinished,
  }) => {
    const box = sandbox(onTestFinished);
    const repo = box.gitRepo("repo");
    const api = box.dir("repo", "packages", "api");
    const elsewhere = box.dir("elsewhere");
    guard(box, ["install"], repo);
    expect(acquiredBy(box, await writeFrom(box, api, join(api, "a.txt")))).toEqual([repo]);
    expect(acquiredBy(box, await writeFrom(box, elsewhere, join(repo, "b.txt"), ["--add-dir", repo]))).toEqual([repo]);
  });

  it("install --scope project leaves out a session started in a subdirectory and one using --add-dir, as its note says", async ({ expect, onTestFinished }) => {
    const box = sandbox(onTestFinished);
    const repo = box.gitRepo("repo");
    const api = box.dir("repo", "packages", "api");
    const elsewhere = box.dir("elsewhere");
    expect(guard(box, ["install", "--scope", "project"], repo)).toContain(`Not guarded with --scope project: sessions started in a subdirectory of ${repo}`);
    expect(acquiredBy(box, await writeFrom(box, repo, join(repo, "root.txt")))).toEqual([repo]);
    expect(acquiredBy(box, await writeFrom(box, api, join(api, "a.txt")))).toEqual([]);
    expect(acquiredBy(box, await writeFrom(box, elsewhere, join(repo, "b.txt"), ["--add-dir", repo]))).toEqual([]);
  });

  it("install --scope local reaches subdirectories and linked worktrees of the repository, but not --add-dir", async ({ expect, onTestFinished }) => {
    const box = sandbox(onTestFinished);
    const repo = box.gitRepo("repo");
    const api = box.dir("repo", "packages", "api");
    const worktree = box.worktree(repo, "wt");
    const elsewhere = box.dir("elsewhere");
    expect(guard(box, ["install", "--scope", "local"], repo)).toContain(`Not guarded with --scope local: sessions started outside ${repo} and its git worktrees`);
    expect(acquiredBy(box, await writeFrom(box, api, join(api, "a.txt")))).toEqual([repo]);
    expect(acquiredBy(box, await writeFrom(box, worktree, join(worktree, "w.txt")))).toEqual([worktree]);
    expect(acquiredBy(box, await writeFrom(box, elsewhere, join(repo, "b.txt"), ["--add-dir", repo]))).toEqual([]);
  });
});

describe.skipIf(claudeBin === null).concurrent("the same hook in several places, under Claude Code", () => {
  /**
   * A `claude-session-guard` on PATH that notes each run, then runs the guard: counts how often
   * Claude Code ran a hook for one call, whatever path the settings name it by.
   */
  function countingGuard(box: Sandbox): { wrapper: string; runs: (subcommand: string) => number } {
    const wrapper = join(box.pathDir, "claude-session-guard");
    const count = join(box.root, "runs.txt");
    rmSync(wrapper);
    writeFileSync(wrapper, `#!/bin/sh\necho "$1" >> '${count}'\nexec '${process.execPath}' '${GUARD_BIN}' "$@"\n`);
    chmodSync(wrapper, 0o755);
    return {
      wrapper,
      runs: (subcommand) => (existsSync(count) ? readFileSync(count, "utf8").split("\n").filter((l) => l === subcommand).length : 0),
    };
  }

  const duplicates = (box: Sandbox, cwd: string) =>
    JSON.parse(guard(box, ["doctor", "--json"], cwd)).checks.find((c: { id: string }) => c.id === "duplicates") as { status: string; message: string };

  it("runs one command string once, from user, project and local settings alike, and doctor passes it", async ({ expect, onTestFinished }) => {
    const box = sandbox(onTestFinished);
    const repo = box.gitRepo("repo");
    const counter = countingGuard(box);
    for (const scope of ["user", "project", "local"]) guard(box, ["install", "--scope", scope], repo);
    await writeFrom(box, repo, join(repo, "a.txt"));
    expect(counter.runs("pretooluse")).toBe(1);
    expect(duplicates(box, repo).status).toBe("pass");
  });

  it("runs the bare name and a path to the same program twice, and doctor warns about it", async ({ expect, onTestFinished }) => {
    const box = sandbox(onTestFinished);
    const repo = box.gitRepo("repo");
    const counter = countingGuard(box);
    guard(box, ["install"], repo);
    mkdirSync(join(repo, ".claude"));
    const example = readFileSync(join(GUARD_BIN, "..", "..", "settings.example.json"), "utf8");
    writeFileSync(join(repo, ".claude", "settings.json"), example.replaceAll('"claude-session-guard ', `"${counter.wrapper} `));
    await writeFrom(box, repo, join(repo, "a.txt"));
    expect(counter.runs("pretooluse")).toBe(2);
    expect(duplicates(box, repo)).toMatchObject({ status: "warn", message: expect.stringContaining("PreToolUse pretooluse runs 2 times") });
  });
});
