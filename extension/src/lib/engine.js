// Loads the wasm engine (dist/npm/web, packaged under engine/) and hides where it runs.
//
// In the page (content script) is fastest, but Chromium applies the page's CSP to wasm compiled
// by content scripts: on a page whose script-src lacks 'wasm-unsafe-eval' the compile throws a
// CompileError. Then checks go to the background worker, which has the extension's own CSP.

import { supportsPacks } from "./storage.js";

const api = globalThis.browser ?? globalThis.chrome;

let modulePromise = null;
let staticModule = null;

/**
 * Service workers cannot use dynamic import(), so the background imports the glue statically
 * and hands it over here.
 */
export function provideEngineModule(mod) {
  staticModule = mod;
}

/** Imports and initialises the wasm module once per realm. */
export function loadEngineModule() {
  if (!modulePromise) {
    modulePromise = (async () => {
      const mod = staticModule ?? (await import(api.runtime.getURL("engine/conforma.js")));
      await mod.default({ module_or_path: api.runtime.getURL("engine/conforma_bg.wasm") });
      return mod;
    })();
    // A failed load may be retried later (e.g. after the worker restarts).
    modulePromise.catch(() => {
      modulePromise = null;
    });
  }
  return modulePromise;
}

/**
 * Builds an engine for `config`. A config the engine refuses falls back to the built-in policy
 * (the agent stays protected) and the error is returned in `configError`.
 * @returns {{engine: any, configError: string | null}}
 */
export function buildEngine(mod, config) {
  let configError = null;
  // Most specific first: without the custom packs (keeps hours, rules…), then the built-in policy.
  const attempts = [config ?? {}];
  if (config?.packs) {
    const { packs: _packs, ...rest } = config;
    attempts.push(rest);
  }
  attempts.push(config?.locale ? { locale: config.locale } : {});
  for (const attempt of attempts) {
    try {
      return { engine: new mod.Engine(attempt), configError };
    } catch (err) {
      configError ??= String(err?.message ?? err);
    }
  }
  return { engine: new mod.Engine({}), configError };
}

// Whether the engine accepts custom term packs: one probe, shared with the options page.
export { supportsPacks };

function safeVersion(mod) {
  try {
    return mod.version();
  } catch {
    return null;
  }
}

function describe(err) {
  if (err instanceof WebAssembly.CompileError || err?.name === "CompileError") {
    return `CompileError${err.message ? ": " + err.message : ""}`;
  }
  return String(err?.message || err?.name || err);
}

/**
 * A checker for a content script: `check(text, options)` returns a result synchronously in
 * "local" mode and a promise in "worker" mode; callers `await` either.
 * Throws (with a readable message) only when neither mode works.
 * @param {object} config engine config (storage.toEngineConfig)
 * @returns {Promise<{mode: "local"|"worker", configError: string|null, localError: string|null,
 *   check: (text: string, options: object) => any, setConfig: (config: object) => string|null,
 *   rules: () => Promise<any[]>, catalog: () => Promise<{rules: any[], categories: any[], packs: boolean}>}>}
 */
export async function createChecker(config) {
  let localError = null;
  try {
    const mod = await loadEngineModule();
    let { engine, configError } = buildEngine(mod, config);
    return {
      mode: "local",
      version: safeVersion(mod),
      localError,
      get configError() {
        return configError;
      },
      check: (text, options) => engine.check(text, options),
      /** Whether the engine has the bulk-send log API (checkWithLog / checkAndRecord). */
      get hasLog() {
        return typeof engine.checkAndRecord === "function" && typeof engine.checkWithLog === "function";
      },
      /** While typing: would sending this be a bulk send? (log unchanged) */
      checkWithLog: (text, options, log) => engine.checkWithLog(text, options, log ?? undefined),
      /** On send: check and record in the bulk-send log; returns the new log. */
      checkAndRecord: (text, options, log) => engine.checkAndRecord(text, options, log ?? undefined),
      setConfig(next) {
        const built = buildEngine(mod, next);
        engine.free?.();
        engine = built.engine;
        configError = built.configError;
        return configError;
      },
      rules: async () => mod.rules(),
      /** Rule and category ids the engine knows, and whether it accepts custom packs. */
      catalog: async () => ({ rules: mod.rules(), categories: mod.categories?.() ?? [], packs: supportsPacks(mod) }),
    };
  } catch (err) {
    localError = describe(err);
  }
  return createWorkerChecker(config, localError);
}

/** Runs checks in the background worker; sequence numbers drop replies to stale texts. */
async function createWorkerChecker(config, localError) {
  let current = config ?? {};
  let seq = 0;
  const send = (msg) => api.runtime.sendMessage(msg);
  // Probe once so a worker that cannot run the engine either is reported, not hidden.
  const probe = await send({ type: "conforma:engine-status", config: current });
  if (!probe?.ok) throw new Error(`${localError}; background: ${probe?.error ?? "no reply"}`);
  let configError = probe.configError ?? null;
  const hasLog = !!probe.hasLog;
  async function logged(method, text, options, log) {
    const mine = ++seq;
    const reply = await send({ type: "conforma:check", method, seq: mine, config: current, text, options, log: log ?? null });
    if (method === "checkWithLog" && mine !== seq) return { type: "stale" };
    if (!reply?.ok) throw new Error(reply?.error ?? "background check failed");
    return reply.result;
  }
  return {
    mode: "worker",
    version: probe.version ?? null,
    hasLog,
    checkWithLog: (text, options, log) => logged("checkWithLog", text, options, log),
    checkAndRecord: (text, options, log) => logged("checkAndRecord", text, options, log),
    localError,
    get configError() {
      return configError;
    },
    async check(text, options) {
      const mine = ++seq;
      const reply = await send({ type: "conforma:check", seq: mine, config: current, text, options });
      if (mine !== seq) return { type: "stale" };
      if (!reply?.ok) throw new Error(reply?.error ?? "background check failed");
      configError = reply.configError ?? null;
      return reply.result;
    },
    setConfig(next) {
      current = next ?? {};
      return null;
    },
    async rules() {
      const reply = await send({ type: "conforma:rules" });
      return reply?.rules ?? [];
    },
    async catalog() {
      const reply = await send({ type: "conforma:rules" });
      return { rules: reply?.rules ?? [], categories: reply?.categories ?? [], packs: !!reply?.packs };
    },
  };
}
