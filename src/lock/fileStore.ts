// The file store: one record file per workspace, changed only by atomic file-system steps.
//
// Invariants:
// - A reader never sees a partial record: records are written to a private temp file and only
//   then published, by link(2) (create) or rename(2) (replace), both atomic.
// - Create is exclusive: link(2) fails with EEXIST when a lock exists, so of any number of
//   processes creating a free lock exactly one succeeds.
// - Replace and remove are compare-and-swap on the lock's inode. A process that read inode I
//   first hard-links the lock to the claim name `<lock>.<I>.claim1`. link(2) is exclusive, so of
//   all processes acting on I exactly one gets the claim, and every writer of an existing lock
//   (refresh, takeover, release, clear) needs it: while it is held nobody else can change the
//   lock. The claim is a link to I itself, which pins the inode number while it exists. After a
//   change frees I, the kernel may reuse its number for a later lock, so a slow process that read
//   the old record could win a claim on the new one: the claimant therefore also checks that the
//   claimed inode holds exactly the bytes it judged, and backs off otherwise. (Byte-identical
//   records mean the same decision, so that check is exact.)
// - A claimant that died between claim and change leaves its claim behind. link(2) sets the
//   inode's ctime, so a claim whose ctime is older than `claimStaleMs` (far longer than the
//   sub-millisecond change) is stepped over by claiming the next level, `<lock>.<I>.claim2`.
//   Stepping over also bumps ctime, so contenders keep waiting for the new claimant.

import * as nodeFs from "node:fs";
import { join } from "node:path";
import { errnoOf, messageOf, StoreError } from "../errors.js";
import { corrupt, files } from "../messages.js";
import { md5Hex } from "./md5.js";
import type { LockStore, LostNotice, Snapshot, StoredLock, SwapResult, Version } from "./port.js";
import { ABSENT, type LockRecord, parseRecord, serializeRecord } from "./record.js";

/** Every file-system call the store makes, so tests can inject faults. */
export type FileStoreFs = Pick<
  typeof nodeFs,
  | "openSync"
  | "closeSync"
  | "readSync"
  | "writeSync"
  | "fstatSync"
  | "lstatSync"
  | "linkSync"
  | "renameSync"
  | "unlinkSync"
  | "mkdirSync"
  | "readdirSync"
  | "readFileSync"
  | "writeFileSync"
>;

export interface FileStoreOptions {
  fs?: FileStoreFs;
  now?: () => number;
  /** How old a claim must be before its claimant is presumed dead. */
  claimStaleMs?: number;
}

/** The inode a reader saw, and the exact bytes it judged: together they name one record. */
interface FileVersion extends Version {
  readonly text: string;
}

const LOCK_FILE = /^session-lock-([0-9a-f]{12})\.json$/;
const MAX_RECORD_BYTES = 64 * 1024;
/** Stands for the text of any record over MAX_RECORD_BYTES; no real record reads as it (a NUL). */
const OVERSIZED = "\u0000oversized";
const MAX_CLAIM_LEVELS = 8;

export function lockFileName(key: string): string {
  return `session-lock-${key}.json`;
}

