// Compiles against the generated .d.ts of every target: a change in the
// bindings that breaks these uses fails `tsc --noEmit` in scripts/test.sh.
import { Engine, rules, categories, validateConfig, version } from "conforma";
import type { CheckResult, Finding, Config, CategoryId } from "conforma";
import init, { Engine as WebEngine } from "conforma/web";
import { Engine as BundlerEngine } from "conforma/bundler";

const config: Config = { locale: "en", timezone: "America/Sao_Paulo", hours: { mon: ["08:00-18:00"] }, surface: "app" };
const engine = new Engine(config);
const result: CheckResult = engine.check("hello", { direction: "outbound", locale: "es", context: { now: "2026-03-13T18:00:00-03:00", contact: { opt_in: "granted" } } });
if (result.type === "success") {
  const first: Finding | undefined = result.findings[0];
  const category: CategoryId | undefined = first?.category;
  const slice: string | undefined = first && "hello".slice(first.start, first.end);
  void category; void slice;
} else {
  const fields: (string | undefined)[] = result.errors.map((e) => e.field);
  void fields;
}
const v = validateConfig({ locale: "pt-BR" });
const ok: boolean = v.type === "success";
const ids: string[] = rules().map((r) => r.id).concat(categories().map((c) => c.id));
const ver: string = version();
void ok; void ids; void ver;

async function web(): Promise<void> {
  await init();
  const e = new WebEngine();
  const r = e.check("x");
  if (r.type === "failure") throw new Error(r.errors[0]?.message);
}
void web; void BundlerEngine;
