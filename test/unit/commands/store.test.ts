import { describe, expect, it } from "vitest";
import { openOperatorStore, operatorStoreChoice, storeName } from "../../../src/commands/store.js";
import { StoreError, UserError } from "../../../src/errors.js";
import { runtimeDir } from "../../../src/host/paths.js";
import { chooseStore, openStore, type StoreChoice } from "../../../src/lock/openStore.js";

const chosenStore = (env: NodeJS.ProcessEnv, flag: string | undefined) => chooseStore(env, runtimeDir(env), flag);

const ENV = { HOME: "/home/ana", CLAUDE_CONFIG_DIR: "/home/ana/.claude" };
const SECRET = "Tr0ub4dor&3";
const URL_WITH_SECRET = `redis://:${encodeURIComponent(SECRET)}@redis.internal:6380/2`;

describe("chosenStore", () => {
  it("is the runtime dir when no URL is set, or the setting is empty", () => {
    expect(chosenStore(ENV, undefined)).toEqual({ kind: "file", dir: "/home/ana/.claude/runtime" });
    expect(chosenStore({ ...ENV, CLAUDE_SESSION_GUARD_STORE: " " }, undefined)).toMatchObject({ kind: "file" });
  });

  it("takes --store over CLAUDE_SESSION_GUARD_STORE, and an empty --store means the file store", () => {
    const env = { ...ENV, CLAUDE_SESSION_GUARD_STORE: "redis://from-env:6379" };
    expect(chosenStore(env, "redis://from-flag:6379")).toMatchObject({ kind: "redis", display: "redis://from-flag:6379/0", source: "--store" });
    expect(chosenStore(env, undefined)).toMatchObject({ kind: "redis", display: "redis://from-env:6379/0", source: "CLAUDE_SESSION_GUARD_STORE" });
    expect(chosenStore(env, "")).toMatchObject({ kind: "file" });
  });

  it("names a Redis store without its credentials, and redacts them from other texts", () => {
    const choice = chosenStore(ENV, URL_WITH_SECRET);
    expect(storeName(choice)).toBe("the Redis lock store at redis://redis.internal:6380/2");
    expect(JSON.stringify(choice)).not.toContain(SECRET);
    if (choice.kind !== "redis") throw new Error("expected the Redis store");
    expect(choice.redact(`ERR ${SECRET} and ${URL_WITH_SECRET}`)).toBe("ERR *** and ***");
  });

  it("names the file store by its runtime dir", () => {
    expect(storeName(chosenStore(ENV, undefined))).toBe("/home/ana/.claude/runtime");
  });
});

describe("a bad store URL", () => {
  const bad = `http://user:${SECRET}@host/`;

  it("given with --store is a usage error (exit 2) that names --store and hides the password", async () => {
    const attempts: Array<() => unknown> = [() => operatorStoreChoice(ENV, bad)];
    for (const attempt of attempts) {
      const error = await Promise.resolve().then(attempt).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect(error).toMatchObject({ exitCode: 2, message: expect.stringMatching(/^--store must be a Redis URL/) });
      expect((error as Error).message).not.toContain(SECRET);
    }
  });

  it("in CLAUDE_SESSION_GUARD_STORE is a failure (exit 1) that names the variable", async () => {
    const env = { ...ENV, CLAUDE_SESSION_GUARD_STORE: bad };
    const error = await Promise.resolve()
      .then(() => operatorStoreChoice(env, undefined))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ exitCode: 1, message: expect.stringMatching(/^CLAUDE_SESSION_GUARD_STORE must be a Redis URL/) });
    expect((error as Error).message).not.toContain(SECRET);
  });

  it("leaves other store errors alone", async () => {
    const failing = new StoreError("cannot reach it", "ECONNREFUSED");
    const deps = { openStore: () => Promise.reject(failing) };
    await expect(openOperatorStore(deps, operatorStoreChoice(ENV, undefined))).rejects.toBe(failing);
  });

  it("reaches the command's openStore with the flag", async () => {
    const seen: Array<string | undefined> = [];
    const deps = {
      openStore: (choice: StoreChoice) => {
        seen.push(choice.kind === "redis" ? choice.connection().url : undefined);
        return openStore(chooseStore(ENV, runtimeDir(ENV)));
      },
    };
    await (await openOperatorStore(deps, operatorStoreChoice(ENV, "redis://h:1"))).close();
    expect(seen).toEqual(["redis://h:1"]);
  });
});
