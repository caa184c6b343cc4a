//! Inbound messages: does the customer ask to stop (opt-out) or agree to
//! receive messages (opt-in)?
//!
//! WhatsApp requires honouring every opt-out, so recall matters for
//! `opt_out`; an opt-in is consent the business will rely on later, so
//! `opt_in` favours precision. Matching runs on words of the normalized text
//! (case and accents folded) in Portuguese, Spanish and English at once
//! (the `lang` hint is not needed: the word lists barely overlap).
//!
//! # Opt-out patterns
//!
//! 1. **A stop keyword alone**: the message is only `STOP`, `PARAR`, `PARE`,
//!    `PARA`, `SAIR`, `SALIR`, `BASTA`, `CHEGA`, `REMOVER`, `BAJA`,
//!    `UNSUBSCRIBE`… plus politeness, emoji, punctuation or numbers
//!    ("Pare, por favor", "STOP!!", "quero sair"). `STOP 12345` **is** an
//!    opt-out: templates say "reply STOP" and people paste codes after it.
//!    `CANCELAR` alone is **not**: it usually means cancelling an order.
//!    `stop, o Zé não vem` is **not**: the keyword must be the whole request.
//! 2. **Stop verb + sending or receiving verb**: "para de me mandar",
//!    "parem de enviar", "dejen de escribirme", "quiero dejar de recibir",
//!    "stop texting me". The second verb must be about contacting, so "não
//!    consigo parar de usar" is **not** an opt-out, and "PARA DE ME MANDAR
//!    ESSA PORRA" **is** (abuse included). In Portuguese and Spanish the
//!    stop verb needs "de": "para enviar o comprovante" (in order to send)
//!    and "deixa me mandar a foto" (let me send) are **not** opt-outs.
//!    A negated stop asks for more: "não parem de enviar", "no quiero dejar
//!    de recibir", "don't stop sending" are **not** opt-outs; "não, parem de
//!    mandar" (a pause), "no stop texting me" and "não para de me mandar"
//!    (a complaint) are.
//! 3. **Negation + receive**, with "mais/más/more" or a messaging noun, or
//!    nothing after: "não quero mais receber", "no quiero recibir mensajes",
//!    "I don't want to receive these messages". "Não quero receber o boleto
//!    por e-mail" is **not** (a preference about one document), nor is a
//!    parcel or an address as the object: "não quero mais receber a
//!    encomenda nesse endereço", "no quiero recibir más paquetes en mi casa".
//!    "Get" counts only with a messaging noun: "I don't want to get these
//!    messages anymore", not "I don't want to get charged again".
//! 4. **Negation + imperative of sending**, with "mais/más/again" or a
//!    messaging noun: "não me mandem mais nada", "no me envíen más",
//!    "don't text me again". "Vocês não me mandaram o código" is **not**
//!    (past tense), nor "don't send the invoice yet".
//! 5. **Negation + messaging noun**: "não quero mais mensagens", "no more
//!    messages", "no quiero más promociones".
//! 6. **Removal + list**: "me tira dessa lista", "quero sair da lista",
//!    "sácame de la lista", "remove me from your list"; removal + "my
//!    number" ("tira meu número"); "remove me"/"me tira daqui" with nothing
//!    else. "Vou sair de casa às 10" is **not** (no list), nor "remove o
//!    arroz da lista de compras" (shopping, waiting and guest lists are
//!    excluded), nor "tira o número do pedido" (not *my* number), nor "me
//!    tira uma dúvida".
//! 7. **Enough + messaging noun**: "chega de mensagem", "basta de spam".
//! 8. **Unambiguous words anywhere**: "unsubscribe", "descadastrar",
//!    "darme de baja", "opt out", "desuscribirme".
//! 9. **Cancel/turn off + messaging noun**: "cancelar o recebimento das
//!    promoções", "turn off these notifications". "Quero cancelar o pedido"
//!    and "quiero cancelar el envío" (a shipment) are **not**.
//!
//! Words spelled letter by letter ("p a r a r", "S.T.O.P") are joined first.
//!
//! # Opt-in patterns (precision first)
//!
//! 1. **Agree + receive**, then a messaging noun, a channel ("por aqui",
//!    "no WhatsApp") or nothing: "sim, aceito receber novidades por aqui",
//!    "quiero recibir ofertas", "I agree to receive updates". "Quero receber
//!    o reembolso" is **not**. Any negation before it cancels it. "Get"
//!    needs a marketing noun ("happy to get your weekly deals", not "happy
//!    to get it here"); an order's news is **not** ("receive updates on my
//!    order", "quero receber o pedido aqui").
//! 2. **Subscribe + list or news**: "me inscreve na lista", "add me to your
//!    list", "suscríbeme a las novedades"; "sign me up", "opt in". Not a
//!    waiting, guest or shopping list.
//! 3. **Authorize + sending**: "autorizo o envio de mensagens", "autorizo el
//!    envío de promociones".
//! 4. **Send/notify me + marketing noun**: "manda as novidades", "me avisa
//!    das promoções", "send me the deals". "Me manda o boleto" and "manda a
//!    mensagem de novo" are **not**; "me avisa quando chegar" is **not**.
//! 5. **Permission to send + messaging noun**: "pode mandar os lembretes por
//!    aqui", "you can text me the reminders", "pueden enviarme avisos". "Pode
//!    mandar o boleto por aqui" is **not** (a document), nor "não podem
//!    mandar mensagens".
//!
//! "Interested in" counts as agreeing ("tenho interesse em receber
//! novidades"), but "tenho interesse no produto" is **not** an opt-in.
//!
//! A bare "sim"/"yes" is **not** an opt-in: without the question it answers
//! it is not consent. When both intents match ("não quero promoções, só
//! quero receber o boleto"), opt-out wins.

