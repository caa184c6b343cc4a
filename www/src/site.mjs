// Page templates of the site. Pure functions of (locale, engine catalog) → HTML strings,
// rendered at build time by scripts/build-www.mjs for every locale.

import { esc, inlineJson, code } from "./html.mjs";
import { LOCALES, translator, CATEGORY_NAMES, GROUPS, SEVERITY_NAMES, categoryName } from "./i18n.mjs";
import { EXAMPLES } from "./examples.mjs";
import { docsPage } from "./docs.mjs";

/** The pages of each locale: key, folder (relative to the locale's root). */
export const PAGES = [
  { key: "home", dir: "" },
  { key: "demo", dir: "demo/" },
  { key: "rules", dir: "rules/" },
  { key: "docs", dir: "docs/" },
];

// Strict policy: only this origin, wasm compilation allowed, nothing inline but JSON data.
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

const LOGO = `<svg class="logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false"><path fill="currentColor" d="M16 2a14 14 0 0 0-12.1 21L2 30l7.2-1.9A14 14 0 1 0 16 2Zm0 3a11 11 0 1 1-5.6 20.5l-.4-.2-4.1 1.1 1.1-4-.3-.4A11 11 0 0 1 16 5Z"/><path fill="currentColor" d="m13.6 21.2-5-5 2.1-2.1 2.9 2.9 7.7-7.7 2.1 2.1z"/></svg>`;

const SEND_ICON = `<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false"><path fill="currentColor" d="M3.4 20.4 21 12 3.4 3.6l-.1 6.5L15 12l-11.7 1.9z"/></svg>`;

/** Everything a page template needs. */
function pageContext(locale, pageKey, catalog) {
  const t = translator(locale);
  const loc = LOCALES.find((l) => l.id === locale);
  const page = PAGES.find((p) => p.key === pageKey);
  const depth = (loc.prefix + page.dir).split("/").filter(Boolean).length;
  const base = "../".repeat(depth) || "./";
  const href = (key, l = loc) => base + l.prefix + PAGES.find((p) => p.key === key).dir;
  return { t, locale, loc, page, base, href, catalog };
}

