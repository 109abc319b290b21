"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/core/record.ts
function parseRecord(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: "corrupt", reason: text.trim() === "" ? "empty file" : "not JSON" };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { kind: "corrupt", reason: "not a JSON object" };
  }
  const r = value;
  if (typeof r.session_id !== "string" || r.session_id === "") {
    return { kind: "corrupt", reason: "no session_id" };
  }
  if (!isPositiveInteger(r.pid)) return { kind: "corrupt", reason: "no valid pid" };
  if (typeof r.acquired_at !== "number" || !Number.isFinite(r.acquired_at)) {
    return { kind: "corrupt", reason: "no valid acquired_at" };
  }
  if (r.ttl_ms !== void 0 && !isPositiveInteger(r.ttl_ms)) {
    return { kind: "corrupt", reason: "invalid ttl_ms" };
  }
  if (r.schema_version !== void 0 && r.schema_version !== SCHEMA_VERSION) {
    if (!isPositiveInteger(r.schema_version)) return { kind: "corrupt", reason: "invalid schema_version" };
  }
  return {
    kind: "record",
    record: {
      ...r,
      schema_version: r.schema_version ?? SCHEMA_VERSION,
      session_id: r.session_id,
      pid: r.pid,
      acquired_at: r.acquired_at,
      ttl_ms: r.ttl_ms ?? DEFAULT_TTL_MS
    }
  };
}
function serializeRecord(record) {
  return `${JSON.stringify(record)}
`;
}
function isPositiveInteger(value) {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0;
}
function shortSessionId(sessionId) {
  return sessionId.slice(0, 8);
}
var SCHEMA_VERSION, DEFAULT_TTL_MS, ABSENT;
var init_record = __esm({
  "src/core/record.ts"() {
    "use strict";
    SCHEMA_VERSION = 1;
    DEFAULT_TTL_MS = 3e5;
    ABSENT = { kind: "absent" };
  }
});

// src/store/port.ts
var StoreError;
var init_port = __esm({
  "src/store/port.ts"() {
    "use strict";
    StoreError = class extends Error {
      constructor(message2, code) {
        super(message2);
        this.code = code;
      }
      code;
      name = "StoreError";
    };
  }
});

// src/store/redisUrl.ts
function parseRedisUrl(raw, source = "CLAUDE_SESSION_GUARD_STORE") {
  const bad = (why) => new StoreError(`${source} must be a Redis URL, ${FORMS}; "${redactUrl(raw)}" ${why}`, "EBADURL");
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw bad("is not a URL (percent-encode characters such as @ / ? # in the password)");
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") throw bad(`has the unsupported scheme "${url.protocol}"`);
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (host === "") throw bad("has no host");
  if (url.search !== "" || url.hash !== "") throw bad("has a query or fragment, which the guard does not read");
  const dbText = url.pathname.replace(/^\//, "");
  if (!/^\d{0,9}$/.test(dbText)) {
    throw bad("has a path that is not a database number (percent-encode / ? # @ in a password: %2F %3F %23 %40)");
  }
  const username = decode(url.username, bad);
  const password = decode(url.password, bad);
  if (username !== void 0 && password === void 0) throw bad("has a user name but no password");
  const port = url.port === "" ? 6379 : Number(url.port);
  const db = dbText === "" ? 0 : Number(dbText);
  return {
    host,
    port,
    db,
    tls: url.protocol === "rediss:",
    username,
    password,
    display: `${url.protocol}//${url.hostname}:${port}/${db}`
  };
}
function decode(value, bad) {
  if (value === "") return void 0;
  try {
    return decodeURIComponent(value);
  } catch {
    throw bad("has credentials that are not valid percent-encoding");
  }
}
function redactUrl(raw) {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(raw)?.[0] ?? "";
  if (raw.includes("@")) return `${scheme}***`;
  const query = raw.search(/[?#]/);
  return query < 0 ? raw : `${raw.slice(0, query)}?***`;
}
function scrub(text, target, raw) {
  let out = text;
  const secrets = /* @__PURE__ */ new Set();
  if (target.password !== void 0) {
    if (raw !== void 0) secrets.add(raw);
    if (target.username !== void 0) secrets.add(`${target.username}:${target.password}`);
    secrets.add(target.password);
    secrets.add(encodeURIComponent(target.password));
  }
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret !== "") out = out.split(secret).join("***");
  }
  return out;
}
var FORMS;
var init_redisUrl = __esm({
  "src/store/redisUrl.ts"() {
    "use strict";
    init_port();
    FORMS = "redis://[user:password@]host[:port][/db] or rediss://\u2026 for TLS";
  }
});

// src/store/redisStore.ts
var redisStore_exports = {};
__export(redisStore_exports, {
  LOCK_PREFIX: () => LOCK_PREFIX,
  NOTICE_PREFIX: () => NOTICE_PREFIX,
  loadClient: () => loadClient,
  redisStore: () => redisStore
});
function loadClient() {
  return true ? Promise.resolve(require((0, import_node_path6.join)(__dirname, "redis.cjs"))) : null;
}
function redisStore(url, options = {}) {
  const target = parseRedisUrl(url, options.source);
  const connectTimeoutMs = options.connectTimeoutMs ?? (target.tls ? 600 : 300);
  const commandTimeoutMs = options.commandTimeoutMs ?? 400;
  const retentionMs = options.retentionMs ?? 36e5;
  const noticeTtlMs = options.noticeTtlMs ?? 864e5;
  const scanCount = options.scanCount ?? 100;
  const load = options.loadClient ?? loadClient;
  const where = `the Redis lock store at ${target.display}`;
  const lockKey = (key) => `${LOCK_PREFIX}${key}`;
  const noticeKey = (key, sessionId) => `${NOTICE_PREFIX}${key}:${(0, import_node_crypto.createHash)("md5").update(sessionId).digest("hex").slice(0, 12)}`;
  let client = null;
  let connection = null;
  let broken = null;
  let closed = false;
  let lastError = null;
  async function connect() {
    let Client;
    try {
      ({ Redis: Client } = await load());
    } catch (error) {
      throw new StoreError(`cannot load the Redis client (dist/redis.cjs): ${message(error)}`, "ENOCLIENT");
    }
    const redis = new Client({
      host: target.host,
      port: target.port,
      ...target.tls && { tls: (0, import_node_net.isIP)(target.host) === 0 ? { servername: target.host } : {} },
      lazyConnect: true,
      connectTimeout: connectTimeoutMs,
      // One attempt: a hook that cannot reach Redis now fails open now; retrying would only
      // stall the tool call.
      retryStrategy: () => null,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      // No handshake of ioredis's own (HELLO, INFO, CLIENT SETINFO): each is a round trip, and some
      // print warnings to stderr. Credentials and the database are sent below instead.
      protocol: 2,
      enableReadyCheck: false,
      disableClientInfo: true,
      autoResubscribe: false,
      autoResendUnfulfilledCommands: false
    });
    redis.on("error", (error) => lastError = error);
    client = redis;
    try {
      await within(redis.connect(), connectTimeoutMs + 100, "connecting");
    } catch (error) {
      throw unreachable(error instanceof StoreError ? error : lastError ?? error);
    }
    const setup = [];
    if (target.password !== void 0) {
      const auth = target.username !== void 0 ? redis.auth(target.username, target.password) : redis.auth(target.password);
      setup.push(auth.catch((error) => /no password is set|without any password configured/i.test(message(error)) ? "OK" : Promise.reject(error)));
    }
    if (target.db !== 0) setup.push(redis.select(target.db));
    await within(Promise.all(setup), commandTimeoutMs, "logging in");
    return redis;
  }
  async function step(doing, run) {
    if (closed) throw new StoreError(`${where} was already closed`, "ECLOSED");
    if (broken !== null) throw broken;
    try {
      connection ??= connect();
      const redis = await connection;
      return await within(run(redis), commandTimeoutMs, doing);
    } catch (error) {
      const problem = failure2(error, doing);
      if (!isReplyError(error)) {
        broken = problem;
        client?.disconnect();
      }
      throw problem;
    }
  }
  function within(promise, ms, doing) {
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new StoreError(`${where} did not answer within ${ms} ms (${doing})`, "ETIMEDOUT")), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }
  function failure2(error, doing) {
    if (error instanceof StoreError) return new StoreError(scrub(error.message, target, url), error.code);
    const text = scrub(message(error), target, url);
    const code = codeOf2(error);
    if (code === "WRONGPASS" || /invalid password|invalid username-password/i.test(text)) {
      return new StoreError(`${where} refused the user name or password in the store URL (${text})`, "EAUTH");
    }
    if (code === "NOAUTH") {
      return new StoreError(`${where} requires a password: put it in the store URL, redis://:PASSWORD@host:port`, "EAUTH");
    }
    if (code === "WRONGTYPE") {
      return new StoreError(`${where} holds a key that is not a lock record (${doing}); delete it with redis-cli DEL`, "EWRONGTYPE");
    }
    if (/unknown RESP type|protocol error/i.test(text)) {
      return new StoreError(
        `${where} does not answer like a Redis server (${text}); check the host and port in ${options.source ?? "CLAUDE_SESSION_GUARD_STORE"}`,
        "EPROTO"
      );
    }
    return new StoreError(`${where} failed while ${doing}: ${text}`, code ?? "EREDIS");
  }
  function unreachable(error) {
    const detail = error instanceof StoreError ? `no connection within ${connectTimeoutMs} ms` : scrub(message(error), target, url);
    return new StoreError(
      `cannot reach ${where} (${detail}); check that Redis runs there and that ${options.source ?? "CLAUDE_SESSION_GUARD_STORE"} names it`,
      error instanceof StoreError ? error.code : codeOf2(error) ?? "ECONNECT"
    );
  }
  function snapshotOf(value) {
    if (value === null) return { observed: ABSENT, version: null };
    return { observed: observe(value), version: { token: value.toString("latin1") } };
  }
  const expected = (version) => Buffer.from(version.token, "latin1");
  return {
    async read(key) {
      return step("reading the lock", async (redis) => snapshotOf(await redis.getBuffer(lockKey(key))));
    },
    async create(key, record) {
      const reply = await step(
        "creating the lock",
        (redis) => redis.set(lockKey(key), serializeRecord(record), "PX", expiry(record.ttl_ms, retentionMs), "NX")
      );
      return reply === "OK" ? "ok" : "conflict";
    },
    async replace(key, version, record) {
      const reply = await step(
        "replacing the lock",
        (redis) => redis.eval(REPLACE, 1, lockKey(key), expected(version), serializeRecord(record), expiry(record.ttl_ms, retentionMs))
      );
      return swapped(reply);
    },
    async remove(key, version) {
      return swapped(await step("removing the lock", (redis) => redis.eval(REMOVE, 1, lockKey(key), expected(version))));
    },
    async list() {
      const keys = /* @__PURE__ */ new Set();
      let cursor = "0";
      do {
        const [next, batch] = await step("listing the locks", (redis) => redis.scan(cursor, "MATCH", `${LOCK_PREFIX}*`, "COUNT", scanCount));
        for (const name of batch) if (LOCK_KEY.test(name)) keys.add(name);
        cursor = next;
      } while (cursor !== "0");
      const names = [...keys].sort();
      const locks = [];
      for (let i = 0; i < names.length; i += scanCount) {
        const chunk = names.slice(i, i + scanCount);
        const values = await step("listing the locks", (redis) => redis.mgetBuffer(...chunk));
        chunk.forEach((name, j) => {
          const value = values[j] ?? null;
          if (value === null) return;
          const key = LOCK_KEY.exec(name)[1];
          locks.push({ key, location: location(key), snapshot: snapshotOf(value) });
        });
      }
      return locks;
    },
    location,
    async putNotice(key, sessionId, notice) {
      await step("leaving a notice", (redis) => redis.set(noticeKey(key, sessionId), JSON.stringify(notice), "PX", noticeTtlMs));
    },
    async takeNotice(key, sessionId) {
      const value = await step("taking a notice", (redis) => redis.eval(TAKE, 1, noticeKey(key, sessionId)));
      if (typeof value !== "string") return null;
      try {
        return JSON.parse(value);
      } catch {
        return null;
      }
    },
    async close() {
      closed = true;
      const redis = client;
      client = null;
      if (redis === null) return;
      redis.disconnect();
      redis.stream?.unref?.();
    }
  };
  function location(key) {
    return `${target.display} ${lockKey(key)}`;
  }
}
function observe(value) {
  if (value.length > MAX_RECORD_BYTES2) return { kind: "corrupt", reason: "larger than 64 KiB" };
  return parseRecord(value.toString("utf8"));
}
function expiry(ttlMs, retentionMs) {
  return Math.max(1, Math.ceil(ttlMs + retentionMs));
}
function isReplyError(error) {
  return error instanceof Error && error.name === "ReplyError";
}
function swapped(reply) {
  return reply === 1 ? "ok" : "conflict";
}
function message(error) {
  return error instanceof Error ? error.message : String(error);
}
function codeOf2(error) {
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string") return error.code;
  const word = /^([A-Z]+)\s/.exec(message(error))?.[1];
  return word;
}
var import_node_path6, import_node_net, import_node_crypto, LOCK_PREFIX, NOTICE_PREFIX, LOCK_KEY, MAX_RECORD_BYTES2, REPLACE, REMOVE, TAKE;
var init_redisStore = __esm({
  "src/store/redisStore.ts"() {
    "use strict";
    import_node_path6 = require("node:path");
    import_node_net = require("node:net");
    import_node_crypto = require("node:crypto");
    init_record();
    init_port();
    init_redisUrl();
    LOCK_PREFIX = "claude-session-guard:lock:";
    NOTICE_PREFIX = "claude-session-guard:notice:";
    LOCK_KEY = /^claude-session-guard:lock:([0-9a-f]{12})$/;
    MAX_RECORD_BYTES2 = 64 * 1024;
    REPLACE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return 1
end
return 0`;
    REMOVE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0`;
    TAKE = `
local value = redis.call('GET', KEYS[1])
if value then redis.call('DEL', KEYS[1]) end
return value`;
  }
});

