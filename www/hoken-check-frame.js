// hoken-check iframe sizer, for the host page (docs/insurers.md):
//   <iframe data-hoken-check src="https://CHECK-ORIGIN/?embed=1&parent=https://YOUR-ORIGIN" …></iframe>
//   <script src="https://CHECK-ORIGIN/hoken-check-frame.js" async></script>
// Sets each such iframe's height from { type: "hoken-check:height", version: 1, height } messages
// sent by that very iframe (event.source) from its src's origin; everything else is ignored.
// A classic script on purpose: it loads cross-origin without CORS.
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
  function check() {
    var fs = frames();
    for (var i = 0; i < fs.length; i++) {
      var s = fs[i].getAttribute("sandbox");
      if (s !== null && !/(^|\s)allow-same-origin(\s|$)/.test(s)) {
        console.error("hoken-check: the iframe's sandbox lacks allow-same-origin; the check cannot run in it (docs/insurers.md)", fs[i]);
      }
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", check); else check();
})();
