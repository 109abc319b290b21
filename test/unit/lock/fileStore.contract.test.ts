// The file store against the shared store contract, in a temp runtime directory.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileStore, lockFileName } from "../../../src/lock/fileStore.js";
import { storeContract } from "../../support/storeContract.js";

storeContract("file", async () => {
  const root = mkdtempSync(join(tmpdir(), "csg-contract-"));
  const runtime = join(root, "runtime");
  return {
    open: () => fileStore(runtime),
    async writeRaw(key, text) {
      mkdirSync(runtime, { recursive: true, mode: 0o700 });
      writeFileSync(join(runtime, lockFileName(key)), text);
    },
    async cleanup() {
      rmSync(root, { recursive: true, force: true });
    },
  };
});
