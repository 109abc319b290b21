#!/usr/bin/env node
"use strict";
// A thin shim: load the bundle and run it. CommonJS on purpose: Node starts a CommonJS entry
// measurably faster than an ES module one, and this runs on every tool call.
const { join } = require("node:path");

// Node 22.1+ keeps V8's compiled code between runs (about a millisecond per hook call here), in
// the user's own cache directory rather than the temp directory every user shares.
require("node:module").enableCompileCache?.(
  join(process.env.XDG_CACHE_HOME || join(require("node:os").homedir(), ".cache"), "claude-session-guard"),
);

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
