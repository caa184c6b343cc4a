// The documentation page: npm API, CLI, extension settings and managed policy.
// Code samples are shared; prose exists in the three locales.

import { esc, code } from "./html.mjs";

/** @returns {{title: string, description: string, body: string, ui: object}} */
export function docsPage(ctx) {
  const { t, catalog } = ctx;
  const p = (...texts) => `<p>${esc(t(...texts))}</p>`;
  const sections = [
    ["npm", t("Pacote npm", "Paquete npm", "npm package")],
    ["config", t("Configuração", "Configuración", "Configuration")],
    ["types", t("Tipos TypeScript", "Tipos de TypeScript", "TypeScript types")],
    ["cli", "CLI"],
    ["extension", t("Configurações da extensão", "Ajustes de la extensión", "Extension settings")],
    ["managed", t("Política gerenciada (administradores)", "Política gestionada (administradores)", "Managed policy (admins)")],
  ];
  const row = (field, type, ...desc) => `<tr><th scope="row"><code>${esc(field)}</code></th><td><code>${esc(type)}</code></td><td>${esc(t(...desc))}</td></tr>`;
  const tableHead = `<thead><tr><th scope="col">${esc(t("Campo", "Campo", "Field"))}</th><th scope="col">${esc(t("Tipo", "Tipo", "Type"))}</th><th scope="col">${esc(
    t("Descrição", "Descripción", "Description"),
  )}</th></tr></thead>`;

  const body = `
<div class="wrap page-head">
  <h1>${esc(t("Documentação", "Documentación", "Documentation"))}</h1>
  <p class="lead">${esc(
    t(
      `O mesmo motor (versão ${catalog.version}) roda na extensão, no pacote npm e na CLI. Tudo é local: nenhuma parte envia texto pela rede.`,
      `El mismo motor (versión ${catalog.version}) se ejecuta en la extensión, el paquete npm y la CLI. Todo es local: ninguna parte envía texto por la red.`,
      `The same engine (version ${catalog.version}) runs in the extension, the npm package and the CLI. Everything is local: no part sends text over the network.`,
    ),
  )}</p>
  <nav class="toc" aria-label="${esc(t("Nesta página", "En esta página", "On this page"))}"><ul>${sections
    .map(([id, label]) => `<li><a href="#${id}">${esc(label)}</a></li>`)
    .join("")}</ul></nav>
</div>
<div class="wrap docs">
<section id="npm" aria-labelledby="npm-h">
  <h2 id="npm-h">${esc(sections[0][1])}</h2>
  <h3>${esc(t("Instalar", "Instalar", "Install"))}</h3>
  ${code("npm install conforma", "shell")}
  ${p(
    "O pacote traz três builds do mesmo WebAssembly: Node.js, bundlers (Vite, webpack) e navegador sem bundler. Os tipos TypeScript acompanham todos.",
    "El paquete trae tres builds del mismo WebAssembly: Node.js, bundlers (Vite, webpack) y navegador sin bundler. Los tipos de TypeScript acompañan a todos.",
    "The package ships three builds of the same WebAssembly: Node.js, bundlers (Vite, webpack) and plain browsers. TypeScript types come with each.",
  )}
  <h3>${esc(t("Inicializar", "Inicializar", "Initialize"))}</h3>
  ${code(
    `// Node.js or a bundler: ready on import.
import { Engine, rules, categories, version, validateConfig } from "conforma";

// A browser without a bundler: load the wasm first (same origin).
import init, { Engine } from "conforma/web";
await init();`,
    "JavaScript",
  )}
  <h3>${esc(t("Verificar uma mensagem", "Verificar un mensaje", "Check a message"))}</h3>
  ${code(
    `const engine = new Engine({ locale: "pt-BR", timezone: "America/Sao_Paulo" }); // throws on a bad config

const text = "🍺 vamos tomar uma cerveja";
const result = engine.check(text, {
  direction: "outbound",            // or "inbound" to classify opt-out / opt-in
  lang: "pt",                        // optional hint: "pt" | "es" | "en"
  locale: "es",                      // language of messages; defaults to the engine's
  context: {                         // optional: enables the context rules
    now: "2026-03-15T10:00:00-03:00",
    contact: { opt_in: "granted", opt_in_at: null, opted_out_at: null,
               last_inbound_at: "2026-03-15T09:50:00-03:00" },
  },
});

if (result.type === "success") {
  for (const f of result.findings) {
    // Offsets are UTF-16 code units: text.slice(f.start, f.end) is the offending text.
    console.log(f.rule, f.category, f.severity, text.slice(f.start, f.end), f.message, f.suggestion);
  }
} else {
  console.error(result.errors); // [{ message, field: "context.now", kind: "input" }]
}`,
    "JavaScript",
  )}
  ${p(
    "Crie o Engine uma vez e reutilize: check é rápido o bastante para rodar a cada tecla. Achados de contexto (fora do horário, sem opt-in…) não têm trecho: start = end = 0 e spans vazio.",
    "Crea el Engine una vez y reutilízalo: check es lo bastante rápido para ejecutarse en cada tecla. Los hallazgos de contexto (fuera de horario, sin opt-in…) no tienen fragmento: start = end = 0 y spans vacío.",
    "Create the Engine once and reuse it: check is fast enough to run on every keystroke. Context findings (out of hours, no opt-in…) have no span: start = end = 0 and empty spans.",
  )}
  <h3>${esc(t("Catálogo e validação", "Catálogo y validación", "Catalog and validation"))}</h3>
  ${code(
    `rules();        // [{ id, category, severity, enabled, policy, message, suggestion, examples }]
categories();   // [{ id: "alcohol", group: "commerce" }, …]
version();      // "${catalog.version}"
validateConfig({ timezone: "America/Sao_Pualo" });
// { type: "failure", errors: [{ field: "timezone", message: "… Did you mean 'America/Sao_Paulo'?", kind: "config" }] }`,
    "JavaScript",
  )}
