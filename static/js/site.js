// Progressive enhancements only: every feature works without this file.
(function () {
  "use strict";

  // Share tools: the browser's own share sheet and a copy-link button, shown only where they work.
  document.querySelectorAll("[data-share-tools]").forEach(function (tools) {
    var url = tools.getAttribute("data-url");
    var title = tools.getAttribute("data-title");
    var status = tools.querySelector("[data-share-status]");
    var shareButton = tools.querySelector("[data-share]");
    var copyButton = tools.querySelector("[data-copy-link]");

    function say(message) {
      if (status) status.textContent = message;
    }

    if (shareButton && typeof navigator.share === "function") {
      shareButton.hidden = false;
      shareButton.addEventListener("click", function () {
        navigator.share({ title: title, url: url }).catch(function (error) {
          if (error && error.name !== "AbortError") say("Sharing did not work; use a link above.");
        });
      });
    }

    if (copyButton && navigator.clipboard && window.isSecureContext) {
      copyButton.hidden = false;
      copyButton.addEventListener("click", function () {
        navigator.clipboard.writeText(url).then(
          function () {
            say("Link copied.");
          },
          function () {
            say("Could not copy; the address is " + url);
          }
        );
      });
    }
  });
})();
