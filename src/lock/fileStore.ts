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
// - Nothing is ever written through a name another user could have planted: every file the
//   store creates is created exclusively (O_EXCL) under an unguessable name, opened without
//   following symlinks, and published by link or rename, which replace names, never targets.
//   A runtime directory another user owns or can write is refused before anything is done in it.
// - Whatever sits at a lock path is judged for what it is: a symlink is a corrupt lock (taken
//   over by replacing the link, never followed), a file another user owns is reported with its
//   owner and how to remove it, a directory is reported, and nothing is ever spun on.

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
  | "statSync"
  | "linkSync"
  | "renameSync"
  | "unlinkSync"
  | "mkdirSync"
  | "readdirSync"
  | "readlinkSync"
>;

export interface FileStoreOptions {
  fs?: FileStoreFs;
  now?: () => number;
  /** How old a claim must be before its claimant is presumed dead. */
  claimStaleMs?: number;
  /** The user the runtime directory must belong to (process.getuid()); undefined where there are no uids. */
  uid?: number;
}

/** The file store's own extras: sweeping leftovers, and removing what no compare-and-swap can. */
export interface FileStoreExtras {
  sweep(olderThanMs: number): string[];
  /** Notices older than `olderThanMs` (every notice when 0) are removed; returns their paths. */
  sweepNotices(olderThanMs: number): string[];
  /** How many notices older than `olderThanMs` are waiting for a session that never came back. */
  staleNotices(olderThanMs: number): number;
  /**
   * Removes what sits at the lock path of `key` when the guard cannot judge it by compare-and-swap:
   * a file another user owns (none of this user's guards can claim it, so nothing of ours changes
   * it between the look and the unlink). Never a directory, never a lock this user can judge.
   */
  discard(key: string): "removed" | "absent" | "kept";
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
/** Stands for the text of a symlink at the lock path (a NUL, so no real record reads as it). */
const SYMLINK = "\u0000symlink:";
/** Undelivered lost-lock notices are kept a day, as in the Redis store. */
export const NOTICE_TTL_MS = 86_400_000;
const { O_RDONLY, O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW, O_NONBLOCK } = nodeFs.constants;
/** Never follow a symlink, never block on a FIFO someone put there. */
const READ_FLAGS = O_RDONLY | O_NOFOLLOW | O_NONBLOCK;
const CREATE_FLAGS = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW;
const { O_APPEND } = nodeFs.constants;
/** A session's index of the locks it took: appended to by its hooks, never through a symlink. */
const APPEND_FLAGS = O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW;
/** An index nobody appended to for a week belongs to a session long gone. */
export const HELD_INDEX_TTL_MS = 7 * 86_400_000;

export function lockFileName(key: string): string {
  return `session-lock-${key}.json`;
}

export function fileStore(runtimeDir: string, options: FileStoreOptions = {}): LockStore & FileStoreExtras {
  const fs = options.fs ?? nodeFs;
  const now = options.now ?? Date.now;
  const claimStaleMs = options.claimStaleMs ?? 3000;
  const pathOf = (key: string) => join(runtimeDir, lockFileName(key));
  const noticePrefix = (key: string) => `session-notice-${key}-`;
  const noticePath = (key: string, sessionId: string) => join(runtimeDir, `${noticePrefix(key)}${md5Hex(sessionId).slice(0, 12)}.json`);
  const heldPath = (sessionId: string) => join(runtimeDir, `session-held-${md5Hex(sessionId).slice(0, 12)}.keys`);
  let checked = false;

  /**
   * The runtime directory must be this user's and writable by nobody else, or another user could
   * plant files where the guard writes, or replace its locks. Checked once per store, before the
   * first step; a directory that does not exist yet is created 0700 when first written.
   */
  function checkRuntimeDir(): void {
    if (checked) return;
    let stat: nodeFs.Stats;
    try {
      stat = fs.statSync(runtimeDir);
    } catch (error) {
      const code = errnoOf(error);
      if (code === "ENOENT") return;
      if (code === "ENOTDIR") throw new StoreError(files.runtimeNotDirectory(runtimeDir), code);
      throw failure(files.cannotRead(runtimeDir), error);
    }
    if (!stat.isDirectory()) throw new StoreError(files.runtimeNotDirectory(runtimeDir), "ENOTDIR");
    if (options.uid !== undefined && stat.uid !== options.uid) throw new StoreError(files.runtimeForeign(runtimeDir, stat.uid), "EUNSAFE");
    if ((stat.mode & 0o022) !== 0) throw new StoreError(files.runtimeOpen(runtimeDir, stat.mode & 0o777), "EUNSAFE");
    checked = true;
  }

  function read(path: string): Snapshot {
    checkRuntimeDir();
    let fd: number;
    try {
      fd = fs.openSync(path, READ_FLAGS);
    } catch (error) {
      const code = errnoOf(error);
      if (code === "ENOENT") return { observed: ABSENT, version: null };
      if (code === "ENOTDIR") throw new StoreError(files.runtimeNotDirectory(runtimeDir), code);
      if (code === "ELOOP") return readSymlink(path);
      if (code === "EACCES" && options.uid !== undefined && ownerOf(path) !== options.uid) {
        throw new StoreError(files.foreignUnreadable(path, ownerOf(path)), "EFOREIGN");
      }
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

  /**
   * A symlink at the lock path is no record: it reads as corrupt, with a version (its inode and
   * target) that a takeover's compare-and-swap can replace. Linux link(2) links the symlink
   * itself, and rename(2) replaces the link, so nothing is ever written through it.
   */
  function readSymlink(path: string): Snapshot {
    try {
      const stat = fs.lstatSync(path, { bigint: true });
      const target = fs.readlinkSync(path, "utf8");
      return { observed: { kind: "corrupt", reason: corrupt.symlink(target) }, version: { token: stat.ino.toString(), text: `${SYMLINK}${target}` } as FileVersion };
    } catch (error) {
      if (errnoOf(error) === "ENOENT") return { observed: ABSENT, version: null };
      throw failure(files.cannotRead(path), error);
    }
  }

  function ownerOf(path: string): number | null {
    try {
      return fs.lstatSync(path).uid;
    } catch {
      return null;
    }
  }

  /** Writes the record to a private temp file beside the lock; the caller removes it. */
  function writeTemp(path: string, record: LockRecord): string {
    const text = serializeRecord(record);
    // A record the guard could not read back would be taken for corrupt by the next session.
    if (Buffer.byteLength(text) > MAX_RECORD_BYTES) throw new StoreError(files.recordTooLarge(MAX_RECORD_BYTES), "ERECORD");
    return writePrivate(path, text);
  }

  /** Creates `<path>.<random>.tmp` exclusively, without following symlinks, and writes `text` to it. */
  function writePrivate(path: string, text: string): string {
    checkRuntimeDir();
    const temp = tempName(path);
    const data = Buffer.from(text);
    let fd: number;
    try {
      fd = fs.openSync(temp, CREATE_FLAGS, 0o600);
    } catch (error) {
      if (errnoOf(error) !== "ENOENT") throw failure(files.cannotWrite(runtimeDir), error);
      makeRuntimeDir();
      try {
        fd = fs.openSync(temp, CREATE_FLAGS, 0o600);
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
        // fs.protected_hardlinks: only the owner of a file may link it.
        if (code === "EPERM" && options.uid !== undefined && ownerOf(path) !== options.uid) {
          throw new StoreError(files.foreignLock(path, ownerOf(path)), "EFOREIGN");
        }
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

  /** Whether the claimed inode holds exactly what was judged: the same bytes, or the same symlink. */
  function holds(path: string, expected: Version): boolean {
    const text = (expected as Partial<FileVersion>).text;
    if (text === undefined) return false;
    try {
      if (text.startsWith(SYMLINK)) return fs.lstatSync(path).isSymbolicLink() && `${SYMLINK}${fs.readlinkSync(path, "utf8")}` === text;
      const fd = fs.openSync(path, READ_FLAGS);
      try {
        return readAll(fd, path) === text;
      } finally {
        closeQuietly(fd);
      }
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
      checkRuntimeDir();
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
      let temp: string | null = null;
      try {
        temp = writePrivate(path, JSON.stringify(notice));
        fs.renameSync(temp, path);
        temp = null;
      } catch (error) {
        if (error instanceof StoreError) throw error;
        throw failure(files.cannotLeaveNotice(runtimeDir), error);
      } finally {
        if (temp !== null) unlinkQuietly(temp);
      }
      // Notices of sessions that never came back would pile up: this workspace's expire here.
      for (const old of notices((name, at) => name.startsWith(noticePrefix(key)) && now() - at > NOTICE_TTL_MS)) unlinkQuietly(old);
    },

    async takeNotice(key, sessionId) {
      checkRuntimeDir();
      const path = noticePath(key, sessionId);
      const found = readNotice(path);
      if (found === null) return null;
      // unlink(2) succeeds for exactly one of the session's concurrent hook calls: the one that tells.
      try {
        fs.unlinkSync(path);
      } catch {
        return null;
      }
      // A notice left more than a day ago has expired, as it would in Redis.
      return now() - found.leftAt <= NOTICE_TTL_MS ? found.notice : null;
    },

    /** One line per lock taken, appended with O_APPEND: concurrent hooks of one session never tear each other's lines. */
    async noteHeld(sessionId, key) {
      checkRuntimeDir();
      const path = heldPath(sessionId);
      const line = Buffer.from(`${key}\n`);
      let fd: number;
      try {
        fd = fs.openSync(path, APPEND_FLAGS, 0o600);
      } catch (error) {
        if (errnoOf(error) !== "ENOENT") throw failure(files.cannotWrite(runtimeDir), error);
        makeRuntimeDir();
        try {
          fd = fs.openSync(path, APPEND_FLAGS, 0o600);
        } catch (retryError) {
          throw failure(files.cannotWrite(runtimeDir), retryError);
        }
      }
      try {
        fs.writeSync(fd, line, 0, line.length);
      } catch (error) {
        throw failure(files.cannotWrite(runtimeDir), error);
      } finally {
        closeQuietly(fd);
      }
    },

    async heldBy(sessionId) {
      checkRuntimeDir();
      let fd: number;
      try {
        fd = fs.openSync(heldPath(sessionId), READ_FLAGS);
      } catch (error) {
        // None yet, or something that is not this session's index (a symlink): nothing noted.
        if (errnoOf(error) === "ENOENT" || errnoOf(error) === "ELOOP") return [];
        throw failure(files.cannotRead(heldPath(sessionId)), error);
      }
      try {
        return [...new Set(readAll(fd, heldPath(sessionId)).split("\n").filter((line) => /^[0-9a-f]{12}$/.test(line)))];
      } finally {
        closeQuietly(fd);
      }
    },

    async forgetHeld(sessionId) {
      unlinkQuietly(heldPath(sessionId));
    },

    async close() {},

    /**
     * Removes temp and claim files left by processes that died mid-change. Only names this store
     * creates, only older than `olderThanMs`: a live writer's files are never touched.
     */
    sweep(olderThanMs) {
      const removed: string[] = [];
      for (const name of names()) {
        // A session's index of its locks, untouched for a week: the session is long gone.
        if (/^session-held-[0-9a-f]{12}\.keys$/.test(name)) {
          const path = join(runtimeDir, name);
          const stat = statQuietly(path);
          if (stat !== null && now() - Number(stat.mtimeMs) > Math.max(olderThanMs, HELD_INDEX_TTL_MS)) {
            unlinkQuietly(path);
            removed.push(path);
          }
          continue;
        }
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

    sweepNotices(olderThanMs) {
      const old = notices((_name, at) => olderThanMs === 0 || now() - at > olderThanMs);
      for (const path of old) unlinkQuietly(path);
      return old;
    },

    staleNotices(olderThanMs) {
      return notices((_name, at) => now() - at > olderThanMs).length;
    },

    discard(key) {
      const path = pathOf(key);
      const stat = statQuietly(path);
      if (stat === null) return "absent";
      if (stat.isDirectory() || options.uid === undefined || Number(stat.uid) === options.uid) return "kept";
      try {
        fs.unlinkSync(path);
        return "removed";
      } catch (error) {
        if (errnoOf(error) === "ENOENT") return "absent";
        throw failure(files.cannotChange(path), error);
      }
    },
  };

  function names(): string[] {
    try {
      return fs.readdirSync(runtimeDir);
    } catch {
      return [];
    }
  }

  /** The paths of the notices `pick` chooses, given their names and when they were left (mtime). */
  function notices(pick: (name: string, leftAt: number) => boolean): string[] {
    const picked: string[] = [];
    for (const name of names()) {
      if (!/^session-notice-[0-9a-f]{12}-[0-9a-f]{12}\.json$/.test(name)) continue;
      const path = join(runtimeDir, name);
      const stat = statQuietly(path);
      if (stat !== null && pick(name, Number(stat.mtimeMs))) picked.push(path);
    }
    return picked;
  }

  /** A notice and when it was left (its file's mtime), or null when there is none this session can trust. */
  function readNotice(path: string): { notice: LostNotice; leftAt: number } | null {
    let fd: number;
    try {
      fd = fs.openSync(path, READ_FLAGS);
    } catch {
      // Gone, a symlink someone put there, or unreadable.
      return null;
    }
    try {
      const leftAt = Number(fs.fstatSync(fd).mtimeMs);
      const value: unknown = JSON.parse(readAll(fd, path));
      return typeof value === "object" && value !== null ? { notice: value as LostNotice, leftAt } : null;
    } catch {
      return null;
    } finally {
      closeQuietly(fd);
    }
  }
}

/** A private name beside `path`: random, so no other process, or other user, can guess it. */
function tempName(path: string): string {
  return `${path}.${Math.random().toString(36).slice(2, 10)}${Math.random().toString(36).slice(2, 10)}.tmp`;
}

function failure(what: string, error: unknown): StoreError {
  return new StoreError(files.withCause(what, messageOf(error)), errnoOf(error) ?? "EUNKNOWN");
}
