// The manager's page: plain ES module, no build step. Every datum comes from /api/ with the login
// kept in sessionStorage (gone when the tab closes); text goes in with textContent only, so
// nothing from a lead record is ever parsed as HTML.

const AUTH_KEY = "sla.auth";
const TEAM_KEY = "sla.team";
const POLL_MS = 3000;
// The leaderboard's counts change as clocks end, a few a minute: asked again once a minute.
const POLL_MS_BY_VIEW = { leaderboard: 60000 };

const $ = (id) => document.getElementById(id);
const views = ["login", "now", "lead", "account", "leaderboard"];
const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
const percent = new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 0 });

let me = null;
let timer = null;
let generation = 0;

class LoginNeeded extends Error {}

async function api(path) {
  const auth = sessionStorage.getItem(AUTH_KEY);
  if (!auth) {
    throw new LoginNeeded("Log in to see your team.");
  }
  const response = await fetch(path, { headers: { Authorization: auth, Accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (response.status === 401) {
    sessionStorage.removeItem(AUTH_KEY);
    throw new LoginNeeded((body && body.error) || "The login was not accepted.");
  }
  if (!response.ok) {
    throw new Error((body && body.error) || `The engine answered ${response.status}.`);
  }
  return body;
}

function el(tag, text, attrs = {}) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  for (const [name, value] of Object.entries(attrs)) {
    node.setAttribute(name, value);
  }
  return node;
}

function timeEl(iso) {
  if (!iso) {
    return el("span", "—");
  }
  const at = new Date(iso);
  const node = el("time", when.format(at), { datetime: iso });
  node.title = ago(at);
  return node;
}

function ago(at) {
  const seconds = Math.round((at.getTime() - Date.now()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 90) return relative.format(seconds, "second");
  if (abs < 5400) return relative.format(Math.round(seconds / 60), "minute");
  if (abs < 129600) return relative.format(Math.round(seconds / 3600), "hour");
  return relative.format(Math.round(seconds / 86400), "day");
}

function stateBadge(stage) {
  const label =
    stage === "ESCALATED" ? "Escalated" : stage === "BREACHED" ? "Breached" : stage ? "At risk" : "—";
  const css = stage === "ESCALATED" ? "escalated" : stage === "BREACHED" ? "breached" : "at-risk";
  return el("span", label, { class: `state state-${css}` });
}

function cell(row, label, content) {
  const td = el("td", null, { "data-label": label });
  if (content instanceof Node) {
    td.append(content);
  } else {
    td.textContent = content ?? "—";
  }
  row.append(td);
  return td;
}

function link(text, href) {
  return el("a", text, { href });
}

const leadHref = (id) => `#/lead/${encodeURIComponent(id)}`;
const accountHref = (id) => `#/account/${encodeURIComponent(id)}`;

function fillRows(tbody, rows) {
  tbody.replaceChildren(...rows);
}

function team() {
  return $("team").value;
}

// ---- views ----

async function renderNow(status) {
  const t = encodeURIComponent(team());
  const [atRisk, overdue] = await Promise.all([
    api(`/api/teams/${t}/at-risk?limit=50`),
    api(`/api/teams/${t}/overdue?limit=50`),
  ]);
  const clocks = [...overdue.clocks, ...atRisk.clocks].sort(
    (a, b) => a.dueAt.localeCompare(b.dueAt) || a.leadId.localeCompare(b.leadId));
  const rows = clocks.map((c) => {
    const tr = el("tr", null, { "data-lead": c.leadId, "data-stage": c.stage });
    cell(tr, "State", stateBadge(c.stage));
    const due = timeEl(c.dueAt);
    const dueCell = cell(tr, "Due", due);
    dueCell.append(el("span", ` (${ago(new Date(c.dueAt))})`, { class: "hint" }));
    cell(tr, "Lead", link(c.contactName || c.leadId, leadHref(c.leadId)));
    cell(tr, "Account", c.accountName || "—");
    cell(tr, "Rule", c.ruleId);
    cell(tr, "Owner", c.ownerName || c.ownerRepId || "Unassigned");
    return tr;
  });
  fillRows($("now-table").tBodies[0], rows);
  const partial = atRisk.partial || overdue.partial ? " Some instances did not answer." : "";
  const stale = overdue.stale ? " Overdue clocks from a standby copy." : "";
  status.textContent =
    `${overdue.clocks.length} breached or escalated, ${atRisk.clocks.length} at risk; ` +
    `updated ${when.format(new Date())}.${partial}${stale}`;
}

async function renderLead(status, leadId) {
  const lead = await api(`/api/leads/${encodeURIComponent(leadId)}`);
  const f = lead.facts;
  $("lead-title").textContent = `Lead ${f.contactName || lead.leadId}`;
  const facts = [
    ["Lead id", lead.leadId],
    ["Account", f.accountId ? link(f.accountName || f.accountId, accountHref(f.accountId)) : "—"],
    ["Source", f.source],
    ["Priority", f.priority],
    ["Buying role", f.buyingRole],
    ["Owner", f.ownerName || f.ownerRepId || "Unassigned"],
    ["Status", f.status || (f.open ? "Open" : "Closed")],
    ["Created", timeEl(f.createdAt)],
    ["First assigned", timeEl(f.firstAssignedAt)],
    ["First touched", timeEl(f.firstTouchAt)],
    ["Last touched", timeEl(f.lastTouchAt)],
  ];
  $("lead-facts").replaceChildren(
    ...facts.flatMap(([term, value]) => {
      const dd = el("dd");
      dd.append(value instanceof Node ? value : el("span", value ?? "—"));
      return [el("dt", term), dd];
    }));
  fillRows(
    $("lead-clocks").tBodies[0],
    lead.clocks.map((c) => {
      const tr = el("tr", null, { "data-rule": c.ruleId, "data-stage": c.stage });
      cell(tr, "Rule", c.ruleId);
      cell(tr, "State", c.stage === "RUNNING" ? el("span", "Running", { class: "state state-ok" }) : stateBadge(c.stage));
      cell(tr, "Started", timeEl(c.startedAt));
      cell(tr, "Due", timeEl(c.dueAt));
      return tr;
    }));
  if (lead.clocks.length === 0) {
    const tr = el("tr");
    cell(tr, "Rule", "No clock is running.").colSpan = 4;
    fillRows($("lead-clocks").tBodies[0], [tr]);
  }
  $("lead-timeline").replaceChildren(
    ...lead.timeline.map((e) => {
      const li = el("li", null, { "data-kind": e.kind });
      if (e.alertKind) {
        li.dataset.alert = e.alertKind;
        li.className = "alert";
      }
      li.append(timeEl(e.at), el("span", e.text));
      return li;
    }));
  status.textContent = `Updated ${when.format(new Date())}${lead.stale ? " (from a standby copy)" : ""}.`;
}

async function renderAccount(status, accountId) {
  const account = await api(`/api/accounts/${encodeURIComponent(accountId)}/coverage`);
  $("account-title").textContent = `Buying group of ${account.accountName || account.accountId}`;
  $("account-summary").textContent =
    `${account.coveredMembers} of ${account.openMembers} open members have ` +
    `${account.touchesOwed} or more ${account.countOnlyPersonalized ? "personalised " : ""}touches.`;
  fillRows(
    $("account-members").tBodies[0],
    account.members.map((m) => {
      const tr = el("tr");
      cell(tr, "Member", link(m.contactName || m.leadId, leadHref(m.leadId)));
      cell(tr, "Role", m.buyingRole);
      cell(tr, "Owner", m.ownerRepId || "Unassigned");
      cell(tr, "Touches", `${m.touches} of ${m.touchesOwed}`);
      cell(tr, "Covered", m.covered ? "Yes" : "No");
      cell(tr, "Status", m.open ? m.status || "Open" : `Closed (${m.status})`);
      return tr;
    }));
  status.textContent = `Updated ${when.format(new Date())}.`;
}

// Minutes under two hours, hours under two days, then days: how a sales manager says it.
function firstTouchTime(minutes) {
  if (minutes === null) return "—";
  if (minutes < 120) return `${minutes.toFixed(0)} min`;
  if (minutes < 2880) return `${(minutes / 60).toFixed(1)} h`;
  return `${(minutes / 1440).toFixed(1)} days`;
}

async function renderLeaderboard(status) {
  const board = await api(`/api/teams/${encodeURIComponent(team())}/leaderboard`);
  fillRows(
    $("leaderboard-table").tBodies[0],
    board.reps.map((r, i) => {
      const tr = el("tr", null, { "data-rep": r.repId });
      cell(tr, "Rank", i + 1);
      cell(tr, "Rep", r.name || r.repId);
      cell(tr, "Within SLA", `${r.withinSla} of ${r.decided}`);
      cell(
        tr,
        "Compliance",
        r.compliance === null ? "Nothing decided yet" : percent.format(r.compliance) + (r.smallSample ? " (few clocks)" : ""));
      cell(tr, "Missed", r.missed);
      cell(tr, "First touched", `${r.touched} of ${r.handedOff} handed off`);
      cell(tr, "Mean time to first touch", firstTouchTime(r.meanMinutesToFirstTouch));
      return tr;
    }));
  const stale = board.stale ? " (from a standby copy)" : "";
  status.textContent =
    `Week ${board.week} in ${board.timeZone}: from ${when.format(new Date(board.from))} ` +
    `to ${when.format(new Date(board.to))}.${stale}`;
}

// ---- routing and polling ----

function show(view) {
  for (const v of views) {
    $(`${v}-view`).hidden = v !== view;
  }
  for (const a of document.querySelectorAll("#nav a")) {
    if (a.dataset.view === view) {
      a.setAttribute("aria-current", "page");
    } else {
      a.removeAttribute("aria-current");
    }
  }
}

// Alert emails and chat messages link to /?lead=ID or /?account=ID: the same views.
function linkedRoute() {
  const params = new URLSearchParams(location.search);
  const lead = params.get("lead");
  const account = params.get("account");
  if (lead || account) {
    const hash = lead ? leadHref(lead) : accountHref(account);
    history.replaceState(null, "", `${location.pathname}${hash}`);
  }
}

function route() {
  const [, name, arg] = location.hash.match(/^#\/([a-z]+)(?:\/(.+))?$/) || [];
  if (name === "lead" && arg) return { view: "lead", arg: decodeURIComponent(arg) };
  if (name === "account" && arg) return { view: "account", arg: decodeURIComponent(arg) };
  if (name === "leaderboard") return { view: "leaderboard" };
  return { view: "now" };
}

const renderers = { now: renderNow, lead: renderLead, account: renderAccount, leaderboard: renderLeaderboard };

async function refresh(mine, view, arg, status) {
  try {
    await renderers[view](status, arg);
    status.classList.remove("error");
  } catch (e) {
    if (mine !== generation) return;
    if (e instanceof LoginNeeded) {
      showLogin(e.message);
      return;
    }
    status.textContent = e.message;
    status.classList.add("error");
  }
  if (mine === generation) {
    timer = setTimeout(() => refresh(mine, view, arg, status), POLL_MS_BY_VIEW[view] ?? POLL_MS);
  }
}

function navigate() {
  clearTimeout(timer);
  const mine = ++generation;
  if (!me) {
    showLogin("");
    return;
  }
  const { view, arg } = route();
  show(view);
  const status = $(`${view}-status`);
  status.textContent = "Loading…";
  const heading = $(`${view}-title`);
  heading.setAttribute("tabindex", "-1");
  heading.focus({ preventScroll: false });
  refresh(mine, view, arg, status);
}

function showLogin(message) {
  clearTimeout(timer);
  generation++;
  me = null;
  $("nav").hidden = true;
  $("who").hidden = true;
  show("login");
  $("login-error").textContent = message || "";
  $("login-name").focus();
}

async function start() {
  try {
    me = await api("/api/me");
  } catch (e) {
    showLogin(e instanceof LoginNeeded ? "" : e.message);
    return;
  }
  const select = $("team");
  select.replaceChildren(...me.teams.map((t) => el("option", t, { value: t })));
  const remembered = sessionStorage.getItem(TEAM_KEY);
  if (remembered && me.teams.includes(remembered)) {
    select.value = remembered;
  }
  for (const span of document.querySelectorAll(".team-name")) {
    span.textContent = select.value ? `team ${select.value}` : "your team";
  }
  $("user").textContent = `${me.name} (${me.role})`;
  $("nav").hidden = false;
  $("who").hidden = false;
  if (me.teams.length === 0) {
    show("now");
    $("now-status").textContent = "This login may see no team in sales.reps yet.";
    return;
  }
  navigate();
}

$("login-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const name = $("login-name").value.trim();
  const password = $("login-password").value;
  if (!name || !password) {
    $("login-error").textContent = "Enter your user and password.";
    return;
  }
  const bytes = new TextEncoder().encode(`${name}:${password}`);
  sessionStorage.setItem(AUTH_KEY, "Basic " + btoa(String.fromCharCode(...bytes)));
  $("login-password").value = "";
  $("login-error").textContent = "";
  await start();
  if (!me) {
    $("login-error").textContent = $("login-error").textContent || "The login was not accepted.";
  }
});

$("logout").addEventListener("click", () => {
  sessionStorage.removeItem(AUTH_KEY);
  showLogin("Logged out.");
});

$("team").addEventListener("change", () => {
  sessionStorage.setItem(TEAM_KEY, team());
  for (const span of document.querySelectorAll(".team-name")) {
    span.textContent = `team ${team()}`;
  }
  navigate();
});

window.addEventListener("hashchange", navigate);
linkedRoute();
start();
