/*
 * Search result snippets without fetching pages, so they work from file://.
 *
 * Sphinx's searchtools.js fetches each result page to cut a snippet from it;
 * browsers refuse that on file://. Here the stock summary is switched off and
 * the snippets are cut from searchtexts.js, which the build writes and the
 * search page loads with a <script> tag (it calls OfflineSearch.setPages).
 * The same texts tell which part of a page each hit lies in, so one page's
 * hits are listed once per part instead of once per index entry.
 */
"use strict";

const OfflineSearch = {
  // link target ("programs/x.html") -> {title, text, parts: [{title, text, ids}]}
  _pages: {},
  // link target -> anchor id -> the innermost part of the page holding it
  _partOf: {},

  setPages: (pages) => {
    OfflineSearch._pages = pages;
    OfflineSearch._partOf = Object.fromEntries(
      Object.entries(pages).map(([uri, page]) => [
        uri,
        new Map(page.parts.flatMap((part) => part.ids.map((id) => [id, part]))),
      ]),
    );
  },

  /** The part of the page at *uri* holding *anchor* ("#id"), or undefined. */
  partAt: (uri, anchor) =>
    anchor ? OfflineSearch._partOf[uri]?.get(anchor.slice(1)) : undefined,

  /** The text under a result link's target, or "" if the build wrote none. */
  textFor: (href) => {
    const [uri, anchor] = href.split("#");
    const part = OfflineSearch.partAt(uri, anchor && `#${anchor}`);
    return part ? part.text : OfflineSearch._pages[uri]?.text || "";
  },

  /**
   * Sphinx's results made distinct: a hit on an anchor in a part of a page
   * (an index entry in one platform's steps) is titled "Page › Part", one
   * result stands for each part, and the page's own hit is left out when
   * parts of it are listed. Otherwise Sphinx lists a page once for its text
   * and again for each index entry in it, alike. *results* come lowest score
   * first, as Sphinx pops them to display; the best of a kind is kept.
   */
  distinct: (results) => {
    const kept = new Map(); // the page's uri, a part, or (objects) the result itself
    const withParts = new Set();
    [...results].reverse().forEach((result) => {
      const [docName, , anchor, descr] = result;
      const uri = docName + DOCUMENTATION_OPTIONS.LINK_SUFFIX;
      const part = descr ? undefined : OfflineSearch.partAt(uri, anchor);
      const key = descr ? result : part || uri;
      if (kept.has(key)) return;
      if (!part) kept.set(key, result);
      else {
        withParts.add(uri);
        const titled = [...result];
        titled[1] = `${OfflineSearch._pages[uri].title} › ${part.title}`;
        kept.set(key, titled);
      }
    });
    return [...kept]
      .filter(([key]) => !withParts.has(key))
      .map(([, result]) => result)
      .reverse();
  },

  /**
   * Once the results are listed, "found N pages" counts the pages, not the
   * results: one page may be listed once for each of its parts. The
   * message is Sphinx's own, so it is translated as Sphinx's is.
   */
  countPages: (results) => {
    const pages = new Set(results.map(([docName]) => docName)).size;
    if (pages === results.length) return;
    // Search.status is written once, when the last result is listed.
    const observer = new MutationObserver(() => {
      observer.disconnect();
      Search.status.innerText = Documentation.ngettext(
        "Search finished, found one page matching the search query.",
        "Search finished, found ${resultCount} pages matching the search query.",
        pages,
      ).replace("${resultCount}", pages);
    });
    observer.observe(Search.status, { childList: true });
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
  // Search.query lists what this returns.
  const results = OfflineSearch.distinct(
    _stockPerformSearch(query, searchTerms, excludedTerms, highlightTerms, objectTerms),
  );
  OfflineSearch.countPages(results);
  return results;
};
