// Example messages of the demo: one per category, plus tricky clean ones.
// Written for this site (never taken from an evaluation corpus). Each text exists in the
// three site locales; `context` sets demo controls before the text is checked.

const L = (pt, es, en) => ({ "pt-BR": pt, es, en });

export const EXAMPLES = [
  { category: "drugs", text: L("Tenho maconha da boa, entrego hoje à noite.", "Tengo marihuana de la buena, la entrego esta noche.", "I've got good weed, I can deliver tonight.") },
  { category: "medicine", text: L("Vendemos Rivotril sem receita, é só pagar no Pix.", "Vendemos Rivotril sin receta, pagas por transferencia.", "We sell Xanax without a prescription, pay by transfer.") },
  { category: "alcohol", text: L("🍻 Sexta tem promoção: vamos tomar uma cerveja gelada!", "🍻 El viernes hay promo: ¡cerveza bien fría para todos!", "🍻 Friday deal: cold beer for everyone!") },
  { category: "tobacco", text: L("Chegaram os pods de vape sabor menta, últimas unidades.", "Llegaron los vapers de sabor menta, últimas unidades.", "New mint vape pods just arrived, last units.") },
  { category: "weapons", text: L("Temos revólver calibre 38 e munição à pronta entrega.", "Tenemos revólver calibre 38 y municiones para entrega inmediata.", "We have a .38 revolver and ammunition ready to ship.") },
  { category: "gambling", text: L("Aposte no cassino online e ganhe bônus no primeiro depósito!", "¡Apuesta en el casino online y gana un bono en tu primer depósito!", "Bet at our online casino and get a bonus on your first deposit!") },
  { category: "adult", text: L("Novos vídeos pornô exclusivos no nosso canal pago.", "Nuevos videos porno exclusivos en nuestro canal de pago.", "New exclusive porn videos on our paid channel.") },
  { category: "dating", text: L("Agência de acompanhantes: garotas de programa 24 horas.", "Agencia de acompañantes y escorts las 24 horas.", "Escort agency: companions available 24 hours a day.") },
  { category: "animals", text: L("Vendo filhotes de papagaio, entrego em qualquer cidade.", "Vendo crías de loro, envío a cualquier ciudad.", "Selling baby parrots, shipping to any city.") },
  { category: "fraud", text: L("Bolsas réplica primeira linha, iguais às originais.", "Bolsos réplica de primera calidad, iguales a los originales.", "First-class replica handbags, just like the originals.") },
  { category: "currency_exchange", text: L("Compro e vendo dólar em espécie com cotação melhor que o banco.", "Compro y vendo dólares en efectivo, mejor cotización que el banco.", "I buy and sell US dollars in cash at better rates than the bank.") },
  { category: "threat", text: L("Se não pagar até amanhã, vamos expor seu nome para toda a sua família.", "Si no paga mañana, vamos a contarle a toda su familia que nos debe.", "Pay by tomorrow or we will tell your whole family about your debt.") },
  { category: "harassment", text: L("Você é um idiota, aprende a ler o contrato.", "Eres un idiota, aprende a leer el contrato.", "You are an idiot, learn to read the contract.") },
  { category: "pii.cpf", text: L("Confirmei o cadastro com o CPF 348.162.790-40.", "Registré el CPF del cliente: 348.162.790-40.", "The customer's CPF is 348.162.790-40.") },
  { category: "pii.card", text: L("Pode usar o cartão 4532 0151 1283 0366 para a compra.", "Usa la tarjeta 4532 0151 1283 0366 para la compra.", "Use card 4532 0151 1283 0366 for the purchase.") },
  { category: "pii.credential", text: L("Seu acesso: usuário maria.souza, senha Ab#93kLm.", "Tu acceso: usuario maria.souza, contraseña Ab#93kLm.", "Your login: user maria.souza, password Ab#93kLm.") },
  { category: "pii.bank", text: L("Deposite na agência 0461, conta corrente 01234567-8.", "Deposita en la cuenta IBAN ES91 2100 0418 4502 0005 1332.", "Wire it to IBAN ES91 2100 0418 4502 0005 1332.") },
  { category: "pii.id_document", text: L("O RG dela é 24.678.319-5, já anotei aqui.", "Su DNI es 12345678Z, ya lo anoté.", "Her Spanish DNI is 12345678Z, I noted it down.") },
  { category: "opt_out", direction: "inbound", text: L("PARAR", "BAJA", "STOP") },
  { category: "opt_in", direction: "inbound", text: L("Sim, quero receber as ofertas por aqui.", "Sí, quiero recibir las ofertas por aquí.", "Yes, I want to receive your offers here.") },
  { category: "out_of_hours", context: { clock: "sun10" }, text: L("Bom dia! Seu pedido já saiu para entrega.", "¡Buenos días! Tu pedido ya salió a reparto.", "Good morning! Your order is out for delivery.") },
  { category: "no_opt_in", context: { optIn: "unknown", lastInbound: "never", surface: "platform" }, text: L("Olá! Conheça a nossa nova coleção de verão.", "¡Hola! Conoce nuestra nueva colección de verano.", "Hi! Take a look at our new summer collection.") },
  { category: "opted_out", context: { optedOut: true }, text: L("Olá! Temos uma oferta especial para você.", "¡Hola! Tenemos una oferta especial para ti.", "Hi! We have a special offer for you.") },
  { category: "window_closed", context: { lastInbound: "2880", surface: "platform" }, text: L("Oi, tudo bem? Ainda tem interesse no orçamento?", "Hola, ¿cómo estás? ¿Sigues interesado en el presupuesto?", "Hi, how are you? Still interested in the quote?") },
  { clean: true, label: L("Limpo: “parar”", "Limpio: “parar”", "Clean: “stop”"), text: L("Pode parar o carro na vaga 12, perto da entrada.", "Puedes parar el coche en la plaza 12, cerca de la entrada.", "You can stop by the front desk to pick up your order.") },
  { clean: true, label: L("Limpo: número de pedido", "Limpio: número de pedido", "Clean: order number"), text: L("Seu pedido 48213-77 foi enviado 📦 e chega na quinta.", "Tu pedido 48213-77 fue enviado 📦 y llega el jueves.", "Your order 48213-77 has shipped 📦 and arrives Thursday.") },
  { clean: true, label: L("Limpo: álcool em gel", "Limpio: gel hidroalcohólico", "Clean: hand sanitizer"), text: L("Reforçamos a limpeza: tem álcool em gel na recepção.", "Reforzamos la limpieza: hay gel hidroalcohólico en la recepción.", "We stepped up cleaning: there is hand sanitizer at the front desk.") },
];
