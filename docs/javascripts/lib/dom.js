// Small helpers for building the page and speaking to screen readers.

// An element with attributes ("text" sets its text, "className" its class) and children (null
// children are skipped).
export function el(tag, attrs, children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (name === "text") node.textContent = value;
    else if (name === "className") node.className = value;
    else node.setAttribute(name, value);
  }
  for (const child of children || []) if (child) node.appendChild(child);
  return node;
}

// Says `message` in a live region. It is written a moment after the region is cleared: a fresh
// text node makes screen readers announce a repeated message again.
export function announce(region, message) {
  region.textContent = "";
  setTimeout(() => { region.textContent = message; }, 50);
}

// "1 recommendation", "2 recommendations".
export function plural(n, word) {
  return n + " " + word + (n === 1 ? "" : "s");
}
