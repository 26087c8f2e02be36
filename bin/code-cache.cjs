// V8's compiled code for the bundles of dist/, kept in dist/code-cache/ so that a start need not
// compile them again. Node 22.1 and later keep such a cache themselves (module.enableCompileCache,
// turned on in itb.js); for older Node, `npm run build` runs the commands once and keeps the code
// V8 had compiled by their end (scripts/code-cache.mjs), and useCodeCache hands it to V8 as each
// bundle loads. The code ships in the package too, so an installed copy starts as quickly, and
// nothing is ever written there. V8 itself takes code only if it was made by the same V8, with
// the same flags, for a text of the same length, but it checks no more than that: code for
// another text of that length, or damaged on disk, would run wrong or crash Node. Nor does V8's
// version tell Node releases apart: every Node 20 has V8 11.3.244.8, and code kept by Node 20.20
// crashes Node 20.17 as the CLI loads. So each file begins with a CRC-32 of the bundle's text and
// of the Node that made the code (its versions, architecture and build options), then one of the
// code, and a file that does not match the bundle and the Node as they are now is passed over:
// V8 compiles the bundle as usual. (A CRC tells changed text or damaged bytes as surely as a
// SHA-256 for this, and node:zlib loads in about half the time node:crypto does, which every
// command on Node 20 would pay.)
'use strict';
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { basename, dirname, join } = require('node:path');
const { Script } = require('node:vm');

/** Bytes of the seal in front of the code: two CRC-32s, which also leaves the code where V8 can read it in place. */
const SEAL = 8;

/** Where the compiled code of `bundle` is kept. */
function codeFile(bundle) {
  return join(dirname(bundle), 'code-cache', `${basename(bundle)}.bin`);
}

/** The CRC-32 of the Node running, which V8's own check of the code does not tell from another release. */
let nodeSeal;
function thisNode(crc32) {
  nodeSeal ??= crc32(`${process.arch} ${JSON.stringify(process.versions)} ${JSON.stringify(process.config)}`);
  return nodeSeal;
}

/** The CRC-32 of this Node and a bundle's text, then that of V8's code for it: the first 8 bytes of a kept file. */
function seal(content, code) {
  const { crc32 } = require('node:zlib');
  const sealed = Buffer.alloc(SEAL);
  sealed.writeUInt32BE(crc32(content, thisNode(crc32)), 0);
  sealed.writeUInt32BE(crc32(code), 4);
  return sealed;
}

/** What is kept for a bundle whose text is `content`: the seal, then the code. */
function keptCode(content, code) {
  return Buffer.concat([seal(content, code), code]);
}

/** The code kept in `file` for the text `content`, or undefined when none matches it. */
function codeFor(file, content) {
  let kept;
  try {
    kept = readFileSync(file);
  } catch {
    return undefined; // None kept for this bundle: V8 compiles it as usual.
  }
  const code = kept.subarray(SEAL);
  return kept.length > SEAL && seal(content, code).equals(kept.subarray(0, SEAL)) ? code : undefined;
}

/**
 * From now on, each bundle of the folder `dist` is compiled with its kept code when it has some.
 * `made`, when given, is handed each bundle's script, the file its code belongs in and its text,
 * for scripts/code-cache.mjs to keep once the commands have run.
 */
function useCodeCache(dist, made) {
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename) {
    if (dirname(filename) !== dist || !filename.endsWith('.cjs')) return compile.call(this, content, filename);
    const file = codeFile(filename);
    const script = new Script(Module.wrap(content), { filename, cachedData: codeFor(file, content) });
    if (made) made(script, file, content);
    // The same function Node makes of a CommonJS file, called as Node calls it.
    const wrapper = script.runInThisContext();
    return wrapper.call(this.exports, this.exports, Module.createRequire(filename), this, filename, dirname(filename));
  };
}

module.exports = { codeFile, keptCode, useCodeCache };
