// Search's index and worker load when search is opened, not with every page: see the comment at
// the top of overrides/main.html, which loads this script just before Material's bundle. A classic
// script, not a module like the site's others: it must run before the bundle, and modules wait.
(function () {
  "use strict";

  var toggle = document.getElementById("__search");
  var config = document.getElementById("__config");
  if (!toggle || !config || !window.Worker || !window.XMLHttpRequest || !window.EventTarget ||
      typeof WeakSet !== "function") return;

  var workerAddress, sitemap;
  try {
    var settings = JSON.parse(config.textContent);
    workerAddress = new URL(settings.search, document.baseURI).href;
    sitemap = new URL("sitemap.xml", new URL(settings.base, document.baseURI)).href;
  } catch (e) {
    return;
  }
  var INDEX = /\/search\/search_index\.json$/;
  // Material reads every <link rel="alternate"> as another language's copy of the site and asks
  // for a sitemap.xml beside it. This site has one language and one sitemap, at its root; the
  // links it has are the feed's (beside that sitemap) and a recommendation's oEmbed file, beside
  // which there is none: that request would be a 404 (or, from another origin, refused by the
  // policy), so it is never sent.
  var SITEMAP = /\/sitemap\.xml$/;

  // --- Opening search ------------------------------------------------------------------------

  var waiting = [];
  var opened = false;

  function open() {
    if (opened) return;
    opened = true;
    var run = waiting;
    waiting = null;
    run.forEach(function (start) { start(); });
  }

  function whenOpened(start) {
    if (opened) start(); else waiting.push(start);
  }

  toggle.addEventListener("change", function () { if (toggle.checked) open(); });
  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.matches && event.target.matches("input.md-search__input")) open();
  });
  if (toggle.checked) open();

  // --- The index: its request is sent when search opens ------------------------------------
  // XMLHttpRequest is patched because Material's bundle asks for the index as it starts, with no
  // setting to wait; only that one request is held back (overrides/main.html says more).

  var nativeOpen = XMLHttpRequest.prototype.open;
  var nativeSend = XMLHttpRequest.prototype.send;
  var isIndex = new WeakSet();  // the requests for the index

  var isStray = new WeakSet();  // the requests for a sitemap the site does not have

  XMLHttpRequest.prototype.open = function (method, address) {
    isIndex.delete(this);
    isStray.delete(this);
    try {
      var url = new URL(String(address), document.baseURI);
      if (url.origin === location.origin && INDEX.test(url.pathname)) isIndex.add(this);
      else if (SITEMAP.test(url.pathname) && url.href !== sitemap) isStray.add(this);
    } catch (e) { /* not an address this script holds back */ }
    return nativeOpen.apply(this, arguments);
  };

  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (isStray.has(request)) {
      // As if the network had failed: Material then takes that link to have no other copies.
      setTimeout(function () { request.dispatchEvent(new ProgressEvent("error")); }, 0);
      return;
    }
    if (!isIndex.has(request) || opened) return nativeSend.apply(request, args);
    var aborted = false;
    var nativeAbort = request.abort;
    request.abort = function () { aborted = true; return nativeAbort.apply(request, arguments); };
    whenOpened(function () { if (!aborted) nativeSend.apply(request, args); });
  };

  // --- The worker: started when search opens, messages kept until then --------------------
  // window.Worker is replaced because the bundle also starts search's worker as it starts.
  // Any other worker is the browser's own.

  var NativeWorker = window.Worker;

  // `address` is resolved now: by the time search opens, instant navigation may have moved the
  // page, and with it what a relative address means.
  function DeferredWorker(address, options) {
    var target = new EventTarget();
    var queue = [];
    var worker = null;
    var ended = false;
    target.postMessage = function (message, transfer) {
      if (worker) worker.postMessage(message, transfer); else queue.push([message, transfer]);
    };
    target.terminate = function () {
      ended = true;
      if (worker) worker.terminate();
    };
    whenOpened(function () {
      if (ended) return;
      worker = new NativeWorker(address, options);
      ["message", "messageerror", "error"].forEach(function (type) {
        worker.addEventListener(type, function (event) {
          var copy = type === "error"
            ? new ErrorEvent("error", {message: event.message, filename: event.filename, lineno: event.lineno})
            : new MessageEvent(type, {data: event.data});
          target.dispatchEvent(copy);
        });
      });
      queue.forEach(function (item) { worker.postMessage(item[0], item[1]); });
      queue = null;
    });
    return target;
  }

  window.Worker = function Worker(address, options) {
    if (!opened && new URL(String(address), document.baseURI).href === workerAddress) {
      return new DeferredWorker(workerAddress, options);
    }
    return new NativeWorker(address, options);
  };
  window.Worker.prototype = NativeWorker.prototype;
})();
