// Share links: a plan's recommendations, statuses and assessments (and, if asked, everything else
// the reader wrote) in the address's fragment, #share=…, which browsers never send to a server.
// The fragment is base64url JSON: {"v": format version, "i": [[id, status letter, …LAYOUTS[v]], …]},
// and in a link with everything, "t": the plan's title, "o": its organisation.
import {PlanError, checkItem} from "./imports.js";
import {isVersion} from "./store.js";

export const PREFIX = "#share=";

// What an entry holds after its id and status letter, for each version of the format; a link
// with statuses only holds the first SHORT[v] of them. Version 1's notes are version 2's evidence
// (store.js's MIGRATIONS). Links are in people's e-mails: keep every version.
const LAYOUTS = {1: ["owner", "due", "evidence"], 2: ["assessment", "owner", "due", "evidence", "actions"]};
const SHORT = {1: 0, 2: 1};

// Any JSON value as base64url text (UTF-8), and back; decode throws on text that is not one.
export function encode(value) {
  let binary = "";
  for (const byte of new TextEncoder().encode(JSON.stringify(value))) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function decode(text) {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return JSON.parse(new TextDecoder("utf-8", {fatal: true}).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
}

// The fragment for a plan: its items' statuses and assessments, or everything (`full`).
export function shareFragment(plan, full, rules) {
  const codes = new Map(rules.statuses.map((s) => [s.id, s.code])), letters = new Map(rules.assessments.map((a) => [a.id, a.code]));
  const layout = LAYOUTS[rules.version].slice(0, full ? undefined : SHORT[rules.version]);
  const payload = {v: rules.version, i: plan.items.filter((item) => codes.has(item.status)).map((item) =>
    [item.id, codes.get(item.status), ...layout.map((name) => (name === "assessment" ? letters.get(item.assessment) || "" : item[name]))])};
  if (full) Object.assign(payload, {t: plan.title, o: plan.organisation});
  return PREFIX + encode(payload);
}

// The longest share link offered: RFC 9110 asks every browser and server to take addresses of at
// least 8,000 characters, and links longer than that can be cut short on the way (in an e-mail, a
// chat, an older browser). A longer plan is exported instead.
export const MAX_LINK = 8000;

// The items a share link's fragment (from "#share=") carries, each checked ({items, about, notes},
// as imports.js's readers): a link with statuses (and assessments) only carries no owner, date,
// evidence or actions, which an import then leaves as they are. A PlanError says what is wrong with a damaged, newer or
// unknown link.
export function readShared(fragment, rules) {
  const statuses = new Map(rules.statuses.map((s) => [s.code, s.id])), assessments = new Map(rules.assessments.map((a) => [a.code, a.id]));
  let payload;
  try { payload = decode(fragment.slice(PREFIX.length)); } catch (e) {
    throw new PlanError("This share link is damaged: part of it may be missing. Ask for it again.");
  }
  if (!payload || !Array.isArray(payload.i)) throw new PlanError("This share link is damaged. Ask for it again.");
  if (isVersion(payload.v) && payload.v > rules.version) throw new PlanError("This share link was made by a newer version of the planner. Reload this page to get the newest planner.");
  // Only versions this page can read.
  if (!isVersion(payload.v) || !Object.hasOwn(LAYOUTS, payload.v)) {
    throw new PlanError(payload.v === undefined ? "This share link does not say which version of the planner made it, so it cannot be read. Ask for it again."
      : "This share link was made by a version of the planner this page does not know (“" + JSON.stringify(payload.v) + "”), so it cannot be read. Ask for it again.");
  }
  const layout = LAYOUTS[payload.v], short = SHORT[payload.v];
  const items = payload.i.map((entry, index) => {
    if (!Array.isArray(entry) || typeof entry[0] !== "string" || !entry[0]) throw new PlanError("This share link is damaged. Ask for it again.");
    const item = {id: entry[0], status: statuses.get(entry[1]) || (entry[1] == null ? "" : String(entry[1])), seen: null};
    layout.forEach((name, n) => {
      const value = entry[n + 2];
      if (typeof value === "string") item[name] = name === "assessment" && value ? assessments.get(value) || value : value;
    });
    return checkItem(item, "Recommendation " + (index + 1), rules);
  });
  const about = {};
  if (typeof payload.t === "string") about.title = payload.t;
  if (typeof payload.o === "string") about.organisation = payload.o;
  return {items, about, notes: payload.i.some((entry) => entry.length > 2 + short) ? []
    : ["This link carries " + (short ? "statuses and assessments only: the" : "statuses only: the assessments,") +
      " owners, target dates, evidence and actions in your plan stay as they are."]};
}
