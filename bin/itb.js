#!/usr/bin/env node
// Turn on Node's compile cache where this Node has one (22.1+), and source maps for debugging, then run the bundle.
import module from 'node:module';

module.enableCompileCache?.();
if (process.env.ITB_DEBUG === '1') process.setSourceMapsEnabled(true);
const { main } = await import('../dist/cli.js');
process.exitCode = await main(process.argv.slice(2));