</section>

<section id="config" aria-labelledby="config-h">
  <h2 id="config-h">${esc(sections[1][1])}</h2>
  ${p(
    "Todos os campos são opcionais; um objeto vazio é a política embutida. Campos desconhecidos são erro, para que erros de digitação não passem em silêncio. A CLI lê o mesmo esquema em JSON.",
    "Todos los campos son opcionales; un objeto vacío es la política integrada. Los campos desconocidos son un error, para que las erratas no pasen en silencio. La CLI lee el mismo esquema en JSON.",
    "Every field is optional; an empty object is the built-in policy. Unknown fields are errors, so typos never pass silently. The CLI reads the same schema as JSON.",
  )}
  <div class="table-wrap" tabindex="0" role="region" aria-labelledby="config-h">
  <table>
    ${tableHead}
    <tbody>
      ${row("locale", '"pt-BR" | "es" | "en"', "Idioma das mensagens (padrão pt-BR).", "Idioma de los mensajes (por defecto pt-BR).", "Language of messages (default pt-BR).")}
      ${row("rules", "{ [id]: { enabled?, severity? } }", "Liga, desliga ou muda a severidade por id de regra (commerce.alcohol) ou de categoria (alcohol).", "Activa, desactiva o cambia la severidad por id de regla (commerce.alcohol) o de categoría (alcohol).", "Turns rules on or off or changes severity, by rule id (commerce.alcohol) or category id (alcohol).")}
      ${row("packs", "Pack[]", "Pacotes personalizados da empresa, aplicados depois do embutido.", "Paquetes personalizados de la empresa, aplicados después del integrado.", "Company custom packs, applied after the built-in one.")}
      ${row("timezone", "string (IANA)", "Fuso do horário comercial, ex. America/Sao_Paulo.", "Zona horaria del horario comercial, p. ej. America/Sao_Paulo.", "Time zone of the business hours, e.g. America/Sao_Paulo.")}
      ${row("hours", '{ mon…sun: ["08:00-18:00"] }', "Horário comercial por dia; sem ele, out_of_hours nunca dispara. Lista vazia = fechado.", "Horario comercial por día; sin él, out_of_hours nunca se activa. Lista vacía = cerrado.", "Business hours per day; without them out_of_hours never fires. Empty list = closed.")}
      ${row("holidays", '{ dates: ["2026-12-25"], national: ["BR"] }', "Feriados: datas locais e calendários nacionais embutidos.", "Feriados: fechas locales y calendarios nacionales integrados.", "Holidays: local dates and built-in national calendars.")}
      ${row("surface", '"app" | "platform"', "De onde se envia: app WhatsApp Business / Web, ou a Plataforma (API).", "Desde dónde se envía: app WhatsApp Business / Web, o la Plataforma (API).", "Where messages are sent from: the WhatsApp Business app / Web, or the Platform (API).")}
      ${row("bulk", "{ max_contacts, window_minutes }", "Alerta de envio em massa: mesmo texto para mais de N contatos em M minutos.", "Alerta de envío masivo: el mismo texto a más de N contactos en M minutos.", "Bulk-send guard: the same text to more than N contacts within M minutes.")}
    </tbody>
  </table>
  </div>
  ${code(
    `{
  "locale": "pt-BR",
  "timezone": "America/Sao_Paulo",
  "hours": { "mon": ["08:00-18:00"], "tue": ["08:00-18:00"], "wed": ["08:00-18:00"],
             "thu": ["08:00-18:00"], "fri": ["08:00-18:00"], "sat": ["09:00-13:00"], "sun": [] },
  "holidays": { "dates": ["2026-12-24"], "national": ["BR"] },
  "surface": "app",
  "rules": { "alcohol": { "severity": "block" }, "style": { "enabled": true } },
  "bulk": { "max_contacts": 20, "window_minutes": 10 }
}`,
    "JSON",
  )}
