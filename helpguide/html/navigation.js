/* The guide's navigation (helpguide.html.navigation): the whole table of
   contents, written once a build, put into the sidebar of the page that loads
   it. The page's own entries and their ancestors are marked "current", as
   Sphinx marks them; links are made relative to the page's folder. */
/* A page of a program of several platforms, reached along another platform's
   chapter (?platform=NAME): that chapter's breadcrumb and previous/next, from
   the relations the page carries (helpguide.html.builder.relate_platforms). */
(function () {
  'use strict';
  var data = document.getElementById('guide-platform-relations');
  var chosen = /[?&]platform=([^&#]+)/.exec(window.location.search);
  if (!data || !chosen) {
    return;
  }
  var relations = JSON.parse(data.textContent)[decodeURIComponent(chosen[1])];
  if (!relations) {
    return;
  }
  function show() {
    var links = document.querySelectorAll('div.related a[data-rel]');
    for (var i = 0; i < links.length; i++) {
      var relation = relations[links[i].getAttribute('data-rel')];
      if (!relation) {
        continue;
      }
      links[i].setAttribute('href', relation[0]);
      if (links[i].getAttribute('data-rel') === 'U') {
        links[i].textContent = relation[1];
      } else {
        links[i].setAttribute('title', relation[1]);
      }
    }
  }
  // The bar under the page comes after this script.
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', show);
  } else {
    show();
  }
})();

(function (tree) {
  'use strict';
  var nav = document.querySelector('nav.guide-nav[data-page]');
  if (!nav || !tree) {
    return;
  }
  var root = document.documentElement.getAttribute('data-content_root') || '';
  var page = nav.getAttribute('data-page');
  var box = document.createElement('div');
  box.innerHTML = tree;
  var links = box.querySelectorAll('a[href]');
  for (var i = 0; i < links.length; i++) {
    var link = links[i];
    var href = link.getAttribute('href');
    if (href === page) {
      link.classList.add('current');
      for (var item = link.parentElement; item && item !== box; item = item.parentElement) {
        if (item.tagName === 'LI') {
          item.classList.add('current');
        }
      }
    }
    link.setAttribute('href', root + href);
  }
  var tree_list = box.querySelector('ul');
  var chapters = nav.querySelector('ul');  // the short list for readers without JavaScript
  if (chapters) {
    chapters.replaceWith(tree_list);
  } else {
    nav.appendChild(tree_list);
  }
})("@TREE@");

