import { afterEach, describe, expect, it, vi } from "vitest";
import { type Caller, UNKNOWN_LIVENESS } from "../../../src/lock/decide.js";
import type { LockRecord } from "../../../src/lock/record.js";
import { acquire, type Clock, CONTENTION_BUDGET_MS, refresh, release } from "../../../src/lock/apply.js";
import { ContentionError, StoreError } from "../../../src/errors.js";
import { type Interference, MemoryStore } from "../../support/memoryStore.js";

const KEY = "0123456789ab";
const TTL = 300_000;
const START = 1_764_000_000_000;

/** A clock that only moves when the code under test sleeps (or a test moves it). */
function fakeClock(): Clock & { t: number; sleeps: number[] } {
  const clock = {
    t: START,
    sleeps: [] as number[],
    now: () => clock.t,
    async sleep(ms: number) {
      clock.sleeps.push(ms);
      clock.t += ms;
    },
  };
  return clock;
}

const record = (sessionId: string, acquiredAt: number, over: Partial<LockRecord> = {}): LockRecord => ({
  schema_version: 1,
  session_id: sessionId,
  pid: 4242,
  acquired_at: acquiredAt,
  ttl_ms: TTL,
  ...over,
});

const callerOf =
  (sessionId: string, clock: Clock): (() => Caller) =>
  () => ({ sessionId, pid: 4242, now: clock.now(), ttlMs: TTL, leaseMs: 0, stamp: {} });

/** Another session takes the lock between our read and our swap. */
const takenBy =
  (sessionId: string, clock: Clock): Interference =>
  (store) => {
    store.put(record(sessionId, clock.now()));
    return undefined;
  };

