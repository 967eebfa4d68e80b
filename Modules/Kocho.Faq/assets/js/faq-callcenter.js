// Call-center FAQ search: ↓/↑ move between results (from the search box too), the copy button puts the answer's text
// on the clipboard and says so to screen readers.
(function () {
  "use strict";
  function results() { return Array.prototype.slice.call(document.querySelectorAll(".cc-result")); }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var list = results();
    if (list.length === 0) return;
    var box = document.getElementById("cc-q");
    var current = list.indexOf(document.activeElement && document.activeElement.closest ? document.activeElement.closest(".cc-result") : null);
    var next;
    if (document.activeElement === box) {
      if (event.key !== "ArrowDown") return;
      next = 0;
    } else if (current >= 0) {
      next = event.key === "ArrowDown" ? Math.min(current + 1, list.length - 1) : current - 1;
    } else {
      return;
    }
    event.preventDefault();
    if (next < 0) box.focus(); else list[next].focus();
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-copy-target]") : null;
    if (!button) return;
    var source = document.getElementById(button.getAttribute("data-copy-target"));
    if (!source) return;
    var text = source.innerText.trim();
    var status = document.getElementById("cc-copied");
    function done() {
      button.setAttribute("data-copied", "true");
      if (status) status.textContent = status.getAttribute("data-copied-text");
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
    } else {
      fallback(text);
      done();
    }
  });

  function fallback(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "absolute";
    area.style.left = "-9999px";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (e) { /* nothing more to try */ }
    document.body.removeChild(area);
  }
})();