function layout(ctx, { title, description, body, ui }) {
  const { t, locale, loc, page, base, href } = ctx;
  const nav = [
    ["home", t("Início", "Inicio", "Home")],
    ["demo", t("Demo", "Demo", "Demo")],
    ["rules", t("Regras", "Reglas", "Rules")],
    ["docs", t("Documentação", "Documentación", "Docs")],
  ];
  const navItems = nav
    .map(([key, label]) => `<li><a href="${href(key)}"${key === page.key ? ' aria-current="page"' : ""}>${esc(label)}</a></li>`)
    .join("");
  const langItems = LOCALES.map(
    (l) =>
      `<li><a href="${href(page.key, l)}" hreflang="${l.id}" lang="${l.id}" title="${esc(l.name)}"${
        l.id === locale ? ' aria-current="true"' : ""
      } data-lang="${l.id}"><span aria-hidden="true">${l.short}</span><span class="visually-hidden">${esc(l.name)}</span></a></li>`,
  ).join("");
  const alternates = LOCALES.map((l) => `<link rel="alternate" hreflang="${l.id}" href="${href(page.key, l)}">`).join("\n");
  const uiData = { locale, page: page.key, ...ui };
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<meta name="description" content="${esc(description)}">
<meta name="color-scheme" content="light">
<link rel="icon" href="${base}assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${base}assets/style.css">
${alternates}
</head>
<body data-page="${page.key}">
<a class="skip-link" href="#main">${esc(t("Pular para o conteúdo", "Saltar al contenido", "Skip to content"))}</a>
<header class="site-header">
  <div class="wrap header-inner">
    <a class="brand" href="${href("home")}">${LOGO}<span>Conforma</span></a>
    <nav class="main-nav" aria-label="${esc(t("Principal", "Principal", "Main"))}"><ul>${navItems}</ul></nav>
    <nav class="lang-switch" aria-label="${esc(t("Idioma", "Idioma", "Language"))}"><ul>${langItems}</ul></nav>
  </div>
</header>
<main id="main" tabindex="-1">
${body}
</main>
<footer class="site-footer">
  <div class="wrap footer-inner">
    <p>Conforma ${esc(ctx.catalog.version)} · ${esc(
      t(
        "Roda no seu navegador. Sem servidores, sem cookies, sem rastreamento.",
        "Se ejecuta en tu navegador. Sin servidores, sin cookies, sin rastreo.",
        "Runs in your browser. No servers, no cookies, no tracking.",
      ),
    )}</p>
    <p>${esc(
      t(
        "Conforma ajuda a seguir as políticas do WhatsApp e a LGPD; não é aconselhamento jurídico.",
        "Conforma ayuda a cumplir las políticas de WhatsApp y la protección de datos; no es asesoría legal.",
        "Conforma helps you follow WhatsApp's policies and data-protection law; it is not legal advice.",
      ),
    )}</p>
  </div>
</footer>
<script type="application/json" id="ui">${inlineJson(uiData)}</script>
<script type="module" src="${base}assets/app.js"></script>
</body>
</html>
`;
}

/** Strings the client script needs, in the page's locale. */
function clientStrings(ctx) {
  const { t, locale } = ctx;
  return {
    loading: t("Carregando o verificador local…", "Cargando el verificador local…", "Loading the local checker…"),
    loadFailed: t(
      "Não foi possível carregar o verificador (WebAssembly). Atualize a página.",
      "No se pudo cargar el verificador (WebAssembly). Recarga la página.",
      "The checker (WebAssembly) could not load. Reload the page.",
    ),
    empty: t("Digite uma mensagem para verificar.", "Escribe un mensaje para verificarlo.", "Type a message to check it."),
    clean: t("Nenhum problema encontrado.", "No se encontró ningún problema.", "No problems found."),
    countOne: t("1 problema encontrado", "1 problema encontrado", "1 problem found"),
    countMany: t("{n} problemas encontrados", "{n} problemas encontrados", "{n} problems found"),
    contextFinding: t("Contexto do envio", "Contexto del envío", "Sending context"),
    suggestion: t("Sugestão:", "Sugerencia:", "Suggestion:"),
    showInText: t("Selecionar no texto:", "Seleccionar en el texto:", "Select in text:"),
    inputError: t("Não foi possível verificar:", "No se pudo verificar:", "Could not check:"),
    configError: t("Configuração inválida:", "Configuración inválida:", "Invalid configuration:"),
    configOk: t("Configuração aplicada.", "Configuración aplicada.", "Configuration applied."),
    sent: t("Enviada (só nesta página)", "Enviado (solo en esta página)", "Sent (on this page only)"),
    confirmBlock: t(
      "Esta mensagem tem um problema que bloqueia o envio. Corrija o texto ou clique em enviar de novo para enviar assim mesmo.",
      "Este mensaje tiene un problema que bloquea el envío. Corrige el texto o pulsa enviar otra vez para enviarlo igualmente.",
      "This message has a blocking problem. Fix the text, or press send again to send it anyway.",
    ),
    engineReady: t(
      "Verificador {v} carregado em {ms} ms, neste navegador.",
      "Verificador {v} cargado en {ms} ms, en este navegador.",
      "Checker {v} loaded in {ms} ms, in this browser.",
    ),
    inboundEmpty: t(
      "Cole ou digite uma mensagem do cliente.",
      "Pega o escribe un mensaje del cliente.",
      "Paste or type a message from the customer.",
    ),
    inboundOptOut: t(
      "Opt-out: o cliente pediu para não receber mais mensagens.",
      "Opt-out: el cliente pidió no recibir más mensajes.",
      "Opt-out: the customer asked to stop receiving messages.",
    ),
    inboundOptIn: t(
      "Opt-in: o cliente aceitou receber mensagens.",
      "Opt-in: el cliente aceptó recibir mensajes.",
      "Opt-in: the customer agreed to receive messages.",
    ),
    inboundNone: t(
      "Nenhum pedido de opt-out ou opt-in.",
      "Ningún pedido de opt-out ni de opt-in.",
      "No opt-out or opt-in request.",
    ),
    applyOptOut: t("Marcar o contato como descadastrado", "Marcar el contacto como dado de baja", "Mark the contact as opted out"),
    applyOptIn: t("Registrar o opt-in do contato", "Registrar el opt-in del contacto", "Record the contact's opt-in"),
    applied: t("Contato atualizado nos controles de contexto.", "Contacto actualizado en los controles de contexto.", "Contact updated in the context controls."),
    categoryNames: Object.fromEntries(Object.entries(CATEGORY_NAMES).map(([id, names]) => [id, names[locale]])),
    severityNames: Object.fromEntries(Object.entries(SEVERITY_NAMES).map(([id, names]) => [id, names[locale]])),
  };
}

/** The WhatsApp-like compose box with its findings panel. */
function composer(ctx, { id, initial = "", chat = true }) {
  const { t } = ctx;
  const head = chat
    ? `<div class="chat-head">
        <span class="avatar" aria-hidden="true">M</span>
        <div class="chat-who"><p class="chat-name">${esc(t("Marina · cliente", "Marina · cliente", "Marina · customer"))}</p><p class="chat-status">${esc(t("online", "en línea", "online"))}</p></div>
        <span class="chat-badge">${esc(t("verificação local", "verificación local", "local check"))}</span>
      </div>
      <div class="chat-body" role="log" aria-label="${esc(t("Conversa de exemplo", "Conversación de ejemplo", "Example conversation"))}" tabindex="0">
        <p class="bubble in">${esc(t("Oi! Vocês têm alguma promoção hoje?", "¡Hola! ¿Tienen alguna promoción hoy?", "Hi! Any deals today?"))}<span class="bubble-time">09:41</span></p>
      </div>`
    : "";
  return `<div class="composer" data-composer="${id}" data-direction="outbound">
    <div class="phone">
      ${head}
      <div class="compose-row">
        <label class="visually-hidden" for="${id}-input">${esc(t("Mensagem para o cliente", "Mensaje para el cliente", "Message to the customer"))}</label>
        <div class="compose-field">
          <div class="compose-backdrop" aria-hidden="true"><div class="compose-layer"></div></div>
          <textarea id="${id}-input" class="compose-input" rows="2" spellcheck="false" autocomplete="off" aria-describedby="${id}-summary" placeholder="${esc(
            t("Digite uma mensagem", "Escribe un mensaje", "Type a message"),
          )}">${esc(initial)}</textarea>
        </div>
        <button type="button" class="send-btn" aria-label="${esc(t("Enviar (simulação)", "Enviar (simulación)", "Send (simulated)"))}">${SEND_ICON}</button>
      </div>
    </div>
    <div class="findings">
      <p class="summary" id="${id}-summary" role="status">${esc(t("Carregando o verificador local…", "Cargando el verificador local…", "Loading the local checker…"))}</p>
      <p class="send-note" role="alert" hidden></p>
      <ol class="finding-list"></ol>
    </div>
  </div>`;
}

function privacyNote(ctx) {
  const { t } = ctx;
  return `<p class="privacy-note"><span class="lock" aria-hidden="true">🔒</span> ${esc(
    t(
      "O texto nunca sai desta página: a verificação roda em WebAssembly no seu navegador, e nenhuma requisição é feita depois que a página carrega.",
      "El texto nunca sale de esta página: la verificación se ejecuta en WebAssembly en tu navegador y no se hace ninguna petición después de cargar la página.",
      "The text never leaves this page: checking runs in WebAssembly in your browser, and no request is made after the page has loaded.",
    ),
  )}</p>`;
}

function homePage(ctx) {
  const { t, href, catalog, locale } = ctx;
  const cats = catalog.categories.length;
  const ruleCount = catalog.rules.length;
  const audience = [
    [
      t("Gestores de compliance", "Responsables de cumplimiento", "Compliance managers"),
      t(
        "Definem horários, feriados, regras e termos da empresa uma vez, com política gerenciada para toda a equipe e registro de avisos sem guardar o texto.",
        "Definen horarios, feriados, reglas y términos de la empresa una vez, con política gestionada para todo el equipo y registro de avisos sin guardar el texto.",
        "Set hours, holidays, rules and company terms once, push them as a managed policy to the whole team, and keep a log of warnings without storing the text.",
      ),
    ],
    [
      t("Atendentes", "Agentes de atención", "Agents"),
      t(
        "Veem o trecho problemático sublinhado enquanto digitam no WhatsApp Web, com o motivo e uma sugestão no seu idioma.",
        "Ven el fragmento problemático subrayado mientras escriben en WhatsApp Web, con el motivo y una sugerencia en su idioma.",
        "See the problematic words underlined as they type in WhatsApp Web, with the reason and a suggestion in their language.",
      ),
    ],
    [
      t("Desenvolvedores", "Desarrolladores", "Developers"),
      t(
        "Usam o mesmo motor no seu sistema: pacote npm com tipos TypeScript e uma CLI para verificar mensagens e medir a precisão.",
        "Usan el mismo motor en su sistema: paquete npm con tipos de TypeScript y una CLI para verificar mensajes y medir la precisión.",
        "Use the same engine in your own system: an npm package with TypeScript types and a CLI to check messages and measure accuracy.",
      ),
    ],
  ];
  const groups = [...new Set(catalog.categories.map((c) => c.group))];
  const groupCards = groups
    .map((g) => {
      const ids = catalog.categories.filter((c) => c.group === g).map((c) => categoryName(c.id, locale));
      const info = GROUPS[g];
      return `<li class="card"><h3>${esc(info?.name[locale] ?? g)}</h3><p>${esc(info?.blurb[locale] ?? "")}</p><p class="chips">${ids
        .map((n) => `<span class="chip">${esc(n)}</span>`)
        .join(" ")}</p></li>`;
    })
    .join("");
  const body = `
