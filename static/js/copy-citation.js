// Copy buttons for styled citations. Each `.citation` block holds the entry (`.csl-entry`),
// a button left hidden in the HTML, and a polite live region. Without JavaScript the
// button stays hidden and the entry is plain selectable text; with it the button copies
// the entry's text and the live region says "Copied" for screen readers.
(function () {
  "use strict";

  function copyBySelection(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    var copied = document.execCommand("copy");
    selection.removeAllRanges();
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copy(node) {
    var text = node.innerText.trim();
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        return copyBySelection(node);
      });
    }
    return copyBySelection(node);
  }

  function announce(status, message) {
    status.textContent = "";
    // A fresh text node, so a second "Copied" is announced again.
    window.setTimeout(function () {
      status.textContent = message;
    }, 50);
  }

  document.querySelectorAll(".citation").forEach(function (block) {
    var entry = block.querySelector(".csl-entry");
    var button = block.querySelector(".copy-citation");
    var status = block.querySelector(".copy-status");
    if (!entry || !button || !status) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      copy(entry).then(
        function () {
          announce(status, "Copied");
        },
        function () {
          announce(status, "Could not copy: select the text and copy it yourself");
        }
      );
    });
  });
})();