// src/cli.ts
var cli_exports = {};
__export(cli_exports, {
  logDir: () => logDir,
  main: () => main,
  realHookDeps: () => realHookDeps
});
module.exports = __toCommonJS(cli_exports);
var fs = __toESM(require("node:fs"), 1);
var import_node_path7 = require("node:path");

// node_modules/env-paths/index.js
var import_node_path = __toESM(require("node:path"), 1);
var import_node_os = __toESM(require("node:os"), 1);
var import_node_process = __toESM(require("node:process"), 1);

// node_modules/is-safe-filename/index.js
var unsafeFilenameFixtures = Object.freeze([
  "",
  "   ",
  ".",
  "..",
  " .",
  ". ",
  " ..",
  ".. ",
  "../",
  "../foo",
  "foo/../bar",
  "foo/bar",
  "foo\\bar",
  "foo\0bar"
]);
function isSafeFilename(filename) {
  if (typeof filename !== "string") {
    return false;
  }
  const trimmed = filename.trim();
  return trimmed !== "" && trimmed !== "." && trimmed !== ".." && !filename.includes("/") && !filename.includes("\\") && !filename.includes("\0");
}
function assertSafeFilename(filename) {
  if (typeof filename !== "string") {
    throw new TypeError("Expected a string");
  }
  if (!isSafeFilename(filename)) {
    throw new Error(`Unsafe filename: ${JSON.stringify(filename)}`);
  }
}

// node_modules/env-paths/index.js
var homedir = import_node_os.default.homedir();
var tmpdir = import_node_os.default.tmpdir();
var { env } = import_node_process.default;
var macos = (name) => {
  const library = import_node_path.default.join(homedir, "Library");
  return {
    data: import_node_path.default.join(library, "Application Support", name),
    config: import_node_path.default.join(library, "Preferences", name),
    cache: import_node_path.default.join(library, "Caches", name),
    log: import_node_path.default.join(library, "Logs", name),
    temp: import_node_path.default.join(tmpdir, name)
  };
};
var windows = (name) => {
  const appData = env.APPDATA || import_node_path.default.join(homedir, "AppData", "Roaming");
  const localAppData = env.LOCALAPPDATA || import_node_path.default.join(homedir, "AppData", "Local");
  return {
    // Data/config/cache/log are invented by me as Windows isn't opinionated about this
    data: import_node_path.default.join(localAppData, name, "Data"),
    config: import_node_path.default.join(appData, name, "Config"),
    cache: import_node_path.default.join(localAppData, name, "Cache"),
    log: import_node_path.default.join(localAppData, name, "Log"),
    temp: import_node_path.default.join(tmpdir, name)
  };
};
var linux = (name) => {
  const username = import_node_path.default.basename(homedir);
  return {
    data: import_node_path.default.join(env.XDG_DATA_HOME || import_node_path.default.join(homedir, ".local", "share"), name),
    config: import_node_path.default.join(env.XDG_CONFIG_HOME || import_node_path.default.join(homedir, ".config"), name),
    cache: import_node_path.default.join(env.XDG_CACHE_HOME || import_node_path.default.join(homedir, ".cache"), name),
    // https://wiki.debian.org/XDGBaseDirectorySpecification#state
    log: import_node_path.default.join(env.XDG_STATE_HOME || import_node_path.default.join(homedir, ".local", "state"), name),
    temp: import_node_path.default.join(tmpdir, username, name)
  };
};
function envPaths(name, { suffix = "nodejs" } = {}) {
  assertSafeFilename(name);
  if (suffix) {
    name += `-${suffix}`;
  }
  assertSafeFilename(name);
  if (import_node_process.default.platform === "darwin") {
    return macos(name);
  }
  if (import_node_process.default.platform === "win32") {
    return windows(name);
  }
  return linux(name);
}

// src/host/decisionLog.ts
var nodeFs = __toESM(require("node:fs"), 1);
var import_node_path2 = require("node:path");
var LOG_FILE = "decisions.jsonl";
var MAX_LOG_BYTES = 1024 * 1024;
function appendDecision(dir, entry2, fs2 = nodeFs, maxBytes = MAX_LOG_BYTES) {
  const path2 = (0, import_node_path2.join)(dir, LOG_FILE);
  const line = `${JSON.stringify(entry2)}
`;
  try {
    rotateIfFull(path2, maxBytes, fs2);
    fs2.appendFileSync(path2, line, { mode: 384 });
  } catch (error) {
    if (error.code !== "ENOENT") return;
    try {
      fs2.mkdirSync(dir, { recursive: true, mode: 448 });
      fs2.appendFileSync(path2, line, { mode: 384 });
    } catch {
    }
  }
}
function rotateIfFull(path2, maxBytes, fs2) {
  const size = fs2.statSync(path2, { throwIfNoEntry: false })?.size ?? 0;
  if (size >= maxBytes) fs2.renameSync(path2, `${path2}.1`);
}

// src/host/sessionProcess.ts
var nodeFs2 = __toESM(require("node:fs"), 1);
var import_node_os2 = require("node:os");
init_record();
var SHELLS = /* @__PURE__ */ new Set(["sh", "bash", "dash", "zsh", "ksh", "mksh", "ash", "fish", "tcsh", "csh", "busybox"]);
var realProcessHost = () => ({
  platform: process.platform,
  ppid: process.ppid,
  readFile: (path2) => nodeFs2.readFileSync(path2, "utf8"),
  exists(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return error.code === "EPERM";
    }
  },
  ps(pid, field) {
    try {
      const { execFileSync } = process.getBuiltinModule("node:child_process");
      const out = execFileSync("ps", ["-o", `${field}=`, "-p", String(pid)], { encoding: "utf8", timeout: 1e3 });
      return out.trim() || null;
    } catch {
      return null;
    }
  },
  hostname: import_node_os2.hostname
});
function sessionPid(env2, host) {
  const fromEnv = Number(env2.CLAUDE_PID);
  if (env2.CLAUDE_PID !== void 0 && /^\d+$/.test(env2.CLAUDE_PID) && isPositiveInteger(fromEnv)) return fromEnv;
  let pid = host.ppid;
  for (let hops = 0; hops < 4; hops++) {
    const info = parentAndName(pid, host);
    if (info === null || !SHELLS.has(info.name) || info.ppid <= 1) return pid;
    pid = info.ppid;
  }
  return pid;
}
function parentAndName(pid, host) {
  if (host.platform === "linux") {
    const stat = procStat(pid, host);
    return stat && { name: stat.name, ppid: Number(stat.fields[1]) };
  }
  const line = host.ps(pid, "ppid,comm");
  const match = line && /^\s*(\d+)\s+(.+)$/.exec(line);
  if (!match) return null;
  return { ppid: Number(match[1]), name: (match[2] ?? "").split("/").pop().replace(/^-/, "") };
}
function startIdentity(pid, host) {
  if (host.platform === "linux") {
    const stat = procStat(pid, host);
    const bootId = readQuietly("/proc/sys/kernel/random/boot_id", host);
    const started = stat?.fields[19];
    return stat && bootId && started ? `linux:${bootId.trim()}:${started}` : null;
  }
  if (host.platform === "darwin") {
    const started = host.ps(pid, "lstart");
    return started ? `darwin:${started}` : null;
  }
  return null;
}
function livenessProbe(host) {
  const here = host.hostname();
  return (record) => {
    if (record.hostname !== here) return "unknown";
    if (!sameBoot(record, host)) return "unknown";
    if (!host.exists(record.pid) || isZombie(record.pid, host)) return "dead";
    if (typeof record.pid_start !== "string") return "unknown";
    const now = startIdentity(record.pid, host);
    if (now === null) return "unknown";
    return now === record.pid_start ? "alive" : "dead";
  };
}
function isZombie(pid, host) {
  if (host.platform !== "linux") return false;
  const state = procStat(pid, host)?.fields[0];
  return state === "Z" || state === "X";
}
function sameBoot(record, host) {
  const recorded = typeof record.pid_start === "string" ? /^linux:([^:]+):/.exec(record.pid_start)?.[1] : void 0;
  if (recorded === void 0) return true;
  return readQuietly("/proc/sys/kernel/random/boot_id", host)?.trim() === recorded;
}
function procStat(pid, host) {
  const text = readQuietly(`/proc/${pid}/stat`, host);
  if (text === null) return null;
  const open = text.indexOf("(");
  const close = text.lastIndexOf(")");
  if (open < 0 || close < open) return null;
  return { name: text.slice(open + 1, close), fields: text.slice(close + 2).split(" ") };
}
function readQuietly(path2, host) {
  try {
    return host.readFile(path2);
  } catch {
    return null;
  }
}

// src/host/stdin.ts
var MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;
var STDIN_TIMEOUT_MS = 3e3;
var StdinError = class extends Error {
  name = "StdinError";
};
function readInput(stream = process.stdin, { maxBytes = MAX_PAYLOAD_BYTES, timeoutMs = STDIN_TIMEOUT_MS } = {}) {
  return new Promise((resolve2, reject) => {
    const chunks = [];
    let total = 0;
    const finish = (error) => {
      clearTimeout(timer);
      stream.removeAllListeners("data").removeAllListeners("end").removeAllListeners("error");
      if (error) {
        stream.destroy();
        reject(error);
      } else {
        resolve2(Buffer.concat(chunks, total).toString("utf8"));
      }
    };
    const timer = setTimeout(() => finish(new StdinError(`no complete hook payload on stdin within ${timeoutMs} ms`)), timeoutMs);
    stream.on("data", (chunk) => {
      total += chunk.length;
      if (total > maxBytes) return finish(new StdinError(`the hook payload on stdin is larger than ${maxBytes} bytes`));
      chunks.push(chunk);
    });
    stream.on("end", () => finish(null));
    stream.on("error", (error) => finish(new StdinError(`cannot read stdin: ${error.message}`)));
  });
}

// src/messages.ts
init_record();
var PREFIX = "claude-session-guard:";
function clearCommand(workspace) {
  return `claude-session-guard clear --workspace ${shellQuote(workspace)}`;
}
function holderLine(holder, now, expiresAt) {
  return `session ${shortSessionId(holder.session_id)} (pid ${holder.pid}), last active ${duration(now - holder.acquired_at)} ago, lock expires in ${duration(expiresAt - now)}`;
}
function denyReason(tool, workspace, holder, now, expiresAt) {
  return [
    `${PREFIX} another Claude Code session is working in this workspace, so this ${tool ?? "tool"} call was not run.`,
    `Workspace: ${workspace}`,
    `Held by: ${holderLine(holder, now, expiresAt)} (it renews while that session works).`,
    "Do not work around the lock with another tool or command: the other session's changes would collide with yours.",
    "Wait for that session to finish its turn, or do this work in a separate git worktree (git worktree add).",
    `If that session is gone, clear the lock: ${clearCommand(workspace)}`
  ].join("\n");
}
function failOpenNotice(problem) {
  return `${PREFIX} not guarding this workspace: ${problem}. Other sessions are not kept out until this is fixed; run \`claude-session-guard doctor\`.`;
}
function failOpenStderr(problem) {
  return `${PREFIX} ${problem} (allowing the tool call)`;
}
function invalidTtl(source, value) {
  return `${source} must be a whole number of milliseconds from 1000 to 604800000, got "${value}"`;
}
function duration(ms) {
  const seconds = Math.max(0, Math.round(ms / 1e3));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, "0")}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, "0")}m`;
}
function shellQuote(value) {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
function lostHow(by, at, reason) {
  return reason === "cleared" ? `${by} cleared it at ${at}` : `it lapsed and ${by} took over at ${at}`;
}
function lostNoticeForUser(workspace, by, at, reason) {
  return `${PREFIX} this session lost its lock on ${workspace} while it was away: ${lostHow(by, at, reason)}. Files may have changed since this session last worked there; Claude has been told to re-read before editing.`;
}
function lostNoticeForClaude(workspace, by, at, reason) {
  return `While this session was away, it lost its lock on the workspace ${workspace}: ${lostHow(by, at, reason)}. Another session may have changed, added or deleted files and switched branches since your last turn. Before editing, re-read every file you intend to change and re-check \`git status\`; do not rely on what you read earlier.`;
}
function sessionStartForUser(workspace, holder) {
  return `${PREFIX} another Claude Code session is working in this workspace (${workspace}): ${holder}. This session's edits and file-changing commands will be denied until it finishes; a separate git worktree avoids the wait.`;
}
function sessionStartForClaude(workspace, holder) {
  return `Another Claude Code session currently holds the lock on this workspace (${workspace}): ${holder}. Until it finishes, Edit, Write, MultiEdit, NotebookEdit and Bash commands that can change files will be denied; read-only commands still work. Do not try to work around the lock. Tell the user, and wait, or suggest working in a separate git worktree.`;
}
function otherSession(sessionId, pid) {
  return `another Claude Code session (session ${shortSessionId(sessionId)}, pid ${pid})`;
}