<section class="hero">
  <div class="wrap hero-inner">
    <div class="hero-copy">
      <p class="eyebrow">${esc(t("Extensão para WhatsApp Web · pacote npm", "Extensión para WhatsApp Web · paquete npm", "WhatsApp Web extension · npm package"))}</p>
      <h1>${esc(t("Avisa antes de enviar o que o WhatsApp não permite.", "Avisa antes de enviar lo que WhatsApp no permite.", "Warns before you send what WhatsApp does not allow."))}</h1>
      <p class="lead">${esc(
        t(
          "Conforma verifica cada mensagem enquanto o atendente digita: produtos proibidos, dados pessoais expostos, cobrança abusiva, clientes que pediram para sair, envios fora do horário. Tudo localmente, no navegador.",
          "Conforma revisa cada mensaje mientras el agente escribe: productos prohibidos, datos personales expuestos, cobranza abusiva, clientes que pidieron la baja, envíos fuera de horario. Todo localmente, en el navegador.",
          "Conforma checks every message while the agent types: prohibited goods, exposed personal data, abusive debt collection, customers who opted out, messages sent out of hours. All locally, in the browser.",
        ),
      )}</p>
      <p class="cta"><a class="button primary" href="${href("demo")}">${esc(t("Abrir a demo completa", "Abrir la demo completa", "Open the full demo"))}</a>
      <a class="button" href="#install">${esc(t("Instalar", "Instalar", "Install"))}</a></p>
      ${privacyNote(ctx)}
    </div>
    <div class="hero-demo">
      <h2 class="visually-hidden">${esc(t("Experimente agora", "Pruébalo ahora", "Try it now"))}</h2>
      <p class="try-hint" id="hero-hint">${esc(t("Experimente: edite a mensagem abaixo.", "Pruébalo: edita el mensaje de abajo.", "Try it: edit the message below."))}</p>
      ${composer(ctx, {
        id: "hero",
        initial: t(
          "Oi, Marina! Hoje tem promoção: vamos tomar uma cerveja 🍺 na loja?",
          "¡Hola, Marina! Hoy hay promo: ¿te invito una cerveza 🍺 en la tienda?",
          "Hi Marina! Today's deal: come have a beer 🍺 at the store?",
        ),
      })}
    </div>
  </div>