export function fileStore(runtimeDir: string, options: FileStoreOptions = {}): LockStore & { sweep(olderThanMs: number): string[] } {
  const fs = options.fs ?? nodeFs;
  const now = options.now ?? Date.now;
  const claimStaleMs = options.claimStaleMs ?? 3000;
  const pathOf = (key: string) => join(runtimeDir, lockFileName(key));
  const noticePath = (key: string, sessionId: string) =>
    join(runtimeDir, `session-notice-${key}-${md5Hex(sessionId).slice(0, 12)}.json`);

  function read(path: string): Snapshot {
    let fd: number;
    try {
      fd = fs.openSync(path, "r");
    } catch (error) {
      const code = errnoOf(error);
      if (code === "ENOENT") return { observed: ABSENT, version: null };
      if (code === "ENOTDIR") throw new StoreError(files.runtimeNotDirectory(runtimeDir), code);
      throw failure(files.cannotRead(path), error);
    }
    try {
      let stat: nodeFs.BigIntStats;
      try {
        stat = fs.fstatSync(fd, { bigint: true });
      } catch (error) {
        throw failure(files.cannotRead(path), error);
      }
      if (!stat.isFile()) throw new StoreError(files.notRegularFile(path), "ENOTFILE");
      const text = readAll(fd, path);
      const version: FileVersion = { token: stat.ino.toString(), text };
      const observed = text === OVERSIZED ? ({ kind: "corrupt", reason: corrupt.oversized(MAX_RECORD_BYTES) } as const) : parseRecord(text);
      return { observed, version };
    } finally {
      closeQuietly(fd);
    }
  }

  function readAll(fd: number, path: string): string {
    const buffer = Buffer.alloc(MAX_RECORD_BYTES + 1);
    let length = 0;
    try {
      for (;;) {
        const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
        if (n === 0) break;
        length += n;
        if (length === buffer.length) break;
      }
    } catch (error) {
      throw failure(files.cannotRead(path), error);
    }
    // An oversized record is not ours: it is corrupt, and not worth reading whole.
    return length > MAX_RECORD_BYTES ? OVERSIZED : buffer.toString("utf8", 0, length);
  }

  /** Writes the record to a private temp file beside the lock; the caller removes it. */
  function writeTemp(path: string, record: LockRecord): string {
    const temp = tempName(path);
    const data = Buffer.from(serializeRecord(record));
    let fd: number;
    try {
      fd = fs.openSync(temp, "wx", 0o600);
    } catch (error) {
      if (errnoOf(error) !== "ENOENT") throw failure(files.cannotWrite(runtimeDir), error);
      makeRuntimeDir();
      try {
        fd = fs.openSync(temp, "wx", 0o600);
      } catch (retryError) {
        throw failure(files.cannotWrite(runtimeDir), retryError);
      }
    }
    try {
      let written = 0;
      while (written < data.length) written += fs.writeSync(fd, data, written, data.length - written);
    } catch (error) {
      closeQuietly(fd);
      unlinkQuietly(temp);
      throw failure(files.cannotWrite(runtimeDir), error);
    }
    try {
      fs.closeSync(fd);
    } catch (error) {
      unlinkQuietly(temp);
      throw failure(files.cannotWrite(runtimeDir), error);
    }
    return temp;
  }

  function makeRuntimeDir(): void {
    try {
      fs.mkdirSync(runtimeDir, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw failure(files.cannotCreateRuntime(runtimeDir), error);
    }
  }

  /** Takes the exclusive right to change the lock while it is still `expected`. */
  function claim(path: string, expected: Version): string[] | "conflict" | "busy" {
    const claims: string[] = [];
    for (let level = 1; level <= MAX_CLAIM_LEVELS; level++) {
      const claimPath = `${path}.${expected.token}.claim${level}`;
      try {
        fs.linkSync(path, claimPath);
      } catch (error) {
        const code = errnoOf(error);
        if (code === "ENOENT") return "conflict";
        if (code !== "EEXIST") throw failure(files.cannotChange(path), error);
        const held = statQuietly(claimPath);
        if (held === null) return "conflict";
        if (held.ino.toString() !== expected.token) return "conflict";
        if (now() - Number(held.ctimeMs) < claimStaleMs) return "busy";
        claims.push(claimPath);
        continue;
      }
      claims.push(claimPath);
      // link(2) follows whatever the lock is now; if that is no longer what we read, back off.
      // The inode number alone is not enough: once a change frees an inode, the kernel may give
      // its number to the next lock, so the claimed inode must also hold exactly the bytes judged.
      const linked = statQuietly(claimPath);
      if (linked === null || linked.ino.toString() !== expected.token || !holds(claimPath, expected)) {
        unlinkQuietly(claimPath);
        return "conflict";
      }
      return claims;
    }
    return "busy";
  }

  function holds(path: string, expected: Version): boolean {
    const text = (expected as Partial<FileVersion>).text;
    if (text === undefined) return false;
    try {
      const bytes = fs.readFileSync(path);
      return (bytes.length > MAX_RECORD_BYTES ? OVERSIZED : bytes.toString("utf8")) === text;
    } catch {
      return false;
    }
  }

  function swap(key: string, expected: Version, record: LockRecord | null): SwapResult {
    const path = pathOf(key);
    let temp = record === null ? null : writeTemp(path, record);
    try {
      const claims = claim(path, expected);
      if (typeof claims === "string") return claims;
      try {
        if (temp === null) {
          fs.unlinkSync(path);
        } else {
          fs.renameSync(temp, path);
          temp = null; // it is the lock now
        }
      } catch (error) {
        throw failure(files.cannotChange(path), error);
      } finally {
        for (const claimPath of claims) unlinkQuietly(claimPath);
      }
      return "ok";
    } finally {
      if (temp !== null) unlinkQuietly(temp);
    }
  }

  function statQuietly(path: string): nodeFs.BigIntStats | null {
    try {
      return fs.lstatSync(path, { bigint: true });
    } catch {
      return null;
    }
  }

  function unlinkQuietly(path: string): void {
    try {
      fs.unlinkSync(path);
    } catch {
      // Already gone (a rename moved it), or unremovable: either way it is not the lock.
    }
  }

  function closeQuietly(fd: number): void {
    try {
      fs.closeSync(fd);
    } catch {
      // The descriptor is released by the kernel on exit either way.
    }
  }

  return {
    async read(key) {
      return read(pathOf(key));
    },

    async create(key, record) {
      const path = pathOf(key);
      const temp = writeTemp(path, record);
      try {
        fs.linkSync(temp, path);
        return "ok";
      } catch (error) {
        if (errnoOf(error) === "EEXIST") return "conflict";
        throw failure(files.cannotCreate(path), error);
      } finally {
        unlinkQuietly(temp);
      }
    },

    async replace(key, expected, record) {
      return swap(key, expected, record);
    },

    async remove(key, expected) {
      return swap(key, expected, null);
    },

    async list() {
      let names: string[];
      try {
        names = fs.readdirSync(runtimeDir);
      } catch (error) {
        if (errnoOf(error) === "ENOENT") return [];
        throw failure(files.cannotList(runtimeDir), error);
      }
      const locks: StoredLock[] = [];
      for (const name of names.sort()) {
        const key = LOCK_FILE.exec(name)?.[1];
        if (key === undefined) continue;
        const location = join(runtimeDir, name);
        // One unreadable entry (a directory at a lock's name) must not hide every other lock.
        let snapshot: Snapshot;
        try {
          snapshot = read(location);
        } catch (error) {
          if (!(error instanceof StoreError)) throw error;
          snapshot = { observed: { kind: "corrupt", reason: error.message }, version: null };
        }
        locks.push({ key, location, snapshot });
      }
      return locks;
    },

    location: pathOf,

    async putNotice(key, sessionId, notice) {
      const path = noticePath(key, sessionId);
      const temp = tempName(path);
      try {
        try {
          fs.writeFileSync(temp, JSON.stringify(notice), { mode: 0o600 });
        } catch (error) {
          if (errnoOf(error) !== "ENOENT") throw error;
          makeRuntimeDir();
          fs.writeFileSync(temp, JSON.stringify(notice), { mode: 0o600 });
        }
        fs.renameSync(temp, path);
      } catch (error) {
        unlinkQuietly(temp);
        throw failure(files.cannotLeaveNotice(runtimeDir), error);
      }
    },

    async takeNotice(key, sessionId) {
      const path = noticePath(key, sessionId);
      let text: string;
      try {
        text = fs.readFileSync(path, "utf8");
      } catch (error) {
        if (errnoOf(error) === "ENOENT") return null;
        throw failure(files.cannotReadNotice(path), error);
      }
      // unlink(2) succeeds for exactly one of the session's concurrent hook calls: the one that tells.
      try {
        fs.unlinkSync(path);
      } catch {
        return null;
      }
      try {
        return JSON.parse(text) as LostNotice;
      } catch {
        return null;
      }
    },

    async close() {},

    /**
     * Removes temp and claim files left by processes that died mid-change. Only names this store
     * creates, only older than `olderThanMs`: a live writer's files are never touched.
     */
    sweep(olderThanMs) {
      let names: string[];
      try {
        names = fs.readdirSync(runtimeDir);
      } catch {
        return [];
      }
      const removed: string[] = [];
      for (const name of names) {
        if (!/^session-(lock|notice)-[0-9a-f-]+\.json\.\S+\.(tmp|claim\d+)$/.test(name)) continue;
        const path = join(runtimeDir, name);
        const stat = statQuietly(path);
        if (stat === null || now() - Number(stat.ctimeMs) < olderThanMs) continue;
        // A claim still linked to the live lock belongs to a claimant that may yet finish.
        if (name.includes(".claim")) {
          const lock = statQuietly(path.replace(/\.json\..*$/, ".json"));
          if (lock !== null && lock.ino === stat.ino) continue;
        }
        unlinkQuietly(path);
        removed.push(path);
      }
      return removed;
    },
  };
}

/** A private name beside `path`: random, so no other process, or other user, can guess it. */
function tempName(path: string): string {
  return `${path}.${Math.random().toString(36).slice(2, 10)}${Math.random().toString(36).slice(2, 10)}.tmp`;
}

function failure(what: string, error: unknown): StoreError {
  return new StoreError(files.withCause(what, messageOf(error)), errnoOf(error) ?? "EUNKNOWN");
}