// src/hook/render.ts
function render(result) {
  switch (result.kind) {
    case "allow":
      return { stdout: "", stderr: "" };
    case "deny":
      return {
        stdout: `${JSON.stringify({
          hookSpecificOutput: {
            hookEventName: "PreToolUse",
            permissionDecision: "deny",
            permissionDecisionReason: result.reason
          }
        })}
`,
        stderr: ""
      };
    case "notice":
      return {
        stdout: `${JSON.stringify({
          systemMessage: result.systemMessage,
          hookSpecificOutput: { hookEventName: result.event, additionalContext: result.additionalContext }
        })}
`,
        stderr: ""
      };
    case "failOpen":
      return {
        stdout: `${JSON.stringify({ systemMessage: failOpenNotice(result.problem) })}
`,
        stderr: `${failOpenStderr(oneLine(result.problem))}
`
      };
  }
}
function oneLine(text) {
  return text.replace(/\s*\n\s*/g, " ");
}

// src/core/bashReadOnly.ts
function classifyBash(command) {
  const reason = unprovableReason(command);
  return reason === void 0 ? { readOnly: true } : { readOnly: false, reason };
}
function unprovableReason(command) {
  const tokens = tokenize(command);
  if (typeof tokens === "string") return tokens;
  const commands = parseCommands(tokens);
  if (typeof commands === "string") return commands;
  if (commands.length === 0) return "no command";
  for (const simple of commands) {
    const reason = simpleCommandReason(simple);
    if (reason !== void 0) return reason;
  }
  return void 0;
}
var Unprovable = class extends Error {
};
function reasonOf(read) {
  try {
    read();
    return void 0;
  } catch (error) {
    if (error instanceof Unprovable) return error.message;
    throw error;
  }
}
function own(table, key) {
  return table !== void 0 && Object.hasOwn(table, key) ? table[key] : void 0;
}
var WordBuilder = class {
  text = "";
  started = false;
  literal = true;
  single = true;
  mayHideOption = false;
  onlyDigits = true;
  /** Set at the first unquoted "[" or "{": whether a glob or brace expansion from there could start an option. */
  bracketHides;
  braceHides;
  braceHasSeparator = false;
  previous = "";
  get isStarted() {
    return this.started;
  }
  /** A word made only of unquoted digits right before `<` or `>` names a file descriptor (`2>`). */
  get isDescriptor() {
    return this.started && this.onlyDigits;
  }
  /** Quoted or escaped characters: the shell passes them as written. */
  addLiteral(text) {
    this.append(text);
    this.onlyDigits = false;
  }
  /** An unquoted character, which may take part in a glob (`*`, `?`, `[...]`) or a brace expansion. */
  addUnquoted(char) {
    const hides = this.expansionHereCouldBeOption();
    if (char === "*" || char === "?") this.expand(hides);
    else if (char === "[") this.bracketHides ??= hides;
    else if (char === "]" && this.bracketHides !== void 0) this.expand(this.bracketHides);
    else if (char === "{") this.braceHides ??= hides;
    else if (char === "," || char === "." && this.previous === ".") {
      this.braceHasSeparator ||= this.braceHides !== void 0;
    } else if (char === "}" && this.braceHides !== void 0 && this.braceHasSeparator) {
      this.expand(this.braceHides);
    }
    this.append(char);
    this.onlyDigits &&= char >= "0" && char <= "9";
    this.previous = char;
  }
  /** A parameter or ANSI-C string; unquoted, its value is also split into several words. */
  addExpansion(raw, quoted, many = false) {
    if (!quoted || this.expansionHereCouldBeOption()) this.mayHideOption = true;
    if (!quoted || many) this.single = false;
    this.literal = false;
    this.addLiteral(raw);
  }
  /** `~` (and zsh's `=cmd`) at the start of a word becomes a path: not literal, but never an option. */
  addPathExpansion(char) {
    this.literal = false;
    this.addLiteral(char);
  }
  build() {
    return { text: this.text, literal: this.literal, single: this.single, mayHideOption: this.mayHideOption };
  }
  append(text) {
    this.started = true;
    this.text += text;
    this.previous = "";
  }
  expand(hides) {
    this.literal = false;
    this.single = false;
    this.mayHideOption ||= hides;
  }
  /** At the start of a word, or inside "-x…", an expansion can produce an option; inside "--name=" only a value. */
  expansionHereCouldBeOption() {
    return this.text === "" || this.text.startsWith("-") && !/^--[^=]+=/.test(this.text);
  }
};
var OPERATORS = [
  "<<<",
  "&>>",
  "<<-",
  ";;&",
  "&&",
  "||",
  "|&",
  "&>",
  ";;",
  ";&",
  "<<",
  "<>",
  "<&",
  "<(",
  ">>",
  ">|",
  ">&",
  ">(",
  "|",
  "&",
  ";",
  "(",
  ")",
  "<",
  ">"
];
var OPERATOR_CHARS = "|&;<>()";
var REDIRECTIONS = /* @__PURE__ */ new Set(["<", "<<<", "<>", "<&", ">", ">>", ">|", ">&", "&>", "&>>"]);
var PARAMETER = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9#?$!@*-])/;
var BRACED_PARAMETER = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[#?$!-])$/;
var ZSH_PARAMETER_FLAGS = "~=^+";
function tokenize(command) {
  const lexer = new Lexer(command);
  const reason = reasonOf(() => lexer.run());
  return reason ?? lexer.tokens;
}
var Lexer = class {
  tokens = [];
  source;
  position = 0;
  word = new WordBuilder();
  constructor(source) {
    this.source = source;
  }
  run() {
    while (this.position < this.source.length) this.step();
    this.endWord();
  }
  at(offset) {
    return this.source.charAt(this.position + offset);
  }
  step() {
    const char = this.at(0);
    if (char === " " || char === "	") {
      this.endWord();
      this.position++;
    } else if (char === "\n") {
      this.endWord();
      this.tokens.push({ kind: "control", operator: "\n" });
      this.position++;
    } else if (char === "#" && !this.word.isStarted) {
      this.skipComment();
    } else if (char === "\\") {
      this.readEscape();
    } else if (char === "'") {
      this.readSingleQuoted();
    } else if (char === '"') {
      this.readDoubleQuoted();
    } else if (char === "`") {
      throw new Unprovable("command substitution");
    } else if (char === "$") {
      this.readDollar(false);
    } else if (OPERATOR_CHARS.includes(char)) {
      this.readOperator();
    } else if (!this.word.isStarted && (char === "~" || char === "=" && /[\w./-]/.test(this.at(1)))) {
      this.word.addPathExpansion(char);
      this.position++;
    } else {
      this.word.addUnquoted(char);
      this.position++;
    }
  }
  endWord() {
    if (this.word.isStarted) this.tokens.push({ kind: "word", word: this.word.build() });
    this.word = new WordBuilder();
  }
  /** A `#` that starts a word comments out the rest of the line (non-interactive bash and zsh alike). */
  skipComment() {
    const newline = this.source.indexOf("\n", this.position);
    this.position = newline < 0 ? this.source.length : newline;
  }
  readEscape() {
    const escaped = this.at(1);
    if (escaped === "") throw new Unprovable("trailing backslash");
    if (escaped !== "\n") this.word.addLiteral(escaped);
    this.position += 2;
  }
  readSingleQuoted() {
    const end = this.source.indexOf("'", this.position + 1);
    if (end < 0) throw new Unprovable("unterminated single quote");
    this.word.addLiteral(this.source.slice(this.position + 1, end));
    this.position = end + 1;
  }
  /** Inside double quotes `$` and backquotes still expand; a backslash escapes only $, backquote, ", \\ and newline. */
  readDoubleQuoted() {
    this.position++;
    for (; ; ) {
      const char = this.at(0);
      if (char === "") throw new Unprovable("unterminated double quote");
      if (char === '"') break;
      if (char === "`") throw new Unprovable("command substitution");
      if (char === "$") {
        this.readDollar(true);
      } else if (char === "\\" && this.at(1) !== "" && '$`"\\\n'.includes(this.at(1))) {
        if (this.at(1) !== "\n") this.word.addLiteral(this.at(1));
        this.position += 2;
      } else {
        this.word.addLiteral(char);
        this.position++;
      }
    }
    this.word.addLiteral("");
    this.position++;
  }
  readDollar(quoted) {
    const next = this.at(1);
    if (next === "(") throw new Unprovable(this.at(2) === "(" ? "arithmetic expansion" : "command substitution");
    if (next === "[") throw new Unprovable("arithmetic expansion");
    if (next === "{") return this.readBracedParameter(quoted);
    if (!quoted && next === "'") return this.readAnsiCString();
    if (!quoted && next === '"') throw new Unprovable('locale-translated string `$"\u2026"`');
    const name = PARAMETER.exec(this.source.slice(this.position + 1))?.[0];
    if (name !== void 0 && this.at(1 + name.length) === "[") {
      throw new Unprovable(`array subscript \`$${name}[\`, which zsh evaluates as arithmetic`);
    }
    if (name !== void 0) {
      this.word.addExpansion(`$${name}`, quoted, name === "@" || name === "*");
      this.position += 1 + name.length;
      return;
    }
    if (next !== "" && ZSH_PARAMETER_FLAGS.includes(next)) throw new Unprovable(`zsh parameter expansion \`$${next}\``);
    this.word.addLiteral("$");
    this.position++;
  }
  /** Only `${name}`: the operators (`${x:=v}`, `${x/a/b}`, zsh's `${(e)x}`) can assign or evaluate. */
  readBracedParameter(quoted) {
    const end = this.source.indexOf("}", this.position + 2);
    if (end < 0) throw new Unprovable("unterminated parameter expansion `${`");
    const inner = this.source.slice(this.position + 2, end);
    if (!BRACED_PARAMETER.test(inner)) throw new Unprovable(`parameter expansion \`\${${inner}}\``);
    this.word.addExpansion(`\${${inner}}`, quoted);
    this.position = end + 1;
  }
  /** `$'…'` is quoted text with backslash escapes: it cannot run anything, but its value is not read here. */
  readAnsiCString() {
    let end = this.position + 2;
    while (end < this.source.length && this.source[end] !== "'") end += this.source[end] === "\\" ? 2 : 1;
    if (end >= this.source.length) throw new Unprovable("unterminated `$'` string");
    this.word.addExpansion(this.source.slice(this.position, end + 1), true);
    this.position = end + 1;
  }
  readOperator() {
    const char = this.at(0);
    if ((char === "<" || char === ">") && this.word.isDescriptor) this.word = new WordBuilder();
    else this.endWord();
    const operator = OPERATORS.find((candidate) => this.source.startsWith(candidate, this.position)) ?? char;
    this.position += operator.length;
    if (operator === "<<" || operator === "<<-") throw new Unprovable("here-document");
    if (operator === "<(" || operator === ">(") throw new Unprovable("process substitution");
    this.tokens.push({ kind: REDIRECTIONS.has(operator) ? "redirect" : "control", operator });
  }
};
var CONNECTORS = /* @__PURE__ */ new Set(["|", "|&", "&&", "||"]);
var UNSUPPORTED_CONTROL = /* @__PURE__ */ new Map([
  ["&", "background job (`&`)"],
  ["(", "subshell or function definition"],
  [")", "subshell or function definition"],
  [";;", "case clause"],
  [";&", "case clause"],
  [";;&", "case clause"]
]);
function parseCommands(tokens) {
  const commands = [];
  let current = { words: [], redirects: [] };
  let needsCommand = false;
  let pendingRedirect;
  for (const token of tokens) {
    if (pendingRedirect !== void 0) {
      if (token.kind !== "word") return `redirection \`${pendingRedirect}\` without a target`;
      current.redirects.push({ operator: pendingRedirect, target: token.word });
      pendingRedirect = void 0;
    } else if (token.kind === "word") {
      current.words.push(token.word);
    } else if (token.kind === "redirect") {
      pendingRedirect = token.operator;
    } else {
      const unsupported = UNSUPPORTED_CONTROL.get(token.operator);
      if (unsupported !== void 0) return unsupported;
      const empty = current.words.length === 0 && current.redirects.length === 0;
      if (CONNECTORS.has(token.operator)) {
        if (empty) return `\`${token.operator}\` without a command before it`;
        commands.push(current);
        current = { words: [], redirects: [] };
        needsCommand = true;
      } else if (!empty) {
        commands.push(current);
        current = { words: [], redirects: [] };
        needsCommand = false;
      } else if (token.operator === ";" && needsCommand) {
        return "`;` without a command before it";
      }
    }
  }
  if (pendingRedirect !== void 0) return `redirection \`${pendingRedirect}\` without a target`;
  if (current.words.length > 0 || current.redirects.length > 0) commands.push(current);
  else if (needsCommand) return "incomplete command";
  return commands;
}
function simpleCommandReason(command) {
  for (const redirect of command.redirects) {
    const reason = redirectReason(redirect);
    if (reason !== void 0) return reason;
  }
  const programAt = command.words.findIndex((word) => !ASSIGNMENT.test(word.text));
  const assignments = programAt < 0 ? command.words : command.words.slice(0, programAt);
  for (const assignment of assignments) {
    const reason = assignmentReason(assignment);
    if (reason !== void 0) return reason;
  }
  const program = command.words[programAt];
  if (program === void 0) return "no program to run";
  return programReason(program, command.words.slice(programAt + 1));
}
var INPUT_REDIRECTIONS = /* @__PURE__ */ new Set(["<", "<<<"]);
var DESCRIPTOR = /^(?:\d+|-)$/;
function redirectReason({ operator, target }) {
  if (INPUT_REDIRECTIONS.has(operator)) return void 0;
  if (operator === "<>") return "read-write redirection (`<>`) creates its file";
  if ((operator === ">&" || operator === "<&") && target.literal && DESCRIPTOR.test(target.text)) return void 0;
  if (operator === "<&") return `redirection \`<&\` to \`${target.text}\`, which is not a descriptor`;
  if (target.literal && target.text === "/dev/null") return void 0;
  return `output redirection to \`${target.text}\``;
}
var ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?\+?=/;
var HARMLESS_ASSIGNMENTS = /* @__PURE__ */ new Set(["LANG", "LC_ALL"]);
function assignmentReason(word) {
  const name = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(word.text)?.[1];
  if (name !== void 0 && HARMLESS_ASSIGNMENTS.has(name)) return void 0;
  return `environment assignment \`${word.text.slice(0, word.text.indexOf("=") + 1)}\``;
}
var COMPOUND_WORDS = [
  "if",
  "then",
  "elif",
  "else",
  "fi",
  "case",
  "esac",
  "for",
  "select",
  "while",
  "until",
  "do",
  "done",
  "coproc"
];
var SHELL_SYNTAX = new Map([
  ["{", "brace group"],
  ["}", "brace group"],
  ["!", "negated pipeline"],
  ["[[", "`[[` conditional, which evaluates arithmetic"],
  ["function", "function definition"],
  ...COMPOUND_WORDS.map((word) => [word, `compound command \`${word}\``])
]);
var RUNS_ANY_COMMAND = /* @__PURE__ */ new Set([
  ".",
  "bash",
  "builtin",
  "chroot",
  "command",
  "csh",
  "dash",
  "doas",
  "eval",
  "exec",
  "fish",
  "flock",
  "ionice",
  "ksh",
  "nice",
  "nohup",
  "parallel",
  "script",
  "setsid",
  "sh",
  "source",
  "stdbuf",
  "strace",
  "su",
  "sudo",
  "tcsh",
  "time",
  "timeout",
  "unbuffer",
  "watch",
  "xargs",
  "zsh"
]);
function programReason(program, args) {
  if (!program.literal) return `program name \`${program.text}\` is not literal text`;
  const name = program.text;
  const syntax = SHELL_SYNTAX.get(name);
  if (syntax !== void 0) return syntax;
  if (RUNS_ANY_COMMAND.has(name)) return `\`${name}\` can run any command`;
  if (name.includes("/")) return `program run by path \`${name}\``;
  const rule = PROGRAMS.get(name);
  if (rule === void 0) return `unknown program \`${name}\``;
  return argumentsReason(name, rule, args);
}
function argumentsReason(program, rule, args) {
  return nonLiteralReason(program, rule, args) ?? forbiddenOptionReason(program, rule, args) ?? operandCountReason(program, rule, args) ?? rule.check?.(args);
}
function nonLiteralReason(program, rule, args) {
  if (!rule.literalArgs && rule.operands === void 0) return void 0;
  const expanding = args.find((arg) => !arg.literal);
  return expanding === void 0 ? void 0 : `\`${program}\` argument \`${expanding.text}\` is not literal text`;
}
function forbiddenOptionReason(program, rule, args) {
  if (!rule.short && !rule.long && !rule.exact && !rule.leading) return void 0;
  for (const arg of args) {
    if (rule.doubleDashEndsOptions && arg.literal && arg.text === "--") return void 0;
    if (arg.mayHideOption) return `\`${arg.text}\` could expand to a \`${program}\` option`;
    const found = forbiddenOption(rule, arg.text);
    if (found !== void 0) return `\`${program} ${found.option}\` ${found.why}`;
  }
  return void 0;
}
function forbiddenOption(rule, text) {
  const exact = own(rule.exact, text);
  if (exact !== void 0) return { option: text, why: exact };
  for (const [prefix, why] of Object.entries(rule.leading ?? {})) {
    if (text.startsWith(prefix)) return { option: text, why };
  }
  if (text.startsWith("--")) return forbiddenLongOption(rule, optionName(text));
  if (text.startsWith("-")) return forbiddenLetter(rule, text);
  return void 0;
}
function forbiddenLongOption(rule, name) {
  if (name === "--") return void 0;
  for (const [option, why] of Object.entries(rule.long ?? {})) {
    if (option.startsWith(name)) return { option, why };
  }
  return void 0;
}
function forbiddenLetter(rule, cluster) {
  for (const letter of cluster.slice(1)) {
    const why = own(rule.short, letter);
    if (why !== void 0) return { option: `-${letter}`, why };
    if (rule.valueLetters?.includes(letter)) return void 0;
  }
  return void 0;
}
function optionName(text) {
  const equals = text.indexOf("=");
  return equals < 0 ? text : text.slice(0, equals);
}
function operandCountReason(program, rule, args) {
  const limit = rule.operands;
  if (limit === void 0) return void 0;
  return operandsOf(args, limit.valueOptions).length > limit.max ? `\`${program}\` ${limit.why}` : void 0;
}
function operandsOf(args, valueOptions) {
  const operands = [];
  let optionsEnded = false;
  let skipValue = false;
  for (const arg of args) {
    if (skipValue) {
      skipValue = false;
    } else if (!optionsEnded && arg.text === "--") {
      optionsEnded = true;
    } else if (!optionsEnded && arg.text.startsWith("-") && arg.text !== "-") {
      skipValue = valueOptions.includes(arg.text);
    } else {
      operands.push(arg);
      optionsEnded = true;
    }
  }
  return operands;
}
var PLAIN = {};
var LOG_FILE2 = "copies its input to a log file";
var LESSKEY = "reads a lesskey file, whose #env section can set LESSOPEN to a command";
var SETS_CLOCK = "sets the system clock";
var RUNS_COMMAND = "runs a command";
var ARITHMETIC = "evaluates its operands as arithmetic, where array subscripts can run commands";
var PAGER = {
  short: { o: LOG_FILE2, O: LOG_FILE2, k: LESSKEY },
  long: {
    "--log-file": LOG_FILE2,
    "--LOG-FILE": LOG_FILE2,
    "--lesskey-file": LESSKEY,
    "--lesskey-src": LESSKEY,
    "--lesskey-content": LESSKEY
  },
  leading: { "+": "runs a less command at startup" }
};
var TEST = {
  exact: {
    "-eq": ARITHMETIC,
    "-ne": ARITHMETIC,
    "-lt": ARITHMETIC,
    "-le": ARITHMETIC,
    "-gt": ARITHMETIC,
    "-ge": ARITHMETIC,
    "-v": ARITHMETIC,
    "-R": ARITHMETIC
  }
};
var PROGRAMS = new Map(
  Object.entries({
    // No option of these writes a file or runs a program.
    basename: PLAIN,
    cat: PLAIN,
    cd: PLAIN,
    cmp: PLAIN,
    column: PLAIN,
    comm: PLAIN,
    cut: PLAIN,
    df: PLAIN,
    diff: PLAIN,
    dirname: PLAIN,
    du: PLAIN,
    echo: PLAIN,
    egrep: PLAIN,
    expand: PLAIN,
    false: PLAIN,
    fgrep: PLAIN,
    fold: PLAIN,
    grep: PLAIN,
    head: PLAIN,
    hexdump: PLAIN,
    id: PLAIN,
    join: PLAIN,
    jq: PLAIN,
    ls: PLAIN,
    md5sum: PLAIN,
    nl: PLAIN,
    od: PLAIN,
    paste: PLAIN,
    printenv: PLAIN,
    pwd: PLAIN,
    readlink: PLAIN,
    realpath: PLAIN,
    rev: PLAIN,
    seq: PLAIN,
    sha1sum: PLAIN,
    sha256sum: PLAIN,
    sha512sum: PLAIN,
    sleep: PLAIN,
    stat: PLAIN,
    strings: PLAIN,
    tac: PLAIN,
    tail: PLAIN,
    tr: PLAIN,
    true: PLAIN,
    type: PLAIN,
    uname: PLAIN,
    wc: PLAIN,
    which: PLAIN,
    whoami: PLAIN,
    "[": TEST,
    test: TEST,
    less: PAGER,
    more: PAGER,
    ag: { long: { "--pager": "pipes its output through a program" } },
    date: {
      short: { s: SETS_CLOCK },
      long: { "--set": SETS_CLOCK },
      valueLetters: "dfrI",
      literalArgs: true,
      check: dateReason
    },
    env: { check: (args) => args.length === 0 ? void 0 : "`env` with arguments runs a command" },
    fd: {
      short: { x: RUNS_COMMAND, X: RUNS_COMMAND },
      long: { "--exec": RUNS_COMMAND, "--exec-batch": RUNS_COMMAND }
    },
    file: {
      short: { C: "compiles a magic file and writes it" },
      long: { "--compile": "compiles a magic file and writes it" }
    },
    find: {
      exact: {
        "-delete": "deletes files",
        "-exec": RUNS_COMMAND,
        "-execdir": RUNS_COMMAND,
        "-ok": RUNS_COMMAND,
        "-okdir": RUNS_COMMAND,
        "-fls": "writes to a file",
        "-fprint": "writes to a file",
        "-fprint0": "writes to a file",
        "-fprintf": "writes to a file"
      }
    },
    hostname: {
      check: (args) => args.length === 0 ? void 0 : "`hostname` with arguments can set the host name"
    },
    node: versionOnly("node", ["--version", "-v"]),
    printf: { check: printfReason },
    python: versionOnly("python", ["--version", "-V"]),
    python3: versionOnly("python3", ["--version", "-V"]),
    rg: {
      long: { "--pre": "runs a preprocessor program", "--hostname-bin": "runs a program" }
    },
    sort: {
      short: { o: "writes its output to a file", T: "writes temporary files into a directory" },
      long: {
        "--output": "writes its output to a file",
        "--temporary-directory": "writes temporary files into a directory",
        "--compress-program": "runs a compression program"
      }
    },
    tree: {
      short: { o: "writes its output to a file", R: "writes 00Tree.html files" }
    },
    uniq: {
      operands: { max: 1, valueOptions: ["-f", "-s", "-w"], why: "writes its output to the second operand" }
    },
    xxd: {
      short: { r: "writes binary reverted from a dump" },
      operands: {
        max: 1,
        valueOptions: ["-c", "-g", "-l", "-o", "-s"],
        why: "writes its output to the second operand"
      }
    },
    yq: {
      short: { i: "edits in place", s: "splits its output into files" },
      long: {
        "--inplace": "edits in place",
        "--in-place": "edits in place",
        "--split-exp": "splits its output into files",
        "--security-enable-system-operator": "lets the expression run commands"
      }
    },
    sed: { check: sedReason },
    awk: { check: awkReason },
    git: { check: gitReason }
  })
);
function versionOnly(program, versionFlags) {
  return {
    check: ([only, ...rest]) => only?.literal && rest.length === 0 && versionFlags.includes(only.text) ? void 0 : `\`${program}\` runs code unless only asked for its version`
  };
}
function dateReason(args) {
  const operands = operandsOf(args, ["-d", "-f", "-r", "--date", "--file", "--reference"]);
  return operands.every((operand) => operand.text.startsWith("+")) ? void 0 : "`date` with a date operand sets the system clock";
}
var PRINTF_TEXT_FORMAT = /^(?:[^%]|%%|%[-+ #0]*\d*(?:\.\d*)?[sb])*$/;
function printfReason(args) {
  const [first, second] = args;
  if (first === void 0) return void 0;
  if (first.literal && first.text.startsWith("-") && first.text !== "--") {
    return `\`printf ${first.text}\` can assign a shell variable, which changes what later commands run`;
  }
  const format = first.literal && first.text === "--" ? second : first;
  if (format === void 0) return void 0;
  if (!format.literal) return `\`printf\` format \`${format.text}\` is not literal text`;
  return PRINTF_TEXT_FORMAT.test(format.text) ? void 0 : "`printf` numeric conversions evaluate arithmetic in zsh";
}
var SED_SHORT_OPTIONS = {
  n: "switch",
  E: "switch",
  r: "switch",
  s: "switch",
  u: "switch",
  z: "switch",
  e: "script",
  i: { reject: "edits in place" },
  I: { reject: "edits in place" },
  f: { reject: "reads its script from a file" },
  l: { reject: "takes a value in GNU sed but not in BSD sed" }
};
var SED_LONG_OPTIONS = {
  "--binary": "switch",
  "--debug": "switch",
  "--follow-symlinks": "switch",
  "--help": "switch",
  "--null-data": "switch",
  "--posix": "switch",
  "--quiet": "switch",
  "--regexp-extended": "switch",
  "--sandbox": "switch",
  "--separate": "switch",
  "--silent": "switch",
  "--unbuffered": "switch",
  "--version": "switch",
  "--zero-terminated": "switch",
  "--line-length": "value",
  "--expression": "script",
  "--in-place": { reject: "edits in place" },
  "--file": { reject: "reads its script from a file" }
};
function sedReason(args) {
  const scripts = [];
  let firstOperand;
  let firstOperandIsScript = false;
  let optionsEnded = false;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (!optionsEnded && arg.literal && arg.text === "--") {
      optionsEnded = true;
      continue;
    }
    if (!optionsEnded && arg.mayHideOption) return `\`${arg.text}\` could expand to a \`sed\` option`;
    if (optionsEnded || !arg.text.startsWith("-") || arg.text === "-") {
      if (firstOperand === void 0) {
        firstOperand = arg;
        firstOperandIsScript = scripts.length === 0;
      }
      continue;
    }
    const effect = arg.text.startsWith("--") ? sedLongOption(arg.text) : sedShortOptions(arg.text);
    if (effect.reject !== void 0) return effect.reject;
    if (effect.script !== void 0) scripts.push(effect.script);
    if (effect.valueInNextArgument !== void 0) {
      const value = args[++index];
      if (value === void 0 || !value.literal) return `\`sed ${arg.text}\` needs a literal value`;
      if (effect.valueInNextArgument === "script") scripts.push(value.text);
    }
  }
  if (firstOperand !== void 0 && firstOperandIsScript) {
    if (!firstOperand.literal) return `sed script \`${firstOperand.text}\` is not literal text`;
    scripts.push(firstOperand.text);
  }
  if (scripts.length === 0) return "`sed` without a script";
  for (const script of scripts) {
    const reason = reasonOf(() => readSedScript(script));
    if (reason !== void 0) return reason;
  }
  return void 0;
}
function sedShortOptions(cluster) {
  for (let index = 1; index < cluster.length; index++) {
    const letter = cluster.charAt(index);
    const option = Object.hasOwn(SED_SHORT_OPTIONS, letter) ? SED_SHORT_OPTIONS[letter] : void 0;
    if (option === void 0) return { reject: `unknown option \`sed -${letter}\`` };
    if (typeof option === "object") return { reject: `\`sed -${letter}\` ${option.reject}` };
    if (option === "script") {
      const rest = cluster.slice(index + 1);
      return rest === "" ? { valueInNextArgument: "script" } : { script: rest };
    }
  }
  return {};
}
function sedLongOption(text) {
  const name = optionName(text);
  const value = name === text ? void 0 : text.slice(name.length + 1);
  const matches = Object.hasOwn(SED_LONG_OPTIONS, name) ? [name] : Object.keys(SED_LONG_OPTIONS).filter((option2) => option2.startsWith(name));
  const [resolved] = matches;
  const option = resolved === void 0 ? void 0 : SED_LONG_OPTIONS[resolved];
  if (matches.length !== 1 || resolved === void 0 || option === void 0) {
    return { reject: `unknown or ambiguous option \`sed ${name}\`` };
  }
  if (typeof option === "object") return { reject: `\`sed ${resolved}\` ${option.reject}` };
  if (option === "switch") return {};
  if (value !== void 0) return option === "script" ? { script: value } : {};
  return { valueInNextArgument: option };
}
var SED_PLAIN_COMMANDS = "=DdFGgHhNnPpxz";
var SED_NUMBER_COMMANDS = "lqQ";
var SED_LABEL_COMMANDS = ":btT";
var SED_COMMAND_REASONS = {
  w: "writes a file",
  W: "writes a file",
  e: "runs a command"
};
var BLANKS = " 	";
var DIGITS = "0123456789";
var Cursor = class {
  position = 0;
  text;
  constructor(text) {
    this.text = text;
  }
  peek() {
    return this.text.charAt(this.position);
  }
  next() {
    const char = this.peek();
    this.position++;
    return char;
  }
  skip(chars) {
    while (this.peek() !== "" && chars.includes(this.peek())) this.position++;
  }
};
function readSedScript(script) {
  const cursor = new Cursor(script);
  for (; ; ) {
    cursor.skip(" 	\n;");
    if (cursor.peek() === "") return;
    readSedCommand(cursor);
  }
}
function readSedCommand(cursor) {
  if (cursor.peek() === "#") {
    const newline = cursor.text.indexOf("\n", cursor.position);
    cursor.position = newline < 0 ? cursor.text.length : newline;
    return;
  }
  if (cursor.peek() === "}") {
    cursor.position++;
    return;
  }
  readSedAddresses(cursor);
  cursor.skip(BLANKS);
  while (cursor.peek() === "!") {
    cursor.position++;
    cursor.skip(BLANKS);
  }
  const command = cursor.next();
  if (command === "") throw new Unprovable("sed address without a command");
  if (command === "{") return;
  if (command === "s") return readSedSubstitution(cursor);
  if (command === "y") {
    const delimiter = readSedDelimiter(cursor);
    readSedText(cursor, delimiter);
    readSedText(cursor, delimiter);
  } else if (SED_NUMBER_COMMANDS.includes(command)) {
    cursor.skip(DIGITS);
  } else if (SED_LABEL_COMMANDS.includes(command)) {
    readSedLabel(cursor);
  } else if (!SED_PLAIN_COMMANDS.includes(command)) {
    throw new Unprovable(`sed command \`${command}\` ${own(SED_COMMAND_REASONS, command) ?? "is not supported"}`);
  }
  endSedCommand(cursor);
}
function endSedCommand(cursor) {
  cursor.skip(BLANKS);
  const char = cursor.peek();
  if (char !== "" && !";\n}#".includes(char)) throw new Unprovable(`unexpected \`${char}\` after a sed command`);
}
function readSedLabel(cursor) {
  cursor.skip(BLANKS);
  while (cursor.peek() !== "" && !" 	\n;}".includes(cursor.peek())) cursor.position++;
}
function readSedAddresses(cursor) {
  if (!readSedAddress(cursor, false)) return;
  if (cursor.peek() !== ",") return;
  cursor.position++;
  cursor.skip(BLANKS);
  if (!readSedAddress(cursor, true)) throw new Unprovable("sed range without a second address");
}
function readSedAddress(cursor, second) {
  const char = cursor.peek();
  if (char !== "" && DIGITS.includes(char)) {
    cursor.skip(DIGITS);
    if (cursor.peek() === "~") {
      cursor.position++;
      cursor.skip(DIGITS);
    }
  } else if (char === "$") {
    cursor.position++;
  } else if (char === "/" || char === "\\") {
    cursor.position++;
    readSedRegex(cursor, char === "/" ? "/" : readSedDelimiter(cursor));
    cursor.skip("IM");
  } else if (second && (char === "+" || char === "~")) {
    cursor.position++;
    cursor.skip(DIGITS);
  } else {
    return false;
  }
  return true;
}
function readSedDelimiter(cursor) {
  const delimiter = cursor.next();
  if (delimiter === "" || delimiter === "\n" || delimiter === "\\") throw new Unprovable("unusual sed delimiter");
  return delimiter;
}
function readSedRegex(cursor, delimiter) {
  for (; ; ) {
    const char = cursor.next();
    if (char === "") throw new Unprovable("unterminated sed regular expression");
    if (char === "\\") {
      if (cursor.next() === "") throw new Unprovable("unterminated sed regular expression");
    } else if (char === delimiter) {
      return;
    } else if (char === "[") {
      readSedBracket(cursor, delimiter);
    }
  }
}
function readSedBracket(cursor, delimiter) {
  const disagreement = "sed delimiter inside a bracket expression";
  if (delimiter === "]") throw new Unprovable(disagreement);
  const start = cursor.position;
  if (cursor.peek() === "^") cursor.position++;
  if (cursor.peek() === "]") cursor.position++;
  for (; ; ) {
    const char = cursor.next();
    if (char === "") throw new Unprovable("unterminated sed bracket expression");
    if (char === "]") break;
    if (char === "[" && cursor.peek() !== "" && ":.=".includes(cursor.peek())) {
      const close = `${cursor.next()}]`;
      const end = cursor.text.indexOf(close, cursor.position);
      if (end < 0) throw new Unprovable("unterminated sed bracket expression");
      cursor.position = end + close.length;
    }
  }
  if (cursor.text.slice(start, cursor.position - 1).includes(delimiter)) throw new Unprovable(disagreement);
}
function readSedText(cursor, delimiter) {
  for (; ; ) {
    const char = cursor.next();
    if (char === "" || char === "\\" && cursor.next() === "") throw new Unprovable("unterminated sed command");
    if (char === delimiter) return;
  }
}
function readSedSubstitution(cursor) {
  const delimiter = readSedDelimiter(cursor);
  readSedRegex(cursor, delimiter);
  readSedText(cursor, delimiter);
  cursor.skip("gpiImM0123456789");
  const flag = cursor.peek();
  if (flag === "w" || flag === "W") throw new Unprovable("`s///w` writes a file");
  if (flag === "e") throw new Unprovable("`s///e` runs the pattern space as a command");
  endSedCommand(cursor);
}
var AWK_FORBIDDEN = [">", "|", "system", "getline", "close", "fflush", "@"];
function awkReason(args) {
  let index = 0;
  for (; index < args.length; index++) {
    const arg = args[index];
    if (!arg.literal) return `\`awk\` argument \`${arg.text}\` is not literal text`;
    if (arg.text === "--") {
      index++;
      break;
    }
    if (!arg.text.startsWith("-") || arg.text === "-") break;
    if (arg.text === "-F" || arg.text === "-v") {
      index++;
      if (!args[index]?.literal) return `\`awk ${arg.text}\` needs a literal value`;
    } else if (!/^-[Fv]./.test(arg.text)) {
      return `\`awk ${arg.text}\` is not supported`;
    }
  }
  const program = args[index];
  if (program === void 0) return "`awk` without a program";
  if (!program.literal) return `awk program \`${program.text}\` is not literal text`;
  const found = AWK_FORBIDDEN.find((token) => program.text.includes(token));
  return found === void 0 ? void 0 : `awk program uses \`${found}\``;
}
var GIT_GLOBAL_SWITCHES = /* @__PURE__ */ new Set([
  "--no-pager",
  "-P",
  "-p",
  "--paginate",
  "--no-optional-locks",
  "--literal-pathspecs",
  "--glob-pathspecs",
  "--noglob-pathspecs",
  "--icase-pathspecs",
  "--no-replace-objects",
  "--no-advice"
]);
var GIT_INFO_OPTIONS = /* @__PURE__ */ new Set(["--version", "--help", "-h", "--html-path", "--man-path", "--info-path"]);
var GIT_GLOBAL_REASONS = {
  "-c": "sets configuration, which can name a program to run (core.pager, diff.external)",
  "--config-env": "sets configuration, which can name a program to run (core.pager, diff.external)",
  "--exec-path": "chooses where git finds the programs it runs",
  "--git-dir": "points git at another repository",
  "--work-tree": "points git at another work tree"
};
function gitReason(args) {
  let index = 0;
  for (; index < args.length; index++) {
    const arg = args[index];
    if (!arg.literal) return `git argument \`${arg.text}\` is not literal text`;
    if (!arg.text.startsWith("-")) break;
    if (GIT_INFO_OPTIONS.has(arg.text)) return void 0;
    if (arg.text === "-C") {
      index++;
      if (!args[index]?.single) return "`git -C` needs exactly one directory";
    } else if (!GIT_GLOBAL_SWITCHES.has(arg.text)) {
      const name = optionName(arg.text);
      return `\`git ${name}\` ${own(GIT_GLOBAL_REASONS, name) ?? "is not a known harmless git option"}`;
    }
  }
  const subcommand = args[index];
  if (subcommand === void 0) return void 0;
  const rule = GIT_SUBCOMMANDS.get(subcommand.text);
  if (rule === void 0) return `\`git ${subcommand.text}\` is not a read-only git command`;
  return argumentsReason(`git ${subcommand.text}`, rule, args.slice(index + 1));
}
var GIT_PLAIN = { doubleDashEndsOptions: true };
var GIT_DIFF_OUTPUT = {
  long: { "--output": "writes to a file", "--ext-diff": "runs the configured external diff program" },
  doubleDashEndsOptions: true
};
var OPENS_PAGER = "opens the matching files in a pager";
var GIT_SUBCOMMANDS = new Map(
  Object.entries({
    blame: GIT_PLAIN,
    "cat-file": GIT_PLAIN,
    "count-objects": GIT_PLAIN,
    describe: GIT_PLAIN,
    "for-each-ref": GIT_PLAIN,
    help: GIT_PLAIN,
    "ls-files": GIT_PLAIN,
    "ls-tree": GIT_PLAIN,
    "merge-base": GIT_PLAIN,
    "name-rev": GIT_PLAIN,
    "rev-parse": GIT_PLAIN,
    "show-ref": GIT_PLAIN,
    status: GIT_PLAIN,
    var: GIT_PLAIN,
    version: GIT_PLAIN,
    diff: GIT_DIFF_OUTPUT,
    log: GIT_DIFF_OUTPUT,
    "rev-list": GIT_DIFF_OUTPUT,
    shortlog: GIT_DIFF_OUTPUT,
    show: GIT_DIFF_OUTPUT,
    grep: { short: { O: OPENS_PAGER }, long: { "--open-files-in-pager": OPENS_PAGER }, doubleDashEndsOptions: true },
    reflog: { ...GIT_DIFF_OUTPUT, literalArgs: true, check: gitReflogReason },
    branch: { literalArgs: true, check: (args) => listingReason("git branch", GIT_BRANCH_LISTING, args) },
    tag: { literalArgs: true, check: (args) => listingReason("git tag", GIT_TAG_LISTING, args) },
    remote: { literalArgs: true, check: gitRemoteReason },
    stash: { literalArgs: true, check: gitStashReason },
    config: { literalArgs: true, check: gitConfigReason },
    worktree: {
      literalArgs: true,
      check: ([action]) => action?.text === "list" ? void 0 : "`git worktree` without `list` changes worktrees"
    }
  })
);
var FILTERS = ["--contains", "--no-contains", "--merged", "--no-merged", "--points-at"];
var LISTING_OPTIONS = [
  ...FILTERS,
  "--list",
  "-l",
  "-i",
  "--ignore-case",
  "--sort",
  "--format",
  "--color",
  "--no-color",
  "--column",
  "--no-column",
  "--omit-empty"
];
var GIT_BRANCH_LISTING = {
  options: /* @__PURE__ */ new Set([
    ...LISTING_OPTIONS,
    "-a",
    "--all",
    "-r",
    "--remotes",
    "-v",
    "--verbose",
    "-q",
    "--quiet",
    "--show-current",
    "--abbrev",
    "--no-abbrev"
  ]),
  bundle: /^-[airvq]+$/,
  patternOptions: /* @__PURE__ */ new Set(["--list", ...FILTERS]),
  writers: {
    "-d": "deletes a branch",
    "-D": "deletes a branch",
    "--delete": "deletes a branch",
    "-m": "renames a branch",
    "-M": "renames a branch",
    "--move": "renames a branch",
    "-c": "copies a branch",
    "-C": "copies a branch",
    "--copy": "copies a branch",
    "-f": "forces a branch change",
    "--force": "forces a branch change",
    "-u": "sets a branch's upstream",
    "--set-upstream-to": "sets a branch's upstream",
    "--unset-upstream": "removes a branch's upstream",
    "--edit-description": "edits a branch description",
    "-t": "creates a tracking branch",
    "--track": "creates a tracking branch",
    "--no-track": "creates a branch",
    "--create-reflog": "creates a branch reflog"
  },
  operandWhy: "creates a branch"
};
var GIT_TAG_LISTING = {
  options: /* @__PURE__ */ new Set([...LISTING_OPTIONS, "-n"]),
  bundle: /^-(?:i|n\d*)+$/,
  patternOptions: /* @__PURE__ */ new Set(["-l", "--list", ...FILTERS]),
  writers: {
    "-a": "creates an annotated tag",
    "--annotate": "creates an annotated tag",
    "-s": "creates a signed tag",
    "--sign": "creates a signed tag",
    "-u": "creates a signed tag",
    "--local-user": "creates a signed tag",
    "-f": "replaces a tag",
    "--force": "replaces a tag",
    "-d": "deletes a tag",
    "--delete": "deletes a tag",
    "-m": "creates a tag",
    "--message": "creates a tag",
    "-F": "creates a tag",
    "--file": "creates a tag",
    "-e": "creates a tag",
    "--edit": "creates a tag"
  },
  operandWhy: "creates a tag"
};
function listingReason(command, rule, args) {
  let listing = false;
  let firstOperand;
  let optionsEnded = false;
  for (const { text } of args) {
    if (!optionsEnded && text === "--") {
      optionsEnded = true;
    } else if (optionsEnded || !text.startsWith("-") || text === "-") {
      firstOperand ??= text;
    } else {
      const name = optionName(text);
      const why = own(rule.writers, name);
      if (why !== void 0) return `\`${command} ${name}\` ${why}`;
      if (!rule.options.has(name) && !rule.bundle.test(text)) return `\`${command} ${name}\` is not a listing option`;
      listing ||= rule.patternOptions.has(name);
    }
  }
  return firstOperand !== void 0 && !listing ? `\`${command} ${firstOperand}\` ${rule.operandWhy}` : void 0;
}
var GIT_REFLOG_WRITERS = /* @__PURE__ */ new Set(["delete", "drop", "expire", "write"]);
function gitReflogReason(args) {
  const writer = args.find((arg) => GIT_REFLOG_WRITERS.has(arg.text));
  return writer === void 0 ? void 0 : `\`git reflog ${writer.text}\` rewrites the reflog`;
}
function gitRemoteReason(args) {
  const action = args.find((arg) => arg.text !== "-v" && arg.text !== "--verbose")?.text;
  if (action === void 0 || action === "show" || action === "get-url") return void 0;
  return `\`git remote ${action}\` changes the remotes`;
}
function gitStashReason([action, ...rest]) {
  if (action?.text !== "list" && action?.text !== "show") {
    return `\`git stash${action === void 0 ? "" : ` ${action.text}`}\` changes the work tree or the stash`;
  }
  return argumentsReason(`git stash ${action.text}`, GIT_DIFF_OUTPUT, rest);
}
var GIT_CONFIG_READS = /* @__PURE__ */ new Set([
  "--get",
  "--get-all",
  "--get-regexp",
  "--get-urlmatch",
  "--get-color",
  "--get-colorbool",
  "-l",
  "--list"
]);
var GIT_CONFIG_MODIFIERS = /* @__PURE__ */ new Set([
  "--global",
  "--system",
  "--local",
  "--worktree",
  "--file",
  "-f",
  "--blob",
  "--show-origin",
  "--show-scope",
  "--name-only",
  "-z",
  "--null",
  "--type",
  "--bool",
  "--int",
  "--bool-or-int",
  "--path",
  "--expiry-date",
  "--includes",
  "--no-includes",
  "--default",
  "--no-type",
  "--all",
  "--regexp",
  "--value",
  "--fixed-value",
  "--url",
  "--show-names"
]);
function gitConfigReason(args) {
  const action = args[0]?.text;
  const subcommandStyle = action === "get" || action === "list";
  let reads = subcommandStyle;
  for (const { text } of subcommandStyle ? args.slice(1) : args) {
    if (!text.startsWith("-") || text === "-") continue;
    const name = optionName(text);
    if (GIT_CONFIG_READS.has(name)) reads = true;
    else if (!GIT_CONFIG_MODIFIERS.has(name)) return `\`git config ${name}\` is not a read-only config option`;
  }
  return reads ? void 0 : "`git config` without `--get`, `--list`, `get` or `list` sets a value";
}

// src/core/payload.ts
function parsePayload(text) {
  if (text.trim() === "") return { ok: false, problem: "no hook payload on stdin" };
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: "the hook payload on stdin is not JSON" };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, problem: "the hook payload on stdin is not a JSON object" };
  }
  const p = value;
  if (typeof p.session_id !== "string" || p.session_id.trim() === "") {
    return { ok: false, problem: "the hook payload has no session_id" };
  }
  const toolInput = p.tool_input;
  return {
    ok: true,
    payload: {
      sessionId: p.session_id,
      cwd: typeof p.cwd === "string" && p.cwd !== "" ? p.cwd : null,
      event: typeof p.hook_event_name === "string" ? p.hook_event_name : null,
      toolName: typeof p.tool_name === "string" ? p.tool_name : null,
      toolInput: typeof toolInput === "object" && toolInput !== null && !Array.isArray(toolInput) ? toolInput : {}
    }
  };
}

