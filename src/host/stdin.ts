// Reads the hook payload from a file descriptor, bounded in size and time so a hook never hangs
// or swallows unbounded input.

import * as nodeFs from "node:fs";

export const MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;
export const STDIN_TIMEOUT_MS = 3000;

export class StdinError extends Error {
  override name = "StdinError";
}

export function readInput(
  fd = 0,
  { maxBytes = MAX_PAYLOAD_BYTES, timeoutMs = STDIN_TIMEOUT_MS, fs = nodeFs }: { maxBytes?: number; timeoutMs?: number; fs?: Pick<typeof nodeFs, "read"> } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const finish = (error: Error | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks, total).toString("utf8"));
    };
    const timer = setTimeout(
      () => finish(new StdinError(`no complete hook payload on stdin within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const next = () => {
      const buffer = Buffer.allocUnsafe(64 * 1024);
      fs.read(fd, buffer, 0, buffer.length, null, (error, n) => {
        if (settled) return;
        if (error) {
          // A non-blocking pipe with nothing yet: poll again shortly.
          if (error.code === "EAGAIN") return void setTimeout(next, 5);
          return finish(new StdinError(`cannot read stdin: ${error.message}`));
        }
        if (n === 0) return finish(null);
        total += n;
        if (total > maxBytes) return finish(new StdinError(`the hook payload on stdin is larger than ${maxBytes} bytes`));
        chunks.push(buffer.subarray(0, n));
        next();
      });
    };
    next();
  });
}
