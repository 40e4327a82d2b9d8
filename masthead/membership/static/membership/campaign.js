// The campaign banner is part of cached pages; its figures are refreshed from a small JSON
// endpoint (so a gift need not empty the page cache), and a dismissal is remembered here.
(function () {
  "use strict";
  document.querySelectorAll(".campaign-banner").forEach(function (banner) {
    var key = "masthead:campaign-dismissed:" + banner.dataset.campaign;
    try {
      if (window.localStorage.getItem(key)) { banner.hidden = true; return; }
    } catch (e) { /* storage blocked: the banner stays */ }
    var dismiss = banner.querySelector(".campaign-banner__dismiss");
    if (dismiss) {
      dismiss.hidden = false;
      dismiss.addEventListener("click", function () {
        banner.hidden = true;
        try { window.localStorage.setItem(key, "1"); } catch (e) { /* not remembered */ }
      });
    }
  });
  document.querySelectorAll(".campaign-progress[data-progress-url]").forEach(function (box) {
    fetch(box.dataset.progressUrl, { credentials: "omit", cache: "no-cache" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        var bar = box.querySelector("progress");
        if (bar) { bar.value = data.percent; }
        // The server writes the figures as the page's language does (the browser may not
        // know Galician or Sardinian number formats, and would show "€1,575.00").
        box.querySelectorAll("[data-figure]").forEach(function (figure) {
          var shown = data.shown && data.shown[figure.dataset.figure];
          if (shown) { figure.textContent = shown; }
        });
      })
      .catch(function () { /* the cached figures stay */ });
  });
})();
