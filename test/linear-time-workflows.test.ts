// See test/linear-time.ts.
import { linearTimeTest } from "./linear-time.js";

linearTimeTest(["kiro-requirements", "spec-kit-spec", "spec-kit-tasks"]);
