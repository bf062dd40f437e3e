/*
 * Every Voice – page bootstrap. Loaded with a plain <script src> as the first thing
 * in <body> (the site's CSP forbids inline scripts, so this replaces NHS.UK frontend's
 * inline body-start snippet). Keep it tiny: it blocks rendering.
 *  - adds `js-enabled` and (for module-capable browsers) `nhsuk-frontend-supported`
 *    to <body>, exactly as the NHS.UK template snippet does;
 *  - re-applies the reader's saved display options (see reading-help.js) to <html>
 *    before first paint, so the page does not flash. localStorage only, no cookies.
 */
(function () {
  'use strict';
  var body = document.body;
  body.classList.add('js-enabled');
  if ('noModule' in HTMLScriptElement.prototype) body.classList.add('nhsuk-frontend-supported');
  try {
    var saved = JSON.parse(window.localStorage.getItem('everyvoice.display') || '{}') || {};
    ['ev-text-large', 'ev-contrast-high', 'ev-spacing-wide'].forEach(function (mode) {
      if (saved[mode] === true) document.documentElement.classList.add(mode);
    });
  } catch (e) { /* storage blocked or bad JSON: use the defaults */ }
})();
