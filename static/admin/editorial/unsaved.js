/*
 * Editorial comments post to their own view, outside the change form: posting one leaves
 * the page, and edits not yet saved in the change form would be lost. When the change form
 * differs from what the page loaded with, posting a comment, a reply or a resolve asks
 * first. Without JavaScript the comment box says so in text.
 */
"use strict";

(function () {
  const comments = document.getElementById("editorial-comments");
  const changeForm = comments && document.getElementById(comments.dataset.changeForm);
  if (!changeForm) {
    return;
  }

  function snapshot() {
    const parts = [];
    new FormData(changeForm).forEach(function (value, name) {
      parts.push([name, typeof value === "string" ? value : value.name].join("="));
    });
    return parts.join("&");
  }

  const loaded = snapshot();

  comments.querySelectorAll("form").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (snapshot() !== loaded && !window.confirm(comments.dataset.unsavedWarning)) {
        event.preventDefault();
      }
    });
  });
})();
