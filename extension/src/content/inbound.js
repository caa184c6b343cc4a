// Classifies inbound messages as they arrive. Every inbound message is noted in the registry
// (it opens the 24-hour window); an opt-out or opt-in found by the engine updates the registry
// at once and tells the agent why, so the very next send is checked against the new status.
// Rows present when the composer attaches are history and are skipped; rows rendered later are
// classified, but never override a decision recorded after them.
import { isoWithOffset, nowMs } from "./clock.js";
import { phoneIn } from "./whatsapp.js";

/**
 * @param {object} ctx
 * @param {{chat: () => any, watchInbound: Function | null}} ctx.adapter
 * @param {() => any} ctx.getChecker current checker (or null when the engine cannot run)
 * @param {typeof import("../lib/storage.js")} ctx.store
 * @param {ReturnType<import("./panel.js").createPanel>} ctx.panel
 * @param {() => (key: string, ...subs: unknown[]) => string} ctx.getT
 * @param {() => void} ctx.onRegistryChange
 * @param {AbortSignal} ctx.signal
 */
export function watchInboundMessages(ctx) {
  if (typeof ctx.adapter.watchInbound !== "function") return;
  let queue = Promise.resolve();
  ctx.adapter.watchInbound((info) => {
    // One at a time, in arrival order: a later opt-in must win over an earlier opt-out.
    queue = queue.then(() => handle(ctx, info)).catch((err) => console.warn("Conforma: inbound message not classified:", err));
  }, ctx.signal);
}

async function handle(ctx, info) {
  if (ctx.signal.aborted) return;
  const chat = ctx.adapter.chat() ?? {};
  const contact = chat.isGroup ? { phone: phoneIn(info.author), name: info.author } : { phone: chat.phone, name: chat.name };
  if (!contact.phone && !contact.name) return;
  const at = new Date(info.at ?? nowMs()).toISOString();
  await ctx.store.noteInbound(contact, at);
  const checker = ctx.getChecker();
  let status = null;
  let finding = null;
  if (checker) {
    const t = ctx.getT();
    const result = await checker.check(info.text, { direction: "inbound", locale: t.lang, context: { now: isoWithOffset() } });
    if (result?.type === "success") {
      finding = result.findings.find((f) => f.category === "opt_out") ?? result.findings.find((f) => f.category === "opt_in") ?? null;
      status = finding?.category ?? null;
    }
  }
  // WhatsApp re-renders older rows (scrolling up, reopening a chat): an old message must not
  // undo a newer decision, and the agent is told only about decisions that changed something.
  let applied = false;
  if (status) {
    const existing = await ctx.store.findContact(contact).catch(() => null);
    const decided = existing && (existing.status === "opt_in" || existing.status === "opt_out");
    if (!decided || !(Date.parse(existing.at) >= Date.parse(at))) {
      await ctx.store.setContactStatus(contact, status, "inbound", at);
      applied = true;
    }
  }
  ctx.onRegistryChange();
  if (!finding || !applied) return;
  const t = ctx.getT();
  const who = contact.name ?? contact.phone;
  if (status === "opt_out") ctx.panel.notice(t("inboundOptOut", who, finding.message), info.text, "opt_out");
  else ctx.panel.notice(t("inboundOptIn", who), info.text, "opt_in");
}
