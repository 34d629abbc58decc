// Mark the page as script-capable (what GOV.UK Frontend's inline snippet does; kept in a file so
// the Content-Security-Policy needs no inline script), then start the components.
document.body.classList.add("js-enabled");
if ("noModule" in HTMLScriptElement.prototype) {
  document.body.classList.add("govuk-frontend-supported");
  window.GOVUKFrontend.initAll();
}