use crate::engine::Hit;
use crate::model::{Category, Lang, Severity, Span};
use crate::normalize::Normalized;
use crate::rules::{policy, RuleInfo};

/// Built-in inbound-intent rules.
pub(crate) static RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "inbound.opt_out",
        category: Category::OptOut,
        severity: Severity::Info,
        enabled: true,
        policy: policy::MESSAGING,
        message: text!(
            "O cliente pediu para não receber mais mensagens: registre o opt-out. O WhatsApp exige respeitar todo pedido de saída.",
            "El cliente pidió no recibir más mensajes: registra la baja (opt-out). WhatsApp exige respetar toda solicitud de baja.",
            "The customer asked to stop receiving messages: record the opt-out. WhatsApp requires honouring every opt-out request.",
        ),
        suggestion: Some(text!(
            "Confirme a saída com uma única mensagem curta e não envie mais mensagens de marketing a este contato.",
            "Confirma la baja con un único mensaje breve y no envíes más mensajes de marketing a este contacto.",
            "Confirm the opt-out with one short message and send no more marketing to this contact.",
        )),
        examples: &["PARAR", "não quero mais receber", "no me envíen más", "unsubscribe"],
    },
    RuleInfo {
        id: "inbound.opt_in",
        category: Category::OptIn,
        severity: Severity::Info,
        enabled: true,
        policy: policy::MESSAGING,
        message: text!(
            "O cliente aceitou receber mensagens: registre o opt-in com data e hora.",
            "El cliente aceptó recibir mensajes: registra el opt-in con fecha y hora.",
            "The customer agreed to receive messages: record the opt-in with its date and time.",
        ),
        suggestion: None,
        examples: &["sim, aceito receber novidades por aqui", "quiero recibir ofertas por WhatsApp"],
    },
];

const OPT_OUT: &RuleInfo = &RULES[0];
const OPT_IN: &RuleInfo = &RULES[1];

/// Keywords that are an opt-out when they are the whole message.
const STOP_ALONE: &str = "quit end stopall optout unsuscribe baja basta chega descadastrar \
    desuscribir para parar pare parem paren remover sai sair salir stop unsubscribe";
/// Words that do not change a lone keyword's meaning.
const FILLER: &str = "all todos tudo todo everything agora ahora eu favor gracias i ja me now \
    obg obrigada obrigado ok okay pf pfv pfvr please pls plz pode podem por porfa puede pueden \
    quero quiero thank thanks to ty want wanna ya yo you";
/// Stop verbs (pattern 2).
const STOP_VERB: &str = "deixa deixar deixe deixem deja dejar deje dejen para parar pare parem \
    paren quit stop";
