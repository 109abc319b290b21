// status, clear and doctor on the Redis store, through the built binary, against a real
// redis-server: the store named with `--store` or CLAUDE_SESSION_GUARD_STORE (the flag wins),
// locks that hooks on another "host" (its own HOME, config dir and workspace path) really took,
// a password that never shows in any output or file, doctor's checks of Redis and of the
// workspace id, and a Redis that is down.

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { describeRedis, type RedisServer, startRedis } from "../../support/redisServer.js";
import { type CliResult, md5_12, payload } from "../support/cli.js";
import { type Project, project } from "./project.js";

const WORKSPACE_ID = "acme/app";
const LOCK_KEY = `claude-session-guard:lock:${md5_12(WORKSPACE_ID)}`;
const PASSWORD = "Tr0ub4dor&3:/@x";
const SECRETS = [PASSWORD, encodeURIComponent(PASSWORD), "Tr0ub4dor"];
const A = "aaaaaaaa-1111-4000-8000-000000000001";
const B = "bbbbbbbb-2222-4000-8000-000000000002";

const projects: Project[] = [];
afterEach(() => {
  for (const p of projects.splice(0)) p.cleanup();
});

/** A machine of its own (HOME, config dir, a git project at a path no other host shares). */
function machine(env: NodeJS.ProcessEnv = {}): Project {
  const p = project();
  projects.push(p);
  Object.assign(p.env, { CLAUDE_PID: String(process.pid), ...env });
  return p;
}

const hook = (p: Project, command: string, session: string, event = "PreToolUse") => p.run([command], { input: payload(session, p.dir, { event }) });

function statuses(stdout: string): Record<string, string> {
  const data = JSON.parse(stdout) as { checks: Array<{ id: string; status: string }> };
  return Object.fromEntries(data.checks.map((c) => [c.id, c.status]));
}