</section>
<section class="band" aria-labelledby="who-h">
  <div class="wrap">
    <h2 id="who-h">${esc(t("Para quem", "Para quién", "Who it is for"))}</h2>
    <ul class="cards three">${audience.map(([h, p]) => `<li class="card"><h3>${esc(h)}</h3><p>${esc(p)}</p></li>`).join("")}</ul>
  </div>
</section>
<section class="band alt" aria-labelledby="what-h">
  <div class="wrap">
    <h2 id="what-h">${esc(t("O que verifica", "Qué verifica", "What it checks"))}</h2>
    <p>${esc(
      t(
        `${ruleCount} regras embutidas em ${cats} categorias, em português, espanhol e inglês.`,
        `${ruleCount} reglas integradas en ${cats} categorías, en portugués, español e inglés.`,
        `${ruleCount} built-in rules in ${cats} categories, in Portuguese, Spanish and English.`,
      ),
    )} <a href="${href("rules")}">${esc(t("Ver o catálogo de regras", "Ver el catálogo de reglas", "See the rule catalog"))}</a></p>
    <ul class="cards three">${groupCards}</ul>
  </div>
</section>
<section class="band" aria-labelledby="privacy-h">
  <div class="wrap narrow">
    <h2 id="privacy-h">${esc(t("Privado por construção", "Privado por diseño", "Private by design"))}</h2>
    <p>${esc(
      t(
        "O motor é escrito em Rust e compilado para WebAssembly. A extensão e esta página o executam dentro do navegador: a mensagem não vai para nenhum servidor, nem nosso nem de terceiros. Esta página não usa fontes externas, CDNs nem analytics.",
        "El motor está escrito en Rust y compilado a WebAssembly. La extensión y esta página lo ejecutan dentro del navegador: el mensaje no va a ningún servidor, ni nuestro ni de terceros. Esta página no usa fuentes externas, CDN ni analíticas.",
        "The engine is written in Rust and compiled to WebAssembly. The extension and this page run it inside the browser: the message goes to no server, ours or anyone else's. This page uses no external fonts, CDNs or analytics.",
      ),
    )}</p>
  </div>
