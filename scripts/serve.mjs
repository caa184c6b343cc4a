// Serves the built site (dist/www) on 127.0.0.1 for the demo: `node scripts/serve.mjs [PORT]`.
import { existsSync } from "node:fs";
import { startServer } from "../tests/support/server.mjs";

const root = "dist/www";
if (!existsSync(root)) {
  console.error("error: dist/www is missing; run `bash scripts/build.sh` first.");
  process.exit(1);
}
const port = Number(process.argv[2] ?? process.env.PORT ?? 8787);
const { url } = await startServer(root, { port });
console.log(`Conforma demo: ${url}`);
if (existsSync("dist/extension/chromium")) {
  console.log(`Unpacked extension: ${process.cwd()}/dist/extension/chromium (Chromium: chrome://extensions → Developer mode → Load unpacked)`);
  console.log(`                    ${process.cwd()}/dist/extension/firefox (Firefox: about:debugging → Load Temporary Add-on → manifest.json)`);
}
console.log("Press Ctrl+C to stop.");
