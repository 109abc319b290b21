import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clearCommand } from "../../../src/commands/clear.js";
import type { OperatorStore } from "../../../src/commands/deps.js";
import { UserError } from "../../../src/errors.js";
import { runtimeDir } from "../../../src/host/paths.js";
import { workspaceKey } from "../../../src/host/workspace.js";
import { fileStore } from "../../../src/lock/fileStore.js";
import { type Fake, fakeDeps, NOW, writeLock } from "./fakeDeps.js";

let deps: Fake;
beforeEach(() => {
  deps = fakeDeps();
});
afterEach(() => deps.cleanup());

const record = (session: string, over: Record<string, unknown> = {}) => ({
  schema_version: 1,
  session_id: session,
  pid: 4242,
  acquired_at: NOW - 12_000,
  ttl_ms: 300_000,
  ...over,
});

const locks = () => {
  try {
    return readdirSync(runtimeDir(deps.env)).filter((n) => /^session-lock-\w{12}\.json$/.test(n)).sort();
  } catch {
    return [];
  }
};

describe("clearCommand", () => {
  it("removes the current workspace's lock and names the live session that held it", async () => {
    const key = workspaceKey(deps.workspace);
    writeLock(deps, key, record("aaaaaaaa-1111", { workspace: deps.workspace, generation: 7 }));
    const result = await clearCommand({}, deps);
    expect(result.stdout).toBe(
      `Removed the lock of ${deps.workspace}: it was held by session aaaaaaaa (pid 4242), last active 12s ago, a live session. ` +
        "If it is still working it takes the lock again on its next tool call, unless another session gets there first.\n",
    );
    expect(locks()).toEqual([]);
    expect(deps.logged).toEqual([
      expect.objectContaining({ event: "clear", outcome: "clear", workspace: deps.workspace, state: "held", holder: expect.objectContaining({ session_id: "aaaaaaaa-1111" }) }),
    ]);
    // The holder is told on its next call that an operator cleared its lock.
    const notice = await fileStore(runtimeDir(deps.env)).takeNotice(key, "aaaaaaaa-1111");
    expect(notice).toEqual({ by: null, at: NOW, reason: "cleared", generation: 7 });
  });

  it("finds the lock of the exact workspace path the deny message printed, even if that directory is gone", async () => {
    const gone = join(deps.root, "deleted-worktree");
    writeLock(deps, workspaceKey(gone), record("aaaaaaaa-1111", { workspace: gone }));
    expect((await clearCommand({ workspace: gone }, deps)).stdout).toContain(`Removed the lock of ${gone}`);
    expect(locks()).toEqual([]);
  });

  it("resolves --workspace given as a subdirectory to its repository, as a hook would", async () => {
    mkdirSync(join(deps.workspace, "src"));
    writeLock(deps, workspaceKey(deps.workspace), record("aaaaaaaa-1111"));
    expect((await clearCommand({ workspace: "src" }, deps)).stdout).toContain(`Removed the lock of ${deps.workspace}`);
  });

  it("says there is nothing to clear, and logs nothing", async () => {
    expect(await clearCommand({}, deps)).toEqual({ exitCode: 0, stdout: `No lock on ${deps.workspace}: nothing to clear.\n` });
    expect(deps.logged).toEqual([]);
  });

  it("--stale removes stale, dead and corrupt locks, keeps held ones, and sweeps old leftovers", async () => {
    writeLock(deps, "aaaaaaaaaaaa", record("held-1111"));
    writeLock(deps, "bbbbbbbbbbbb", record("stale-2222", { acquired_at: NOW - 301_000 }));
    const corrupt = writeLock(deps, "cccccccccccc", "");
    const leftover = `${corrupt}.99.x.tmp`;
    writeFileSync(leftover, "{}");
    // A leftover is judged by its ctime, which cannot be set back: a store clock two minutes
    // ahead makes it old enough.
    deps.openStore = () => fileStore(runtimeDir(deps.env), { now: () => Date.now() + 120_000 });
    const { stdout } = await clearCommand({ stale: true }, deps);
    expect(stdout.split("\n").filter(Boolean)).toEqual([
      expect.stringMatching(/^Removed the expired lock of workspace not recorded, lock file .*bbbbbbbbbbbb\.json \(session stale-22 \(pid 4242\)/),
      expect.stringMatching(/^Removed the unreadable lock file .*cccccccccccc\.json \(empty file\)\.$/),
      `Removed the leftover file ${leftover}.`,
    ]);
    expect(existsSync(leftover)).toBe(false);
    expect(locks()).toEqual(["session-lock-aaaaaaaaaaaa.json"]);
  });

  it("--all removes every lock, live ones included", async () => {
    writeLock(deps, "aaaaaaaaaaaa", record("held-1111"));
    writeLock(deps, "bbbbbbbbbbbb", record("held-2222"));
    expect((await clearCommand({ all: true }, deps)).stdout.split("\n").filter(Boolean)).toHaveLength(2);
    expect(locks()).toEqual([]);
  });

  it("never removes a lock that was replaced after it was judged stale: it reads again and judges again", async () => {
    const key = "aaaaaaaaaaaa";
    writeLock(deps, key, record("stale-1111", { acquired_at: NOW - 400_000 }));
    const real = fileStore(runtimeDir(deps.env), { now: () => NOW });
    let raced = false;
    const racing: OperatorStore = {
      ...real,
      async remove(k, version) {
        if (!raced) {
          raced = true;
          // Another session takes over between clear's read and its remove.
          const snap = await real.read(k);
          await real.replace(k, snap.version!, record("fresh-2222", { acquired_at: NOW }));
        }
        return real.remove(k, version);
      },
    };
    deps.openStore = () => racing;
    expect(await clearCommand({ stale: true }, deps)).toEqual({ exitCode: 0, stdout: "No stale, dead or corrupt locks: nothing to clear.\n" });
    expect(JSON.parse(readFileSync(join(runtimeDir(deps.env), `session-lock-${key}.json`), "utf8")).session_id).toBe("fresh-2222");
  });

  it("reports the holder it actually removed when the lock changed hands meanwhile", async () => {
    const key = workspaceKey(deps.workspace);
    writeLock(deps, key, record("first-1111"));
    const real = fileStore(runtimeDir(deps.env), { now: () => NOW });
    let raced = false;
    deps.openStore = () => ({
      ...real,
      async remove(k, version) {
        if (!raced) {
          raced = true;
          const snap = await real.read(k);
          await real.replace(k, snap.version!, record("second-2222"));
        }
        return real.remove(k, version);
      },
    });
    expect((await clearCommand({}, deps)).stdout).toContain("session second-2 (pid 4242)");
  });

  it("refuses a lock path that is a directory, saying what to remove by hand", async () => {
    const path = join(runtimeDir(deps.env), `session-lock-${workspaceKey(deps.workspace)}.json`);
    mkdirSync(path, { recursive: true });
    await expect(clearCommand({}, deps)).rejects.toBeInstanceOf(UserError);
    await expect(clearCommand({}, deps)).rejects.toThrow(`remove it by hand (rm -r ${path})`);
    expect(existsSync(path)).toBe(true);
  });

  it("takes one scope at a time", async () => {
    await expect(clearCommand({ stale: true, all: true }, deps)).rejects.toEqual(new UserError("choose one of --workspace, --stale and --all", 2));
  });
});