</section>
<section class="band alt" id="install" aria-labelledby="install-h">
  <div class="wrap">
    <h2 id="install-h">${esc(t("Instalar", "Instalar", "Install"))}</h2>
    <div class="cards three install">
      <section class="card" aria-labelledby="inst-chromium">
        <h3 id="inst-chromium">Chrome, Edge, Brave (Chromium)</h3>
        <ol>
          <li>${esc(t("Baixe e descompacte", "Descarga y descomprime", "Download and unzip"))} <code>conforma-chromium.zip</code> ${esc(t("(ou use", "(o usa", "(or use"))} <code>dist/extension/chromium</code>).</li>
          <li>${esc(t("Abra", "Abre", "Open"))} <code>chrome://extensions</code> ${esc(t("e ative o Modo do desenvolvedor.", "y activa el Modo de desarrollador.", "and turn on Developer mode."))}</li>
          <li>${esc(t("Clique em “Carregar sem compactação” e escolha a pasta.", "Pulsa “Cargar descomprimida” y elige la carpeta.", "Click “Load unpacked” and pick the folder."))}</li>
          <li>${esc(t("Abra o WhatsApp Web: os avisos aparecem ao digitar.", "Abre WhatsApp Web: los avisos aparecen al escribir.", "Open WhatsApp Web: warnings appear as you type."))}</li>
        </ol>
      </section>
      <section class="card" aria-labelledby="inst-firefox">
        <h3 id="inst-firefox">Firefox</h3>
        <ol>
          <li>${esc(t("Baixe", "Descarga", "Download"))} <code>conforma-firefox.zip</code> ${esc(t("(ou use", "(o usa", "(or use"))} <code>dist/extension/firefox</code>).</li>
          <li>${esc(t("Abra", "Abre", "Open"))} <code>about:debugging#/runtime/this-firefox</code>.</li>
          <li>${esc(t("Clique em “Carregar extensão temporária” e escolha o", "Pulsa “Cargar complemento temporal” y elige el", "Click “Load Temporary Add-on” and pick the"))} <code>manifest.json</code>.</li>
          <li>${esc(t("Para toda a empresa, distribua por política gerenciada (veja a documentação).", "Para toda la empresa, distribúyela por política gestionada (ver la documentación).", "For a whole company, deploy it with a managed policy (see the docs)."))}</li>
        </ol>
      </section>
      <section class="card" aria-labelledby="inst-npm">
        <h3 id="inst-npm">${esc(t("Pacote npm", "Paquete npm", "npm package"))}</h3>
        ${code("npm install conforma", "shell")}
        ${code(`import { Engine } from "conforma";

const engine = new Engine({ locale: "pt-BR" });
const r = engine.check("vamos tomar uma cerveja");
// r.findings[0].rule === "commerce.alcohol"`, "JavaScript")}
        <p><a href="${href("docs")}">${esc(t("Documentação da API e da CLI", "Documentación de la API y la CLI", "API and CLI documentation"))}</a></p>
      </section>
    </div>
    <p class="run-local">${esc(t("Para rodar este site e a demo localmente:", "Para ejecutar este sitio y la demo localmente:", "To run this site and the demo locally:"))}</p>
    ${code("npm run demo     # http://127.0.0.1:8787", "shell")}
  </div>
</section>`;
  return layout(ctx, {
    title: t("Conforma — conformidade no WhatsApp antes de enviar", "Conforma — cumplimiento en WhatsApp antes de enviar", "Conforma — WhatsApp compliance before you send"),
    description: t(
      "Extensão e pacote npm que avisam, localmente no navegador, quando uma mensagem de WhatsApp viola as políticas do WhatsApp ou a LGPD.",
      "Extensión y paquete npm que avisan, localmente en el navegador, cuando un mensaje de WhatsApp infringe las políticas de WhatsApp o la protección de datos.",
      "Browser extension and npm package that warn, locally in the browser, when a WhatsApp message breaks WhatsApp's policies or data-protection law.",
    ),
    body,
    ui: { strings: clientStrings(ctx) },
  });
}

const TIMEZONES = [
  "America/Sao_Paulo",
  "America/Manaus",
  "America/Recife",
  "America/Rio_Branco",
  "America/Argentina/Buenos_Aires",
  "America/Bogota",
  "America/Lima",
  "America/Mexico_City",
  "America/Santiago",
  "Europe/Madrid",
  "Europe/Lisbon",
  "America/New_York",
  "UTC",
];

function demoPage(ctx) {
  const { t, locale } = ctx;
  const examples = EXAMPLES.map((ex, i) => {
    const label = ex.clean ? ex.label[locale] : categoryName(ex.category, locale);
    const kind = ex.clean ? "clean" : ex.direction === "inbound" ? "inbound" : ex.context ? "context" : "content";
    return `<li><button type="button" class="chip-btn ${kind}" data-example="${i}"${ex.category ? ` data-category="${esc(ex.category)}"` : ""}>${esc(label)}</button></li>`;
  }).join("");
  const dayRow = (key, label, open, from, to) => `
      <div class="hours-row" data-days="${key}">
        <input type="checkbox" id="h-${key}-open" ${open ? "checked" : ""}>
        <label for="h-${key}-open" class="day-label">${esc(label)}</label>
        <label class="visually-hidden" for="h-${key}-from">${esc(label)} · ${esc(t("abre às", "abre a las", "opens at"))}</label>
        <input type="time" id="h-${key}-from" value="${from}" step="900">
        <span aria-hidden="true">–</span>
        <label class="visually-hidden" for="h-${key}-to">${esc(label)} · ${esc(t("fecha às", "cierra a las", "closes at"))}</label>
        <input type="time" id="h-${key}-to" value="${to}" step="900">
      </div>`;
  const quick = [
    ["now", t("Agora", "Ahora", "Now")],
    ["tue10", t("Terça 10:00", "Martes 10:00", "Tuesday 10:00")],
    ["tue21", t("Terça 21:30", "Martes 21:30", "Tuesday 21:30")],
    ["sat15", t("Sábado 15:00", "Sábado 15:00", "Saturday 15:00")],
    ["sun10", t("Domingo 10:00", "Domingo 10:00", "Sunday 10:00")],
  ];
  const body = `