const busy: Interference = () => "busy";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("acquire", () => {
  it("creates a free lock with a fresh record of the caller", async () => {
    const clock = fakeClock();
    const store = new MemoryStore();
    const outcome = await acquire(store, KEY, callerOf("me", clock), UNKNOWN_LIVENESS, clock);
    expect(outcome).toMatchObject({ kind: "take", why: "free", previous: null });
    expect(store.current()).toMatchObject({ session_id: "me", acquired_at: START, ttl_ms: TTL });
    expect(store.swaps).toEqual(["create"]);
  });

  it("denies while another session holds a fresh lock, naming it and when it expires, and writes nothing", async () => {
    const clock = fakeClock();
    const store = new MemoryStore();
    const holder = record("other", START - 1000);
    store.put(holder);
    const outcome = await acquire(store, KEY, callerOf("me", clock), UNKNOWN_LIVENESS, clock);
    expect(outcome).toEqual({ kind: "deny", holder, expiresAt: START - 1000 + TTL });
    expect(store.swaps).toEqual([]);
    expect(store.current()).toBe(holder);
  });

  it("takes over a stale lock by replacing exactly the version it read", async () => {
    const clock = fakeClock();
    const store = new MemoryStore();
    store.put(record("gone", START - TTL - 1));
    const outcome = await acquire(store, KEY, callerOf("me", clock), UNKNOWN_LIVENESS, clock);
    expect(outcome).toMatchObject({ kind: "take", why: "stale", previous: { session_id: "gone" } });
    expect(store.swaps).toEqual(["replace"]);
    expect(store.current()?.session_id).toBe("me");
  });

  it("renews its own lock", async () => {
    const clock = fakeClock();
    const store = new MemoryStore();
    store.put(record("me", START - 5000, { created_at: START - 9000 }));
    const outcome = await acquire(store, KEY, callerOf("me", clock), UNKNOWN_LIVENESS, clock);
    expect(outcome).toMatchObject({ kind: "take", why: "own" });
    expect(store.current()).toMatchObject({ session_id: "me", acquired_at: START, created_at: START - 9000 });
  });

  it("on a conflict reads again at once and judges the new state: a lock taken meanwhile is a denial", async () => {
    const clock = fakeClock();
    const store = new MemoryStore();
    store.before.push(takenBy("other", clock));
    const outcome = await acquire(store, KEY, callerOf("me", clock), UNKNOWN_LIVENESS, clock);
    expect(outcome).toMatchObject({ kind: "deny", holder: { session_id: "other" } });
    expect(store.reads).toBe(2);
    expect(store.swaps).toEqual(["create"]);
    expect(clock.sleeps).toEqual([]);
    expect(store.current()?.session_id).toBe("other");
  });

  it("on a conflict over a stale lock retries the takeover against the new version", async () => {
    const clock = fakeClock();
    const store = new MemoryStore();
    store.put(record("gone", START - TTL - 1));
    // Someone rewrote the stale record (another stale one): our version is outdated but the
    // lock is still free to take, so the second attempt must succeed.
    store.before.push((s) => {
      s.put(record("gone", START - TTL - 2));
      return undefined;
    });
    const outcome = await acquire(store, KEY, callerOf("me", clock), UNKNOWN_LIVENESS, clock);
    expect(outcome).toMatchObject({ kind: "take", why: "stale" });
    expect(store.swaps).toEqual(["replace", "replace"]);
    expect(store.current()?.session_id).toBe("me");
  });

  it("when the lock is busy sleeps a jittered millisecond or two, then reads again", async () => {
    const clock = fakeClock();
    const store = new MemoryStore();
    store.put(record("gone", START - TTL - 1));
    store.before.push(busy);
    const outcome = await acquire(store, KEY, callerOf("me", clock), UNKNOWN_LIVENESS, clock);
    expect(outcome).toMatchObject({ kind: "take", why: "stale" });
    expect(store.reads).toBe(2);
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(1);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(2);
  });

  it("backs off longer on each busy answer, never more than about 20 ms at a time", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.999);
    const clock = fakeClock();
    const store = new MemoryStore();
    for (let i = 0; i < 8; i++) store.before.push(busy);
    await acquire(store, KEY, callerOf("me", clock), UNKNOWN_LIVENESS, clock);
    expect(clock.sleeps.map(Math.round)).toEqual([2, 3, 5, 9, 17, 21, 21, 21]);
  });

  it("retries busy answers for the whole contention budget and then gives up with a ContentionError", async () => {
    const clock = fakeClock();
    const store = new MemoryStore();
    store.before = Array.from({ length: 100_000 }, () => busy);
    await expect(acquire(store, KEY, callerOf("me", clock), UNKNOWN_LIVENESS, clock)).rejects.toBeInstanceOf(ContentionError);
    expect(clock.t - START).toBeGreaterThan(CONTENTION_BUDGET_MS);
    // It gives up soon after the budget: one backoff step past it at most.
    expect(clock.t - START).toBeLessThanOrEqual(CONTENTION_BUDGET_MS + 21);
    expect(store.current()).toBeNull();
  });

  it("descheduled past its budget between a read and its swap, it reads once more and denies a live holder instead of giving up", async () => {
    const clock = fakeClock();
    const store = new MemoryStore();
    // Between our read of "no lock" and our create, 2.5 s pass and another session takes the lock.
    store.before.push((s) => {
      clock.t += 2500;
      s.put(record("other", clock.t));
      return undefined;
    });
    const outcome = await acquire(store, KEY, callerOf("me", clock), UNKNOWN_LIVENESS, clock);
    expect(outcome).toMatchObject({ kind: "deny", holder: { session_id: "other" } });
    expect(store.reads).toBe(2);
  });

  it("after its budget, a last attempt that finds the lock free still takes it", async () => {
    const clock = fakeClock();
    const store = new MemoryStore();
    // The first create loses a race 2.5 s late (someone took the lock and let it go meanwhile).
    store.before.push(() => {
      clock.t += 2500;
      return "conflict";
    });
    const outcome = await acquire(store, KEY, callerOf("me", clock), UNKNOWN_LIVENESS, clock);
    expect(outcome).toMatchObject({ kind: "take", why: "free" });
    expect(store.current()?.session_id).toBe("me");
    expect(store.swaps).toEqual(["create", "create"]);
  });

  it("gives up with a ContentionError when the lock keeps changing under it for the whole budget", async () => {
    const clock = fakeClock();
    // Every read costs 100 ms and every swap meets a lock changed since: a pathological livelock.
    const store = new MemoryStore(undefined, { clock, readCostMs: 100 });
    store.put(record("gone", START - TTL - 1));
    store.before = Array.from({ length: 1000 }, () => (s: MemoryStore) => {
      s.put(record("gone", START - TTL - 1));
      return undefined;
    });
    await expect(acquire(store, KEY, callerOf("me", clock), UNKNOWN_LIVENESS, clock)).rejects.toThrow(ContentionError);
    // Every attempt that started within the budget, and one last attempt after it.
    expect(store.reads).toBe(Math.floor(CONTENTION_BUDGET_MS / 100) + 2);
    expect(clock.sleeps).toEqual([]);
    expect(store.current()?.session_id).toBe("gone");
  });

  it("succeeds when contention ends just inside the budget", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.999);
    const clock = fakeClock();
    const store = new MemoryStore();
    // Five growing backoffs, then 69 of ~21 ms: about 1484 ms of busy answers in all.
    for (let i = 0; i < 5 + 69; i++) store.before.push(busy);
    const outcome = await acquire(store, KEY, callerOf("me", clock), UNKNOWN_LIVENESS, clock);
    expect(clock.t - START).toBeLessThan(CONTENTION_BUDGET_MS);
    expect(outcome).toMatchObject({ kind: "take", why: "free" });
  });

  it("lets a store failure through untouched, for the hook to turn into a fail-open", async () => {
    const clock = fakeClock();
    const store = new MemoryStore();
    const failure = new StoreError("cannot write a lock: ENOSPC", "ENOSPC");
    vi.spyOn(store, "create").mockRejectedValue(failure);
    await expect(acquire(store, KEY, callerOf("me", clock), UNKNOWN_LIVENESS, clock)).rejects.toBe(failure);
  });
});

