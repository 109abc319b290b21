"use strict";
// Preloaded (`node -r`) into each hook process of the binary races. It holds the process at a
// start line until the line opens, so that Node's start-up is paid beforehand and every hook of a
// round reaches the store within the same few milliseconds. Without it the hooks start one after
// another and the lock's race windows (well under a millisecond) would hardly ever overlap. The
// hook itself, bin/ -> dist/, runs unchanged after the line.
//
// The line is a FIFO that its opener holds open for reading and writing: opening it never blocks,
// and a read of one byte blocks, without using the CPU, until the opener writes one byte per
// waiting process.

const fs = require("node:fs");

const gate = process.env.RACE_GATE;
const ready = process.env.RACE_READY;
if (gate && ready) {
  fs.writeFileSync(ready, String(process.pid));
  const fd = fs.openSync(gate, "r");
  try {
    fs.readSync(fd, Buffer.alloc(1), 0, 1, null);
  } finally {
    fs.closeSync(fd);
  }
}
