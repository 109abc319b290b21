// A scripted stand-in for the OpenAI Responses API as Codex CLI 0.171 calls it (`POST
// /v1/responses`, `"stream": true`, server-sent events), so the real Codex CLI runs tool calls
// with no network and no model. One server per session, on 127.0.0.1, port chosen by the system.
//
// The script replays statelessly: every call id this server hands out encodes its script step
// (`call_e2e_<tag>_<step>_<i>`), and the next step is one past the highest step already in the
// request's `input`, so a retried request gets the same answer instead of advancing the script.

import { randomBytes } from "node:crypto";
import { createServer } from "node:http";

/** `exec_command` (Codex 0.171's shell tool, "unified exec") or `apply_patch` (a freeform tool: the patch text). */
export type CodexCall = { type: "function"; name: string; arguments: Record<string, unknown> } | { type: "custom"; name: string; input: string };
/** One model response: one call, or several in parallel. */
export type CodexStep = CodexCall | CodexCall[];

export interface CodexToolOutput {
  call_id: string;
  type: string;
  output: string;
}

/** A shell command; `yield_time_ms` is how long Codex waits for it before returning what it printed so far. */
export function execCommand(cmd: string, options: { yield_time_ms?: number } = {}): CodexCall {
  return { type: "function", name: "exec_command", arguments: { cmd, ...options } };
}

/** apply_patch adding one file (`path` as the model would write it: relative to the session's directory). */
export function addFile(path: string, content: string): CodexCall {
  const lines = content.replace(/\n$/, "").split("\n");
  return { type: "custom", name: "apply_patch", input: ["*** Begin Patch", `*** Add File: ${path}`, ...lines.map((l) => `+${l}`), "*** End Patch", ""].join("\n") };
}

/** apply_patch replacing one line of an existing file. */
export function updateFile(path: string, oldLine: string, newLine: string): CodexCall {
  return { type: "custom", name: "apply_patch", input: ["*** Begin Patch", `*** Update File: ${path}`, "@@", `-${oldLine}`, `+${newLine}`, "*** End Patch", ""].join("\n") };
}

const OUTPUT_TYPES = new Set(["function_call_output", "custom_tool_call_output"]);

function flatten(output: unknown): string {
  if (typeof output === "string") return output;
  if (Array.isArray(output)) return output.map((part) => (part && typeof part === "object" && "text" in part ? String(part.text) : JSON.stringify(part))).join("\n");
  return output === undefined ? "" : JSON.stringify(output);
}

export async function startFakeResponsesApi({ script, finalText = "Done." }: { script: CodexStep[]; finalText?: string }) {
  const tag = randomBytes(4).toString("hex");
  const stepOf = new RegExp(`^call_e2e_${tag}_(\\d+)_\\d+$`);
  const requests: Array<{ url: string; body: any }> = [];
  let responses = 0;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: any = null;
      try {
        body = raw ? JSON.parse(raw) : null;
      } catch {
        body = raw;
      }
      const url = req.url ?? "";
      requests.push({ url, body });
      if (req.method !== "POST" || !/\/responses$/.test(url.split("?")[0]!)) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end("{}");
        return;
      }
      const input: any[] = Array.isArray(body?.input) ? body.input : [];
      const index = input.reduce((next, item) => {
        const match = typeof item?.call_id === "string" ? stepOf.exec(item.call_id) : null;
        return match ? Math.max(next, Number(match[1]) + 1) : next;
      }, 0);
      const step = Array.isArray(body?.tools) && body.tools.length > 0 ? script[index] : undefined;
      responses += 1;
      const items = step
        ? (Array.isArray(step) ? step : [step]).map((call, i) => {
            const ids = { id: `fc_e2e_${tag}_${index}_${i}`, call_id: `call_e2e_${tag}_${index}_${i}`, status: "completed" };
            return call.type === "custom"
              ? { type: "custom_tool_call", ...ids, name: call.name, input: call.input }
              : { type: "function_call", ...ids, name: call.name, arguments: JSON.stringify(call.arguments) };
          })
        : [{ type: "message", id: `msg_e2e_${tag}_${responses}`, status: "completed", role: "assistant", content: [{ type: "output_text", text: finalText, annotations: [] }] }];

      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      let sequence = 0;
      const send = (data: Record<string, unknown>) => res.write(`event: ${data.type}\ndata: ${JSON.stringify({ ...data, sequence_number: sequence++ })}\n\n`);
      const response = { id: `resp_e2e_${tag}_${responses}`, object: "response", created_at: Math.floor(Date.now() / 1000), model: body?.model ?? "gpt-5.5" };
      send({ type: "response.created", response: { ...response, status: "in_progress", output: [] } });
      items.forEach((item, output_index) => {
        send({ type: "response.output_item.added", output_index, item: { ...item, status: "in_progress", ...(item.type === "message" && { content: [] }) } });
        if (item.type === "message") send({ type: "response.output_text.delta", output_index, item_id: item.id, content_index: 0, delta: finalText });
        send({ type: "response.output_item.done", output_index, item });
      });
      send({
        type: "response.completed",
        response: { ...response, status: "completed", output: items, usage: { input_tokens: 1, input_tokens_details: null, output_tokens: 1, output_tokens_details: null, total_tokens: 2 } },
      });
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("fake Responses API: no TCP address");

  return {
    /** The provider's base_url. */
    baseUrl: `http://127.0.0.1:${address.port}/v1`,
    requests,
    /** What Codex sent back for each call, first seen first: what the model was told. */
    toolOutputs(): CodexToolOutput[] {
      const seen = new Map<string, CodexToolOutput>();
      for (const request of requests) {
        for (const item of Array.isArray(request.body?.input) ? request.body.input : []) {
          if (!item || !OUTPUT_TYPES.has(item.type) || seen.has(item.call_id)) continue;
          seen.set(item.call_id, { call_id: String(item.call_id), type: item.type, output: flatten(item.output) });
        }
      }
      return [...seen.values()];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * $CODEX_HOME/config.toml pointing Codex at the stand-in. The model must be one Codex has metadata
 * for (gpt-5.5): only then does it offer apply_patch. No retries: a failure shows at once.
 */
export function codexConfig(baseUrl: string): string {
  return [
    `model = "gpt-5.5"`,
    `model_provider = "fake"`,
    "",
    "[model_providers.fake]",
    `name = "fake"`,
    `base_url = ${JSON.stringify(baseUrl)}`,
    `wire_api = "responses"`,
    `env_key = "FAKE_KEY"`,
    "request_max_retries = 0",
    "stream_max_retries = 0",
    "",
  ].join("\n");
}