// src/hook/runHook.ts
init_record();

// src/host/workspace.ts
var nodeFs3 = __toESM(require("node:fs"), 1);
var import_node_path3 = require("node:path");

// src/core/md5.ts
var S = [7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21];
var K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);
function md5Hex(text) {
  const bytes = new TextEncoder().encode(text);
  const length = (bytes.length + 8 >>> 6) + 1 << 6;
  const message2 = new Uint8Array(length);
  message2.set(bytes);
  message2[bytes.length] = 128;
  const view = new DataView(message2.buffer);
  view.setUint32(length - 8, bytes.length * 8 >>> 0, true);
  view.setUint32(length - 4, Math.floor(bytes.length / 536870912), true);
  let a0 = 1732584193;
  let b0 = 4023233417;
  let c0 = 2562383102;
  let d0 = 271733878;
  for (let offset = 0; offset < length; offset += 64) {
    let a = a0;
    let b = b0;
    let c = c0;
    let d = d0;
    for (let i = 0; i < 64; i++) {
      let f;
      let g;
      if (i < 16) {
        f = b & c | ~b & d;
        g = i;
      } else if (i < 32) {
        f = d & b | ~d & c;
        g = (5 * i + 1) % 16;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) % 16;
      } else {
        f = c ^ (b | ~d);
        g = 7 * i % 16;
      }
      const sum = a + f + K[i] + view.getUint32(offset + g * 4, true) | 0;
      a = d;
      d = c;
      c = b;
      b = b + (sum << S[i] | sum >>> 32 - S[i]) | 0;
    }
    a0 = a0 + a | 0;
    b0 = b0 + b | 0;
    c0 = c0 + c | 0;
    d0 = d0 + d | 0;
  }
  const out = new DataView(new ArrayBuffer(16));
  [a0, b0, c0, d0].forEach((word, i) => out.setUint32(i * 4, word >>> 0, true));
  return Array.from(new Uint8Array(out.buffer), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

// src/host/workspace.ts
var WorkspaceError = class extends Error {
  name = "WorkspaceError";
};
function resolveWorkspace(env2, cwd, fs2 = nodeFs3) {
  const explicit = nonEmpty(env2.CLAUDE_SESSION_GUARD_WORKSPACE);
  const path2 = explicit !== void 0 ? realpathOrResolved(explicit, fs2) : gitRoot(startDirectory(env2, cwd, fs2), fs2);
  return { path: path2, key: workspaceKey(nonEmpty(env2.CLAUDE_SESSION_GUARD_WORKSPACE_ID) ?? path2) };
}
function workspaceKey(identity) {
  return md5Hex(identity).slice(0, 12);
}
function startDirectory(env2, cwd, fs2) {
  const start = nonEmpty(env2.CLAUDE_PROJECT_DIR) ?? cwd;
  if (start === null) throw new WorkspaceError("the hook payload has no cwd and CLAUDE_PROJECT_DIR is not set");
  try {
    return fs2.realpathSync(start);
  } catch (error) {
    throw new WorkspaceError(`cannot resolve the workspace directory ${start}: ${error.message}`);
  }
}
function gitRoot(start, fs2) {
  for (let dir = start; ; dir = (0, import_node_path3.dirname)(dir)) {
    if (exists((0, import_node_path3.join)(dir, ".git"), fs2)) return dir;
    if ((0, import_node_path3.dirname)(dir) === dir) return start;
  }
}
function exists(path2, fs2) {
  return fs2.lstatSync(path2, { throwIfNoEntry: false }) !== void 0;
}
function realpathOrResolved(path2, fs2) {
  try {
    return fs2.realpathSync(path2);
  } catch {
    return (0, import_node_path3.resolve)(path2);
  }
}
function nonEmpty(value) {
  return value === void 0 || value === "" ? void 0 : value;
}

// src/core/decide.ts
function judge(observed, now, probe) {
  if (observed.kind === "corrupt") return { state: "corrupt", reason: observed.reason };
  const record = observed.record;
  if (record.acquired_at - now > record.ttl_ms) {
    return { state: "corrupt", reason: "acquired_at is in the future by more than its TTL" };
  }
  if (now - record.acquired_at > record.ttl_ms) return { state: "stale", record };
  if (probe(record) === "dead") return { state: "dead", record };
  return { state: "held", record, expiresAt: record.acquired_at + record.ttl_ms };
}
function decideAcquire(observed, caller, probe) {
  if (observed.kind === "absent") return take("free", null, caller);
  if (observed.kind === "record" && observed.record.session_id === caller.sessionId) {
    return take("own", observed.record, caller);
  }
  const judged = judge(observed, caller.now, probe);
  switch (judged.state) {
    case "held":
      return { kind: "deny", holder: judged.record, expiresAt: judged.expiresAt };
    case "corrupt":
      return take("corrupt", null, caller);
    default:
      return take(judged.state, judged.record, caller);
  }
}
function decideRefresh(observed, caller) {
  if (observed.kind === "absent") return { kind: "skip", why: "absent" };
  if (observed.kind !== "record" || observed.record.session_id !== caller.sessionId) {
    return { kind: "skip", why: "not-ours" };
  }
  return { kind: "write", record: stamp(observed.record, caller) };
}
function decideRelease(observed, sessionId) {
  if (observed.kind === "absent") return { kind: "skip", why: "absent" };
  if (observed.kind !== "record" || observed.record.session_id !== sessionId) {
    return { kind: "skip", why: "not-ours" };
  }
  return { kind: "remove", record: observed.record };
}
function take(why, previous, caller) {
  return { kind: "take", why, previous, record: stamp(why === "own" ? previous : null, caller, previous) };
}
function stamp(own2, caller, previous = own2) {
  return {
    schema_version: 1,
    session_id: caller.sessionId,
    pid: caller.pid,
    acquired_at: caller.now,
    ttl_ms: caller.ttlMs + caller.leaseMs,
    ...caller.stamp,
    generation: nextGeneration(previous),
    created_at: typeof own2?.created_at === "number" ? own2.created_at : caller.now
  };
}
function nextGeneration(previous) {
  const g = previous?.generation;
  return typeof g === "number" && Number.isSafeInteger(g) && g >= 0 ? g + 1 : 1;
}

// src/hook/guard.ts
var CONTENTION_BUDGET_MS = 1500;
var ContentionError = class extends Error {
  name = "ContentionError";
  constructor() {
    super(`the lock kept changing under this hook for ${CONTENTION_BUDGET_MS} ms`);
  }
};
function acquire(store, key, caller, probe, clock) {
  return retry(store, key, clock, (snapshot) => {
    const decision = decideAcquire(snapshot.observed, caller(), probe);
    if (decision.kind === "deny") return { result: decision };
    const swap = snapshot.version === null ? store.create(key, decision.record) : store.replace(key, snapshot.version, decision.record);
    return { swap, result: decision };
  });
}
function refresh(store, key, caller, clock) {
  return retry(store, key, clock, (snapshot) => {
    const decision = decideRefresh(snapshot.observed, caller());
    if (decision.kind === "skip" || snapshot.version === null) {
      return { result: { skipped: decision.kind === "skip" ? decision.why : "absent", observed: snapshot.observed } };
    }
    return { swap: store.replace(key, snapshot.version, decision.record), result: { refreshed: decision.record } };
  });
}
function release(store, key, sessionId, clock) {
  return retry(store, key, clock, (snapshot) => {
    const decision = decideRelease(snapshot.observed, sessionId);
    if (decision.kind === "skip" || snapshot.version === null) {
      return { result: { skipped: decision.kind === "skip" ? decision.why : "absent", observed: snapshot.observed } };
    }
    return { swap: store.remove(key, snapshot.version), result: { released: decision.record } };
  });
}
async function retry(store, key, clock, step) {
  const deadline = clock.now() + CONTENTION_BUDGET_MS;
  for (let attempt = 0; ; attempt++) {
    const { swap, result } = step(await store.read(key));
    const outcome = swap === void 0 ? "ok" : await swap;
    if (outcome === "ok") return result;
    if (clock.now() > deadline) throw new ContentionError();
    if (outcome === "busy") await clock.sleep(1 + Math.random() * Math.min(2 ** attempt, 20));
  }
}

// src/hook/runHook.ts
var HOOK_COMMANDS = ["pretooluse", "posttooluse", "stop", "sessionstart"];
var HookInputError = class extends Error {
  name = "HookInputError";
};
var BASH_DEFAULT_TIMEOUT_MS = 12e4;
var BASH_MAX_TIMEOUT_MS = 6e5;
async function runHook(command, deps) {
  const { env: env2 } = deps;
  let payload = null;
  let workspace = null;
  try {
    const text = await deps.readInput();
    if (env2.CLAUDE_SESSION_GUARD_DISABLE === "1") return { kind: "allow" };
    const parsed = parsePayload(text);
    if (!parsed.ok) throw new HookInputError(parsed.problem);
    payload = parsed.payload;
    const ttlMs = resolveTtl(deps.ttlFlag, env2);
    workspace = resolveWorkspace(env2, payload.cwd, deps.workspaceFs);
    const store = await deps.openStore(env2);
    try {
      return await HANDLERS[command]({ deps, payload, workspace, store, ttlMs });
    } finally {
      await store.close();
    }
  } catch (error) {
    if (env2.CLAUDE_SESSION_GUARD_DISABLE === "1") return { kind: "allow" };
    const problem = describe(error);
    deps.log(entry(deps, command, "fail-open", payload, workspace, { error: problem }));
    return { kind: "failOpen", problem };
  }
}
var HANDLERS = {
  async pretooluse({ deps, payload, workspace, store, ttlMs }) {
    if (isReadOnlyBash(payload, deps.env)) return { kind: "allow" };
    const outcome = await acquire(
      store,
      workspace.key,
      callerFor(deps, payload, workspace, ttlMs, leaseFor(payload)),
      livenessProbe(deps.host),
      deps.clock
    );
    if (outcome.kind === "deny") {
      deps.log(entry(deps, "pretooluse", "block", payload, workspace, { holder: holderOf(outcome.holder), tool: payload.toolName }));
      return {
        kind: "deny",
        reason: denyReason(payload.toolName, workspace.path, outcome.holder, deps.clock.now(), outcome.expiresAt)
      };
    }
    if (outcome.why !== "own") {
      const outcomeName = outcome.why === "free" ? "acquire" : "takeover";
      deps.log(
        entry(deps, "pretooluse", outcomeName, payload, workspace, {
          ...outcome.previous && { holder: holderOf(outcome.previous) },
          ...outcome.why !== "free" && { reason: outcome.why }
        })
      );
    }
    if (outcome.why === "stale" && outcome.previous !== null) {
      await store.putNotice(workspace.key, outcome.previous.session_id, {
        by: { session_id: outcome.record.session_id, pid: outcome.record.pid },
        at: outcome.record.acquired_at,
        reason: "stale",
        generation: outcome.previous.generation ?? null
      });
    }
    return deliverNotice(deps, payload, workspace, store, "PreToolUse");
  },
  async posttooluse({ deps, payload, workspace, store, ttlMs }) {
    await refresh(store, workspace.key, callerFor(deps, payload, workspace, ttlMs, 0), deps.clock);
    return deliverNotice(deps, payload, workspace, store, "PostToolUse");
  },
  async sessionstart({ deps, payload, workspace, store }) {
    const { observed } = await store.read(workspace.key);
    if (observed.kind !== "record" || observed.record.session_id === payload.sessionId) return { kind: "allow" };
    const now = deps.clock.now();
    const judged = judge(observed, now, livenessProbe(deps.host));
    if (judged.state !== "held") return { kind: "allow" };
    const holder = holderLine(judged.record, now, judged.expiresAt);
    return {
      kind: "notice",
      event: "SessionStart",
      systemMessage: sessionStartForUser(workspace.path, holder),
      additionalContext: sessionStartForClaude(workspace.path, holder)
    };
  },
  async stop({ deps, payload, workspace, store }) {
    const outcome = await release(store, workspace.key, payload.sessionId, deps.clock);
    if ("released" in outcome) {
      deps.log(entry(deps, "stop", "release", payload, workspace, { holder: holderOf(outcome.released) }));
    }
    return { kind: "allow" };
  }
};
async function deliverNotice(deps, payload, workspace, store, event) {
  const notice = await store.takeNotice(workspace.key, payload.sessionId);
  if (notice === null) return { kind: "allow" };
  const by = notice.by === null ? "an operator (claude-session-guard clear)" : otherSession(notice.by.session_id, notice.by.pid);
  const at = new Date(notice.at).toISOString();
  deps.log(entry(deps, event === "PreToolUse" ? "pretooluse" : "posttooluse", "lost", payload, workspace, { by: notice.by }));
  return {
    kind: "notice",
    event,
    systemMessage: lostNoticeForUser(workspace.path, by, at, notice.reason),
    additionalContext: lostNoticeForClaude(workspace.path, by, at, notice.reason)
  };
}
function isReadOnlyBash(payload, env2) {
  if (payload.toolName !== "Bash" || env2.CLAUDE_SESSION_GUARD_STRICT_BASH === "1") return false;
  const command = payload.toolInput.command;
  return typeof command === "string" && classifyBash(command).readOnly;
}
function leaseFor(payload) {
  if (payload.toolName !== "Bash") return 0;
  const declared = payload.toolInput.timeout;
  const timeout = typeof declared === "number" && Number.isFinite(declared) && declared > 0 ? declared : BASH_DEFAULT_TIMEOUT_MS;
  return Math.round(Math.min(timeout, BASH_MAX_TIMEOUT_MS));
}
function callerFor(deps, payload, workspace, ttlMs, leaseMs) {
  let identity;
  return () => {
    if (identity === void 0) {
      const pid = sessionPid(deps.env, deps.host);
      const pidStart = startIdentity(pid, deps.host);
      identity = {
        pid,
        stamp: { workspace: workspace.path, hostname: deps.host.hostname(), ...pidStart !== null && { pid_start: pidStart } }
      };
    }
    return { sessionId: payload.sessionId, now: deps.clock.now(), ttlMs, leaseMs, ...identity };
  };
}
function resolveTtl(flag, env2) {
  if (flag !== void 0) return parseTtl(flag, "--ttl-ms");
  const fromEnv = env2.CLAUDE_SESSION_GUARD_TTL_MS;
  if (fromEnv !== void 0 && fromEnv !== "") return parseTtl(fromEnv, "CLAUDE_SESSION_GUARD_TTL_MS");
  return DEFAULT_TTL_MS;
}
function parseTtl(raw, source) {
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < 1e3 || value > 6048e5) throw new HookInputError(invalidTtl(source, raw));
  return value;
}
function holderOf(record) {
  return { session_id: record.session_id, pid: record.pid, acquired_at: record.acquired_at, ttl_ms: record.ttl_ms };
}
function entry(deps, event, outcome, payload, workspace, extra = {}) {
  return {
    time: new Date(deps.clock.now()).toISOString(),
    event,
    outcome,
    session: payload?.sessionId ?? null,
    workspace: workspace?.path ?? null,
    ...extra
  };
}
function describe(error) {
  if (error instanceof Error && error.name !== "Error" && error.name !== "TypeError" && error.name !== "RangeError") {
    return error.message;
  }
  const message2 = error instanceof Error ? error.message : String(error);
  return `internal error (${message2}); please report it`;
}

