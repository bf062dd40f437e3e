/*
 * Every Voice – reading help (progressive enhancement, no libraries).
 * Works with templates/includes/reading_help.html. Loaded on every page with defer.
 *
 *  - Shows the reading help bar(s) ([data-ev-reading-help], rendered `hidden`).
 *  - Read aloud: Web Speech API. Reads the first [data-read-aloud] element, or <main>,
 *    one paragraph at a time, and highlights the paragraph being read. The button is
 *    shown only when the browser can speak.
 *  - Display options: buttons with data-ev-toggle="ev-text-large | ev-contrast-high |
 *    ev-spacing-wide" and aria-pressed; the class goes on <html> and is remembered in
 *    localStorage ("everyvoice.display"). No cookies, nothing sent anywhere.
 *  - Print: [data-ev-print] calls window.print().
 *  - Hard words: .ev-term > .ev-term__word + .ev-term__explanation: the word becomes
 *    a button (role="button", aria-expanded) that shows and hides the explanation.
 */
(function () {
  'use strict';

  var KEY = 'everyvoice.display';
  var MODES = ['ev-text-large', 'ev-contrast-high', 'ev-spacing-wide'];
  var root = document.documentElement;

  /* ---------------------------------------------------------- display options */

  function loadPrefs() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(KEY) || '{}');
      return saved && typeof saved === 'object' ? saved : {};
    } catch (e) {
      return {};
    }
  }

  function savePrefs() {
    var prefs = {};
    MODES.forEach(function (mode) {
      if (root.classList.contains(mode)) prefs[mode] = true;
    });
    try {
      window.localStorage.setItem(KEY, JSON.stringify(prefs));
    } catch (e) { /* private mode or storage blocked: still works for this page */ }
  }

  function applyPrefs(prefs) {
    MODES.forEach(function (mode) {
      root.classList.toggle(mode, prefs[mode] === true);
    });
    syncToggles();
  }

  function syncToggles() {
    each('[data-ev-toggle]', function (btn) {
      btn.setAttribute('aria-pressed', root.classList.contains(btn.getAttribute('data-ev-toggle')) ? 'true' : 'false');
    });
  }

  function each(selector, fn) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), fn);
  }

  /* ---------------------------------------------------------- read aloud */

  var synth = window.speechSynthesis;
  var canSpeak = !!(synth && window.SpeechSynthesisUtterance);
  var session = 0;
  var reading = false;
  var marked = null;

  // Never read these: hidden things, the bar itself, screen-reader-only text.
  var SKIP = 'script,style,noscript,template,svg,[hidden],[aria-hidden="true"],' +
    '.nhsuk-u-visually-hidden,.ev-reading-help,.ev-reading-help-nojs,[data-read-aloud-skip]';
  // Text is grouped by its nearest block, so each paragraph is one utterance.
  var BLOCKS = 'h1,h2,h3,h4,h5,h6,p,li,dt,dd,th,td,caption,figcaption,blockquote,summary,' +
    'legend,label,pre,address,div,section,article,main,form,fieldset,details,figure,ul,ol,dl,table';

  function chunks(target) {
    var out = [];
    var last = null;
    var walker = document.createTreeWalker(target, NodeFilter.SHOW_TEXT);
    var node;
    while ((node = walker.nextNode())) {
      var text = node.nodeValue.replace(/\s+/g, ' ');
      var el = node.parentElement;
      if (!text.trim() || !el || el.closest(SKIP)) continue;
      if (el.checkVisibility && !el.checkVisibility()) continue; // e.g. inside a closed <details>
      if (el.closest('.ev-term__explanation')) text = ' ' + text; // see enhanceTerms
      var block = el.closest(BLOCKS);
      if (!block || !target.contains(block)) block = target;
      if (last && last.el === block) {
        last.text += text;
      } else {
        last = { el: block, text: text };
        out.push(last);
      }
    }
    return out.filter(function (c) { return /[\w\d]/.test(c.text); });
  }

  function pickVoice() {
    var voices = synth.getVoices() || [];
    var i;
    for (i = 0; i < voices.length; i++) if (/^en[-_]GB$/i.test(voices[i].lang)) return voices[i];
    for (i = 0; i < voices.length; i++) if (/^en/i.test(voices[i].lang)) return voices[i];
    return null;
  }

  function mark(el) {
    if (marked) marked.classList.remove('ev-reading-now');
    marked = el;
    if (el) {
      el.classList.add('ev-reading-now');
      if (el.scrollIntoView) el.scrollIntoView({ block: 'nearest' });
    }
  }

  function setReading(on) {
    reading = on;
    each('[data-ev-read-aloud]', function (btn) {
      btn.classList.toggle('ev-reading-help__button--active', on);
      var label = btn.querySelector('[data-ev-read-aloud-label]') || btn;
      label.textContent = on ? 'Stop reading' : 'Read aloud';
    });
  }

  function stopReading() {
    session++;
    if (canSpeak) synth.cancel();
    mark(null);
    setReading(false);
  }

  function startReading() {
    var target = document.querySelector('[data-read-aloud]') || document.querySelector('main');
    if (!target) return;
    var list = chunks(target);
    if (!list.length) return;
    if (synth.speaking || synth.pending) synth.cancel();
    var id = ++session;
    var voice = pickVoice();
    setReading(true);
    list.forEach(function (chunk, i) {
      var u = new window.SpeechSynthesisUtterance(chunk.text.trim());
      u.lang = 'en-GB';
      if (voice) u.voice = voice;
      u.rate = 0.9; // a little slower than normal
      u.onstart = function () { if (id === session) mark(chunk.el); };
      u.onend = function () { if (id === session && i === list.length - 1) stopReading(); };
      u.onerror = function (ev) {
        if (id === session && ev.error !== 'interrupted' && ev.error !== 'canceled') stopReading();
      };
      synth.speak(u);
    });
  }

  /* ---------------------------------------------------------- hard words */

  var termCount = 0;

  function enhanceTerms() {
    each('.ev-term', function (term) {
      var word = term.querySelector('.ev-term__word');
      var explanation = term.querySelector('.ev-term__explanation');
      if (!word || !explanation || term.querySelector('.ev-term__button')) return;
      if (!explanation.id) {
        do { explanation.id = 'ev-term-' + (++termCount); } while (document.querySelectorAll('#' + explanation.id).length > 1);
      }
      // A real inline element, not <button>: browsers render <button> as an
      // inline-block, which lets the line wrap between the word and a following
      // full stop. Keyboard support is added in onKey.
      var btn = document.createElement('span');
      btn.setAttribute('role', 'button');
      btn.tabIndex = 0;
      btn.className = 'ev-term__button';
      btn.setAttribute('aria-expanded', 'false');
      btn.setAttribute('aria-controls', explanation.id);
      var text = document.createElement('span');
      text.className = 'ev-term__text';
      while (word.firstChild) text.appendChild(word.firstChild);
      btn.appendChild(text);
      // A text "?" (not an icon image) so the line cannot wrap between it and the
      // punctuation that follows the word.
      btn.insertAdjacentHTML('beforeend',
        '<span class="ev-term__icon" aria-hidden="true">?</span>' +
        '<span class="nhsuk-u-visually-hidden"> (what this means)</span>');
      word.appendChild(btn);
      explanation.hidden = true;
      // Drop the space between word and explanation (it would show before the next
      // punctuation while the explanation is hidden); CSS puts a margin there instead.
      Array.prototype.slice.call(term.childNodes).forEach(function (n) {
        if (n.nodeType === 3 && !n.nodeValue.trim()) term.removeChild(n);
      });
    });
  }

  function toggleTerm(btn) {
    var explanation = document.getElementById(btn.getAttribute('aria-controls'));
    if (!explanation) return;
    var open = btn.getAttribute('aria-expanded') !== 'true';
    btn.setAttribute('aria-expanded', open ? 'true' : 'false');
    explanation.hidden = !open;
  }

  /* ---------------------------------------------------------- wiring */

  function onClick(event) {
    var btn = event.target.closest && event.target.closest('[data-ev-toggle],[data-ev-print],[data-ev-read-aloud],.ev-term__button');
    if (!btn) return;
    if (btn.hasAttribute('data-ev-toggle')) {
      var mode = btn.getAttribute('data-ev-toggle');
      if (MODES.indexOf(mode) === -1) return;
      root.classList.toggle(mode);
      syncToggles();
      savePrefs();
    } else if (btn.hasAttribute('data-ev-print')) {
      if (reading) stopReading();
      window.print();
    } else if (btn.hasAttribute('data-ev-read-aloud')) {
      if (reading) stopReading(); else startReading();
    } else {
      toggleTerm(btn);
    }
  }

  function onKey(event) {
    var t = event.target;
    if (event.repeat || !t.classList || !t.classList.contains('ev-term__button')) return;
    if (event.key === 'Enter' || event.key === ' ' || event.key === 'Spacebar') {
      event.preventDefault();
      toggleTerm(t);
    }
  }

  function init() {
    applyPrefs(loadPrefs());
    enhanceTerms();
    if (canSpeak) each('[data-ev-read-aloud-item]', function (el) { el.hidden = false; });
    each('[data-ev-reading-help]', function (el) { el.hidden = false; });
    document.addEventListener('click', onClick);
    document.addEventListener('keydown', onKey);
    // Another tab changed the options: follow it.
    window.addEventListener('storage', function (e) { if (e.key === KEY) applyPrefs(loadPrefs()); });
    // Do not keep talking after the reader leaves the page.
    window.addEventListener('pagehide', function () { if (reading) stopReading(); });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
