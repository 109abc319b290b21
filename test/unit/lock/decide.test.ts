import { describe, expect, it } from "vitest";
import {
  type Caller,
  decideAcquire,
  decideRefresh,
  decideRelease,
  decideStop,
  judge,
  type LivenessProbe,
  UNKNOWN_LIVENESS,
} from "../../../src/lock/decide.js";
import { ABSENT, type LockRecord, type Observed } from "../../../src/lock/record.js";

const NOW = 1_764_000_000_000;
const TTL = 300_000;

const caller = (over: Partial<Caller> = {}): Caller => ({
  sessionId: "me",
  pid: 4242,
  now: NOW,
  ttlMs: TTL,
  leaseMs: 0,
  stamp: { workspace: "/ws", hostname: "h", pid_start: "linux:b:1" },
  ...over,
});

const record = (over: Partial<LockRecord> = {}): Extract<Observed, { kind: "record" }> => ({
  kind: "record",
  record: { schema_version: 1, session_id: "other", pid: 7, acquired_at: NOW - 1000, ttl_ms: TTL, ...over },
});

const dead: LivenessProbe = () => "dead";
const alive: LivenessProbe = () => "alive";

describe("decideAcquire", () => {
  it("takes a free workspace with a fresh five-field-compatible record", () => {
    const d = decideAcquire(ABSENT, caller(), UNKNOWN_LIVENESS);
    expect(d).toMatchObject({ kind: "take", why: "free", previous: null });
    if (d.kind !== "take") throw new Error("unreachable");
    expect(d.record).toEqual({
      schema_version: 1,
      session_id: "me",
      pid: 4242,
      acquired_at: NOW,
      ttl_ms: TTL,
      workspace: "/ws",
      hostname: "h",
      pid_start: "linux:b:1",
      generation: 1,
      created_at: NOW,
    });
  });

  it("denies while another session's lock is fresh, naming the holder and its expiry", () => {
    const d = decideAcquire(record(), caller(), UNKNOWN_LIVENESS);
    expect(d).toMatchObject({ kind: "deny", holder: { session_id: "other", pid: 7 }, expiresAt: NOW - 1000 + TTL });
  });

  it("still denies exactly at the TTL (stale means strictly older)", () => {
    expect(decideAcquire(record({ acquired_at: NOW - TTL }), caller(), UNKNOWN_LIVENESS).kind).toBe("deny");
  });

  it("takes over one millisecond past the TTL", () => {
    const d = decideAcquire(record({ acquired_at: NOW - TTL - 1, generation: 9 }), caller(), UNKNOWN_LIVENESS);
    expect(d).toMatchObject({ kind: "take", why: "stale", previous: { session_id: "other" } });
    if (d.kind === "take") expect(d.record.generation).toBe(10);
  });

  it("uses the record's own ttl_ms, not the caller's", () => {
    expect(decideAcquire(record({ acquired_at: NOW - 5000, ttl_ms: 4000 }), caller(), UNKNOWN_LIVENESS).kind).toBe("take");
    expect(decideAcquire(record({ acquired_at: NOW - 5000, ttl_ms: 6000 }), caller({ ttlMs: 1000 }), UNKNOWN_LIVENESS).kind).toBe(
      "deny",
    );
  });

  it("takes over a corrupt lock", () => {
    expect(decideAcquire({ kind: "corrupt", reason: "not JSON" }, caller(), UNKNOWN_LIVENESS)).toMatchObject({
      kind: "take",
      why: "corrupt",
      previous: null,
    });
  });

  it("treats a record stamped further in the future than its TTL as corrupt", () => {
    expect(decideAcquire(record({ acquired_at: NOW + TTL + 1 }), caller(), UNKNOWN_LIVENESS)).toMatchObject({
      kind: "take",
      why: "corrupt",
    });
  });

  it("respects a record slightly in the future (clock skew within the TTL)", () => {
    expect(decideAcquire(record({ acquired_at: NOW + TTL }), caller(), UNKNOWN_LIVENESS).kind).toBe("deny");
  });

  it("re-takes its own lock, keeping created_at and advancing the generation", () => {
    const d = decideAcquire(record({ session_id: "me", created_at: NOW - 9999, generation: 3 }), caller(), UNKNOWN_LIVENESS);
    expect(d).toMatchObject({ kind: "take", why: "own", record: { created_at: NOW - 9999, generation: 4, acquired_at: NOW } });
  });

  it("re-takes its own lock even when it has gone stale or looks dead", () => {
    expect(decideAcquire(record({ session_id: "me", acquired_at: NOW - TTL * 3 }), caller(), dead)).toMatchObject({ why: "own" });
  });

  it("takes over from a holder that is provably dead, whatever the lock's age", () => {
    expect(decideAcquire(record({ acquired_at: NOW }), caller(), dead)).toMatchObject({ kind: "take", why: "dead" });
  });

  it("denies when the holder is alive or cannot be checked", () => {
    expect(decideAcquire(record(), caller(), alive).kind).toBe("deny");
    expect(decideAcquire(record(), caller(), UNKNOWN_LIVENESS).kind).toBe("deny");
  });

  it("extends the lease by the declared tool timeout", () => {
    const d = decideAcquire(ABSENT, caller({ leaseMs: 120_000 }), UNKNOWN_LIVENESS);
    if (d.kind !== "take") throw new Error("expected take");
    expect(d.record.ttl_ms).toBe(TTL + 120_000);
  });

  it("starts the generation at 1 when the previous record has none", () => {
    const d = decideAcquire(record({ acquired_at: 0 }), caller(), UNKNOWN_LIVENESS);
    if (d.kind !== "take") throw new Error("expected take");
    expect(d.record.generation).toBe(1);
  });
});

