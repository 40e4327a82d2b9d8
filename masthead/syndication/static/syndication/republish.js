// "Republish this article": with JavaScript, the republish page opens in a dialog over the
// article, and its copy buttons put the HTML, the <head> tag or the plain text on the clipboard.
// Without JavaScript the link opens that page, where the text areas can be selected and copied.
(function () {
  "use strict";

  function copy(button, root) {
    var field = root.querySelector("#" + button.getAttribute("data-copy"));
    var status = root.querySelector(".republish__status");
    var done = function () {
      if (status) status.textContent = button.getAttribute("data-copied") || "✓";
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, function () {
        field.select();
      });
    } else {
      field.select();
      if (document.execCommand("copy")) done();
    }
  }

  function enableCopy(root) {
    root.querySelectorAll("[data-copy]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        copy(button, root);
      });
    });
  }

  function openDialog(url, opener) {
    return fetch(url, { credentials: "omit" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var panel = page.getElementById("republish-panel");
        if (!panel) throw new Error("no panel");
        var dialog = document.getElementById("republish-dialog");
        if (!dialog) {
          dialog = document.createElement("dialog");
          dialog.id = "republish-dialog";
          dialog.className = "republish-dialog";
          dialog.setAttribute("aria-labelledby", "republish-dialog-title");
          document.body.appendChild(dialog);
          dialog.addEventListener("close", function () {
            if (dialog.opener) dialog.opener.focus();
          });
        }
        dialog.opener = opener;
        dialog.textContent = "";
        var title = document.createElement("h2");
        title.id = "republish-dialog-title";
        title.textContent = opener.textContent;
        var close = document.createElement("button");
        close.type = "button";
        close.className = "republish-dialog__close";
        close.textContent = opener.getAttribute("data-close-label") || "×";
        close.addEventListener("click", function () {
          dialog.close();
        });
        dialog.appendChild(close);
        dialog.appendChild(title);
        dialog.appendChild(document.importNode(panel, true));
        enableCopy(dialog);
        // Another language's version replaces the dialog's content in place.
        dialog.querySelectorAll("[data-republish-language]").forEach(function (link) {
          link.addEventListener("click", function (event) {
            event.preventDefault();
            openDialog(link.href, opener).catch(function () {
              window.location.href = link.href;
            });
          });
        });
        if (!dialog.open) dialog.showModal();
        var first = dialog.querySelector("textarea");
        if (first) first.focus();
      });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var panel = document.getElementById("republish-panel");
    if (panel) enableCopy(panel);
    document.querySelectorAll("a[data-republish]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        if (typeof HTMLDialogElement !== "function") return;
        event.preventDefault();
        openDialog(link.href, link).catch(function () {
          window.location.href = link.href;
        });
      });
    });
  });
})();
