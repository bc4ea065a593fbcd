/**
 * Where the tests find real specs documents. A plain clone carries a small
 * licensed sample in test/corpus/ (see its README); when the larger working
 * corpus sits beside the clone (../shared/corpus, as on the project's CI
 * machine) the same tests run on that instead. The seed templates
 * (../shared/seeds) have no copy here: the tests that read them run only
 * where they are present.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const shared = fileURLToPath(new URL("../../shared/", import.meta.url));

/** Whether the full corpus is beside the clone. */
export const fullCorpus = existsSync(join(shared, "corpus"));

/** The folder of real documents: the full corpus when present, else the sample. */
export const corpusDir = fullCorpus ? join(shared, "corpus") : fileURLToPath(new URL("./corpus/", import.meta.url));

/** The seed templates' folder, and whether it is present. */
export const seedsDir = join(shared, "seeds");
export const hasSeeds = existsSync(seedsDir);

/** The text of a seed file (only where `hasSeeds`). */
export const seedText = (file: string): string => readFileSync(join(seedsDir, file), "utf8");

/** A size that holds on the corpus in use: `full` on the full corpus, `sample` on the sample. */
export const atLeast = (full: number, sample: number): number => (fullCorpus ? full : sample);
