// Claude Code, the agent the core's payload and answers are modelled on: its adapter is the
// payload reader and the renderer themselves.

import { claudePayload } from "../hook/payload.js";
import { render } from "../hook/render.js";
import type { Agent } from "./agents.js";

export const claude: Agent = {
  name: "claude",
  payload: (value) => claudePayload(value),
  render,
};
