#!/usr/bin/env node
// Runs the bundle, keeping compiled code between starts: Node's own compile cache from Node 22.1
// on, before that the code the build kept (see code-cache.cjs). With ITB_DEBUG=1, source maps
// point a stack trace into src/, and the bundles are compiled from their text, as the maps expect.
// CommonJS (see bin/package.json): Node 20 starts it faster than an ES module.
'use strict';
// The Node versions itb's prompts run on (package.json says Node 20 and later): an older one
// gets this line, not a crash part way through a session.
const [major, minor] = process.versions.node.split('.').map(Number);
const supported = major === 20 ? minor >= 17 : major === 22 ? minor >= 13 : major === 23 ? minor >= 5 : major > 23;
if (!supported) {
  process.stderr.write(
    `error: this computer has Node.js ${process.versions.node}, and itb needs a newer one:\n` +
      '20.17 or a later 20, 22.13 or a later 22, or 23.5 or later.\n' +
      'Install the current LTS version from https://nodejs.org, then run itb again.\n',
  );
  process.exitCode = 1;
} else {
  const { enableCompileCache } = require('node:module');
  if (enableCompileCache) enableCompileCache();
  if (process.env.ITB_DEBUG === '1') process.setSourceMapsEnabled(true);
  else if (!enableCompileCache) require('./code-cache.cjs').useCodeCache(require('node:path').resolve(__dirname, '../dist'));
  const { main } = require('../dist/cli.cjs');
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
