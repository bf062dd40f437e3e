/*
 * Every Voice – page editor: show each block's easy-read findings beside that block.
 * The findings are rendered by cms.panels.EasyReadChecksPanel (one list item per block,
 * data-ev-checks-block="<block id>"); StreamField blocks are drawn by Wagtail's JS with
 * data-contentpath="<block id>", so we wait for them and put a copy of the findings at the
 * top of each block. Without this script the panel still lists every finding.
 */
(function () {
  'use strict';
  var tries = 0;

  function place() {
    var groups = document.querySelectorAll('[data-ev-checks-block]');
    var placed = 0;
    Array.prototype.forEach.call(groups, function (group) {
      var id = group.getAttribute('data-ev-checks-block');
      if (!id) { placed++; return; }
      var child = document.querySelector('[data-streamfield-child][data-contentpath="' + CSS.escape(id) + '"]');
      if (!child) return;
      placed++;
      if (child.querySelector('.ev-checks-inline')) return;
      var copy = document.createElement('div');
      copy.className = 'ev-checks-inline help-block help-warning';
      copy.setAttribute('role', 'note');
      var list = group.querySelector('.ev-checks__findings');
      if (list) copy.appendChild(list.cloneNode(true));
      var content = child.querySelector('[data-block-content], .w-panel__content') || child;
      content.insertBefore(copy, content.firstChild);
    });
    if (placed < groups.length && tries++ < 40) window.setTimeout(place, 250);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', place);
  else place();
})();
