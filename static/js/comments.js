// Comment replies without a page load: "Reply" moves the form under the comment.
// Without this file the same links load the page with ?replyto=<id>, which works too.
(function () {
  "use strict";

  var respond = document.getElementById("respond");
  if (!respond) return;

  var form = respond.querySelector("form");
  var parentInput = form.querySelector("input[name=parent]");
  var title = document.getElementById("reply-title");
  var cancel = respond.querySelector(".comment-respond__cancel");
  var defaultTitle = title.getAttribute("data-default-title");
  // Where the form lives when it is not answering anyone.
  var home = document.createElement("div");
  home.hidden = true;
  respond.parentNode.insertBefore(home, respond);

  function replyTo(link) {
    var comment = document.getElementById("comment-" + link.getAttribute("data-reply-to"));
    if (!comment) return false;
    var card = comment.querySelector(".comment__card");
    card.parentNode.insertBefore(respond, card.nextSibling);
    parentInput.value = link.getAttribute("data-reply-to");
    title.textContent = "Reply to " + link.getAttribute("data-reply-name");
    cancel.hidden = false;
    var first = form.querySelector("textarea, input:not([type=hidden])");
    if (first) first.focus();
    return true;
  }

  function cancelReply() {
    home.parentNode.insertBefore(respond, home);
    parentInput.value = "";
    title.textContent = defaultTitle;
    cancel.hidden = true;
    title.setAttribute("tabindex", "-1");
    title.focus();
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-reply-to]");
    if (link && replyTo(link)) {
      event.preventDefault();
      return;
    }
    if (event.target.closest("a[data-cancel-reply]")) {
      event.preventDefault();
      cancelReply();
    }
  });
})();
