import { constants, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LockRecord, Observed } from "../../../src/lock/record.js";
import { type FileStoreFs, fileStore, lockFileName } from "../../../src/lock/fileStore.js";
import { StoreError } from "../../../src/errors.js";
import type { Version } from "../../../src/lock/port.js";

// Every node:fs function this file or the store reaches through the module is recorded while
// `direct.watching` is on: the store must make none of those calls when given its own `fs`.
const direct = vi.hoisted(() => ({ watching: false, calls: [] as string[] }));
vi.mock("node:fs", async (importOriginal) => {
  const real = await importOriginal<Record<string, unknown>>();
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(real)) {
    wrapped[name] =
      typeof value === "function" && /^[a-z]/.test(name)
        ? (...args: unknown[]) => {
            if (direct.watching) direct.calls.push(name);
            return (value as (...a: unknown[]) => unknown).apply(real, args);
          }
        : value;
  }
  return { ...wrapped, default: wrapped };
});

const realFs = await vi.importActual<typeof import("node:fs")>("node:fs");

const KEY = "0123456789ab";

let dir: string;
let runtime: string;
let lockPath: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "csg-store-"));
  runtime = join(dir, "runtime");
  lockPath = join(runtime, lockFileName(KEY));
});

afterEach(() => {
  direct.watching = false;
  direct.calls = [];
  rmSync(dir, { recursive: true, force: true });
});

