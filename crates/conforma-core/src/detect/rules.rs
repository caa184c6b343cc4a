//! The built-in content rules: one per commerce and conduct category, plus
//! the brand-voice `style` rules (off by default).

use crate::model::{Category, Severity, Text};
use crate::rules::{policy, RuleInfo};

const fn commerce(
    id: &'static str,
    category: Category,
    severity: Severity,
    message: Text,
    suggestion: Text,
    examples: &'static [&'static str],
) -> RuleInfo {
    RuleInfo {
        id,
        category,
        severity,
        enabled: true,
        policy: policy::COMMERCE,
        message,
        suggestion: Some(suggestion),
        examples,
    }
}

const STYLE_POLICY: Text = text!(
    "Tom de voz da empresa",
    "Tono de voz de la empresa",
    "Company brand voice",
);

const COMMERCE_SUGGESTION: Text = text!(
    "Não ofereça este produto ou serviço pelo WhatsApp; remova a oferta da mensagem.",
    "No ofrezcas este producto o servicio por WhatsApp; quita la oferta del mensaje.",
    "Don't offer this product or service over WhatsApp; remove the offer from the message.",
);

/// Built-in content rules, in catalog order.
pub(crate) static RULES: &[RuleInfo] = &[
    commerce(
        "commerce.drugs",
        Category::Drugs,
        Severity::Block,
        text!(
            "Drogas ilícitas ou recreativas (ou acessórios para consumo): proibidas pela Política de Comércio do WhatsApp.",
            "Drogas ilícitas o recreativas (o accesorios para consumirlas): prohibidas por la Política de Comercio de WhatsApp.",
            "Illicit or recreational drugs (or paraphernalia) are prohibited by the WhatsApp Commerce Policy.",
        ),
        COMMERCE_SUGGESTION,
        &["vendo maconha e haxixe", "tenemos cocaína", "weed delivery tonight"],
    ),
    commerce(
        "commerce.medicine",
        Category::Medicine,
        Severity::Warn,
        text!(
            "Venda de medicamentos, anabolizantes, suplementos não regulamentados ou emagrecedores: proibida pela Política de Comércio do WhatsApp.",
            "Venta de medicamentos, anabólicos, suplementos no regulados o pastillas para adelgazar: prohibida por la Política de Comercio de WhatsApp.",
            "Selling medicines, anabolic steroids, unregulated supplements or slimming pills is prohibited by the WhatsApp Commerce Policy.",
        ),
        text!(
            "Não venda medicamentos pelo WhatsApp; oriente o cliente a procurar um médico ou a farmácia.",
            "No vendas medicamentos por WhatsApp; orienta al cliente a consultar a un médico o a la farmacia.",
            "Don't sell medicines over WhatsApp; refer the customer to a doctor or pharmacy.",
        ),
        &["vendo sibutramina sem receita", "ciclo de winstrol", "xanax without prescription"],
    ),
    commerce(
        "commerce.alcohol",
        Category::Alcohol,
        Severity::Warn,
        text!(
            "Venda ou promoção de bebida alcoólica: proibida pela Política de Comércio do WhatsApp.",
            "Venta o promoción de bebidas alcohólicas: prohibida por la Política de Comercio de WhatsApp.",
            "Selling or promoting alcoholic drinks is prohibited by the WhatsApp Commerce Policy.",
        ),
        text!(
            "Não ofereça bebidas alcoólicas por WhatsApp; direcione o cliente à loja ou ao site.",
            "No ofrezcas bebidas alcohólicas por WhatsApp; deriva al cliente a la tienda o al sitio web.",
            "Don't offer alcoholic drinks over WhatsApp; point the customer to the store or website.",
        ),
        &["vamos tomar uma cerveja", "tenemos cerveza fría", "whisky 12 years on sale"],
    ),
    commerce(
        "commerce.tobacco",
        Category::Tobacco,
        Severity::Warn,
        text!(
            "Tabaco, cigarros, vapes/pods ou narguilé: proibidos pela Política de Comércio do WhatsApp.",
            "Tabaco, cigarrillos, vapeadores/pods o narguile: prohibidos por la Política de Comercio de WhatsApp.",
            "Tobacco, cigarettes, vapes/pods or hookah are prohibited by the WhatsApp Commerce Policy.",
        ),
        COMMERCE_SUGGESTION,
        &["pods de vape com entrega", "cigarrillos importados", "hookah tobacco in stock"],
    ),
    commerce(
        "commerce.weapons",
        Category::Weapons,
        Severity::Block,
        text!(
            "Armas de fogo, munição, explosivos ou peças de armas: proibidos pela Política de Comércio do WhatsApp.",
            "Armas de fuego, municiones, explosivos o piezas de armas: prohibidos por la Política de Comercio de WhatsApp.",
            "Firearms, ammunition, explosives or weapon parts are prohibited by the WhatsApp Commerce Policy.",
        ),
        COMMERCE_SUGGESTION,
        &["vendo pistola 9mm", "munición calibre 38", "ammo for sale"],
    ),
    commerce(
        "commerce.gambling",
        Category::Gambling,
        Severity::Warn,
        text!(
            "Apostas com dinheiro real, cassino ou venda de loteria: proibidos pela Política de Comércio do WhatsApp.",
            "Apuestas con dinero real, casino o venta de lotería: prohibidos por la Política de Comercio de WhatsApp.",
            "Real-money betting, casino or lottery sales are prohibited by the WhatsApp Commerce Policy.",
        ),
        COMMERCE_SUGGESTION,
        &["aposte no tigrinho", "casino online con bono", "sports betting odds"],
    ),
    commerce(
        "commerce.adult",
        Category::Adult,
        Severity::Warn,
        text!(
            "Produtos, serviços ou conteúdo sexual/adulto: proibidos pela Política de Comércio do WhatsApp.",
            "Productos, servicios o contenido sexual/para adultos: prohibidos por la Política de Comercio de WhatsApp.",
            "Sexual or adult products, services or content are prohibited by the WhatsApp Commerce Policy.",
        ),
        COMMERCE_SUGGESTION,
        &["vibradores no sex shop", "contenido para adultos", "xxx videos"],
    ),
    commerce(
        "commerce.dating",
        Category::Dating,
        Severity::Warn,
        text!(
            "Serviços de namoro, acompanhantes ou encontros: proibidos pela Política de Comércio do WhatsApp.",
            "Servicios de citas, acompañantes o encuentros: prohibidos por la Política de Comercio de WhatsApp.",
            "Dating, escort or matchmaking services are prohibited by the WhatsApp Commerce Policy.",
        ),
        COMMERCE_SUGGESTION,
        &["acompanhantes de luxo", "agencia matrimonial", "escort service"],
    ),
    commerce(
        "commerce.animals",
        Category::Animals,
        Severity::Warn,
        text!(
            "Venda de animais vivos (exceto gado) ou de espécies ameaçadas: proibida pela Política de Comércio do WhatsApp.",
            "Venta de animales vivos (excepto ganado) o de especies amenazadas: prohibida por la Política de Comercio de WhatsApp.",
            "Selling live animals (other than livestock) or endangered species is prohibited by the WhatsApp Commerce Policy.",
        ),
        text!(
            "Não anuncie animais pelo WhatsApp; indique canais de adoção responsável.",
            "No anuncies animales por WhatsApp; indica canales de adopción responsable.",
            "Don't advertise animals over WhatsApp; point to responsible adoption channels.",
        ),
        &["vendo filhotes de shih-tzu", "cachorros en venta", "parrots for sale"],
    ),
    commerce(
        "commerce.fraud",
        Category::Fraud,
        Severity::Block,
        text!(
            "Falsificações, documentos falsos, pirâmides ou promessa de lucro garantido: proibidos pela Política de Comércio do WhatsApp.",
            "Falsificaciones, documentos falsos, esquemas piramidales o ganancias garantizadas: prohibidos por la Política de Comercio de WhatsApp.",
            "Counterfeits, fake documents, pyramid schemes or guaranteed profits are prohibited by the WhatsApp Commerce Policy.",
        ),
        text!(
            "Remova a oferta; não prometa lucro garantido nem venda réplicas ou documentos.",
            "Quita la oferta; no prometas ganancias garantizadas ni vendas réplicas o documentos.",
            "Remove the offer; don't promise guaranteed returns or sell replicas or documents.",
        ),
        &["tênis réplica primeira linha", "diploma sin estudiar", "guaranteed profit 10% a week"],
    ),
    commerce(
        "commerce.currency_exchange",
        Category::CurrencyExchange,
        Severity::Warn,
        text!(
            "Compra, venda ou câmbio de moeda ou cripto: proibidos pela Política de Comércio do WhatsApp.",
            "Compra, venta o cambio de divisas o cripto: prohibidos por la Política de Comercio de WhatsApp.",
            "Buying, selling or exchanging currency or crypto is prohibited by the WhatsApp Commerce Policy.",
        ),
        COMMERCE_SUGGESTION,
        &["vendo dólar na melhor cotação", "compro USDT", "currency exchange best rate"],
    ),
    RuleInfo {
        id: "conduct.threat",
        category: Category::Threat,
        severity: Severity::Block,
        enabled: true,
        policy: policy::CDC,
        message: text!(
            "Ameaça, intimidação ou exposição do cliente: o CDC (art. 42) proíbe expor o consumidor a ridículo ou ameaça na cobrança.",
            "Amenaza, intimidación o exposición del cliente: el CDC de Brasil (art. 42) y las buenas prácticas de cobranza lo prohíben.",
            "Threat, intimidation or exposure of the customer: the Brazilian Consumer Code (art. 42) forbids it in debt collection.",
        ),
        suggestion: Some(text!(
            "Informe o débito e as opções de pagamento com respeito, sem ameaças nem terceiros.",
            "Informa la deuda y las opciones de pago con respeto, sin amenazas ni terceros.",
            "State the debt and payment options respectfully, without threats or third parties.",
        )),
        examples: &["vamos avisar seu chefe e seus vizinhos", "sabemos dónde vives", "you'll regret it"],
    },
    RuleInfo {
        id: "conduct.harassment",
        category: Category::Harassment,
        severity: Severity::Warn,
        enabled: true,
        policy: policy::CDC,
        message: text!(
            "Insulto, palavrão ou assédio dirigido ao cliente: viola o CDC (art. 42) e as políticas do WhatsApp.",
            "Insulto, groserías o acoso dirigido al cliente: viola las políticas de WhatsApp y las buenas prácticas.",
            "Insult, profanity or harassment aimed at the customer: violates WhatsApp's policies and the Consumer Code.",
        ),
        suggestion: Some(text!(
            "Reescreva com linguagem respeitosa e profissional.",
            "Reescribe con lenguaje respetuoso y profesional.",
            "Rewrite it in respectful, professional language.",
        )),
        examples: &["seu idiota", "eres un pendejo", "you moron"],
    },
    RuleInfo {
        id: "style.caps",
        category: Category::Style,
        severity: Severity::Info,
        enabled: false,
        policy: STYLE_POLICY,
        message: text!(
            "Texto em maiúsculas soa como grito.",
            "El texto en mayúsculas suena a grito.",
            "All-caps text reads as shouting.",
        ),
        suggestion: Some(text!(
            "Use maiúsculas só no início das frases e em siglas.",
            "Usa mayúsculas solo al inicio de las frases y en siglas.",
            "Use capitals only to start sentences and for acronyms.",
        )),
        examples: &["ÚLTIMA CHANCE DE PAGAR HOJE"],
    },
    RuleInfo {
        id: "style.exclamations",
        category: Category::Style,
        severity: Severity::Info,
        enabled: false,
        policy: STYLE_POLICY,
        message: text!(
            "Sequência de pontos de exclamação ou interrogação.",
            "Secuencia de signos de exclamación o interrogación.",
            "Run of exclamation or question marks.",
        ),
        suggestion: Some(text!(
            "Use um único sinal de pontuação.",
            "Usa un solo signo de puntuación.",
            "Use a single punctuation mark.",
        )),
        examples: &["Promoção!!!"],
    },
    RuleInfo {
        id: "style.slang",
        category: Category::Style,
        severity: Severity::Info,
        enabled: false,
        policy: STYLE_POLICY,
        message: text!(
            "Abreviação ou gíria fora do tom formal da marca.",
            "Abreviatura o jerga fuera del tono formal de la marca.",
            "Slang or text-speak outside the brand's formal voice.",
        ),
        suggestion: Some(text!(
            "Escreva a palavra por extenso (\"você\", \"beleza\", \"que\").",
            "Escribe la palabra completa (\"que\", \"también\", \"por qué\").",
            "Spell the word out (\"you\", \"please\", \"thanks\").",
        )),
        examples: &["vc pode confirmar? blz"],
    },
];

/// The rule reporting `category`, for lexicon categories.
pub(crate) fn for_category(category: Category) -> Option<&'static RuleInfo> {
    if category == Category::Style {
        return RULES.iter().find(|r| r.id == "style.slang");
    }
    RULES.iter().find(|r| r.category == category)
}

/// Placeholder carried by custom-topic hits; the engine renders the topic's own id and texts.
pub(crate) static CUSTOM: RuleInfo = RuleInfo {
    id: "custom",
    category: Category::Custom,
    severity: Severity::Warn,
    enabled: true,
    policy: text!("Regras da empresa", "Reglas de la empresa", "Company rules"),
    message: text!(
        "Tema que a empresa pede para evitar.",
        "Tema que la empresa pide evitar.",
        "A topic the company asks to avoid.",
    ),
    suggestion: None,
    examples: &[],
};
