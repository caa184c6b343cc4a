// Node benchmark of the npm package: prints numbers, asserts nothing.
//   node bench/node.mjs            (after `bash scripts/build.sh wasm`)
// Budgets (issue #3): 1,000-char check ≤ 18 µs median through wasm; a 64 KiB message
// ≤ 1 ms; engine construction ≤ 10 ms. obscenity (npm) runs on the same texts as a
// reference point for a JS matcher (English profanity only, so not like for like).
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";

const require = createRequire(import.meta.url);
const conforma = require(process.env.CONFORMA_NODE_PKG ?? "../dist/npm/node/conforma.js");

// Ordinary customer-service prose (our own text) with one violation in the middle.
const PROSE = [
  "Olá, Maria! Tudo bem? Aqui é a Júlia, da central de atendimento. ",
  "Seu pedido 48213 saiu para entrega hoje de manhã e deve chegar até as 18h. ",
  "Se preferir, posso reagendar a entrega para sábado, sem custo adicional. ",
  "Também temos a nova linha de toalhas de algodão egípcio com 20% de desconto. ",
  "Qualquer dúvida, é só responder por aqui que eu te ajudo. ",
];
function message(length, violation) {
  let text = "";
  let i = 0;
  while (text.length < length / 2) text += PROSE[i++ % PROSE.length];
  text += violation + " ";
  while (text.length < length) text += PROSE[i++ % PROSE.length];
  return text.slice(0, length);
}

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5), p95: at(0.95), min: s[0] };
}

function bench(name, fn, { iterations, batch = 1 }) {
  for (let i = 0; i < Math.min(iterations, 200); i++) fn(); // warm-up
  const samples = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    for (let j = 0; j < batch; j++) fn();
    samples.push(((performance.now() - t0) * 1000) / batch); // µs per call
  }
  const { median, p95, min } = stats(samples);
  console.log(`${name.padEnd(48)} median ${median.toFixed(2).padStart(9)} µs   p95 ${p95.toFixed(2).padStart(9)} µs   min ${min.toFixed(2).padStart(9)} µs`);
}

// Denser in accents and "-ção" words than PROSE, as much real pt writing is: the per-char
// paths (folds, style pre-pass) cost more on it.
const ACCENTED = [
  "A instalação e a manutenção estão incluídas na promoção de verão. ",
  "Qualquer informação adicional, fale com a atendente; a atenção ao cliente é nossa missão. ",
  "Seu pedido saiu para entrega e chega até sexta. ",
];
let accented64k = "";
for (let i = 0; accented64k.length < 64 * 1024; i++) accented64k += ACCENTED[i % ACCENTED.length];
accented64k = accented64k.slice(0, 64 * 1024);
const m1k = message(1000, "e temos cerveja gelada e whisky importado por R$ 89");
const m64k = message(64 * 1024, "meu CPF é 529.982.247-25");
const clean1k = message(1000, "");
console.log(`conforma ${conforma.version()} — node ${process.version}`);
{
  // Cold: the first engine compiles the built-in lexicons (later ones reuse them).
  const t0 = performance.now();
  const first = new conforma.Engine();
  const t1 = performance.now();
  first.check("oi");
  const t2 = performance.now();
  console.log(`${"first engine construction (cold, once per page)".padEnd(48)} ${((t1 - t0) * 1000).toFixed(0).padStart(9)} µs   first check ${((t2 - t1) * 1000).toFixed(0)} µs`);
}

bench("engine construction (default config)", () => new conforma.Engine(), { iterations: 200 });
bench("engine construction (full config)", () => new conforma.Engine({
  locale: "pt-BR", timezone: "America/Sao_Paulo",
  hours: { mon: ["08:00-18:00"], tue: ["08:00-18:00"], wed: ["08:00-18:00"], thu: ["08:00-18:00"], fri: ["08:00-18:00"], sat: ["09:00-13:00"], sun: [] },
  holidays: { dates: ["2026-12-25"], national: ["BR"] },
}), { iterations: 200 });
const engine = new conforma.Engine();
bench("check 1,000 chars with a violation", () => engine.check(m1k), { iterations: 2000, batch: 10 });
bench("check 1,000 chars clean", () => engine.check(clean1k), { iterations: 2000, batch: 10 });
bench("check 64 KiB", () => engine.check(m64k), { iterations: 200 });
// The budget is for "all packs and all normalization": the same
// 305-term custom pack and brand-voice (style) checks as `cargo bench`.
const packed = new conforma.Engine({
  packs: [{
    name: "acme",
    topics: [
      { id: "politics", terms: ["eleição", "partido*", "candidato*"] },
      { id: "deadlines", terms: ["entrega garantida", "prazo garantido"] },
      { id: "bulk", terms: Array.from({ length: 300 }, (_, i) => `assunto proibido ${i}`) },
    ],
    terms: { alcohol: ["rabo de galo"] },
    allow: ["cerveja de gengibre"],
    enable: ["style"],
  }],
});
bench("check 1,000 chars clean, custom pack + style", () => packed.check(clean1k), { iterations: 2000, batch: 10 });
bench("check 1,000 chars with a violation, pack + style", () => packed.check(m1k), { iterations: 2000, batch: 10 });
bench("check 64 KiB, custom pack + style", () => packed.check(m64k), { iterations: 200 });
bench("check 64 KiB accented pt prose, pack + style", () => packed.check(accented64k), { iterations: 200 });
const context = { now: "2026-03-13T18:00:00-03:00", contact: { opt_in: "granted", last_inbound_at: "2026-03-13T17:00:00-03:00" } };
bench("check 1,000 chars with context", () => engine.check(m1k, { context }), { iterations: 2000, batch: 10 });

try {
  const { RegExpMatcher, englishDataset, englishRecommendedTransformers } = await import("obscenity");
  const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  bench("reference: obscenity getAllMatches 1,000 chars", () => matcher.getAllMatches(m1k), { iterations: 2000, batch: 10 });
  bench("reference: obscenity getAllMatches 64 KiB", () => matcher.getAllMatches(m64k), { iterations: 100 });
} catch (err) {
  console.log(`reference: obscenity not installed (${err.code ?? err.message})`);
}