<div class="wrap page-head">
  <h1>${esc(t("Demo ao vivo", "Demo en vivo", "Live demo"))}</h1>
  <p class="lead">${esc(
    t(
      "Escreva como um atendente, ajuste o contexto (hora, horário comercial, consentimento do contato, última mensagem recebida) e veja os avisos que a extensão mostraria.",
      "Escribe como un agente, ajusta el contexto (hora, horario comercial, consentimiento del contacto, último mensaje recibido) y mira los avisos que mostraría la extensión.",
      "Write as an agent, adjust the context (time, business hours, the contact's consent, last inbound message) and see the warnings the extension would show.",
    ),
  )}</p>
  ${privacyNote(ctx)}
  <p class="engine-status" id="engine-status"></p>
</div>
<div class="wrap demo-grid">
  <section class="demo-main" aria-labelledby="compose-h">
    <h2 id="compose-h">${esc(t("Mensagem do atendente", "Mensaje del agente", "Agent's message"))}</h2>
    <div class="examples">
      <h3 id="examples-h">${esc(t("Exemplos", "Ejemplos", "Examples"))}</h3>
      <p class="hint">${esc(
        t(
          "Um clique carrega uma mensagem de cada categoria; os de contexto também ajustam os controles, e os “limpos” parecem suspeitos mas não são.",
          "Un clic carga un mensaje de cada categoría; los de contexto también ajustan los controles, y los “limpios” parecen sospechosos pero no lo son.",
          "One click loads a message for each category; context ones also set the controls, and “clean” ones look suspicious but are fine.",
        ),
      )}</p>
      <ul class="example-list" aria-labelledby="examples-h">${examples}</ul>
    </div>
    ${composer(ctx, { id: "demo", initial: "" })}
  </section>
  <aside class="demo-context" aria-labelledby="ctx-h">
    <h2 id="ctx-h">${esc(t("Contexto", "Contexto", "Context"))}</h2>
    <fieldset>
      <legend>${esc(t("Relógio", "Reloj", "Clock"))}</legend>
      <div class="field-row">
        <label for="ctx-now">${esc(t("Data e hora atuais", "Fecha y hora actuales", "Current date and time"))}</label>
        <input type="datetime-local" id="ctx-now" step="60" aria-describedby="ctx-weekday">
        <output id="ctx-weekday" for="ctx-now ctx-tz" class="weekday"></output>
      </div>
      <div class="quick" role="group" aria-label="${esc(t("Atalhos de horário", "Atajos de horario", "Time shortcuts"))}">
        ${quick.map(([k, l]) => `<button type="button" class="small-btn" data-clock="${k}">${esc(l)}</button>`).join("")}
      </div>
      <div class="field-row">
        <label for="ctx-tz">${esc(t("Fuso horário", "Zona horaria", "Time zone"))}</label>
        <select id="ctx-tz">${TIMEZONES.map((z) => `<option value="${z}">${z.replace(/_/g, " ")}</option>`).join("")}</select>
      </div>
    </fieldset>
    <fieldset>
      <legend>${esc(t("Horário comercial", "Horario comercial", "Business hours"))}</legend>
      ${dayRow("weekdays", t("Seg a sex", "Lun a vie", "Mon to Fri"), true, "08:00", "18:00")}
      ${dayRow("sat", t("Sábado", "Sábado", "Saturday"), true, "09:00", "13:00")}
      ${dayRow("sun", t("Domingo", "Domingo", "Sunday"), false, "09:00", "13:00")}
      <div class="check-row"><input type="checkbox" id="ctx-holidays" checked><label for="ctx-holidays">${esc(
        t("Feriados nacionais do Brasil", "Feriados nacionales de Brasil", "Brazilian national holidays"),
      )}</label></div>
    </fieldset>
    <fieldset>
      <legend>${esc(t("Contato", "Contacto", "Contact"))}</legend>
      <div class="field-row">
        <label for="ctx-optin">${esc(t("Consentimento (opt-in)", "Consentimiento (opt-in)", "Consent (opt-in)"))}</label>
        <select id="ctx-optin">
          <option value="granted">${esc(t("Concedido", "Otorgado", "Granted"))}</option>
          <option value="unknown">${esc(t("Não registrado", "No registrado", "Not recorded"))}</option>
          <option value="denied">${esc(t("Recusado", "Rechazado", "Refused"))}</option>
        </select>
      </div>
      <div class="check-row"><input type="checkbox" id="ctx-optedout"><label for="ctx-optedout">${esc(
        t("Pediu para sair (opt-out) há 1 hora", "Pidió la baja (opt-out) hace 1 hora", "Opted out 1 hour ago"),
      )}</label></div>
      <div class="field-row">
        <label for="ctx-inbound">${esc(t("Última mensagem do contato", "Último mensaje del contacto", "Contact's last message"))}</label>
        <select id="ctx-inbound">
          <option value="10">${esc(t("há 10 minutos", "hace 10 minutos", "10 minutes ago"))}</option>
          <option value="180">${esc(t("há 3 horas", "hace 3 horas", "3 hours ago"))}</option>
          <option value="1380">${esc(t("há 23 horas", "hace 23 horas", "23 hours ago"))}</option>
          <option value="2880">${esc(t("há 2 dias", "hace 2 días", "2 days ago"))}</option>
          <option value="never">${esc(t("nunca escreveu", "nunca escribió", "never wrote"))}</option>
        </select>
      </div>
    </fieldset>
    <fieldset>
      <legend>${esc(t("Onde a mensagem é enviada", "Desde dónde se envía", "Where the message is sent from"))}</legend>
      <div class="check-row"><input type="radio" name="surface" id="ctx-app" value="app" checked><label for="ctx-app">${esc(
        t("App WhatsApp Business / WhatsApp Web", "App WhatsApp Business / WhatsApp Web", "WhatsApp Business app / WhatsApp Web"),
      )}</label></div>
      <div class="check-row"><input type="radio" name="surface" id="ctx-platform" value="platform"><label for="ctx-platform">${esc(
        t("Plataforma WhatsApp Business (API)", "Plataforma WhatsApp Business (API)", "WhatsApp Business Platform (API)"),
      )}</label></div>
    </fieldset>
    <p class="config-status" id="config-status" role="status"></p>
  </aside>
