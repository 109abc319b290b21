// The lock store port. Every change is a compare-and-swap against the exact record a reader
// saw (its Version), so no decision is ever applied to a lock that changed after it was read.

import type { LockRecord, Observed } from "./record.js";

/** Names the exact stored record a read returned; opaque outside the store that issued it. */
export interface Version {
  readonly token: string;
}

export interface Snapshot {
  observed: Observed;
  /** null when nothing is stored: then only `create` can apply. */
  version: Version | null;
}

/**
 * ok: applied. conflict: the lock is no longer what was read; read again now.
 * busy: another process is in the middle of changing it; read again after a short pause.
 */
export type SwapResult = "ok" | "conflict" | "busy";

/** Told to a session whose lock another session took over or cleared, once, on its next call. */
export interface LostNotice {
  /** The session that took the lock, or null when an operator cleared it. */
  by: { session_id: string; pid: number } | null;
  at: number;
  reason: "stale" | "cleared" | "idle";
  /** The generation the notified session last held. */
  generation: number | null;
}

export interface StoredLock {
  key: string;
  location: string;
  /** An entry that cannot be read at all lists as corrupt with a null version: nothing can swap it. */
  snapshot: Snapshot;
}

export interface LockStore {
  read(key: string): Promise<Snapshot>;
  /** Create the lock only if none exists. */
  create(key: string, record: LockRecord): Promise<SwapResult>;
  /** Replace the lock only if it is still exactly `expected`. */
  replace(key: string, expected: Version, record: LockRecord): Promise<SwapResult>;
  /** Remove the lock only if it is still exactly `expected`. */
  remove(key: string, expected: Version): Promise<SwapResult>;
  list(): Promise<StoredLock[]>;
  /** Leave a notice for `sessionId` about the lock of `key`. */
  putNotice(key: string, sessionId: string, notice: LostNotice): Promise<void>;
  /** Take (read and delete) the notice for `sessionId`: of concurrent takers, exactly one gets it. */
  takeNotice(key: string, sessionId: string): Promise<LostNotice | null>;
  /**
   * Notes that `sessionId` took the lock of `key`, so that its stop finds every lock it holds
   * without looking at every lock there is. Stale entries are harmless: each lock is judged again.
   */
  noteHeld(sessionId: string, key: string): Promise<void>;
  /** The keys `sessionId` has taken (each may have changed hands since), without duplicates. */
  heldBy(sessionId: string): Promise<string[]>;
  /** Forgets what `sessionId` took, when it ends. */
  forgetHeld(sessionId: string): Promise<void>;
  /** Where the lock of `key` lives, for people (a path, or a Redis key without credentials). */
  location(key: string): string;
  close(): Promise<void>;
}
