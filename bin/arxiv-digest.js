#!/usr/bin/env node
"use strict";
// The compiled CLI lives in dist/ (npm install builds it through the `prepare` script).
let cli;
try {
  cli = require("../dist/cli/main.js");
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND" && /dist[\\/]cli[\\/]main/.test(error.message)) {
    process.stderr.write("arxiv-digest is not built yet: run `npm run build` in its folder\n");
    process.exit(1);
  }
  throw error;
}
cli.main();
