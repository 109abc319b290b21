// doctor's checks of the other agents' wiring: for each agent whose hooks file (user or project)
// holds the guard's hooks, whether every hook install writes is there, naming its agent, covering
// the tools that change files, with a sane timeout; whether the agent will run them at all (Codex
// CLI: trusted, in a trusted project; Gemini CLI: hooks not turned off). Agents not wired are
// not mentioned: nobody has to use them.

import { dirname, join } from "node:path";
import { messageOf } from "../errors.js";
import { doctor as M } from "../messages.js";
import { AGENT_WIRING, type OtherAgent } from "../settings/agentFiles.js";
import { projectTrusted, recordedHash, trustEntries } from "../settings/codexTrust.js";
import { type GuardEvent, isObject, isSaneTimeout, type Json, SANE_TIMEOUT_S } from "../settings/guardHooks.js";
import { readSettingsFile } from "../settings/settingsFile.js";
import type { CommandDeps } from "./deps.js";
import { agentHooksPath, codexHome } from "./install.js";
import { check, type Check } from "./wiring.js";

/** The tools whose calls change files, which the pretooluse hook must see, as each agent names them. */
const WRITING_TOOLS: Record<OtherAgent, string[]> = {
  codex: ["Bash", "apply_patch"],
  gemini: ["write_file", "replace", "run_shell_command"],
  cursor: ["Shell", "Write"],
  copilot: ["bash", "edit", "create"],
};

const NAMES: Record<OtherAgent, string> = { codex: "Codex CLI", gemini: "Gemini CLI", cursor: "Cursor", copilot: "Copilot CLI" };

export function agentChecks(deps: CommandDeps): Check[] {
  const checks: Check[] = [];
  for (const agent of Object.keys(AGENT_WIRING) as OtherAgent[]) {
    for (const scope of ["user", "project"] as const) {
      let path: string;
      try {
        path = agentHooksPath(agent, scope, deps);
      } catch {
        continue;
      }
      checks.push(...fileChecks(agent, scope, path, deps));
    }
  }
  return checks;
}

function fileChecks(agent: OtherAgent, scope: "user" | "project", path: string, deps: CommandDeps): Check[] {
  const id = `${agent}:${scope}`;
  const hint = M.agentInstallHint(agent, scope);
  let file: Json;
  try {
    const read = readSettingsFile(path, deps.fs);
    if (!read.exists) return [];
    file = read.value;
  } catch (error) {
    // A broken file the guard may have wired is worth a word only if it mentions the guard.
    if (!safeText(path, deps).includes("claude-session-guard")) return [];
    return [check(id, "fail", messageOf(error), M.fixJsonHint)];
  }
  const wiring = AGENT_WIRING[agent];
  const ours = wiring.ours(file);
  if (ours.length === 0) return [];
  const checks = [check(id, "pass", M.agentFile(NAMES[agent], path, ours.length))];
  const problems = wiring.events.flatMap((spec) => missing(agent, spec, ours));
  checks.push(problems.length > 0 ? check(`${id}:hooks`, "fail", M.agentHooksMissing(NAMES[agent], problems.join("; ")), hint) : check(`${id}:hooks`, "pass", M.agentHooksOk(NAMES[agent], WRITING_TOOLS[agent].join(", "))));
  const sane = agent === "gemini" ? { min: SANE_TIMEOUT_S.min * 1000, max: SANE_TIMEOUT_S.max * 1000 } : SANE_TIMEOUT_S;
  const odd = ours.filter((o) => o.timeout === undefined || !isSaneTimeout(o.timeout, sane));
  if (odd.length > 0) checks.push(check(`${id}:timeout`, "warn", M.agentTimeouts(odd.map((o) => `${o.event} ${o.subcommand}: ${o.timeout ?? "none"}`).join(", "), agent === "gemini" ? "ms" : "s"), hint));
  if (agent === "codex") checks.push(...codexChecks(id, scope, path, file, deps));
  if (agent === "gemini" && isObject(file.hooksConfig) && file.hooksConfig.enabled === false) checks.push(check(`${id}:enabled`, "fail", M.geminiHooksOff(path), M.geminiHooksOffHint));
  return checks;
}

/** What is wrong with one hook install writes, as found in the file, or nothing. */
function missing(agent: OtherAgent, spec: GuardEvent, ours: GuardEvent[]): string[] {
  const found = ours.filter((o) => o.event === spec.event && o.subcommand === spec.subcommand);
  if (found.length === 0) return [M.agentNoHook(spec.event, spec.subcommand)];
  if (!found.some((o) => o.agent === agent)) return [M.agentNotNamed(spec.event, spec.subcommand, agent)];
  if (spec.matcher === undefined && !found.some((o) => o.matcher !== undefined)) return [];
  const uncovered = WRITING_TOOLS[agent].filter((tool) => !found.some((o) => matches(agent, o.matcher, tool)));
  return uncovered.length > 0 ? [M.agentUncovered(spec.event, spec.subcommand, uncovered.join(", "))] : [];
}

/** Codex CLI, Gemini CLI and Cursor test a matcher as an unanchored regular expression; Copilot CLI anchors it. */
function matches(agent: OtherAgent, matcher: string | undefined, tool: string): boolean {
  if (matcher === undefined || matcher === "" || matcher === "*") return true;
  try {
    return new RegExp(agent === "copilot" ? `^(?:${matcher})$` : matcher).test(tool);
  } catch {
    return matcher === tool;
  }
}

function codexChecks(id: string, scope: "user" | "project", path: string, file: Json, deps: CommandDeps): Check[] {
  const config = join(codexHome(deps), "config.toml");
  const text = safeText(config, deps);
  const checks: Check[] = [];
  const untrusted = trustEntries(path, file).filter((entry) => recordedHash(text, entry.key) !== entry.hash);
  checks.push(
    untrusted.length === 0
      ? check(`${id}:trust`, "pass", M.codexTrusted(config))
      : check(`${id}:trust`, "fail", M.codexUntrusted(untrusted.length, config), M.codexUntrustedHint(scope)),
  );
  if (scope === "project") {
    const root = dirname(dirname(path));
    if (!projectTrusted(text, root)) checks.push(check(`${id}:project`, "fail", M.codexProjectUntrusted(root, config), M.codexProjectUntrustedHint(root)));
  }
  return checks;
}

function safeText(path: string, deps: CommandDeps): string {
  try {
    return deps.fs.readFileSync(path, "utf8");
  } catch {
    return "";
  }
}
