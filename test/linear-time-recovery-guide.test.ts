// See test/linear-time.ts.
import { linearTimeTest } from "./linear-time.js";

linearTimeTest(["recovery", "guide"]);