// src/host/paths.ts
var import_node_os3 = require("node:os");
var import_node_path4 = require("node:path");
function runtimeDir(env2) {
  return (0, import_node_path4.join)(claudeConfigDir(env2), "runtime");
}
function claudeConfigDir(env2) {
  const configured = env2.CLAUDE_CONFIG_DIR;
  return configured !== void 0 && configured !== "" ? configured : (0, import_node_path4.join)(env2.HOME || (0, import_node_os3.homedir)(), ".claude");
}

// src/store/fileStore.ts
var nodeFs4 = __toESM(require("node:fs"), 1);
var import_node_path5 = require("node:path");
init_record();
init_port();
var LOCK_FILE = /^session-lock-([0-9a-f]{12})\.json$/;
var MAX_RECORD_BYTES = 64 * 1024;
var OVERSIZED = "\0oversized";
var MAX_CLAIM_LEVELS = 8;
var tempCounter = 0;
function lockFileName(key) {
  return `session-lock-${key}.json`;
}
function fileStore(runtimeDir2, options = {}) {
  const fs2 = options.fs ?? nodeFs4;
  const now = options.now ?? Date.now;
  const claimStaleMs = options.claimStaleMs ?? 3e3;
  const pathOf = (key) => (0, import_node_path5.join)(runtimeDir2, lockFileName(key));
  const noticePath = (key, sessionId) => (0, import_node_path5.join)(runtimeDir2, `session-notice-${key}-${md5Hex(sessionId).slice(0, 12)}.json`);
  function read(path2) {
    let fd;
    try {
      fd = fs2.openSync(path2, "r");
    } catch (error) {
      const code = codeOf(error);
      if (code === "ENOENT") return { observed: ABSENT, version: null };
      if (code === "ENOTDIR") {
        throw new StoreError(`the runtime directory ${runtimeDir2} (or a parent of it) is not a directory`, code);
      }
      throw failure(`cannot read the lock ${path2}`, error);
    }
    try {
      let stat;
      try {
        stat = fs2.fstatSync(fd, { bigint: true });
      } catch (error) {
        throw failure(`cannot read the lock ${path2}`, error);
      }
      if (!stat.isFile()) {
        throw new StoreError(`the lock ${path2} is not a regular file; remove it by hand`, "ENOTFILE");
      }
      const text = readAll(fd, path2);
      const version = { token: stat.ino.toString(), text };
      const observed = text === OVERSIZED ? { kind: "corrupt", reason: `larger than ${MAX_RECORD_BYTES} bytes` } : parseRecord(text);
      return { observed, version };
    } finally {
      closeQuietly(fd);
    }
  }
  function readAll(fd, path2) {
    const buffer = Buffer.alloc(MAX_RECORD_BYTES + 1);
    let length = 0;
    try {
      for (; ; ) {
        const n = fs2.readSync(fd, buffer, length, buffer.length - length, null);
        if (n === 0) break;
        length += n;
        if (length === buffer.length) break;
      }
    } catch (error) {
      throw failure(`cannot read the lock ${path2}`, error);
    }
    return length > MAX_RECORD_BYTES ? OVERSIZED : buffer.toString("utf8", 0, length);
  }
  function writeTemp(path2, record) {
    const temp = `${path2}.${process.pid}.${(tempCounter++).toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`;
    const data = Buffer.from(serializeRecord(record));
    let fd;
    try {
      fd = fs2.openSync(temp, "wx", 384);
    } catch (error) {
      if (codeOf(error) !== "ENOENT") throw failure(`cannot write a lock in ${runtimeDir2}`, error);
      makeRuntimeDir();
      try {
        fd = fs2.openSync(temp, "wx", 384);
      } catch (retryError) {
        throw failure(`cannot write a lock in ${runtimeDir2}`, retryError);
      }
    }
    try {
      let written = 0;
      while (written < data.length) written += fs2.writeSync(fd, data, written, data.length - written);
    } catch (error) {
      closeQuietly(fd);
      unlinkQuietly(temp);
      throw failure(`cannot write a lock in ${runtimeDir2}`, error);
    }
    try {
      fs2.closeSync(fd);
    } catch (error) {
      unlinkQuietly(temp);
      throw failure(`cannot write a lock in ${runtimeDir2}`, error);
    }
    return temp;
  }
  function makeRuntimeDir() {
    try {
      fs2.mkdirSync(runtimeDir2, { recursive: true, mode: 448 });
    } catch (error) {
      throw failure(`cannot create the runtime directory ${runtimeDir2}`, error);
    }
  }
  function claim(path2, expected) {
    const claims = [];
    for (let level = 1; level <= MAX_CLAIM_LEVELS; level++) {
      const claimPath = `${path2}.${expected.token}.claim${level}`;
      try {
        fs2.linkSync(path2, claimPath);
      } catch (error) {
        const code = codeOf(error);
        if (code === "ENOENT") return "conflict";
        if (code !== "EEXIST") throw failure(`cannot change the lock ${path2}`, error);
        const held = statQuietly(claimPath);
        if (held === null) return "conflict";
        if (held.ino.toString() !== expected.token) return "conflict";
        if (now() - Number(held.ctimeMs) < claimStaleMs) return "busy";
        claims.push(claimPath);
        continue;
      }
      claims.push(claimPath);
      const linked = statQuietly(claimPath);
      if (linked === null || linked.ino.toString() !== expected.token || !holds(claimPath, expected)) {
        unlinkQuietly(claimPath);
        return "conflict";
      }
      return claims;
    }
    return "busy";
  }
  function holds(path2, expected) {
    const text = expected.text;
    if (text === void 0) return false;
    try {
      const bytes = fs2.readFileSync(path2);
      return (bytes.length > MAX_RECORD_BYTES ? OVERSIZED : bytes.toString("utf8")) === text;
    } catch {
      return false;
    }
  }
  function swap(key, expected, record) {
    const path2 = pathOf(key);
    let temp = record === null ? null : writeTemp(path2, record);
    try {
      const claims = claim(path2, expected);
      if (typeof claims === "string") return claims;
      try {
        if (temp === null) {
          fs2.unlinkSync(path2);
        } else {
          fs2.renameSync(temp, path2);
          temp = null;
        }
      } catch (error) {
        throw failure(`cannot change the lock ${path2}`, error);
      } finally {
        for (const claimPath of claims) unlinkQuietly(claimPath);
      }
      return "ok";
    } finally {
      if (temp !== null) unlinkQuietly(temp);
    }
  }
  function statQuietly(path2) {
    try {
      return fs2.lstatSync(path2, { bigint: true });
    } catch {
      return null;
    }
  }
  function unlinkQuietly(path2) {
    try {
      fs2.unlinkSync(path2);
    } catch {
    }
  }
  function closeQuietly(fd) {
    try {
      fs2.closeSync(fd);
    } catch {
    }
  }
  return {
    async read(key) {
      return read(pathOf(key));
    },
    async create(key, record) {
      const path2 = pathOf(key);
      const temp = writeTemp(path2, record);
      try {
        fs2.linkSync(temp, path2);
        return "ok";
      } catch (error) {
        if (codeOf(error) === "EEXIST") return "conflict";
        throw failure(`cannot create the lock ${path2}`, error);
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
      let names;
      try {
        names = fs2.readdirSync(runtimeDir2);
      } catch (error) {
        if (codeOf(error) === "ENOENT") return [];
        throw failure(`cannot list ${runtimeDir2}`, error);
      }
      const locks = [];
      for (const name of names.sort()) {
        const key = LOCK_FILE.exec(name)?.[1];
        if (key === void 0) continue;
        const location = (0, import_node_path5.join)(runtimeDir2, name);
        let snapshot;
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
      const path2 = noticePath(key, sessionId);
      const temp = `${path2}.${process.pid}.${(tempCounter++).toString(36)}.tmp`;
      try {
        try {
          fs2.writeFileSync(temp, JSON.stringify(notice), { mode: 384 });
        } catch (error) {
          if (codeOf(error) !== "ENOENT") throw error;
          makeRuntimeDir();
          fs2.writeFileSync(temp, JSON.stringify(notice), { mode: 384 });
        }
        fs2.renameSync(temp, path2);
      } catch (error) {
        unlinkQuietly(temp);
        throw failure(`cannot leave a notice in ${runtimeDir2}`, error);
      }
    },
    async takeNotice(key, sessionId) {
      const path2 = noticePath(key, sessionId);
      let text;
      try {
        text = fs2.readFileSync(path2, "utf8");
      } catch (error) {
        if (codeOf(error) === "ENOENT") return null;
        throw failure(`cannot read the notice ${path2}`, error);
      }
      try {
        fs2.unlinkSync(path2);
      } catch {
        return null;
      }
      try {
        return JSON.parse(text);
      } catch {
        return null;
      }
    },
    async close() {
    },
    /**
     * Removes temp and claim files left by processes that died mid-change. Only names this store
     * creates, only older than `olderThanMs`: a live writer's files are never touched.
     */
    sweep(olderThanMs) {
      let names;
      try {
        names = fs2.readdirSync(runtimeDir2);
      } catch {
        return [];
      }
      const removed = [];
      for (const name of names) {
        if (!/^session-(lock|notice)-[0-9a-f-]+\.json\.\S+\.(tmp|claim\d+)$/.test(name)) continue;
        const path2 = (0, import_node_path5.join)(runtimeDir2, name);
        const stat = statQuietly(path2);
        if (stat === null || now() - Number(stat.ctimeMs) < olderThanMs) continue;
        if (name.includes(".claim")) {
          const lock = statQuietly(path2.replace(/\.json\..*$/, ".json"));
          if (lock !== null && lock.ino === stat.ino) continue;
        }
        unlinkQuietly(path2);
        removed.push(path2);
      }
      return removed;
    }
  };
}
function codeOf(error) {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : void 0;
}
function failure(message2, error) {
  const code = codeOf(error) ?? "EUNKNOWN";
  const detail = error instanceof Error ? error.message : String(error);
  return new StoreError(`${message2}: ${detail}`, code);
}

// src/store/openStore.ts
init_redisUrl();
function storeUrl(env2, flag) {
  const url = flag ?? env2.CLAUDE_SESSION_GUARD_STORE;
  return url === void 0 || url.trim() === "" ? void 0 : url.trim();
}
async function openStore(env2, flag) {
  const url = storeUrl(env2, flag);
  if (url === void 0) return fileStore(runtimeDir(env2));
  const source = flag !== void 0 && flag.trim() !== "" ? "--store" : "CLAUDE_SESSION_GUARD_STORE";
  parseRedisUrl(url, source);
  const { redisStore: redisStore2 } = await Promise.resolve().then(() => (init_redisStore(), redisStore_exports));
  return redisStore2(url, { source });
}

// src/cli.ts
function logDir() {
  return envPaths("claude-session-guard", { suffix: "" }).log;
}
function realHookDeps(env2, flags) {
  return {
    env: env2,
    readInput: () => readInput(),
    clock: { now: Date.now, sleep: (ms) => new Promise((resolve2) => setTimeout(resolve2, ms)) },
    openStore: (e) => openStore(e, flags.store),
    host: realProcessHost(),
    log: (entry2) => appendDecision(logDir(), entry2),
    ttlFlag: flags.ttlMs
  };
}
var HOOK_FLAGS = { "--ttl-ms": "ttlMs", "--store": "store" };
async function hook(command, args) {
  const flags = {};
  let problem = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, void 0];
    const flag = HOOK_FLAGS[name];
    if (flag !== void 0 && inline !== void 0) flags[flag] = inline;
    else if (flag !== void 0 && i + 1 < args.length) flags[flag] = args[++i];
    else problem ??= `unknown argument "${arg}" for ${command}`;
  }
  const deps = realHookDeps(process.env, flags);
  const result = problem === null || process.env.CLAUDE_SESSION_GUARD_DISABLE === "1" ? await runHook(command, deps) : { kind: "failOpen", problem };
  const { stdout, stderr } = render(result);
  if (stdout) fs.writeSync(1, stdout);
  if (stderr) fs.writeSync(2, stderr);
  return 0;
}
async function main(argv) {
  const [command, ...rest] = argv;
  const isHook = HOOK_COMMANDS.includes(command ?? "");
  if (isHook && !rest.some((a) => a === "--help" || a === "-h")) return hook(command, rest);
  const { runProgram } = await loadOperatorCommands();
  return runProgram(argv);
}
function loadOperatorCommands() {
  return true ? Promise.resolve(require((0, import_node_path7.join)(__dirname, "operator.cjs"))) : null;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  logDir,
  main,
  realHookDeps
});
