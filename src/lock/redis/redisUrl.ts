// The Redis store URL: parsed once, shown only without credentials. A store URL may carry a
// password, and everything the guard prints, logs or stores about it goes through `display` or
// `scrub` here, so no message anywhere can leak it.

import { StoreError } from "../../errors.js";
import { redis as M } from "../../messages.js";

export interface RedisTarget {
  host: string;
  port: number;
  db: number;
  tls: boolean;
  username: string | undefined;
  password: string | undefined;
  /** The URL without credentials, normalised: `redis://host:port/db`. */
  display: string;
}

/** Where the URL came from, for error messages: the variable or the flag the user set. */
export type UrlSource = "CLAUDE_SESSION_GUARD_STORE" | "--store";

export function parseRedisUrl(raw: string, source: UrlSource = "CLAUDE_SESSION_GUARD_STORE"): RedisTarget {
  const bad = (why: string) => new StoreError(M.badUrl(source, redactUrl(raw), why), "EBADURL");
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw bad(M.notAUrl);
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") throw bad(M.badScheme(url.protocol));
  // Brackets stay in `hostname` for IPv6 literals; net.connect wants the bare address.
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (host === "") throw bad(M.noHost);
  if (url.search !== "" || url.hash !== "") throw bad(M.queryOrFragment);
  const dbText = url.pathname.replace(/^\//, "");
  if (!/^\d{0,9}$/.test(dbText)) {
    throw bad(M.badPath);
  }
  const username = decode(url.username, bad);
  const password = decode(url.password, bad);
  if (username !== undefined && password === undefined) throw bad(M.userWithoutPassword);
  const port = url.port === "" ? 6379 : Number(url.port);
  const db = dbText === "" ? 0 : Number(dbText);
  return {
    host,
    port,
    db,
    tls: url.protocol === "rediss:",
    username,
    password,
    display: `${url.protocol}//${url.hostname}:${port}/${db}`,
  };
}

function decode(value: string, bad: (why: string) => StoreError): string | undefined {
  if (value === "") return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    throw bad(M.badEncoding);
  }
}

/**
 * The URL without anything that may be a secret, for messages about a URL that did not parse as
 * a valid store URL. With an `@` anywhere, all but the scheme goes: a password holding an
 * unencoded `/`, `?` or `#` ends the authority early, so any part of what follows may be a piece
 * of it. Without one, only a query or fragment goes (some clients take `?password=`).
 */
export function redactUrl(raw: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(raw)?.[0] ?? "";
  if (raw.includes("@")) return `${scheme}***`;
  const query = raw.search(/[?#]/);
  return query < 0 ? raw : `${raw.slice(0, query)}?***`;
}

/** Removes the target's credentials from a text that a client library or the server produced. */
export function scrub(text: string, target: Pick<RedisTarget, "password" | "username">, raw?: string): string {
  let out = text;
  const secrets = new Set<string>();
  if (target.password !== undefined) {
    if (raw !== undefined) secrets.add(raw);
    if (target.username !== undefined) secrets.add(`${target.username}:${target.password}`);
    secrets.add(target.password);
    secrets.add(encodeURIComponent(target.password));
  }
  // Longest first, so a password inside the whole URL does not leave the URL's other parts behind.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret !== "") out = out.split(secret).join("***");
  }
  return out;
}
