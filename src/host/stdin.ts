// Reads the hook payload from stdin, bounded in size and time so a hook never hangs or
// swallows unbounded input. It reads through the event loop (a stream), not the thread
// pool: a thread blocked in read(2) on a pipe that never closes would keep the process from
// exiting even after the timeout answered.

import type { Readable } from "node:stream";
import { InputError } from "../errors.js";
import { input } from "../messages.js";

export const MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;
export const STDIN_TIMEOUT_MS = 3000;

export function readInput(
  stream: Readable,
  { maxBytes = MAX_PAYLOAD_BYTES, timeoutMs = STDIN_TIMEOUT_MS }: { maxBytes?: number; timeoutMs?: number } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const finish = (error: Error | null) => {
      clearTimeout(timer);
      stream.removeAllListeners("data").removeAllListeners("end").removeAllListeners("error");
      if (error) {
        stream.destroy();
        reject(error);
      } else {
        resolve(Buffer.concat(chunks, total).toString("utf8"));
      }
    };
    const timer = setTimeout(() => finish(new InputError(input.stdinTimeout(timeoutMs), "ESTDIN")), timeoutMs);
    stream.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) return finish(new InputError(input.stdinTooLarge(maxBytes), "ESTDIN"));
      chunks.push(chunk);
    });
    stream.on("end", () => finish(null));
    stream.on("error", (error) => finish(new InputError(input.stdinFailed(error.message), "ESTDIN")));
  });
}
