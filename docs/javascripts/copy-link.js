// "Copy link" buttons beside each recommendation's permanent link, and the date a page is printed.
//
// Without this script the permanent link is still there as an ordinary link. The script adds a real
// button that copies the address and says "Link copied" in a polite live region, for screen readers.
import {announce} from "./lib/dom.js";
import {onPage} from "./lib/on-page.js";

function status() {
  var region = document.getElementById("copy-status");
  if (!region) {
    region = document.createElement("p");
    region.id = "copy-status";
    region.className = "visually-hidden";
    region.setAttribute("role", "status");
    region.setAttribute("aria-live", "polite");
    document.body.appendChild(region);
  }
  return region;
}

function copy(text) {
  if (navigator.clipboard && window.isSecureContext) {
    return navigator.clipboard.writeText(text);
  }
  return new Promise(function (resolve, reject) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    var ok = document.execCommand("copy");
    document.body.removeChild(field);
    if (ok) resolve(); else reject(new Error("copy failed"));
  });
}

function setup() {
  status();
  var links = document.querySelectorAll(".rec-link > a, a.rec-detail__permalink");
  Array.prototype.forEach.call(links, function (link) {
    if (link.dataset.copyReady) return;
    link.dataset.copyReady = "true";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "rec-copy md-button";
    button.textContent = "Copy link";
    var name = link.closest("[id]");
    var title = name && name.querySelector("h2, h3, h4");
    button.setAttribute("aria-label", "Copy link" + (title ? " to “" + title.textContent.trim() + "”" : ""));
    button.addEventListener("click", function () {
      copy(link.href).then(function () {
        announce(status(), "Link copied");
      }, function () {
        announce(status(), "Could not copy. The link is: " + link.href);
      });
    });
    link.insertAdjacentElement("afterend", button);
  });
}

// A printed recommendation says when it was printed (site.css shows .print-date on paper only).
function printDate() {
  var date = new Date().toLocaleDateString("en-GB", {day: "numeric", month: "long", year: "numeric"});
  Array.prototype.forEach.call(document.querySelectorAll(".print-date"), function (span) {
    span.textContent = ". Printed " + date;
  });
}

onPage(function () {
  setup();
  printDate();
});
window.addEventListener("beforeprint", printDate);
