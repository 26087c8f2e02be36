#!/usr/bin/env node
// Turn on Node's compile cache where this Node has one (22.1+), then run the bundle.
import module from 'node:module';

module.enableCompileCache?.();
const { main } = await import('../dist/cli.js');
process.exitCode = await main(process.argv.slice(2));
