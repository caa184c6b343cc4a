// Build-time i18n: every user-facing string is written once per locale, side by side,
// through `t(pt, es, en)`, so a missing translation fails the build instead of shipping.

/** The site's locales: pt-BR at the root, the others under their own folder. */
export const LOCALES = [
  { id: "pt-BR", prefix: "", short: "PT", name: "Português (Brasil)" },
  { id: "es", prefix: "es/", short: "ES", name: "Español" },
  { id: "en", prefix: "en/", short: "EN", name: "English" },
];

/** Returns `t(pt, es, en)` picking the text for `locale`; throws on a missing translation. */
export function translator(locale) {
  const index = LOCALES.findIndex((l) => l.id === locale);
  if (index < 0) throw new Error(`unknown locale ${locale}`);
  return (...texts) => {
    if (texts.length !== 3 || texts.some((s) => typeof s !== "string" || s.trim() === "")) {
      throw new Error(`missing translation: ${JSON.stringify(texts)}`);
    }
    return texts[index];
  };
}

/** A `{ "pt-BR", es, en }` table from three strings, for data tables. */
const L = (pt, es, en) => ({ "pt-BR": pt, es, en });

/** Display names of the engine's category ids. Ids the engine adds later fall back to the id. */
export const CATEGORY_NAMES = {
  drugs: L("Drogas", "Drogas", "Drugs"),
  medicine: L("Medicamentos", "Medicamentos", "Medicines"),
  alcohol: L("Bebidas alcoólicas", "Bebidas alcohólicas", "Alcohol"),
  tobacco: L("Tabaco e vapes", "Tabaco y vapeadores", "Tobacco and vapes"),
  weapons: L("Armas e munição", "Armas y municiones", "Weapons and ammunition"),
  gambling: L("Apostas e jogos de azar", "Apuestas y juegos de azar", "Gambling"),
  adult: L("Conteúdo adulto", "Contenido para adultos", "Adult content"),
  dating: L("Encontros e acompanhantes", "Citas y acompañantes", "Dating and escorts"),
  animals: L("Venda de animais", "Venta de animales", "Animal sales"),
  fraud: L("Fraude e falsificação", "Fraude y falsificación", "Fraud and counterfeits"),
  currency_exchange: L("Câmbio e cripto", "Cambio de divisas y cripto", "Currency exchange and crypto"),
  threat: L("Ameaças", "Amenazas", "Threats"),
  harassment: L("Assédio e ofensas", "Acoso e insultos", "Harassment and insults"),
  "pii.cpf": L("CPF", "CPF (Brasil)", "CPF (Brazil)"),
  "pii.card": L("Cartão de pagamento", "Tarjeta de pago", "Payment card"),
  "pii.credential": L("Senhas e segredos", "Contraseñas y secretos", "Passwords and secrets"),
  "pii.bank": L("Conta bancária", "Cuenta bancaria", "Bank account"),
  "pii.id_document": L("Documento de identidade", "Documento de identidad", "ID document"),
  opt_out: L("Opt-out (pediu para sair)", "Opt-out (pidió la baja)", "Opt-out (asked to stop)"),
  opt_in: L("Opt-in (aceitou receber)", "Opt-in (aceptó recibir)", "Opt-in (agreed to receive)"),
  out_of_hours: L("Fora do horário", "Fuera de horario", "Out of hours"),
  no_opt_in: L("Sem opt-in", "Sin opt-in", "No opt-in"),
  opted_out: L("Contato descadastrado", "Contacto dado de baja", "Contact opted out"),
  window_closed: L("Janela de 24 h fechada", "Ventana de 24 h cerrada", "24-hour window closed"),
  bulk_send: L("Envio em massa", "Envío masivo", "Bulk sending"),
  style: L("Estilo e tom", "Estilo y tono", "Style and tone"),
  custom: L("Regras da empresa", "Reglas de la empresa", "Company rules"),
};

/** Display names and blurbs of category groups. */
export const GROUPS = {
  commerce: {
    name: L("Comércio proibido", "Comercio prohibido", "Prohibited commerce"),
    blurb: L(
      "Produtos e serviços que a Política de Comércio do WhatsApp não permite vender nem promover.",
      "Productos y servicios que la Política de Comercio de WhatsApp no permite vender ni promocionar.",
      "Goods and services the WhatsApp Commerce Policy does not allow you to sell or promote.",
    ),
  },
  conduct: {
    name: L("Conduta com o cliente", "Trato con el cliente", "Conduct towards the customer"),
    blurb: L(
      "Ameaças, constrangimento e ofensas, inclusive na cobrança de dívidas (CDC arts. 42 e 71).",
      "Amenazas, presión indebida e insultos, también al cobrar deudas.",
      "Threats, undue pressure and insults, including when collecting debts.",
    ),
  },
  pii: {
    name: L("Dados pessoais (LGPD)", "Datos personales", "Personal data"),
    blurb: L(
      "Números completos de documentos, cartões, contas e senhas que não devem circular no chat.",
      "Números completos de documentos, tarjetas, cuentas y contraseñas que no deben circular por el chat.",
      "Full document, card and account numbers and passwords that should not travel through a chat.",
    ),
  },
  inbound: {
    name: L("Mensagens recebidas", "Mensajes recibidos", "Inbound messages"),
    blurb: L(
      "O cliente pediu para parar (opt-out) ou aceitou receber mensagens (opt-in)?",
      "¿El cliente pidió la baja (opt-out) o aceptó recibir mensajes (opt-in)?",
      "Did the customer ask to stop (opt-out) or agree to receive messages (opt-in)?",
    ),
  },
  context: {
    name: L("Contexto do envio", "Contexto del envío", "Sending context"),
    blurb: L(
      "Para quem e quando: horário comercial e feriados, opt-in, opt-out, janela de 24 horas, envios em massa.",
      "A quién y cuándo: horario comercial y feriados, opt-in, opt-out, ventana de 24 horas, envíos masivos.",
      "Who and when: business hours and holidays, opt-in, opt-out, the 24-hour window, bulk sends.",
    ),
  },
  company: {
    name: L("Regras da empresa", "Reglas de la empresa", "Company rules"),
    blurb: L(
      "Termos próprios da sua empresa (pacotes personalizados) e tom de voz, desligado por padrão.",
      "Términos propios de tu empresa (paquetes personalizados) y tono de voz, desactivado por defecto.",
      "Your company's own terms (custom packs) and brand voice, off by default.",
    ),
  },
};

export const SEVERITY_NAMES = {
  block: L("Bloqueia", "Bloquea", "Blocks"),
  warn: L("Atenção", "Atención", "Warning"),
  info: L("Informação", "Información", "Info"),
};

/** The name of a category in `locale`, or its id when the site does not know it yet. */
export function categoryName(id, locale) {
  return CATEGORY_NAMES[id]?.[locale] ?? id;
}
