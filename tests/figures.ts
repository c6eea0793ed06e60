// The figures a test run proves (matrix cases, bad inputs tried, faults survived): printed, and
// collected by scripts/test.ts into the report it prints at the end (TEST_FIGURES_FILE).
import { appendFileSync } from "node:fs";

export function reportFigure(line: string): void {
  console.log(line);
  const file = process.env.TEST_FIGURES_FILE;
  if (file) appendFileSync(file, `${line.replace(/\s+/g, " ").trim()}\n`);
}
