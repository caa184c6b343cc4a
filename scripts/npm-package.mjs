// Writes the root package.json and README of the npm package `conforma`, which
// ships three wasm-pack targets behind one `exports` map:
//   import … from "conforma"          -> node (CommonJS glue) under Node, bundler glue elsewhere
//   import … from "conforma/web"      -> browsers without a bundler (call the default init first)
//   import … from "conforma/node"     -> explicit Node.js build
//   import … from "conforma/bundler"  -> explicit bundler build
import { readFileSync, writeFileSync, copyFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const out = process.argv[2];
if (!out) throw new Error("usage: node scripts/npm-package.mjs OUT_DIR");

const cargo = readFileSync("crates/conforma-wasm/Cargo.toml", "utf8");
const workspace = readFileSync("Cargo.toml", "utf8");
const field = (src, name) => src.match(new RegExp(`^${name}\\s*=\\s*"([^"]*)"`, "m"))?.[1];
const version = field(workspace, "version");
if (!version) throw new Error("no version in Cargo.toml [workspace.package]");

const target = (dir) => ({ types: `./${dir}/conforma.d.ts`, default: `./${dir}/conforma.js` });
const pkg = {
  name: "conforma",
  version,
  description: field(cargo, "description"),
  license: field(workspace, "license"),
  repository: field(workspace, "repository"),
  keywords: ["whatsapp", "compliance", "lgpd", "wasm", "moderation"],
  main: "./node/conforma.js",
  types: "./node/conforma.d.ts",
  exports: {
    ".": { node: target("node"), browser: target("bundler"), default: target("bundler") },
    "./web": target("web"),
    "./node": target("node"),
    "./bundler": target("bundler"),
    "./web/conforma_bg.wasm": "./web/conforma_bg.wasm",
    "./package.json": "./package.json",
  },
  files: ["web", "node", "bundler", "README.md"],
  sideEffects: ["./bundler/conforma.js", "./bundler/snippets/*"],
};
writeFileSync(join(out, "package.json"), JSON.stringify(pkg, null, 2) + "\n");
copyFileSync("crates/conforma-wasm/README.md", join(out, "README.md"));

// The CommonJS glue require()s the wasm-bindgen snippets (crates/conforma-wasm/js), which are
// written as ES modules. Rewritten as CommonJS here, they load in every Node version without
// require(esm), and without starting Node's ESM loader (~2 ms) on the first require. The
// snippets are ours and plain: only `export function name(` lines need changing.
for (const file of readdirSync(join(out, "node", "snippets"), { recursive: true })) {
  if (!String(file).endsWith(".js")) continue;
  const path = join(out, "node", "snippets", String(file));
  const names = [];
  const body = readFileSync(path, "utf8").replace(/^export function (\w+)\(/gm, (_, name) => {
    names.push(name);
    return `function ${name}(`;
  });
  if (/^\s*(export|import)\b/m.test(body)) throw new Error(`${path}: only \`export function\` can be rewritten to CommonJS`);
  writeFileSync(path, `${body}\nmodule.exports = { ${names.join(", ")} };\n`);
}
