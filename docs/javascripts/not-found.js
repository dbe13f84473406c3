// The 404 page (overrides/404.html): when the address looked like a recommendation's
// (/recommendations/<something>/), name the recommendation it most likely meant, with a link.
// Withdrawn recommendations keep their pages, so a near miss of one leads there too. The list of
// ids is loaded only then (addresses.js, written at build time by hooks/recsite/notfound.py).
import {nearest} from "./lib/nearest.js";

const ROOT = new URL("../", import.meta.url);  // this file is in javascripts/, at the site's root

async function suggest() {
  const box = document.getElementById("not-found-suggestion");
  if (!box) return;
  const path = decodeURIComponent(location.pathname);
  const match = /\/recommendations\/([^/]+)\/?/.exec(path.slice(ROOT.pathname.length - 1));
  if (!match) return;
  const {default: addresses} = await import("./addresses.js");
  const all = [...addresses.recommendations, ...addresses.withdrawn];
  const id = nearest(match[1], all.map(([recId]) => recId));
  if (!id) return;
  const title = all.find(([recId]) => recId === id)[1];
  const link = document.createElement("a");
  link.href = new URL("recommendations/" + id + "/", ROOT).pathname;
  link.textContent = title;
  box.querySelector(".not-found__link").replaceChildren(link);
  box.hidden = false;
}

suggest();
