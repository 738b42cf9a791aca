// The <hoken-check> element's styles, adopted by its shadow root as one constructable
// stylesheet (www/hoken-check-ui.js). A JS module rather than a .css file: nothing for a host's
// style-src to allow, and no extra request. The page's own chrome is in www/style.css.
export const CSS = `
:host { all: initial; display: block; }
:host([hidden]) { display: none; }
/* Design tokens (デジタル庁, as the page used them), the host's theme on top: the seven
 * --hoken-check-* properties of docs/element.md. Sizes come from --hoken-check-font-size
 * (default 18px), never from the host's html font size. */
.hc {
  --color-blue-900: var(--hoken-check-accent, #0017c1);        /* primitive-blue-900: key colour, links, buttons */
  --color-blue-1000: color-mix(in srgb, var(--color-blue-900) 80%, #000);       /* primitive-blue-1000: hover */
  --color-blue-1200: color-mix(in srgb, var(--color-blue-900) 50%, #000);       /* primitive-blue-1200: active */
  --color-blue-50: #e8f1fe;         /* primitive-blue-50 */
  --color-green-800: #197a4b;       /* semantic success-2 */
  --color-green-50: #e6f5ec;        /* primitive-green-50 */
  --color-red-900: #ce0000;         /* semantic error-2 */
  --color-red-50: #fdeeee;          /* primitive-red-50 */
  --color-orange-800: #c74700;      /* semantic warning-orange-2 */
  --color-orange-50: #ffeee2;       /* primitive-orange-50 */
  --color-yellow-300: #ffd43d;      /* primitive-yellow-300: focus halo */
  --color-white: #ffffff;
  --hc-on-accent: var(--hoken-check-accent-text, #ffffff);
  --hc-bg: var(--hoken-check-background, #ffffff);           /* neutral-white */
  --color-gray-50: #f2f2f2;         /* neutral-solid-gray-50 */
  --color-gray-100: #e6e6e6;        /* neutral-solid-gray-100 */
  --color-gray-536: #767676;        /* neutral-solid-gray-536: borders (4.5:1) */
  --color-gray-600: #666666;        /* neutral-solid-gray-600 */
  --color-gray-800: #333333;        /* neutral-solid-gray-800 */
  --color-gray-900: var(--hoken-check-text, #1a1a1a);        /* neutral-solid-gray-900: text */
  --color-black: #000000;           /* neutral-black */
  --line-height-140: 1.4;
  --line-height-170: 1.7;
  --border-radius-4: calc(var(--hoken-check-radius, 8px) / 2);
  --border-radius-8: var(--hoken-check-radius, 8px);
  --font-weight-700: 700;
  --font-family-sans: var(--hoken-check-font-family, system-ui, -apple-system, BlinkMacSystemFont, "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP", "Noto Sans CJK JP", Meiryo, sans-serif);

  --hc-font-size: var(--hoken-check-font-size, 18px);
  --hc-rem: calc(var(--hc-font-size) / 1.125);
  --font-size-16: calc(1 * var(--hc-rem));
  --font-size-18: calc(1.125 * var(--hc-rem));
  --font-size-20: calc(1.25 * var(--hc-rem));
  --font-size-24: calc(1.5 * var(--hc-rem));
  --font-size-28: calc(1.75 * var(--hc-rem));
  --font-size-32: calc(2 * var(--hc-rem));
  --space: var(--hc-rem);
  display: block;
  font-family: var(--font-family-sans);
  font-size: var(--hc-font-size);
  font-weight: 400;
  font-style: normal;
  line-height: var(--line-height-170);
  letter-spacing: normal;
  text-align: left;
  color: var(--color-gray-900);
  background: var(--hc-bg);
  overflow-wrap: anywhere;
  word-break: normal;
  line-break: strict;
}
button, input, select, textarea { font: inherit; letter-spacing: inherit; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
h1, h2, h3 { line-height: var(--line-height-140); font-weight: var(--font-weight-700); }
h1 { font-size: var(--font-size-28); margin: calc(0.5 * var(--hc-rem)) 0 calc(1 * var(--hc-rem)); }
h2 { font-size: var(--font-size-24); margin: calc(2 * var(--hc-rem)) 0 calc(0.75 * var(--hc-rem)); }
h3 { font-size: var(--font-size-20); margin: 0 0 calc(0.25 * var(--hc-rem)); }
p { margin: 0 0 calc(1 * var(--hc-rem)); }
a { color: var(--color-blue-900); text-decoration-thickness: 1px; text-underline-offset: 0.2em; }
a:hover { color: var(--color-blue-1000); text-decoration-thickness: 3px; }
ruby rt { font-size: 0.6em; font-weight: normal; }
.vh { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.small { font-size: var(--font-size-16); }
.disclaimer { margin-top: 2em; }
/* Focus: black ring outside a yellow halo — visible on white, blue and grey. */
:focus-visible, .choice-input:focus-visible + .choice-label::before {
  outline: 3px solid var(--color-black);
  outline-offset: 2px;
  box-shadow: 0 0 0 2px var(--color-yellow-300);
}
h1:focus { outline: none; box-shadow: none; }
h1:focus-visible { outline: 3px solid var(--color-black); outline-offset: 2px; }
/* Header */
/* Intro on the first question */
.intro { border-left: 6px solid var(--color-blue-900); padding: calc(0.25 * var(--hc-rem)) 0 calc(0.25 * var(--hc-rem)) calc(1 * var(--hc-rem)); margin: 0 0 calc(1.5 * var(--hc-rem)); }
.lead { font-size: var(--font-size-20); margin-bottom: calc(0.5 * var(--hc-rem)); }
.privacy { margin-bottom: calc(0.5 * var(--hc-rem)); }
.as-of { margin: 0; }
.notice { border: 2px solid var(--color-blue-900); background: var(--color-blue-50); padding: calc(0.75 * var(--hc-rem)) calc(1 * var(--hc-rem)); border-radius: var(--border-radius-8); margin: 0 0 calc(1.25 * var(--hc-rem)); }
.loading { color: var(--color-gray-800); }
/* Buttons and links that look like links */
.btn {
  display: inline-block; font: inherit; font-weight: var(--font-weight-700); line-height: 1.4;
  min-height: calc(3 * var(--hc-rem)); padding: calc(0.65 * var(--hc-rem)) calc(1.5 * var(--hc-rem)); border-radius: var(--border-radius-8);
  color: var(--hc-on-accent); background: var(--color-blue-900); border: 2px solid var(--color-blue-900); cursor: pointer;
}
.btn:hover { background: var(--color-blue-1000); border-color: var(--color-blue-1000); }
.btn:active { background: var(--color-blue-1200); }
.btn.secondary { color: var(--color-blue-900); background: var(--hc-bg); }
.btn.secondary:hover { background: var(--color-blue-50); color: var(--color-blue-1000); }
.link, .back-link {
  font: inherit; color: var(--color-blue-900); background: none; border: 0; padding: calc(0.25 * var(--hc-rem)) 0; cursor: pointer;
  text-decoration: underline; text-underline-offset: 0.2em; text-align: left; min-height: calc(2.75 * var(--hc-rem));
}
.link:hover, .back-link:hover { color: var(--color-blue-1000); text-decoration-thickness: 3px; }
.back-link { font-size: var(--font-size-16); margin-bottom: calc(0.5 * var(--hc-rem)); display: inline-flex; align-items: center; gap: calc(0.35 * var(--hc-rem)); }
.back-link::before { content: ""; display: inline-block; width: calc(0.5 * var(--hc-rem)); height: calc(0.5 * var(--hc-rem)); border-left: 2px solid currentColor; border-bottom: 2px solid currentColor; transform: rotate(45deg); }
.actions, .button-row { display: flex; flex-wrap: wrap; gap: calc(0.75 * var(--hc-rem)) calc(1 * var(--hc-rem)); align-items: center; margin: calc(1.5 * var(--hc-rem)) 0; }
/* Questions */
.fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
.legend { padding: 0; max-width: 100%; }
.legend h1 { margin-bottom: calc(0.5 * var(--hc-rem)); }
.hint { color: var(--color-gray-800); margin-bottom: calc(1 * var(--hc-rem)); }
.fieldset.has-error, .conditional.has-error { border-left: 5px solid var(--color-red-900); padding-left: calc(1 * var(--hc-rem)); }
.error-message { color: var(--color-red-900); font-weight: var(--font-weight-700); margin-bottom: calc(0.75 * var(--hc-rem)); }
.error-summary { border: 4px solid var(--color-red-900); padding: calc(1 * var(--hc-rem)); margin-bottom: calc(1.5 * var(--hc-rem)); }
.error-summary:focus { outline: 3px solid var(--color-black); outline-offset: 2px; }
.error-summary-title { margin-top: 0; font-size: var(--font-size-20); }
.error-summary ul { margin: 0; padding-left: calc(1.25 * var(--hc-rem)); }
.error-summary a { color: var(--color-red-900); font-weight: var(--font-weight-700); }
.choices { display: flex; flex-direction: column; gap: calc(0.5 * var(--hc-rem)); }
.choice { position: relative; padding-left: calc(3 * var(--hc-rem)); min-height: calc(2.75 * var(--hc-rem)); }
.choice-input { position: absolute; left: 0; top: 0; width: calc(2.75 * var(--hc-rem)); height: calc(2.75 * var(--hc-rem)); margin: 0; opacity: 0; cursor: pointer; z-index: 1; }
.choice-label { display: inline-block; padding: calc(0.4 * var(--hc-rem)) calc(0.25 * var(--hc-rem)) calc(0.4 * var(--hc-rem)) 0; cursor: pointer; }
.choice-label::before {
  content: ""; position: absolute; left: calc(0.25 * var(--hc-rem)); top: calc(0.25 * var(--hc-rem)); width: calc(2.25 * var(--hc-rem)); height: calc(2.25 * var(--hc-rem));
  border: 2px solid var(--color-gray-900); border-radius: 50%; background: var(--color-white);
}
.choice-label::after {
  content: ""; position: absolute; left: calc(0.8 * var(--hc-rem)); top: calc(0.8 * var(--hc-rem)); width: calc(1.15 * var(--hc-rem)); height: calc(1.15 * var(--hc-rem));
  border-radius: 50%; background: var(--color-gray-900); opacity: 0;
}
.choice-input:checked + .choice-label::after { opacity: 1; }
.checkboxes .choice-label::before { border-radius: var(--border-radius-4); }
.checkboxes .choice-label::after {
  left: calc(0.9 * var(--hc-rem)); top: calc(0.75 * var(--hc-rem)); width: calc(0.8 * var(--hc-rem)); height: calc(1.3 * var(--hc-rem)); border-radius: 0; background: none;
  border: solid var(--color-gray-900); border-width: 0 4px 4px 0; transform: rotate(45deg);
}
.choice-input:focus-visible { outline: none; box-shadow: none; }
.choice-input:focus-visible + .choice-label::before { outline: 3px solid var(--color-black); outline-offset: 1px; box-shadow: 0 0 0 3px var(--color-yellow-300); }
.conditional { margin: calc(0.5 * var(--hc-rem)) 0 calc(0.75 * var(--hc-rem)) calc(-2 * var(--hc-rem)); padding: calc(0.25 * var(--hc-rem)) 0 calc(0.25 * var(--hc-rem)) calc(1.25 * var(--hc-rem)); border-left: 4px solid var(--color-gray-536); }
.date-input { display: flex; flex-wrap: wrap; gap: calc(0.75 * var(--hc-rem)) calc(1 * var(--hc-rem)); align-items: flex-end; margin-bottom: calc(1 * var(--hc-rem)); }
.date-item { display: flex; flex-direction: column; }
.date-label { display: block; font-weight: var(--font-weight-700); margin-bottom: calc(0.25 * var(--hc-rem)); }
.input, .select {
  font: inherit; line-height: 1.4; min-height: calc(3 * var(--hc-rem)); padding: calc(0.4 * var(--hc-rem)) calc(0.5 * var(--hc-rem)); color: var(--color-gray-900);
  border: 2px solid var(--color-gray-900); border-radius: var(--border-radius-4); background: var(--color-white); max-width: 100%;
}
.input[aria-invalid="true"] { border-color: var(--color-red-900); border-width: 3px; }
.w4 { width: calc(5 * var(--hc-rem)); }
.date-cal { flex-basis: 100%; }
.w2 { width: calc(4 * var(--hc-rem)); }
.w-text { width: 100%; max-width: calc(22 * var(--hc-rem)); }
.w-full { width: 100%; }
.date-text { margin-top: calc(0.5 * var(--hc-rem)); }
.date-text .hint { margin-bottom: calc(0.4 * var(--hc-rem)); font-size: var(--font-size-16); }
/* Check answers */
.summary { margin: 0 0 calc(1.5 * var(--hc-rem)); border-top: 1px solid var(--color-gray-536); }
.summary-row { display: grid; grid-template-columns: 1fr; gap: calc(0.25 * var(--hc-rem)); padding: calc(0.75 * var(--hc-rem)) 0; border-bottom: 1px solid var(--color-gray-536); }
.summary-key { font-weight: var(--font-weight-700); }
.summary-value, .summary-action { margin: 0; }
@media (min-width: 40rem) {
  .summary-row { grid-template-columns: 2fr 2fr auto; gap: calc(1 * var(--hc-rem)); align-items: start; }
}
.plain { margin: 0; padding-left: calc(1.25 * var(--hc-rem)); }
.clear-row { margin-top: calc(2.5 * var(--hc-rem)); border-top: 1px solid var(--color-gray-100); padding-top: calc(0.5 * var(--hc-rem)); }
/* The answer */
.answer-section { margin-top: calc(2 * var(--hc-rem)); }
.verdicts { display: grid; gap: calc(1 * var(--hc-rem)); grid-template-columns: 1fr; }
@media (min-width: 48rem) { .verdicts { grid-template-columns: 1fr 1fr; } }
.verdict { border: 2px solid var(--color-gray-536); border-left-width: 10px; border-radius: var(--border-radius-8); padding: calc(0.75 * var(--hc-rem)) calc(1 * var(--hc-rem)); }
.verdict-doc { font-size: var(--font-size-18); color: var(--color-gray-800); }
.verdict-big { font-size: var(--font-size-28); font-weight: var(--font-weight-700); line-height: var(--line-height-140); margin: calc(0.25 * var(--hc-rem)) 0 calc(0.5 * var(--hc-rem)); }
.verdict-detail { margin-bottom: calc(0.35 * var(--hc-rem)); }
.verdict-big .aside { font-size: 0.7em; }
.reception-date .aside { font-size: 0.85em; }
@media (max-width: 30rem) { .verdict-big { font-size: var(--font-size-24); } }
.verdict-icon {
  display: inline-flex; align-items: center; justify-content: center; width: 1.6em; height: 1.6em; border-radius: 50%;
  font-size: 0.8em; vertical-align: 0.15em; color: var(--color-white); background: var(--color-gray-800);
}
.tone-ok { border-color: var(--color-green-800); }
.tone-ok .verdict-icon { background: var(--color-green-800); }
.tone-no { border-color: var(--color-red-900); }
.tone-no .verdict-icon { background: var(--color-red-900); }
.tone-info .verdict-icon { background: var(--color-blue-900); font-style: italic; font-family: Georgia, serif; }
.tone-info { border-color: var(--color-blue-900); }
.copay { font-size: var(--font-size-20); font-weight: var(--font-weight-700); border-left: 10px solid var(--color-gray-536); padding: calc(0.5 * var(--hc-rem)) 0 calc(0.5 * var(--hc-rem)) calc(1 * var(--hc-rem)); }
.copay.tone-ok { border-color: var(--color-green-800); }
.copay.tone-no { border-color: var(--color-red-900); }
.certainty { font-size: var(--font-size-16); color: var(--color-orange-800); font-weight: var(--font-weight-700); margin-bottom: calc(0.25 * var(--hc-rem)); }
.bring { font-size: var(--font-size-20); font-weight: var(--font-weight-700); padding-left: calc(1.75 * var(--hc-rem)); }
.bring li { margin-bottom: calc(0.35 * var(--hc-rem)); }
.bullets { padding-left: calc(1.25 * var(--hc-rem)); }
.bullets li, .actions-list li { margin-bottom: calc(0.75 * var(--hc-rem)); }
.actions-list { padding-left: calc(1.5 * var(--hc-rem)); }
.actions-list p { margin-bottom: calc(0.25 * var(--hc-rem)); }
.when { font-weight: var(--font-weight-700); }
.reasons { padding-left: calc(1.25 * var(--hc-rem)); }
.reasons p { margin-bottom: calc(0.25 * var(--hc-rem)); }
.reasons li { margin-bottom: calc(0.75 * var(--hc-rem)); }
.reason-group { margin-top: calc(1 * var(--hc-rem)); }
.rule-id { font-family: ui-monospace, "Noto Sans Mono", monospace; }
.link-box { margin: calc(1 * var(--hc-rem)) 0; }
/* Timeline picture */
.timeline { margin: 0 0 calc(1 * var(--hc-rem)); }
.tl-holder { width: 100%; min-height: calc(4 * var(--hc-rem)); }
.tl-svg { display: block; max-width: 100%; height: auto; }
.tl-label { font-size: 15px; font-weight: 700; fill: var(--color-gray-900); }
.tl-year { font-size: 14px; fill: var(--color-gray-800); }
.tl-track { fill: var(--color-gray-100); }
.tl-valid { fill: var(--color-green-800); }
.tl-grace-bg { fill: var(--color-blue-50); }
.tl-hatch-line { stroke: var(--color-blue-900); stroke-width: 4; }
.tl-prov-bg { fill: var(--color-orange-50); }
.tl-dot { fill: var(--color-orange-800); }
.tl-axis { stroke: var(--color-gray-800); stroke-width: 1.5; }
.tl-today { stroke: var(--color-black); stroke-width: 2.5; stroke-dasharray: 6 4; }
.tl-marker circle { fill: var(--color-white); stroke: var(--color-gray-900); stroke-width: 2; }
.tl-marker text { font-size: 12px; font-weight: 700; fill: var(--color-gray-900); }
.tl-marker.past circle { stroke-dasharray: 3 2; }
.tl-legend { display: flex; flex-wrap: wrap; gap: calc(0.25 * var(--hc-rem)) calc(1.25 * var(--hc-rem)); list-style: none; padding: 0; margin: calc(0.5 * var(--hc-rem)) 0; }
.tl-legend li { display: inline-flex; align-items: center; gap: calc(0.4 * var(--hc-rem)); }
.sw { display: inline-block; width: calc(2 * var(--hc-rem)); height: calc(1 * var(--hc-rem)); border: 1px solid var(--color-gray-800); }
.sw-valid { background: var(--color-green-800); }
.sw-grace { background: repeating-linear-gradient(45deg, var(--color-blue-900) 0 3px, var(--color-blue-50) 3px 7px); }
.sw-prov { background: radial-gradient(circle, var(--color-orange-800) 1.5px, var(--color-orange-50) 2px) 0 0 / 7px 7px; }
.sw-today { width: 0; height: calc(1.25 * var(--hc-rem)); border: 0; border-left: 3px dashed var(--color-black); }
.tl-list { list-style: none; padding: 0; }
.tl-list li { display: flex; gap: calc(0.6 * var(--hc-rem)); align-items: baseline; margin-bottom: calc(0.5 * var(--hc-rem)); }
.tl-num { flex: none; display: inline-flex; align-items: center; justify-content: center; width: calc(1.6 * var(--hc-rem)); height: calc(1.6 * var(--hc-rem)); border: 2px solid var(--color-gray-900); border-radius: 50%; font-size: calc(0.8 * var(--hc-rem)); font-weight: 700; }
.tl-list li.past { color: var(--color-gray-800); }
.tl-list li.past .tl-num { border-style: dashed; }
/* Reception card */
.reception { border: 4px solid var(--color-gray-900); border-radius: var(--border-radius-8); padding: calc(1 * var(--hc-rem)) calc(1.25 * var(--hc-rem)); }
.reception .verdict-big { font-size: var(--font-size-24); }
@media (min-width: 48rem) { .reception .verdict-big { font-size: var(--font-size-32); } }
.reception-date { font-size: var(--font-size-20); font-weight: var(--font-weight-700); }
/* Static essential rules (old browsers; hidden once app.js runs) */
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation: none !important; transition: none !important; scroll-behavior: auto !important; }
}
@media (forced-colors: active) {
  .choice-label::before { border-color: CanvasText; }
  .choice-input:checked + .choice-label::after { background: CanvasText; border-color: CanvasText; forced-color-adjust: none; }
  .verdict-icon { forced-color-adjust: none; }
}
@media print {
  .back-link, .button-row, .actions, .as-of .link, .link-box, [data-section="keep"], .pack-error { display: none !important; }
  .hc { font-size: 12pt; }
  .verdict, .reception { break-inside: avoid; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: 9pt; overflow-wrap: anywhere; }
}
/* --- issue 7: dates, drawings, start screen, answer first ------------------------------- */
.nowrap { white-space: nowrap; }
.aside { font-size: 0.85em; }
.drawing { display: block; flex: none; }
.drawing-small { width: calc(4.5 * var(--hc-rem)); height: auto; }
.drawing-big { width: calc(7 * var(--hc-rem)); height: auto; }
.dr-card { fill: var(--color-white); stroke: var(--color-gray-800); stroke-width: 1.5; }
.dr-band { fill: var(--color-blue-50); stroke: none; }
.dr-photo { fill: var(--color-gray-100); stroke: var(--color-gray-600); stroke-width: 1; }
.dr-ink { fill: var(--color-gray-600); }
.dr-line { stroke: var(--color-gray-536); stroke-width: 2; stroke-linecap: round; fill: none; }
.dr-accent { fill: var(--color-blue-50); stroke: var(--color-blue-900); stroke-width: 1; }
.dr-text { font-size: 7px; fill: var(--color-gray-900); font-weight: 700; }
.dr-stamp { fill: none; stroke: var(--color-red-900); stroke-width: 1.5; }
.dr-cut { fill: none; stroke: var(--color-gray-800); stroke-width: 1.2; stroke-dasharray: 3 2; }
.with-drawing { display: flex; gap: calc(0.75 * var(--hc-rem)); align-items: flex-start; }
.docs-at-hand { list-style: none; padding: 0; margin: 0 0 calc(1 * var(--hc-rem)); display: grid; grid-template-columns: repeat(auto-fill, minmax(calc(9 * var(--hc-rem)), 1fr)); gap: calc(0.75 * var(--hc-rem)); }
.docs-at-hand li { display: flex; flex-direction: column; gap: calc(0.25 * var(--hc-rem)); font-size: var(--font-size-16); }
.start-list { padding-left: calc(1.25 * var(--hc-rem)); }
.answer-lead { font-size: var(--font-size-24); line-height: var(--line-height-140); font-weight: var(--font-weight-700); margin: 0 0 calc(0.75 * var(--hc-rem)); }
.answer-lead.tone-no { color: var(--color-red-900); }
.doc-lines { list-style: none; padding: 0; margin: 0 0 calc(0.75 * var(--hc-rem)); }
.doc-line { display: flex; gap: calc(0.5 * var(--hc-rem)); align-items: flex-start; padding: calc(0.35 * var(--hc-rem)) 0; border-bottom: 1px solid var(--color-gray-100); }
.doc-line .verdict-icon { flex: none; width: calc(1.6 * var(--hc-rem)); height: calc(1.6 * var(--hc-rem)); border-radius: 50%; display: inline-flex; align-items: center; justify-content: center; font-weight: 700; color: var(--color-white); }
.doc-line.tone-ok .verdict-icon { background: var(--color-green-800); }
.doc-line.tone-no .verdict-icon { background: var(--color-red-900); }
.doc-line.tone-info .verdict-icon, .doc-line.tone-maybe .verdict-icon { background: var(--color-orange-800); }
.todo { border: 3px solid var(--color-blue-900); border-radius: var(--border-radius-8); padding: calc(0.6 * var(--hc-rem)) calc(0.8 * var(--hc-rem)); margin: 0 0 calc(1 * var(--hc-rem)); background: var(--color-blue-50); }
.todo h2 { margin: 0 0 calc(0.25 * var(--hc-rem)); font-size: var(--font-size-20); }
.todo p { margin: 0 0 calc(0.25 * var(--hc-rem)); }
.caveat { border-left: 5px solid var(--color-orange-800); padding: calc(0.25 * var(--hc-rem)) calc(0.75 * var(--hc-rem)); margin: 0 0 calc(1 * var(--hc-rem)); background: var(--color-orange-50); }
details.more { margin: calc(1 * var(--hc-rem)) 0; }
details.more > summary { cursor: pointer; font-weight: 700; font-size: var(--font-size-20); color: var(--color-blue-900); padding: calc(0.5 * var(--hc-rem)) 0; }
.print-only { display: none; }
@media print { .print-only { display: block; } details.more > * { display: block; } }
.doc-line .verdict-detail { display: block; font-size: var(--font-size-16); }
.doc-line.verdict { border: 0; border-bottom: 1px solid var(--color-gray-100); border-radius: 0; padding: calc(0.35 * var(--hc-rem)) 0; }
.doc-line .verdict-doc { font-size: inherit; color: inherit; }
.answer-lead { font-size: calc(1.375 * var(--hc-rem)); margin-top: calc(0.25 * var(--hc-rem)); }
[data-section=docs] > h2 { font-size: var(--font-size-20); margin: calc(0.5 * var(--hc-rem)) 0 calc(0.25 * var(--hc-rem)); }
.as-of { font-size: var(--font-size-16); margin-bottom: calc(0.5 * var(--hc-rem)); }
.caveat p { margin: 0 0 calc(0.25 * var(--hc-rem)); }
.caveat summary { cursor: pointer; color: var(--color-blue-900); text-decoration: underline; }
@media (max-width: 30rem) { .answer-lead { font-size: 1.25rem; } .todo { padding: 0.5rem 0.7rem; } }
/* The insurer of a pack: its name and contact; a pack error. */
.insurer { margin: 0 0 calc(0.5 * var(--hc-rem)); }
.contact { list-style: none; padding-left: 0; margin: 0 0 calc(0.5 * var(--hc-rem)); }
.contact li { margin: 0; }
.where > p { margin: calc(0.5 * var(--hc-rem)) 0 0; font-weight: var(--font-weight-700); }
.pack-error { border-color: var(--color-red-900); background: var(--color-red-50); }
.pack-error p { margin: 0 0 calc(0.25 * var(--hc-rem)); }
`;
