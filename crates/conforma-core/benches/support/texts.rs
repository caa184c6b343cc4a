//! The bench texts and the median/p95 harness, shared by `benches/check.rs`
//! and `bench/reference` (rustrict on the same texts): std only, no timing
//! assertions.
#![allow(dead_code)] // each bench uses its own part

use std::time::{Duration, Instant};

/// Ordinary customer-service text with a few findings, in three languages.
pub const SAMPLE: &str = "Olá, Maria! Seu pedido 48213 saiu para entrega e chega amanhã entre 9h e 12h. \
O frete ficou grátis porque a compra passou de R$ 199. Aproveite: a camisa polo azul voltou ao estoque \
e o vestido cor vinho está com 20% de desconto. ¡Hola! Tu pedido fue enviado y llega el jueves; \
puedes pagar en 6 cuotas sin interés. Hi! Your order has shipped. Happy hour com chopp em dobro na sexta, \
e temos cerveja artesanal gelada 🍺. Qualquer dúvida é só chamar por aqui, vc sabe!!! ";

/// Ordinary text with no findings at all.
pub const CLEAN: &str = "Olá, Maria! Seu pedido 48213 saiu para entrega e chega amanhã entre 9h e 12h. \
O frete ficou grátis porque a compra passou de R$ 199. ¡Hola! Tu pedido fue enviado y llega el jueves. \
Hi! Your order has shipped and should arrive Thursday; reply here with any questions. ";

pub fn text_of(len: usize) -> String {
    repeat_to(SAMPLE, len)
}

pub fn repeat_to(sample: &str, len: usize) -> String {
    let mut s = String::with_capacity(len + sample.len());
    while s.len() < len {
        s.push_str(sample);
    }
    let mut end = len.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    s
}

pub fn measure(name: &str, iters: usize, mut f: impl FnMut()) {
    for _ in 0..iters.min(50) {
        f();
    }
    let mut times: Vec<Duration> = (0..iters)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    report(name, &times, iters);
}

/// Prints the median and p95 of `sorted` timings.
pub fn report(name: &str, sorted: &[Duration], runs: usize) {
    let median = sorted[sorted.len() / 2];
    let p95 = sorted[sorted.len() * 95 / 100];
    println!("{name:<52} median {median:>10.2?}   p95 {p95:>10.2?}   ({runs} runs)");
}
