/*
 * Presence on an admin change form: tells the server this editor still has the item open
 * and shows who else has.
 *
 * - A heartbeat every minute while the page is open. Browsers throttle or freeze the
 *   timers of hidden tabs, so the server keeps a presence for a long time after the last
 *   heartbeat instead of dropping it after a missed beat (Wagtail's issue #12207), and the
 *   page sends a heartbeat at once when its tab becomes visible again or comes back from
 *   the back/forward cache.
 * - Leaving the page says goodbye with navigator.sendBeacon on `pagehide`, except when one
 *   of its forms is submitted: a successful save ends the presence on the server, and a
 *   refused one shows the form again, which records it again. A preview, submitted to a
 *   new tab, leaves this page open: it still says goodbye when left.
 *
 * Without JavaScript the notice is still shown from the server on every page load.
 */
"use strict";

(function () {
  const notice = document.getElementById("editing-presence");
  const tokenInput = document.querySelector("input[name=csrfmiddlewaretoken]");
  if (!notice || !tokenInput || !notice.dataset.heartbeatUrl) {
    return;
  }
  const url = notice.dataset.heartbeatUrl;
  const token = tokenInput.value;
  const every = Math.max(Number(notice.dataset.heartbeatSeconds) || 60, 10) * 1000;
  const list = notice.querySelector("ul");
  let submitting = false;
  let timer = null;

  function payload(action) {
    const data = new FormData();
    data.append("csrfmiddlewaretoken", token);
    data.append("action", action);
    return data;
  }

  function show(notices) {
    list.replaceChildren(
      ...notices.map(function (text) {
        const item = document.createElement("li");
        item.className = "warning";
        item.textContent = text;
        return item;
      })
    );
    notice.hidden = notices.length === 0;
  }

  function heartbeat() {
    fetch(url, {
      method: "POST",
      body: payload("heartbeat"),
      credentials: "same-origin",
      headers: { "X-CSRFToken": token },
    })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (data && Array.isArray(data.notices)) {
          show(data.notices);
        }
      })
      .catch(function () {
        // Offline for a moment: the next beat tries again, and the presence lasts long.
      });
  }

  function restart() {
    window.clearInterval(timer);
    timer = window.setInterval(heartbeat, every);
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") {
      heartbeat();
      restart();
    }
  });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      submitting = false;
      heartbeat();
      restart();
    }
  });
  window.addEventListener("pagehide", function () {
    if (!submitting) {
      navigator.sendBeacon(url, payload("leave"));
    }
  });
  document.addEventListener("submit", function (event) {
    // A preview opens in another tab (formtarget=_blank): this page stays open.
    const target = (event.submitter && event.submitter.formTarget) || event.target.target;
    if (target !== "_blank") {
      submitting = true;
    }
  });

  restart();
})();
