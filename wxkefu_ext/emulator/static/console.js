// wxkefu emulator console: plain JS, no build step. Everything goes through the emulator's
// control API (/_emulator/...); the page polls /_emulator/console/state for live updates.
"use strict";

const API = "../";            // the page lives at /_emulator/ui/
const POLL_MS = 600;
const sel = { kf: null, user: null };
let lastChat = "";
let lastCallbacks = "";
let pollTimer = null;

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function toast(text, isError) {
  const t = $("toast");
  t.textContent = text;
  t.className = "toast" + (isError ? " error" : "");
  t.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { t.hidden = true; }, isError ? 6000 : 2500);
}

async function call(method, path, body) {
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.headers["content-type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const res = await fetch(API + path, init);
  const data = await res.json().catch(() => ({ errcode: res.status, errmsg: res.statusText }));
  if (!res.ok || data.errcode) {
    const msg = data.errmsg || `HTTP ${res.status}`;
    toast(msg, true);
    throw new Error(msg);
  }
  return data;
}

function saveSelection() {
  const parts = [];
  if (sel.kf) parts.push("kf=" + encodeURIComponent(sel.kf));
  if (sel.user) parts.push("user=" + encodeURIComponent(sel.user));
  history.replaceState(null, "", "#" + parts.join("&"));
}

function loadSelection() {
  const params = new URLSearchParams(location.hash.slice(1));
  sel.kf = params.get("kf");
  sel.user = params.get("user");
}

function fmtTime(unix) {
  const d = new Date(unix * 1000);
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function fmtDuration(s) {
  if (s === null || s === undefined) return "—";
  if (s <= 0) return "closed";
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60);
  return h ? `${h} h ${m} min` : `${m} min ${s % 60} s`;
}

// ---------------------------------------------------------------- rendering

function renderAccounts(state) {
  const list = $("account-list");
  list.replaceChildren();
  if (!state.accounts.length) {
    list.append(el("li", { class: "empty" }, "no account yet — create one below"));
  }
  for (const a of state.accounts) {
    const li = el("li", {
      class: a.open_kfid === sel.kf ? "selected" : "",
      "data-kfid": a.open_kfid,
      onclick: () => { sel.kf = a.open_kfid; sel.user = null; lastChat = ""; saveSelection(); poll(); },
    },
      el("div", {}, el("div", {}, a.name), el("div", { class: "id" }, a.open_kfid)),
      a.servicers.length ? el("span", { class: "badge" }, `${a.servicers.length} servicer(s)`) : null);
    list.append(li);
  }
}

function renderCustomers(state) {
  const list = $("customer-list");
  list.replaceChildren();
  $("customer-count").textContent = sel.kf ? `(${state.sessions.length})` : "";
  if (!sel.kf) {
    list.append(el("li", { class: "empty" }, "pick an account first"));
    return;
  }
  if (!state.sessions.length) {
    list.append(el("li", { class: "empty" }, "nobody yet — let a customer enter"));
  }
  for (const s of state.sessions) {
    list.append(el("li", {
      class: s.external_userid === sel.user ? "selected" : "",
      "data-user": s.external_userid,
      onclick: () => { sel.user = s.external_userid; lastChat = ""; saveSelection(); poll(); },
    },
      el("div", {}, el("div", {}, s.nickname), el("div", { class: "id" }, s.external_userid)),
      el("span", { class: `badge s${s.state}` }, s.state_name.split(" ")[0])));
  }
}

function renderSession(state) {
  const info = $("session-info");
  const s = state.sessions.find((x) => x.external_userid === sel.user);
  const enabled = Boolean(s);
  for (const id of ["chat-text", "chat-send", "send-image", "send-location"]) $(id).disabled = !enabled;
  $("customer-reenter").disabled = !enabled;
  const account = state.accounts.find((a) => a.open_kfid === sel.kf);
  if (!s) {
    info.replaceChildren(el("dt", {}, "—"), el("dd", {}, "no customer selected"));
    $("chat-title").textContent = account ? account.name : "Pick or create an account, then a customer";
    $("chat-subtitle").textContent = account ? "no customer selected" : "";
    return;
  }
  $("chat-title").textContent = account ? account.name : sel.kf;
  $("chat-subtitle").textContent = `you are ${s.nickname} (${s.external_userid})`;
  const rows = [
    ["state", `${s.state} — ${s.state_name}`],
    ["servicer", s.servicer_userid || "—"],
    ["reply window", fmtDuration(s.window_left)],
    ["sends left", s.window_left ? `${s.sends_left} of 5` : "0 (customer must write)"],
    ["entered with scene", s.scene || "—"],
    ["customer", s.external_userid],
    ["account", sel.kf],
  ];
  info.replaceChildren(...rows.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
}

function menuItem(item) {
  const t = item.type;
  if (t === "click") {
    const c = item.click || {};
    return el("button", {
      type: "button", class: "menu-click", "data-menu-id": c.id,
      onclick: () => act("customer/menu_click", {
        open_kfid: sel.kf, external_userid: sel.user, menu_id: c.id || c.content, content: c.content,
      }),
    }, c.content);
  }
  if (t === "view") {
    const v = item.view || {};
    return el("a", { href: v.url, target: "_blank", rel: "noopener" }, v.content || v.url);
  }
  if (t === "miniprogram") {
    const m = item.miniprogram || {};
    return el("span", {}, `▶ ${m.content || m.appid} (mini program ${m.appid})`);
  }
  if (t === "text") return el("span", {}, (item.text || {}).content);
  return el("span", {}, JSON.stringify(item));
}

function bubbleContent(m) {
  const p = m.payload || {};
  switch (m.msgtype) {
    case "text":
      return [p.content, p.menu_id ? el("span", { class: "tag" }, `clicked menu item ${p.menu_id}`) : null];
    case "image":
      return m.side === "customer"
        ? [el("span", { class: "tag" }, "image"), el("img", { src: `../media/${encodeURIComponent(p.media_id)}`, alt: "image" })]
        : [el("span", { class: "tag" }, "image"), `media_id ${p.media_id}`];
    case "location":
      return [el("span", { class: "tag" }, "location"),
        [p.name, p.address && p.address !== p.name ? p.address : ""].filter(Boolean).join(" · "),
        el("span", { class: "tag" }, `${p.latitude}, ${p.longitude}`)];
    case "msgmenu":
      return [p.head_content, el("div", { class: "menu-items" }, (p.list || []).map(menuItem)), p.tail_content];
    case "link":
      return [el("span", { class: "tag" }, "link"), el("a", { href: p.url, target: "_blank", rel: "noopener" }, p.title || p.url), p.desc ? el("div", {}, p.desc) : null];
    default:
      return [el("span", { class: "tag" }, m.msgtype), JSON.stringify(p)];
  }
}

function eventText(ev) {
  switch (ev.event_type) {
    case "enter_session": return `entered the session${ev.scene ? ` (scene ${ev.scene})` : ""}${ev.welcome_code ? " — welcome_code issued" : ""}`;
    case "session_status_change": return `session changed (change_type ${ev.change_type})${ev.new_servicer_userid ? ` → ${ev.new_servicer_userid}` : ""}`;
    case "msg_send_fail": return `a message could not be delivered (fail_type ${ev.fail_type})`;
    case "user_recall_msg": return "the customer recalled a message";
    default: return ev.event_type;
  }
}

function renderChat(state) {
  const log = $("chat-log");
  const key = JSON.stringify([sel.kf, sel.user, state.conversation]);
  if (key === lastChat) return;
  lastChat = key;
  const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
  log.replaceChildren();
  if (!sel.user) {
    log.append(el("div", { class: "event" }, "select a customer, or let a new one enter the session"));
    return;
  }
  for (const m of state.conversation) {
    if (m.side === "event") {
      log.append(el("div", { class: "event" }, eventText(m.event)));
      continue;
    }
    const who = m.side === "customer" ? "customer" : `Kf account (${m.via})`;
    log.append(el("div", { class: `msg ${m.side}${m.recalled ? " recalled" : ""}`, "data-msgtype": m.msgtype },
      el("span", { class: "who" }, `${who} · ${fmtTime(m.time).slice(11)}`),
      el("div", { class: "bubble" }, bubbleContent(m))));
  }
  if (atBottom || true) log.scrollTop = log.scrollHeight;
}

function renderCallbacks(state) {
  const cb = state.callbacks;
  const failed = cb.log.filter((d) => !d.ok).length;
  $("callback-summary").textContent = cb.log.length ? `(${cb.log.length}, ${failed} failed)` : "";
  $("callback-target").textContent = cb.configured
    ? `pushing to ${cb.url}`
    : "no callback URL configured — start with `wxkefu emulator --bot examples/bot.py`";
  const key = JSON.stringify(cb.log);
  if (key === lastCallbacks) return;
  lastCallbacks = key;
  const list = $("callback-log");
  list.replaceChildren();
  for (const d of cb.log.slice().reverse()) {
    const status = d.ok ? `HTTP ${d.status}` : (d.status ? `failed: HTTP ${d.status}` : "failed");
    list.append(el("li", { class: d.ok ? "ok" : "failed" },
      el("details", {},
        el("summary", {},
          el("span", { class: "status" }, status),
          el("span", {}, fmtTime(d.time).slice(11)),
          el("span", { class: "muted" }, `${d.attempts} attempt(s)`),
          d.fault ? el("span", { class: "badge" }, `fault: ${d.fault}`) : null),
        el("div", { class: "detail-label" }, `answers from ${d.url}`),
        el("pre", {}, d.answers.join("\n") || d.error || "—"),
        el("div", { class: "detail-label" }, "decrypted payload"),
        el("pre", {}, d.message.replace(/></g, ">\n<")))));
  }
}

function renderClock(state) {
  $("clock-now").textContent = fmtTime(state.clock.now);
  const off = state.clock.offset;
  $("clock-offset").textContent = off ? `(+${fmtDuration(Math.round(off))} ahead)` : "(real time)";
}

function renderFaults(state) {
  const list = $("fault-list");
  list.replaceChildren();
  for (const f of state.faults) {
    const what = f.kind === "errcode" ? `errcode ${f.errcode}` : f.kind;
    list.append(el("li", {}, `#${f.id} ${what} on ${f.path || "every call"} — ${f.count === null ? "∞" : f.count - f.fired} left`));
  }
  const cbl = $("cbfault-list");
  cbl.replaceChildren();
  for (const f of state.callbacks.faults) {
    cbl.append(el("li", {}, `${f.kind} — ${f.count === null ? "∞" : f.count - f.fired} push(es) left`));
  }
}

function render(state) {
  if (sel.kf && !state.accounts.some((a) => a.open_kfid === sel.kf)) { sel.kf = null; sel.user = null; }
  if (!sel.kf && state.accounts.length) sel.kf = state.accounts[0].open_kfid;
  if (sel.user && !state.sessions.some((s) => s.external_userid === sel.user)) sel.user = null;
  renderAccounts(state);
  renderCustomers(state);
  renderSession(state);
  renderChat(state);
  renderCallbacks(state);
  renderClock(state);
  renderFaults(state);
}

// ---------------------------------------------------------------- polling

async function poll() {
  clearTimeout(pollTimer);
  try {
    const q = new URLSearchParams();
    if (sel.kf) q.set("open_kfid", sel.kf);
    if (sel.user) q.set("external_userid", sel.user);
    const res = await fetch(`${API}console/state?${q}`);
    const state = await res.json();
    const needsRefetch = (!sel.kf && state.accounts.length) ||
      (sel.kf && state.open_kfid !== sel.kf);
    render(state);
    $("connection").textContent = "live";
    $("connection").className = "conn";
    if (needsRefetch) { pollTimer = setTimeout(poll, 0); return; }
  } catch (err) {
    $("connection").textContent = "emulator not reachable";
    $("connection").className = "conn bad";
  }
  pollTimer = setTimeout(poll, POLL_MS);
}

async function act(path, body, method) {
  const data = await call(method || "POST", path, body);
  await poll();
  return data;
}

// ---------------------------------------------------------------- actions

function wire() {
  $("account-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const name = $("account-name").value.trim() || "客服";
    const data = await call("POST", "accounts", { name });
    sel.kf = data.open_kfid; sel.user = null; saveSelection();
    toast(`account ${data.open_kfid} created`);
    poll();
  });
  $("customer-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!sel.kf) { toast("create or pick an account first", true); return; }
    const data = await call("POST", "customer/enter_session", {
      open_kfid: sel.kf, scene: $("scene").value.trim(), scene_param: $("scene-param").value.trim(),
    });
    sel.user = data.external_userid; lastChat = ""; saveSelection();
    poll();
  });
  $("customer-reenter").addEventListener("click", () => act("customer/enter_session", {
    open_kfid: sel.kf, external_userid: sel.user,
    scene: $("scene").value.trim(), scene_param: $("scene-param").value.trim(),
  }));
  $("chat-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = $("chat-text").value;
    if (!text.trim()) return;
    await act("console/send", {
      open_kfid: sel.kf, external_userid: sel.user, msgtype: "text", payload: { content: text },
    });
    $("chat-text").value = "";
    $("chat-text").focus();
  });
  $("send-image").addEventListener("click", () =>
    act("customer/image", { open_kfid: sel.kf, external_userid: sel.user }));
  $("send-location").addEventListener("click", () => {
    const latitude = parseFloat($("loc-lat").value), longitude = parseFloat($("loc-lng").value);
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) { toast("latitude/longitude must be numbers", true); return; }
    const name = $("loc-name").value.trim();
    act("console/send", {
      open_kfid: sel.kf, external_userid: sel.user, msgtype: "location",
      payload: { latitude, longitude, name, address: name },
    });
  });
  for (const b of document.querySelectorAll(".clock-advance")) {
    b.addEventListener("click", () => act("clock/advance", { seconds: Number(b.dataset.seconds) }));
  }
  $("fault-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const kind = $("fault-kind").value;
    const body = { kind };
    const count = parseInt($("fault-count").value, 10);
    body.count = Number.isFinite(count) && count > 0 ? count : null;
    const path = $("fault-path").value.trim();
    if (path) body.path = path;
    if (kind === "errcode") body.errcode = parseInt($("fault-errcode").value, 10);
    if (kind === "delay") body.delay = 3;
    if (kind === "random") body.probability = 0.5;
    act("faults", body).then(() => toast(`fault ${kind} added`));
  });
  $("cbfault-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const count = parseInt($("cbfault-count").value, 10);
    act("callback_faults", { kind: $("cbfault-kind").value, count: count > 0 ? count : null })
      .then(() => toast("callback fault added: the next push will fail"));
  });
  $("faults-clear").addEventListener("click", async () => {
    await call("DELETE", "faults");
    await act("callback_faults", undefined, "DELETE");
    toast("faults cleared");
  });
}

loadSelection();
wire();
poll();