/// Words allowed between the stop verb and the sending verb.
const GAP: &str = "a de estar ficar ficarem ficam me mim nos of seguir";
/// Verbs of contacting someone (any form we need after "stop").
const SEND: &str = "bother bothering call calling chamar contact contacting contactarme \
    contactar contatar email emailing encher enchendo enviando enviar enviarem enviarme escrever \
    escrevendo escribiendo escribir escribirme incomodando incomodar ligando ligar llamando \
    llamar llamarme mandando mandar mandarem mandarme message messaging molestando molestar \
    molestarme perturbando perturbar send sending spam spamming text texting writing";
/// Imperatives and subjunctives of sending ("não me mande…").
const SEND_IMPERATIVE: &str = "call contact email envia enviem envie envien envies escrevam \
    escriban escribas liguem llamen manda mande mandem manden mandes message send text write";
const NEG: &str = "dont jamais n nao never no not nunca wouldnt";
/// "Any more": turns a negated request into a standing one.
const MORE: &str = "again anymore mais mas more nada nothing";
/// "Get" also needs a messaging noun after it ("get charged again", "get here").
const RECEIVE: &str = "get receber recebendo receive receiving recibir recibiendo";
/// Words allowed between a negation and "receive".
const WANT_GAP: &str = "accept aceito acepto agree any de deseo desejo gostaria interesa \
    interessa ja like me mais mas more quero quiero to want wanna ya";
/// Nouns for marketing or messages in general.
const MSG_NOUN: &str = "anuncios comunicacoes comunicaciones comunicados emails marketing \
    mensagem mensagens mensaje mensajes message messages msg msgs newsletter notificacoes \
    notificaciones notifications novedades novidades offers ofertas promocoes promociones promos \
    promotions propaganda propagandas publicidad publicidade sms spam texts updates \
    alertas alerts avisos lembretes recordatorios reminders";
const REMOVE: &str = "exclui elimina eliminar eliminen eliminame quitenme apaga apagar apague \
    apaguem borra borrame borrar borren borreme borrenme delete exclua excluam excluir quita \
    quitame quitar quiten remova removam remove remover retira retirar retire saca sacame sacar \
    sai saia sair salir saquen saquenme take tira tirar tire tirem";
const LEAVE: &str = "deixa deixar deixe deixem deja dejame dejar deje dejen dejenme leave";
const LIST: &str = "base cadastro contactos contatos list lista listas mailing";
const CANCEL: &str = "cancel cancela cancelar cancele cancelem cancelen deactivate desactiva \
    desactivar desactiven desativa desativar desative desativem disable encerrar interromper \
    suspender turn";
/// Nouns for "the receiving/sending (of messages)".
const RECEIVING: &str = "envio inscricao receiving recebimento recepcion sending subscription \
    suscripcion";
/// Determiners and prepositions allowed between "cancel" and what is cancelled.
const DET: &str = "off a about all any as de del da das do dos el esa ese esas esos essa esse \
    essas esses esta este estas estes estos la las los meu meus mi minha minhas mis my nesse nessa \
    neste nesta o of os sobre suas sus seus the these this those todas todos your";
/// "My number" after a removal verb.
const NUMBER: &str = "celular contact contacto contato number numero telefone telefono";
/// "From here" after "remove me".
const HERE: &str = "daqui aqui here this disto disso";
const ENOUGH: &str = "basta chega enough";
const UNSUBSCRIBE: &str = "descadastra descadastrar descadastre descadastrem desinscribir \
    desinscribirme desuscribir desuscribirme optout unsubscribe unsuscribe";
const AGREE: &str = "interesse interessado interessada interesado interesada interested interes \
    accept aceito acepto agree autorizo concordo consent desejo deseo gostaria quero quiero topo \
    want adoraria encantaria feliz glad gustaria happy like love copa encanta gusta sirve";
/// What is delivered, and where: receiving these is not about messages.
const GOODS: &str = "address box boxes caixa caixas caja cajas casa compra compras deliveries \
    delivery direccion domicilio embalagem embalagens empaque encomenda encomendas endereco \
    entrega entregas home order orders package packages packaging paquete paquetes parcel \
    parcels pacote pacotes pedido pedidos toalha toalhas toalla toallas towel towels";
const CHANNEL: &str = "aca aqui here whatsapp whats wpp zap";
const SUBSCRIBE: &str = "anotame apunto apuntame participar participate sumame sumarme sumo \
    unirme adiciona adicionar adicione add agrega agregame agregar agreguen cadastra cadastrar \
    cadastre entrar inclua inclui incluir inscreva inscreve inscrever inscribeme inscribir \
    inscribirme join stick subscribe suscribeme suscribir suscribirme";
