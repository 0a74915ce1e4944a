// Small conveniences on top of pages that work without JavaScript.
// Nothing here reads article content as HTML: only ids and existing elements are used.
"use strict";

function openTargetDetails() {
  var id = decodeURIComponent(window.location.hash.slice(1));
  if (!id) {
    return;
  }
  var target = document.getElementById(id);
  if (target && target.tagName === "DETAILS") {
    target.open = true;
  }
}

document.addEventListener("DOMContentLoaded", function () {
  openTargetDetails();
  window.addEventListener("hashchange", openTargetDetails);
  // A claim in the text opens its details in the list as well as jumping to it.
  document.querySelectorAll("a.claim[data-claim]").forEach(function (link) {
    link.addEventListener("click", function () {
      var details = document.getElementById("claim-" + link.dataset.claim);
      if (details) {
        details.open = true;
      }
    });
  });
});
