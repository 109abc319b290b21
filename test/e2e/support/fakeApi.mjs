// A scripted stand-in for the Anthropic Messages API, so the real Claude Code CLI can run
// tool calls with no network and no model. Each session gets its own server: the script is
// replayed by counting the tool_use turns already in the conversation, which keeps the server
// stateless with respect to retries and side requests.
import { createServer } from "node:http";
import { randomBytes } from "node:crypto";

/**
 * @typedef {{ name: string, input: Record<string, unknown> }} ToolCall
 * @typedef {{ error: { status: number, type: string, message: string } }} ApiError  an HTTP error answer (Claude Code does not retry it: x-should-retry false)
 * @typedef {ToolCall | ToolCall[] | ApiError} ScriptStep  one assistant message: one call, several in parallel, or an error
 * @typedef {{ method: string, url: string, body: any, at: number }} RecordedRequest  `at`: epoch ms of arrival
 * @typedef {{ tool_use_id: string, is_error: boolean, content: string }} ToolResult
 */

/** @param {string} file_path @param {string} content @returns {ToolCall} */
export function write(file_path, content) {
  return { name: "Write", input: { file_path, content } };
}

/** @param {string} file_path @param {string} old_string @param {string} new_string @returns {ToolCall} */
export function edit(file_path, old_string, new_string) {
  return { name: "Edit", input: { file_path, old_string, new_string } };
}

/**
 * @param {string} command
 * @param {{ timeout?: number, description?: string, background?: boolean }} [options] timeout in ms, as the Bash tool takes it
 * @returns {ToolCall}
 */
export function bash(command, options = {}) {
  /** @type {Record<string, unknown>} */
  const input = { command, description: options.description ?? "e2e scripted command" };
  if (options.timeout !== undefined) input.timeout = options.timeout;
  if (options.background) input.run_in_background = true;
  return { name: "Bash", input };
}

/** A model request that fails with `status` (a server error Claude Code does not retry). @returns {ApiError} */
export function apiError(status = 500, message = "scripted failure") {
  return { error: { status, type: status === 429 ? "rate_limit_error" : "api_error", message } };
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

/** @param {any} body @returns {number} */
function toolTurnsSoFar(body) {
  const messages = Array.isArray(body?.messages) ? body.messages : [];
  return messages.filter(
    (/** @type {any} */ m) =>
      m?.role === "assistant" &&
      Array.isArray(m.content) &&
      m.content.some((/** @type {any} */ b) => b?.type === "tool_use"),
  ).length;
}

/**
 * `choose` picks the step that answers a request (and a key that makes its tool ids unique); by
 * default the script is played in order, one step per assistant tool call already in the request.
 * @param {{ script?: ScriptStep[], finalText?: string, choose?: (body: any) => { step: ScriptStep | undefined, key: string } }} [options]
 */
export async function startFakeApi(options = {}) {
  const script = options.script ?? [];
  const finalText = options.finalText ?? "Done.";
  const choose =
    options.choose ??
    ((/** @type {any} */ body) => {
      const turn = toolTurnsSoFar(body);
      return { step: script[turn], key: String(turn) };
    });
  // Ids must be unique per session; a random tag also makes a mixed-up log obvious.
  const tag = randomBytes(4).toString("hex");
  /** @type {RecordedRequest[]} */
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
      const path = url.split("?")[0];
      if (req.method !== "POST" || path !== "/v1/messages") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end("{}");
        return;
      }
      const hasTools = Array.isArray(body?.tools) && body.tools.length > 0;
      const { step: chosen, key } = choose(body);
      if (hasTools && chosen && !Array.isArray(chosen) && "error" in chosen) {
        res.writeHead(chosen.error.status, { "content-type": "application/json", "x-should-retry": "false" });
        res.end(JSON.stringify({ type: "error", error: { type: chosen.error.type, message: chosen.error.message } }));
        return;
      }
      /** @type {ToolCall | ToolCall[] | undefined} */
      const step = hasTools ? /** @type {ToolCall | ToolCall[] | undefined} */ (chosen) : undefined;
      /** @type {any[]} */
      const blocks = step
        ? (Array.isArray(step) ? step : [step]).map((call, i) => ({
            type: "tool_use",
            id: `toolu_e2e_${tag}_${key}_${i}`,
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
      res.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-cache",
        connection: "keep-alive",
      });
      /** @param {string} event @param {unknown} data */
      const send = (event, data) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      send("message_start", { type: "message_start", message });
      blocks.forEach((block, index) => {
        if (block.type === "tool_use") {
          send("content_block_start", {
            type: "content_block_start",
            index,
            content_block: { type: "tool_use", id: block.id, name: block.name, input: {} },
          });
          send("content_block_delta", {
            type: "content_block_delta",
            index,
            delta: { type: "input_json_delta", partial_json: JSON.stringify(block.input) },
          });
        } else {
          send("content_block_start", { type: "content_block_start", index, content_block: { type: "text", text: "" } });
          send("content_block_delta", { type: "content_block_delta", index, delta: { type: "text_delta", text: block.text } });
        }
        send("content_block_stop", { type: "content_block_stop", index });
      });
      send("message_delta", {
        type: "message_delta",
        delta: { stop_reason: stopReason, stop_sequence: null },
        usage: { output_tokens: 1 },
      });
      send("message_stop", { type: "message_stop" });
      res.end();
    });
  });

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(undefined));
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("fake API: no TCP address");

  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    requests,
    /** Every tool_result block Claude Code sent back, first seen first, without duplicates. */
    toolResults() {
      /** @type {Map<string, ToolResult>} */
      const seen = new Map();
      for (const request of requests) {
        const messages = Array.isArray(request.body?.messages) ? request.body.messages : [];
        for (const m of messages) {
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
    /**
     * What hooks added for Claude beside their answers (`additionalContext`), as Claude Code
     * 2.1.331 hands it on: text blocks "<Event>:<Tool> hook additional context: …" in a message of
     * its own after the call's result. Each once, in the order first seen.
     * @returns {string[]}
     */
    hookContexts() {
      /** @type {Set<string>} */
      const seen = new Set();
      for (const request of requests) {
        const messages = Array.isArray(request.body?.messages) ? request.body.messages : [];
        for (const m of messages) {
          const blocks = typeof m.content === "string" ? [{ type: "text", text: m.content }] : Array.isArray(m.content) ? m.content : [];
          for (const block of blocks) {
            if (block?.type === "text" && typeof block.text === "string" && / hook additional context: /.test(block.text)) seen.add(block.text);
          }
        }
      }
      return [...seen];
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