</section>

<section id="types" aria-labelledby="types-h">
  <h2 id="types-h">${esc(sections[2][1])}</h2>
  ${p(
    "Os tipos são publicados com o pacote (conforma.d.ts). Os principais:",
    "Los tipos se publican con el paquete (conforma.d.ts). Los principales:",
    "Types ship with the package (conforma.d.ts). The main ones:",
  )}
  ${code(
    `type Severity = "info" | "warn" | "block";
interface Span { start: number; end: number }        // UTF-16 code units
interface Finding {
  rule: string;            // "commerce.alcohol"
  category: CategoryId;    // "alcohol"
  severity: Severity;
  start: number; end: number;
  spans: Span[];
  message: string;
  suggestion?: string;
}
type CheckResult =
  | { type: "success"; findings: Finding[] }
  | { type: "failure"; errors: { message: string; field?: string; kind: "config" | "input" | "unknown_id" | "limit" }[] };`,
    "TypeScript",
  )}
</section>

<section id="cli" aria-labelledby="cli-h">
  <h2 id="cli-h">CLI</h2>
  ${p(
    "A CLI conforma lê mensagens em JSON Lines e escreve um resultado por linha. Os offsets da CLI são bytes UTF-8.",
    "La CLI conforma lee mensajes en JSON Lines y escribe un resultado por línea. Los offsets de la CLI son bytes UTF-8.",
    "The conforma CLI reads messages as JSON Lines and writes one result per line. CLI offsets are UTF-8 bytes.",
  )}
  <h3><code>conforma check</code></h3>
  ${code(
    `echo '{"id":"1","text":"vamos tomar uma cerveja"}' | conforma check --locale pt-BR
{"id":"1","findings":[{"rule":"commerce.alcohol","category":"alcohol","severity":"warn","start":16,"end":23,…}]}

conforma check --config policy.json < messages.jsonl`,
    "shell",
  )}
  ${p(
    "Cada linha: id, text, direction (outbound | inbound), lang opcional e context opcional ({now, contact}). Uma linha inválida gera {\"id\", \"error\"} com o campo e o código de saída 1; as demais seguem.",
    "Cada línea: id, text, direction (outbound | inbound), lang opcional y context opcional ({now, contact}). Una línea inválida produce {\"id\", \"error\"} con el campo y el código de salida 1; las demás continúan.",
    "Each line: id, text, direction (outbound | inbound), optional lang and optional context ({now, contact}). A bad line gives {\"id\", \"error\"} naming the field and exit code 1; the rest continue.",
  )}
  <h3><code>conforma eval</code></h3>
  ${code(`conforma eval corpus.jsonl [--config policy.json] [--json]`, "shell")}
  ${p(
    "Mede precisão, recall e F1 por categoria num corpus rotulado (campo labels com ids de categoria) e a taxa de falsos positivos em mensagens limpas.",
    "Mide precisión, recall y F1 por categoría en un corpus etiquetado (campo labels con ids de categoría) y la tasa de falsos positivos en mensajes limpios.",
    "Measures precision, recall and F1 per category on a labelled corpus (a labels field with category ids) and the false-positive rate on clean messages.",
  )}
  <h3><code>conforma rules</code></h3>
  ${code(`conforma rules --locale es    # one JSON line per built-in rule`, "shell")}
