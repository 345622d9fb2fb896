/*
 * Tabs for a long change form, a progressive enhancement of its table of contents
 * (admin/editorial/_form_contents.html). Without it the contents are plain links to each
 * section's heading and the whole form is one long page.
 *
 * - Each named section and inline listed in the contents becomes a tab panel; the contents
 *   become the tab list (arrow keys, Home and End move between tabs). The unnamed first
 *   section, which holds what editors change most, stays above every tab, and the change
 *   note (class "change-note"), part of saving, below every tab.
 * - The form opens on the first section holding an error (a save refused), else on the
 *   section of the address's #fragment, else on the first tab. "All sections" shows the
 *   whole form again.
 * - Hidden sections are still part of the form: everything in them is saved.
 */
"use strict";

(function () {
  const ALL = "all-sections";

  function panelOf(link) {
    const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    return target && (target.closest(".inline-group") || target.closest("fieldset"));
  }

  function enhance(nav) {
    const list = nav.querySelector("ol");
    const links = [...list.querySelectorAll("a[href^='#']")];
    const sections = links.map((link) => ({ link, panel: panelOf(link) })).filter((t) => t.panel);
    // The change note is part of saving: it stays in sight under every tab.
    sections
      .filter(({ panel }) => panel.classList.contains("change-note"))
      .forEach(({ link }) => link.parentElement.remove());
    const tabs = sections.filter(({ panel }) => !panel.classList.contains("change-note"));
    if (tabs.length < 2) {
      return;
    }
    const allItem = document.createElement("li");
    const allLink = document.createElement("a");
    allLink.href = "#" + ALL;
    allLink.textContent = "All sections";
    allItem.append(allLink);
    list.append(allItem);
    tabs.push({ link: allLink, panel: null });

    nav.classList.add("form-tabs");
    list.setAttribute("role", "tablist");
    list.setAttribute("aria-labelledby", "form-contents-heading");
    tabs.forEach(({ link, panel }, index) => {
      link.parentElement.setAttribute("role", "presentation");
      link.setAttribute("role", "tab");
      link.id = link.id || "form-tab-" + index;
      if (panel) {
        panel.setAttribute("role", "tabpanel");
        panel.setAttribute("aria-labelledby", link.id);
        panel.id = panel.id || "form-panel-" + index;
        link.setAttribute("aria-controls", panel.id);
      }
    });

    function show(chosen, { focus = false, remember = true } = {}) {
      tabs.forEach((tab) => {
        const selected = tab === chosen;
        tab.link.setAttribute("aria-selected", String(selected));
        tab.link.tabIndex = selected ? 0 : -1;
        if (tab.panel) {
          tab.panel.hidden = !(selected || chosen.panel === null);
        }
      });
      if (focus) {
        chosen.link.focus();
      }
      if (remember) {
        history.replaceState(null, "", chosen.link.hash);
      }
    }

    tabs.forEach((tab, index) => {
      tab.link.addEventListener("click", (event) => {
        event.preventDefault();
        show(tab);
      });
      tab.link.addEventListener("keydown", (event) => {
        const moves = {
          ArrowRight: index + 1,
          ArrowLeft: index - 1,
          Home: 0,
          End: tabs.length - 1,
        };
        if (!(event.key in moves)) {
          return;
        }
        event.preventDefault();
        show(tabs[(moves[event.key] + tabs.length) % tabs.length], { focus: true });
      });
    });

    const byHash = tabs.find((tab) => tab.link.hash === location.hash);
    const withError = tabs.find(
      (tab) => tab.panel && tab.panel.querySelector(".errorlist, .errors, .errornote"),
    );
    show(withError || byHash || tabs[0], { remember: Boolean(byHash) && !withError });
  }

  function start() {
    document.querySelectorAll("nav.form-contents").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
