// The LockStore contract in memory, for tests that want a store without a file system: a
// compare-and-swap map that several MemoryStores may share (as processes share a runtime dir).
// It passes the same contract suite as the real stores (test/unit/lock/memoryStore.contract.test.ts),
// so a test built on it tests the guard against a store that behaves like the real ones.
//
// Instrumentation for the apply loop's tests: `reads`, the `swaps` made, and `before`, a queue
// of interferences that act as another process between a read and the next swap (they may change
// the map, or force an answer such as "busy").

import type { LockStore, LostNotice, Snapshot, StoredLock, SwapResult, Version } from "../../src/lock/port.js";
import { type LockRecord, type Observed, parseRecord } from "../../src/lock/record.js";

interface Entry {
  observed: Exclude<Observed, { kind: "absent" }>;
  version: string;
}

/** What several MemoryStores share. */
export class MemoryBacking {
  readonly locks = new Map<string, Entry>();
  readonly notices = new Map<string, string>();
  readonly held = new Map<string, Set<string>>();
  private counter = 0;

  nextVersion(): string {
    return String(++this.counter);
  }

  /** Puts raw bytes where the lock of `key` lives, as a broken or foreign writer would. */
  writeRaw(key: string, text: string | Buffer): void {
    const bytes = typeof text === "string" ? text : text.toString("utf8");
    this.locks.set(key, { observed: parseRecord(bytes) as Entry["observed"], version: this.nextVersion() });
  }
}

export type Interference = (store: MemoryStore) => SwapResult | undefined;

export class MemoryStore implements LockStore {
  reads = 0;
  swaps: Array<"create" | "replace" | "remove"> = [];
  before: Interference[] = [];

  constructor(
    readonly backing = new MemoryBacking(),
    private readonly options: { key?: string; clock?: { t: number }; readCostMs?: number } = {},
  ) {}

  /** Sets the lock of the default key (or `key`) outright, bypassing compare-and-swap. */
  put(record: LockRecord | null, key = this.options.key ?? "0123456789ab"): void {
    if (record === null) this.backing.locks.delete(key);
    else this.backing.locks.set(key, { observed: { kind: "record", record }, version: this.backing.nextVersion() });
  }

  /** The record of the default key (or `key`) as stored, or null. */
  current(key = this.options.key ?? "0123456789ab"): LockRecord | null {
    const entry = this.backing.locks.get(key);
    return entry?.observed.kind === "record" ? entry.observed.record : null;
  }

  async read(key: string): Promise<Snapshot> {
    this.reads++;
    if (this.options.clock) this.options.clock.t += this.options.readCostMs ?? 0;
    const entry = this.backing.locks.get(key);
    if (entry === undefined) return { observed: { kind: "absent" }, version: null };
    return { observed: entry.observed, version: { token: entry.version } };
  }

  async create(key: string, record: LockRecord): Promise<SwapResult> {
    this.swaps.push("create");
    const forced = this.interfere();
    if (forced) return forced;
    if (this.backing.locks.has(key)) return "conflict";
    this.put(record, key);
    return "ok";
  }

  async replace(key: string, expected: Version, record: LockRecord): Promise<SwapResult> {
    this.swaps.push("replace");
    const forced = this.interfere();
    if (forced) return forced;
    if (this.backing.locks.get(key)?.version !== expected.token) return "conflict";
    this.put(record, key);
    return "ok";
  }

  async remove(key: string, expected: Version): Promise<SwapResult> {
    this.swaps.push("remove");
    const forced = this.interfere();
    if (forced) return forced;
    if (this.backing.locks.get(key)?.version !== expected.token) return "conflict";
    this.backing.locks.delete(key);
    return "ok";
  }

  async list(): Promise<StoredLock[]> {
    const keys = [...this.backing.locks.keys()].sort();
    return Promise.all(keys.map(async (key) => ({ key, location: this.location(key), snapshot: await this.read(key) })));
  }

  async putNotice(key: string, sessionId: string, notice: LostNotice): Promise<void> {
    this.backing.notices.set(`${key}\u0000${sessionId}`, JSON.stringify(notice));
  }

  async takeNotice(key: string, sessionId: string): Promise<LostNotice | null> {
    const id = `${key}\u0000${sessionId}`;
    const text = this.backing.notices.get(id);
    if (text === undefined) return null;
    this.backing.notices.delete(id);
    return JSON.parse(text) as LostNotice;
  }

  async noteHeld(sessionId: string, key: string): Promise<void> {
    this.backing.held.set(sessionId, new Set([...(this.backing.held.get(sessionId) ?? []), key]));
  }

  async heldBy(sessionId: string): Promise<string[]> {
    return [...(this.backing.held.get(sessionId) ?? [])];
  }

  async forgetHeld(sessionId: string): Promise<void> {
    this.backing.held.delete(sessionId);
  }

  location(key: string): string {
    return `memory:${key}`;
  }

  async close(): Promise<void> {}

  private interfere(): SwapResult | undefined {
    return this.before.shift()?.(this);
  }
}
