// Helpers for the precise-locks scenarios (test/e2e/precise.test.ts).
//
// The stock fake API replays one script by counting every tool turn in the conversation, so the
// second user turn of a stream-json session would carry on with the first turn's script. Here the
// script is chosen per user turn: each prompt carries a marker, and the step is the number of
// tool turns since the last prompt. Sessions reach this API by overriding ANTHROPIC_BASE_URL in
// the session's env (the Sandbox's own API for that session then stays unused).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { GUARD_BIN, SETTINGS_EXAMPLE } from "./session.mjs";

/**
 * @typedef {import("./fakeApi.mjs").ScriptStep} ScriptStep
 * @typedef {import("./fakeApi.mjs").RecordedRequest} RecordedRequest
 * @typedef {import("./fakeApi.mjs").ToolResult} ToolResult
 * @typedef {RecordedRequest & { at: number }} TimedRequest  `at`: epoch ms when the request arrived
 */

const MARKER = /\[e2e-turn:(\d+)\]/;

/** The prompt of user turn `n` (0-based), which selects `turns[n]` of a turn API's script. */
export function turnPrompt(/** @type {number} */ n) {
  return `Carry out scripted turn ${n}. [e2e-turn:${n}]`;
}

/** @param {unknown} content @returns {string} */
export function flattenContent(content) {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content
      .map((part) => (part && typeof part === "object" && "text" in part ? String(part.text) : JSON.stringify(part)))
      .join("\n");
  }
  return content === undefined ? "" : JSON.stringify(content);
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
 * @param {{ turns: ScriptStep[][], finalText?: string }} options  one script per user turn
 */
export async function startTurnApi({ turns, finalText = "Done." }) {
  const tag = randomBytes(4).toString("hex");
  /** @type {TimedRequest[]} */
  const requests = [];
  const server = createServer((req, res) => {
    /** @type {Buffer[]} */
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      /** @type {any} */
      let body = null;
      try {
        body = raw ? JSON.parse(raw) : null;
      } catch {
        body = raw;
      }
      const url = req.url ?? "";
      requests.push({ method: req.method ?? "", url, body, at: Date.now() });
      if (req.method !== "POST" || url.split("?")[0] !== "/v1/messages") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end("{}");
        return;
      }
      const { turn, step: index } = position(body);
      const hasTools = Array.isArray(body?.tools) && body.tools.length > 0;
      const step = hasTools ? turns[turn]?.[index] : undefined;
      /** @type {any[]} */
      const blocks = step
        ? (Array.isArray(step) ? step : [step]).map((call, i) => ({
            type: "tool_use",
            id: `toolu_e2e_${tag}_${turn}_${index}_${i}`,
            name: call.name,
            input: call.input,
          }))
        : [{ type: "text", text: finalText }];
      const stopReason = step ? "tool_use" : "end_turn";
      const message = {
        id: `msg_e2e_${tag}_${requests.length}`,
        type: "message",
        role: "assistant",
        model: typeof body?.model === "string" ? body.model : "claude-e2e",
        content: /** @type {any[]} */ ([]),
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: 1, output_tokens: 1 },
      };
      if (body?.stream !== true) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ ...message, content: blocks, stop_reason: stopReason }));
        return;
      }
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
      /** @param {string} event @param {unknown} data */
      const send = (event, data) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      send("message_start", { type: "message_start", message });
      blocks.forEach((block, index) => {
        const tool = block.type === "tool_use";
        send("content_block_start", {
          type: "content_block_start",
          index,
          content_block: tool ? { type: "tool_use", id: block.id, name: block.name, input: {} } : { type: "text", text: "" },
        });
        send("content_block_delta", {
          type: "content_block_delta",
          index,
          delta: tool ? { type: "input_json_delta", partial_json: JSON.stringify(block.input) } : { type: "text_delta", text: block.text },
        });
        send("content_block_stop", { type: "content_block_stop", index });
      });
      send("message_delta", { type: "message_delta", delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: 1 } });
      send("message_stop", { type: "message_stop" });
      res.end();
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(undefined));
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("turn API: no TCP address");

  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    /** Every tool_result block Claude Code sent back, first seen first, without duplicates. */
    toolResults() {
      /** @type {Map<string, ToolResult>} */
      const seen = new Map();
      for (const request of requests) {
        for (const m of Array.isArray(request.body?.messages) ? request.body.messages : []) {
          if (m?.role !== "user" || !Array.isArray(m.content)) continue;
          for (const block of m.content) {
            if (block?.type !== "tool_result" || seen.has(block.tool_use_id)) continue;
            seen.set(block.tool_use_id, {
              tool_use_id: String(block.tool_use_id),
              is_error: block.is_error === true,
              content: flattenContent(block.content),
            });
          }
        }
      }
      return [...seen.values()];
    },
    /** @returns {Promise<void>} */
    close() {
      return new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
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
