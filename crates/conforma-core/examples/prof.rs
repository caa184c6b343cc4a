#![allow(missing_docs, clippy::unwrap_used)]
fn main() {
    let pt =
        "Seu pedido 48213 saiu para entrega hoje de manhã e deve chegar até as 18h. ".repeat(14);
    let en =
        "Your order 48213 has shipped this morning and should arrive by six today. ".repeat(14);
    let what = std::env::args().nth(1).unwrap_or_default();
    let engine = conforma_core::Engine::builtin();
    let sample = "Olá, Maria! Seu pedido 48213 saiu para entrega e chega amanhã entre 9h e 12h. \
O frete ficou grátis porque a compra passou de R$ 199. Aproveite: a camisa polo azul voltou ao estoque \
e o vestido cor vinho está com 20% de desconto. ¡Hola! Tu pedido fue enviado y llega el jueves; \
puedes pagar en 6 cuotas sin interés. Hi! Your order has shipped. Happy hour com chopp em dobro na sexta, \
e temos cerveja artesanal gelada 🍺. Qualquer dúvida é só chamar por aqui, vc sabe!!! ".repeat(3);
    let sample = sample[..sample
        .char_indices()
        .map(|(i, _)| i)
        .find(|&i| i >= 1000)
        .unwrap()]
        .to_owned();
    let which = std::env::var("TEXTS").unwrap_or_else(|_| "pt,en,sample".into());
    for (name, s) in [("pt", &pt), ("en", &en), ("sample", &sample)] {
        if !which.split(',').any(|w| w == name) {
            continue;
        }
        let msg = conforma_core::Message::outbound(s.clone());
        let iters: u32 = std::env::var("ITERS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(100_000);
        let mut n = 0;
        let t = std::time::Instant::now();
        for _ in 0..iters {
            n += match what.as_str() {
                "content" => conforma_core::bench::content(s),
                "norm" => conforma_core::bench::normalize(s),
                "pii" => conforma_core::bench::pii(s),
                _ => engine.check(&msg).map(|f| f.len()).unwrap_or(0),
            };
        }
        println!("{name} {what} {n} {:?}/iter", t.elapsed() / iters);
    }
}
