// Builds the browser extension from one shared source into unpacked folders and zip files:
//   dist/extension/chromium/   (+ conforma-chromium.zip)   background service worker
//   dist/extension/firefox/    (+ conforma-firefox.zip)    background scripts + gecko id
//
//   node scripts/build-extension.mjs [--out DIR] [--no-zip] [--engine DIR]
//   (--out: build elsewhere, e.g. a temp dir per test run; --no-zip: unpacked folders only;
//    --engine: take the wasm engine from DIR instead of dist/npm/web, e.g. an engine branch's build)
//
// Steps: merge extension/manifest.base.json with the per-browser manifest; copy extension/src and
// the wasm engine (dist/npm/web) into the output; merge the locale fragments
// extension/locales/<lang>/*.json into _locales/<lang>/messages.json, failing on a key missing in a
// locale, a key defined twice across fragments, or a message without a description.
// Node only: no bundler, no network; the zip writer is a small store-only writer below.
import { existsSync } from "node:fs";
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { crc32 } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "extension");
const args = process.argv.slice(2);
const outArg = args.indexOf("--out");
const outRoot = outArg >= 0 && args[outArg + 1] ? resolve(args[outArg + 1]) : join(root, "dist", "extension");
const zip = !args.includes("--no-zip");
const engineArg = args.indexOf("--engine");
const engineDir = engineArg >= 0 && args[engineArg + 1] ? resolve(args[engineArg + 1]) : join(root, "dist", "npm", "web");
const LOCALES = ["pt_BR", "es", "en"];
const ENGINE_FILES = ["conforma.js", "conforma_bg.wasm", "conforma.d.ts"];

function fail(message) {
  console.error(`error: ${message}`);
  process.exit(1);
}

async function readJson(path) {
  try {
    return JSON.parse(await readFile(path, "utf8"));
  } catch (err) {
    fail(`${relative(root, path)}: ${err.code === "ENOENT" ? "missing" : err.message}`);
  }
}

/** Deep merge for manifests: objects merge key by key, anything else (arrays too) is replaced. */
function merge(base, extra) {
  const out = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const prev = out[key];
    out[key] =
      value && typeof value === "object" && !Array.isArray(value) && prev && typeof prev === "object" && !Array.isArray(prev)
        ? merge(prev, value)
        : value;
  }
  return out;
}

/** Merges the locale fragments; returns {lang: messages} or exits with every problem listed. */
async function mergeLocales() {
  const problems = [];
  const merged = {};
  const origin = {};
  for (const lang of LOCALES) {
    const dir = join(src, "locales", lang);
    if (!existsSync(dir)) {
      problems.push(`extension/locales/${lang}/ is missing`);
      continue;
    }
    merged[lang] = {};
    for (const file of (await readdir(dir)).filter((f) => f.endsWith(".json")).sort()) {
      const fragment = await readJson(join(dir, file));
      for (const [key, entry] of Object.entries(fragment)) {
        const where = `extension/locales/${lang}/${file}: "${key}"`;
        if (!/^[A-Za-z0-9_]+$/.test(key)) problems.push(`${where}: keys may use only letters, digits and _`);
        if (key in merged[lang]) problems.push(`${where}: already defined in ${origin[`${lang}/${key}`]}`);
        if (typeof entry?.message !== "string") problems.push(`${where}: "message" must be a string`);
        if (typeof entry?.description !== "string" || !entry.description.trim()) problems.push(`${where}: needs a "description"`);
        merged[lang][key] = entry;
        origin[`${lang}/${key}`] = file;
      }
    }
  }
  const all = new Set(LOCALES.flatMap((lang) => Object.keys(merged[lang] ?? {})));
  for (const key of all) {
    for (const lang of LOCALES) {
      if (merged[lang] && !(key in merged[lang])) problems.push(`locale ${lang}: "${key}" is missing (defined in other locales)`);
    }
  }
  if (problems.length) fail(`locale fragments:\n  ${problems.join("\n  ")}`);
  return merged;
}