</section>

<section id="extension" aria-labelledby="extension-h">
  <h2 id="extension-h">${esc(sections[4][1])}</h2>
  ${p(
    "Abra as opções da extensão (clique no ícone → Configurações). Tudo fica em chrome.storage.local, neste navegador.",
    "Abre las opciones de la extensión (clic en el icono → Ajustes). Todo queda en chrome.storage.local, en este navegador.",
    "Open the extension's options (click the icon → Settings). Everything is kept in chrome.storage.local, in this browser.",
  )}
  <div class="table-wrap" tabindex="0" role="region" aria-labelledby="extension-h">
  <table>
    ${tableHead}
    <tbody>
      ${row("language", '"auto" | "pt-BR" | "es" | "en"', "Idioma dos avisos; auto segue o navegador.", "Idioma de los avisos; auto sigue al navegador.", "Language of the warnings; auto follows the browser.")}
      ${row("timezone, hours, holidays", "", "Como na configuração do motor: fuso, horário comercial e feriados.", "Como en la configuración del motor: zona horaria, horario comercial y feriados.", "As in the engine configuration: time zone, business hours and holidays.")}
      ${row("surface", '"app" | "platform"', "App/WhatsApp Web ou painéis da Plataforma.", "App/WhatsApp Web o paneles de la Plataforma.", "App/WhatsApp Web or Platform dashboards.")}
      ${row("rules", "{ [id]: { enabled?, severity? } }", "Severidade por regra ou categoria: info, warn (avisa) ou block (pede confirmação com motivo).", "Severidad por regla o categoría: info, warn (avisa) o block (pide confirmación con motivo).", "Severity per rule or category: info, warn (warns) or block (asks for confirmation with a reason).")}
      ${row("customTerms, allowList", "[]", "Termos próprios da empresa e expressões permitidas.", "Términos propios de la empresa y expresiones permitidas.", "Your company's own terms and allowed phrases.")}
      ${row("bulk", "{ max_contacts, window_minutes }", "Limite do alerta de envio em massa.", "Límite de la alerta de envío masivo.", "Threshold of the bulk-send guard.")}
      ${row("sites", "[{ name, pattern, composer, send }]", "Outros sites de atendimento onde verificar (pede permissão para cada um).", "Otros sitios de atención donde verificar (pide permiso para cada uno).", "Other support sites to check on (asks permission for each).")}
      ${row("failMode", '"open" | "closed"', "Se o motor não carregar: open nunca bloqueia o WhatsApp; closed bloqueia o envio.", "Si el motor no carga: open nunca bloquea WhatsApp; closed bloquea el envío.", "If the engine cannot run: open never blocks WhatsApp; closed blocks sending.")}
      ${row("auditText, auditRetentionDays", "boolean, number", "O registro guarda regra, ação e contato (hash); o texto só se auditText for true.", "El registro guarda regla, acción y contacto (hash); el texto solo si auditText es true.", "The log keeps rule, action and contact (hashed); the text only when auditText is true.")}
    </tbody>
  </table>
  </div>
  ${p(
    "A extensão também mantém um cadastro de opt-in/opt-out: mensagens recebidas como “PARAR” marcam o contato, e você pode importar ou exportar o cadastro em CSV.",
    "La extensión también mantiene un registro de opt-in/opt-out: mensajes recibidos como “BAJA” marcan el contacto, y puedes importar o exportar el registro en CSV.",
    "The extension also keeps an opt-in/opt-out registry: inbound messages such as “STOP” mark the contact, and you can import or export the registry as CSV.",
  )}
