/* Full-text search of events and sources with Pagefind: progressive enhancement.
   The build writes the index into pagefind/; this script adds a search box above the
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
    var bundle = new URL("../pagefind/", script.src).href;

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
    styles.href = bundle + "pagefind-ui.css";
    var ui = document.createElement("script");
    ui.src = bundle + "pagefind-ui.js";
    ui.onload = function () {
      var lede = heading.nextElementSibling;
      var anchor = lede && lede.classList.contains("lede") ? lede : heading;
      anchor.insertAdjacentElement("afterend", panel);
      new window.PagefindUI({
        element: "#site-search",
        bundlePath: bundle,
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
