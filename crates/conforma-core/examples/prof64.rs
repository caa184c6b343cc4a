#![allow(clippy::unwrap_used, missing_docs)]
use conforma_core::{Engine, Message};
fn main() {
    let c = "Olá, Maria! Seu pedido 48213 saiu para entrega e chega amanhã entre 9h e 12h. O frete ficou grátis porque a compra passou de R$ 199. ¡Hola! Tu pedido fue enviado y llega el jueves. Hi! Your order has shipped and should arrive Thursday; reply here with any questions. ";
    let mut s = String::new();
    while s.len() < 65536 {
        s.push_str(c);
    }
    let m = Message::outbound(s);
    let e = Engine::builtin();
    let mut n = 0;
    for _ in 0..1000 {
        n += e.check(&m).unwrap().len();
    }
    println!("{n}");
}
