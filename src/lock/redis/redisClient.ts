// The entry point of dist/redis.cjs: ioredis, bundled on its own so that a hook on the default
// file store never parses it (about 440 KB). redisStore.ts loads it on first use.

export { Redis } from "ioredis";
