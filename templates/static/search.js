/* Full-text search of events and sources with Pagefind: progressive enhancement.
   The build writes the index into pagefind/ (a large site's in parts, pagefind/part-NN/,
   listed in pagefind-parts.json); this script adds a search box above the
   chronology when the site is served over HTTP (Pagefind cannot fetch its index from
   disk). Without JavaScript the chronology, the tag pages and the sources stay browsable. */
(function () {
  "use strict";

  var script = document.currentScript;

  function init() {
    if (!/^https?:$/.test(window.location.protocol)) return;
    var main = document.getElementById("main");
    var heading = main && main.querySelector("h1");
    if (!heading) return;
    var root = new URL("../", script.src).href;
    // A large site's index is in parts, each a bundle: the build lists them.
    fetch(root + "pagefind-parts.json")
      .then(function (response) { return response.ok ? response.json() : null; })
      .catch(function () { return null; })
      .then(function (parts) {
        var bundles = parts && Array.isArray(parts.bundles) ? parts.bundles : [];
        bundles = bundles.filter(function (b) { return typeof b === "string" && b; });
        if (!bundles.length) bundles = ["pagefind/"];
        show(heading, bundles.map(function (b) { return new URL(b, root).href; }));
      });
  }

  function show(heading, bundles) {
    var panel = document.createElement("section");
    panel.className = "site-search";
    panel.setAttribute("aria-labelledby", "site-search-heading");
    var title = document.createElement("h2");
    title.id = "site-search-heading";
    title.textContent = "Search events and sources";
    var box = document.createElement("div");
    box.id = "site-search";
    panel.appendChild(title);
    panel.appendChild(box);

    var styles = document.createElement("link");
    styles.rel = "stylesheet";
    styles.href = bundles[0] + "pagefind-ui.css";
    var ui = document.createElement("script");
    ui.src = bundles[0] + "pagefind-ui.js";
    ui.onload = function () {
      var lede = heading.nextElementSibling;
      var anchor = lede && lede.classList.contains("lede") ? lede : heading;
      anchor.insertAdjacentElement("afterend", panel);
      new window.PagefindUI({
        element: "#site-search",
        bundlePath: bundles[0],
        mergeIndex: bundles.slice(1).map(function (b) { return { bundlePath: b }; }),
        showImages: false,
        showSubResults: true,
        resetStyles: false,
      });
    };
    document.head.appendChild(styles);
    document.head.appendChild(ui);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
