/* The guide's navigation (helpguide.html.navigation): the whole table of
   contents, written once a build, put into the sidebar of the page that loads
   it. The page's own entries and their ancestors are marked "current", as
   Sphinx marks them; links are made relative to the page's folder. */
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
