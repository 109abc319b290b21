// Loaded with `node --require` into every measured process (the floor included) when GNU time is
// not installed: Node exposes no rusage of a child (spawnSync returns none, and
// process.resourceUsage() is RUSAGE_SELF), so the child reports its own peak RSS. The 'exit'
// event fires on process.exit() too, which is how bin/ ends; ru_maxrss is a high-water mark, so
// it already holds the peak of everything before it. CommonJS so that it adds no ESM loader.
"use strict";
const { writeFileSync } = require("node:fs");

const out = process.env.CSG_BENCH_MAXRSS_FILE;
if (out) process.on("exit", () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
