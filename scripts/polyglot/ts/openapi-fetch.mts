// Polyglot check (TypeScript): types from openapi-typescript, calls through openapi-fetch, compiled
// with `tsc --strict` and run against the emulator by scripts/polyglot/run.py.
// Env: KF_BASE (…/cgi-bin), KF_CORP_ID, KF_CORP_SECRET, and for the provider step KF_SUITE_ID,
// KF_SUITE_SECRET, KF_SUITE_TICKET, KF_PROVIDER_CORP_ID, KF_PROVIDER_KFID.
import createClient, { type Client } from "openapi-fetch";
import type { components, paths } from "./schema.js";

type SyncMsgItem = components["schemas"]["SyncMsgItem"];

function fail(msg: string): never {
  console.error(`openapi-fetch: ${msg}`);
  process.exit(1);
}

const base = process.env.KF_BASE ?? fail("KF_BASE is not set");
const ctl = base.replace(/\/cgi-bin$/, "");

/** The emulator's control API (not part of the spec), with plain fetch. */
async function control(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(ctl + path, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const out = (await res.json()) as Record<string, unknown>;
  if (out.errcode !== 0) fail(`control ${path}: ${JSON.stringify(out)}`);
  return out;
}

/** A client that adds `?name=token` to every request: the tokens (access_token,
 * suite_access_token) are query apiKeys, which openapi-fetch leaves to a middleware. */
function withQueryToken(name: string, token: string): Client<paths> {
  const c = createClient<paths>({ baseUrl: base });
  c.use({
    onRequest({ request }) {
      const url = new URL(request.url);
      url.searchParams.set(name, token);
      return new Request(url, request);
    },
  });
  return c;
}

const anon = createClient<paths>({ baseUrl: base });
const tok = await anon.GET("/gettoken", {
  params: { query: { corpid: process.env.KF_CORP_ID ?? "", corpsecret: process.env.KF_CORP_SECRET ?? "" } },
});
if (!tok.data || tok.data.errcode !== 0 || !tok.data.access_token) fail(`gettoken ${JSON.stringify(tok.data)}`);
const client = withQueryToken("access_token", tok.data.access_token);

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const up = await client.POST("/media/upload", {
  params: { query: { type: "image" } },
  body: { media: "avatar.png" },
  bodySerializer() {
    const form = new FormData();
    form.append("media", new Blob([png], { type: "image/png" }), "avatar.png");
    return form;
  },
});
if (!up.data || up.data.errcode !== 0 || !up.data.media_id) fail(`media/upload ${JSON.stringify(up.data)}`);
const mediaId = up.data.media_id;

// media/get: the file's bytes, or — with HTTP 200 too — a JSON errcode body: branch on Content-Type.
const got = await client.GET("/media/get", { params: { query: { media_id: mediaId } }, parseAs: "arrayBuffer" });
const file: ArrayBuffer = got.data ?? fail(`media/get HTTP ${got.response.status}`);
if (got.response.headers.get("content-type")?.startsWith("application/json")) fail("media/get: JSON instead of the file");
if (Buffer.compare(Buffer.from(file), Buffer.from(png)) !== 0) fail(`media/get bytes differ: ${Buffer.from(file).toString("hex")}`);
const bad = await client.GET("/media/get", { params: { query: { media_id: "no-such-media" } }, parseAs: "text" });
if (bad.response.status !== 200 || !bad.response.headers.get("content-type")?.startsWith("application/json")) fail("media/get error: not a JSON 200");
const badBody = JSON.parse(bad.data ?? "{}") as components["schemas"]["BaseResp"];
if (badBody.errcode !== 40007) fail(`media/get error ${JSON.stringify(badBody)}`);

const added = await client.POST("/kf/account/add", { body: { name: "TS 客服", media_id: mediaId } });
const kfid = added.data?.open_kfid ?? fail(`account/add ${JSON.stringify(added.data)}`);
const listed = await client.POST("/kf/account/list", { body: {} });
if (!listed.data?.account_list?.some((a) => a.open_kfid === kfid)) fail(`account/list misses ${kfid}`);

const entered = await control("POST", "/_emulator/customer/enter_session", { open_kfid: kfid });
const user = String(entered.external_userid);
await control("POST", "/_emulator/customer/send", { open_kfid: kfid, external_userid: user, text: "你好 from ts" });
await control("POST", "/_emulator/items/raw", {
  open_kfid: kfid,
  item: {
    open_kfid: kfid, external_userid: user, origin: 3, msgtype: "hologram",
    hologram: { media_id: "HOLO1", duration: 12 }, future_field: "kept",
  },
});
// An item with no msgtype at all (the server should never send one): it must not fail the page.
await control("POST", "/_emulator/items/raw", {
  open_kfid: kfid,
  item: { open_kfid: kfid, external_userid: user, origin: 3, untyped_field: "kept" },
});

let texts = 0;
let enters = 0;
let unknown = 0;
let untyped = 0;
function dispatch(m: SyncMsgItem): void {
  switch (m.msgtype) {
    case "text":
      if (m.text.content !== "你好 from ts") fail(`text ${m.text.content}`);
      texts++;
      break;
    case "image":
    case "voice":
    case "video":
    case "file":
      console.log(`openapi-fetch: media ${m.msgtype}`);
      break;
    case "event":
      switch (m.event.event_type) {
        case "enter_session":
          enters++;
          break;
        case "msg_send_fail":
          fail(`send failed: ${m.event.fail_msgid}`);
          break;
        default:
          console.log(`openapi-fetch: other event ${String(m.event.event_type)}`);
      }
      break;
    default: {
      // Every other item, incl. a msgtype the spec does not know yet: the raw object, untouched.
      const raw: Record<string, unknown> = m;
      const holo = raw.hologram as { media_id?: unknown } | undefined;
      if (raw.msgtype === "hologram") {
        if (holo?.media_id !== "HOLO1" || raw.future_field !== "kept") fail(`raw fields lost: ${JSON.stringify(raw)}`);
        unknown++;
      } else if (raw.msgtype === undefined) {
        if (raw.untyped_field !== "kept") fail(`raw fields lost: ${JSON.stringify(raw)}`);
        untyped++;
      }
    }
  }
}

let cursor: string | undefined;
for (let page = 0; page < 10; page++) {
  const res = await client.POST("/kf/sync_msg", { body: { open_kfid: kfid, cursor } });
  if (!res.data || res.data.errcode !== 0) fail(`sync_msg ${JSON.stringify(res.data)}`);
  for (const m of res.data.msg_list ?? []) dispatch(m);
  cursor = res.data.next_cursor;
  if (res.data.has_more === 0) break;
}
if (texts !== 1 || enters !== 1 || unknown !== 1 || untyped !== 1) {
  fail(`dispatch counts text=${texts} enter_session=${enters} unknown=${unknown} untyped=${untyped}`);
}

const sent = await client.POST("/kf/send_msg", {
  body: { touser: user, open_kfid: kfid, msgid: "ts_fetch_reply_1", msgtype: "text", text: { content: "收到 (ts)" } },
});
if (sent.data?.errcode !== 0) fail(`send_msg ${JSON.stringify(sent.data)}`);
const delivered = (await control("GET", `/_emulator/delivered?open_kfid=${kfid}`)).delivered as { msgid: string }[];
if (delivered.length !== 1 || delivered[0]?.msgid !== "ts_fetch_reply_1") fail(`delivery not seen: ${JSON.stringify(delivered)}`);

// As a third-party app: suite token → pre-auth code → the corp installs (control API) → permanent
// code → corp token, then a Kf call on the corp's behalf.
const corpId = process.env.KF_PROVIDER_CORP_ID ?? fail("KF_PROVIDER_CORP_ID is not set");
const suite = await anon.POST("/service/get_suite_token", {
  body: {
    suite_id: process.env.KF_SUITE_ID ?? "", suite_secret: process.env.KF_SUITE_SECRET ?? "",
    suite_ticket: process.env.KF_SUITE_TICKET ?? "",
  },
});
// errcode is sent only on failure: absent means success.
if (!suite.data || (suite.data.errcode ?? 0) !== 0 || !suite.data.suite_access_token) fail(`get_suite_token ${JSON.stringify(suite.data)}`);
const svc = withQueryToken("suite_access_token", suite.data.suite_access_token);
const pre = await svc.GET("/service/get_pre_auth_code");
if (!pre.data || pre.data.errcode !== 0 || !pre.data.pre_auth_code) fail(`get_pre_auth_code ${JSON.stringify(pre.data)}`);
const preAuthCode = pre.data.pre_auth_code;
const configured = await svc.POST("/service/set_session_info", { body: { pre_auth_code: preAuthCode, session_info: { auth_type: 1 } } });
if (configured.data?.errcode !== 0) fail(`set_session_info ${JSON.stringify(configured.data)}`);
const installed = await control("POST", "/_emulator/provider/install", { pre_auth_code: preAuthCode, corp_id: corpId, state: "fetch" });
const perm = await svc.POST("/service/v2/get_permanent_code", { body: { auth_code: String(installed.auth_code) } });
if (!perm.data || perm.data.errcode !== 0 || !perm.data.permanent_code) fail(`v2/get_permanent_code ${JSON.stringify(perm.data)}`);
if (perm.data.auth_corp_info?.corpid !== corpId || perm.data.state !== "fetch") fail(`v2/get_permanent_code ${JSON.stringify(perm.data)}`);
const grant = { auth_corpid: corpId, permanent_code: perm.data.permanent_code };
const info = await svc.POST("/service/v2/get_auth_info", { body: grant });
const exName = info.data?.auth_corp_info?.corp_ex_name ?? fail(`v2/get_auth_info ${JSON.stringify(info.data)}`);
// name_list is untyped in the spec (the only sample shows a string): `unknown` here.
const names: unknown = exName.name_list;
if (typeof names !== "string" && !Array.isArray(names)) fail(`v2/get_auth_info corp_ex_name ${JSON.stringify(exName)}`);
const corp = await svc.POST("/service/get_corp_token", { body: grant });
if (!corp.data || (corp.data.errcode ?? 0) !== 0 || !corp.data.access_token) fail(`get_corp_token ${JSON.stringify(corp.data)}`);
const corpAccounts = await withQueryToken("access_token", corp.data.access_token).POST("/kf/account/list", { body: {} });
const corpKfids = corpAccounts.data?.account_list?.map((a) => a.open_kfid) ?? [];
if (corpKfids.length !== 1 || corpKfids[0] !== process.env.KF_PROVIDER_KFID) fail(`account/list (corp token) ${JSON.stringify(corpAccounts.data)}`);
console.log("openapi-fetch: ok");
