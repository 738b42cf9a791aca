// hoken-check iframe sizer for the host page (docs/insurers.md): sets each
// <iframe data-hoken-check> to the height its page posts ({ type: "hoken-check:height",
// version: 1, height }), obeying only that iframe (event.source) at its src's origin.
// A classic script: it loads cross-origin without CORS.
(function () {
  if (window.hokenCheckFrame) return;
  window.hokenCheckFrame = 1;
  var MIN = 200, MAX = 20000;
  function origin(f) {
    try { return new URL(f.src, location.href).origin; } catch (e) { return ""; }
  }
  function frames() { return document.querySelectorAll("iframe[data-hoken-check]"); }
  addEventListener("message", function (ev) {
    var d = ev.data;
    if (!d || d.type !== "hoken-check:height" || d.version !== 1 || typeof d.height !== "number" || !isFinite(d.height)) return;
    var fs = frames();
    for (var i = 0; i < fs.length; i++) {
      var f = fs[i];
      if (f.contentWindow !== ev.source) continue;
      if (ev.origin === origin(f) && ev.origin !== "null") {
        f.style.height = Math.min(MAX, Math.max(MIN, Math.ceil(d.height))) + "px";
      }
      return;
    }
  });
  // Set-up mistakes, for the site's web team.
  function check() {
    var fs = frames();
    for (var i = 0; i < fs.length; i++) {
      var f = fs[i], s = f.getAttribute("sandbox"), p = null;
      try { p = new URL(f.src).searchParams.get("parent"); } catch (e) {}
      if (s !== null && !/(^|\s)allow-same-origin(\s|$)/.test(s)) {
        console.error("hoken-check: the iframe's sandbox lacks allow-same-origin; the check cannot run in it", f);
      }
      if (p === null || p.replace(/\/$/, "") !== location.origin) {
        console.error("hoken-check: the iframe's src needs parent=" + location.origin + " (now: " + p + "); without it the height is not adjusted", f);
      }
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", check); else check();
})();
