// A scripted API whose scripts are chosen by a marker in the conversation, so one server can
// play a session's main conversation and its subagents' (whose first message is the prompt the
// Agent tool was given): the last user text that carries `[e2e-script:NAME]` picks
// `scripts[NAME]`, and the step is the number of assistant tool calls since that message.
// A background task's notification re-invokes the session without a marker: it carries on past
// the end of the script it was in, to the final text.

import { flattenContent, type ScriptStep, startFakeApi } from "./fakeApi.mjs";

const MARKER = /\[e2e-script:([\w-]+)\]/;

/** A prompt (for a session or an Agent call) that plays `scripts[name]`. */
export function scriptPrompt(name: string): string {
  return `Carry out scripted task ${name}. [e2e-script:${name}]`;
}

/** The Agent tool, with a prompt that plays `scripts[name]` in the subagent; background unless told otherwise. */
export function agent(name: string, options: { background?: boolean; description?: string } = {}) {
  return {
    name: "Agent",
    input: {
      description: options.description ?? `scripted ${name}`,
      prompt: scriptPrompt(name),
      subagent_type: "general-purpose",
      ...(options.background === false && { run_in_background: false }),
    },
  };
}

function userText(message: { role?: string; content?: unknown }): string {
  if (message?.role !== "user") return "";
  if (typeof message.content === "string") return message.content;
  if (!Array.isArray(message.content)) return "";
  return flattenContent(message.content.filter((block: { type?: string }) => block?.type === "text"));
}

export function startScriptApi({ scripts, finalText = "Done." }: { scripts: Record<string, ScriptStep[]>; finalText?: string }) {
  return startFakeApi({
    finalText,
    choose(body) {
      const messages: Array<{ role?: string; content?: unknown }> = Array.isArray(body?.messages) ? body.messages : [];
      let name = "";
      let start = 0;
      messages.forEach((message, i) => {
        const found = MARKER.exec(userText(message));
        if (found) {
          name = found[1]!;
          start = i + 1;
        }
      });
      const step = messages
        .slice(start)
        .filter((m) => m?.role === "assistant" && Array.isArray(m.content) && m.content.some((b: { type?: string }) => b?.type === "tool_use")).length;
      return { step: scripts[name]?.[step], key: `${name}_${step}` };
    },
  });
}

/** Requests the API answered for `name`'s script at `step` (0-based): the moment the scripted model reached it. */
export function reached(api: { requests: Array<{ body: any }> }, name: string, step: number): boolean {
  return api.requests.some((request) => {
    const messages: Array<{ role?: string; content?: unknown }> = Array.isArray(request.body?.messages) ? request.body.messages : [];
    let at = -1;
    messages.forEach((message, i) => {
      if (MARKER.exec(userText(message))?.[1] === name) at = i;
    });
    if (at < 0) return false;
    const steps = messages.slice(at + 1).filter((m) => m?.role === "assistant" && Array.isArray(m.content) && m.content.some((b: { type?: string }) => b?.type === "tool_use")).length;
    return steps >= step;
  });
}
