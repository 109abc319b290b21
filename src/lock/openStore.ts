// Which lock store a process uses, resolved once: the file store unless a Redis URL is
// configured (`--store` wins over CLAUDE_SESSION_GUARD_STORE; unset or empty means files).
// ioredis lives in its own bundle and is loaded only when the Redis store first talks to Redis,
// so the file store's hook path never parses it. No name of a store here ever carries a credential.

import { type FileStoreExtras, fileStore } from "./fileStore.js";
import { redisStore } from "./redis/redisStore.js";
import type { LockStore } from "./port.js";
import { parseRedisUrl, type RedisTarget, scrub, type UrlSource } from "./redis/redisUrl.js";

export type StoreChoice =
  | { kind: "file"; dir: string }
  | {
      kind: "redis";
      /** The URL as given and parsed: behind a function, so a choice printed or logged never shows a password. */
      connection(): { url: string; target: RedisTarget };
      /** The URL without credentials: redis://host:port/db. */
      display: string;
      source: UrlSource;
      /** Removes the URL's credentials from a text a client or server produced. */
      redact(text: string): string;
    };

/** The file store's extras (sweeping leftovers, discarding what no compare-and-swap can judge); other stores need none. */
export type OpenedStore = LockStore & Partial<FileStoreExtras>;

/** The store `flag` (a `--store` URL) or else the environment names; a StoreError (EBADURL) for a bad URL. */
export function chooseStore(env: NodeJS.ProcessEnv, runtimeDir: string, flag?: string): StoreChoice {
  const given = flag ?? env.CLAUDE_SESSION_GUARD_STORE;
  const url = given?.trim();
  if (url === undefined || url === "") return { kind: "file", dir: runtimeDir };
  const source = sourceOf(flag);
  const target = parseRedisUrl(url, source);
  return { kind: "redis", connection: () => ({ url, target }), display: target.display, source, redact: (text) => scrub(text, target, url) };
}

/** Which setting named the URL: the flag when it was given and not empty. */
export function sourceOf(flag: string | undefined): UrlSource {
  return flag !== undefined && flag.trim() !== "" ? "--store" : "CLAUDE_SESSION_GUARD_STORE";
}

/** `uid`: the user the runtime directory must belong to (undefined where there are no uids). */
export async function openStore(choice: StoreChoice, { uid }: { uid?: number | undefined } = {}): Promise<OpenedStore> {
  if (choice.kind === "file") return fileStore(choice.dir, { uid });
  const { url, target } = choice.connection();
  return redisStore(url, { source: choice.source, target });
}
