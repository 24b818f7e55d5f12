/* The guide's navigation (helpguide.html.navigation). */
(function (tree) {
  'use strict';
  /* A page of a program of several platforms, reached along another platform's
     chapter (?platform=NAME), shows that chapter's breadcrumb and
     previous/next, from the relations the page carries
     (helpguide.html.builder.relate_platforms): the platform, or null where the
     page was reached along its home chapter. */
  var data = document.getElementById('guide-platform-relations');
  var chosen = /[?&]platform=([^&#]+)/.exec(window.location.search);
  var platform = chosen && decodeURIComponent(chosen[1]);
  var relations = data && platform ? JSON.parse(data.textContent)[platform] : null;
  if (!relations) {
    platform = null;
  }

  function showRelations() {
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
    // The head's links say what the bar says.
    var heads = {prev: 'P', next: 'N'};
    for (var rel in heads) {
      var head = document.querySelector('link[rel="' + rel + '"]');
      if (head && relations[heads[rel]]) {
        head.setAttribute('href', relations[heads[rel]][0]);
        head.setAttribute('title', relations[heads[rel]][1]);
      }
    }
  }

  /* The whole table of contents, written once a build, put into the sidebar
     of the page that loads it. The page's own entry and its chapters are
     marked "current": of a page listed in two chapters, the entry of the
     chapter the page was reached along (that entry's link carries the
     chapter's ?platform=NAME, the home chapter's none). Links are made
     relative to the page's folder. */
  function showTree() {
    var nav = document.querySelector('nav.guide-nav[data-page]');
    if (!nav || !tree) {
      return;
    }
    var root = document.documentElement.getAttribute('data-content_root') || '';
    var page = nav.getAttribute('data-page');
    var wanted = platform ? page + '?platform=' + encodeURIComponent(platform) : page;
    var box = document.createElement('div');
    box.innerHTML = tree;
    var links = box.querySelectorAll('a[href]');
    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      if (link.getAttribute('href') === wanted) {
        link.classList.add('current');
        for (var item = link.parentElement; item && item !== box; item = item.parentElement) {
          if (item.tagName === 'LI') {
            item.classList.add('current');
          }
        }
      }
      link.setAttribute('href', root + link.getAttribute('href'));
    }
    var treeList = box.querySelector('ul');
    var chapters = nav.querySelector('ul');  // the short list for readers without JavaScript
    if (chapters) {
      chapters.replaceWith(treeList);
    } else {
      nav.appendChild(treeList);
    }
  }

  showTree();  // the sidebar comes before this script
  if (relations) {
    // The bar under the page comes after it.
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', showRelations);
    } else {
      showRelations();
    }
  }
})("@TREE@");
