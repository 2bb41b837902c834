// Runs the real `mailpit-api` client against MailCatcher's Mailpit-compatible API.
// MAILPIT_URL is the base (http://127.0.0.1:PORT/mailpit). The C# test
// (MailCatcher.Tests.Integrations.MailpitCompatTests) seeds three messages over SMTP first:
//   "Welcome Ann" to ann@example.com (text + HTML with a link), from app@example.com
//   "Your code" to bob@example.com, Cc carol@example.com, Bcc dave@example.com (envelope only)
//   "Invoice" to ann@example.com with an attachment invoice.pdf
// Every call the README lists as covered is made here; a failed assertion exits non-zero.
import assert from "node:assert/strict";
import { MailpitClient } from "mailpit-api";

const mailpit = new MailpitClient(process.env.MAILPIT_URL);
const covered = [];
const check = async (name, fn) => { await fn(); covered.push(name); };

await check("listMessages", async () => {
  const list = await mailpit.listMessages();
  assert.equal(list.total, 3);
  assert.equal(list.messages_count, 3);
  assert.equal(list.messages.length, 3);
  assert.equal(list.messages[0].Subject, "Invoice");
  assert.equal(typeof list.messages[0].ID, "string");
  assert.equal(list.messages[0].Attachments, 1);
  const page = await mailpit.listMessages(1, 1);
  assert.equal(page.messages.length, 1);
  assert.equal(page.messages[0].Subject, "Your code");
});

await check("searchMessages", async () => {
  const found = await mailpit.searchMessages({ query: "to:ann@example.com" });
  assert.equal(found.messages_count, 2);
  assert.equal(found.total, 3);
  const bcc = await mailpit.searchMessages({ query: "bcc:dave@example.com" });
  assert.deepEqual(bcc.messages.map(m => m.Subject), ["Your code"]);
  const phrase = await mailpit.searchMessages({ query: 'subject:"your code" !to:ann@example.com' });
  assert.deepEqual(phrase.messages.map(m => m.Subject), ["Your code"]);
});

await check("getMessageSummary", async () => {
  const latest = await mailpit.getMessageSummary();
  assert.equal(latest.Subject, "Invoice");
  assert.equal(latest.Attachments.length, 1);
  assert.equal(latest.Attachments[0].FileName, "invoice.pdf");
  const id = (await mailpit.searchMessages({ query: "subject:code" })).messages[0].ID;
  const code = await mailpit.getMessageSummary(id);
  assert.equal(code.From.Address, "app@example.com");
  assert.deepEqual(code.Cc.map(a => a.Address), ["carol@example.com"]);
  assert.deepEqual(code.Bcc.map(a => a.Address), ["dave@example.com"]);
  assert.match(code.Text, /482913/);
});

await check("waitForMessage", async () => {
  const welcome = await mailpit.waitForMessage({ query: "subject:welcome" }, { timeout: 5000, interval: 100 });
  assert.equal(welcome.Subject, "Welcome Ann");
  assert.match(welcome.HTML, /https:\/\/example\.com\/start/);
});

await check("waitForMessages", async () => {
  const result = await mailpit.waitForMessages({ query: "to:ann@example.com", count: 2 }, { timeout: 5000, interval: 100 });
  assert.equal(result.messages_count, 2);
});

await check("getMessageHeaders", async () => {
  const headers = await mailpit.getMessageHeaders();
  assert.deepEqual(headers.Subject, ["Invoice"]);
});

await check("getMessageSource", async () => {
  const raw = await mailpit.getMessageSource();
  assert.match(raw, /^.*Subject: Invoice/ms);
});

await check("renderMessageHTML", async () => {
  const id = (await mailpit.searchMessages({ query: "subject:welcome" })).messages[0].ID;
  const html = await mailpit.renderMessageHTML(id);
  assert.match(html, /Start here/);
});

await check("renderMessageText", async () => {
  const id = (await mailpit.searchMessages({ query: "subject:welcome" })).messages[0].ID;
  assert.match(await mailpit.renderMessageText(id), /Welcome aboard/);
});

await check("setTags + getTags", async () => {
  const id = (await mailpit.searchMessages({ query: "subject:invoice" })).messages[0].ID;
  await mailpit.setTags({ IDs: [id], Tags: ["billing", "ci"] });
  assert.deepEqual(await mailpit.getTags(), ["billing", "ci"]);
  const tagged = await mailpit.searchMessages({ query: "tag:billing" });
  assert.deepEqual(tagged.messages.map(m => m.Subject), ["Invoice"]);
  assert.deepEqual(tagged.messages[0].Tags, ["billing", "ci"]);
});

await check("deleteMessagesBySearch", async () => {
  await mailpit.deleteMessagesBySearch({ query: "subject:welcome" });
  assert.equal((await mailpit.listMessages()).total, 2);
});

await check("deleteMessages (IDs)", async () => {
  const id = (await mailpit.searchMessages({ query: "subject:code" })).messages[0].ID;
  await mailpit.deleteMessages({ IDs: [id] });
  assert.equal((await mailpit.listMessages()).total, 1);
});

await check("deleteMessages (all)", async () => {
  await mailpit.deleteMessages();
  assert.equal((await mailpit.listMessages()).total, 0);
});

await check("errors", async () => {
  await assert.rejects(() => mailpit.getMessageSummary("999999"), /404/);
  await assert.rejects(() => mailpit.searchMessages({ query: "message-id:abc" }), /400/);
});

console.log(JSON.stringify({ covered }));