describe("decideRefresh", () => {
  it("rewrites its own lock with the plain TTL", () => {
    const d = decideRefresh(record({ session_id: "me", ttl_ms: TTL + 600_000, generation: 2 }), caller());
    expect(d).toMatchObject({ kind: "write", record: { ttl_ms: TTL, acquired_at: NOW, generation: 3 } });
  });

  it("refreshes its own lock even after the TTL lapsed, if nobody took it", () => {
    expect(decideRefresh(record({ session_id: "me", acquired_at: NOW - TTL * 2 }), caller()).kind).toBe("write");
  });

  it("never creates a lock", () => {
    expect(decideRefresh(ABSENT, caller())).toEqual({ kind: "skip", why: "absent" });
  });

  it("never touches another session's lock, fresh or stale", () => {
    expect(decideRefresh(record(), caller())).toEqual({ kind: "skip", why: "not-ours" });
    expect(decideRefresh(record({ acquired_at: 0 }), caller())).toEqual({ kind: "skip", why: "not-ours" });
  });

  it("leaves a corrupt lock alone", () => {
    expect(decideRefresh({ kind: "corrupt", reason: "x" }, caller())).toEqual({ kind: "skip", why: "not-ours" });
  });
});

describe("holder checks, asked only instead of a denial", () => {
  const held = record({ session_id: "before-clear", pid: 4242 });

  it("takes over from its own process under an earlier session id (after /clear), keeping its work", () => {
    const work = [{ type: "shell", id: "b1", since: NOW - 5, until: NOW + 60_000 }];
    const d = decideAcquire(record({ session_id: "before-clear", work }), caller(), UNKNOWN_LIVENESS, { sameProcess: () => true });
    expect(d).toMatchObject({ kind: "take", why: "process", record: { session_id: "me", work } });
  });

  it("takes over from its own team (a lead and its teammates)", () => {
    expect(decideAcquire(held, caller(), UNKNOWN_LIVENESS, { sameTeam: () => true })).toMatchObject({ kind: "take", why: "team" });
  });

  it("takes over from a holder idle at its prompt, but never while its record shows work running", () => {
    expect(decideAcquire(held, caller(), UNKNOWN_LIVENESS, { idle: () => true })).toMatchObject({ kind: "take", why: "idle", record: { session_id: "me" } });
    const working = record({ work: [{ type: "shell", id: "b1", since: NOW - 5, until: NOW + 60_000 }] });
    expect(decideAcquire(working, caller(), UNKNOWN_LIVENESS, { idle: () => true }).kind).toBe("deny");
  });

  it("never carries a foreign holder's work into its own record", () => {
    const d = decideAcquire(record({ work: [{ type: "shell", id: "b1", since: NOW - 5, until: NOW + 60_000 }] }), caller(), UNKNOWN_LIVENESS, { idle: () => false, sameTeam: () => false });
    expect(d.kind).toBe("deny");
    const stale = decideAcquire(record({ acquired_at: NOW - 10 * TTL, ttl_ms: TTL, work: [{ type: "shell", id: "b1", since: 0, until: NOW + 1 }] }), caller(), UNKNOWN_LIVENESS);
    if (stale.kind !== "take") throw new Error("expected take");
    expect(stale.record.work).toBeUndefined();
  });

  it("asks nothing when the lock is not held by another session", () => {
    const asked: string[] = [];
    const checks = { sameProcess: () => (asked.push("process"), true), sameTeam: () => (asked.push("team"), true), idle: () => (asked.push("idle"), true) };
    decideAcquire(ABSENT, caller(), UNKNOWN_LIVENESS, checks);
    decideAcquire(record({ session_id: "me" }), caller(), UNKNOWN_LIVENESS, checks);
    decideAcquire(record({ acquired_at: 0 }), caller(), UNKNOWN_LIVENESS, checks);
    expect(asked).toEqual([]);
  });
});

