// The share control without JavaScript is a list of links; with it, "Copy link" copies, and
// where the browser has a system share sheet (phones), a "Share…" button opens it.
(function () {
  "use strict";
  document.querySelectorAll("details.share").forEach(function (share) {
    var title = share.getAttribute("data-share-title");
    var url = share.getAttribute("data-share-url");
    var system = share.querySelector(".share__system");
    var copy = share.querySelector(".share__copy-button");
    var copied = share.querySelector(".share__copied");
    if (system && navigator.share && window.matchMedia("(pointer: coarse)").matches) {
      system.hidden = false;
      system.addEventListener("click", function () {
        navigator.share({ title: title, url: url }).catch(function () {});
      });
    }
    if (copy && navigator.clipboard) {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(url).then(function () {
          copied.textContent = copy.getAttribute("data-copied") || "✓";
        });
      });
    }
  });
})();