</div>
<section class="wrap inbound" aria-labelledby="inbound-h">
  <h2 id="inbound-h">${esc(t("Mensagem recebida do cliente", "Mensaje recibido del cliente", "Message received from the customer"))}</h2>
  <p class="hint">${esc(
    t(
      "A extensão lê as mensagens recebidas para registrar quem pediu para sair (opt-out) ou aceitou receber (opt-in).",
      "La extensión lee los mensajes recibidos para registrar quién pidió la baja (opt-out) o aceptó recibir (opt-in).",
      "The extension reads inbound messages to record who asked to stop (opt-out) or agreed to receive messages (opt-in).",
    ),
  )}</p>
  <div class="composer inbound-composer" data-composer="inbound" data-direction="inbound">
    <label for="inbound-input">${esc(t("Mensagem do cliente", "Mensaje del cliente", "Customer's message"))}</label>
    <div class="compose-field boxed">
      <div class="compose-backdrop" aria-hidden="true"><div class="compose-layer"></div></div>
      <textarea id="inbound-input" class="compose-input" rows="2" spellcheck="false" autocomplete="off" aria-describedby="inbound-summary" placeholder="${esc(
        t("Ex.: PARAR", "Ej.: BAJA", "E.g. STOP"),
      )}"></textarea>
    </div>
    <div class="findings">
      <p class="summary classification" id="inbound-summary" role="status" data-classification="none"></p>
      <p><button type="button" class="button" id="inbound-apply" hidden></button></p>
      <ol class="finding-list"></ol>
    </div>
  </div>