describe("refresh", () => {
  it("renews the caller's own lock with the current time", async () => {
    const clock = fakeClock();
    const store = new MemoryStore();
    store.put(record("me", START - 10_000));
    clock.t += 5;
    const outcome = await refresh(store, KEY, callerOf("me", clock), clock);
    expect(outcome).toMatchObject({ refreshed: { session_id: "me", acquired_at: START + 5 } });
    expect(store.current()?.acquired_at).toBe(START + 5);
  });

  it("renews its own lock even after it lapsed, if nobody took it", async () => {
    const clock = fakeClock();
    const store = new MemoryStore();
    store.put(record("me", START - TTL - 1));
    const outcome = await refresh(store, KEY, callerOf("me", clock), clock);
    expect(outcome).toMatchObject({ refreshed: { acquired_at: START } });
  });

  it("never creates a lock", async () => {
    const clock = fakeClock();
    const store = new MemoryStore();
    const outcome = await refresh(store, KEY, callerOf("me", clock), clock);
    expect(outcome).toEqual({ skipped: "absent", observed: { kind: "absent" } });
    expect(store.swaps).toEqual([]);
    expect(store.current()).toBeNull();
  });

  it("never touches another session's lock", async () => {
    const clock = fakeClock();
    const store = new MemoryStore();
    const theirs = record("other", START - TTL - 1);
    store.put(theirs);
    const outcome = await refresh(store, KEY, callerOf("me", clock), clock);
    expect(outcome).toMatchObject({ skipped: "not-ours" });
    expect(store.swaps).toEqual([]);
    expect(store.current()).toBe(theirs);
  });

  it("does not overwrite a lock another session took between its read and its write", async () => {
    const clock = fakeClock();
    const store = new MemoryStore();
    store.put(record("me", START - TTL - 1));
    store.before.push(takenBy("taker", clock));
    const outcome = await refresh(store, KEY, callerOf("me", clock), clock);
    expect(outcome).toMatchObject({ skipped: "not-ours", observed: { record: { session_id: "taker" } } });
    expect(store.current()?.session_id).toBe("taker");
  });

  it("waits out a busy lock and then renews it", async () => {
    const clock = fakeClock();
    const store = new MemoryStore();
    store.put(record("me", START - 1000));
    store.before.push(busy, busy);
    const outcome = await refresh(store, KEY, callerOf("me", clock), clock);
    expect(outcome).toMatchObject({ refreshed: { session_id: "me" } });
    expect(clock.sleeps).toHaveLength(2);
  });
});

describe("release", () => {
  it("removes the caller's own lock", async () => {
    const clock = fakeClock();
    const store = new MemoryStore();
    const mine = record("me", START - 1000);
    store.put(mine);
    const outcome = await release(store, KEY, "me", clock);
    expect(outcome).toEqual({ released: mine });
    expect(store.current()).toBeNull();
  });

  it("skips when there is no lock", async () => {
    const clock = fakeClock();
    const store = new MemoryStore();
    expect(await release(store, KEY, "me", clock)).toEqual({ skipped: "absent", observed: { kind: "absent" } });
    expect(store.swaps).toEqual([]);
  });

  it("never removes another session's lock, fresh or stale", async () => {
    const clock = fakeClock();
    const store = new MemoryStore();
    const theirs = record("other", START - TTL - 1);
    store.put(theirs);
    expect(await release(store, KEY, "me", clock)).toMatchObject({ skipped: "not-ours" });
    expect(store.swaps).toEqual([]);
    expect(store.current()).toBe(theirs);
  });

  it("does not delete a lock another session took between its read and its removal", async () => {
    const clock = fakeClock();
    const store = new MemoryStore();
    store.put(record("me", START - TTL - 1));
    store.before.push(takenBy("taker", clock));
    const outcome = await release(store, KEY, "me", clock);
    expect(outcome).toMatchObject({ skipped: "not-ours" });
    expect(store.swaps).toEqual(["remove"]);
    expect(store.current()?.session_id).toBe("taker");
  });

  it("gives up with a ContentionError if the lock stays busy past the budget", async () => {
    const clock = fakeClock();
    const store = new MemoryStore();
    store.put(record("me", START - 1000));
    store.before = Array.from({ length: 100_000 }, () => busy);
    await expect(release(store, KEY, "me", clock)).rejects.toBeInstanceOf(ContentionError);
    expect(store.current()?.session_id).toBe("me");
  });
});
