#!/usr/bin/env node
// Turn on Node's compile cache where this Node has one (22.1+), and source maps for debugging,
// then run the bundle. CommonJS (see bin/package.json): Node 20 starts it faster than an ES module.
'use strict';
require('node:module').enableCompileCache?.();
if (process.env.ITB_DEBUG === '1') process.setSourceMapsEnabled(true);
const { main } = require('../dist/cli.cjs');
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
