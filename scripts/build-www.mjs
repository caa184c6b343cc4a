// Builds the website (www/) into dist/www/: pages for every locale rendered from
// www/src templates, the rule catalog generated from the engine itself (so the docs
// cannot drift from the code), static assets, and the wasm package under pkg/.
// No dependencies: `node scripts/build-www.mjs`.
import { createRequire } from "node:module";
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const npm = join(root, "dist", "npm");
const out = join(root, "dist", "www");
const tmp = `${out}.tmp`;

for (const f of ["web/conforma.js", "web/conforma_bg.wasm", "node/conforma.js"]) {
  if (!existsSync(join(npm, f))) {
    console.error(`error: dist/npm/${f} is missing; build the npm package first: bash scripts/build.sh wasm`);
    process.exit(1);
  }
}

// The catalog comes from the engine's Node build: the same code the site runs in wasm.
const engine = createRequire(import.meta.url)(join(npm, "node", "conforma.js"));
const catalog = { version: engine.version(), rules: engine.rules(), categories: engine.categories() };

const { renderSite } = await import("../www/src/site.mjs");

rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
for (const { path, html } of renderSite(catalog)) {
  mkdirSync(dirname(join(tmp, path)), { recursive: true });
  writeFileSync(join(tmp, path), html);
}
cpSync(join(root, "www", "assets"), join(tmp, "assets"), { recursive: true });
mkdirSync(join(tmp, "pkg"));
for (const f of ["conforma.js", "conforma_bg.wasm"]) cpSync(join(npm, "web", f), join(tmp, "pkg", f));
// JS the glue imports (wasm-bindgen snippets: the engine's result builders).
if (existsSync(join(npm, "web", "snippets"))) cpSync(join(npm, "web", "snippets"), join(tmp, "pkg", "snippets"), { recursive: true });
// The catalog as data too, for anyone scripting against the site.
writeFileSync(join(tmp, "rules.json"), JSON.stringify(catalog, null, 2) + "\n");

rmSync(out, { recursive: true, force: true });
renameSync(tmp, out);
const pages = readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith(".html")).length;
console.log(`www: dist/www ready (${pages} pages, engine ${catalog.version}: ${catalog.rules.length} rules, ${catalog.categories.length} categories)`);
