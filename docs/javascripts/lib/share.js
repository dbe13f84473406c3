// Share links: a plan's recommendations and statuses (and, if asked, owners, dates and notes) in
// the address's fragment, #share=…, which browsers never send to a server. The fragment is
// base64url JSON: {"v": format version, "i": [[id, status letter, owner, due, notes], …]}.
import {PlanError, checkItem} from "./imports.js";
import {isVersion} from "./store.js";

export const PREFIX = "#share=";

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

// The fragment for a plan's items: statuses only, or with owners, dates and notes (`full`).
export function shareFragment(items, full, rules) {
  const codes = new Map(rules.statuses.map((s) => [s.id, s.code]));
  return PREFIX + encode({v: rules.version, i: items.filter((item) => codes.has(item.status)).map((item) =>
    full ? [item.id, codes.get(item.status), item.owner, item.due, item.notes] : [item.id, codes.get(item.status)])});
}

// The longest share link offered: RFC 9110 asks every browser and server to take addresses of at
// least 8,000 characters, and links longer than that can be cut short on the way (in an e-mail, a
// chat, an older browser). A longer plan is exported instead.
export const MAX_LINK = 8000;

// The items a share link's fragment (from "#share=") carries, each checked ({items, notes}, as
// imports.js's readers): a link with statuses only carries no owner, date or notes, which an
// import then leaves as they are. A PlanError says what is wrong with a damaged, newer or
// unknown link.
export function readShared(fragment, rules) {
  const statuses = new Map(rules.statuses.map((s) => [s.code, s.id]));
  let payload;
  try { payload = decode(fragment.slice(PREFIX.length)); } catch (e) {
    throw new PlanError("This share link is damaged: part of it may be missing. Ask for it again.");
  }
  if (!payload || !Array.isArray(payload.i)) throw new PlanError("This share link is damaged. Ask for it again.");
  if (isVersion(payload.v) && payload.v > rules.version) throw new PlanError("This share link was made by a newer version of the planner. Reload this page to get the newest planner.");
  // Only versions this page can read (share links have had one format so far).
  if (payload.v !== rules.version) {
    throw new PlanError(payload.v === undefined ? "This share link does not say which version of the planner made it, so it cannot be read. Ask for it again."
      : "This share link was made by a version of the planner this page does not know (“" + JSON.stringify(payload.v) + "”), so it cannot be read. Ask for it again.");
  }
  const items = payload.i.map((entry, index) => {
    if (!Array.isArray(entry) || typeof entry[0] !== "string" || !entry[0]) throw new PlanError("This share link is damaged. Ask for it again.");
    const item = {id: entry[0], status: statuses.get(entry[1]) || (entry[1] == null ? "" : String(entry[1])), seen: null};
    ["owner", "due", "notes"].forEach((name, n) => { if (typeof entry[n + 2] === "string") item[name] = entry[n + 2]; });
    return checkItem(item, "Recommendation " + (index + 1), rules);
  });
  return {items, notes: payload.i.some((entry) => entry.length > 2) ? []
    : ["This link carries statuses only: the owners, target dates and notes in your plan stay as they are."]};
}
