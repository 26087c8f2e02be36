// V8's compiled code for the bundles of dist/, kept in dist/code-cache/ so that a start need not
// compile them again. Node 22.1 and later keep such a cache themselves (module.enableCompileCache,
// turned on in itb.js); for older Node, `npm run build` runs the commands once and keeps the code
// V8 had compiled by their end (scripts/code-cache.mjs), and useCodeCache hands it to V8 as each
// bundle loads. V8 takes it only if it was made by the same V8, with the same flags, for a text of
// the same length, and otherwise compiles the bundle as usual; the file's name holds the bundle's
// size and time of change, so that a bundle changed since the build is never given older code.
'use strict';
const Module = require('node:module');
const { readFileSync, statSync } = require('node:fs');
const { basename, dirname, join } = require('node:path');
const { Script } = require('node:vm');

/** Where the compiled code of `bundle`, as the file is now, is kept. */
function codeFile(bundle) {
  const { size, mtimeMs } = statSync(bundle);
  return join(dirname(bundle), 'code-cache', `${basename(bundle)}.${size}.${Math.round(mtimeMs)}.bin`);
}

/**
 * From now on, each bundle of the folder `dist` is compiled with its kept code when it has some.
 * `made`, when given, is handed each bundle's script and the file its code belongs in, for
 * scripts/code-cache.mjs to keep once the commands have run.
 */
function useCodeCache(dist, made) {
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename) {
    if (dirname(filename) !== dist || !filename.endsWith('.cjs')) return compile.call(this, content, filename);
    const file = codeFile(filename);
    let cachedData;
    try {
      cachedData = readFileSync(file);
    } catch {
      // None kept for this bundle: V8 compiles it as usual.
    }
    const script = new Script(Module.wrap(content), { filename, cachedData });
    if (made) made(script, file);
    // The same function Node makes of a CommonJS file, called as Node calls it.
    const wrapper = script.runInThisContext();
    return wrapper.call(this.exports, this.exports, Module.createRequire(filename), this, filename, dirname(filename));
  };
}

module.exports = { codeFile, useCodeCache };
