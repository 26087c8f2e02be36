#!/usr/bin/env node
// Runs the bundle, keeping compiled code between starts: Node's own compile cache from Node 22.1
// on, before that the code the build kept (see code-cache.cjs). With ITB_DEBUG=1, source maps
// point a stack trace into src/, and the bundles are compiled from their text, as the maps expect.
// CommonJS (see bin/package.json): Node 20 starts it faster than an ES module.
'use strict';
const { enableCompileCache } = require('node:module');
if (enableCompileCache) enableCompileCache();
if (process.env.ITB_DEBUG === '1') process.setSourceMapsEnabled(true);
else if (!enableCompileCache) require('./code-cache.cjs').useCodeCache(require('node:path').resolve(__dirname, '../dist'));
const { main } = require('../dist/cli.cjs');
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
