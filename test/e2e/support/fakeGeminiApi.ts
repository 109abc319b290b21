// A scripted stand-in for the Gemini API as Gemini CLI 0.61 calls it, so the real CLI runs tool
// calls with no network and no model. One server per session, on 127.0.0.1.
//
// Gemini CLI sends the agent's turns to `:streamGenerateContent?alt=sse` and side calls that want
// JSON back (its model router, next-speaker and loop checks) to `:generateContent` with a
// response schema. A side call that gets anything but JSON is retried for about two minutes, so
// those get an object built from their schema. The script replays statelessly: each functionCall
// carries an id `call_e2e_<tag>_<step>_<i>` that Gemini CLI keeps in the history, and the next
// step is one past the highest one there.

import { randomBytes } from "node:crypto";
import { createServer } from "node:http";

export interface GeminiCall {
  name: string;
  args: Record<string, unknown>;
}
export type GeminiStep = GeminiCall | GeminiCall[];

export interface FunctionResponse {
  id: string;
  name: string;
  response: { output?: unknown; error?: unknown };
}

export function writeFile(file_path: string, content: string): GeminiCall {
  return { name: "write_file", args: { file_path, content } };
}

export function replace(file_path: string, old_string: string, new_string: string): GeminiCall {
  return { name: "replace", args: { file_path, instruction: "scripted edit", old_string, new_string } };
}

export function runShellCommand(command: string, options: { dir_path?: string } = {}): GeminiCall {
  return { name: "run_shell_command", args: { command, description: "scripted command", ...options } };
}

/** A JSON value that satisfies a (Gemini-flavoured: upper-case types allowed) JSON schema. */
function sample(schema: any): unknown {
  if (!schema || typeof schema !== "object") return null;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (schema.anyOf?.length) return sample(schema.anyOf[0]);
  if (schema.oneOf?.length) return sample(schema.oneOf[0]);
  switch (String(Array.isArray(schema.type) ? schema.type[0] : (schema.type ?? "object")).toLowerCase()) {
    case "string":
      return "e2e";
    case "integer":
    case "number":
      return schema.minimum ?? 1;
    case "boolean":
      return false;
    case "array":
      return [];
    case "null":
      return null;
    default: {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(schema.properties ?? {})) out[key] = sample(value);
      // The next-speaker check: the user speaks next, so the turn ends.
      if ("next_speaker" in out) out.next_speaker = "user";
      return out;
    }
  }
}

export async function startFakeGeminiApi({ script, finalText = "Done." }: { script: GeminiStep[]; finalText?: string }) {
  const tag = randomBytes(4).toString("hex");
  const stepOf = new RegExp(`^call_e2e_${tag}_(\\d+)_\\d+$`);
  const requests: Array<{ url: string; body: any }> = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      let body: any = null;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "null");
      } catch {
        body = null;
      }
      const url = req.url ?? "";
      requests.push({ url, body });
      const path = url.split("?")[0]!;
      const json = (value: unknown) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(value));
      };
      if (req.method !== "POST") return json({});
      if (path.endsWith(":countTokens")) return json({ totalTokens: 1 });
      const streaming = path.endsWith(":streamGenerateContent");
      if (!streaming && !path.endsWith(":generateContent")) return json({});
      const schema = body?.generationConfig?.responseJsonSchema ?? body?.generationConfig?.responseSchema;
      let parts: unknown[];
      if (schema !== undefined || body?.generationConfig?.responseMimeType === "application/json") {
        parts = [{ text: JSON.stringify(sample(schema ?? { type: "object" })) }];
      } else {
        let index = 0;
        for (const content of Array.isArray(body?.contents) ? body.contents : []) {
          for (const part of Array.isArray(content?.parts) ? content.parts : []) {
            const match = stepOf.exec(String(part?.functionCall?.id ?? ""));
            if (match) index = Math.max(index, Number(match[1]) + 1);
          }
        }
        const offersTools = Array.isArray(body?.tools) && body.tools.some((t: any) => (t.functionDeclarations ?? []).length > 0);
        const step = offersTools ? script[index] : undefined;
        parts = step
          ? (Array.isArray(step) ? step : [step]).map((call, i) => ({ functionCall: { id: `call_e2e_${tag}_${index}_${i}`, name: call.name, args: call.args } }))
          : [{ text: finalText }];
      }
      const response = {
        candidates: [{ content: { role: "model", parts }, finishReason: "STOP", index: 0 }],
        usageMetadata: { promptTokenCount: 1, candidatesTokenCount: 1, totalTokenCount: 2 },
        modelVersion: (/models\/([^:]+):/.exec(path) ?? [])[1] ?? "gemini-e2e",
        responseId: `resp_e2e_${tag}_${requests.length}`,
      };
      if (!streaming) return json(response);
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      res.end(`data: ${JSON.stringify(response)}\r\n\r\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("fake Gemini API: no TCP address");

  return {
    /** GOOGLE_GEMINI_BASE_URL */
    url: `http://127.0.0.1:${address.port}`,
    requests,
    /** What Gemini CLI sent back for each call, first seen first: what the model was told. */
    functionResponses(): FunctionResponse[] {
      const seen = new Map<string, FunctionResponse>();
      for (const request of requests) {
        for (const content of Array.isArray(request.body?.contents) ? request.body.contents : []) {
          for (const part of Array.isArray(content?.parts) ? content.parts : []) {
            const fr = part?.functionResponse;
            if (!fr) continue;
            const id = String(fr.id ?? `${fr.name}#${seen.size}`);
            if (!seen.has(id)) seen.set(id, { id, name: String(fr.name), response: fr.response ?? {} });
          }
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

/** ~/.gemini/settings.json selecting API-key auth (install adds the hooks beside it). */
export const GEMINI_AUTH_SETTINGS = { security: { auth: { selectedType: "gemini-api-key" } } };
