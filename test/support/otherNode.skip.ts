// Setup file of the node<major> projects: when that Node could not be installed (and this is not
// CI, where the global setup fails instead), every test is skipped, and shows as skipped.

import { beforeEach, inject } from "vitest";

beforeEach((context) => {
  if (inject("nodeMissing") !== null) context.skip();
});