/** Drops manifest entries that point at pages not written yet, so a partial tree still loads. */
function dropMissing(manifest) {
  const checks = [
    ["action.default_popup", manifest.action?.default_popup, () => delete manifest.action.default_popup],
    ["options_ui.page", manifest.options_ui?.page, () => delete manifest.options_ui],
    ["storage.managed_schema", manifest.storage?.managed_schema, () => delete manifest.storage],
  ];
  for (const [name, path, drop] of checks) {
    if (path && !existsSync(join(src, path))) {
      console.warn(`warning: manifest ${name} → extension/${path} does not exist yet; left out of this build`);
      drop();
    }
  }
  return manifest;
}

async function listFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else out.push(path);
  }
  return out.sort();
}

/** A store-only zip (no compression: the wasm and small text files gain little, and it keeps this tiny). */
async function writeZip(dir, zipPath) {
  const files = await listFiles(dir);
  const chunks = [];
  const central = [];
  let offset = 0;
  // Fixed DOS timestamp (1980-01-01) keeps the zips reproducible.
  const dosTime = 0;
  const dosDate = (0 << 9) | (1 << 5) | 1;
  for (const file of files) {
    const name = Buffer.from(relative(dir, file).split(sep).join("/"), "utf8");
    const data = await readFile(file);
    const crc = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    chunks.push(local, name, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(0, 10);
    entry.writeUInt16LE(dosTime, 12);
    entry.writeUInt16LE(dosDate, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += local.length + name.length + data.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  await writeFile(zipPath, Buffer.concat([...chunks, ...central, end]));
  return files.length;
}

async function main() {
  for (const file of ENGINE_FILES) {
    if (!existsSync(join(engineDir, file))) fail(`${relative(root, join(engineDir, file))} is missing; run \`bash scripts/build.sh wasm\` first`);
  }
  const base = await readJson(join(src, "manifest.base.json"));
  const locales = await mergeLocales();
  for (const key of ["extName", "extDescription"]) {
    if (!locales.pt_BR[key]) fail(`locale pt_BR: "${key}" is needed by the manifest`);
  }

  await mkdir(outRoot, { recursive: true });
  for (const browser of ["chromium", "firefox"]) {
    const out = join(outRoot, browser);
    await rm(out, { recursive: true, force: true });
    await mkdir(out, { recursive: true });
    const manifest = dropMissing(merge(base, await readJson(join(src, `manifest.${browser}.json`))));
    await cp(join(src, "src"), join(out, "src"), { recursive: true });
    if (existsSync(join(src, "managed_schema.json"))) await cp(join(src, "managed_schema.json"), join(out, "managed_schema.json"));
    if (existsSync(join(src, "icons"))) await cp(join(src, "icons"), join(out, "icons"), { recursive: true });
    await mkdir(join(out, "engine"), { recursive: true });
    for (const file of ENGINE_FILES) await cp(join(engineDir, file), join(out, "engine", file));
    // JS the glue imports (wasm-bindgen snippets: the engine's result builders).
    if (existsSync(join(engineDir, "snippets"))) await cp(join(engineDir, "snippets"), join(out, "engine", "snippets"), { recursive: true });
    for (const lang of LOCALES) {
      await mkdir(join(out, "_locales", lang), { recursive: true });
      await writeFile(join(out, "_locales", lang, "messages.json"), JSON.stringify(locales[lang], null, 2) + "\n");
    }
    await writeFile(join(out, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
    if (!zip) {
      console.log(`extension: ${out}/`);
      continue;
    }
    const zipPath = join(outRoot, `conforma-${browser}.zip`);
    const count = await writeZip(out, zipPath);
    const size = (await stat(zipPath)).size;
    console.log(`extension: ${relative(root, out)}/ and ${relative(root, zipPath)} (${count} files, ${size} bytes)`);
  }
}

await main();
