// The shared-memory layout and plan of the in-process race, used by the engine and its workers.

import type { Role } from "./harness.js";

export const SETUP = 0;
export const READY = 1;
export const GO = 2;
export const DECIDED = 3;
export const GATE = 4;

export interface ThreadPlan {
  id: number;
  rounds: Role[][];
  log: string;
  key: string;
  store: { kind: "file"; dir: string } | { kind: "redis"; url: string };
  ttlMs: number;
  control: SharedArrayBuffer;
}

