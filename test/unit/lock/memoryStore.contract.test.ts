// The in-memory store the unit tests use keeps the same contract as the real stores.

import { MemoryBacking, MemoryStore } from "../../support/memoryStore.js";
import { storeContract } from "../../support/storeContract.js";

storeContract("memory", async () => {
  const backing = new MemoryBacking();
  return {
    open: () => new MemoryStore(backing),
    async writeRaw(key, text) {
      backing.writeRaw(key, text);
    },
    async cleanup() {},
  };
});