</section>

<section id="managed" aria-labelledby="managed-h">
  <h2 id="managed-h">${esc(sections[5][1])}</h2>
  ${p(
    "Administradores podem impor configurações a toda a equipe com a política gerenciada do navegador (chrome.storage.managed, esquema em managed_schema.json). Valores gerenciados prevalecem e aparecem bloqueados nas opções.",
    "Los administradores pueden imponer ajustes a todo el equipo con la política gestionada del navegador (chrome.storage.managed, esquema en managed_schema.json). Los valores gestionados prevalecen y aparecen bloqueados en las opciones.",
    "Admins can enforce settings for the whole team with the browser's managed policy (chrome.storage.managed, schema in managed_schema.json). Managed values win and show as locked in the options.",
  )}
  <h3>Chrome / Edge (Linux: <code>/etc/opt/chrome/policies/managed/conforma.json</code>)</h3>
  ${code(
    `{
  "3rdparty": {
    "extensions": {
      "<extension-id>": {
        "timezone": "America/Sao_Paulo",
        "hours": { "mon": ["08:00-18:00"], "tue": ["08:00-18:00"], "wed": ["08:00-18:00"],
                   "thu": ["08:00-18:00"], "fri": ["08:00-18:00"], "sat": [], "sun": [] },
        "rules": { "pii.card": { "severity": "block" } },
        "failMode": "open"
      }
    }
  }
}`,
    "JSON",
  )}
  ${p(
    "No Windows, use as GPOs do Chrome (3rdparty) ou o registro em Software\\Policies\\Google\\Chrome\\3rdparty\\extensions\\<id>\\policy.",
    "En Windows, usa las GPO de Chrome (3rdparty) o el registro en Software\\Policies\\Google\\Chrome\\3rdparty\\extensions\\<id>\\policy.",
    "On Windows, use Chrome's GPOs (3rdparty) or the registry under Software\\Policies\\Google\\Chrome\\3rdparty\\extensions\\<id>\\policy.",
  )}
  <h3>Firefox (<code>policies.json</code>)</h3>
  ${code(
    `{
  "policies": {
    "3rdparty": {
      "Extensions": {
        "conforma@conforma.app": { "timezone": "America/Sao_Paulo", "failMode": "open" }
      }
    }
  }
}`,
    "JSON",
  )}
</section>
</div>`;
  return {
    title: t("Documentação — Conforma", "Documentación — Conforma", "Documentation — Conforma"),
    description: t(
      "API do pacote npm, CLI, configurações da extensão e política gerenciada do Conforma.",
      "API del paquete npm, CLI, ajustes de la extensión y política gestionada de Conforma.",
      "Conforma's npm API, CLI, extension settings and managed policy.",
    ),
    body,
    ui: {},
  };
}