</section>`;
  return layout(ctx, {
    title: t("Demo ao vivo — Conforma", "Demo en vivo — Conforma", "Live demo — Conforma"),
    description: t(
      "Digite uma mensagem e veja, no seu navegador, os avisos de conformidade do WhatsApp.",
      "Escribe un mensaje y mira, en tu navegador, los avisos de cumplimiento de WhatsApp.",
      "Type a message and see WhatsApp compliance warnings, computed in your browser.",
    ),
    body,
    ui: {
      strings: clientStrings(ctx),
      examples: EXAMPLES.map((ex) => ({
        category: ex.category ?? null,
        clean: Boolean(ex.clean),
        direction: ex.direction ?? "outbound",
        context: ex.context ?? null,
        text: ex.text[locale],
      })),
    },
  });
}

function rulesPage(ctx) {
  const { t, locale, catalog, href } = ctx;
  const groups = [...new Set(catalog.categories.map((c) => c.group))];
  const toc = groups
    .map((g) => `<li><a href="#group-${esc(g)}">${esc(GROUPS[g]?.name[locale] ?? g)}</a></li>`)
    .join("");
  const sev = (s) => `<span class="badge badge-${esc(s)}">${esc(SEVERITY_NAMES[s]?.[locale] ?? s)}</span>`;
  const demoLink = (text) => `${href("demo")}?text=${encodeURIComponent(text)}`;
  const ruleHtml = (r) => `
        <article class="rule" id="rule-${esc(r.id)}" data-rule="${esc(r.id)}">
          <h4><code>${esc(r.id)}</code> ${sev(r.severity)} ${
            r.enabled ? "" : `<span class="badge badge-off">${esc(t("desligada por padrão", "desactivada por defecto", "off by default"))}</span>`
          }</h4>
          <dl>
            <dt>${esc(t("Política", "Política", "Policy"))}</dt><dd>${esc(r.policy[locale])}</dd>
            <dt>${esc(t("Mensagem", "Mensaje", "Message"))}</dt><dd>${esc(r.message[locale])}</dd>
            ${r.suggestion ? `<dt>${esc(t("Sugestão", "Sugerencia", "Suggestion"))}</dt><dd>${esc(r.suggestion[locale])}</dd>` : ""}
            ${
              r.examples.length
                ? `<dt>${esc(t("Exemplos", "Ejemplos", "Examples"))}</dt><dd><ul class="rule-examples">${r.examples
                    .map(
                      (ex) =>
                        `<li><q>${esc(ex)}</q>${
                          r.category === "opt_out" || r.category === "opt_in" || catalog.categories.find((c) => c.id === r.category)?.group === "context"
                            ? ""
                            : ` <a class="try" href="${esc(demoLink(ex))}">${esc(t("testar na demo", "probar en la demo", "try in the demo"))}<span class="visually-hidden">: ${esc(ex)}</span></a>`
                        }</li>`,
                    )
                    .join("")}</ul></dd>`
                : ""
            }
          </dl>
        </article>`;
  const sections = groups
    .map((g) => {
      const cats = catalog.categories.filter((c) => c.group === g);
      const catHtml = cats
        .map((c) => {
          const rs = catalog.rules.filter((r) => r.category === c.id);
          const none =
            c.id === "custom"
              ? t(
                  "Definida pelos pacotes personalizados da sua empresa (veja a documentação).",
                  "La definen los paquetes personalizados de tu empresa (ver la documentación).",
                  "Defined by your company's custom packs (see the docs).",
                )
              : t(
                  "Nenhuma regra embutida nesta versão do motor.",
                  "Ninguna regla integrada en esta versión del motor.",
                  "No built-in rule in this engine version.",
                );
          return `
      <section class="category" id="cat-${esc(c.id)}" data-category="${esc(c.id)}" aria-labelledby="cat-${esc(c.id)}-h">
        <h3 id="cat-${esc(c.id)}-h">${esc(categoryName(c.id, locale))} <code class="cat-id">${esc(c.id)}</code></h3>
        ${rs.length ? rs.map(ruleHtml).join("") : `<p class="muted">${esc(none)}</p>`}
      </section>`;
        })
        .join("");
      return `
    <section class="group" id="group-${esc(g)}" aria-labelledby="group-${esc(g)}-h">
      <h2 id="group-${esc(g)}-h">${esc(GROUPS[g]?.name[locale] ?? g)}</h2>
      <p>${esc(GROUPS[g]?.blurb[locale] ?? "")}</p>
      ${catHtml}
    </section>`;
    })
    .join("");
  const body = `
<div class="wrap page-head">
  <h1>${esc(t("Catálogo de regras", "Catálogo de reglas", "Rule catalog"))}</h1>
  <p class="lead">${esc(
    t(
      `Gerado automaticamente a partir do motor Conforma ${catalog.version} no momento do build: ${catalog.rules.length} regras em ${catalog.categories.length} categorias. Os ids de regra e de categoria são estáveis e podem ser usados na configuração.`,
      `Generado automáticamente a partir del motor Conforma ${catalog.version} al compilar el sitio: ${catalog.rules.length} reglas en ${catalog.categories.length} categorías. Los ids de regla y de categoría son estables y se pueden usar en la configuración.`,
      `Generated from the Conforma ${catalog.version} engine when the site is built: ${catalog.rules.length} rules in ${catalog.categories.length} categories. Rule and category ids are stable and can be used in the configuration.`,
    ),
  )}</p>
  <nav class="toc" aria-label="${esc(t("Grupos de regras", "Grupos de reglas", "Rule groups"))}"><ul>${toc}</ul></nav>
</div>
<div class="wrap catalog">${sections}
</div>`;
  return layout(ctx, {
    title: t("Regras — Conforma", "Reglas — Conforma", "Rules — Conforma"),
    description: t(
      "Todas as regras embutidas do Conforma: categorias, ids, severidades, políticas e exemplos.",
      "Todas las reglas integradas de Conforma: categorías, ids, severidades, políticas y ejemplos.",
      "Every built-in Conforma rule: categories, ids, severities, policies and examples.",
    ),
    body,
    ui: {},
  });
}

/**
 * Renders every page of every locale.
 * @param {{version: string, rules: object[], categories: {id: string, group: string}[]}} catalog
 * @returns {{path: string, html: string}[]} paths relative to the site root
 */
export function renderSite(catalog) {
  const out = [];
  for (const loc of LOCALES) {
    for (const page of PAGES) {
      const ctx = pageContext(loc.id, page.key, catalog);
      const html =
        page.key === "home"
          ? homePage(ctx)
          : page.key === "demo"
            ? demoPage(ctx)
            : page.key === "rules"
              ? rulesPage(ctx)
              : layout(ctx, docsPage(ctx));
      out.push({ path: `${loc.prefix}${page.dir}index.html`, html });
    }
  }
  return out;
}
