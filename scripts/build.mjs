// Builds dist/: the CLI as CommonJS bundles (dist/cli.cjs and one bundle for each module a
// command loads on demand), and the built-in library checked and compiled to JSON.
//
// Why CommonJS: on Node 20, an ES module entry starts Node's ESM loader, and every further
// module it loads costs more than a require() does. Measured on ten years of history, the same
// code as ES module chunks took about 9 ms longer for `itb --version`, 13 ms for `itb buckets`
// and 30 ms for an export. esbuild cannot split CommonJS output into shared chunks, so each
// module that is loaded with import() becomes a bundle of its own (an "entry"), and every other
// bundle reaches it with require(). Code used by several bundles is copied into each, which is
// harmless for plain functions; a module whose classes are checked with instanceof must exist
// once, so it is made an entry too, and the build fails if one is ever copied.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importTypeScript } from './import-ts.mjs';

// A bundle that fails: esbuild has already shown each error with its file, line and column, and
// Node's stack trace of esbuild's own code under them would only bury them.
process.on('uncaughtException', (error) => {
  if (Array.isArray(error?.errors) && error.errors.length > 0) console.error(`The build stopped at the error${error.errors.length === 1 ? '' : 's'} above.`);
  else console.error(error);
  process.exit(1);
});

const root = new URL('..', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const file = (relativePath) => fileURLToPath(new URL(relativePath, root));
const dist = file('dist/');
const nodeRequire = createRequire(import.meta.url);
const inPackage = (name, path) => new RegExp(`[\\\\/]node_modules[\\\\/]${name}[\\\\/]`).test(path);

// Node modules a command never needs at start-up, kept out of it (each one costs milliseconds):
// - chalk's terminal detection loads `tty` and `os`, but src/ui/colour.ts always sets the colour
//   level itself, so the detection-free build of it (the one chalk ships for browsers) is used;
// - commander loads `child_process` only to run subcommands kept in separate executables, which
//   itb has none of, so it is loaded on first use instead;
// - `crypto` is used by itb for a store's hash, a session's id and the FHIR bundle's ids, but
//   most commands that load that code need none of them (a store its summary vouches for is not
//   hashed), so it is loaded on first use too.
const onFirstUse = [
  { module: 'node:child_process', from: (importer) => inPackage('commander', importer) },
  { module: 'node:crypto', from: (importer) => importer.startsWith(file('src/')) },
];
const leanStartup = {
  name: 'lean-startup',
  setup(build) {
    build.onResolve({ filter: /^#supports-color$/ }, (args) =>
      inPackage('chalk', args.importer) ? { path: file('node_modules/chalk/source/vendor/supports-color/browser.js') } : undefined,
    );
    build.onResolve({ filter: /^node:/ }, (args) =>
      onFirstUse.some(({ module, from }) => args.path === module && from(args.importer)) ? { path: args.path, namespace: 'on-first-use' } : undefined,
    );
    // The module's own names, each a getter that loads the module when first read.
    build.onLoad({ filter: /.*/, namespace: 'on-first-use' }, (args) => {
      const getters = Object.keys(nodeRequire(args.path)).map((name) => `${JSON.stringify(name)}: { get: () => load()[${JSON.stringify(name)}], enumerable: true }`);
      return {
        contents: `let loaded; const load = () => (loaded ??= require(${JSON.stringify(args.path)}));\nmodule.exports = Object.defineProperties({}, { ${getters.join(', ')} });`,
        loader: 'js',
      };
    });
  },
};

// The entries: the CLI, every module of src/ that some code loads with import(), and errors.ts
// (UserError and Interrupted are checked with instanceof by the CLI's one error handler).
const sourceFiles = (folder) =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
  );
const lazyModules = sourceFiles(file('src/')).flatMap((source) =>
  [...readFileSync(source, 'utf8').matchAll(/\bimport\('(\.{1,2}\/[^']+)\.js'\)/g)].map((match) => resolve(dirname(source), `${match[1]}.ts`)),
);
const entries = [...new Set([file('src/cli.ts'), file('src/errors.ts'), ...lazyModules])];
const bundleName = (entry) => basename(entry, '.ts');
const names = entries.map(bundleName);
const clash = names.find((name, i) => names.indexOf(name) !== i);
if (clash) throw new Error(`two modules loaded on demand are both named ${clash}.ts: each becomes dist/${clash}.cjs, so rename one`);

// An import of another entry, static or import(), becomes a require() of that entry's bundle.
const entriesApart = {
  name: 'entries-apart',
  setup(build) {
    build.onResolve({ filter: /^\.{1,2}\// }, (args) => {
      const target = resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      return entries.includes(target) && target !== args.importer ? { path: `./${bundleName(target)}.cjs`, external: true } : undefined;
    });
  },
};

const cli = await build({
  entryPoints: entries,
  absWorkingDir: file('.'),
  outdir: dist,
  entryNames: '[name]',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // import() of another bundle becomes a require() of it when first needed: still on demand,
  // without Node's ES module loader.
  supported: { 'dynamic-import': false },
  metafile: true,
  // Less text for Node to read and compile on every start; names are kept, and with ITB_DEBUG=1
  // bin/itb.js turns on source maps so that a stack trace points into src/.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: true,
  plugins: [leanStartup, entriesApart],
  // src/library/library.ts finds dist/library.json from its own location.
  define: { ITB_VERSION: JSON.stringify(pkg.version), 'import.meta.url': '__moduleUrl' },
  banner: { js: 'const __moduleUrl = require("node:url").pathToFileURL(__filename).href;' },
  logLevel: 'warning',
});

// A class copied into two bundles would be two classes, and instanceof would fail across them.
const bundlesOf = new Map();
for (const [output, { inputs }] of Object.entries(cli.metafile.outputs)) {
  for (const input of Object.keys(inputs)) bundlesOf.set(input, [...(bundlesOf.get(input) ?? []), basename(output)]);
}
for (const [input, outputs] of bundlesOf) {
  if (input.startsWith('src/') && outputs.length > 1 && /^export class /m.test(readFileSync(file(input), 'utf8'))) {
    throw new Error(`${input} defines a class and is copied into ${outputs.join(', ')}: load it with import() somewhere, or add it to the entries`);
  }
}

// Each bundle's text is to be one byte per character (Latin-1): V8 keeps such a text at half the
// size and reads it faster, while a single character beyond it makes the whole bundle two bytes a
// character. esbuild writes such characters in strings as \u escapes, but leaves them as typed in
// a regular expression or a String.raw; measured, two curly quotes in one did that to the CLI's
// bundles and made the Markdown export of ten years of history about 8 ms slower. They are
// written as \u escapes.
for (const output of Object.keys(cli.metafile.outputs).filter((name) => name.endsWith('.cjs'))) {
  const text = readFileSync(file(output), 'utf8');
  const wide = /[^\0-\xff]/.exec(text);
  if (wide) {
    const code = `\\u${wide[0].charCodeAt(0).toString(16).padStart(4, '0')}`;
    console.error(`${output} holds "${wide[0]}" (U+${code.slice(2).toUpperCase()}) in: ${text.slice(Math.max(0, wide.index - 40), wide.index + 20)}`);
    console.error(`Write it as ${code} in the source (a regular expression or a String.raw keeps it as typed), so that every bundle stays one byte per character.`);
    process.exit(1);
  }
}

// Remove what earlier builds left (other names, or the ES module chunks of older versions).
const built = new Set(Object.keys(cli.metafile.outputs).map((output) => basename(output)));
for (const name of readdirSync(dist)) {
  if (/\.(c?js|js\.map|cjs\.map)$/.test(name) && !built.has(name)) rmSync(join(dist, name), { force: true });
}

// The library checker is bundled on its own so the build can run it without a TypeScript runtime.
const { parseLibrary } = await importTypeScript(file('src/library/load.ts'), file('dist/library-check.mjs'));
const libraryFile = file('data/library.yaml');
const checked = parseLibrary(readFileSync(libraryFile, 'utf8'));
if (!checked.ok) {
  for (const p of checked.problems) console.error(`data/library.yaml:${p.line}:${p.col}  ${p.path}  ${p.message}`);
  process.exit(1);
}
mkdirSync(new URL('dist', root), { recursive: true });
const { library } = checked;
writeFileSync(new URL('dist/library.json', root), JSON.stringify(library));

// Compiled code for Node older than 22.1, which keeps none between starts (see bin/code-cache.cjs).
// In a process of its own: the code is made by the same V8 with the same flags as a start of itb.
// A newer Node keeps none, and a package made with it ships none; nor does a Node 20 before
// 20.15, which lacks the CRC the code is sealed with (and cannot run itb: bin/itb.js says so).
if (nodeRequire('node:module').enableCompileCache || !nodeRequire('node:zlib').crc32) rmSync(file('dist/code-cache'), { recursive: true, force: true });
else {
  const kept = spawnSync(process.execPath, [file('scripts/code-cache.mjs')], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (kept.status !== 0) {
    console.error(`Keeping the compiled code failed:\n${kept.stderr}`);
    process.exit(1);
  }
}
