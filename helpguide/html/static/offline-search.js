/*
 * Search result snippets without fetching pages, so they work from file://.
 *
 * Sphinx's searchtools.js fetches each result page to cut a snippet from it;
 * browsers refuse that on file://. Here the stock summary is switched off and
 * the snippets are cut from searchtexts.js, which the build writes and the
 * search page loads with a <script> tag (it calls OfflineSearch.setTexts).
 */
"use strict";

const OfflineSearch = {
  // link target ("programs/x.html") -> {"": page text, "#id": section text}
  _texts: {},

  setTexts: (texts) => {
    OfflineSearch._texts = texts;
  },

  /** The text under a result link's target, or "" if the build wrote none. */
  textFor: (href) => {
    const [page, anchor] = href.split("#");
    const texts = OfflineSearch._texts[page] || {};
    return texts[anchor ? `#${anchor}` : ""] || texts[""] || "";
  },

  /** A snippet as Search.makeSearchSummary cuts it from a fetched page. */
  makeSummary: (text, keywords) => {
    const textLower = text.toLowerCase();
    const start = [...keywords]
      .map((k) => textLower.indexOf(k.toLowerCase()))
      .filter((i) => i > -1)
      .slice(-1)[0];
    const startWithContext = Math.max((start || 0) - 120, 0);
    const top = startWithContext === 0 ? "" : "...";
    const tail = startWithContext + 240 < text.length ? "..." : "";
    const summary = document.createElement("p");
    summary.classList.add("context");
    summary.textContent =
      top + text.substr(startWithContext, 240).trim() + tail;
    return summary;
  },

  /** Add the snippet under one result, as the stock _displayItem would. */
  addSummary: (listItem, searchTerms, highlightTerms) => {
    const link = listItem.querySelector("a");
    // Results with a description (objects) get no snippet in stock Sphinx.
    if (!link || listItem.querySelector("span")) return;
    const text = OfflineSearch.textFor(link.getAttribute("href"));
    if (!text) return;
    listItem.appendChild(OfflineSearch.makeSummary(text, searchTerms));
    if (SPHINX_HIGHLIGHT_ENABLED)
      highlightTerms.forEach((term) =>
        _highlightText(listItem, term, "highlighted"),
      );
  },
};

// The stock summary would fetch() every result page.
DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = false;

// Results are appended to Search.output one by one after _performSearch has
// returned them; watch the list and add each result's snippet as it appears.
const _stockPerformSearch = Search._performSearch;
Search._performSearch = (query, searchTerms, excludedTerms, highlightTerms, objectTerms) => {
  new MutationObserver((mutations) =>
    mutations.forEach((mutation) =>
      mutation.addedNodes.forEach((listItem) =>
        OfflineSearch.addSummary(listItem, searchTerms, highlightTerms),
      ),
    ),
  ).observe(Search.output, { childList: true });
  return _stockPerformSearch(query, searchTerms, excludedTerms, highlightTerms, objectTerms);
};
