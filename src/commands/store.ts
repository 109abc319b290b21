// Which lock store an operator command works on, and how to name it for people. The store is
// chosen exactly as on the hook path (lock/openStore.ts), so `status` shows the locks the hooks
// take. A bad URL on the command line is a usage error (exit 2), one in the environment a failure
// (exit 1); neither message, nor any name of the store here, ever carries a credential.

import { StoreError, UserError } from "../errors.js";
import { runtimeDir } from "../host/paths.js";
import { chooseStore, type OpenedStore, sourceOf, type StoreChoice } from "../lock/openStore.js";
import { operator as M } from "../messages.js";
import type { CommandDeps } from "./deps.js";

export type { StoreChoice };

/** The store `--store` (or the environment) names; a bad URL becomes the UserError described above. */
export function operatorStoreChoice(env: NodeJS.ProcessEnv, flag: string | undefined): StoreChoice {
  try {
    return chooseStore(env, runtimeDir(env), flag);
  } catch (error) {
    if (!(error instanceof StoreError) || error.code !== "EBADURL") throw error;
    throw new UserError(error.message, sourceOf(flag) === "--store" ? 2 : 1, error.code);
  }
}

/** Opens the store a command was pointed at. */
export async function openOperatorStore(deps: Pick<CommandDeps, "openStore">, choice: StoreChoice): Promise<OpenedStore> {
  return deps.openStore(choice);
}

/** For messages: the runtime dir, or the Redis store without credentials. */
export function storeName(choice: StoreChoice): string {
  return choice.kind === "file" ? choice.dir : M.redisStoreName(choice.display);
}