describe("background work in the record", () => {
  const item = (over: Record<string, unknown> = {}) => ({ type: "shell", id: "toolu_1", command: "npm run dev", since: NOW, until: NOW + 3_600_000, ...over });

  it("a call that starts work keeps the lock until that work's deadline", () => {
    const d = decideAcquire(ABSENT, caller({ starts: item() }), UNKNOWN_LIVENESS);
    if (d.kind !== "take") throw new Error("expected take");
    expect(d.record).toMatchObject({ ttl_ms: 3_600_000, work: [item()] });
  });

  it("a refresh never shortens what the work needs, and renames the work to its task id", () => {
    const d = decideRefresh(record({ session_id: "me", acquired_at: NOW - 60_000, ttl_ms: 3_660_000, work: [item({ since: NOW - 60_000, until: NOW + 3_540_000 })] }), caller({ names: { callId: "toolu_1", taskId: "b1" } }));
    expect(d).toMatchObject({ kind: "write", record: { acquired_at: NOW, ttl_ms: 3_540_000, work: [{ id: "b1", until: NOW + 3_540_000 }] } });
  });

  it("drops work whose deadline has passed", () => {
    const d = decideRefresh(record({ session_id: "me", work: [item({ until: NOW - 1 })] }), caller());
    if (d.kind !== "write") throw new Error("expected write");
    expect(d.record.work).toBeUndefined();
    expect(d.record.ttl_ms).toBe(TTL);
  });

  it("keeps a record well below what a reader accepts, however much work a session starts", () => {
    let current = record({ session_id: "me" });
    for (let i = 0; i < 40; i++) {
      const d = decideAcquire(current, caller({ starts: item({ id: `toolu_${i}`, command: "x".repeat(5000), description: "d".repeat(5000) }) }), UNKNOWN_LIVENESS);
      if (d.kind !== "take") throw new Error("expected take");
      current = { kind: "record", record: d.record };
    }
    expect(current.record.work).toHaveLength(16);
    expect(JSON.stringify(current.record).length).toBeLessThan(16 * 1024);
  });
});

describe("decideStop", () => {
  const mine = record({ session_id: "me" });

  it("releases when nothing keeps the lock, rewrites it for what does, and leaves it as it is on null", () => {
    expect(decideStop(mine, { sessionId: "me", now: NOW }, () => [])).toMatchObject({ kind: "remove" });
    const work = [{ type: "subagent", id: "a1", since: NOW, until: NOW + TTL }];
    expect(decideStop(mine, { sessionId: "me", now: NOW }, () => work)).toMatchObject({ kind: "write", record: { acquired_at: NOW, ttl_ms: TTL, work } });
    expect(decideStop(mine, { sessionId: "me", now: NOW }, () => null)).toEqual({ kind: "skip", why: "kept" });
  });

  it("touches only its own lock, or its own process's after /clear", () => {
    expect(decideStop(record(), { sessionId: "me", now: NOW }, () => [])).toEqual({ kind: "skip", why: "not-ours" });
    expect(decideStop(record(), { sessionId: "me", now: NOW }, () => [], { sameProcess: () => true })).toMatchObject({ kind: "remove" });
  });
});

describe("decideRelease", () => {
  it("removes its own lock", () => {
    expect(decideRelease(record({ session_id: "me" }), "me")).toMatchObject({ kind: "remove" });
  });

  it("skips when there is nothing, a corrupt file, or another session's lock", () => {
    expect(decideRelease(ABSENT, "me")).toEqual({ kind: "skip", why: "absent" });
    expect(decideRelease({ kind: "corrupt", reason: "x" }, "me")).toEqual({ kind: "skip", why: "not-ours" });
    expect(decideRelease(record(), "me")).toEqual({ kind: "skip", why: "not-ours" });
  });
});

describe("judge", () => {
  it("names the operator-visible state", () => {
    expect(judge(record(), NOW, UNKNOWN_LIVENESS)).toMatchObject({ state: "held", expiresAt: NOW - 1000 + TTL });
    expect(judge(record({ acquired_at: 0 }), NOW, UNKNOWN_LIVENESS).state).toBe("stale");
    expect(judge(record(), NOW, dead).state).toBe("dead");
    expect(judge({ kind: "corrupt", reason: "empty file" }, NOW, UNKNOWN_LIVENESS)).toEqual({ state: "corrupt", reason: "empty file" });
  });

  it("does not ask about liveness once the TTL has settled it", () => {
    let asked = 0;
    judge(record({ acquired_at: 0 }), NOW, () => {
      asked++;
      return "alive";
    });
    expect(asked).toBe(0);
  });
});
