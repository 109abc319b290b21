// Store selection: the file store unless a Redis URL is configured. The Redis store is loaded
// only when chosen, and ioredis only when it first talks to Redis, so the file store's hook path
// pays nothing for it.

import { runtimeDir } from "../host/paths.js";
import { fileStore } from "./fileStore.js";
import type { LockStore } from "./port.js";
import { parseRedisUrl } from "./redisUrl.js";

/** `--store URL` wins over CLAUDE_SESSION_GUARD_STORE; unset or empty means the file store. */
export function storeUrl(env: NodeJS.ProcessEnv, flag?: string): string | undefined {
  const url = flag ?? env.CLAUDE_SESSION_GUARD_STORE;
  return url === undefined || url.trim() === "" ? undefined : url.trim();
}

export async function openStore(env: NodeJS.ProcessEnv, flag?: string): Promise<LockStore> {
  const url = storeUrl(env, flag);
  if (url === undefined) return fileStore(runtimeDir(env));
  const source = flag !== undefined && flag.trim() !== "" ? "--store" : "CLAUDE_SESSION_GUARD_STORE";
  // A bad URL is refused here, with the setting named, before any client code is loaded.
  parseRedisUrl(url, source);
  const { redisStore } = await import("./redisStore.js");
  return redisStore(url, { source });
}
