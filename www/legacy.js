// Loaded only by browsers without ES modules (<script nomodule>): the interactive check cannot
// run there, so say so above the static essential rules, which index.html shows by default.
// ES5 on purpose.
(function () {
  var why = document.getElementById("static-why");
  var loading = document.getElementById("loading");
  if (loading && loading.parentNode) loading.parentNode.removeChild(loading);
  if (!why) return;
  why.removeAttribute("hidden");
  why.appendChild(document.createTextNode(
    "このブラウザは古いため、質問に答えて調べる機能は使えません。下の基本的なルールをご覧ください。" +
    " / This browser is too old for the interactive check. See the essential rules below."));
})();