/// Lists that are not about messages.
const OTHER_LIST: &str = "casamento compras convidados espera invitados presenca presentes \
    regalos waiting wedding";
/// "Send (me)" imperatives of a customer asking for messages.
const SEND_ME: &str =
    "avisa avise avisem avisen avisame avisenme notify notifique notifiquem envia \
    enviame envie envieme enviem envien envienme manda mandame mande mandeme mandem manden \
    mandenme ping send text";
/// Marketing nouns a customer asks for ("manda as novidades").
const PROMO_NOUN: &str = "deals descontos descuentos discounts news newsletter novedades \
    novidades offers ofertas promocoes \
    promociones promos promotions updates";
/// Giving permission ("pode mandar", "you can text me").
const MAY: &str = "can may pode podem podes puede pueden puedes";
/// "Without" before a noun refuses it.
const WITHOUT: &str = "no nada nenhuma ninguna sem sin without";
/// Between "agree" and the sending verb: "que (vocês) me", "for you to".
const TO_YOU: &str = "que for you to that voces vcs ustedes uds";
const AUTHORIZE: &str = "aceito acepto authorize autorizo concordo consent";
const SENDING: &str = "envio sending send contato contacto enviar";

// Not inlined: dozens of call sites, each would carry its own loop in the wasm.
/// Whether `w` is one of the space-separated words of `set`. One string per
/// list rather than a `&[&str]`: the ~500 words' pointer table cost 1.4 KB
/// of the gzipped wasm, and these lists are read only for inbound messages.
#[inline(never)]
fn is(set: &str, w: &str) -> bool {
    set.split(' ').any(|x| x == w)
}

/// A word of the normalized text with its byte range there.
struct Word<'a> {
    w: std::borrow::Cow<'a, str>,
    start: usize,
    end: usize,
    /// Only digits in the original text (codes after "STOP").
    numeric: bool,
    /// Punctuation before it ("não, parem…"): the words do not go together.
    pause: bool,
}

fn words<'a>(text: &str, norm: &'a Normalized) -> Vec<Word<'a>> {
    let t = norm.text();
    let mut out: Vec<Word<'a>> = Vec::new();
    let mut start = None;
    for (i, c) in t.char_indices().chain(std::iter::once((t.len(), ' '))) {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        let Some(s) = start.take() else { continue };
        let w = t.get(s..i).unwrap_or("");
        let orig = norm.original(s, i);
        let numeric = text
            .get(orig.start..orig.end)
            .is_some_and(|o| o.chars().all(|c| c.is_ascii_digit()));
        // English contractions: "don't" → "dont" (also "didn't", "won't"…).
        if w == "t" {
            if let Some(prev) = out.last_mut() {
                let apostrophe = matches!(t.get(prev.end..s), Some("'" | "’" | "´" | "`"));
                if prev.w.ends_with('n') && apostrophe {
                    prev.w = format!("{}t", prev.w).into();
                    prev.end = i;
                    continue;
                }
            }
        }
        let pause = out
            .last()
            .and_then(|p| t.get(p.end..s))
            .is_some_and(|g| g.contains([',', '.', ';', ':', '!', '?']));
        out.push(Word {
            w: w.into(),
            start: s,
            end: i,
            numeric,
            pause,
        });
    }
    merge_spelled(out)
}

