// Helpers for the precise-locks scenarios (test/e2e/precise.test.ts).
//
// The fake API plays one script by counting every tool turn in the conversation, so the second
// user turn of a stream-json session would carry on with the first turn's script. Here the script
// is chosen per user turn: each prompt carries a marker, and the step is the number of
// tool turns since the last prompt. Sessions reach this API by overriding ANTHROPIC_BASE_URL in
// the session's env (the Sandbox's own API for that session then stays unused).
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { flattenContent, startFakeApi } from "./fakeApi.mjs";
import { GUARD_BIN, SETTINGS_EXAMPLE } from "./session.mjs";

/**
 * @typedef {import("./fakeApi.mjs").ScriptStep} ScriptStep
 */

const MARKER = /\[e2e-turn:(\d+)\]/;

/** The prompt of user turn `n` (0-based), which selects `turns[n]` of a turn API's script. */
export function turnPrompt(/** @type {number} */ n) {
  return `Carry out scripted turn ${n}. [e2e-turn:${n}]`;
}

/** @param {any} body @returns {{ turn: number, step: number }} */
function position(body) {
  const messages = Array.isArray(body?.messages) ? body.messages : [];
  let turn = 0;
  let start = 0;
  messages.forEach((/** @type {any} */ m, /** @type {number} */ i) => {
    if (m?.role !== "user") return;
    const match = MARKER.exec(flattenContent(m.content));
    if (match) {
      turn = Number(match[1]);
      start = i + 1;
    }
  });
  const step = messages
    .slice(start)
    .filter((/** @type {any} */ m) => m?.role === "assistant" && Array.isArray(m.content) && m.content.some((/** @type {any} */ b) => b?.type === "tool_use"))
    .length;
  return { turn, step };
}

/**
 * The fake Messages API, playing one script per user turn (found by the marker in the prompt), so
 * a multi-turn session starts each turn at the top of that turn's script.
 * @param {{ turns: ScriptStep[][], finalText?: string }} options  one script per user turn
 */
export function startTurnApi({ turns, finalText = "Done." }) {
  return startFakeApi({
    finalText,
    choose(body) {
      const { turn, step } = position(body);
      return { step: turns[turn]?.[step], key: `${turn}_${step}` };
    },
  });
}

/**
 * settings.example.json with some hook events dropped and others added, written into the sandbox.
 * @param {string} dir
 * @param {string} name
 * @param {{ drop?: string[], add?: Record<string, unknown[]> }} change
 */
export function settingsVariant(dir, name, { drop = [], add = {} }) {
  const settings = JSON.parse(readFileSync(SETTINGS_EXAMPLE, "utf8"));
  for (const event of drop) delete settings.hooks[event];
  Object.assign(settings.hooks, add);
  const path = join(dir, name);
  writeFileSync(path, `${JSON.stringify(settings, null, 2)}\n`);
  return path;
}

/** The SessionStart registration the contract prescribes once `sessionstart` ships. */
export const SESSION_START_HOOK = [{ hooks: [{ type: "command", command: "claude-session-guard sessionstart", timeout: 5 }] }];

/**
 * The guard's decisions log as the sandbox's sessions wrote it, read through the built bin.
 * @param {string} home  the sandbox HOME the sessions ran with
 * @returns {any[]}
 */
export function guardDecisions(home) {
  /** @type {Record<string, string>} */
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(CLAUDE|ANTHROPIC)/i.test(key)) env[key] = value;
  }
  env.HOME = home;
  const out = execFileSync(process.execPath, [GUARD_BIN, "log", "--json", "-n", "1000"], { env, encoding: "utf8" });
  return JSON.parse(out);
}

/**
 * Where `needle` occurs in a Messages API request body: `system` (the top-level prompt) or the
 * index and role of each message whose text holds it.
 * @param {any} body
 * @param {string} needle
 * @returns {{ at: "system" | number, role: string, text: string }[]}
 */
export function whereInRequest(body, needle) {
  /** @type {{ at: "system" | number, role: string, text: string }[]} */
  const found = [];
  const system = flattenContent(body?.system);
  if (system.includes(needle)) found.push({ at: "system", role: "system", text: system });
  (Array.isArray(body?.messages) ? body.messages : []).forEach((/** @type {any} */ m, /** @type {number} */ i) => {
    const text = flattenContent(m?.content);
    if (text.includes(needle)) found.push({ at: i, role: String(m?.role), text });
  });
  return found;
}

/**
 * The lines of a session's transcript (what Claude Code keeps to show and resume the session).
 * @param {string} home  the sandbox HOME
 * @param {string} sessionId
 * @returns {any[]}
 */
export function transcript(home, sessionId) {
  const projects = join(home, ".claude", "projects");
  for (const project of readdirSync(projects)) {
    const files = readdirSync(join(projects, project));
    if (!files.includes(`${sessionId}.jsonl`)) continue;
    return readFileSync(join(projects, project, `${sessionId}.jsonl`), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line));
  }
  throw new Error(`no transcript for session ${sessionId} under ${projects}`);
}