function checkOf(stdout: string, id: string): { status: string; message: string; hint: string | null } | undefined {
  return (JSON.parse(stdout) as { checks: Array<{ id: string; status: string; message: string; hint: string | null }> }).checks.find((c) => c.id === id);
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

function expectNoSecret(results: CliResult[], p?: Project): void {
  const texts = results.flatMap((r) => [r.stdout, r.stderr]);
  if (p) texts.push(...[p.home, p.config, join(p.dir, ".claude")].flatMap(filesUnder).map((f) => readFileSync(f, "utf8")));
  for (const text of texts) for (const secret of SECRETS) expect(text).not.toContain(secret);
}

describeRedis("operator commands on the Redis store", () => {
  let server: RedisServer;
  let redis: Redis;
  let display: string;

  beforeAll(async () => {
    if (!existsSync(join(import.meta.dirname, "../../../dist/redis.cjs"))) throw new Error("dist/redis.cjs is missing: run `npm run build` first");
    server = await startRedis();
    display = `redis://127.0.0.1:${server.port}/0`;
  });
  beforeEach(async () => {
    redis = await server.client();
    await redis.flushall();
  });
  afterAll(async () => {
    await server?.close();
  });

  describe("status", () => {
    it("on an empty Redis says which Redis it looked in, with --store and with the variable", async () => {
      const p = machine();
      const expected = { code: 0, stdout: `No locks in the Redis lock store at ${display}.\n`, stderr: "" };
      expect(await p.run(["status", "--all", "--store", server.url])).toEqual(expected);
      expect(await p.run(["status", "--all"], { env: { CLAUDE_SESSION_GUARD_STORE: server.url } })).toEqual(expected);
      expect(await p.run(["status", "--all", "--json", `--store=${server.url}`])).toEqual({ code: 0, stdout: "[]\n", stderr: "" });
      // Nothing was written to the runtime dir: the file store was never used.
      expect(existsSync(p.runtime)).toBe(false);
    });

    it("shows the lock another host took, keyed on the shared workspace id", async () => {
      const a = machine({ CLAUDE_SESSION_GUARD_STORE: server.url, CLAUDE_SESSION_GUARD_WORKSPACE_ID: WORKSPACE_ID });
      const b = machine({ CLAUDE_SESSION_GUARD_WORKSPACE_ID: WORKSPACE_ID });
      expect(a.dir).not.toBe(b.dir);
      expect(await hook(a, "pretooluse", A)).toEqual({ code: 0, stdout: "", stderr: "" });
      expect(JSON.parse((await redis.get(LOCK_KEY))!).session_id).toBe(A);

      const here = await b.run(["status", "--store", server.url]);
      expect(here.stderr).toBe("");
      const [header, row] = here.stdout.trimEnd().split("\n");
      expect(header).toMatch(/^WORKSPACE\s+HOLDER\s+PID\s+AGE\s+LEFT\s+STATE\s+DOING$/);
      // The holder's own path for the workspace: that is what its record says.
      expect(row).toMatch(new RegExp(`^${a.dir}\\s+aaaaaaaa\\s+${process.pid}\\s+\\d+s\\s+(4m5\\d|5m00)s\\s+held$`));

      const all = JSON.parse((await b.run(["status", "--all", "--json"], { env: { CLAUDE_SESSION_GUARD_STORE: server.url } })).stdout);
      expect(all).toEqual([
        expect.objectContaining({ workspace: a.dir, hash: md5_12(WORKSPACE_ID), path: `${display} ${LOCK_KEY}`, session_id: A, state: "held" }),
      ]);
    });

    it("takes --store over CLAUDE_SESSION_GUARD_STORE", async () => {
      const a = machine({ CLAUDE_SESSION_GUARD_STORE: server.url });
      await hook(a, "pretooluse", A);
      const result = await a.run(["status", "--all", "--json", "--store", server.url], { env: { CLAUDE_SESSION_GUARD_STORE: "redis://127.0.0.1:1" } });
      expect(result.stderr).toBe("");
      expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({ session_id: A, state: "held" })]);
      // And the variable alone points at the dead port: the command fails and says where.
      const down = await a.run(["status", "--all"], { env: { CLAUDE_SESSION_GUARD_STORE: "redis://127.0.0.1:1" } });
      expect(down.code).toBe(1);
      expect(down.stderr).toMatch(/^claude-session-guard: cannot reach the Redis lock store at redis:\/\/127\.0\.0\.1:1\/0 \(.*\); check that Redis runs there and that CLAUDE_SESSION_GUARD_STORE names it\n$/);
    });

    it.each(["status", "clear", "doctor"])("%s refuses a --store that is not a Redis URL as a usage error, naming --store", async (command) => {
      const p = machine();
      const result = await p.run([command, "--store", `http://user:${encodeURIComponent(PASSWORD)}@127.0.0.1:${server.port}`]);
      expect(result).toEqual({
        code: 2,
        stdout: "",
        stderr:
          'claude-session-guard: --store must be a Redis URL, redis://[user:password@]host[:port][/db] or rediss://… for TLS; "http://***" has the unsupported scheme "http:". ' +
          `Run \`claude-session-guard ${command} --help\` for usage.\n`,
      });
    });

    it("fails (exit 1) on a CLAUDE_SESSION_GUARD_STORE that is not a Redis URL, naming the variable", async () => {
      const p = machine({ CLAUDE_SESSION_GUARD_STORE: `redis://:${encodeURIComponent(PASSWORD)}@127.0.0.1/not-a-db` });
      for (const args of [["status"], ["clear", "--stale"]]) {
        const result = await p.run(args);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/^claude-session-guard: CLAUDE_SESSION_GUARD_STORE must be a Redis URL, .*"redis:\/\/\*\*\*" has a path that is not a database number/);
        expectNoSecret([result]);
      }
    });
  });

  describe("clear", () => {
    it("removes another host's lock with --store, tells, and lets the other host in", async () => {
      const a = machine({ CLAUDE_SESSION_GUARD_STORE: server.url, CLAUDE_SESSION_GUARD_WORKSPACE_ID: WORKSPACE_ID });
      const b = machine({ CLAUDE_SESSION_GUARD_STORE: server.url, CLAUDE_SESSION_GUARD_WORKSPACE_ID: WORKSPACE_ID });
      await hook(a, "pretooluse", A);
      expect((await hook(b, "pretooluse", B)).stdout).toContain('"permissionDecision":"deny"');

      // An operator on a third machine, with the store only on the command line.
      const operator = machine({ CLAUDE_SESSION_GUARD_WORKSPACE_ID: WORKSPACE_ID });
      const cleared = await operator.run(["clear", "--store", server.url]);
      expect(cleared.code).toBe(0);
      expect(cleared.stdout).toMatch(new RegExp(`^Removed the lock of ${a.dir}: it was held by session aaaaaaaa \\(pid ${process.pid}\\), last active \\d+s ago, a live session\\.`));
      expect(await redis.exists(LOCK_KEY)).toBe(0);
      expect(await hook(b, "pretooluse", B)).toEqual({ code: 0, stdout: "", stderr: "" });
      expect(JSON.parse((await redis.get(LOCK_KEY))!).session_id).toBe(B);

      const log = JSON.parse((await operator.run(["log", "--json"])).stdout) as Array<{ outcome: string; holder?: { session_id: string } }>;
      expect(log).toEqual([expect.objectContaining({ outcome: "clear", holder: expect.objectContaining({ session_id: A }) })]);
    });

    it("--stale and --all through the variable: SCAN finds every lock, only locks go", async () => {
      const env = { CLAUDE_SESSION_GUARD_STORE: server.url };
      const a = machine(env);
      const b = machine(env);
      await hook(a, "pretooluse", A);
      await hook(b, "pretooluse", B);
      await redis.set("claude-session-guard:lock:0123456789ab", JSON.stringify({ session_id: "old", pid: 1, acquired_at: 1, ttl_ms: 1000 }));
      await redis.set("unrelated:key", "keep me");

      const stale = await a.run(["clear", "--stale"]);
      expect(stale).toEqual({ code: 0, stdout: "Removed the expired lock of workspace not recorded, lock " + `${display} claude-session-guard:lock:0123456789ab (session old (pid 1), last active ${stale.stdout.match(/last active (\S+) ago/)?.[1]} ago).\n`, stderr: "" });
      const all = await a.run(["clear", "--all"]);
      expect(all.code).toBe(0);
      expect(all.stdout.trimEnd().split("\n")).toHaveLength(2);
      expect(await a.run(["status", "--all"])).toMatchObject({ stdout: `No locks in the Redis lock store at ${display}.\n` });
      expect(await redis.get("unrelated:key")).toBe("keep me");
    });
  });

  describe("doctor", () => {
    async function installed(env: NodeJS.ProcessEnv = {}): Promise<Project> {
      const p = machine(env);
      expect((await p.run(["install"])).code).toBe(0);
      return p;
    }

    it("checks that Redis answers, and warns that there is no workspace id", async () => {
      const p = await installed({ CLAUDE_SESSION_GUARD_STORE: server.url });
      const text = await p.run(["doctor"]);
      expect(text.stderr).toBe("");
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(new RegExp(`^pass {2}store: the Redis lock store at ${display.replace(/[./]/g, "\\$&")} answers \\(read this workspace's lock in \\d+ ms\\)$`, "m"));
      expect(text.stdout).toMatch(/^WARN {2}workspace-id: CLAUDE_SESSION_GUARD_WORKSPACE_ID is not set, .*hosts that mount the workspace at different paths will not see each other's locks — fix: export CLAUDE_SESSION_GUARD_WORKSPACE_ID/m);
      expect(text.stdout).toMatch(/^pass {2}self-test: 6 synthetic hook calls/m);
      expect(text.stdout).toContain(`pass  lock: no lock on ${p.dir} in the Redis lock store at ${display}`);
      expect(text.stdout).not.toContain("runtime-dir");

      const json = await p.run(["doctor", "--json"]);
      expect(json.code).toBe(0);
      expect(statuses(json.stdout)).toMatchObject({ "self-test": "pass", store: "pass", "workspace-id": "warn", lock: "pass" });
      expect(checkOf(json.stdout, "workspace-id")?.hint).toMatch(/^export CLAUDE_SESSION_GUARD_WORKSPACE_ID/);
      // The self-test took and released its own lock in this Redis; nothing is left there.
      expect(await redis.scan("0", "MATCH", "claude-session-guard:*")).toEqual(["0", []]);
      expect(existsSync(p.runtime)).toBe(false);
    });

    it("passes the workspace-id check with CLAUDE_SESSION_GUARD_WORKSPACE_ID, and reports a lock held under it", async () => {
      const p = await installed({ CLAUDE_SESSION_GUARD_WORKSPACE_ID: WORKSPACE_ID });
      const other = machine({ CLAUDE_SESSION_GUARD_STORE: server.url, CLAUDE_SESSION_GUARD_WORKSPACE_ID: WORKSPACE_ID });
      await hook(other, "pretooluse", A);
      const result = await p.run(["doctor", "--json", "--store", server.url]);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(statuses(result.stdout)).toMatchObject({ "self-test": "pass", store: "pass", "workspace-id": "pass", lock: "info" });
      expect(checkOf(result.stdout, "workspace-id")?.message).toBe(
        `CLAUDE_SESSION_GUARD_WORKSPACE_ID is "acme/app": every host that sets the same id shares this workspace's lock (${LOCK_KEY})`,
      );
      expect(checkOf(result.stdout, "lock")?.message).toMatch(new RegExp(`^${p.dir} is held by session aaaaaaaa \\(pid ${process.pid}\\), last active \\d+s ago in the Redis lock store at `));
    });

    it("fails (exit 1) when Redis is down, saying where and what to do", async () => {
      const own = await startRedis();
      const p = await installed({ CLAUDE_SESSION_GUARD_STORE: own.url, CLAUDE_SESSION_GUARD_WORKSPACE_ID: WORKSPACE_ID });
      try {
        expect((await p.run(["doctor"])).code).toBe(0);
        await own.stop();
        const result = await p.run(["doctor", "--json"]);
        expect(result.stderr).toBe("");
        expect(result.code).toBe(1);
        expect(JSON.parse(result.stdout).ok).toBe(false);
        expect(statuses(result.stdout)).toMatchObject({ store: "fail", "workspace-id": "pass", "self-test": "fail" });
        expect(checkOf(result.stdout, "store")).toEqual({
          id: "store",
          status: "fail",
          message: expect.stringMatching(
            new RegExp(`^cannot reach the Redis lock store at redis://127\\.0\\.0\\.1:${own.port}/0 \\(.*ECONNREFUSED.*\\); .*; until it answers, every hook fails open \\(allows everything\\)$`),
          ),
          hint: `start Redis at redis://127.0.0.1:${own.port}/0 or make it reachable from here, or fix the host, port and password in CLAUDE_SESSION_GUARD_STORE`,
        });
        const text = await p.run(["doctor"]);
        expect(text.code).toBe(1);
        expect(text.stdout).toMatch(/^FAIL {2}store: cannot reach the Redis lock store/m);
      } finally {
        await own.close();
      }
    });
  });

  describe("a password-protected Redis", () => {
    let secured: RedisServer;
    let securedRedis: Redis;
    beforeAll(async () => {
      secured = await startRedis({ password: PASSWORD });
    });
    beforeEach(async () => {
      securedRedis = await secured.client();
      await securedRedis.flushall();
    });
    afterAll(async () => {
      await secured?.close();
    });

    it("works through --store and the variable, and the password appears in no output and no file", async () => {
      expect(secured.url).toContain(encodeURIComponent(PASSWORD));
      const securedDisplay = `redis://127.0.0.1:${secured.port}/0`;
      const a = machine({ CLAUDE_SESSION_GUARD_STORE: secured.url, CLAUDE_SESSION_GUARD_WORKSPACE_ID: WORKSPACE_ID, DEBUG: "ioredis:*" });
      const b = machine({ CLAUDE_SESSION_GUARD_WORKSPACE_ID: WORKSPACE_ID, DEBUG: "ioredis:*" });
      expect((await b.run(["install"])).code).toBe(0);
      const results: CliResult[] = [];
      const run = async (p: Project, args: string[], env: NodeJS.ProcessEnv = {}) => {
        const result = await p.run(args, { env });
        results.push(result);
        return result;
      };
      expect((await run(b, ["status", "--all", "--store", secured.url])).stdout).toBe(`No locks in the Redis lock store at ${securedDisplay}.\n`);
      results.push(await hook(a, "pretooluse", A));
      expect(JSON.parse((await securedRedis.get(LOCK_KEY))!).session_id).toBe(A);

      const table = await run(b, ["status", "--store", secured.url]);
      expect(table.stdout).toMatch(/\saaaaaaaa\s.*\sheld\n$/);
      const json = await run(b, ["status", "--all", "--json"], { CLAUDE_SESSION_GUARD_STORE: secured.url });
      expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ path: `${securedDisplay} ${LOCK_KEY}`, session_id: A })]);
      const doctor = await run(b, ["doctor", "--store", secured.url]);
      expect(doctor.code).toBe(0);
      expect(doctor.stdout).toContain(`pass  store: the Redis lock store at ${securedDisplay} answers`);
      expect((await run(b, ["doctor", "--json"], { CLAUDE_SESSION_GUARD_STORE: secured.url })).code).toBe(0);
      expect((await run(b, ["clear", "--store", secured.url])).stdout).toMatch(/^Removed the lock of /);
      expect((await run(b, ["clear", "--all", "--store", secured.url])).stdout).toBe("No locks: nothing to clear.\n");

      // The failures quote the server and the client library; none may quote the password.
      const wrong = `redis://:${encodeURIComponent(`${PASSWORD}-wrong`)}@127.0.0.1:${secured.port}`;
      const refused = await run(b, ["status", "--all", "--store", wrong]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/refused the user name or password in the store URL \(WRONGPASS/);
      const refusedDoctor = await run(b, ["doctor", "--json", "--store", wrong]);
      expect(refusedDoctor.code).toBe(1);
      expect(statuses(refusedDoctor.stdout).store).toBe("fail");
      const noPassword = await run(b, ["clear", "--stale", "--store", `redis://127.0.0.1:${secured.port}`]);
      expect(noPassword.stderr).toMatch(/requires a password: put it in the store URL, redis:\/\/:PASSWORD@host:port/);
      const badUrl = await run(b, ["status", "--store", `redis://:${PASSWORD}@127.0.0.1:${secured.port}`]);
      expect(badUrl.code).toBe(2);

      expectNoSecret(results, a);
      expectNoSecret([], b);
      expect(results.every((r) => !r.stderr.includes("ioredis"))).toBe(true);
    });
  });
});
