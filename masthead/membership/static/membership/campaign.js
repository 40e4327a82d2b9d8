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
        // "1,575.00 EUR", as the server writes amounts (money.format_money), in the page's language.
        var number = new Intl.NumberFormat(document.documentElement.lang || undefined, {
          minimumFractionDigits: data.decimals, maximumFractionDigits: data.decimals
        });
        var money = { format: function (value) {
          return number.format(value) + " " + data.currency.toUpperCase();
        } };
        box.querySelectorAll("[data-figure]").forEach(function (figure) {
          var name = figure.dataset.figure;
          // Minor units to major ones with the server's count of decimals (yen have none).
          var raised = data.raised / Math.pow(10, data.decimals);
          figure.textContent = name === "raised" ? money.format(raised) : String(data[name]);
        });
      })
      .catch(function () { /* the cached figures stay */ });
  });
})();
