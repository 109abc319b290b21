import { existsSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { statusCommand } from "../../../src/commands/status.js";
import { ansi } from "../../../src/commands/style.js";
import { runtimeDir } from "../../../src/host/paths.js";
import { workspaceKey } from "../../../src/host/workspace.js";
import { fileStore } from "../../../src/lock/fileStore.js";
import { type Fake, fakeDeps, NOW, writeLock } from "./fakeDeps.js";

let deps: Fake;
beforeEach(() => {
  deps = fakeDeps();
});
afterEach(() => deps.cleanup());

const record = (over: Record<string, unknown> = {}) => ({
  schema_version: 1,
  session_id: "d178ebb3-0000-4000-8000-000000000001",
  pid: 4242,
  acquired_at: NOW - 12_000,
  ttl_ms: 300_000,
  ...over,
});

describe("statusCommand", () => {
  it("says there is no lock on the current workspace, and prints [] as JSON", async () => {
    expect(await statusCommand({}, deps)).toEqual({ exitCode: 0, stdout: `No lock on ${deps.workspace}: no session holds this workspace.\n` });
    expect(await statusCommand({ json: true }, deps)).toEqual({ exitCode: 0, stdout: "[]\n" });
  });

  it("shows the current workspace's holder as a table", async () => {
    writeLock(deps, workspaceKey(deps.workspace), record({ workspace: deps.workspace }));
    const { stdout } = await statusCommand({}, deps);
    expect(stdout.split("\n")).toEqual([
      expect.stringMatching(/^WORKSPACE\s+HOLDER\s+PID\s+AGE\s+LEFT\s+STATE\s+DOING$/),
      expect.stringMatching(new RegExp(`^${deps.workspace}\\s+d178ebb3\\s+4242\\s+12s\\s+4m48s\\s+held$`)),
      "",
    ]);
  });

  it("paints the header and each lock's state for a terminal, keeping the columns aligned on the visible text", async () => {
    writeLock(deps, workspaceKey(deps.workspace), record({ workspace: deps.workspace }));
    writeLock(deps, "0123456789ab", record({ session_id: "old", acquired_at: NOW - 3_600_000 }));
    const plainText = (await statusCommand({ all: true }, deps)).stdout;
    deps.paint = ansi;
    const painted = (await statusCommand({ all: true }, deps)).stdout;
    expect(painted).toContain("\u001b[32mheld\u001b[39m");
    expect(painted).toContain("\u001b[33mstale\u001b[39m");
    expect(painted.startsWith("\u001b[1mWORKSPACE\u001b[22m")).toBe(true);
    expect(painted.replace(/\u001b\[\d+m/g, "")).toBe(plainText);
  });

  it("names the holder as its machine knows it, says what it is doing and what background work keeps the lock", async () => {
    deps.holderFacts = () => ({ name: "ws-e3", tmux: "csgA:@0.%0", tty: "/dev/pts/3", cwd: "/home/ana/app", status: "shell" });
    const work = [{ type: "shell", id: "b1", description: "dev server", command: "npm run dev", since: NOW - 60_000, until: NOW + 3_600_000 }];
    writeLock(deps, workspaceKey(deps.workspace), record({ workspace: deps.workspace, ttl_ms: 3_612_000, work }));
    const { stdout } = await statusCommand({}, deps);
    expect(stdout.split("\n")[1]).toMatch(/d178ebb3 "ws-e3"\s+4242\s+12s\s+1h00m\s+held\s+idle, background work running; shell "dev server" \(up to 1h00m more\)$/);
    const [entry] = JSON.parse((await statusCommand({ json: true }, deps)).stdout);
    expect(entry.holder).toEqual({ agent: "claude", name: "ws-e3", terminal: "csgA:@0.%0", started_in: "/home/ana/app", status: "shell", work });
  });

  it("prints every lock as JSON with the contract's fields, null where a record lacks them", async () => {
    const held = writeLock(deps, "aaaaaaaaaaaa", record({ workspace: "/w/a" }));
    writeLock(deps, "bbbbbbbbbbbb", record({ acquired_at: NOW - 400_000 }));
    writeLock(deps, "cccccccccccc", "{not json");
    const entries = JSON.parse((await statusCommand({ all: true, json: true }, deps)).stdout);
    expect(entries).toEqual([
      {
        workspace: "/w/a",
        hash: "aaaaaaaaaaaa",
        path: held,
        session_id: record().session_id,
        pid: 4242,
        acquired_at: NOW - 12_000,
        ttl_ms: 300_000,
        age_ms: 12_000,
        state: "held",
        holder: { agent: "claude", name: null, terminal: null, started_in: null, status: null, work: [] },
      },
      expect.objectContaining({ workspace: null, hash: "bbbbbbbbbbbb", state: "stale", age_ms: 400_000 }),
      expect.objectContaining({ workspace: null, hash: "cccccccccccc", session_id: null, pid: null, acquired_at: null, ttl_ms: null, age_ms: null, state: "corrupt" }),
    ]);
    for (const entry of entries) {
      expect(Object.keys(entry)).toEqual(["workspace", "hash", "path", "session_id", "pid", "acquired_at", "ttl_ms", "age_ms", "state", "holder"]);
    }
  });

  it("reports a holder whose process is provably gone as dead", async () => {
    deps.liveness = "dead";
    writeLock(deps, "aaaaaaaaaaaa", record());
    const { stdout } = await statusCommand({ all: true }, deps);
    expect(stdout).toMatch(/\s-\s+dead\n$/);
  });

  it("says so when there are no locks at all, without creating the runtime dir", async () => {
    expect((await statusCommand({ all: true }, deps)).stdout).toMatch(/^No locks in .*runtime\.\n$/);
    expect(existsSync(`${deps.env.CLAUDE_CONFIG_DIR}/runtime`)).toBe(false);
  });
});

describe("statusCommand on the Redis store", () => {
  it("says which Redis it looked in when there are no locks, without the password", async () => {
    const flags: Array<string | undefined> = [];
    deps.openStore = (choice) => {
      flags.push(choice.kind === "redis" ? choice.connection().url : undefined);
      return { ...fileStore(runtimeDir(deps.env)), list: async () => [] };
    };
    deps.env = { ...deps.env, CLAUDE_SESSION_GUARD_STORE: "redis://other:1" };
    const result = await statusCommand({ all: true, store: "redis://:pa55word@127.0.0.1:6399/3" }, deps);
    expect(result).toEqual({ exitCode: 0, stdout: "No locks in the Redis lock store at redis://127.0.0.1:6399/3.\n" });
    expect(flags).toEqual(["redis://:pa55word@127.0.0.1:6399/3"]);
  });
});
