// FAQ suggestions while a resident types an inquiry: any element with data-faq-suggest="InputId1 InputId2" gets
// up to 5 matching FAQ entries, announced politely to screen readers. Links carry ?from=suggest, so that opening one
// is recorded as a possible deflection.
(function () {
  "use strict";
  var english = (document.documentElement.lang || "").indexOf("en") === 0;
  var text = english
    ? { heading: "These FAQ entries may answer your question:", newTab: "(opens in a new tab)" }
    : { heading: "こちらのよくある質問で解決するかもしれません：", newTab: "（新しいタブで開きます）" };

  function setUp(box) {
    var inputs = (box.getAttribute("data-faq-suggest") || "").split(/\s+/)
      .map(function (id) { return id ? document.getElementById(id) : null; })
      .filter(function (el) { return el; });
    if (inputs.length === 0) return;
    box.setAttribute("aria-live", "polite");
    box.classList.add("faq-suggest");
    var timer = null;
    var last = "";
    var request = 0;

    function query() {
      return inputs.map(function (el) { return el.value || ""; }).join(" ").replace(/\s+/g, " ").trim().slice(0, 200);
    }

    function render(items) {
      while (box.firstChild) box.removeChild(box.firstChild);
      if (!items || items.length === 0) return;
      var heading = document.createElement("p");
      heading.className = "faq-suggest-heading";
      heading.textContent = text.heading;
      box.appendChild(heading);
      var list = document.createElement("ul");
      list.setAttribute("data-testid", "faq-suggestions");
      items.slice(0, 5).forEach(function (item) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = item.url;
        a.target = "_blank";
        a.rel = "noopener";
        a.setAttribute("data-faq-suggestion", String(item.id));
        a.textContent = item.question;
        var hint = document.createElement("span");
        hint.className = "visually-hidden";
        hint.textContent = text.newTab;
        a.appendChild(hint);
        li.appendChild(a);
        list.appendChild(li);
      });
      box.appendChild(list);
    }

    function suggest() {
      var q = query();
      if (q === last) return;
      last = q;
      if (q.length < 2) { render([]); return; }
      var mine = ++request;
      fetch("/api/faq/suggest?q=" + encodeURIComponent(q), { headers: { "Accept": "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : { items: [] }; })
        .then(function (data) { if (mine === request) render(data.items); })
        .catch(function () { /* suggestions are a help, never a hindrance to sending the form */ });
    }

    inputs.forEach(function (el) {
      el.addEventListener("input", function () {
        if (timer) clearTimeout(timer);
        timer = setTimeout(suggest, 400);
      });
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-faq-suggest]"), setUp);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
