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

// The findings list's report search (#report_q): without a script, applying the filters lists
// the reports whose title contains the words; with one, the list follows the words as they are
// typed. The server renders the list (recommendations:report_choices), links included, for the
// filters applied to the page (its query string), so both ways give the same links.
(function () {
  var input = document.getElementById("report_q");
  var region = document.getElementById("report-choices");
  if (!input || !region || !window.fetch || !window.URLSearchParams) {
    return;
  }
  var timer = null;
  var asked = input.value.trim();
  function ask() {
    var words = input.value.trim();
    if (words === asked) {
      return;
    }
    asked = words;
    var params = new URLSearchParams(window.location.search);
    params.delete("page");
    params.set("report_q", words);
    fetch(input.dataset.reportChoicesUrl + "?" + params.toString(), {
      credentials: "same-origin",
      headers: { Accept: "text/html" },
    })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html !== null && asked === words) {
          region.innerHTML = html; // rendered by the server, every text escaped
        }
      })
      .catch(function () {}); // the form still works: "Apply filters" lists the reports
  }
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(ask, 250);
  });
})();