/// Joins words spelled letter by letter ("p a r a r", "S.T.O.P") into one:
/// runs of at least four single letters with short separators.
fn merge_spelled<'a>(words: Vec<Word<'a>>) -> Vec<Word<'a>> {
    let single = |w: &Word<'_>| w.w.chars().count() == 1 && w.w.chars().all(char::is_alphabetic);
    let mut out: Vec<Word<'a>> = Vec::with_capacity(words.len());
    let mut run: Vec<Word<'a>> = Vec::new();
    let flush = |run: &mut Vec<Word<'a>>, out: &mut Vec<Word<'a>>| {
        if run.len() >= 4 {
            let joined: String = run.iter().map(|w| &*w.w).collect();
            let (start, end) = (
                run.first().map_or(0, |w| w.start),
                run.last().map_or(0, |w| w.end),
            );
            let pause = run.first().is_some_and(|w| w.pause);
            out.push(Word {
                w: joined.into(),
                start,
                end,
                numeric: false,
                pause,
            });
            run.clear();
        } else {
            out.append(run);
        }
    };
    for w in words {
        let close = run
            .last()
            .is_none_or(|p| w.start.saturating_sub(p.end) <= 3);
        if single(&w) && close {
            run.push(w);
        } else {
            flush(&mut run, &mut out);
            if single(&w) {
                run.push(w);
            } else {
                out.push(w);
            }
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Which words of `ws` carry an intent: `(first, last)` word indexes.
type Match = (usize, usize);

/// Whether a negation comes within `reach` words before word `i`, in the
/// same clause: not across a pause ("no 38, aceito receber…", where "no" is
/// Portuguese "in the").
fn negated_before(ws: &[Word<'_>], i: usize, reach: usize) -> bool {
    let from = (i.saturating_sub(reach)..i)
        .rev()
        .find(|&k| ws.get(k + 1).is_some_and(|w| w.pause))
        .map_or(i.saturating_sub(reach), |k| k + 1);
    ws.get(from..i)
        .is_some_and(|s| s.iter().any(|w| is(NEG, &w.w)))
}

/// Whether what follows word `j` is goods or a delivery address, not
/// messages: the first word past determiners, "more" and short words is in
/// `GOODS` ("receber a encomenda", "recibir más el pedido", "get updates on
/// my order"). A messaging noun stops the search ("receber mensagens do pedido"),
/// also right after the goods word ("receive order updates").
// Out of line (like `stop_negated`): called from four patterns, smaller wasm.
#[inline(never)]
fn goods_after(ws: &[Word<'_>], j: usize) -> bool {
    let w = |k: usize| ws.get(k).map_or("", |x| &*x.w);
    (j + 1..(j + 6).min(ws.len()))
        .find(|&k| is(MSG_NOUN, w(k)) || !(w(k).len() <= 3 || is(DET, w(k)) || is(MORE, w(k))))
        .is_some_and(|k| is(GOODS, w(k)) && !is(MSG_NOUN, w(k + 1)))
}

/// Whether the stop verb at `i` is negated, through "want" words: "não
/// parem de", "no quiero dejar de", "don't ever stop" ask for more. Not
/// across a pause ("não, parem de…"), nor English "no stop", nor "não para
/// de"/"no deja de" (it does not stop: a complaint).
#[inline(never)]
fn stop_negated(ws: &[Word<'_>], i: usize) -> bool {
    let w = |k: usize| ws.get(k).map_or("", |x| &*x.w);
    let mut k = i;
    while k > 0 && k + 4 > i && !ws.get(k).is_some_and(|x| x.pause) {
        k -= 1;
        let p = w(k);
        if is(NEG, p) {
            let english_no = p == "no" && matches!(w(i), "stop" | "quit");
            return k + 1 < i || !(english_no || matches!(w(i), "para" | "deja"));
        }
        if !(p == "ever" || (is(WANT_GAP, p) && !is(MORE, p))) {
            return false;
        }
    }
    false
}

fn find_opt_out(ws: &[Word<'_>]) -> Option<Match> {
    let w = |i: usize| ws.get(i).map_or("", |x| &*x.w);
    // 1. A keyword alone.
    let content: Vec<usize> = (0..ws.len())
        .filter(|&i| !ws.get(i).is_some_and(|x| x.numeric) && !is(FILLER, w(i)))
        .collect();
    if let (Some(&first), Some(&last)) = (content.first(), content.last()) {
        if content.iter().all(|&i| is(STOP_ALONE, w(i))) {
            return Some((first, last));
        }
    }
    for i in 0..ws.len() {
        let wi = w(i);
        // 8. Unambiguous words; "opt out"; "darme de baja", "me doy de baja".
        if is(UNSUBSCRIBE, wi) || (wi == "opt" && w(i + 1) == "out") {
            return Some((i, i + usize::from(wi == "opt")));
        }
        if wi == "baja" && i >= 1 {
            let before = (i.saturating_sub(3)..i).map(w).collect::<Vec<_>>();
            // Not leaving something else: "me di de baja del gimnasio".
            let mut k = i + 1;
            while k < i + 4 && is(DET, w(k)) {
                k += 1;
            }
            let other = k > i + 1
                && k < ws.len()
                && ![MSG_NOUN, LIST, CHANNEL, NUMBER, HERE]
                    .iter()
                    .any(|set| is(set, w(k)))
                && w(k) != "chat";
            if !other
                && before
                    .iter()
                    .any(|b| matches!(*b, "darme" | "denme" | "dame" | "doy" | "den" | "me"))
            {
                return Some((i.saturating_sub(2), i));
            }
        }
        // 2. Stop verb + (gap) + sending verb; not "don't stop sending".
        if is(STOP_VERB, wi) && !stop_negated(ws, i) {
            let mut j = i + 1;
            while j < ws.len() && j <= i + 3 && is(GAP, w(j)) {
                j += 1;
            }
            // Portuguese/Spanish need "de" ("para de", "deja de"): "para
            // enviar" is "in order to send", "deixa me mandar" is "let me send".
            let english = matches!(wi, "stop" | "quit");
            let contact = is(SEND, w(j)) || is(RECEIVE, w(j));
            if contact && (english || w(i + 1) == "de") && !goods_after(ws, j) {
                return Some((i, j));
            }
        }
        // 7. Enough + (de/of/with) + messaging noun.
        if is(ENOUGH, wi) {
            let j = if matches!(w(i + 1), "de" | "of" | "con" | "com" | "with") {
                i + 2
            } else {
                i + 1
            };
            if is(MSG_NOUN, w(j)) {
                return Some((i, j));
            }
        }
        if is(NEG, wi) {
            // 3. Negation + (want/more) + receive.
            let mut j = i + 1;
            let mut more = false;
            while j < ws.len() && j <= i + 4 && is(WANT_GAP, w(j)) {
                more |= is(MORE, w(j));
                j += 1;
            }
            // Not a parcel or an address ("não quero mais receber a encomenda").
            if is(RECEIVE, w(j)) && !goods_after(ws, j) {
                let mut after = (j + 1..(j + 4).min(ws.len())).map(w);
                let noun = after.clone().any(|a| is(MSG_NOUN, a));
                let after_has = after.any(|a| is(MORE, a) || matches!(a, "isso" | "this" | "esto"));
                let ends = ws
                    .get(j + 1..)
                    .is_some_and(|r| r.iter().all(|x| is(FILLER, &x.w)));
                // "Get" needs the noun: "I don't want to get charged again".
                if noun || (w(j) != "get" && (more || after_has || ends)) {
                    return Some((i, j));
                }
            }
            // 5. Negation + (want/more) + messaging noun.
            if j > i + 1 && is(MSG_NOUN, w(j)) {
                return Some((i, j));
            }
            if is(MORE, w(i + 1)) && is(MSG_NOUN, w(i + 2)) {
                return Some((i, i + 2));
            }
            // 4. Negation + (me) + imperative of sending + more/noun; also
            // through "want that/you to" ("no quiero que me manden ofertas").
            let mut k = match (w(j), w(j + 1)) {
                ("que", _) if j > i + 1 => j + 1,
                ("you", "to") if j > i + 1 => j + 2,
                _ => i + 1,
            };
            if matches!(w(k), "voces" | "vcs" | "ustedes" | "uds") {
                k += 1;
            }
            if matches!(w(k), "me" | "nos" | "mim") {
                k += 1;
            }
            if (is(SEND_IMPERATIVE, w(k)) || is(SEND, w(k))) && !goods_after(ws, k) {
                let end = (k + 5).min(ws.len());
                if let Some(m) = (k + 1..end).find(|&m| is(MORE, w(m)) || is(MSG_NOUN, w(m))) {
                    return Some((i, m));
                }
            }
        }
        // 10. Leave me out of the mailings: "me deixar de fora dos próximos
        // envios", "déjenme fuera de la lista", "leave me off the list".
        if is(LEAVE, wi) {
            let end = (i + 4).min(ws.len());
            if let Some(o) =
                (i + 1..end).find(|&o| matches!(w(o), "fora" | "fuera" | "out" | "off"))
            {
                let end = (o + 6).min(ws.len());
                let noun = |m: usize| is(MSG_NOUN, w(m)) || is(LIST, w(m)) || w(m) == "envios";
                if let Some(m) = (o + 1..end).find(|&m| noun(m)) {
                    // Not a guest or gift list ("lista de presentes").
                    if !(m + 1..m + 3).any(|k| is(OTHER_LIST, w(k))) {
                        return Some((i, m));
                    }
                }
            }
        }
        // 9. Cancel/turn off + messaging noun ("cancelar o recebimento das mensagens").
        if is(CANCEL, wi) {
            let mut j = i + 1;
            while j < ws.len() && j <= i + 5 && (is(DET, w(j)) || is(RECEIVING, w(j))) {
                j += 1;
            }
            // "Cancel the sending" alone could be an order's shipping; only
            // "recebimento"/"recepción" is about messages without a noun.
            let received = (i + 1..j).any(|k| matches!(w(k), "recebimento" | "recepcion"));
            if is(MSG_NOUN, w(j))
                || (received && j > i + 1 && ws.get(j).is_none_or(|x| is(FILLER, &x.w)))
            {
                return Some((i, j.min(ws.len() - 1)));
            }
        }
        // 6. Removal + list; + "my number"; "remove me" alone or "from here".
        if is(REMOVE, wi) {
            let end = (i + 6).min(ws.len());
            if let Some(m) = (i + 1..end).find(|&m| is(LIST, w(m))) {
                if !(m + 1..m + 3).any(|k| is(OTHER_LIST, w(k))) {
                    return Some((i, m));
                }
            }
            let mine =
                (i + 1..(i + 3).min(ws.len())).find(|&m| matches!(w(m), "meu" | "mi" | "my"));
            if let Some(m) = mine.filter(|&m| is(NUMBER, w(m + 1))) {
                return Some((i, m + 1));
            }
            let me = [i.wrapping_sub(1), i + 1]
                .into_iter()
                .any(|m| matches!(w(m), "me" | "mim"));
            if me {
                let rest = ws.get(i + 1..).unwrap_or(&[]);
                let here = rest.iter().take(3).position(|x| is(HERE, &x.w));
                if let Some(h) = here {
                    return Some((i, i + 1 + h));
                }
                let alone = rest
                    .iter()
                    .all(|x| is(FILLER, &x.w) || matches!(&*x.w, "off" | "out"));
                if alone {
                    return Some((i, i));
                }
            }
        }
    }
    None
}

fn find_opt_in(ws: &[Word<'_>]) -> Option<Match> {
    let w = |i: usize| ws.get(i).map_or("", |x| &*x.w);
    // A promo noun asked for, not refused ("sem promoções").
    let promo = |m: usize| is(PROMO_NOUN, w(m)) && !is(WITHOUT, w(m.wrapping_sub(1)));
    for i in 0..ws.len() {
        let wi = w(i);
        if negated_before(ws, i, 3) {
            continue;
        }
        // 1. Agree + receive + noun/channel/nothing.
        if is(AGREE, wi) {
            if let Some(j) = (i + 1..(i + 4).min(ws.len())).find(|&j| is(RECEIVE, w(j))) {
                // Not "quero receber o pedido aqui".
                if (i + 1..j).any(|k| is(NEG, w(k))) || goods_after(ws, j) {
                    continue;
                }
                // "Get" needs the noun: "happy to get it here" is a delivery.
                let get = w(j) == "get";
                let end = (j + 5).min(ws.len());
                let noun = |m: usize| is(MSG_NOUN, w(m)) || is(PROMO_NOUN, w(m));
                if let Some(m) = (j + 1..end).find(|&m| noun(m) || (!get && is(CHANNEL, w(m)))) {
                    // Not an order's news: "receive updates on my order".
                    if !goods_after(ws, m) {
                        return Some((i, m));
                    }
                }
                if !get
                    && ws
                        .get(j + 1..)
                        .is_some_and(|r| r.iter().all(|x| is(FILLER, &x.w)))
                {
                    return Some((i, j));
                }
            }
        }
        // 1b. Agree + "que me"/"for you to" + sending verb + promo noun:
        // "acepto que me escriban con las ofertas", "happy for you to send
        // me the reminders and any offers".
        if is(AGREE, wi) {
            let mut k = i + 1;
            while k < i + 5 && is(TO_YOU, w(k)) {
                k += 1;
            }
            let me_first = matches!(w(k), "me" | "nos");
            if me_first {
                k += 1;
            }
            let me = me_first || matches!(w(k + 1), "me" | "us");
            if k > i + 1 && me && (is(SEND_ME, w(k)) || is(SEND_IMPERATIVE, w(k))) {
                // "Por aquí" right after the verb names the channel: the
                // consent is to messages here ("acepto que me escriban por aquí").
                let here = (k + 1..(k + 3).min(ws.len())).find(|&m| is(CHANNEL, w(m)));
                let end = (k + 12).min(ws.len());
                if let Some(m) = here.or_else(|| (k + 1..end).find(|&m| promo(m))) {
                    return Some((i, m));
                }
            }
        }
        // 2. Subscribe + list/news (not a waiting or guest list); "sign me up"; "opt in".
        if is(SUBSCRIBE, wi) {
            let end = (i + 5).min(ws.len());
            if let Some(m) = (i + 1..end).find(|&m| is(LIST, w(m)) || is(MSG_NOUN, w(m))) {
                let other_list = (m + 1..(m + 3).min(ws.len())).any(|k| is(OTHER_LIST, w(k)));
                if !other_list {
                    return Some((i, m));
                }
            }
        }
        // 4. "Send me the news/offers", reaching far ("mándenme por acá
        // cuando abran cupos … y las promos"); not a bare English "send",
        // which may be sending anything ("send the technician").
        if is(SEND_ME, wi) {
            let bare = wi == "send" && !matches!(w(i + 1), "me" | "us");
            let end = (i + if bare { 5 } else { 12 }).min(ws.len());
            if let Some(m) = (i + 1..end).find(|&m| promo(m)) {
                return Some((i, m));
            }
        }
        if (wi == "sign" && w(i + 1) == "me" && w(i + 2) == "up")
            || (wi == "opt" && w(i + 1) == "in")
        {
            return Some((i, i + if wi == "sign" { 2 } else { 1 }));
        }
        // 5. Permission to send messages: "pode mandar os lembretes por aqui",
        // "you can text me the reminders". Not a document ("pode mandar o boleto").
        if is(MAY, wi) {
            let end = (i + 4).min(ws.len());
            if let Some(j) = (i + 1..end).find(|&j| is(SEND, w(j)) || is(SEND_IMPERATIVE, w(j))) {
                let end = (j + 6).min(ws.len());
                if let Some(m) = (j + 1..end).find(|&m| is(MSG_NOUN, w(m))) {
                    if !goods_after(ws, m) {
                        return Some((i, m));
                    }
                }
            }
        }
        // 3. Authorize + sending.
        if is(AUTHORIZE, wi) {
            let end = (i + 4).min(ws.len());
            if let Some(m) = (i + 1..end).find(|&m| is(SENDING, w(m)) || is(MSG_NOUN, w(m))) {
                return Some((i, m));
            }
        }
    }
    None
}

/// Classifies an inbound message.
#[cfg_attr(conforma_size, optimize(size))]
pub(crate) fn classify(text: &str, _lang: Option<Lang>) -> Vec<Hit> {
    let norm = Normalized::new(text);
    let ws = words(text, &norm);
    let span = |(a, b): Match| -> Vec<Span> {
        match (ws.get(a), ws.get(b)) {
            (Some(x), Some(y)) => vec![norm.original(x.start, y.end)],
            _ => Vec::new(),
        }
    };
    if let Some(m) = find_opt_out(&ws) {
        return vec![Hit::builtin(OPT_OUT, span(m))];
    }
    if let Some(m) = find_opt_in(&ws) {
        return vec![Hit::builtin(OPT_IN, span(m))];
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_input_never_panics_and_spans_are_valid() {
        let long = "não quero mais receber ".repeat(20_000);
        let odd = [
            "",
            "   ",
            "'t",
            "n't",
            "t",
            "!!!???",
            "🙏🙏🙏",
            "s",
            "a b c d e f g h",
            "P\u{0301}ARAR",
            "ｓｔｏｐ",
            "\u{200B}stop\u{200B}",
            "مرحبا stop",
            "İSTOP",
            "STOP\u{0000}",
            long.as_str(),
        ];
        for text in odd {
            for hit in classify(text, None) {
                for s in &hit.spans {
                    assert!(
                        s.start <= s.end && text.get(s.start..s.end).is_some(),
                        "{text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn span_covers_the_intent_words() {
        let text = "Olá! Por favor, não quero mais receber essas mensagens.";
        let hits = classify(text, None);
        let s = hits[0].spans[0];
        assert_eq!(&text[s.start..s.end], "não quero mais receber");
    }
}
