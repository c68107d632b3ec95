// The emulator page: reads the JSON views under api/ and shows them as tables. Every value goes in as text, never as
// HTML, so a recorded path cannot inject markup.
"use strict";

const state = { views: [], current: null, filter: "" };

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

// A cell's content: lists as bullet lists, objects as "key: value" lines, the rest as text.
function cell(value) {
  const td = el("td");
  if (Array.isArray(value)) {
    const ul = el("ul", null, "nested");
    value.forEach(v => ul.appendChild(el("li", typeof v === "object" && v !== null ? flat(v) : v)));
    td.appendChild(ul);
  } else if (typeof value === "object" && value !== null) {
    td.textContent = flat(value);
  } else {
    td.textContent = value === null || value === undefined ? "" : String(value);
  }
  return td;
}

// An instant as the emulator's clock gave it, to the millisecond, in UTC.
function when(instant) {
  const t = new Date(instant);
  return isNaN(t) ? instant : t.toISOString().replace("T", " ").replace("Z", " UTC");
}

function flat(object) {
  return Object.entries(object).map(([k, v]) => k + ": " + (typeof v === "object" && v !== null ? JSON.stringify(v) : v)).join(", ");
}

function render(view) {
  const rows = view.rows || [];
  const thead = document.querySelector("#rows thead");
  const tbody = document.querySelector("#rows tbody");
  thead.replaceChildren();
  tbody.replaceChildren();
  const columns = [];
  rows.forEach(r => Object.keys(r).forEach(k => { if (!columns.includes(k)) columns.push(k); }));
  const head = el("tr");
  columns.forEach(c => head.appendChild(el("th", c)));
  thead.appendChild(head);
  rows.forEach(r => {
    const tr = el("tr");
    if (view.name === "exchanges") {
      tr.className = "exchange";
      tr.dataset.method = r.method;
      tr.dataset.path = r.path;
      tr.dataset.status = r.status;
      tr.dataset.request = r.request;
      tr.dataset.answer = r.answer;
    }
    columns.forEach(c => {
      const td = cell(c === "at" ? when(r[c]) : r[c]);
      if (c === "request" || c === "answer") td.classList.add(String(r[c]).replace(" ", "-"));
      tr.appendChild(td);
    });
    tbody.appendChild(tr);
  });
  document.getElementById("status").textContent = rows.length + (rows.length === 1 ? " row" : " rows");
}

async function show(name) {
  const view = state.views.find(v => v.name === name) || state.views[0];
  state.current = view.name;
  document.querySelectorAll("nav button").forEach(b => b.classList.toggle("current", b.dataset.view === view.name));
  document.getElementById("description").textContent = view.description;
  const exchanges = view.name === "exchanges";
  document.getElementById("filter-row").hidden = !exchanges;
  const url = "api/" + encodeURIComponent(view.name) + (exchanges && state.filter ? "?path=" + encodeURIComponent(state.filter) : "");
  document.getElementById("status").textContent = "Loading…";
  const answer = await fetch(url, { cache: "no-store" });
  if (!answer.ok) {
    document.getElementById("status").textContent = "The emulator answered " + answer.status;
    return;
  }
  render(await answer.json());
}

// The hash names the view and, for the exchanges, the filter: #exchanges?path=/v1/arrays
function fromHash() {
  const hash = decodeURIComponent(location.hash.replace(/^#/, ""));
  const [name, query] = hash.split("?");
  const filter = new URLSearchParams(query || "").get("path");
  if (filter !== null) {
    state.filter = filter;
    document.getElementById("path-filter").value = filter;
  }
  return name;
}

async function start() {
  const answer = await fetch("api/", { cache: "no-store" });
  const index = await answer.json();
  document.title = index.emulator;
  document.getElementById("emulator").textContent = index.emulator;
  state.views = index.views;
  const nav = document.getElementById("views");
  index.views.forEach(v => {
    const b = el("button", v.title);
    b.dataset.view = v.name;
    b.addEventListener("click", () => { location.hash = v.name; });
    nav.appendChild(b);
  });
  document.getElementById("path-filter").addEventListener("input", e => {
    state.filter = e.target.value;
    show("exchanges");
  });
  window.addEventListener("hashchange", () => show(fromHash()));
  await show(fromHash());
}

start().catch(e => { document.getElementById("status").textContent = "The page could not load: " + e; });
