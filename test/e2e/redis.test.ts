// Two machines, one Redis, the real Claude Code (2.1.331): each session runs in a sandbox of its
// own (HOME, TMPDIR, PATH, a copy of settings.example.json used verbatim), in its own clone of
// one repository at a different path, and the only thing they share is the store and the
// workspace id, carried by the environment as a team would set them. Needs redis-server: the
// suite is skipped, loudly, without it, and fails instead under CSG_REQUIRE_REDIS=1.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, inject, it } from "vitest";
import { describeRedis, type RedisServer, startRedis } from "../support/redisServer.js";
import { bash, write } from "./support/fakeApi.mjs";
import { guardDecisions, startTurnApi, turnPrompt } from "./support/precise.mjs";
import { createSandbox, lockHash, type Sandbox } from "./support/session.mjs";

const claudeBin = inject("claudeBin");

const GATE_TIMEOUT_MS = 90_000;
const WORKSPACE_ID = "acme/app";
const LOCK_KEY = `claude-session-guard:lock:${lockHash(WORKSPACE_ID)}`;
// Characters a URL must percent-encode, so the encoded and the plain form both get looked for.
const PASSWORD = "e2e-S3cret:/@pw";
const SECRETS = [PASSWORD, encodeURIComponent(PASSWORD)];

/** `git clone` of `repo` into the other machine's sandbox: the same repository at another path. */
function cloneInto(box: Sandbox, repo: string, name: string): string {
  const target = join(box.root, name);
  execFileSync("git", ["clone", "-q", repo, target], { stdio: "pipe", env: { ...process.env, HOME: box.home, GIT_CONFIG_NOSYSTEM: "1" } });
  return box.dir(name);
}

const deniedTools = (turn: { permission_denials?: { tool_name: string }[] }) => (turn.permission_denials ?? []).map((d) => d.tool_name);

describeRedis("claude-session-guard on a shared Redis under Claude Code", () => {
  describe.skipIf(claudeBin === null)("two machines", () => {
    let server: RedisServer;
    let redis: Redis;
    beforeAll(async () => {
      server = await startRedis({ password: PASSWORD });
      redis = await server.client();
    });
    afterAll(async () => {
      await server?.close();
    });

    it(
      "keeps a session on another machine, in another clone, out while one works, and lets it in once that turn ends",
      async ({ expect, onTestFinished }) => {
        if (claudeBin === null) throw new Error("unreachable: the suite is skipped without Claude Code");
        const machineA = createSandbox(claudeBin, "csg-e2e-redis-a-");
        const machineB = createSandbox(claudeBin, "csg-e2e-redis-b-");
        const apis: { close(): Promise<void> }[] = [];
        onTestFinished(async () => {
          await Promise.all([machineA.cleanup(), machineB.cleanup()]);
          await Promise.all(apis.map((api) => api.close()));
        });
        const wsA = machineA.gitRepo("app");
        const wsB = cloneInto(machineB, wsA, "checkouts/app");
        expect(wsB).not.toBe(wsA);
        const team = { CLAUDE_SESSION_GUARD_STORE: server.url, CLAUDE_SESSION_GUARD_WORKSPACE_ID: WORKSPACE_ID };
        const fromB = join(wsB, "from-b.txt");

        // A holds the workspace inside a gated Bash call; its session stays open after its turn.
        const gate = machineA.gate();
        const a = await machineA.startSession({ cwd: wsA, streamInput: true, env: team, script: [bash(gate.command, { timeout: GATE_TIMEOUT_MS })] });
        await gate.waitStarted(a);
        const held = JSON.parse((await redis.get(LOCK_KEY)) ?? "null");
        expect(held).toMatchObject({ pid: a.child.pid, workspace: wsA });
        const holder: string = held.session_id;
        // The lock is in Redis only: neither machine has a lock file.
        expect([machineA.lockFiles(), machineB.lockFiles()]).toEqual([[], []]);

        // B, on the other machine, tries to write in its clone: turn 0 while A works, turn 1 after.
        const bApi = await startTurnApi({ turns: [[write(fromB, "b\n")], [write(fromB, "b, later\n")]] });
        apis.push(bApi);
        const b = await machineB.startSession({ cwd: wsB, streamInput: true, prompt: turnPrompt(0), env: { ...team, ANTHROPIC_BASE_URL: bApi.url } });
        const [blocked] = await b.waitForTurns(1, 90_000);
        expect(deniedTools(blocked)).toEqual(["Write"]);
        expect(existsSync(fromB)).toBe(false);
        // What Claude Code sent back to the model for B's Write: the guard's reason, naming A.
        const [denial] = bApi.toolResults();
        expect(denial?.is_error).toBe(true);
        // A holder on another machine: no registry to name it, so its session id and pid.
        expect(denial?.content).toMatch(/^PreToolUse:Write hook error: claude-session-guard: session \S+ \(pid \d+\) holds this workspace, so this Write was not run/);
        expect(denial?.content).toContain(`session ${holder.slice(0, 8)} (pid ${a.child.pid})`);
        expect(denial?.content).toContain(`claude-session-guard clear --workspace ${wsB}`);
        expect(JSON.stringify(bApi.requests)).toContain(`session ${holder.slice(0, 8)}`);
        // B's machine logged the block, with A as the holder.
        expect(guardDecisions(machineB.home)).toEqual(
          expect.arrayContaining([expect.objectContaining({ outcome: "block", workspace: wsB, holder: expect.objectContaining({ session_id: holder, pid: a.child.pid }) })]),
        );

        // A's turn ends; its Stop hook releases the lock in Redis while A's session is still open.
        gate.release();
        const [aTurn] = await a.waitForTurns(1, 90_000);
        expect(aTurn.session_id).toBe(holder);
        expect(deniedTools(aTurn)).toEqual([]);
        expect(a.finished).toBe(false);
        expect(await redis.exists(LOCK_KEY)).toBe(0);

        b.send(turnPrompt(1));
        const turns = await b.waitForTurns(2, 90_000);
        expect(deniedTools(turns[1])).toEqual([]);
        expect(readFileSync(fromB, "utf8")).toBe("b, later\n");
        expect(bApi.toolResults().map((r) => r.is_error)).toEqual([true, false]);
        expect(await redis.exists(LOCK_KEY)).toBe(0);

        a.endInput();
        b.endInput();
        const [aRun, bRun] = await Promise.all([a.done, b.done]);
        expect([aRun.exitCode, bRun.exitCode]).toEqual([0, 0]);
        // Neither machine shows the Redis password anywhere: not to the model, not to the user, not in a log.
        const seen = [
          JSON.stringify(bApi.requests),
          aRun.stdout,
          aRun.stderr,
          bRun.stdout,
          bRun.stderr,
          JSON.stringify(guardDecisions(machineA.home)),
          JSON.stringify(guardDecisions(machineB.home)),
        ];
        for (const text of seen) for (const secret of SECRETS) expect(text).not.toContain(secret);
      },
      240_000,
    );
  });
});
