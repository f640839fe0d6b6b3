/* Tag filter for the chronology: progressive enhancement.
   The page lists every event without JavaScript; this script adds a row of tag buttons
   that hide the events without the chosen tag (and the months and years left empty).
   The choice is kept in the address (?tag=slug) so a filtered view can be shared. */
(function () {
  "use strict";

  function tagsOnPage(events) {
    var tags = new Map();
    events.forEach(function (event) {
      event.querySelectorAll(".tags a").forEach(function (link) {
        var slug = link.getAttribute("href").split("/").pop().replace(/\.html$/, "");
        var tag = tags.get(slug) || { slug: slug, name: link.textContent.trim(), count: 0 };
        tag.count += 1;
        tags.set(slug, tag);
      });
    });
    return Array.from(tags.values()).sort(function (a, b) {
      return b.count - a.count || a.name.localeCompare(b.name);
    });
  }

  function element(name, attributes, text) {
    var node = document.createElement(name);
    Object.keys(attributes).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function init() {
    var main = document.getElementById("main");
    var firstYear = main && main.querySelector("section.year");
    if (!firstYear) return;
    var events = Array.from(main.querySelectorAll("section.year .event[data-tags]"));
    var tags = tagsOnPage(events);
    if (!tags.length) return;

    var wanted = new URLSearchParams(window.location.search).get("tag") || "";
    var known = tags.some(function (tag) { return tag.slug === wanted; });

    // On a narrow screen the buttons start folded away, unless the address chose a tag.
    var panel = element("section", { class: "tag-filter", "aria-label": "Filter by tag" });
    var fold = element("details", {});
    if (known || window.matchMedia("(min-width: 40rem)").matches) fold.open = true;
    fold.appendChild(element("summary", {}, "Filter by tag (" + tags.length + " tags)"));
    panel.appendChild(fold);
    var group = element("div", { class: "tag-filter-buttons", role: "group", "aria-label": "Tags" });
    var all = element("button", { type: "button", "data-tag": "", "aria-pressed": "true" }, "All events");
    group.appendChild(all);
    tags.forEach(function (tag) {
      var button = element("button", { type: "button", "data-tag": tag.slug, "aria-pressed": "false" });
      button.appendChild(element("span", { dir: "auto" }, tag.name));
      button.appendChild(document.createTextNode(" (" + tag.count + ")"));
      group.appendChild(button);
    });
    fold.appendChild(group);
    var status = element("p", { class: "tag-filter-status", role: "status" });
    panel.appendChild(status);
    firstYear.parentNode.insertBefore(panel, firstYear);

    function apply(slug, remember) {
      var shown = 0;
      events.forEach(function (event) {
        var match = !slug || event.getAttribute("data-tags").split(" ").indexOf(slug) !== -1;
        event.closest("li").hidden = !match;
        if (match) shown += 1;
      });
      main.querySelectorAll("section.month, section.year").forEach(function (section) {
        section.hidden = !section.querySelector("li:not([hidden]) > .event");
      });
      group.querySelectorAll("button").forEach(function (button) {
        button.setAttribute("aria-pressed", String(button.getAttribute("data-tag") === slug));
      });
      var name = slug ? tags.find(function (tag) { return tag.slug === slug; }).name : "";
      status.textContent = slug
        ? "Showing " + shown + " of " + events.length + " events tagged “" + name + "”."
        : "Showing all " + events.length + " events.";
      if (remember) {
        var url = new URL(window.location.href);
        if (slug) url.searchParams.set("tag", slug); else url.searchParams.delete("tag");
        try {
          window.history.replaceState(null, "", url);
        } catch (error) {
          /* some browsers refuse history changes on pages opened from disk */
        }
      }
    }

    group.addEventListener("click", function (click) {
      var button = click.target.closest("button");
      if (!button) return;
      var slug = button.getAttribute("data-tag");
      var pressed = button.getAttribute("aria-pressed") === "true";
      apply(pressed ? "" : slug, true);
    });

    apply(known ? wanted : "", false);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
