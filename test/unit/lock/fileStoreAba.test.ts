// The inode-reuse (ABA) hazard of a compare-and-swap keyed on inode numbers: after a change frees
// an inode, the kernel may hand its number to the next lock file. A process still holding the old
// version must not be able to change that new lock.

import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import type { LockRecord } from "../../../src/lock/record.js";
import { fileStore, lockFileName } from "../../../src/lock/fileStore.js";

const KEY = "0123456789ab";
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "csg-aba-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const record = (session: string): LockRecord => ({ schema_version: 1, session_id: session, pid: 1, acquired_at: 1, ttl_ms: 1000 });

it("refuses to replace or remove a lock that reuses the inode number of the record it read", async () => {
  const store = fileStore(dir);
  expect(await store.create(KEY, record("old"))).toBe("ok");
  const stale = await store.read(KEY);
  const path = join(dir, lockFileName(KEY));
  const inode = statSync(path).ino;
  // Rewriting in place keeps the inode: the same number now holds another session's record,
  // which is exactly what a reader of the old record meets when the number is reused.
  writeFileSync(path, `${JSON.stringify(record("new"))}\n`);
  expect(statSync(path).ino).toBe(inode);

  expect(await store.replace(KEY, stale.version!, record("slow"))).toBe("conflict");
  expect(await store.remove(KEY, stale.version!)).toBe("conflict");
  expect(JSON.parse(readFileSync(path, "utf8")).session_id).toBe("new");
});

it("still swaps when the inode holds exactly the bytes that were read", async () => {
  const store = fileStore(dir);
  await store.create(KEY, record("old"));
  const seen = await store.read(KEY);
  expect(await store.replace(KEY, seen.version!, record("next"))).toBe("ok");
  expect((await store.read(KEY)).observed).toMatchObject({ kind: "record", record: { session_id: "next" } });
});
