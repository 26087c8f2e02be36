// Builds dist/: the CLI as one ESM build (dist/cli.js and the chunks it loads on demand), and the
// built-in library checked and compiled to JSON.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importTypeScript } from './import-ts.mjs';

const root = new URL('..', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const file = (relative) => fileURLToPath(new URL(relative, root));
const dist = file('dist/');
const nodeRequire = createRequire(import.meta.url);
const inPackage = (name, path) => new RegExp(`[\\\\/]node_modules[\\\\/]${name}[\\\\/]`).test(path);

// Node modules a command never needs at start-up, kept out of it (each one costs milliseconds):
// - chalk's terminal detection loads `tty` and `os`, but src/ui/colour.ts always sets the colour
//   level itself, so the detection-free build of it (the one chalk ships for browsers) is used;
// - commander loads `child_process` only to run subcommands kept in separate executables, which
//   itb has none of, so it is loaded on first use instead;
// - an ESM import of `node:util` reads every one of its exports, and some of those load more of
//   Node on first read; src/ui/table.ts needs one function from it, so it too is loaded on first use.
const onFirstUse = [
  { module: 'node:child_process', from: (importer) => inPackage('commander', importer) },
  { module: 'node:util', from: (importer) => importer.startsWith(file('src/')) },
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

const cli = await build({
  entryPoints: [file('src/cli.ts')],
  outdir: dist,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies are bundled too, and every `await import()` becomes a chunk of its own: a
  // command parses only what it uses (`itb --version` never sees zod, conf or the exporters).
  // Chunks sit beside cli.js so that `import.meta.url` still finds dist/library.json from them.
  splitting: true,
  metafile: true,
  // Less text for Node to read and compile on every start; names are kept, and with ITB_DEBUG=1
  // bin/itb.js turns on source maps so that a stack trace points into src/.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: true,
  plugins: [leanStartup],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  define: { ITB_VERSION: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
// Chunk names carry a content hash: remove those of earlier builds, only after the new ones exist.
const built = new Set(Object.keys(cli.metafile.outputs).map((file) => basename(file)));
for (const name of readdirSync(dist)) {
  if ((name.endsWith('.js') || name.endsWith('.js.map')) && !built.has(name)) rmSync(join(dist, name), { force: true });
}

// The library checker is bundled on its own so the build can run it without a TypeScript runtime.
const { parseLibrary } = await importTypeScript(new URL('src/library/load.ts', root).pathname, new URL('dist/library-check.mjs', root).pathname);
const libraryFile = new URL('data/library.yaml', root).pathname;
const checked = parseLibrary(readFileSync(libraryFile, 'utf8'));
if (!checked.ok) {
  for (const p of checked.problems) console.error(`data/library.yaml:${p.line}:${p.col}  ${p.path}  ${p.message}`);
  process.exit(1);
}
mkdirSync(new URL('dist', root), { recursive: true });
const { library } = checked;
writeFileSync(new URL('dist/library.json', root), JSON.stringify(library));
