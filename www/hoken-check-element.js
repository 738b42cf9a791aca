// <hoken-check> loader: the one script a host page includes (a module script whose src is
// https://…/hoken-check-element.js), followed by <hoken-check lang="ja" pack="…"></hoken-check>.
// It only defines the element. When an element connects, it imports the UI, which loads the
// engine and the catalogs — all relative to this file's own URL (import.meta.url), never the
// host page's. Attributes (docs/element.md): lang, insurer-kind, as-of, pack, events.
const ATTRS = ["lang", "insurer-kind", "as-of", "pack", "events"];

if (!customElements.get("hoken-check")) {
  customElements.define("hoken-check", class extends HTMLElement {
    static get observedAttributes() { return ATTRS; }

    constructor() {
      super();
      let ok, fail;
      /** Resolves when the first screen is shown; rejects (with the cause) when the check cannot
       * run here, e.g. a CSP without 'wasm-unsafe-eval' (the element then says so itself). */
      this.ready = new Promise((res, rej) => { ok = res; fail = rej; });
      this.ready.catch(() => {});
      this.hcDone = [ok, fail];
    }

    connectedCallback() {
      if (this.hcStarted) return;
      this.hcStarted = true;
      const shadow = this.shadowRoot || this.attachShadow({ mode: "open" });
      import("./hoken-check-ui.js")
        .then((ui) => { this.hcUi = ui.mount(this, shadow); return this.hcUi.start(); })
        .then(...this.hcDone);
    }

    attributeChangedCallback(name, before, now) {
      if (this.hcUi && before !== now) this.hcUi.attributeChanged(name);
    }
  });
}
