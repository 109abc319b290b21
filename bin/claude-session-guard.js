#!/usr/bin/env node
"use strict";
// CommonJS on purpose: Node starts a CommonJS entry measurably faster than an ES module one, and
// this runs on every tool call. V8's compile cache (Node 22.1+) spares re-compiling the bundle.
require("node:module").enableCompileCache?.();
require("../dist/cli.cjs")
  .main(process.argv.slice(2))
  .then(
    (code) => {
      // Exit now even if a stdin read is still pending; all output was written synchronously.
      process.exit(code);
    },
    (error) => {
      process.stderr.write(`claude-session-guard: internal error: ${error && error.stack ? error.stack : error}\n`);
      process.exit(1);
    },
  );
