"use strict";
// Preloaded (`node -r`) into each hook process of the race suites (file and Redis store). It
// holds the process at a start line until the gate file appears, so that Node's ~60 ms start-up
// is paid beforehand and every hook of a round reaches the store within the same few
// milliseconds. Without it the hooks start one after another and the lock's race windows (well
// under a millisecond) would hardly ever overlap. The hook itself, bin/ -> dist/, runs unchanged
// after the gate.

const fs = require("node:fs");

const gate = process.env.RACE_GATE;
const ready = process.env.RACE_READY;
if (gate && ready) {
  fs.writeFileSync(ready, String(process.pid));
  const cell = new Int32Array(new SharedArrayBuffer(4));
  const deadline = Date.now() + 30_000;
  while (!fs.existsSync(gate)) {
    if (Date.now() > deadline) {
      process.stderr.write(`race barrier: ${gate} never appeared\n`);
      process.exit(3);
    }
    // A 1 ms sleep, not a busy spin: ten spinning processes would starve the cores.
    Atomics.wait(cell, 0, 0, 1);
  }
}
