// The LockStore contract, as one suite that every store must pass unchanged (the file store in
// test/unit/fileStore.contract.test.ts, the Redis store in test/integration/redisStore.test.ts).
// It pins down what the guard relies on: exclusive create, compare-and-swap on the exact version
// read, listing, once-only notices, and a location that names the lock.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LockRecord } from "../../src/lock/record.js";
import type { LockStore, LostNotice, Snapshot, Version } from "../../src/lock/port.js";

/** One backing (a directory, a Redis database) that several stores may share, as processes do. */
export interface ContractBacking {
  /** A new store on this backing, as another process or host would open it. */
  open(): LockStore | Promise<LockStore>;
  /** Puts `text` where the lock of `key` lives, as a broken or foreign writer would. */
  writeRaw(key: string, text: string | Buffer): Promise<void>;
  cleanup(): Promise<void>;
}

const KEY = "0123456789ab";
const OTHER_KEY = "ba9876543210";

export function record(sessionId: string, overrides: Partial<LockRecord> = {}): LockRecord {
  return {
    schema_version: 1,
    session_id: sessionId,
    pid: 4242,
    acquired_at: 1_764_000_000_000,
    ttl_ms: 300_000,
    workspace: "/work/repo",
    generation: 1,
    ...overrides,
  };
}

const notice = (by: string | null, at = 1_764_000_100_000): LostNotice => ({
  by: by === null ? null : { session_id: by, pid: 77 },
  at,
  reason: by === null ? "cleared" : "stale",
  generation: 3,
});

function recordOf(snapshot: Snapshot): LockRecord {
  if (snapshot.observed.kind !== "record") throw new Error(`expected a record, found ${JSON.stringify(snapshot.observed)}`);
  return snapshot.observed.record;
}

function versionOf(snapshot: Snapshot): Version {
  if (snapshot.version === null) throw new Error("expected a version");
  return snapshot.version;
}

