// Which lock store an operator command works on, and how to name it for people. The store is
// chosen exactly as on the hook path (`--store` wins over CLAUDE_SESSION_GUARD_STORE; unset or
// empty means the file store), so `status` shows the locks the hooks take. A bad URL on the
// command line is a usage error (exit 2), one in the environment a failure (exit 1); neither
// message, nor any name of the store here, ever carries a credential.

import { runtimeDir } from "../host/paths.js";
import { storeUrl } from "../store/openStore.js";
import { StoreError } from "../store/port.js";
import { parseRedisUrl, scrub, type UrlSource } from "../store/redisUrl.js";
import type { CommandDeps, OperatorStore } from "./deps.js";
import { UserError } from "./errors.js";
import { M } from "./messages.js";

export type StoreChoice =
  | { kind: "file"; dir: string }
  | {
      kind: "redis";
      /** The URL without credentials: redis://host:port/db. */
      display: string;
      source: UrlSource;
      /** Removes the URL's credentials from a text a client or server produced. */
      redact(text: string): string;
    };

/** The store `--store` (or the environment) names; a StoreError (EBADURL) when the URL is bad. */
export function chosenStore(env: NodeJS.ProcessEnv, flag: string | undefined): StoreChoice {
  const url = storeUrl(env, flag);
  if (url === undefined) return { kind: "file", dir: runtimeDir(env) };
  const source = sourceOf(flag);
  const target = parseRedisUrl(url, source);
  return { kind: "redis", display: target.display, source, redact: (text) => scrub(text, target, url) };
}

/** Which setting named the URL: the flag when it was given and not empty (as openStore decides). */
export function sourceOf(flag: string | undefined): UrlSource {
  return flag !== undefined && flag.trim() !== "" ? "--store" : "CLAUDE_SESSION_GUARD_STORE";
}

/** `chosenStore` for commands: a bad URL becomes the UserError described above. */
export function operatorStoreChoice(env: NodeJS.ProcessEnv, flag: string | undefined): StoreChoice {
  try {
    return chosenStore(env, flag);
  } catch (error) {
    throw badUrl(error, flag);
  }
}

/** Opens the store for an operator command; see the top of this file for a bad URL. */
export async function openOperatorStore(deps: Pick<CommandDeps, "env" | "openStore">, flag: string | undefined): Promise<OperatorStore> {
  try {
    return await deps.openStore(deps.env, flag);
  } catch (error) {
    throw badUrl(error, flag);
  }
}

function badUrl(error: unknown, flag: string | undefined): unknown {
  if (!(error instanceof StoreError) || error.code !== "EBADURL") return error;
  return new UserError(M.storeFailed(error.message), sourceOf(flag) === "--store" ? 2 : 1);
}

/** For messages: the runtime dir, or the Redis store without credentials. */
export function storeName(choice: StoreChoice): string {
  return choice.kind === "file" ? choice.dir : M.redisStoreName(choice.display);
}
