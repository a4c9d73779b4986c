/* Commons: small progressive enhancements. Every page works without this file. */
(function () {
  "use strict";
  // Move focus to a form's error summary when the page shows one, so that
  // screen-reader and keyboard users hear what went wrong straight away.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
})();
