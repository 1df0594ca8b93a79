// A small TypeScript consumer of the types that `openapi-typescript` generates from
// openapi/wxkefu.yaml. `make docs` (scripts/docs.py) copies this file next to the
// generated `wxkefu.d.ts` and compiles it with `tsc --noEmit --strict`: if the spec
// stops producing usable TypeScript for another team, the docs build fails.
//
// It is written the way a TypeScript user would write it: a plain `switch (m.msgtype)`
// narrows a pulled item to its payload type (the received unions are discriminated, and
// the catch-all `UnknownMessage` takes only tags the spec does not list — see the spec's
// info.description).
import type { components, paths } from "./wxkefu";

type Schemas = components["schemas"];
type BaseResp = Schemas["BaseResp"];
type GetTokenResp = Schemas["GetTokenResp"];
type SyncMsgReq = Schemas["SyncMsgReq"];
type SyncMsgResp = Schemas["SyncMsgResp"];
type SyncMsgItem = Schemas["SyncMsgItem"];
type SendMsgReq = Schemas["SendMsgReq"];

// The operation's request body and 200 response are the named schemas.
type SyncMsgBody = NonNullable<
  paths["/kf/sync_msg"]["post"]["requestBody"]
>["content"]["application/json"];
type SyncMsgOk =
  paths["/kf/sync_msg"]["post"]["responses"][200]["content"]["application/json"];

export function isOk(resp: BaseResp): boolean {
  const code: number = resp.errcode;
  return code === 0;
}

export function tokenOf(resp: GetTokenResp): string | undefined {
  const token: string | undefined = resp.access_token;
  const ttl: number | undefined = resp.expires_in;
  return ttl !== undefined && ttl > 0 ? token : undefined;
}

export function firstPage(openKfid: string, token?: string): SyncMsgReq {
  const req: SyncMsgBody = { open_kfid: openKfid, limit: 1000 };
  if (token !== undefined) req.token = token;
  return req;
}

export function nextPage(prev: SyncMsgReq, resp: SyncMsgOk): SyncMsgReq | null {
  const page: SyncMsgResp = resp;
  if (page.has_more !== 1) return null;
  const cursor: string | undefined = page.next_cursor;
  return cursor === undefined ? null : { ...prev, cursor };
}

export function textsOf(resp: SyncMsgResp): string[] {
  const out: string[] = [];
  const items: SyncMsgItem[] = resp.msg_list ?? [];
  for (const m of items) {
    // The discriminator narrows: in case "text", m is TextMessage and m.text its payload.
    switch (m.msgtype) {
      case "text":
        out.push(m.text.content);
        break;
      default:
        break; // other types, and types the spec does not know yet (UnknownMessage)
    }
  }
  return out;
}

export function replyTo(item: SyncMsgItem, openKfid: string): Pick<SendMsgReq, "touser" | "open_kfid"> | null {
  if (!("external_userid" in item) || typeof item.external_userid !== "string") return null;
  return { touser: item.external_userid, open_kfid: openKfid };
}