const record = (sessionId: string, over: Partial<LockRecord> = {}): LockRecord => ({
  schema_version: 1,
  session_id: sessionId,
  pid: 4242,
  acquired_at: 1_764_000_000_000,
  ttl_ms: 300_000,
  ...over,
});

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected fault`), { code });
}

type Real = (...args: any[]) => any;
/** A replacement for one fs function; it gets the real one to call through when it likes. */
type Fault = (real: Real, ...args: any[]) => unknown;

/** Real node:fs with faults injected into chosen functions, and a record of every call. */
function injectedFs(faults: Record<string, Fault> = {}, before?: (name: string) => void): FileStoreFs & { calls: string[] } {
  const calls: string[] = [];
  return new Proxy({ calls } as unknown as FileStoreFs & { calls: string[] }, {
    get(_target, name) {
      if (name === "calls") return calls;
      const fn = (realFs as unknown as Record<string | symbol, unknown>)[name];
      if (typeof fn !== "function") return fn;
      const real = (fn as Real).bind(realFs);
      return (...args: unknown[]) => {
        calls.push(name as string);
        before?.(name as string);
        const fault = faults[name as string];
        return fault ? fault(real, ...args) : real(...args);
      };
    },
  });
}

/** What sits in the runtime directory: the lock, and any temp or claim file left beside it. */
function entries(): string[] {
  try {
    return readdirSync(runtime).sort();
  } catch {
    return [];
  }
}

function lockState(): { ino: bigint; text: string } | null {
  try {
    return { ino: lstatSync(lockPath, { bigint: true }).ino, text: readFileSync(lockPath, "utf8") };
  } catch {
    return null;
  }
}

async function seed(sessionId = "old"): Promise<Version> {
  const store = fileStore(runtime);
  expect(await store.create(KEY, record(sessionId))).toBe("ok");
  return (await store.read(KEY)).version!;
}

async function failure(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    (value) => {
      throw new Error(`expected a StoreError, got ${JSON.stringify(value)}`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

/** writeSync that writes half of what it is asked, then fails with `code` on the next call. */
const halfThen =
  (code: string): Fault =>
  (real, fd, buffer, offset, length) => {
    if (length > 1) return real(fd, buffer, offset, Math.floor(length / 2));
    throw errno(code);
  };
const onTempOpen =
  (code: string): Fault =>
  (real, path, flags, mode) => {
    // The temp file is the one opened to be created exclusively.
    if (typeof flags === "number" && (flags & constants.O_EXCL) !== 0) throw errno(code);
    return real(path, flags, mode);
  };
const always =
  (code: string): Fault =>
  () => {
    throw errno(code);
  };

describe("fault injection: a failed write leaves nothing that blocks anyone", () => {
  it.each(["EIO", "ENOSPC"])("a create whose write fails half way (%s) throws, leaves no lock and no temp file", async (code) => {
    const store = fileStore(runtime, { fs: injectedFs({ writeSync: halfThen(code) }) });
    const error = await failure(store.create(KEY, record("me")));
    expect(error.code).toBe(code);
    expect(entries()).toEqual([]);
    expect(await fileStore(runtime).create(KEY, record("next"))).toBe("ok");
  });

  it.each(["EIO", "ENOSPC"])("a takeover whose write fails half way (%s) throws and leaves the old lock as it was", async (code) => {
    const version = await seed();
    const before = lockState();
    const store = fileStore(runtime, { fs: injectedFs({ writeSync: halfThen(code) }) });
    expect((await failure(store.replace(KEY, version, record("me")))).code).toBe(code);
    expect(lockState()).toEqual(before);
    expect(entries()).toEqual([lockFileName(KEY)]);
    // No claim was left either: the next writer of that version gets straight through.
    expect(await fileStore(runtime).replace(KEY, version, record("next"))).toBe("ok");
  });

  it("a takeover whose rename fails throws, leaves the old lock, and drops its claim and temp file", async () => {
    const version = await seed();
    const before = lockState();
    const fs = injectedFs({ renameSync: always("EIO") });
    const error = await failure(fileStore(runtime, { fs }).replace(KEY, version, record("me")));
    expect(error.code).toBe("EIO");
    expect(fs.calls).toContain("linkSync");
    expect(lockState()).toEqual(before);
    expect(entries()).toEqual([lockFileName(KEY)]);
    expect(await fileStore(runtime).replace(KEY, version, record("next"))).toBe("ok");
  });

  it("ENOSPC when opening the temp file makes a create throw and leaves nothing behind", async () => {
    const store = fileStore(runtime, { fs: injectedFs({ openSync: onTempOpen("ENOSPC") }) });
    expect((await failure(store.create(KEY, record("me")))).code).toBe("ENOSPC");
    expect(entries()).toEqual([]);
    expect(await fileStore(runtime).create(KEY, record("next"))).toBe("ok");
  });

  it("ENOSPC when opening the temp file makes a takeover throw and leaves the old lock", async () => {
    const version = await seed();
    const before = lockState();
    const store = fileStore(runtime, { fs: injectedFs({ openSync: onTempOpen("ENOSPC") }) });
    expect((await failure(store.replace(KEY, version, record("me")))).code).toBe("ENOSPC");
    expect(lockState()).toEqual(before);
    expect(entries()).toEqual([lockFileName(KEY)]);
  });

  it("EACCES on the link that publishes a new lock throws and leaves no lock and no temp file", async () => {
    const store = fileStore(runtime, { fs: injectedFs({ linkSync: always("EACCES") }) });
    expect((await failure(store.create(KEY, record("me")))).code).toBe("EACCES");
    expect(entries()).toEqual([]);
    expect(await fileStore(runtime).create(KEY, record("next"))).toBe("ok");
  });

  it("EACCES on the claim link of a takeover throws and leaves the old lock, no claim and no temp file", async () => {
    const version = await seed();
    const before = lockState();
    const store = fileStore(runtime, { fs: injectedFs({ linkSync: always("EACCES") }) });
    expect((await failure(store.replace(KEY, version, record("me")))).code).toBe("EACCES");
    expect(lockState()).toEqual(before);
    expect(entries()).toEqual([lockFileName(KEY)]);
  });

  it("EIO when closing the written temp file throws and removes the temp file", async () => {
    let closes = 0;
    // The first close is the temp file's: nothing is read before a create.
    const closeFails: Fault = (real, fd) => {
      real(fd);
      if (closes++ === 0) throw errno("EIO");
    };
    const store = fileStore(runtime, { fs: injectedFs({ closeSync: closeFails }) });
    expect((await failure(store.create(KEY, record("me")))).code).toBe("EIO");
    expect(entries()).toEqual([]);
  });

  it("a release whose unlink fails throws, keeps the lock as it was and drops its claim", async () => {
    const version = await seed("me");
    const before = lockState();
    const fs = injectedFs({ unlinkSync: (real, path) => (path === lockPath ? always("EACCES")(real) : real(path)) });
    expect((await failure(fileStore(runtime, { fs }).remove(KEY, version))).code).toBe("EACCES");
    expect(lockState()).toEqual(before);
    expect(entries()).toEqual([lockFileName(KEY)]);
    expect(await fileStore(runtime).remove(KEY, version)).toBe("ok");
  });

  it("an unreadable lock is a StoreError, never an absent lock", async () => {
    await seed();
    const store = fileStore(runtime, { fs: injectedFs({ readSync: always("EIO") }) });
    expect((await failure(store.read(KEY))).code).toBe("EIO");
  });
});

describe("store semantics on a real directory", () => {
  it("creates the runtime directory 0700 and the lock 0600 on the first write", async () => {
    expect(await fileStore(runtime).create(KEY, record("me"))).toBe("ok");
    expect(statSync(runtime).mode & 0o777).toBe(0o700);
    expect(statSync(lockPath).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(lockPath, "utf8"))).toEqual(record("me"));
  });

  it("reads back what it wrote, with a version, and an absent lock as absent without a version", async () => {
    const store = fileStore(runtime);
    expect(await store.read(KEY)).toEqual({ observed: { kind: "absent" }, version: null });
    await store.create(KEY, record("me"));
    const snapshot = await store.read(KEY);
    expect(snapshot.observed).toEqual({ kind: "record", record: record("me") });
    expect(snapshot.version).not.toBeNull();
  });

  it("create is exclusive: a second create conflicts and the first record stays", async () => {
    const store = fileStore(runtime);
    expect(await store.create(KEY, record("first"))).toBe("ok");
    expect(await store.create(KEY, record("second"))).toBe("conflict");
    expect(JSON.parse(readFileSync(lockPath, "utf8")).session_id).toBe("first");
    expect(entries()).toEqual([lockFileName(KEY)]);
  });

  it("replace with the version read swaps the record; a second replace with that stale version conflicts", async () => {
    const store = fileStore(runtime);
    const version = await seed();
    expect(await store.replace(KEY, version, record("newer"))).toBe("ok");
    const newer = lockState();
    expect(await store.replace(KEY, version, record("late"))).toBe("conflict");
    expect(lockState()).toEqual(newer);
    expect(JSON.parse(newer!.text).session_id).toBe("newer");
    expect(entries()).toEqual([lockFileName(KEY)]);
  });

  it("remove with a stale version conflicts and leaves the newer lock alone", async () => {
    const store = fileStore(runtime);
    const version = await seed();
    expect(await store.replace(KEY, version, record("newer"))).toBe("ok");
    const newer = lockState();
    expect(await store.remove(KEY, version)).toBe("conflict");
    expect(lockState()).toEqual(newer);
  });

  it("remove with the current version deletes the lock and leaves no claim behind", async () => {
    const store = fileStore(runtime);
    const version = await seed();
    expect(await store.remove(KEY, version)).toBe("ok");
    expect(entries()).toEqual([]);
  });

  it("a version read before the lock was removed and created anew is stale, though the new lock got the same inode number", async () => {
    const store = fileStore(runtime);
    await seed("x");
    const slow = (await store.read(KEY)).version!; // a hook reads X's record, then stalls...
    expect(await store.remove(KEY, (await store.read(KEY)).version!)).toBe("ok"); // ...X releases...
    expect(await store.create(KEY, record("d"))).toBe("ok"); // ...and D takes the free lock.
    const dLock = lockState();
    expect(await store.replace(KEY, slow, record("slow"))).toBe("conflict");
    expect(await store.remove(KEY, slow)).toBe("conflict");
    expect(lockState()).toEqual(dLock);
  });

  it("a stale version conflicts even where every file reports the same inode number", async () => {
    // File systems hand out freed inode numbers again (ext4 at once); here every stat says 42,
    // so only the record itself can tell the two locks apart.
    const sameInode: Fault = (real, ...args) => Object.assign(real(...args), { ino: 42n });
    const store = fileStore(runtime, { fs: injectedFs({ fstatSync: sameInode, lstatSync: sameInode }) });
    expect(await store.create(KEY, record("x"))).toBe("ok");
    const slow = (await store.read(KEY)).version!;
    expect(await store.remove(KEY, (await store.read(KEY)).version!)).toBe("ok");
    expect(await store.create(KEY, record("d"))).toBe("ok");
    expect(await store.replace(KEY, slow, record("slow"))).toBe("conflict");
    expect(await store.remove(KEY, slow)).toBe("conflict");
    expect(JSON.parse(readFileSync(lockPath, "utf8")).session_id).toBe("d");
    expect(await store.replace(KEY, (await store.read(KEY)).version!, record("d2"))).toBe("ok");
  });

  it("replace and remove of a lock that is gone conflict and create nothing", async () => {
    const store = fileStore(runtime);
    const version = await seed();
    expect(await store.remove(KEY, version)).toBe("ok");
    expect(await store.replace(KEY, version, record("late"))).toBe("conflict");
    expect(await store.remove(KEY, version)).toBe("conflict");
    expect(entries()).toEqual([]);
  });

  it("a fresh claim left by a dead claimant makes the lock busy; once older than claimStaleMs it is stepped over", async () => {
    const version = await seed();
    // The claim name the store uses: `<lock>.<inode>.claim<level>`.
    const claim = `${lockPath}.${lstatSync(lockPath).ino}.claim1`;
    linkSync(lockPath, claim);
    const before = lockState();

    const soon = fileStore(runtime, { claimStaleMs: 3000, now: () => Date.now() });
    expect(await soon.replace(KEY, version, record("me"))).toBe("busy");
    expect(await soon.remove(KEY, version)).toBe("busy");
    expect(lockState()).toEqual(before);

    const later = fileStore(runtime, { claimStaleMs: 3000, now: () => Date.now() + 3001 + 1000 });
    expect(await later.replace(KEY, version, record("me"))).toBe("ok");
    expect(JSON.parse(readFileSync(lockPath, "utf8")).session_id).toBe("me");
    // Both the dead claim and the one that stepped over it are gone with the old inode.
    expect(entries()).toEqual([lockFileName(KEY)]);
  });

  it("a claim that names a different inode does not block the lock", async () => {
    const version = await seed();
    writeFileSync(`${lockPath}.1.claim1`, "");
    expect(await fileStore(runtime).replace(KEY, version, record("me"))).toBe("ok");
  });

  /**
   * Runs `change` with a writer whose writeSync moves one byte per call, while before each of its
   * fs calls another reader reads the lock; returns the session (or "absent") each read saw.
   */
  async function watchedChange(change: (store: ReturnType<typeof fileStore>) => Promise<unknown>): Promise<string[]> {
    const observer = fileStore(runtime);
    const seen: Promise<{ observed: Observed }>[] = [];
    const fs = injectedFs({ writeSync: (real, fd, buffer, offset) => real(fd, buffer, offset, 1) }, () => seen.push(observer.read(KEY)));
    expect(await change(fileStore(runtime, { fs }))).toBe("ok");
    seen.push(observer.read(KEY));
    return (await Promise.all(seen)).map(({ observed }) => (observed.kind === "record" ? observed.record.session_id : observed.kind));
  }

  /** Whole states only, in order: `from` until the change is published, then `to`. */
  function expectOnly(states: string[], from: string, to: string): void {
    expect(states).toEqual([...states.filter((s) => s === from), ...states.filter((s) => s === to)]);
    expect(states.at(0)).toBe(from);
    expect(states.at(-1)).toBe(to);
  }

  const big = (sessionId: string) => record(sessionId, { note: "x".repeat(300) });

  it("a reader never sees a partial record while a lock is created one byte at a time", async () => {
    const states = await watchedChange((store) => store.create(KEY, big("new")));
    expect(states.length).toBeGreaterThan(300);
    expectOnly(states, "absent", "new");
  });

  it("a reader never sees a partial record while a lock is replaced one byte at a time", async () => {
    const version = await seed();
    const states = await watchedChange((store) => store.replace(KEY, version, big("new")));
    expect(states.length).toBeGreaterThan(300);
    expectOnly(states, "old", "new");
  });

  it("a reader sees the whole record or nothing while a lock is removed", async () => {
    const version = await seed();
    expectOnly(await watchedChange((store) => store.remove(KEY, version)), "old", "absent");
  });

  it("a directory at the lock path is a StoreError, and a create leaves it alone", async () => {
    mkdirSync(lockPath, { recursive: true });
    const store = fileStore(runtime);
    expect((await failure(store.read(KEY))).code).toBe("ENOTFILE");
    // Listing may report it as a corrupt entry nobody can swap, or fail; never as a lock record.
    const listed = await store.list().catch((e: unknown) => e);
    if (Array.isArray(listed)) expect(listed.map((l) => [l.snapshot.observed.kind, l.snapshot.version])).toEqual([["corrupt", null]]);
    else expect(listed).toBeInstanceOf(StoreError);
    expect(await store.create(KEY, record("me")).catch((e: unknown) => e)).not.toBe("ok");
    expect(statSync(lockPath).isDirectory()).toBe(true);
    expect(entries()).toEqual([lockFileName(KEY)]);
  });

  it("a record too large to be ours reads as corrupt and can be taken over like any corrupt lock", async () => {
    mkdirSync(runtime, { recursive: true });
    writeFileSync(lockPath, JSON.stringify(record("huge", { pad: "x".repeat(70 * 1024) })));
    const store = fileStore(runtime);
    const { observed, version } = await store.read(KEY);
    expect(observed.kind).toBe("corrupt");
    expect(await store.replace(KEY, version!, record("me"))).toBe("ok");
    expect(JSON.parse(readFileSync(lockPath, "utf8")).session_id).toBe("me");
  });

  it("sweep removes only temp and claim files older than the limit, never a claim on the live lock", async () => {
    await seed();
    const other = join(runtime, lockFileName("ba9876543210"));
    writeFileSync(other, JSON.stringify(record("other")));
    const oldTemp = `${lockPath}.999.0abcdef.tmp`;
    const liveClaim = `${lockPath}.${lstatSync(lockPath).ino}.claim1`;
    const deadClaim = `${lockPath}.12345.claim1`;
    writeFileSync(oldTemp, "{");
    linkSync(lockPath, liveClaim);
    writeFileSync(deadClaim, "{}");
    for (const name of ["notes.tmp", `${lockFileName(KEY)}.bak`, "session-lock-zz.json.1.tmp"]) writeFileSync(join(runtime, name), "");
    const everything = entries();

    expect(fileStore(runtime, { now: () => Date.now() }).sweep(60_000)).toEqual([]);
    expect(entries()).toEqual(everything);

    const removed = fileStore(runtime, { now: () => Date.now() + 120_000 }).sweep(60_000);
    expect(removed.sort()).toEqual([deadClaim, oldTemp].sort());
    expect(entries()).toEqual(everything.filter((n) => join(runtime, n) !== oldTemp && join(runtime, n) !== deadClaim));
    expect(JSON.parse(readFileSync(lockPath, "utf8")).session_id).toBe("old");
  });

  it("sweep of a missing runtime directory removes nothing", () => {
    expect(fileStore(join(dir, "nowhere")).sweep(0)).toEqual([]);
  });
});

describe("every fs call goes through the injected fs", () => {
  const source = readFileSync(join(import.meta.dirname, "../../../src/lock/fileStore.ts"), "utf8");
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
  const allowed = new Set(
    [...(/export type FileStoreFs = Pick<\s*typeof nodeFs,([^>]*)>/.exec(code)?.[1] ?? "").matchAll(/"(\w+)"/g)].map((m) => m[1]),
  );

  it("names the functions it may call in FileStoreFs", () => {
    expect(allowed.size).toBeGreaterThan(5);
  });

  it("imports node:fs once, as a namespace that only serves as the default and for types", () => {
    const imports = [...code.matchAll(/import[^;]*?from\s*["']((?:node:)?fs(?:\/promises)?)["']/g)].map((m) => m[0]);
    expect(imports).toEqual(['import * as nodeFs from "node:fs"']);
    expect(code).not.toMatch(/require\(\s*["'](node:)?fs/);
    const uses = [...code.matchAll(/\bnodeFs\b(\.\w+)?/g)].map((m) => ({ text: m[0], at: m.index }));
    for (const use of uses) {
      const around = code.slice(Math.max(0, use.at - 20), use.at + use.text.length + 1);
      const isType = /^nodeFs\.[A-Z]/.test(use.text) || /typeof\s+nodeFs\b/.test(around);
      const isDefault = /\?\?\s*nodeFs;/.test(around);
      const isImport = /\*\s*as\s+nodeFs\s/.test(around);
      // Open flags are data, not a call.
      const isConstant = /^nodeFs\.constants$/.test(use.text);
      expect({ use: around, ok: isType || isDefault || isImport || isConstant }).toEqual({ use: around, ok: true });
    }
  });

  it("calls fs functions only as members of the injected fs, and only those FileStoreFs names", () => {
    const called = [...code.matchAll(/\bfs\.(\w+)\(/g)].map((m) => m[1]!);
    expect(called.length).toBeGreaterThan(10);
    expect(called.filter((name) => !allowed.has(name))).toEqual([]);
    // No bare calls such as readFileSync(...) imported from anywhere.
    const bare = [...code.matchAll(/(^|[^.\w])(\w+Sync)\(/gm)].map((m) => m[2]);
    expect(bare).toEqual([]);
  });

  it("makes no node:fs call of its own when given an fs: create, read, replace, list, remove, notices, sweep", async () => {
    const fs = injectedFs();
    const store = fileStore(runtime, { fs });
    direct.watching = true;
    await store.create(KEY, record("me"));
    const { version } = await store.read(KEY);
    await store.replace(KEY, version!, record("me", { acquired_at: 1 }));
    await store.list();
    await store.remove(KEY, (await store.read(KEY)).version!);
    await store.putNotice(KEY, "me", { by: { session_id: "other", pid: 7 }, at: 1, reason: "stale", generation: null });
    await store.takeNotice(KEY, "me");
    store.sweep(0);
    direct.watching = false;
    expect(direct.calls).toEqual([]);
    expect(fs.calls).toEqual(expect.arrayContaining(["openSync", "writeSync", "linkSync", "renameSync", "unlinkSync", "readSync"]));
    expect([...new Set(fs.calls)].filter((name) => !allowed.has(name))).toEqual([]);
  });

  it("falls back to node:fs when given none (so the watch above would have seen a leak)", async () => {
    direct.watching = true;
    await fileStore(runtime).create(KEY, record("me"));
    direct.watching = false;
    expect(direct.calls).toContain("linkSync");
  });
});
