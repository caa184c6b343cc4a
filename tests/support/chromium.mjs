// Launch options for Debian's Chromium under Playwright (see shared/docs/toolchain.md):
// no downloaded browser, no background network traffic, works as root.
import { mkdtemp, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-features=Translate,OptimizationHints,MediaRouter",
];

/** A fresh, empty profile folder. */
export function tempProfile(prefix = "conforma-chromium-") {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Folder for screenshots and other artifacts of the browser tests. */
export async function artifactsDir() {
  const dir = join(process.cwd(), "tests", "artifacts");
  await mkdir(dir, { recursive: true });
  return dir;
}
