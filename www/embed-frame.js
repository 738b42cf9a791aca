// Embed mode (?embed=1, docs/insurers.md): the page in an insurer's <iframe>. An ordinary visit
// pays for these lines only; with embed=1 they add embed.css at once (no header flash) and load
// the rest, embed-mode.js (height messages to the host, the sandbox notice).
if (new URLSearchParams(location.search).get("embed") === "1") {
  const css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = new URL("embed.css", import.meta.url).href;
  document.documentElement.dataset.embed = "1";
  document.head.append(css);
  import(new URL("embed-mode.js", import.meta.url).href).then((m) => m.start(css));
}
