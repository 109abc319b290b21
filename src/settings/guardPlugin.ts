// The guard as a Claude Code plugin: its name in `enabledPlugins` (`session-guard@<marketplace>`),
// which doctor follows to the plugin's hooks and install checks before wiring the same hooks again.

import { isObject, type Json } from "./guardHooks.js";

export const PLUGIN_NAME = "session-guard";

/** The ids of the guard's plugin that these settings enable. */
export function enabledGuardPlugins(settings: Json | null): string[] {
  const plugins = settings?.enabledPlugins;
  if (!isObject(plugins)) return [];
  return Object.entries(plugins)
    .filter(([id, on]) => id.startsWith(`${PLUGIN_NAME}@`) && on === true)
    .map(([id]) => id);
}
