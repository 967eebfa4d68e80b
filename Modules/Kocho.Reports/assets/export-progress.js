// CSV export being prepared: asks the server for rows written / total every second and shows them; when the export is
// no longer running the page is loaded again, which then shows the Shift_JIS warning and the download link.
(function () {
  "use strict";
  var section = document.querySelector("[data-testid='export-job']");
  if (!section) return;
  var url = section.getAttribute("data-status-url");
  var bar = section.querySelector("[data-testid='export-progress']");
  var text = section.querySelector("[data-testid='export-progress-text']");
  var format = text ? text.textContent.replace(/[0-9,]+\s*\/\s*[0-9,]+/, "{0} / {1}") : "";

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (status) {
        if (!status) return;
        if (status.state !== "queued" && status.state !== "running") {
          window.location.reload();
          return;
        }
        if (bar) { bar.max = Math.max(status.total, 1); bar.value = status.written; }
        if (text) text.textContent = format.replace("{0}", status.written).replace("{1}", status.total);
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 500);
})();
