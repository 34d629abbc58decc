// Mark the page as script-capable (what GOV.UK Frontend's inline snippet does; kept in a file so
// the Content-Security-Policy needs no inline script), then start the components.
document.body.classList.add("js-enabled");
if ("noModule" in HTMLScriptElement.prototype) {
  document.body.classList.add("govuk-frontend-supported");
  window.GOVUKFrontend.initAll();
}

// A table wider than the screen scrolls sideways inside its wrapper: make the wrapper a named
// region a keyboard can focus and scroll (axe-core: scrollable-region-focusable), but only
// while it does scroll, so wide screens get no extra tab stop. Named after the table's caption.
(function () {
  function markScrollableTables() {
    document.querySelectorAll(".app-table-wrapper").forEach(function (wrapper) {
      if (wrapper.dataset.fixedRegion === undefined && wrapper.hasAttribute("tabindex")) {
        wrapper.dataset.fixedRegion = "true"; // the template made it a region itself
      }
      if (wrapper.dataset.fixedRegion === "true") {
        return;
      }
      var caption = wrapper.querySelector("caption");
      if (wrapper.scrollWidth > wrapper.clientWidth) {
        wrapper.setAttribute("tabindex", "0");
        wrapper.setAttribute("role", "region");
        wrapper.setAttribute("aria-label", caption ? caption.textContent.trim() : "Table");
      } else {
        wrapper.removeAttribute("tabindex");
        wrapper.removeAttribute("role");
        wrapper.removeAttribute("aria-label");
      }
    });
  }
  markScrollableTables();
  window.addEventListener("resize", markScrollableTables);
})();