export function storeContract(name: string, makeBacking: () => Promise<ContractBacking>): void {
  describe(`the ${name} store keeps the LockStore contract`, () => {
    let backing: ContractBacking;
    let store: LockStore;
    const opened: LockStore[] = [];
    const open = async () => {
      const s = await backing.open();
      opened.push(s);
      return s;
    };

    beforeEach(async () => {
      backing = await makeBacking();
      store = await open();
    });

    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
      await backing.cleanup();
    });

    it("reads a lock that does not exist as absent, with no version", async () => {
      expect(await store.read(KEY)).toEqual({ observed: { kind: "absent" }, version: null });
    });

    it("creates a free lock and reads back the same record, with a version", async () => {
      expect(await store.create(KEY, record("alpha"))).toBe("ok");
      const snapshot = await store.read(KEY);
      expect(recordOf(snapshot)).toEqual(record("alpha"));
      expect(snapshot.version).not.toBeNull();
    });

    it("creates exclusively: a second create conflicts and leaves the first record", async () => {
      expect(await store.create(KEY, record("alpha"))).toBe("ok");
      expect(await store.create(KEY, record("beta"))).toBe("conflict");
      expect(recordOf(await store.read(KEY)).session_id).toBe("alpha");
    });

    it("lets exactly one of many concurrent creates, from several stores, succeed", async () => {
      const stores = [store, await open(), await open()];
      const results = await Promise.all(
        Array.from({ length: 24 }, (_, i) => stores[i % stores.length]!.create(KEY, record(`s${i}`))),
      );
      expect(results.filter((r) => r === "ok")).toHaveLength(1);
      const winner = results.indexOf("ok");
      expect(recordOf(await store.read(KEY)).session_id).toBe(`s${winner}`);
    });

    it("replaces a lock that is still the version read, and the new record has a new version", async () => {
      await store.create(KEY, record("alpha"));
      const before = await store.read(KEY);
      expect(await store.replace(KEY, versionOf(before), record("alpha", { acquired_at: 1_764_000_060_000, generation: 2 }))).toBe("ok");
      const after = await store.read(KEY);
      expect(recordOf(after)).toEqual(record("alpha", { acquired_at: 1_764_000_060_000, generation: 2 }));
      expect(versionOf(after).token).not.toBe(versionOf(before).token);
    });

    it("refuses to replace with a stale version and changes nothing", async () => {
      await store.create(KEY, record("alpha"));
      const stale = await store.read(KEY);
      await store.replace(KEY, versionOf(stale), record("beta", { generation: 2 }));
      const current = await store.read(KEY);
      expect(await store.replace(KEY, versionOf(stale), record("gamma", { generation: 3 }))).toBe("conflict");
      expect(await store.read(KEY)).toEqual(current);
    });

    it("refuses to replace a lock that was removed, and does not bring it back", async () => {
      await store.create(KEY, record("alpha"));
      const read = await store.read(KEY);
      expect(await store.remove(KEY, versionOf(read))).toBe("ok");
      expect(await store.replace(KEY, versionOf(read), record("alpha", { generation: 2 }))).toBe("conflict");
      expect((await store.read(KEY)).observed).toEqual({ kind: "absent" });
    });

    it("refuses to remove with a stale version and keeps the lock", async () => {
      await store.create(KEY, record("alpha"));
      const stale = await store.read(KEY);
      await store.replace(KEY, versionOf(stale), record("beta", { generation: 2 }));
      expect(await store.remove(KEY, versionOf(stale))).toBe("conflict");
      expect(recordOf(await store.read(KEY)).session_id).toBe("beta");
    });

    it("removes a lock that is still the version read; a second remove conflicts", async () => {
      await store.create(KEY, record("alpha"));
      const read = await store.read(KEY);
      expect(await store.remove(KEY, versionOf(read))).toBe("ok");
      expect(await store.read(KEY)).toEqual({ observed: { kind: "absent" }, version: null });
      expect(await store.remove(KEY, versionOf(read))).toBe("conflict");
    });

    it("after a remove, create works again", async () => {
      await store.create(KEY, record("alpha"));
      await store.remove(KEY, versionOf(await store.read(KEY)));
      expect(await store.create(KEY, record("beta"))).toBe("ok");
      expect(recordOf(await store.read(KEY)).session_id).toBe("beta");
    });

    it("honours a version read by another store on the same backing", async () => {
      const other = await open();
      await store.create(KEY, record("alpha"));
      const seen = await other.read(KEY);
      expect(await store.replace(KEY, versionOf(await store.read(KEY)), record("beta", { generation: 2 }))).toBe("ok");
      expect(await other.replace(KEY, versionOf(seen), record("gamma", { generation: 3 }))).toBe("conflict");
      expect(await other.replace(KEY, versionOf(await other.read(KEY)), record("gamma", { generation: 3 }))).toBe("ok");
      expect(recordOf(await store.read(KEY)).session_id).toBe("gamma");
    });

    it("lets exactly one of many concurrent swaps of one version succeed", async () => {
      const stores = [store, await open(), await open()];
      await store.create(KEY, record("holder"));
      const version = versionOf(await store.read(KEY));
      const results = await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          i % 4 === 3
            ? stores[i % stores.length]!.remove(KEY, version)
            : stores[i % stores.length]!.replace(KEY, version, record(`taker${i}`, { generation: 2 })),
        ),
      );
      expect(results.filter((r) => r === "ok")).toHaveLength(1);
      const winner = results.indexOf("ok");
      const after = await store.read(KEY);
      if (winner % 4 === 3) expect(after.observed).toEqual({ kind: "absent" });
      else expect(recordOf(after).session_id).toBe(`taker${winner}`);
      // Losers are told to read again (conflict, or busy mid-change), never handed an error.
      expect(results.every((r) => r === "ok" || r === "conflict" || r === "busy")).toBe(true);
    });

    it("reads a value that is not a record as corrupt, with a version a takeover can replace", async () => {
      await backing.writeRaw(KEY, "{ not json");
      const corrupt = await store.read(KEY);
      expect(corrupt.observed).toEqual({ kind: "corrupt", reason: "not JSON" });
      expect(await store.replace(KEY, versionOf(corrupt), record("alpha"))).toBe("ok");
      expect(recordOf(await store.read(KEY)).session_id).toBe("alpha");
    });

    it("reads bytes that are not UTF-8 as corrupt and can still replace them", async () => {
      await backing.writeRaw(KEY, Buffer.from([0xff, 0xfe, 0x00, 0x80, 0x7b]));
      const corrupt = await store.read(KEY);
      expect(corrupt.observed.kind).toBe("corrupt");
      expect(await store.replace(KEY, versionOf(corrupt), record("alpha"))).toBe("ok");
      expect(recordOf(await store.read(KEY)).session_id).toBe("alpha");
    });

    it("reads an empty value as corrupt, never as absent", async () => {
      await backing.writeRaw(KEY, "");
      const snapshot = await store.read(KEY);
      expect(snapshot.observed.kind).toBe("corrupt");
      expect(snapshot.version).not.toBeNull();
    });

    it("reads the original guard's minimal five-field record", async () => {
      await backing.writeRaw(KEY, '{"schema_version":1,"session_id":"old","pid":99,"acquired_at":1764000000000,"ttl_ms":300000}');
      expect(recordOf(await store.read(KEY))).toEqual({
        schema_version: 1,
        session_id: "old",
        pid: 99,
        acquired_at: 1_764_000_000_000,
        ttl_ms: 300_000,
      });
    });

    it("lists nothing when no lock exists", async () => {
      expect(await store.list()).toEqual([]);
    });

    it("lists every lock with its key, its location and what a read would return", async () => {
      await store.create(KEY, record("alpha"));
      await backing.writeRaw(OTHER_KEY, "garbage");
      const listed = await store.list();
      expect(listed.map((l) => l.key).sort()).toEqual([KEY, OTHER_KEY].sort());
      for (const lock of listed) {
        expect(lock.location).toBe(store.location(lock.key));
        expect(lock.snapshot).toEqual(await store.read(lock.key));
      }
      await store.remove(KEY, versionOf(await store.read(KEY)));
      expect((await store.list()).map((l) => l.key)).toEqual([OTHER_KEY]);
    });

    it("lists locks another store created", async () => {
      const other = await open();
      await other.create(KEY, record("alpha"));
      expect((await store.list()).map((l) => l.key)).toEqual([KEY]);
    });

    describe("notices", () => {
      // A notice is left by the session that took a lock over, so the workspace's lock exists.
      beforeEach(async () => {
        await store.create(KEY, record("beta"));
        await store.create(OTHER_KEY, record("delta"));
      });

      it("keeps a notice until its session takes it, and gives it out once", async () => {
        expect(await store.takeNotice(KEY, "alpha")).toBeNull();
        await store.putNotice(KEY, "alpha", notice("beta"));
        expect(await store.takeNotice(KEY, "alpha")).toEqual(notice("beta"));
        expect(await store.takeNotice(KEY, "alpha")).toBeNull();
      });

      it("keeps notices apart per session and per workspace, and a newer one replaces an older", async () => {
        await store.putNotice(KEY, "alpha", notice("beta"));
        await store.putNotice(KEY, "alpha", notice(null, 1_764_000_200_000));
        await store.putNotice(KEY, "gamma", notice("beta"));
        await store.putNotice(OTHER_KEY, "alpha", notice("delta"));
        expect(await store.takeNotice(KEY, "alpha")).toEqual(notice(null, 1_764_000_200_000));
        expect(await store.takeNotice(OTHER_KEY, "alpha")).toEqual(notice("delta"));
        expect(await store.takeNotice(KEY, "gamma")).toEqual(notice("beta"));
        expect(await store.takeNotice(KEY, "gamma")).toBeNull();
      });

      it("gives a notice to exactly one of many concurrent takers", async () => {
        const stores = [store, await open(), await open()];
        await store.putNotice(KEY, "alpha", notice("beta"));
        const taken = await Promise.all(Array.from({ length: 24 }, (_, i) => stores[i % stores.length]!.takeNotice(KEY, "alpha")));
        expect(taken.filter((n) => n !== null)).toEqual([notice("beta")]);
      });

      it("hands a notice left through one store to a session asking through another", async () => {
        const other = await open();
        await store.putNotice(KEY, "alpha", notice("beta"));
        expect(await other.takeNotice(KEY, "alpha")).toEqual(notice("beta"));
      });

      it("does not list notices as locks", async () => {
        await store.putNotice(KEY, "alpha", notice("beta"));
        expect((await store.list()).map((l) => l.key).sort()).toEqual([KEY, OTHER_KEY].sort());
      });
    });

    describe("what a session holds", () => {
      it("lists the keys a session noted, once each, apart from other sessions", async () => {
        expect(await store.heldBy("alpha")).toEqual([]);
        await store.noteHeld("alpha", KEY);
        await store.noteHeld("alpha", OTHER_KEY);
        await store.noteHeld("alpha", KEY);
        await store.noteHeld("beta", OTHER_KEY);
        expect((await store.heldBy("alpha")).sort()).toEqual([KEY, OTHER_KEY].sort());
        expect(await store.heldBy("beta")).toEqual([OTHER_KEY]);
      });

      it("is seen through another store on the same backing, and forgotten for one session only", async () => {
        const other = await open();
        await store.noteHeld("alpha", KEY);
        await store.noteHeld("beta", KEY);
        expect(await other.heldBy("alpha")).toEqual([KEY]);
        await other.forgetHeld("alpha");
        expect(await store.heldBy("alpha")).toEqual([]);
        expect(await store.heldBy("beta")).toEqual([KEY]);
      });

      it("keeps every note of many concurrent takers", async () => {
        const stores = [store, await open(), await open()];
        const keys = Array.from({ length: 12 }, (_, i) => i.toString(16).padStart(12, "0"));
        await Promise.all(keys.map((key, i) => stores[i % stores.length]!.noteHeld("alpha", key)));
        expect((await store.heldBy("alpha")).sort()).toEqual(keys);
      });

      it("does not list an index as a lock", async () => {
        await store.noteHeld("alpha", KEY);
        expect(await store.list()).toEqual([]);
      });
    });

    it("names where a lock lives, by its key", () => {
      expect(store.location(KEY)).toContain(KEY);
      expect(store.location(KEY)).not.toBe(store.location(OTHER_KEY));
    });
  });
}
